"""Find place names in a Doc and resolve them against the gazetteer (`doc._.toponyms`).

The small spaCy model tags many transliterated places as PERSON or ORG, or not at all, so
entities are only one source of candidates: capitalised name sequences found in the
gazetteer count too when the context says "place" (a locative preposition, a place noun, a
list with other places, a name already read as a place elsewhere in the document), and so
do datelines in capitals and AP state abbreviations ("Alexandria, Minn."); a piece of a
longer name (a person's, an institution's, a country adjective's) does not, nor does a name
the document quotes someone under ("..., Marisol said") or gives a disease ("West Nile
virus") unless the text says "place" there. Streets ("Quarry Street") are places in the town
the text puts them in, else in the town the document names most (local news). Names a
particle joins ("Stoke-on-Trent") are read whole where the gazetteer knows them, and a
landform it lacks lies at the town it is named after ("Gaza Strip").
Resolution weighs feature type and population against what the other names of the document
say: their countries, the regions their readings can lie in (a name found in one state only
counts fully, one found in ten barely), nearby towns, the kind of the names listed with it
("Oregon and Washington"), the currency the text counts in ("$2 million"), and a container
named next to the name ("Alexandria, Minnesota", "Salaheddin district in eastern Aleppo"), so
that a document about Syria reads "Homs" as the Syrian city. A name the gazetteer lacks stands
at the place the text puts it in, else near the town a local story is about.

The component is here; `spans` finds names and reads their context, `resolve` chooses
their readings, `vocabulary` holds the words and settings both use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..gazetteer import Gazetteer, name_key
from ..gazetteer.points import haversine_km
from ..lexicons import load
from ..types import Place, Toponym
from .vocabulary import (
    ADMIN_NOUNS, ADMIN_NOUNS_ELSEWHERE, ALIAS_PENALTY, BIG_CITY, DIRECTIONS, DIVISION_SUFFIXES,
    HAMLET, LIST_WORDS, LOC_REGION_WEIGHT, MAX_NAME_TOKENS, NEAR_KM, NEVER_ALONE,
    NEVER_PLACE_LABELS, NOMINAL_ROLES, NOT_A_NAME, PLACE_NOUNS, SEAT_SHARE, SEAT_TOWN,
    SPEAKING_TOWN, STATE_POPULATION, STREET_NOUNS, SUFFIXED_DIVISIONS)
from .resolve import (
    Context, best_reading, container_of, currency_country, geo_precision, list_mates,
    local_town, main_countries, reading_score, region_shares, separates_list, town_of_street)
from .spans import (
    acronym_of_villages, called_counties, candidate_spans, code_word, common_noun_start,
    continues_name, dateline_spans, disease_names, ends_entity, has_place_context,
    heads_of_name, hyphen_pieces, inside_named_place, is_name_token, joining_particle,
    kind_hint, load_demonyms, load_peoples, load_person_titles, load_state_abbreviations,
    name_end, names_a_district, namesakes_of, numbered, opens_longer_name, part_of_person,
    particle_spans, place_despite_surname, possessive_spans, qualifier_before, quoted_speakers,
    saints_foundation, seat_after_organisation, short_capitals, spaced_particle_spans,
    span_name, strong_place_context, surnames, trim)


DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")

if not Doc.has_extension("toponyms"):
    Doc.set_extension("toponyms", default=None)


@Language.factory("thucydides_places", default_config={"gazetteer_path": None})
def make_places(nlp: Language, name: str, gazetteer_path: str | None):
    return PlaceFinder(Gazetteer(gazetteer_path) if gazetteer_path else None,
                       _english_words(nlp), _english_words(nlp, ("adj", "adv")))


def _past_hyphenated_partner(token: Token) -> Token:
    """The head a modifier qualifies, past the adjective or participle it is hyphenated with
    ("Russian" in "Russian-Turkish talks" and "Saudi" in "Saudi-led strikes" qualify the
    noun)."""
    head = token.head
    doc = token.doc
    if head.i == token.i + 2 and doc[token.i + 1].text in {"-", "‑"} and \
            head.dep_ in {"amod", "compound", "nmod"}:
        return head.head
    return head


def _english_words(nlp: Language, parts: tuple[str, ...] = ("noun", "verb", "adj", "adv")
                   ) -> frozenset[str]:
    """The English words the model's lemmatizer knows as these parts of speech (its WordNet
    index); none where the model has no such table. WordNet lists towns among its nouns
    ("greenville"), never among its adjectives."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) \
        if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for part in parts for word in index.get(part, []))


