"""Choosing a name's reading: priors, the document's countries, regions, nearby towns,
containers and lists, and the ACLED geo-precision of the result."""

from __future__ import annotations

import math
from collections import Counter

from spacy.tokens import Doc

from ..gazetteer.points import haversine_km
from ..types import Place
from .vocabulary import (
    BETWEEN_PLACES, CONTAINER_WEIGHT, COUNTRY_WEIGHT, CURRENCY_SYMBOLS, KIND_PRIOR,
    LIST_KIND_WEIGHT, LIST_WORDS, LOCAL_KINDS, NEAR_KM, POPULATION_WEIGHT, PROXIMITY_WEIGHT,
    REGION_SPREAD, REGION_WEIGHT)


def reading_score(place: Place, hint: str | None) -> float:
    """Prior of one reading before the document has its say: feature type and population."""
    score = KIND_PRIOR.get(place.kind, 0.0) + \
        math.log10(place.population + 10) * POPULATION_WEIGHT
    if hint and (place.kind == hint or hint == "district" and place.kind == "city"):
        score += 6.0
    elif hint in {"admin1", "admin2"} and place.kind == "city":
        score -= 3.0
    return score


def _contains(outer: Place, inner: Place) -> bool:
    """Whether `inner` lies in `outer` as far as the gazetteer can tell."""
    if outer.kind in {"country"}:
        return inner.country_code == outer.country_code
    if outer.kind == "admin1":
        return inner.country_code == outer.country_code and inner.admin1 == outer.admin1
    if outer.kind == "region":
        return False
    return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= NEAR_KM


class Context:
    """What the rest of the document says about where it is: the countries of the other
    names' readings, the regions their candidates can lie in, and their towns (for
    proximity). A name never votes for itself. Counted once per round, so that scoring a
    reading costs little."""

    def __init__(self, picks: list[tuple[str, Place | None]],
                 regions: dict[str, dict[tuple[str | None, str], float]],
                 money_country: str | None = None):
        self.picks = [(key, p) for key, p in picks if p is not None]
        self.countries = Counter(p.country_code for _, p in self.picks)
        # The currency the text counts in votes like one more name ("$2 million": the US).
        self.money_votes = int(money_country is not None)
        self.countries.update([money_country] * self.money_votes)
        self.own_countries = Counter((k, p.country_code) for k, p in self.picks)
        self.own_count = Counter(k for k, _ in self.picks)
        self.region_names = regions
        # Only names with readings inside a country's divisions vote on the region: a
        # country or a people named in passing ("Dutch settlers") says nothing about it.
        self.region_voters = sum(bool(shares) for shares in regions.values())
        self.regions: Counter = Counter()
        for shares in regions.values():
            self.regions.update(shares)
        self.towns = [(k, p) for k, p in self.picks if p.kind in LOCAL_KINDS]

    def bonus(self, key: str, place: Place) -> float:
        others = len(self.picks) + self.money_votes - self.own_count[key]
        if not others:
            return 0.0
        same_country = self.countries[place.country_code] - \
            self.own_countries[(key, place.country_code)]
        score = COUNTRY_WEIGHT * same_country / others
        if place.admin1:
            region = (place.country_code, place.admin1)
            same_region = self.regions[region] - self.region_names.get(key, {}).get(region, 0.0)
            voters = self.region_voters - bool(self.region_names.get(key))
            score += REGION_WEIGHT * _support(same_region, max(1, voters))
        if place.kind in LOCAL_KINDS:
            nearby = sum(k != key and abs(p.lat - place.lat) < 1.0 and
                         haversine_km(p.lat, p.lon, place.lat, place.lon) <= NEAR_KM
                         for k, p in self.towns)
            score += PROXIMITY_WEIGHT * _support(nearby, others)
        return score


def currency_country(doc: Doc) -> str | None:
    """The country whose currency the text counts in, by the bare symbol news style gives
    it ("$4.2 million" is US dollars; other dollars are written "C$", "A$"), if any."""
    for token in doc:
        if token.text in CURRENCY_SYMBOLS and token.i + 1 < len(doc) and \
                doc[token.i + 1].like_num and (token.i == 0 or doc[token.i - 1].whitespace_):
            return CURRENCY_SYMBOLS[token.text]
    return None


def region_shares(keys: list[str], candidates: list[list[Place]],
                   priors: list[dict[int, float]]
                   ) -> dict[str, dict[tuple[str | None, str], float]]:
    """Per distinct name, the regions its readings lie in, each with the share of one vote
    that the reading's prior gives it (a softmax over all its readings, see REGION_SPREAD):
    a name with a single reading ("Ga.", "Cobb County") places the document firmly, a name
    found in ten states ("Decatur") barely, whichever reading was picked first, and a
    country's name ("Russia") little in the region of its namesake town."""
    shares: dict[str, dict[tuple[str | None, str], float]] = {}
    for key, places, prior in zip(keys, candidates, priors):
        if key in shares or not places:
            continue
        top = max(prior[id(p)] for p in places)
        weights = [(p, math.exp((prior[id(p)] - top) / REGION_SPREAD)) for p in places]
        total = sum(w for _, w in weights)
        found: dict[tuple[str | None, str], float] = {}
        for place, weight in weights:
            if place.admin1 and place.kind != "country":
                region = (place.country_code, place.admin1)
                found[region] = found.get(region, 0.0) + weight / total
        shares[key] = found
    return shares


