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
from ..dates import INCIDENT_RANKS, from_writing, incident_rank
from ..fuse import BACKGROUND_DAYS, VIOLENCE, days_apart, fuse
from ..incidents import build_mentions
from ..ingest import parse_published
from ..nlp import annotate
from ..segment import segment
from ..types import CasualtyMention, Document, Incident, TimeExpression


OTHER_CASE_DAYS = 7  # a shooting dated further from the article's is an older case it recalls

# "police said Thursday": the day of the statement, not of the shooting
SAID_ON = re.compile(r"\b(?:said|says|told(?:\s+\w+)?|announced|reported|confirmed|added)\s+"
                     r"(?:on\s+)?$",
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
    when, said = incident_day(main, doc, day)
    if said is not None:
        reasons["date"] = _said(doc, said)
    location = main.location if main is not None else None
    return Article(killed, injured, when, location.lat if location else None,
                   location.lon if location else None, reasons)


def incident_day(main: Incident | None, doc: Doc,
                 published: date | None) -> tuple[str | None, int | None]:
    """The incident's day and where the text gives it. A story names several days: the
    shooting's, the victim's death, the arrest, the hearing, the statement, the page's
    own ("Posted: Monday, June 3"). The day of the act wins (a day dating a word of
    violence), then that of a death, then any other, then a later development; the first
    in the text among equals.
    Days after publication are not the news, nor those long before it, unless the text
    gives a calendar date that dates no later development ("the June 5 shooting" in a
    story about the trial): a follow-up story names its incident by the date, and that date
    wins when nothing in the past week dates the act or a death. Among equals a weekday or
    a date wins over a day counted from the moment of writing ("overnight", "last night"),
    which the page's date gives only roughly.
    With no day in the text, the main incident's day, else the day of publication."""
    acts = {t.token for e in doc._.events or [] for t in e.triggers if t.event_type in VIOLENCE}
    ranked = []
    for order, told in enumerate(doc._.times or []):
        if told.day is None or published is None or told.day > published or \
                SAID_ON.search(doc.text, max(0, told.span.start - 30), told.span.start):
            continue
        named = _calendar(told)
        if told.day == published and named:  # the dateline
            continue
        rank = incident_rank(doc, told, acts)
        recent = published - told.day <= timedelta(days=BACKGROUND_DAYS)
        if recent or (named and rank <= INCIDENT_RANKS[None]):
            ranked.append(((rank, not recent, from_writing(told), order), told))
    if ranked:
        told = _followed_up(ranked, published) or min(ranked, key=lambda pair: pair[0])[1]
        return told.day.isoformat(), told.span.start
    if main is not None:
        return main.date, main.evidence[0].start if main.evidence else None
    return (published.isoformat() if published else None), None


def _followed_up(ranked: list[tuple[tuple, TimeExpression]],
                 published: date) -> TimeExpression | None:
    """The calendar date a follow-up story names its shooting by, more than a week back, when
    the past week's days date only what came later (a plea, a hearing, a search)."""
    (rank, *_), best = min(ranked, key=lambda pair: pair[0])
    if rank < INCIDENT_RANKS[None] or published - best.day > timedelta(days=OTHER_CASE_DAYS):
        return None
    named = [(key, told) for key, told in ranked if key[0] <= INCIDENT_RANKS[None] and
             published - told.day > timedelta(days=OTHER_CASE_DAYS) and _calendar(told)]
    return min(named, key=lambda pair: (pair[0][0], pair[0][-1]))[1] if named else None


def _calendar(told: TimeExpression) -> bool:
    """A calendar date ("June 5", "6/5/2015") rather than a weekday or a relative day."""
    return any(ch.isdigit() for ch in told.span.text)


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
    """Counts of the article less those in sentences only another shooting speaks for: one
    of violence dated more than a week from the article's (an older case the story recalls).
    What the pipeline split off the same news (the arrest, a remark with no place, the same
    shooting read a day apart) still counts."""
    def inside(c: CasualtyMention, incident: Incident) -> bool:
        return any(e.start <= c.span.start < e.end for e in incident.evidence)

    def another_case(incident: Incident) -> bool:
        return incident.event_type in VIOLENCE and \
            days_apart(incident.date, main.date if main else None) > OTHER_CASE_DAYS
    others = [i for i in incidents if i is not main and another_case(i)]
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