class PlaceFinder:
    """spaCy component: sets `doc._.toponyms`, a list of Toponym sorted by offset."""

    def __init__(self, gazetteer: Gazetteer | None, english_words: frozenset[str] = frozenset(),
                 english_modifiers: frozenset[str] = frozenset()):
        self._gazetteer = gazetteer
        self.english_words = english_words
        self.english_modifiers = english_modifiers  # adjectives and adverbs
        self.demonyms = load_demonyms()
        self.peoples = load_peoples(self.demonyms)
        continents = {row[0].lower(): row[1] for row in load("continent_adjectives")}
        continent_peoples = load_peoples(continents)
        self.continents = continents | continent_peoples
        self.plural_peoples = self.peoples.keys() | continent_peoples.keys()
        self.nationality_words = self.demonyms.keys() | self.peoples.keys() | \
            self.continents.keys()
        self.state_abbreviations = load_state_abbreviations()
        self.person_titles = load_person_titles()
        self.speech_verbs = {row[0] for row in load("speech_verbs") if " " not in row[0]}
        self.disease_nouns = {row[0] for row in load("disease_nouns")}
        self.institution_nouns = {row[0] for row in load("institution_nouns")}
        self.public_bodies = {row[0] for row in load("institution_nouns") if row[1] == "public"}
        self.seat_bodies = self.public_bodies | {"court"}
        self.landform_nouns = {row[0] for row in load("landform_nouns")}
        self.name_end_nouns = ADMIN_NOUNS.keys() | ADMIN_NOUNS_ELSEWHERE.keys() | \
            self.landform_nouns
        self.feature_words = {row[0] for row in load("feature_words")}
        self.name_particles = {row[0] for row in load("name_particles")}
        self.state_forms = {row[0] for row in load("state_forms")}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.toponyms = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Toponym]:
        spans = candidate_spans(doc)
        entity_spans = {}
        for entity in doc.ents:
            if entity.label_ in {"GPE", "LOC", "FAC"}:
                span = trim(doc, entity.start, entity.end)
                if span:
                    entity_spans[span] = entity.label_
                    spans.append(span)
        datelines = dateline_spans(doc)
        for span in datelines:
            entity_spans[span] = "GPE"
            spans.append(span)
        spans += self._joined_names(doc)
        pieces = {span: hyphen_pieces(doc, *span) for span in spans}
        spans = sorted(set(spans), key=lambda se: (-(se[1] - se[0]), se[0]))
        names = {span_name(doc, s, e) for s, e in spans} - {""}
        names |= {span_name(doc, a, b) for parts in pieces.values() for a, b in parts}
        stems = {span_name(doc, s, e): (stem, doc[e - 1].text) for s, e in spans
                 if e - s > 1 and doc[e - 1].text in self.name_end_nouns and
                 (stem := span_name(doc, s, e - 1)).lower() not in NEVER_ALONE}
        states = {n: self.state_abbreviations[n] for n in names if n in self.state_abbreviations}
        found = self.gazetteer.lookup(names | {stem for stem, _ in stems.values()} |
                                      set(states.values()))
        for name, (stem, noun) in stems.items():
            namesakes = namesakes_of(found[stem][0], noun)
            if not self._exact(found, name) and namesakes:  # a loose match is no name
                found[name] = (namesakes, found[stem][1])
        for abbreviation, state in states.items():
            found[abbreviation] = ([p for p in found[state][0] if p.kind == "admin1" and
                                    p.country_code == "US"], True)
        codes = self._subdivision_codes(doc, spans, found)
        for (start, end), divisions in codes.items():
            known_here = self._exact(found, doc[start].text)
            found[doc[start].text] = (list({p.id: p for p in divisions + known_here
                                            if p.kind == "admin1"}.values()), True)
        # Elsewhere a code read as a division once is an acronym ("the VA hospital")
        spans = [span for span in spans if span in codes or not (
            span[1] - span[0] == 1 and code_word(doc[span[0]]) and
            any(doc[start].text == doc[span[0]].text for start, _ in codes))]
        for name, country in self._official_names(doc, spans, found).items():
            found[name] = ([country], True)
        self._word_readings(found)
        found.update((name, (counties, True))
                     for name, counties in self._listed_counties(doc, spans, found).items())
        # "Lima-Cusco", "Fenton-Linden": names joined by hyphens are read in pieces
        spans += sorted({part for span, parts in pieces.items()
                         if self._joins_known_names(doc, *span, found) for part in parts},
                        key=lambda se: (-(se[1] - se[0]), se[0]))
        demonyms = self._demonym_spans(doc)
        # Name -> whether it is no place even where the model labels it one: surnames yield
        # to the model's place labels, names of speakers and diseases do not.
        people = dict.fromkeys(surnames(doc), False) | dict.fromkeys(
            self._small_speakers(doc, found) | disease_names(doc, self.disease_nouns), True)
        # A dateline that surely is one is a place even where the gazetteer lacks it.
        unknown: dict[tuple[int, int], bool] = {span: True for span, sure in datelines.items()
                                                if sure}
        chosen = self._select(doc, spans, entity_spans, found, set(), unknown, demonyms, people,
                              datelines)
        known = self._known_names(doc, chosen, entity_spans, found, people)
        chosen = self._select(doc, spans, entity_spans, found, known, unknown, demonyms, people,
                              datelines, chosen)
        chosen += self._demonym_toponyms(doc, demonyms,
                                         {i for s, e, _, _ in chosen for i in range(s, e)},
                                         people)
        chosen.sort(key=lambda item: item[0])
        return self._resolve(doc, self._counties_by_plural(doc, chosen))

    def _subdivision_codes(self, doc: Doc, spans: list[tuple[int, int]], found: dict
                           ) -> dict[tuple[int, int], list[Place]]:
        """Mentions of a division's code in capitals ("QLD", "BC", "NY") that stand for the
        division -> its readings: the division of the town the code follows ("Perth, WA"), or
        one the document names in full where the text glosses the name with it ("British
        Columbia (BC)"), lists it with another division ("QLD and Victoria") or says "place"
        of the code itself ("floods in QLD", not "at the VA hospital"). Elsewhere such a code
        is too often an acronym ("CO alarms"); a name known as written ("US", "UK") is no
        code."""
        mentions = [(start, end) for start, end in spans if end - start == 1 and
                    code_word(doc[start]) and not self._known_as_written(doc[start].text, found)]
        readings = self.gazetteer.codes(doc[start].text for start, _ in mentions)
        named = {p.id for places, exact in found.values() if exact for p in places}
        codes = {}
        for start, end in mentions:
            divisions = readings[doc[start].text]
            towns = [p for s, e in spans if e == start - 1 and doc[e].text == ","
                     for p in self._exact(found, span_name(doc, s, e))]
            listed = [p for s, e in spans if s == end + 1 and doc[end].lower_ in LIST_WORDS
                      for p in self._exact(found, span_name(doc, s, e))]
            here = [p for p in divisions if any(
                t.country_code == p.country_code and t.admin1 == p.name for t in towns)] or \
                [p for p in divisions if p.id in named and (
                    doc[start - 1].text == "(" or
                    any(t.kind == "admin1" and t.country_code == p.country_code
                        for t in listed) or
                    doc[start].dep_ not in {"compound", "amod", "nmod"} and
                    has_place_context(doc, start, end))]
            if here:
                codes[(start, end)] = here
        return codes

    def _known_as_written(self, name: str, found: dict) -> bool:
        """Whether the gazetteer knows a word in capitals as such: the short forms of
        countries and unions ("US", "UAE", "EU") are its only names in capitals."""
        return any(p.kind in {"country", "region"} for p in self._exact(found, name))

    def _country_abbreviation(self, word: str, found: dict) -> bool:
        """Whether a word is a country's initials with their dots ("U.S.", "U.K."): a name of
        its own, which ends where its last dot does, as the words after it go on with the
        sentence or an institution's name."""
        return bool(DOTTED_INITIALS.fullmatch(word)) and self._known_as_written(word, found)

    @staticmethod
    def _exact(found: dict, name: str) -> list[Place]:
        places, exact = found.get(name, ([], False))
        return places if exact else []

    def _official_names(self, doc: Doc, spans: list[tuple[int, int]], found: dict
                        ) -> dict[str, Place]:
        """A state's long name the gazetteer lacks -> its country: the country named after
        "of" or by its adjective around the word for the state's form ("the Republic of
        Moldova", "the Kingdom of Tonga", "the Russian Federation")."""
        names = {}
        for start, end in spans:
            forms = [i for i in range(start, end) if doc[i].text in self.state_forms]
            name = span_name(doc, start, end)
            if not forms or found.get(name, ([], False))[1] and found[name][0]:
                continue
            if end - forms[-1] > 2 and doc[forms[-1] + 1].lower_ == "of":
                places, exact = found.get(span_name(doc, forms[-1] + 2, end), ([], False))
                country = next((p for p in places if exact and p.kind == "country"), None)
            else:
                adjective = span_name(doc, start, forms[0]).lower()
                code = self.demonyms.get(adjective)
                country = self.gazetteer.country(code) if code and forms[-1] == end - 1 else None
            if country is not None:
                names[name] = country
        return names

    def _joined_names(self, doc: Doc) -> list[tuple[int, int]]:
        """Names joined by particles, with hyphens (`particle_spans`) or spaces ("San Jose
        del Monte"), or by a possessive ("Bishop's Stortford"), that the gazetteer knows as such;
        others are read in pieces ("the Baghdad-to-Basra road")."""
        spans = particle_spans(doc) + spaced_particle_spans(doc, self.name_particles) + \
            possessive_spans(doc)
        names = {span: span_name(doc, *span) for span in spans}
        found = self.gazetteer.lookup(names.values())
        return [span for span, name in names.items() if self._exact(found, name)]

    def _counties_by_plural(self, doc: Doc, chosen: list) -> list:
        """ "Essex and Morris counties": names the text calls counties read as the counties
        of those names, where the gazetteer has them. One name alone before the plural is
        the state the counties lie in ("the 88 Ohio counties")."""
        listed = {i: span_name(doc, s, e) for i, (s, e, _, _) in enumerate(chosen)
                  if called_counties(doc, s, e)}
        counties = self._counties_named(listed.values())
        out = list(chosen)
        for i, name in listed.items():
            if counties[name]:
                out[i] = (chosen[i][0], chosen[i][1], counties[name], True)
        return out

    def _counties_named(self, names: Iterable[str]) -> dict[str, list[Place]]:
        """The counties (or parishes) of each name ("Essex" -> Essex County, three states)."""
        wanted = {name: [f"{name} {noun}" for noun in DIVISION_SUFFIXES] for name in names}
        found = self.gazetteer.lookup([full for fulls in wanted.values() for full in fulls])
        return {name: [p for full in fulls for p in found[full][0]
                       if found[full][1] and p.kind == "admin2"]
                for name, fulls in wanted.items()}

    def _word_readings(self, found: dict) -> None:
        """ "Lucky": an English word with a capital (opening a sentence or a
        longer name) is unknown where the gazetteer knows it only as small towns whose own
        names fold to it from another spelling (Lúčky)."""
        for name, (places, exact) in list(found.items()):
            if exact and places and " " not in name and not name.isupper() and \
                    name.lower() in self.english_words and all(
                        p.kind == "city" and p.name != name and
                        name_key(p.name) == name_key(name) and p.population < SPEAKING_TOWN
                        for p in places):
                found[name] = ([], True)

    def _listed_counties(self, doc: Doc, spans: list[tuple[int, int]], found: dict
                         ) -> dict[str, list[Place]]:
        """Names the text calls counties ("Pottawattamie and Mills counties") that the
        gazetteer knows only as counties -> those counties, so that the name is read at all."""
        names = {span_name(doc, s, e) for s, e in spans if called_counties(doc, s, e) and
                 not (found.get(span_name(doc, s, e), ([], False))[1] and
                      found[span_name(doc, s, e)][0])}
        return {name: counties for name, counties in self._counties_named(names).items()
                if counties}

    def _known_names(self, doc: Doc, chosen: list, entity_spans: dict, found: dict,
                     people: dict[str, bool]) -> set[str]:
        """One sense per discourse: a name the gazetteer knows exactly, read as a place once,
        is a place everywhere; so is a big city of the document's country that the model took
        for a person ("aircraft struck Homs"), unless the document names someone so ("Mike
        Henderson"). A name the gazetteer lacks or only matches loosely must show it is a place
        at each mention: read once as a place, it is too often a people, a disease or a title
        elsewhere ("the Hmong community", "Ebola")."""
        known = set()
        for start, end, places, exact in chosen:
            label = entity_spans.get((start, end)) or self._entity_label(doc, start, end)
            if places and exact and (label in {"GPE", "LOC"} or
                                     has_place_context(doc, start, end)):
                known.add(name_key(span_name(doc, start, end)))
        countries = main_countries([max(places, key=lambda p: p.population)
                                     for _, _, places, exact in chosen if places and exact])
        known |= {name_key(name) for name, (places, exact) in found.items()
                  if exact and any(p.kind == "city" and p.population >= BIG_CITY and
                                   p.country_code in countries for p in places)}
        return known - set(people)

    def _select(self, doc: Doc, spans: list[tuple[int, int]], entity_spans: dict,
                found: dict, known: set[str], unknown: dict[tuple[int, int], bool],
                demonyms: list[tuple[int, int]], people: dict[str, bool],
                datelines: dict[tuple[int, int], bool], earlier: list | None = None) -> list:
        """Non-overlapping place names, longest first, none of them a piece of a country
        adjective ("Sri" of "Sri Lankan"); `unknown` keeps, across passes, which spans the
        gazetteer lacks are places all the same."""
        chosen: list[tuple[int, int, list[Place], bool]] = []
        taken: set[int] = set()
        ends = {e for _, e, places, _ in earlier or [] if places}
        starts = {s for s, _, places, _ in earlier or [] if places}
        for start, end in spans:
            if taken.intersection(range(start, end)) or any(
                    start < d_end and d_start < end and not start <= d_start < d_end <= end
                    for d_start, d_end in demonyms):
                continue
            name = span_name(doc, start, end)
            institution = None if found.get(name, ([], True))[0] else \
                self._institution_word(doc, start, end)
            if institution is not None:
                if doc[start].lower_ in {"the", "a", "an"}:
                    continue  # "The Moscow Times": the name after the article is read alone
                # "Harrow County Sheriff's Office": the place is the known name before it; else
                # the words before the institution's are read on their own
                prefix = self._known_prefix(doc, start, institution, found)
                taken.update(range(institution, name_end(doc, institution, end)))
                if prefix is None:
                    continue
                end = prefix
                name = span_name(doc, start, end)
            if not name or name.lower() in NOT_A_NAME or \
                    not name[-1].isalnum() and name[-1] != "." or common_noun_start(doc, start):
                continue
            if end - start > 1 and not self._exact(found, name) and \
                    self._country_abbreviation(doc[start].text, found):
                continue  # "a U.S. District judge", "across the U.S. Often ...": the country
            if not self._exact(found, name) and end < len(doc) and doc[end].lower_ in {"'s", "’s"}:
                continue  # "in Marisol's death": an owner the gazetteer lacks is someone
            if name.lower() in self.person_titles and not strong_place_context(doc, start, end):
                continue  # "letters to the Pope", unless "north of Bishop"
            places, exact = found.get(name, ([], True))
            if places and exact and (start, end) not in datelines and \
                    self._only_spelled_otherwise(name, places):
                continue  # "NICE", "ELY": an acronym, not "Nice" or "Ely" in capitals
            if (start, end) not in datelines and acronym_of_villages(name, places):
                continue  # "the WTA board": an acronym, not a village spelled like it
            if not (places and exact) and end - start >= 2 and \
                    doc[start].lower_ in PLACE_NOUNS and doc[start + 1].lower_ == "of":
                continue  # "the City of Fresno", "the Village of Elm Grove": the name after
            if not (places and exact) and self._joins_known_names(doc, start, end, found):
                continue  # "Fenton-Linden", "Lima-Cusco": two places joined
            if not places and doc[start].lower_ in DIRECTIONS and \
                    self._divided_by_direction(span_name(doc, start + 1, end), found):
                continue  # "Northeast Georgia": the trimmed "Georgia" is the name
            if name.lower() in self.nationality_words and not (
                    exact and any(p.kind == "country" for p in places)):
                continue
            if saints_foundation(doc, start, end) and not any(
                    p.population >= SPEAKING_TOWN for p in places):
                continue  # "St. Agnes's Primary School", "St. Andrew's Day"
            if numbered(doc, end) and not (exact and self._sizeable(name, places)):
                continue  # "Loop 12", "Lot No. 9", "County Road 40": a numbered thing
            label = entity_spans.get((start, end)) or self._entity_label(doc, start, end)
            division = exact and any(p.kind in {"country", "region", "admin1"} for p in places) \
                or doc[end - 1].text in ADMIN_NOUNS
            # A country's or a state's name ends a longer name as a place ("Air Namibia",
            # "Education Oregon"); another name there is that name's tail.
            if self._never_place_label(doc, start, end, label) or \
                    part_of_person(doc, start, end) and not self._before_public_body(doc, end) or \
                    continues_name(doc, start) and not (
                        exact and self._names_a_state(name, places)) or \
                    self._after_title(doc, start):
                continue
            if self._is_street(doc, start, end):
                if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_ \
                        and STREET_NOUNS.get(doc[end - 1].text):
                    end += 1  # "Ave." keeps its dot
                chosen.append((start, end, [], True))
                taken.update(range(start, end))
                continue
            # A person named before, or the first word of a longer name; a state's or a
            # county's name stays a place there ("Texas Forest Service", "Madison County Jail").
            seat = institution is not None and self._seats_institution(doc, end, institution,
                                                                       places)
            if not division and name_key(name) not in known and (
                    not seat and opens_longer_name(doc, end, self.public_bodies) or
                    name_key(name) in people and not place_despite_surname(
                        doc, start, end, places, label)) or \
                    heads_of_name(doc, end) and not self._of_its_country(doc, end, places, found):
                continue
            # Someone quoted, or a disease, by this name is one wherever the text does not say
            # "place".
            if people.get(name_key(name)) and not strong_place_context(doc, start, end):
                continue
            listed = bool(places) and (
                start >= 2 and doc[start - 1].lower_ in LIST_WORDS and start - 1 in ends
                or end + 1 < len(doc) and doc[end].lower_ in LIST_WORDS and end + 1 in starts)
            supported = listed or name_key(name) in known or seat
            if places and not exact and (len(name) < 5 or self._english_word(doc, start, end)
                                         or not supported and not (
                    label in {"GPE", "LOC"} or has_place_context(doc, start, end))):
                places = []  # a transliteration match needs the text to say "place"
                supported = name_key(name) in known or seat  # a list of places holds none
            if places:
                if not (supported or (start, end) in datelines or
                        self._plausible(doc, start, end, places, label)):
                    continue
            elif not supported:
                if (start, end) not in unknown:
                    unknown[(start, end)] = self._unknown_place(doc, start, end, label)
                if not unknown[(start, end)]:
                    continue
            chosen.append((start, end, places, exact))
            taken.update(range(start, end))
        return chosen

    def _of_its_country(self, doc: Doc, end: int, places: list[Place], found: dict) -> bool:
        """Whether "of" after a name leads to the country one of its readings lies in ("the
        Sunshine Coast of Australia"): a place placed in its country, not the head of a
        longer name ("the Friends of Dover")."""
        start = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        stop = name_end(doc, start, min(len(doc), start + MAX_NAME_TOKENS))
        countries = {p.country_code for p in self._exact(found, span_name(doc, start, stop))
                     if p.kind == "country"}
        return any(p.country_code in countries for p in places)

    def _joins_known_names(self, doc: Doc, start: int, end: int, found: dict) -> bool:
        """Whether a name is capitalised names joined by hyphens that the gazetteer knows
        each exactly, or country adjectives ("Lima-Cusco", "Fenton-Linden", "Chilean-Peruvian"):
        names joined, not one name ("Wilkes-Barre" is known whole, "Provence-Verdon" not in
        pieces)."""
        pieces = [span_name(doc, a, b) for a, b in hyphen_pieces(doc, start, end)]
        return len(pieces) > 1 and all(
            piece.lower() in self.nationality_words or
            self._exact(found, piece) for piece in pieces)

    def _divided_by_direction(self, rest: str, found: dict) -> bool:
        """Whether the rest of "Western Kentucky", "South Tulsa" is a state, a county
        or a town of some size that the direction divides; a continent's or a country's
        parts ("East Africa", "Southern Chile"), and names the gazetteer lacks or knows only
        as a hamlet or as another place's alias ("North Lindavia", "Upper Kessar") are names
        of their own."""
        places, exact = found.get(rest, ([], True))
        if rest in self.state_abbreviations:
            return bool(places)  # "Western Ky."
        return exact and any(self.gazetteer.is_primary(rest, p) and (
            p.kind in {"admin1", "admin2"} or p.kind == "city" and p.population >= SEAT_TOWN)
            for p in places)

    def _only_spelled_otherwise(self, name: str, places: list[Place]) -> bool:
        """Whether a short word in capitals is known only as the own name of places that
        are written in lower case ("ELY" for Ely, "NICE" for Nice): an acronym then, as
        "US", "UAE", "NYC" are known as aliases written so."""
        return short_capitals(name) and all(
            self.gazetteer.is_primary(name, p) and not p.name.isupper() for p in places)

    def _sizeable(self, name: str, places: list[Place]) -> bool:
        """Whether a name is a country's, a large division's or the own name of a town of
        some size ("U.S. 41" is a US highway, "Fresno 3rd District" a district of Fresno)."""
        return self._names_a_state(name, places) or any(
            p.kind == "country" or p.kind == "city" and p.population >= SEAT_TOWN and
            self.gazetteer.is_primary(name, p) for p in places)

    def _names_a_state(self, name: str, places: list[Place]) -> bool:
        """Whether a name is, first of all, a country's or a large division's ("Namibia",
        "Oregon"), not a city's that a division is named after ("Tokyo", "Lima") nor a small
        division's."""
        cities = [p.population for p in places if p.kind == "city"]
        return any(self.gazetteer.is_primary(name, p) and (
            p.kind == "country" or p.kind == "admin1" and p.population >= STATE_POPULATION and
            all(c < SEAT_SHARE * p.population for c in cities)) for p in places)

    def _seats_institution(self, doc: Doc, end: int, institution: int,
                           places: list[Place]) -> bool:
        """Whether the known name before an institution's word is the place it serves: a
        county ("the Pinal County Board of Supervisors"), or a town of some size with a public
        body ("Tucson Superior Court", "the Calgary Fire Department"); a small namesake is no
        seat of "the Harbor Board", and colleges, schools and hospitals are often named after
        anything ("Columbia University")."""
        return doc[end - 1].text in ADMIN_NOUNS or doc[institution].lower_ in \
            self.seat_bodies and any(p.population >= SEAT_TOWN for p in places)

    def _before_public_body(self, doc: Doc, end: int) -> bool:
        """ "Owatonna Fire Chief Lena Ortiz": a name before a public body's word is the town the
        body serves, even where the model runs the official's name back over both."""
        return end < len(doc) and doc[end].lower_ in self.public_bodies

    def _institution_word(self, doc: Doc, start: int, end: int) -> int | None:
        """Where a name goes on from a place into an institution seated there ("Fulton City
        Hall", "Mohave Valley Water District"), if it does."""
        return next((i for i in range(start + 1, end)
                     if doc[i].lower_ in self.institution_nouns), None)

    def _known_prefix(self, doc: Doc, start: int, stop: int, found: dict) -> int | None:
        """The end of the longest name from `start` up to `stop` that the gazetteer knows
        exactly, as a place's own name if one is ("Canton City Schools": Canton) or as a
        division ("Galway County Council"): the place an institution is named after. A compass
        word or a word for a kind of place ("Northfield State Hospital", "Port Authority") is
        no such name, nor an English adjective that names no country or large town
        ("Liberal Arts Council", "Federal Seed Board")."""
        known = []
        for end in range(stop, start, -1):
            name = span_name(doc, start, end)
            places, exact = found.get(name, ([], True))
            if end - start == 1 and doc[start].lower_ in self.english_modifiers and not any(
                    p.kind == "country" or p.population >= SPEAKING_TOWN for p in places):
                continue
            if places and exact and name.lower() not in NEVER_ALONE:
                known.append((end, doc[end - 1].text in SUFFIXED_DIVISIONS or
                              any(self.gazetteer.is_primary(name, p) for p in places)))
        return next((end for end, primary in known if primary), known[0][0] if known else None)

    def _english_word(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a one-word name is an English word ("Bulletin", "Monsoon"), which a
        place whose name is spelled otherwise is not a transliteration of."""
        return end - start == 1 and (doc[start].lower_ in self.english_words or
                                     doc[start].lemma_.lower() in self.english_words)

    def _is_street(self, doc: Doc, start: int, end: int) -> bool:
        """ "Quarry Street", "1400 Quarry Ave.": a name ending in a street word, unless more of
        a name follows ("Elm Street School")."""
        return end - start >= 2 and doc[end - 1].text.rstrip(".") in STREET_NOUNS and \
            doc[start].lower_ not in {"the", "a", "an"} and not (
                end < len(doc) and is_name_token(doc[end]) and continues_name(doc, end))

    def _small_speakers(self, doc: Doc, found: dict) -> set[str]:
        """Speakers whose name the gazetteer knows, if at all, only as a small town: a
        country, a region or a city speaking for its government is no person."""
        speakers = quoted_speakers(doc, self.speech_verbs)
        big = {name_key(name) for name, (places, _) in found.items() if any(
            p.kind != "city" or p.population >= SPEAKING_TOWN for p in places)}
        return speakers - big

    def _after_title(self, doc: Doc, start: int) -> bool:
        """ "coach Danvers", "President Obama": a name right after a person's title."""
        return start > 0 and doc[start - 1].lower_ in self.person_titles

    def _demonym_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Capitalised country and continent adjectives and peoples, the longest at each word
        ("Sri Lankan", "South African", "North American", "Chileans")."""
        words = [(token.text, token.whitespace_) for token in doc]
        spans = []
        start = 0
        while start < len(words):
            if not words[start][0][:1].isupper():
                start += 1
                continue
            for length in (3, 2, 1):
                if start + length > len(words):
                    continue
                text = "".join(t + ws for t, ws in words[start:start + length - 1]) + \
                    words[start + length - 1][0]
                if text.lower() in self.nationality_words:
                    spans.append((start, start + length))
                    start += length - 1
                    break
            start += 1
        return spans

    def _demonym_toponyms(self, doc: Doc, spans: list[tuple[int, int]], taken: set[int],
                          people: dict[str, bool]) -> list:
        """Country and continent adjectives that stand for their country or continent as
        modifiers of a noun ("the Sudanese government", "Russian warplanes", "European
        airlines"), and a country's people or language named as such ("talks with the
        Chileans", "a proud Peruvian", "speaks Danish"), which news reporting uses for the
        country's side; not a surname ("Dana Irish said")."""
        out = []
        words = {span: doc[span[0]:span[1]].text.lower() for span in spans}
        continents = self.gazetteer.lookup({self.continents[w] for w in words.values()
                                            if w in self.continents})
        for (start, end), word in words.items():
            last = doc[end - 1]
            if taken.intersection(range(start, end)):
                continue
            head = _past_hyphenated_partner(last)
            hyphenated = head.i != last.head.i
            modifier = (last.dep_ in {"amod", "compound", "nmod"} or
                        hyphenated and last.dep_ == "npadvmod") and \
                head.pos_ in {"NOUN", "PROPN"} and not start <= head.i < end
            if word not in self.plural_peoples and not modifier and not (
                    word in self.demonyms and last.dep_ in NOMINAL_ROLES and
                    last.ent_type_ != "PERSON" and name_key(word) not in people):
                continue  # "Dana Irish said ... Irish said": a surname
            if word in self.continents:
                places = [p for p in continents[self.continents[word]][0] if p.kind == "region"]
            else:
                country = self.gazetteer.country(self.demonyms.get(word) or self.peoples[word])
                places = [country] if country else []
            out.append((start, end, places, True))
        return out

    def _priors(self, name: str, places: list[Place], hint: str | None,
                label: str | None = None) -> dict[int, float]:
        """Each reading's prior; a place known by this name only as an alias ("Alexandria"
        for Mashhad) and a division named like its capital or a major city of its country
        ("Aleppo", "Washington", without "province") rank lower. The model's LOC label (a
        location that is no town or state: a sea, a mountain range, a region) favours the
        regions ("the Atlantic", not the town of Atlantic)."""
        priors = {}
        for place in places:
            score = reading_score(place, hint)
            if label == "LOC" and place.kind == "region":
                score += LOC_REGION_WEIGHT
            if not self.gazetteer.is_primary(name, place):
                score -= ALIAS_PENALTY
            # the division's seat: a town in it or near its middle (where the gazetteer files
            # towns under a higher level, as Britain's under its nations), or a big city
            seats = [p for p in places if p.kind == "city" and
                     p.country_code == place.country_code and
                     p.population > SEAT_SHARE * place.population and
                     (p.admin1 == place.admin1 or p.population >= BIG_CITY or
                      haversine_km(p.lat, p.lon, place.lat, place.lon) <= NEAR_KM)]
            if place.kind == "admin1" and hint != "admin1" and seats:
                score = min(score, max(reading_score(p, hint) for p in seats) - 1.0)
            priors[id(place)] = score
        return priors

    @staticmethod
    def _never_place_label(doc: Doc, start: int, end: int, label: str | None) -> bool:
        """Whether the model labels the name a date, a time or a number; a number's label that
        spilled over from a figure before the name ("1,450 Coconino County ranchers": no word
        of the name is a number) is no sign."""
        return label in {"DATE", "TIME"} or label in NEVER_PLACE_LABELS and any(
            t.like_num for t in doc[start:end])

    @staticmethod
    def _entity_label(doc: Doc, start: int, end: int) -> str | None:
        labels = {doc[i].ent_type_ for i in range(start, end)} - {""}
        return labels.pop() if len(labels) == 1 else None

    @staticmethod
    def _plausible(doc: Doc, start: int, end: int, places: list[Place],
                   label: str | None) -> bool:
        """Whether a name the gazetteer knows is used as a place here. The model's place
        labels are trusted unless the gazetteer knows the name only as a hamlet, which a
        company or a product is more often named like (a sea or a region, peopled or not, is
        no hamlet); its person and facility labels need a locative context, or for a town
        of some size a seat after an organisation's name."""
        if label in {"GPE", "LOC"}:
            return any(p.population >= HAMLET or p.kind == "region" for p in places) or \
                has_place_context(doc, start, end)
        if any(t.pos_ not in {"PROPN", "NOUN", "ADJ", "PUNCT", "DET"} for t in doc[start:end]
               if not joining_particle(t) and t.lower_ not in {"of", "'s", "’s"}):
            return False
        if any(p.kind in {"country", "admin1"} for p in places) and label != "PERSON" or \
                any(p.kind == "country" for p in places) or \
                any(p.kind == "region" for p in places) and not ends_entity(doc, start) or \
                doc[end - 1].text in ADMIN_NOUNS:
            return True  # a state (a country or a region even as the model's person or
            # organisation: "the European Union said"), or "Polk County"
        if seat_after_organisation(doc, start, end) and \
                any(p.population >= SPEAKING_TOWN for p in places):
            return True
        if label in {"PERSON", "FAC", "ORG"}:
            return strong_place_context(doc, start, end)
        return has_place_context(doc, start, end)

    def _unknown_place(self, doc: Doc, start: int, end: int, label: str | None) -> bool:
        """Whether a name the gazetteer lacks is still a place: the model says so and the
        context agrees or, for a location, the name holds a word for a natural feature
        ("Harlow River"; not a charity the model calls a location), or the text makes it a
        district or puts it inside a place. A name the model labels only in part ("Denver"
        of "Denver Broncos") is not the place it found."""
        if any(not t.ent_type_ for t in doc[start:end]):
            label = None
        if label in {"GPE", "LOC"} and has_place_context(doc, start, end) or \
                label == "LOC" and any(t.lower_.rstrip(".") in self.feature_words
                                       for t in doc[start:end]):
            return True
        if names_a_district(doc, start, end):
            return True
        # "homes in Tal al-Zarzur in Aleppo"; not "the Mayor's Residence in Boston"
        labels = {t.ent_type_ for t in doc[start:end]}
        return labels <= {"", "GPE", "LOC", "NORP"} and inside_named_place(doc, start, end) and \
            has_place_context(doc, start, end)

    def _resolve(self, doc: Doc, chosen: list[tuple[int, int, list[Place], bool]]
                 ) -> list[Toponym]:
        hints = [kind_hint(doc, s, e) for s, e, _, _ in chosen]
        keys = [name_key(span_name(doc, s, e)) for s, e, _, _ in chosen]
        containers = [container_of(doc, chosen, i) for i in range(len(chosen))]
        priors = [self._priors(span_name(doc, s, e), places, hint, self._entity_label(doc, s, e))
                  for (s, e, places, _), hint in zip(chosen, hints)]
        candidates = [places if exact else [] for _, _, places, exact in chosen]
        picks: list[Place | None] = [max(places, key=lambda p: prior[id(p)]) if places else None
                                     for places, prior in zip(candidates, priors)]
        regions = region_shares(keys, candidates, priors)
        lists = list_mates(doc, chosen)
        money_country = currency_country(doc)
        for round_ in range(3):
            if round_ == 1:
                # Transliteration (loose) matches count only in the document's own countries.
                main = main_countries(picks)
                candidates = [places if exact else [p for p in places if p.country_code in main]
                              for _, _, places, exact in chosen]
            context = Context(list(zip(keys, picks)), regions, money_country)
            previous = list(picks)
            picks = []
            for i, places in enumerate(candidates):
                kinds = [previous[j].kind for j in lists[i] if previous[j] is not None]
                container = None if containers[i] is None or \
                    separates_list(lists[i], containers[i], kinds) else previous[containers[i]]
                picks.append(best_reading(places, keys[i], priors[i], context, container,
                                           kinds))
        streets = [i for i, (s, e, places, _) in enumerate(chosen)
                   if not places and self._is_street(doc, s, e - (doc[e - 1].text == "."))]
        for i in streets:
            hints[i] = "district"
            picks[i] = town_of_street(picks, containers[i], streets)
        local = local_town(picks, streets)
        for i, (_, _, places, _) in enumerate(chosen):
            # "Khirbet Zaytun in Homs", "Oakvale, Ohio": a name the gazetteer lacks is inside
            # the place the text puts it in; else, like a street, near the town a local
            # story is about ("Quillan River" in a story from Dayton).
            if not places and picks[i] is None:
                hints[i] = "district"
                inside = picks[containers[i]] if containers[i] is not None else None
                picks[i] = inside or local
        toponyms = []
        for (start, end, places, exact), place, hint in zip(chosen, picks, hints):
            if place is None and places and not exact and not self._unknown_place(
                    doc, start, end, self._entity_label(doc, start, end)):
                continue  # its loose matches lie outside the document's countries: no place
            span = doc[start:end]
            text = span_name(doc, start, end)
            qualifier = qualifier_before(doc, span.start)
            toponyms.append(Toponym(span.start_char, span.start_char + len(text), text, place,
                                    geo_precision(place, qualifier, hint), qualifier))
        return toponyms
