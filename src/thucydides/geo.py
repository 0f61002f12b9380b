"""Find place names in a Doc and resolve them against the gazetteer (`doc._.toponyms`).

The small spaCy model tags many transliterated places as PERSON or ORG, or not at all, so
entities are only one source of candidates: capitalised name sequences found in the
gazetteer count too when the context says "place" (a locative preposition, a place noun, a
list with other places). Resolution weighs feature type, population and the document's
country, in two passes so that a document about Syria reads "Homs" as the Syrian city.
"""

from __future__ import annotations

import math
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer
from .lexicons import load
from .types import Place, Toponym

PLACE_NOUNS = {"city": "city", "town": "city", "village": "city", "capital": "city",
               "province": "admin1", "provinces": "admin1", "governorate": "admin1",
               "governorates": "admin1", "region": "admin1", "oblast": "admin1",
               "state": "admin1", "county": "admin2", "counties": "admin2", "cities": "city",
               "towns": "city", "villages": "city", "district": "district", "districts": "district",
               "neighbourhood": "district", "neighborhood": "district", "suburb": "district",
               "quarter": "district", "area": None, "camp": None}
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "northeast", "northwest", "southeast", "southwest", "northeastern",
              "northwestern", "southeastern", "southwestern", "central", "north-west",
              "north-east", "south-west", "south-east", "upper", "lower"}
ARTICLES = {"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ed", "es", "ez", "er"}
KIND_PRIOR = {"country": 7.0, "admin1": 3.0, "admin2": 2.5, "district": 2.0, "city": 0.0}
STRONG_LOCATIVES = {"in", "at", "near", "outside", "around", "across", "towards", "toward",
                    "into", "inside", "throughout", "nearby", "on", "over", "against"}
CONTAINERS = {"city", "town", "village", "province", "provinces", "governorate", "region",
              "district", "neighbourhood", "neighborhood", "neighborhoods", "neighbourhoods",
              "outskirts", "parts", "part", "areas", "area", "north", "south", "east", "west",
              "centre", "center", "suburbs", "countryside", "state", "county", "capital"}
MAX_NAME_TOKENS = 4

if not Doc.has_extension("toponyms"):
    Doc.set_extension("toponyms", default=None)


def _demonyms() -> set[str]:
    return {row[0].lower() for row in load("demonyms")}


