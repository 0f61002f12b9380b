"""thucydides: structured, geolocated, sourced incident records from conflict reporting.

    >>> import thucydides
    >>> result = thucydides.extract(text, published="2016-11-15")
    >>> [i.to_dict() for i in result.incidents]
"""

from __future__ import annotations

from datetime import date, datetime

from .types import Document, Extraction, Incident, Toponym

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
    """Incidents and claims of one Document."""
    from .fuse import fuse
    from .incidents import build_mentions
    from .nlp import annotate
    from .segment import segment

    published = document.published.date() if document.published else None
    segments = segment(document.text, published)
    doc = annotate(document.text, segments, gazetteer_path)
    return fuse(document, build_mentions(doc), segments, doc._.toponyms, doc._.claims)


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
