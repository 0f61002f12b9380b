"""Fuse event mentions into incidents: one per kind of event at a place on a day.

Mentions of the same attack in several live-blog entries become one incident with several
pieces of evidence. A sentence that names no place joins the incident its entry was just
describing (or the one it shares a target with); a count that sums up several incidents
("at least 55 were killed in the attacks") becomes a claim linked to them, never a figure
added to each.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from .casualties import states_number, tally
from .dates import BACKGROUND_DAYS, from_writing, period_end, period_start
from .events import VIOLENCE
from .gazetteer.points import haversine_km
from .incidents import unique_actors
from .lexicons import load
from .types import (CasualtyMention, Claim, Document, EventMention, Extraction,
                    Fatalities, Incident, Location, Place, Segment, Span, TimeExpression, Toponym)

CONTEXT_DAYS = 3  # a development dated further back than this is context, not news
NEIGHBOUR_KM = 25.0  # a town and its neighbour ("West Linden", "Linden") tell one place
FINENESS = {"district": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
NEARBY_CHARS = 600  # how far back a place-less sentence looks for the incident it continues


def _joins(mention: EventMention, event_type: str) -> bool:
    """Whether a mention can be part of an incident of `event_type`: the same ACLED type, or
    a generic word of violence ("attack", "killed") joining any violent incident."""
    return mention.event_type == event_type or (
        mention.specificity == 0 and mention.event_type in VIOLENCE and event_type in VIOLENCE)


@cache
def _event_type_of() -> dict[str, str]:
    types = {row[2]: row[1] for row in load("event_triggers")}
    types.update({row[2]: "Explosions/Remote violence" for row in load("weapons") if row[2] != "-"})
    return types


@dataclass
class _Draft:
    family: str  # the ACLED event type of the incident
    day: str | None
    precision: str | None
    location: Toponym | None
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def segments(self) -> set[int]:
        return {m.segment for m in self.mentions}

    @property
    def first_start(self) -> int:
        return min(m.sentence.start for m in self.mentions)

    @property
    def last_end(self) -> int:
        return max(m.sentence.end for m in self.mentions)

    @property
    def targets(self) -> set[str]:
        return {t for m in self.mentions for t in m.targets}


def _told(mention: EventMention) -> TimeExpression | None:
    """The time the text gives for a mention: its sentence's, else for violence the day its
    entry gives for the violence it reports ("Saturday night" further down the story). That
    day also makes precise a period the sentence gives ("last week" and "early Sunday") or a
    day it counts from the moment of writing, which the page's date gives only roughly
    ("overnight" and "Tuesday evening")."""
    own, entry = mention.date, mention.entry_date
    if own is None or entry is not None and (
            own.precision != "day" and _holds(own, entry.day) or
            from_writing(own) and own.day is not None and abs((own.day - entry.day).days) <= 1):
        return entry
    return own


def _holds(period: TimeExpression, day: date) -> bool:
    """Whether a period told of ("last week", "2016-06") holds a day; one that no calendar
    day starts (a season) gives way to any."""
    first, last = period_start(period.value), period_end(period.value, period.precision)
    return first is None or last is None or date.fromisoformat(first) <= day <= last


def _day(mention: EventMention, segment: Segment | None) -> tuple[str | None, str | None]:
    told = _told(mention)
    if told is not None and told.precision:
        return _day_of(told), told.precision
    if segment is not None and segment.reference is not None:
        return segment.reference.isoformat(), "day"
    return None, None


def _day_of(told: TimeExpression) -> str:
    """The day (or the period) a time expression gives an incident."""
    return told.value[:10] if told.precision == "day" else told.value


def _dated_by_entry(mentions: list[EventMention]) -> list[EventMention]:
    """The mentions as fusion dates them. The day an entry gives for its violence dates
    what its sentence tells there, the undated sentences about the same area or about no
    place, and those before it ("Man shot dead" above "shot Saturday night on Elm Street in
    Linden"): a story's headline and lede tell the incident its body then dates, whatever
    place they name. An undated sentence about a place elsewhere after it ("In Mykolaiv, a
    strike wounded four" after "shelling killed two in Kherson on Monday") is not dated by
    it."""
    told_at: dict[int, list[Toponym]] = {}
    for m in mentions:
        told = m.entry_date
        if told is not None and m.sentence.start <= told.span.start < m.sentence.end:
            told_at.setdefault(told.span.start, []).extend(p for p in m.places if p.place)
    return [replace(m, entry_date=None) if m.date is None and m.entry_date is not None and
            m.sentence.start > m.entry_date.span.start and
            _placed_elsewhere(m, told_at.get(m.entry_date.span.start, [])) else m for m in mentions]


def _placed_elsewhere(mention: EventMention, dated: list[Toponym]) -> bool:
    """Whether a mention names only places away from all of `dated`."""
    places = [p.place for p in mention.places if p.place]
    return bool(places and dated) and not any(_same_area(a, b.place)
                                              for a in places for b in dated)


def _followed_up(mention: EventMention) -> bool:
    """Whether a mention is dated on the day its entry gives for the violence it reports:
    the news the entry is about, however long ago and however named ("the March 3 shooting"
    and "the shooting on Labor Day" in a story of the trial)."""
    told, entry = _told(mention), mention.entry_date
    return told is not None and entry is not None and (
        told is entry or told.precision == "day" and told.day == entry.day)


def _is_background(mention: EventMention, day: str | None, precision: str | None,
                   segment: Segment | None) -> bool:
    """Events long before the entry that mentions them, or after it, are not its news; nor is
    a strategic development the text dates to an earlier week or month (context, such as
    "the carrier had been deployed last week")."""
    if day is None or segment is None or segment.reference is None or _followed_up(mention):
        return False
    ref = segment.reference
    end = period_end(day, precision)
    if end is None:
        return False
    if end < ref - timedelta(days=BACKGROUND_DAYS):
        return True
    if precision == "day" and end > ref + timedelta(days=1):
        return True
    return (mention.event_type == "Strategic developments" and mention.date is not None and
            (precision != "day" and end < ref or end < ref - timedelta(days=CONTEXT_DAYS)))


def fuse(document: Document, mentions: list[EventMention], segments: list[Segment],
         toponyms: list[Toponym], claims: list[Claim]) -> Extraction:
    """Incidents of one document, the claims that belong to no single incident, and the
    incident the document is about."""
    drafts: dict[tuple, _Draft] = {}
    placeless: list[tuple[EventMention, str | None, str | None]] = []
    placed: list[tuple[EventMention, str | None, str | None]] = []
    counted: list[EventMention] = []
    for mention in _dated_by_entry(mentions):
        segment = segments[mention.segment] if segments else None
        day, precision = _day(mention, segment)
        if mention.counts_only:
            counted.append(mention)
        elif not _is_background(mention, day, precision, segment):
            (placed if mention.places else placeless).append((mention, day, precision))

    # Specific (then dated) mentions found the incidents; the others join them where they can.
    placed.sort(key=lambda item: (-item[0].specificity, item[0].date is None,
                                  _told(item[0]) is None))
    for mention, day, precision in placed:
        place = mention.places[0]
        key = next((k for k in drafts if k[1:] == (day, place.place.id) and _joins(mention, k[0])),
                   None) or _continued(mention, drafts) or (mention.event_type, day, place.place.id)
        draft = drafts.setdefault(key, _Draft(key[0], day, precision, place))
        if place.precision < draft.location.precision:
            draft.location = place
        draft.mentions.append(mention)

    totals: list[tuple[EventMention, CasualtyMention, list[_Draft]]] = []
    unhoused: list[tuple[EventMention, str | None, str | None]] = []
    for mention, day, precision in placeless:
        group = [d for d in _covered(mention, day, list(drafts.values()))
                 if d.first_start < mention.sentence.start]
        sums = [c for c in mention.casualties if c.aggregate]
        if len(group) > 1 and sums:
            totals.extend((mention, c, group) for c in sums)
            mention.casualties = [c for c in mention.casualties if not c.aggregate]
            continue
        draft = _home_for(mention, day, list(drafts.values()))
        if draft is not None:
            draft.mentions.append(mention)
        elif mention.casualties:
            focus = _focus(toponyms, segments[mention.segment] if segments else None)
            key = (mention.event_type, day, focus.place.id if focus else None)
            drafts.setdefault(key, _Draft(key[0], day, precision, focus)).mentions.append(mention)
        elif mention.event_type in VIOLENCE:
            unhoused.append((mention, day, precision))

    drafts_list, survivor = _merge_retold(sorted(drafts.values(), key=lambda d: d.first_start))
    drafts_list += _unplaced_stories(drafts_list, unhoused, counted, toponyms, segments)
    _house_counts(counted, drafts_list, toponyms, segments)
    by_draft = {id(d): _incident(document, d) for d in drafts_list}
    lead = _lead(drafts_list, len((document.title or "").rstrip()))
    aggregate_claims = [_total_claim(m, c, list(dict.fromkeys(
        by_draft[id(survivor.get(id(d), d))].id for d in group))) for m, c, group in totals]
    incidents = list(by_draft.values())
    used = {(c.claimant, c.start) for i in incidents for c in i.claims} | {
        (c.claimant, c.start) for c in aggregate_claims}
    loose = [c for c in claims if (c.claimant, c.start) not in used]
    incidents.sort(key=lambda i: (i.date or "", i.evidence[0].start if i.evidence else 0))
    return Extraction(document, incidents, aggregate_claims + loose,
                      by_draft[id(lead)].id if lead else None)


def _unplaced_stories(drafts: list[_Draft],
                      unhoused: list[tuple[EventMention, str | None, str | None]],
                      counted: list[EventMention], toponyms: list[Toponym],
                      segments: list[Segment]) -> list[_Draft]:
    """Incidents for entries that tell of violence but found none, no sentence placing it
    ("Teen shot at party"): the first sentence of violence founds one at the entry's focus
    when the entry counts victims ("Two men died") or a sentence gives the day of the act.
    A word of violence with neither place, victims nor day is as often a figure of speech
    ("the council is fighting the plan")."""
    founded: list[_Draft] = []
    for segment in dict.fromkeys(m.segment for m, _, _ in unhoused):
        told = [u for u in unhoused if u[0].segment == segment]
        if _story(segment, drafts) is not None or not (
                any(m.segment == segment for m in counted) or
                any(m.date is not None and m.date.precision == "day" for m, _, _ in told)):
            continue
        founder, day, precision = told[0]
        focus = _focus(toponyms, segments[segment] if segments else None)
        founded.append(_Draft(founder.event_type, day, precision, focus, [founder]))
    return founded


def _house_counts(counted: list[EventMention], drafts: list[_Draft], toponyms: list[Toponym],
                  segments: list[Segment]) -> None:
    """Give the counts of sentences that name no event ("Two men died") to the incident
    their entry is about (`_story`); sums and recalled older cases (`aggregate`) stay out.
    A text that counts victims and names no act of violence at all ("Two found dead in
    apartment") reports them as its incident, founded at the focus of the first entry
    counting them."""
    founded = None
    for mention in counted:
        counts = [c for c in mention.casualties if not c.aggregate]
        if not counts:
            continue
        if not drafts:
            founded = _counted_story(mention, toponyms, segments)
            drafts.append(founded)
        draft = _story(mention.segment, drafts) or founded
        if draft is not None:
            draft.mentions.append(replace(mention, casualties=counts))


def _counted_story(founder: EventMention, toponyms: list[Toponym],
                   segments: list[Segment]) -> _Draft:
    """An incident for victims counted where no sentence names their violence, at the focus
    of the founder's entry on the day it was written."""
    segment = segments[founder.segment] if segments else None
    day = segment.reference.isoformat() if segment and segment.reference else None
    return _Draft(founder.event_type, day, "day" if day else None, _focus(toponyms, segment))


def _story(segment: int, drafts: list[_Draft]) -> _Draft | None:
    """The incident an entry is about: of the violent ones it tells, one on the day the
    entry gives for its violence, then the one most told of (`_told_of`)."""
    told = [d for d in drafts if d.family in VIOLENCE and segment in d.segments]
    if len(told) < 2:  # nothing to rank: spare the tallies
        return told[0] if told else None
    return max(told, key=lambda d: (_on_entry_day(d, segment), *_told_of(d)))


def _lead(drafts: list[_Draft], headline_end: int) -> _Draft | None:
    """The incident the whole document is about: a violent one, then the one most of its
    sentences give counts for, then one on the day an entry gives for its violence, then
    the one most told of (`_told_of`). One story's counts outweigh the day its report
    seems to give, where an entry's own counts go to its day's incident (`_story`); a
    headline that gives its own figures in numbers outweighs both (`_headline_story`)."""
    lead = max(drafts, key=lambda d: (d.family in VIOLENCE, _counted(d),
                                      _on_entry_day(d, None), *_told_of(d)), default=None)
    if lead is None or any(m.sentence.start < headline_end for m in lead.mentions):
        return lead
    return _headline_story(drafts, headline_end) or lead


def _headline_story(drafts: list[_Draft], headline_end: int) -> _Draft | None:
    """The incident a headline ending at `headline_end` is about when it gives its figures
    in numbers ("1 dead, 3 hurt in ..."): one that holds the headline and counts as many
    dead and wounded over the whole story. Headlines are written about the story's
    incident, while the body may tell more of another (an earlier case, a trial)."""
    said = list({c.span.start: c for d in drafts for m in d.mentions
                 if m.sentence.start < headline_end for c in m.casualties
                 if not c.aggregate}.values())
    if not said or not all(states_number(c) for c in said):
        return None
    figures = _figures(said)
    return next((d for d in drafts if any(m.sentence.start < headline_end for m in d.mentions)
                 and _figures([c for m in d.mentions for c in m.casualties]) == figures), None)


def _figures(casualties: list[CasualtyMention]) -> tuple[int, int]:
    """The dead and wounded the counts make, none given read as none hit."""
    killed, injured = tally(casualties)
    return killed.best or 0, injured.best or 0


def _told_of(draft: _Draft) -> tuple[int, int, int, int]:
    """How much a text tells of a draft: the sentences giving counts of its victims, the
    people hit, the sentences, and the earliest first."""
    return _counted(draft), _toll(draft), len(draft.mentions), -draft.first_start


def _toll(draft: _Draft) -> int:
    """The dead and wounded of a draft together."""
    killed, injured = tally([c for m in draft.mentions for c in m.casualties])
    return (killed.best or 0) + (injured.best or 0)


def _on_entry_day(draft: _Draft, segment: int | None) -> bool:
    """Whether the draft is dated by the day its entry (any entry: None) gives for its
    violence."""
    return any(m.entry_date is not None and m.entry_date.value[:10] == draft.day
               for m in draft.mentions if segment is None or m.segment == segment)


def _counted(draft: _Draft) -> int:
    """How many sentences of the incident give a count of its dead or wounded; one repeated
    word for word (a photo caption on every slide) is one report."""
    return len({m.sentence.text.strip() for m in draft.mentions if m.casualties})


def _merge_retold(drafts: list[_Draft]) -> tuple[list[_Draft], dict[int, _Draft]]:
    """One act of violence told twice is one incident: the same victims at a place, or at it
    and the region around it, on the same day or a day apart ("an attack" and "a clash" in
    one town, "4 killed in Susanville" and "four dead in California" dated from the report).
    Returns the drafts kept, the earliest told absorbing the others (a day the text gives
    wins over the day of the report), and where each went."""
    kept: list[_Draft] = []
    survivor: dict[int, _Draft] = {}
    for draft in drafts:
        home = next((k for k in kept if _retells(k, draft)), None)
        if home is None:
            kept.append(draft)
            continue
        if _dated(draft) and not _dated(home):
            home.day, home.precision = draft.day, draft.precision
        home.mentions.extend(draft.mentions)
        if draft.location is not None and (home.location is None or
                                           _finer(draft.location, home.location)):
            home.location = draft.location
        survivor[id(draft)] = home
    return kept, survivor


def _dated(draft: _Draft) -> bool:
    """Whether the text itself dates the draft (not only the day of its entry)."""
    return any(_told(m) is not None for m in draft.mentions)


def _retells(first: _Draft, later: _Draft) -> bool:
    if first.family not in VIOLENCE or later.family not in VIOLENCE or \
            first.location is None or later.location is None:
        return False
    return days_apart(first.day, later.day) <= 1 and \
        _same_area(first.location.place, later.location.place) and _same_victims(first, later)


def _same_area(a: Place, b: Place) -> bool:
    """One place, one inside the other's region, or neighbours ("West Linden", "Linden")."""
    return a.id == b.id or _within(a, b) or _within(b, a) or \
        haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEIGHBOUR_KM


def days_apart(one: str | None, other: str | None) -> int:
    """Days between two ISO dates; BACKGROUND_DAYS when either is unknown."""
    try:
        return abs((date.fromisoformat(one[:10]) - date.fromisoformat(other[:10])).days)
    except (TypeError, ValueError):
        return BACKGROUND_DAYS


def _within(inner, outer) -> bool:
    """Whether a town lies in a region or country the other place is."""
    if inner.country_code != outer.country_code or outer.kind not in {"country", "admin1"}:
        return False
    return outer.kind == "country" or inner.admin1 == outer.name


def _finer(one: Toponym, other: Toponym) -> bool:
    return FINENESS.get(one.place.kind, 5) < FINENESS.get(other.place.kind, 5)


def _same_victims(one: _Draft, other: _Draft) -> bool:
    """The same figure of dead or wounded given for both."""
    def figures(draft: _Draft) -> tuple[int | None, int | None]:
        killed, injured = tally([c for m in draft.mentions for c in m.casualties])
        return killed.best, injured.best
    return any(x is not None and x == y for x, y in zip(figures(one), figures(other)))


def _continued(mention: EventMention, drafts: dict[tuple, _Draft]) -> tuple | None:
    """The incident an undated sentence goes on about: one its entry has already dated at the
    same place ("Five more were wounded in Saltivka" after "shelling of Saltivka on Tuesday")."""
    if _told(mention) is not None:
        return None
    place_id = mention.places[0].place.id
    return next((key for key, d in drafts.items()
                 if mention.segment in d.segments and _joins(mention, d.family)
                 and any(p.place.id == place_id for m in d.mentions for p in m.places)), None)


def _covered(mention: EventMention, day: str | None, drafts: list[_Draft]) -> list[_Draft]:
    """The incidents a place-less sentence of the same entry and day can speak for."""
    return [d for d in drafts if mention.segment in d.segments and _joins(mention, d.family)
            and (d.day == day or mention.date is None)]


def _home_for(mention: EventMention, day: str | None, drafts: list[_Draft]) -> _Draft | None:
    same = _covered(mention, day, drafts)
    sharing = [d for d in same if d.targets & set(mention.targets)]
    if sharing:
        return max(sharing, key=lambda d: d.last_end)
    before = [d for d in same if 0 <= mention.sentence.start - d.last_end <= NEARBY_CHARS]
    return max(before, key=lambda d: d.last_end) if before else None


def _focus(toponyms: list[Toponym], segment: Segment | None) -> Toponym | None:
    """The place a stretch of text is about: its most named resolved place, a town or a
    province before a whole country ("Russian" names a country, not where things happen)."""
    resolved = [t for t in toponyms if t.place]
    inside = [t for t in resolved if segment is None or segment.start <= t.start < segment.end]
    for candidates in (inside, resolved):
        specific = [t for t in candidates if t.place.kind != "country"]
        candidates = specific or candidates
        if candidates:
            counts = Counter(t.place.id for t in candidates)
            return max(candidates, key=lambda t: (counts[t.place.id], t.place.kind == "city"))
    return None


def _total_claim(mention: EventMention, casualty: CasualtyMention,
                 incident_ids: list[str]) -> Claim:
    """A count over several incidents, kept as the claim of whoever gave it."""
    said = next((c for c in mention.claims if c.start <= casualty.span.start < c.end), None)
    fatalities = Fatalities(casualty.count.low, casualty.count.best, casualty.count.high,
                            casualty.children, casualty.civilians)
    sentence = mention.sentence
    return Claim(said.claimant if said else "unattributed", said.stance if said else "asserts",
                 said.text if said else sentence.text.strip(),
                 said.start if said else sentence.start,
                 said.end if said else sentence.start + len(sentence.text.rstrip()),
                 incident_ids=incident_ids,
                 fatalities=fatalities if casualty.kind == "killed" else None)


def _incident(document: Document, draft: _Draft) -> Incident:
    event_types = _event_type_of()
    mentions = sorted(draft.mentions, key=lambda m: (-m.specificity, m.sentence.start))
    sub_types = list(dict.fromkeys(t for m in mentions for t in m.sub_event_types))
    primary = sub_types[0] if sub_types else mentions[0].sub_event_type

    casualties = [c for m in draft.mentions for c in m.casualties]
    fatalities, wounded = tally(casualties)

    actors = unique_actors([a for m in draft.mentions for a in m.actors])
    claims: dict[tuple[str, int], Claim] = {}
    for m in draft.mentions:
        for claim in m.claims:
            claims.setdefault((claim.claimant, claim.start), claim)
    evidence = sorted({(m.sentence.start, m.sentence.end): m.sentence for m in draft.mentions}
                      .values(), key=lambda s: s.start)
    evidence = [Span(s.start, s.start + len(s.text.rstrip()), s.text.rstrip()) for s in evidence]
    location = Location.from_toponym(draft.location) if draft.location else None
    field_evidence = _field_evidence(draft, casualties)
    contested = any(c.stance == "denies" for c in claims.values())
    confidence = 0.45 + 0.15 * (location is not None) + 0.1 * (mentions[0].specificity > 0) + \
        0.1 * (len(evidence) > 1) + 0.1 * _dated(draft) + \
        0.05 * bool(actors)
    key = f"{document.id}|{draft.day}|{location.gazetteer_id if location else None}|{draft.family}"
    return Incident(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        event_type=event_types.get(primary, mentions[0].event_type),
        sub_event_type=primary, date=period_start(draft.day) if draft.day else None,
        time=None, date_precision=draft.precision, location=location,
        actors=actors,
        weapons=list(dict.fromkeys(w for m in draft.mentions for w in m.weapons)),
        targets=list(dict.fromkeys(t for m in draft.mentions for t in m.targets)),
        fatalities=fatalities, injured=wounded, claims=list(claims.values()),
        contested=contested, evidence=evidence, confidence=min(confidence, 0.95),
        sub_event_types=sub_types, field_evidence=field_evidence)


def _field_evidence(draft: _Draft, casualties: list[CasualtyMention]) -> dict[str, list[Span]]:
    """The characters each field was read from, so every figure can be traced."""
    def unique(spans):
        return sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)

    loc = draft.location
    dates = [told.span for m in draft.mentions
             if (told := _told(m)) is not None and _day_of(told) == draft.day]
    actors = [Span(a.start, a.end, a.mention) for m in draft.mentions for a in m.actors
              if a.start is not None]
    found = {
        "event_type": unique(m.trigger for m in draft.mentions if not m.counts_only),
        "location": unique(Span(p.start, p.end, p.text) for m in draft.mentions for p in m.places
                           if loc and p.place and p.place.id == loc.place.id),
        "date": unique(dates),
        "fatalities": unique(c.span for c in casualties if c.kind == "killed"),
        "injured": unique(c.span for c in casualties if c.kind in {"injured", "shot"}),
        "actors": unique(actors),
    }
    return {name: spans for name, spans in found.items() if spans}
