"""Whole-pipeline throughput and memory against the spaCy pass it is built on.

Corpus: the VOA news stories in ../shared/eval/corpus when present (real prose, mostly not
about conflict), otherwise the bundled example reports repeated.
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOA = ROOT.parent / "shared" / "eval" / "corpus" / "voa_stories.jsonl"
EXAMPLES = ROOT / "examples" / "reports.jsonl"


def _documents() -> list[dict]:
    if VOA.exists():
        return [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines()]
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()] * 10


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run() -> list[tuple[str, float, float | None, str]]:
    import thucydides
    from thucydides.nlp import load_model, pipeline

    docs = _documents()
    chars = sum(len(d["text"]) for d in docs)
    baseline_model = load_model()
    pipeline()  # load once, outside the timings
    thucydides.extract(docs[0]["text"], published=docs[0].get("published"))

    start = time.perf_counter()
    for doc in docs:
        baseline_model(doc["text"])
    spacy_seconds = time.perf_counter() - start

    start = time.perf_counter()
    incidents = 0
    for doc in docs:
        incidents += len(thucydides.extract(doc["text"], published=doc.get("published"),
                                            id=str(doc.get("id"))).incidents)
    full_seconds = time.perf_counter() - start
    return [
        (f"seconds for {len(docs)} documents ({chars:,} chars)", full_seconds, spacy_seconds,
         "s (baseline: spaCy alone)"),
        ("characters per second", chars / full_seconds, chars / spacy_seconds, "chars/s"),
        ("incidents found", float(incidents), None, "incidents"),
        ("peak resident memory", _peak_mb(), None, "MB"),
    ]
