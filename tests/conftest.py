"""Shared fixtures. Tests that read ../shared skip with a message where it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.evaluate.geo import predict_event_location
from thucydides.nlp import annotate
from thucydides.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "reports.jsonl"


def place_of(text: str, word: str) -> str | None:
    """The place name given for the event word `word` of a one-sentence report."""
    doc = annotate(text, segment(text, None))
    start = text.index(word)
    place = predict_event_location(doc, {"start": start, "end": start + len(word), "text": word})
    return place.text if place else None


def shared_file(relative: str) -> Path:
    """A file under ../shared, or a skip saying where it was looked for."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared evaluation data is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def example_reports() -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, EXAMPLES.read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="session")
def extracted(example_reports):
    """The bundled example reports, extracted once for the whole session."""
    import thucydides

    return {doc_id: thucydides.extract(doc["text"], published=doc["published"], id=doc_id)
            for doc_id, doc in example_reports.items()}
