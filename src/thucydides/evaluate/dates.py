"""Dates, on either format: TempEval-3 documents (each gold DATE timex is right when a found
expression overlaps it with exactly its value; also scored on the full-day values alone), or
gva articles (the article's incident date against GVA's)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..dates import find_times
from . import Report, read_jsonl
from .articles import read_article

FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def evaluate(path: Path, limit: int | None) -> Report:
    records = list(read_jsonl(path, limit))
    if records and "timexes" in records[0]:
        return timex_values(records)
    return incident_dates(records)


def timex_values(records: list[dict]) -> Report:
    gold_n = day_n = right = day_right = found_n = 0
    errors = []
    for record in records:
        anchor = date.fromisoformat(record["dct"][:10])
        found = find_times(record["text"], anchor)
        found_n += len(found)
        for timex in (t for t in record["timexes"] if t["type"] == "DATE"):
            overlapping = [t for t in found
                           if t.span.start < timex["end"] and timex["start"] < t.span.end]
            ok = any(t.value == timex["value"] for t in overlapping)
            full_day = bool(FULL_DAY.fullmatch(timex["value"]))
            gold_n += 1
            day_n += full_day
            right += ok
            day_right += ok and full_day
            if not ok:
                text = record["text"]
                errors.append({"id": record["id"], "expected": f"{timex['text']}={timex['value']}",
                               "got": ", ".join(f"{t.span.text}={t.value}" for t in overlapping)
                               or None,
                               "sentence": text[max(0, timex["start"] - 80):timex["end"] + 80]
                               .replace("\n", " ")})
    metrics = {"documents": len(records), "gold_dates": gold_n,
               "value_accuracy": right / gold_n if gold_n else None,
               "full_day_dates": day_n,
               "full_day_value_accuracy": day_right / day_n if day_n else None,
               "found_expressions": found_n}
    errors.sort(key=lambda e: e["got"] is not None)
    return Report(metrics, errors)


def incident_dates(records: list[dict]) -> Report:
    right = within_week = given = 0
    errors = []
    for record in records:
        article = read_article(record)
        gold = record["gold"]["date"]
        given += article.date is not None
        right += article.date == gold
        if article.date:
            within_week += abs((date.fromisoformat(article.date) -
                                date.fromisoformat(gold)).days) <= 7
        if article.date != gold:
            errors.append({"id": record["id"], "expected": gold, "got": article.date,
                           "published": record.get("published"),
                           "sentence": article.reasons.get("date", "")[:200]})
    n = len(records) or 1
    return Report({"articles": len(records), "date_exact": right / n,
                   "date_within_7_days": within_week / n, "coverage": given / n}, errors)
