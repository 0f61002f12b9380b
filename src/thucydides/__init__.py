"""thucydides: structured, geolocated, sourced incident records from conflict reporting.

    >>> import thucydides
    >>> result = thucydides.extract(text, published="2016-11-15")
    >>> [i.to_dict() for i in result.incidents]
"""

from __future__ import annotations

from datetime import date, datetime

from .types import Actor, Claim, Document, Extraction, Incident, Span, Toponym

__version__ = "0.1.0"
__all__ = ["extract", "extract_document", "geoparse", "Document", "Extraction", "Incident",
           "Toponym"]


def _as_date(published: str | date | datetime | None) -> datetime | None:
    from .ingest import parse_published

    if published is None or isinstance(published, datetime):
        return published
    if isinstance(published, date):
        return datetime(published.year, published.month, published.day)
    return parse_published(published)


def extract_document(document: Document, gazetteer_path: str | None = None) -> Extraction:
    """Incidents and claims of one Document, its title read as the text's first paragraph:
    a headline often says what happened and where ("Two killed in market shelling")."""
    from .fuse import fuse
    from .incidents import build_mentions
    from .nlp import annotate
    from .segment import segment

    heading = _heading(document)
    text = heading + document.text
    published = document.published.date() if document.published else None
    segments = segment(text, published)
    doc = annotate(text, segments, gazetteer_path)
    extraction = fuse(document, build_mentions(doc), segments, doc._.toponyms, doc._.claims)
    if heading:
        _offsets_into_parts(extraction.incidents, extraction.claims, len(heading))
    return extraction


def _heading(document: Document) -> str:
    """The title and a blank line to read before the text, unless the text opens with it."""
    title = (document.title or "").rstrip()
    first_line = document.text.lstrip().split("\n", 1)[0].strip()
    if not title.strip() or first_line == title.strip():
        return ""
    return f"{title}\n\n"


def _offsets_into_parts(incidents: list[Incident], claims: list[Claim], heading: int) -> None:
    """Offsets into the document's title or text, as users hold them, rather than into the
    heading-and-text the pipeline read (sentences never cross the blank line between them)."""
    located: dict[int, Span | Claim | Actor] = {}
    for incident in incidents:
        for item in [*incident.evidence, *incident.claims, *incident.actors,
                     *(s for spans in incident.field_evidence.values() for s in spans)]:
            located[id(item)] = item
    located.update((id(claim), claim) for claim in claims)
    for item in located.values():
        if item.start is None:
            continue
        if item.start < heading:
            item.part = "title"
        else:
            item.start -= heading
            item.end -= heading


def extract(text: str, published: str | date | datetime | None = None, *,
            id: str = "document", gazetteer_path: str | None = None) -> Extraction:
    """Incidents and claims of one text; `published` anchors relative dates ("on Tuesday")."""
    return extract_document(Document(id=id, text=text, published=_as_date(published)),
                            gazetteer_path)


def geoparse(text: str, gazetteer_path: str | None = None) -> list[Toponym]:
    """Every place name in `text`, resolved against the gazetteer where possible."""
    from .nlp import annotate
    from .segment import segment

    return annotate(text, segment(text, None), gazetteer_path)._.toponyms
