"""The same records in every output format: JSON, JSON Lines, CSV, GeoJSON and a table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .types import Extraction, Incident

CSV_COLUMNS = [
    "document_id", "incident_id", "date", "date_precision", "event_type", "sub_event_type",
    "location", "country_code", "admin1", "latitude", "longitude", "geo_precision",
    "gazetteer_id", "perpetrators", "targets_actors", "targets", "weapons",
    "fatalities_low", "fatalities_best", "fatalities_high", "children_killed",
    "civilians_killed", "injured_low", "injured_best", "injured_high", "contested", "claims",
    "evidence", "confidence",
]


def _cell(value) -> str:
    return "" if value is None else str(value)


def incident_row(document_id: str, incident: Incident) -> dict[str, str]:
    """One flat row per incident: what a spreadsheet or pandas.read_csv wants."""
    loc = incident.location
    f, inj = incident.fatalities, incident.injured
    return {
        "document_id": document_id, "incident_id": incident.id, "date": _cell(incident.date),
        "date_precision": _cell(incident.date_precision), "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "location": loc.name if loc else "", "country_code": _cell(loc and loc.country_code),
        "admin1": _cell(loc and loc.admin1), "latitude": _cell(loc and loc.lat),
        "longitude": _cell(loc and loc.lon), "geo_precision": _cell(loc and loc.precision),
        "gazetteer_id": _cell(loc and loc.gazetteer_id),
        "perpetrators": "; ".join(a.name for a in incident.actors if a.role == "perpetrator"),
        "targets_actors": "; ".join(a.name for a in incident.actors if a.role == "target"),
        "targets": "; ".join(incident.targets), "weapons": "; ".join(incident.weapons),
        "fatalities_low": _cell(f.low), "fatalities_best": _cell(f.best),
        "fatalities_high": _cell(f.high), "children_killed": _cell(f.children),
        "civilians_killed": _cell(f.civilians), "injured_low": _cell(inj.low),
        "injured_best": _cell(inj.best), "injured_high": _cell(inj.high),
        "contested": "true" if incident.contested else "false",
        "claims": "; ".join(f"{c.claimant}: {c.stance}" for c in incident.claims),
        "evidence": " | ".join(e.text for e in incident.evidence),
        "confidence": f"{incident.confidence:.2f}",
    }


def to_json(results: list[Extraction]) -> str:
    """One object for one document, an array for several."""
    data = [r.to_dict() for r in results]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def to_jsonl(results: Iterable[Extraction]) -> Iterable[str]:
    for result in results:
        yield json.dumps(result.to_dict(), ensure_ascii=False)


def to_csv(results: Iterable[Extraction]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        for incident in result.incidents:
            writer.writerow(incident_row(result.id, incident))
    return buffer.getvalue()


def to_geojson(results: Iterable[Extraction]) -> str:
    """Incidents with a location as Point features (longitude first, as GeoJSON wants)."""
    features = []
    for result in results:
        for incident in result.incidents:
            if incident.location is None:
                continue
            properties = incident_row(result.id, incident)
            features.append({
                "type": "Feature", "id": incident.id,
                "geometry": {"type": "Point", "coordinates": [incident.location.lon,
                                                              incident.location.lat]},
                "properties": properties,
            })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      indent=2)


def _count(count) -> str:
    if count.best is None:
        return "-"
    text = str(count.best)
    if count.high is None and count.low is not None:
        text = f"{count.low}+"
    elif count.high is not None and count.high != count.best:
        text = f"{count.best}-{count.high}"
    return text


def to_table(results: Iterable[Extraction], width: int = 120) -> str:
    """A summary a person reads at a glance: one line per incident, totals per document."""
    lines = []
    header = f"{'date':<10}  {'place':<22} {'type':<34} {'perpetrator':<26} {'killed':>6} " \
             f"{'injured':>7}  contested"
    for result in results:
        title = result.document.title or result.id
        lines.append(f"{title}: {len(result.incidents)} incident(s)")
        if result.incidents:
            lines.append(header)
            lines.append("-" * min(width, len(header) + 2))
        for incident in result.incidents:
            place = incident.location.name if incident.location else "(no place)"
            if incident.location and incident.location.precision == 2:
                place += " (part)"
            if incident.location and incident.location.precision == 3:
                place += " (region)"
            perpetrator = ", ".join(a.name for a in incident.actors if a.role == "perpetrator")
            lines.append(
                f"{incident.date or '?':<10}  {place[:22]:<22} {incident.sub_event_type[:34]:<34} "
                f"{(perpetrator or '-')[:26]:<26} {_count(incident.fatalities):>6} "
                f"{_count(incident.injured):>7}  {'yes' if incident.contested else ''}")
        for claim in result.claims:
            if claim.incident_ids and claim.fatalities is not None:
                lines.append(f"  total claimed by {claim.claimant}: "
                             f"{_count(claim.fatalities)} killed across "
                             f"{len(claim.incident_ids)} incidents (not added to any one)")
        lines.append("")
    return "\n".join(lines)