def _is_name_token(token: Token) -> bool:
    text = token.text
    if text in {"-", "‑"}:
        return True
    if text.lower() in ARTICLES and token.i + 1 < len(token.doc) and token.nbor(1).text == "-":
        return True
    return text[:1].isupper() and (text[1:2].islower() or text[1:2] in "’'`" or text.isupper()
                                   and len(text) <= 4 or len(text) == 1)


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Every run of up to four name tokens, as token offsets."""
    spans = []
    for start, token in enumerate(doc):
        if not _is_name_token(token) or token.text in {"-", "‑"}:
            continue
        if token.is_sent_start and token.pos_ not in {"PROPN", "X"} and not (
                start + 1 < len(doc) and doc[start + 1].text in {"-", "‑"}):
            continue
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS + 2 and _is_name_token(doc[end]):
            end += 1
            if doc[end - 1].text not in {"-", "‑"}:
                if doc[end - 1].whitespace_ == "" and end < len(doc) and doc[end].text in {"-", "‑"}:
                    continue
                spans.append((start, end))
    return spans


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """An entity without its determiner and place noun: "the Homs city" -> "Homs"."""
    while start < end and doc[start].lower_ in {"the", "a", "an"} | DIRECTIONS:
        start += 1
    while end > start and (doc[end - 1].lower_ in PLACE_NOUNS or
                           doc[end - 1].lower_ in {"provinces", "governorates", "'s", "’s"}):
        end -= 1
    return (start, end) if end > start else None


def _name(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _kind_hint(doc: Doc, start: int, end: int) -> str | None:
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS:
        return PLACE_NOUNS[doc[end].lower_]
    # "the provinces of Idlib and Homs", "the city of Homs"
    head = doc[start].head
    for _ in range(3):
        if head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
            return PLACE_NOUNS[head.head.lower_]
        if head.head.i == head.i:
            break
        head = head.head
    # "Idlib and Homs Provinces": the plural noun after the last conjunct
    for right in doc[end:end + 4]:
        if right.lower_ in {"provinces", "governorates", "cities", "districts"}:
            return PLACE_NOUNS[right.lower_]
        if right.lower_ not in {"and", ","} and not _is_name_token(right):
            break
    return None


def _qualifier(doc: Doc, start: int) -> str | None:
    if start > 0 and doc[start - 1].lower_ in DIRECTIONS:
        return doc[start - 1].lower_
    return None


def _has_place_context(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "the" and start > 1:
        before = doc[start - 2]
    if before is not None and before.lower_ in DIRECTIONS and start > 1:
        before = doc[start - 2]
    if before is not None and before.lower_ in STRONG_LOCATIVES | {"from", "to", "via", "between"}:
        return True
    if before is not None and before.lower_ == "of" and before.head.lower_ in CONTAINERS:
        return True
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS:
        return True
    return _kind_hint(doc, start, end) is not None


def _inside_named_place(doc: Doc, start: int, end: int) -> bool:
    """ "al-Wa'er in Homs", "Salaheddin district": a name the gazetteer may not know, placed
    by the text inside another place or named as a district."""
    if end < len(doc) and doc[end].lower_ in {"district", "neighbourhood", "neighborhood",
                                              "quarter", "suburb"}:
        return True
    rest = [t for t in doc[end:end + 4] if t.lower_ not in {"the"} | DIRECTIONS]
    return len(rest) >= 2 and rest[0].lower_ == "in" and _is_name_token(rest[1]) and \
        rest[1].ent_type_ in {"GPE", "LOC", "NORP", ""}


def _score(place: Place, hint: str | None, countries: Counter, regions: Counter) -> float:
    score = KIND_PRIOR.get(place.kind, 0.0) + math.log10(place.population + 10) * 0.8
    if hint and (place.kind == hint or hint == "district" and place.kind == "city"):
        score += 6.0
    elif hint in {"admin1", "admin2"} and place.kind == "city":
        score -= 3.0
    total = sum(countries.values())
    if total and place.country_code:
        score += 4.0 * countries[place.country_code] / total
    if place.admin1 and regions[(place.country_code, place.admin1)]:
        score += 1.5
    return score


@Language.factory("thucydides_places", default_config={"gazetteer_path": None})
def make_places(nlp: Language, name: str, gazetteer_path: str | None):
    return PlaceFinder(Gazetteer(gazetteer_path) if gazetteer_path else None)


class PlaceFinder:
    """spaCy component: sets `doc._.toponyms`, a list of Toponym sorted by offset."""

    def __init__(self, gazetteer: Gazetteer | None):
        self._gazetteer = gazetteer
        self.demonyms = _demonyms()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.toponyms = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Toponym]:
        spans = _candidate_spans(doc)
        entity_spans = {}
        for entity in doc.ents:
            if entity.label_ in {"GPE", "LOC", "FAC"}:
                span = _trim(doc, entity.start, entity.end)
                if span:
                    entity_spans[span] = entity.label_
                    spans.append(span)
        names = {_name(doc, s, e) for s, e in spans}
        found = self.gazetteer.lookup(n for n in names if n)

        chosen: list[tuple[int, int, list[Place], bool]] = []
        taken: set[int] = set()
        for start, end in sorted(set(spans), key=lambda se: (-(se[1] - se[0]), se[0])):
            if taken.intersection(range(start, end)):
                continue
            name = _name(doc, start, end)
            if not name or name.lower() in self.demonyms:
                continue
            places, exact = found.get(name, ([], True))
            label = entity_spans.get((start, end)) or self._entity_label(doc, start, end)
            if label not in {"GPE", "LOC", "FAC"}:
                if places and self._plausible(doc, start, end, places, label):
                    pass
                elif _inside_named_place(doc, start, end):
                    places, exact = [], True
                else:
                    continue
            if not exact and (len(name) < 5 or label not in {"GPE", "LOC", "FAC"}
                              and not _has_place_context(doc, start, end)):
                places = []
                if label not in {"GPE", "LOC", "FAC"}:
                    continue
            chosen.append((start, end, places, exact))
            taken.update(range(start, end))
        chosen.sort()
        return self._resolve(doc, chosen)

    @staticmethod
    def _entity_label(doc: Doc, start: int, end: int) -> str | None:
        labels = {doc[i].ent_type_ for i in range(start, end)} - {""}
        return labels.pop() if len(labels) == 1 else None

    def _plausible(self, doc: Doc, start: int, end: int, places: list[Place],
                   label: str | None) -> bool:
        if any(t.pos_ not in {"PROPN", "NOUN", "ADJ", "PUNCT", "DET"} for t in doc[start:end]):
            return False
        if any(p.kind == "country" for p in places) and label not in {"PERSON"}:
            return True
        if _has_place_context(doc, start, end):
            return True
        if label in {"PERSON", "ORG", "NORP", "DATE", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}:
            return False
        if start == doc[start].sent.start and end - start == 1:
            return False
        return max(p.population for p in places) >= 50000

    def _resolve(self, doc: Doc, chosen: list[tuple[int, int, list[Place], bool]]
                 ) -> list[Toponym]:
        hints = [_kind_hint(doc, s, e) for s, e, _, _ in chosen]
        countries: Counter = Counter()
        regions: Counter = Counter()
        candidates = [places if exact else [] for _, _, places, exact in chosen]
        picks: list[Place | None] = []
        for round_ in range(3):
            picks = [max(places, key=lambda p: _score(p, hint, countries, regions))
                     if places else None for places, hint in zip(candidates, hints)]
            countries = Counter(p.country_code for p in picks if p)
            regions = Counter((p.country_code, p.admin1) for p in picks if p and p.admin1)
            if round_ == 0:
                # Loose (transliteration) matches count only in the document's own countries.
                total = sum(countries.values()) or 1
                main = {c for c, n in countries.items() if n / total >= 0.2}
                candidates = [places if exact else [p for p in places if p.country_code in main]
                              for _, _, places, exact in chosen]
        toponyms = []
        for (start, end, _, _), place, hint in zip(chosen, picks, hints):
            span = doc[start:end]
            text = _name(doc, start, end)
            qualifier = _qualifier(doc, span.start)
            toponyms.append(Toponym(span.start_char, span.start_char + len(text), text, place,
                                    _precision(place, qualifier, hint), qualifier))
        return toponyms


def _precision(place: Place | None, qualifier: str | None, hint: str | None) -> int:
    """ACLED geo-precision: 1 the place itself, 2 part of or near it, 3 a larger region."""
    if place is None:
        return 3
    if place.kind in {"country", "admin1", "admin2"}:
        return 3
    if qualifier or hint == "district" and place.kind == "city":
        return 2
    return 1

