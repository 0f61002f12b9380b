"""Imports: more places from GeoNames dumps, Who's On First exports and plain CSV files
(`thucydides gazetteer import`, `thucydides gazetteer download`)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..types import Place
from . import Gazetteer, NameRow, usable_alias

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
        aliases = [n.strip() for n in re.split(r"[|;]", row.get("alternate_names", ""))
                   if n.strip()]
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
