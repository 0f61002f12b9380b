"""One article, one incident: the reading the gva-format tasks score.

A news article about a shooting reports one incident, but the pipeline may find several
(the shooting, an older case it recalls, a place-less remark). The article's incident is the
one with the most casualty evidence; its killed and injured come from every count in the
article except those the pipeline gave to another incident, so a count in a sentence that
names no event ("Two men died") still counts. Sums over several incidents are left out, as
they are from every incident record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span as SpacySpan

from ..casualties import tally
from ..fuse import BACKGROUND_DAYS, VIOLENCE, fuse
from ..incidents import build_mentions
from ..ingest import parse_published
from ..nlp import annotate
from ..segment import segment
from ..types import CasualtyMention, Document, Incident


# "police said Thursday": the day of the statement, not of the shooting
SAID_ON = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added)\s+(?:on\s+)?$",
                     re.IGNORECASE)


@dataclass
class Article:
    killed: int | None
    injured: int | None
    date: str | None
    lat: float | None
    lon: float | None
    reasons: dict[str, str]  # field -> the sentence that decided it


def read_article(record: dict) -> Article:
    """The article-level incident of a gva-format record (title, then body, as published)."""
    title = (record.get("title") or "").strip()
    text = f"{title}\n\n{record['text']}" if title else record["text"]
    published = parse_published(record.get("published"))
    document = Document(id=record["id"], text=text, published=published, title=title or None)
    day = published.date() if published else None
    segments = segment(text, day)
    doc = annotate(text, segments)
    incidents, _ = fuse(document, build_mentions(doc), segments, doc._.toponyms, doc._.claims)
    main = main_incident(incidents, doc._.casualties or [])
    counts = own_casualties(main, incidents, doc._.casualties or [])
    killed, injured = article_counts(counts)

    reasons = {kind: _said(doc, decisive.span.start) for kind in ("killed", "injured")
               if (decisive := _decisive(counts, kind))}
    when, said = incident_day(main, doc, counts, day)
    if said is not None:
        reasons["date"] = _said(doc, said)
    location = main.location if main is not None else None
    return Article(killed, injured, when, location.lat if location else None,
                   location.lon if location else None, reasons)


def incident_day(main: Incident | None, doc: Doc, casualties: list[CasualtyMention],
                 published: date | None) -> tuple[str | None, int | None]:
    """The incident's day and where the text gives it: the main incident's own dated
    mention, else the first day named in a sentence that reports the violence (news names
    the day of the shooting in the lead: "early Saturday", "on Tuesday night"), else the day
    of publication. Days after publication or long before it are not the news, nor is the
    dateline ("Posted: Sunday, March 8") or the day a statement was made ("police said
    Thursday")."""
    dated = main.field_evidence.get("date") if main is not None else None
    if dated and main.date_precision == "day":
        return main.date, dated[0].start
    reporting = [(e.sentence.start, e.sentence.end) for e in doc._.events or []
                 if any(t.event_type in VIOLENCE for t in e.triggers)] + [
        (s.start_char, s.end_char) for c in casualties if (s := _sentence(doc, c.span.start))]
    for told in doc._.times or []:
        if told.day is None or published is None or not \
                timedelta(0) <= published - told.day <= timedelta(days=BACKGROUND_DAYS):
            continue
        dateline = told.day == published and any(ch.isdigit() for ch in told.span.text)
        if any(start <= told.span.start < end for start, end in reporting) and not dateline \
                and not SAID_ON.search(doc.text, max(0, told.span.start - 30), told.span.start):
            return told.day.isoformat(), told.span.start
    if main is not None:
        return main.date, main.evidence[0].start if main.evidence else None
    return (published.isoformat() if published else None), None


def _said(doc: Doc, offset: int) -> str:
    sentence = _sentence(doc, offset)
    return sentence.text.strip() if sentence is not None else ""


def _sentence(doc: Doc, offset: int) -> SpacySpan | None:
    """The sentence of the Doc that holds a character offset."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.sent if span is not None else None


def main_incident(incidents: list[Incident], casualties: list[CasualtyMention]) -> Incident | None:
    """The incident the article is about: the most sentences with counts, then evidence."""
    def counted(incident: Incident) -> int:
        return sum(any(e.start <= c.span.start < e.end for c in casualties)
                   for e in incident.evidence)
    return max(incidents, key=lambda i: (counted(i), len(i.evidence), i.confidence),
               default=None)


def own_casualties(main: Incident | None, incidents: list[Incident],
                   casualties: list[CasualtyMention]) -> list[CasualtyMention]:
    """Counts of the article less those in sentences only another incident speaks for."""
    def inside(c: CasualtyMention, incident: Incident) -> bool:
        return any(e.start <= c.span.start < e.end for e in incident.evidence)
    others = [i for i in incidents if i is not main]
    return [c for c in casualties if not c.aggregate and (
        (main is not None and inside(c, main)) or not any(inside(c, i) for i in others))]


def article_counts(casualties: list[CasualtyMention]) -> tuple[int | None, int | None]:
    """Killed and injured of one article's incident.

    A shooting story names everyone who was hit: when it gives the dead and says nothing of
    wounded (or the reverse), the other figure is 0, not unknown.
    """
    fatalities, injured = tally(casualties)
    killed, wounded = fatalities.best, injured.best
    if killed is not None and wounded is None:
        wounded = 0
    elif wounded is not None and killed is None:
        killed = 0
    return killed, wounded


def _decisive(casualties: list[CasualtyMention], kind: str) -> CasualtyMention | None:
    of_kind = [c for c in casualties if c.kind == kind and not c.aggregate]
    return max(of_kind, key=lambda c: (c.count.best or 0, c.span.start), default=None)
