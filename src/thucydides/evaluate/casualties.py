"""Killed and injured per article (gva format): exact accuracy, MAE over the articles given a
figure (with that coverage), and how the misses split into over- and under-counts."""

from __future__ import annotations

from pathlib import Path

from . import Report, read_jsonl
from .articles import read_article

FIELDS = ("killed", "injured")


def evaluate(path: Path, limit: int | None) -> Report:
    rows = [(record, read_article(record)) for record in read_jsonl(path, limit)]
    metrics = {"articles": len(rows)}
    errors = []
    for field in FIELDS:
        metrics[field] = count_metrics([(r["gold"][field], getattr(a, field)) for r, a in rows])
        errors.extend(count_errors(rows, field))
    errors.sort(key=lambda e: e["error"], reverse=True)
    return Report(metrics, errors)


def count_metrics(pairs: list[tuple[int, int | None]]) -> dict:
    """Exact share, MAE where a figure was given, coverage, and the over / under / null split."""
    n = len(pairs) or 1
    given = [(gold, got) for gold, got in pairs if got is not None]
    return {
        "exact": sum(gold == got for gold, got in pairs) / n,
        "mae": sum(abs(gold - got) for gold, got in given) / len(given) if given else None,
        "coverage": len(given) / n,
        "over": sum(got > gold for gold, got in given) / n,
        "under": sum(got < gold for gold, got in given) / n,
        "missing": (len(pairs) - len(given)) / n,
    }


def count_errors(rows: list, field: str) -> list[dict]:
    """The articles whose figure is wrong, worst first (a missing figure ranks as its gold)."""
    out = []
    for record, article in rows:
        gold, got = record["gold"][field], getattr(article, field)
        if gold != got:
            out.append({"id": record["id"], "field": field, "expected": gold, "got": got,
                        "error": abs(gold - (got or 0)),
                        "sentence": article.reasons.get(field, "")[:200]})
    return out