def _support(mentions: float, others: int) -> float:
    """How far other mentions back a reading: fully once a third of them do, so that a town
    the document keeps naming outweighs one named in passing."""
    return min(1.0, 3 * mentions / others)




def best_reading(places: list[Place], key: str, prior: dict[int, float], context: Context,
                  container: Place | None, listed_kinds: list[str]) -> Place | None:
    """The reading that its prior, the rest of the document, a container named next to the
    name and the kinds of the names listed with it together favour."""
    if not places:
        return None

    def score(place: Place) -> float:
        value = prior[id(place)] + context.bonus(key, place)
        if container is not None and _contains(container, place):
            value += CONTAINER_WEIGHT
        if listed_kinds:
            value += LIST_KIND_WEIGHT * listed_kinds.count(place.kind) / len(listed_kinds)
        return value

    return max(places, key=score)


def main_countries(picks: list[Place | None]) -> set[str | None]:
    counts: dict[str | None, int] = {}
    for place in picks:
        if place is not None:
            counts[place.country_code] = counts.get(place.country_code, 0) + 1
    total = sum(counts.values()) or 1
    return {code for code, n in counts.items() if n / total >= 0.2}


def local_town(picks: list[Place | None], streets: list[int]) -> Place | None:
    """The town the document names most, if the document is local to it: at least half of
    the towns, counties and states it names lie near that town or around it."""
    town = town_of_street(picks, None, streets)
    if town is None:
        return None
    named = [p for i, p in enumerate(picks)
             if p is not None and i not in streets and p.kind in LOCAL_KINDS | {"admin1"}]
    around = sum(_contains(p, town) if p.kind == "admin1" else
                 haversine_km(p.lat, p.lon, town.lat, town.lon) <= NEAR_KM for p in named)
    return town if 2 * around >= len(named) else None


def town_of_street(picks: list[Place | None], container: int | None,
                    streets: list[int]) -> Place | None:
    """The town a street (or another place the gazetteer lacks) lies in: the one the text puts
    it in ("Quarry Street in Dayton"), else the town the document names most, the one local
    news reports from."""
    if container is not None and picks[container] is not None and \
            picks[container].kind in {"city", "district"}:
        return picks[container]
    towns = Counter(p.id for i, p in enumerate(picks)
                    if p is not None and p.kind == "city" and i not in streets)
    if not towns:
        return None
    top = towns.most_common(1)[0][0]
    return next(p for p in picks if p is not None and p.id == top)


def list_mates(doc: Doc, chosen: list) -> list[list[int]]:
    """For each name, the other names of the list it stands in ("Oregon and Washington",
    "Alberta, Manitoba, Ontario"), which are mostly places of one kind; two names joined by
    a comma alone are no list ("Alexandria, Virginia")."""
    groups: list[list[int]] = []
    joined_by_word: list[bool] = []
    for i in range(len(chosen)):
        between = [t.lower_ for t in doc[chosen[i - 1][1]:chosen[i][0]]] if i else []
        if between and set(between) <= LIST_WORDS and len(between) <= 2:
            groups[-1].append(i)
            joined_by_word[-1] = joined_by_word[-1] or bool(set(between) - {","})
        else:
            groups.append([i])
            joined_by_word.append(False)
    mates: list[list[int]] = [[] for _ in chosen]
    for group, by_word in zip(groups, joined_by_word):
        if len(group) >= 3 or len(group) == 2 and by_word:
            for i in group:
                mates[i] = [j for j in group if j != i]
    return mates


def separates_list(mates: list[int], container: int, kinds: list[str]) -> bool:
    """ "Utah, Virginia, Washington, West Virginia": in a long list of names of one kind, the
    comma before the next name parts two of them; it does not put the name inside the next
    ("Dayton, Ohio, Tulsa, Oklahoma" mixes kinds)."""
    return container in mates and len(kinds) >= 3 and len(set(kinds)) == 1


def container_of(doc: Doc, chosen: list, index: int) -> int | None:
    """The name the text puts this one inside: "Alexandria, Minn.", "al-Wa'er in Homs",
    "Salaheddin district in eastern Aleppo city"."""
    if index + 1 >= len(chosen):
        return None
    between = [t.lower_ for t in doc[chosen[index][1]:chosen[index + 1][0]]]
    words = [w for w in between if w not in BETWEEN_PLACES]
    return index + 1 if words in (["in"], [","], ["of"]) else None


def geo_precision(place: Place | None, qualifier: str | None, hint: str | None) -> int:
    """ACLED geo-precision: 1 the place itself, 2 part of or near it, 3 a larger region."""
    if place is None:
        return 3
    if place.kind in {"country", "admin1", "admin2", "region"}:
        return 3
    if qualifier or hint == "district" and place.kind == "city":
        return 2
    return 1
