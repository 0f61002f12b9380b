"""The records every stage passes on, defined once (see the contract in the README)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime


@dataclass
class Document:
    id: str
    text: str
    published: datetime | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "url": self.url,
            "source": self.source,
        }


@dataclass
class Segment:
    """A stretch of a document written at one time: a live-blog entry, or the whole text."""

    start: int
    end: int
    label: str | None = None
    reference: date | None = None
    time: str | None = None
    is_update: bool = False


@dataclass
class Span:
    """Characters of the document: of its text, or of its title where `part` says so."""

    start: int
    end: int
    text: str
    part: str = "text"  # "text", or "title" for the headline

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text}
        if self.part != "text":
            out["part"] = self.part
        return out


@dataclass
class Place:
    """A gazetteer entry."""

    id: str
    name: str
    lat: float
    lon: float
    country_code: str | None
    kind: str  # "country", "admin1", "admin2", "city", "district", "region"
    admin1: str | None = None
    population: int = 0


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    place: Place | None = None
    precision: int = 1
    qualifier: str | None = None  # "eastern", "northwest", ... when the text names a part

    def to_dict(self) -> dict:
        place = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": place.name if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "country_code": place.country_code if place else None,
            "precision": self.precision if place else None,
            "gazetteer_id": place.id if place else None,
        }


@dataclass
class Location:
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    precision: int
    gazetteer_id: str | None

    @classmethod
    def from_toponym(cls, toponym: Toponym) -> Location:
        place = toponym.place
        return cls(place.name, place.country_code, place.admin1, place.lat, place.lon,
                   toponym.precision, place.id)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Count:
    """A conservative count: low is what the text guarantees, best the figure to use."""

    low: int | None = None
    best: int | None = None
    high: int | None = None

    @property
    def given(self) -> bool:
        return self.best is not None or self.low is not None

    def to_dict(self) -> dict:
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass
class Fatalities(Count):
    children: int | None = None
    civilians: int | None = None
    perpetrators: int | None = None  # attackers among the dead, already in low / best / high

    def to_dict(self) -> dict:
        return {**super().to_dict(), "children": self.children, "civilians": self.civilians,
                "perpetrators": self.perpetrators}


@dataclass
class Actor:
    name: str
    role: str  # "perpetrator" | "target" | "other"
    mention: str
    start: int | None = None  # offsets of the mention in the document
    end: int | None = None
    part: str = "text"  # "title" when the mention is in the headline

    def to_dict(self) -> dict:
        out = asdict(self)
        if self.part == "text":
            del out["part"]
        return out


@dataclass
class Claim:
    claimant: str
    stance: str  # "asserts" | "denies" | "questions"
    text: str
    start: int
    end: int
    incident_ids: list[str] = field(default_factory=list)
    fatalities: Fatalities | None = None
    part: str = "text"  # "title" when the claim is the headline's

    def to_dict(self) -> dict:
        out = {"claimant": self.claimant, "stance": self.stance, "text": self.text,
               "start": self.start, "end": self.end}
        if self.part != "text":
            out["part"] = self.part
        if self.incident_ids:
            out["incident_ids"] = list(self.incident_ids)
        if self.fatalities is not None:
            out["fatalities"] = self.fatalities.to_dict()
        return out


@dataclass
class CasualtyMention:
    """Killed or injured as stated in one sentence."""

    kind: str  # "killed" | "injured" | "casualties"
    count: Count
    span: Span
    children: int | None = None
    civilians: int | None = None
    aggregate: bool = False  # the sentence sums up several attacks ("in the attacks")
    perpetrator: bool = False  # the attacker ("the gunman was shot dead by police")
    adds: bool = False  # victims beyond those already counted ("another", "a further two")
    ordinal: int | None = None  # "a second victim died": at least this many in all
    update: bool = False  # a revised total that supersedes earlier ones ("the toll rose to 7")
    victim: str | None = None  # one named or definite victim ("Smith", "the boy"), counted once
    of_group: bool = False  # "They died": the people counted just before, however many


@dataclass
class TimeExpression:
    span: Span
    value: str  # ISO date "2016-11-15", or TimeML-style "2016-11", "2016-W46", "PAST_REF", ...
    precision: str | None  # "day" | "week" | "month" | "year" | None
    time: str | None = None

    @property
    def day(self) -> date | None:
        if self.precision == "day":
            return date.fromisoformat(self.value[:10])
        return None


@dataclass
class EventMention:
    """One sentence's evidence of violence or a political event."""

    event_type: str
    sub_event_type: str
    trigger: Span
    sentence: Span
    segment: int
    actors: list[Actor] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[Toponym] = field(default_factory=list)
    date: TimeExpression | None = None
    # for violence: the day its entry gives for the violence it reports (dates.incident_day)
    entry_date: TimeExpression | None = None
    casualties: list[CasualtyMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    specificity: int = 1  # generic "attack" 0, specific "airstrike" 1
    sub_event_types: list[str] = field(default_factory=list)
    counts_only: bool = False  # a sentence that counts victims and names no event


@dataclass
class Incident:
    id: str
    event_type: str
    sub_event_type: str
    date: str | None
    time: str | None
    date_precision: str | None
    location: Location | None
    actors: list[Actor]
    weapons: list[str]
    targets: list[str]
    fatalities: Fatalities
    injured: Count
    claims: list[Claim]
    contested: bool
    evidence: list[Span]
    confidence: float
    sub_event_types: list[str] = field(default_factory=list)
    # where each field's value was read: "event_type", "location", "date", "fatalities", ...
    field_evidence: dict[str, list[Span]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "sub_event_types": list(self.sub_event_types),
            "date": self.date,
            "time": self.time,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "actors": [a.to_dict() for a in self.actors],
            "weapons": list(self.weapons),
            "targets": list(self.targets),
            "fatalities": self.fatalities.to_dict(),
            "injured": self.injured.to_dict(),
            "claims": [c.to_dict() for c in self.claims],
            "contested": self.contested,
            "evidence": [e.to_dict() for e in self.evidence],
            "field_evidence": {name: [s.to_dict() for s in spans]
                               for name, spans in self.field_evidence.items()},
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Extraction:
    """What `thucydides.extract` returns for one document."""

    document: Document
    incidents: list[Incident]
    claims: list[Claim]
    lead: str | None = None  # the id of the incident the document is about

    @property
    def lead_incident(self) -> Incident | None:
        return next((i for i in self.incidents if i.id == self.lead), None)

    @property
    def id(self) -> str:
        return self.document.id

    def to_dict(self) -> dict:
        return {
            "id": self.document.id,
            "document": self.document.to_dict(),
            "incidents": [i.to_dict() for i in self.incidents],
            "claims": [c.to_dict() for c in self.claims],
            "lead": self.lead,
        }
