"""`thucydides eval geo`: toponym detection and resolution, or event location.

Two formats, told apart by the records: toponym corpora (lgl, gwn, geovirus: `toponyms`
with gold offsets and coordinates) and event location (`events`: trigger -> location span).
The metrics are those of the data's README: exact-offset detection P/R/F1, accuracy within
161 km and median error over detected gold toponyms, end-to-end (detected with the same
offsets and resolved within 161 km) over all gold toponyms with coordinates, and, for event
location, per-trigger accuracy overall, with and without a gold location.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from ..events import Trigger
from ..gazetteer.points import haversine_km
from ..incidents import excluded_spans, sentence_places, trigger_places
from ..nlp import annotate, pipeline
from ..segment import segment
from ..types import Span, Toponym
from . import Report, read_jsonl

WITHIN_KM = 161.0
MAX_ERROR_KM = 20038.0
SHOWN_ERRORS = 50
BATCH = 16


def evaluate(path: Path, limit: int | None) -> Report:
    records = list(read_jsonl(path, limit))
    if not records:
        raise ValueError(f"{path}: no records")
    if "events" in records[0]:
        return _event_location(records)
    if "toponyms" in records[0]:
        return _toponyms(records)
    raise ValueError(f"{path}: records have neither 'toponyms' nor 'events'")


def geoparsed(texts: Iterable[str]) -> Iterable[Doc]:
    """Docs with `doc._.toponyms`, running only the spaCy model and the geoparser."""
    nlp = pipeline()
    keep = [name for name in nlp.pipe_names if not name.startswith("thucydides_")]
    with nlp.select_pipes(enable=keep + ["thucydides_paragraphs", "thucydides_places"]):
        yield from nlp.pipe(texts, batch_size=BATCH)


class _Tally:
    def __init__(self) -> None:
        self.gold = self.predicted = self.matched = 0
        self.with_coords = 0
        self.errors_km: list[float] = []  # detected gold toponyms with coordinates
        self.resolved = 0
        self.end_to_end = 0

    def metrics(self) -> dict:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        detected = len(self.errors_km)
        within = sum(e <= WITHIN_KM for e in self.errors_km)
        return {
            "toponyms": self.gold,
            "detection": {"precision": round(precision, 4), "recall": round(recall, 4),
                          "f1": round(f1, 4), "predicted": self.predicted},
            "resolution": {"scored": detected,
                           "accuracy_161km": round(within / detected, 4) if detected else 0.0,
                           "median_error_km": round(statistics.median(self.errors_km), 1)
                           if detected else None,
                           "coverage": round(self.resolved / detected, 4) if detected else 0.0},
            "end_to_end": {"with_coordinates": self.with_coords,
                           "accuracy_161km": round(self.end_to_end / self.with_coords, 4)
                           if self.with_coords else 0.0},
        }


def _toponyms(records: list[dict]) -> Report:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    errors: list[dict] = []
    docs = geoparsed(r["text"] for r in records)
    for record, doc in zip(records, docs):
        tally = tallies[record.get("corpus") or "all"]
        predicted = {(t.start, t.end): t for t in doc._.toponyms or []}
        tally.predicted += len(predicted)
        for gold in record["toponyms"]:
            tally.gold += 1
            found = predicted.get((gold["start"], gold["end"]))
            tally.matched += found is not None
            if gold.get("lat") is None:
                continue
            tally.with_coords += 1
            if found is None:
                errors.append(_error(record, gold, "not detected", None))
                continue
            error_km = _distance(found, gold)
            tally.errors_km.append(error_km)
            tally.resolved += found.place is not None
            if error_km <= WITHIN_KM:
                tally.end_to_end += 1
            else:
                errors.append(_error(record, gold, _shown(found), error_km))
        for key, toponym in predicted.items():
            if not any((g["start"], g["end"]) == key for g in record["toponyms"]):
                errors.append(_error(record, None, _shown(toponym), None, toponym.start))
    metrics = {corpus: tally.metrics() for corpus, tally in sorted(tallies.items())}
    errors.sort(key=lambda e: -(e.get("error_km") or 0))
    return Report(metrics, errors[:SHOWN_ERRORS])


def _distance(toponym: Toponym, gold: dict) -> float:
    if toponym.place is None:
        return MAX_ERROR_KM
    return haversine_km(toponym.place.lat, toponym.place.lon, gold["lat"], gold["lon"])


def _shown(toponym: Toponym) -> str:
    place = toponym.place
    if place is None:
        return f"{toponym.text!r} (unresolved)"
    return f"{toponym.text!r} -> {place.name}, {place.country_code} ({place.kind}, {place.id})"


def _error(record: dict, gold: dict | None, got: str, error_km: float | None,
           at: int | None = None) -> dict:
    at = gold["start"] if gold else at
    text = record["text"]
    row = {"id": record["id"],
           "expected": f"{gold['text']!r} at {gold['lat']},{gold['lon']}" if gold
           else "no toponym",
           "got": got,
           "context": text[max(0, at - 60):at + 60].replace("\n", " ")}
    if error_km is not None:
        row["error_km"] = round(error_km)
    return row


def _event_location(records: list[dict]) -> Report:
    counts = {"with": [0, 0], "without": [0, 0]}
    errors = []
    for record in records:
        doc = annotate(record["text"], segment(record["text"], None))
        for trigger, golds in _triggers(record):
            predicted = predict_event_location(doc, trigger)
            gold_spans = {(g["start"], g["end"]) for g in golds if g}
            kind = "with" if gold_spans else "without"
            got = (predicted.start, predicted.end) if predicted else None
            correct = got in gold_spans if gold_spans else got is None
            counts[kind][0] += correct
            counts[kind][1] += 1
            if not correct:
                errors.append({"id": record["id"], "trigger": trigger["text"],
                               "expected": sorted(g["text"] for g in golds if g) or None,
                               "got": predicted.text if predicted else None,
                               "context": record["text"]})
    total_correct = counts["with"][0] + counts["without"][0]
    total = counts["with"][1] + counts["without"][1]
    metrics = {"event_location": {
        "triggers": total,
        "accuracy": round(total_correct / total, 4) if total else 0.0,
        "accuracy_with_location": round(counts["with"][0] / counts["with"][1], 4)
        if counts["with"][1] else 0.0,
        "accuracy_without_location": round(counts["without"][0] / counts["without"][1], 4)
        if counts["without"][1] else 0.0,
        "with_location": counts["with"][1], "without_location": counts["without"][1]}}
    return Report(metrics, errors[:SHOWN_ERRORS])


def _triggers(record: dict) -> list[tuple[dict, list[dict | None]]]:
    """Each gold trigger with its gold locations (None for "no location")."""
    grouped: dict[tuple[int, int], tuple[dict, list]] = {}
    for event in record["events"]:
        trigger = event["trigger"]
        key = (trigger["start"], trigger["end"])
        grouped.setdefault(key, (trigger, []))[1].append(event.get("location"))
    return list(grouped.values())


def predict_event_location(doc: Doc, gold_trigger: dict) -> Toponym | None:
    """The place the pipeline attaches to the event word at the gold trigger's offsets."""
    span = doc.char_span(gold_trigger["start"], gold_trigger["end"], alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span.root.sent
    found = next((f for f in doc._.events or [] if f.sentence.start <= span.start_char
                  < f.sentence.end), None)
    others = list(found.triggers) if found else []
    trigger = next((t for t in others if t.token == span.root.i), None)
    if trigger is None:
        trigger = Trigger(Span(span.start_char, span.end_char, span.text), span.root.i,
                          "", "", 1)
        others.append(trigger)
    start, end = sentence.start_char, sentence.end_char
    toponyms = sentence_places(doc, start, end)
    claims = [c for c in doc._.claims or [] if c.start <= start < c.end or start <= c.start < end]
    excluded = excluded_spans(claims, start, sentence.text, others)
    places = trigger_places(doc, trigger, others, toponyms, excluded, resolved_only=False)
    return places[0] if places else None
