"""Each gva article's incident: its date, killed and injured exact, and its place within
161 km (100 miles) of the gold coordinates where the gold has them."""

from __future__ import annotations

from pathlib import Path

from ..gazetteer.points import haversine_km
from . import Report, read_jsonl
from .articles import read_article

NEAR_KM = 161.0


def evaluate(path: Path, limit: int | None) -> Report:
    n = located = near = all_right = 0
    right = {"date": 0, "killed": 0, "injured": 0}
    errors = []
    for record in read_jsonl(path, limit):
        gold, article = record["gold"], read_article(record)
        n += 1
        got = {"date": article.date, "killed": article.killed, "injured": article.injured}
        for field in right:
            if got[field] == gold[field]:
                right[field] += 1
            else:
                errors.append({"id": record["id"], "field": field, "expected": gold[field],
                               "got": got[field],
                               "sentence": article.reasons.get(field, "")[:200]})
        place_ok = True
        if gold.get("lat") is not None:
            located += 1
            km = haversine_km(article.lat, article.lon, gold["lat"], gold["lon"]) \
                if article.lat is not None else None
            place_ok = km is not None and km <= NEAR_KM
            near += place_ok
            if not place_ok:
                errors.append({"id": record["id"], "field": "location",
                               "expected": f"{gold.get('city')}, {gold.get('state')}",
                               "got": f"{km:.0f} km off" if km is not None else None,
                               "sentence": ""})
        all_right += place_ok and all(got[f] == gold[f] for f in right)
    total = n or 1
    metrics = {"articles": n, **{f"{f}_exact": right[f] / total for f in right},
               "location_within_161km": near / located if located else None,
               "located_articles": located, "all_correct": all_right / total}
    return Report(metrics, errors)
