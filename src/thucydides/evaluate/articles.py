"""One article, one incident: the reading the gva-format tasks score.

A news article about a shooting reports one incident, but the pipeline may find several
(the shooting, an older case it recalls, the arrest that followed). The article's incident
is the one `thucydides.extract` gives as the document's lead; its killed, injured, date and
place are read off that record as they are. The one thing added here is GVA's
convention: a shooting story names everyone who was hit, so when it gives the dead and says
nothing of wounded (or the reverse) the other figure is 0, where the record says null. An
article `extract` finds no incident in has no figures and is dated by its publication.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import extract_document
from ..ingest import parse_published
from ..types import Document, Incident, Span


@dataclass
class Article:
    killed: int | None
    injured: int | None
    date: str | None
    lat: float | None
    lon: float | None
    reasons: dict[str, str]  # field -> the sentence that decided it


def read_article(record: dict) -> Article:
    """The article-level incident of a gva-format record, read as `extract` reads it."""
    published = parse_published(record.get("published"))
    document = Document(id=record["id"], text=record["text"], published=published,
                        title=record.get("title"))
    main = extract_document(document).lead_incident
    if main is None:
        return Article(None, None, published.date().isoformat() if published else None,
                       None, None, {})
    killed, injured = gva_counts(main.fatalities.best, main.injured.best)
    location = main.location
    reasons = {name: sentence for name, field in (("killed", "fatalities"),
                                                  ("injured", "injured"), ("date", "date"))
               if (sentence := _said(main, field))}
    return Article(killed, injured, main.date, location.lat if location else None,
                   location.lon if location else None, reasons)


def gva_counts(killed: int | None, injured: int | None) -> tuple[int | None, int | None]:
    """GVA's reading of a shooting story: it names everyone who was hit, so one figure given
    and the other not makes the other 0 (the record keeps it null: not given)."""
    if killed is not None and injured is None:
        return killed, 0
    if injured is not None and killed is None:
        return 0, injured
    return killed, injured


def _said(incident: Incident, field: str) -> str:
    """The evidence sentence holding the last span the field was read from."""
    spans: list[Span] = incident.field_evidence.get(field, [])
    if not spans:
        return ""
    last = spans[-1].start
    return next((e.text for e in incident.evidence if e.start <= last < e.end), spans[-1].text)
