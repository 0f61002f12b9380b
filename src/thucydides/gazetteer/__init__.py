"""The embedded gazetteer: places and their names in one SQLite file, built offline at setup.

This module holds the file, its name keys and lookups; `packaged` reads the places of the
installed PyPI packages that `build` writes, `points` computes where countries, US states and
counties stand on a map, and `imports` adds places from GeoNames dumps, Who's On First
exports and plain CSV files (`thucydides gazetteer import`).
Names are stored under two keys: an exact key that folds case, accents, Arabic articles and
apostrophes, and a loose key that also folds vowels and doubled letters so that
transliteration variants ("al-Wa'er", "Al Waer", "Al Wa`r") meet.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..lexicons import load
from ..types import Place

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country_code TEXT, kind TEXT NOT NULL, admin1 TEXT, population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, loose TEXT NOT NULL, place_id TEXT NOT NULL, is_primary INTEGER NOT NULL,
    UNIQUE (key, place_id)
);
CREATE TABLE IF NOT EXISTS codes (code TEXT NOT NULL, place_id TEXT NOT NULL,
                                  UNIQUE (code, place_id));
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS names_loose ON names (loose);
CREATE INDEX IF NOT EXISTS names_place ON names (place_id);
CREATE INDEX IF NOT EXISTS codes_code ON codes (code);
"""
SCHEMA_VERSION = "16"  # bump when the build changes what it writes: setup then rebuilds



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
_ARTICLES = {row[0] for row in load("arabic_articles")}
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
    codes: list[str] = field(default_factory=list)  # as written: "NSW", "BC"


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

    def codes(self, codes: Iterable[str]) -> dict[str, list[Place]]:
        """The divisions each code stands for, as written ("WA": Western Australia and
        Washington); none in a gazetteer file older than the table."""
        codes = sorted(set(codes))
        found: dict[str, list[Place]] = {code: [] for code in codes}
        if not codes:
            return found
        try:
            rows = self.db.execute(
                f"SELECT c.code AS code, p.* FROM codes c JOIN places p ON p.id = c.place_id "
                f"WHERE c.code IN ({','.join('?' * len(codes))})", codes).fetchall()
        except sqlite3.OperationalError:
            return found
        for row in rows:
            found[row["code"]].append(_place(row))
        return found

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
        db.executemany("INSERT OR IGNORE INTO codes VALUES (?,?)",
                       [(code, p.id) for code in row.codes])
        count += 1
    return count


def usable_alias(name: str) -> bool:
    """Latin-script names that look like names, not codes or lower-case transliterations."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return all(c.isascii() or unicodedata.category(c).startswith(("L", "M")) and
               "LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def build(path: Path | str | None = None, quiet: bool = False) -> Path:
    """Build the gazetteer file from the installed packages (about a minute, offline)."""
    from .packaged import packaged_places  # the packages' data is read only here

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
