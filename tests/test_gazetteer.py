"""The gazetteer file: name keys, imports from GeoNames / Who's On First / CSV, downloads."""

from __future__ import annotations

import http.server
import io
import json
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli
from thucydides.gazetteer import Gazetteer, create_empty, default_path, loose_key, name_key
from thucydides.gazetteer.imports import UnknownFormat, import_file

SHARED_WOF = Path(__file__).resolve().parents[2] / "shared" / "data" / "gazetteers" / "wof_sy.csv"

# A GeoNames dump in the SY.txt layout (the "geoname" table): a governorate, a town, a
# neighbourhood of it and an abandoned village, with made-up ids.
DUMP_ROWS = [
    ["900001", "Homs Governorate", "Homs Governorate", "Hims,Muhafazat Hims", "34.6", "37.5",
     "A", "ADM1", "SY", "", "11", "", "", "", "1800000", "", "500", "Asia/Damascus", "2020-01-01"],
    ["900002", "Talbiseh", "Talbiseh", "Talbisah,Tell Bisse", "34.84", "36.73", "P", "PPL", "SY",
     "", "11", "", "", "", "30000", "", "480", "Asia/Damascus", "2020-01-01"],
    ["900003", "Hay al Qusur", "Hay al Qusur", "Qusour,Al-Qusour", "34.74", "36.72", "P", "PPLX",
     "SY", "", "11", "", "", "", "0", "", "490", "Asia/Damascus", "2020-01-01"],
    ["900004", "Khirbat Umm Tuwaynah", "Khirbat Umm Tuwaynah", "", "34.9", "36.9", "P", "PPLQ",
     "SY", "", "11", "", "", "", "0", "", "470", "Asia/Damascus", "2020-01-01"],
]


def dump_text() -> str:
    return "".join("\t".join(row) + "\n" for row in DUMP_ROWS)


@pytest.fixture
def empty(tmp_path: Path) -> Gazetteer:
    gazetteer = Gazetteer(create_empty(tmp_path / "own.sqlite"), build_if_missing=False)
    yield gazetteer
    gazetteer.close()


def test_transliterations_of_one_neighbourhood_share_a_loose_key():
    spellings = ["al-Wa'er", "Al Waer", "Al Wa`r", "al-Wa‘r", "Al-Waer"]
    assert len({loose_key(s) for s in spellings}) == 1
    assert name_key("al-Wa'er") == name_key("Al Waer")


def test_other_places_keep_apart():
    assert loose_key("Homs") != loose_key("Hama")
    assert loose_key("Idlib") != loose_key("Daraa")
    assert name_key("Deir ez-Zor") == name_key("Deir ez Zor")


def test_suffix_and_doubled_letter_variants_meet():
    assert loose_key("Ashrafiyeh") == loose_key("Ashrafiyah") == loose_key("Ashrafieh")
    assert loose_key("Zabbadani") == loose_key("Zabadani")
    assert loose_key("Jisr al-Shughour") == loose_key("Jisr ash-Shughur")


def test_geonames_dump_import_maps_kinds_and_regions(tmp_path: Path, empty: Gazetteer):
    dump = tmp_path / "SY.txt"
    dump.write_text(dump_text(), encoding="utf-8")
    assert import_file(dump, empty) == 3  # the abandoned village is left out
    town = empty.lookup(["Tell Bisse"])["Tell Bisse"][0][0]
    assert (town.kind, town.admin1, town.population) == ("city", "Homs Governorate", 30000)
    quarter = empty.lookup(["al-Qusour"])["al-Qusour"][0][0]
    assert quarter.kind == "district" and quarter.id == "geonames:900003"
    assert empty.lookup(["Khirbat Umm Tuwaynah"])["Khirbat Umm Tuwaynah"][0] == []


def test_plain_csv_import(tmp_path: Path, empty: Gazetteer):
    csv = tmp_path / "places.csv"
    csv.write_text("name,alternate names,lat,lon,type,parent,country\n"
                   "Karm al-Jabal,Karm el Jabal|Karm Aljabal,34.737,36.725,neighbourhood,Homs,SY\n",
                   encoding="utf-8")
    import_file(csv, empty)
    import_file(csv, empty)  # the same row keeps its id: no duplicate
    hits, exact = empty.lookup(["Karm el-Jabal"])["Karm el-Jabal"]
    assert exact and len(hits) == 1
    assert (hits[0].kind, hits[0].admin1, hits[0].country_code) == ("district", "Homs", "SY")


def test_wof_geojson_import_uses_labels_and_geonames_ids(tmp_path: Path, empty: Gazetteer):
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.1, 35.9]},
               "properties": {"wof:id": 123, "wof:name": "Kessab", "wof:placetype": "locality",
                              "name:eng_x_variant": ["Kasab"], "wof:country": "SY",
                              "lbl:latitude": 35.92, "lbl:longitude": 35.99,
                              "wof:concordances": {"gn:id": 170000}, "wof:parent_id": -1}}
    path = tmp_path / "kessab.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    import_file(path, empty)
    place = empty.lookup(["Kasab"])["Kasab"][0][0]
    assert (place.id, place.lat, place.lon, place.kind) == ("geonames:170000", 35.92, 35.99, "city")


def test_import_into_a_known_place_keeps_its_names(tmp_path: Path, empty: Gazetteer):
    dump = tmp_path / "SY.txt"
    dump.write_text(dump_text(), encoding="utf-8")
    import_file(dump, empty)
    csv = tmp_path / "wof.csv"
    csv.write_text("wof_id,name,alt_names,placetype,lat,lon,parent_wof_id,parent_name,country,"
                   "geonames_id,population\n"
                   "55,Talbisa,Talbisseh,locality,34.84,36.73,,,SY,900002,\n", encoding="utf-8")
    import_file(csv, empty)
    for spelling in ("Talbiseh", "Tell Bisse", "Talbisseh"):
        assert [p.id for p in empty.lookup([spelling])[spelling][0]] == ["geonames:900002"]
    assert empty.get("geonames:900002").population == 30000


def test_unknown_format_is_refused(tmp_path: Path, empty: Gazetteer):
    path = tmp_path / "notes.txt"
    path.write_text("shelling reported overnight\n")
    with pytest.raises(UnknownFormat):
        import_file(path, empty)
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(path), "--path",
                                      str(empty.path)])
    assert result.exit_code == 1 and "not a GeoNames dump" in result.output


class _ZipHandler(http.server.BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path != "/dumps/SY.zip":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        self.wfile.write(self.payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def dump_server():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("SY.txt", dump_text())
        archive.writestr("readme.txt", "fixture")
    _ZipHandler.payload = buffer.getvalue()
    server = http.server.HTTPServer(("127.0.0.1", 0), _ZipHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/dumps"
    server.shutdown()
    server.server_close()


def test_download_fetches_and_imports_a_country_dump(dump_server: str, empty: Gazetteer):
    result = CliRunner().invoke(cli, ["gazetteer", "download", "sy", "--url", dump_server,
                                      "--path", str(empty.path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"country": "SY", "places": 3}
    empty.forget()
    assert empty.lookup(["Talbisah"])["Talbisah"][0][0].id == "geonames:900002"


def test_download_reports_a_missing_dump(dump_server: str, empty: Gazetteer):
    result = CliRunner().invoke(cli, ["gazetteer", "download", "LB", "--path", str(empty.path)],
                                env={"THUCYDIDES_GEONAMES_URL": dump_server})
    assert result.exit_code == 1 and "404" in result.output


def test_download_refuses_a_bad_country_code(empty: Gazetteer):
    result = CliRunner().invoke(cli, ["gazetteer", "download", "Syria", "--url",
                                      "http://127.0.0.1:9", "--path", str(empty.path)])
    assert result.exit_code == 1 and "two-letter" in result.output


@pytest.mark.skipif(not SHARED_WOF.exists(),
                    reason=f"the Who's On First test file is not at {SHARED_WOF} "
                           "(../shared is absent)")
@pytest.mark.skipif(not default_path().exists(), reason="no gazetteer built at setup")
def test_wof_import_makes_a_homs_neighbourhood_resolve(tmp_path: Path):
    from thucydides import geoparse

    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(default_path(), path)
    gazetteer = Gazetteer(path, build_if_missing=False)
    assert import_file(SHARED_WOF, gazetteer) > 10000
    gazetteer.close()
    text = ("Government forces shelled al-Wa'er, the last rebel-held district of Homs, on "
            "Sunday, residents said.")
    toponyms = {t.text: t for t in geoparse(text, str(path))}
    waer = toponyms["al-Wa'er"]
    assert waer.place is not None and waer.place.country_code == "SY"
    assert abs(waer.place.lat - 34.78) < 0.1 and abs(waer.place.lon - 36.65) < 0.1
    assert waer.precision == 1


def test_build_if_missing_keeps_a_current_file_and_rebuilds_an_outdated_one(tmp_path: Path,
                                                                            monkeypatch):
    import sqlite3

    import thucydides.gazetteer as gazetteer

    built = []
    monkeypatch.setattr(gazetteer, "build", lambda path, quiet=False: built.append(str(path)))
    current = create_empty(tmp_path / "current.sqlite")
    result = CliRunner().invoke(cli, ["gazetteer", "build", "--if-missing", "--path", str(current)])
    assert result.exit_code == 0 and built == []

    db = sqlite3.connect(str(current))
    db.execute("UPDATE meta SET value = 'older' WHERE name = 'schema'")
    db.commit()
    db.close()
    CliRunner().invoke(cli, ["gazetteer", "build", "--if-missing", "--path", str(current)])
    missing = tmp_path / "missing.sqlite"
    CliRunner().invoke(cli, ["gazetteer", "build", "--if-missing", "--path", str(missing)])
    assert built == [str(current), str(missing)]


def test_a_us_county_stands_at_its_own_towns_not_at_its_states_point():
    from thucydides.gazetteer.points import haversine_km

    gazetteer = Gazetteer()
    counties = gazetteer.lookup(["Beaufort County"])["Beaufort County"][0]
    county = next(p for p in counties if p.admin1 == "North Carolina")
    assert county.kind == "admin2" and county.id.startswith("fips:")
    # Washington, its seat, lies some 200 km from the middle of North Carolina.
    assert haversine_km(county.lat, county.lon, 35.55, -77.05) < 30


def test_a_country_stands_between_its_atlas_point_and_its_landmass_centre():
    from thucydides.gazetteer.points import haversine_km

    united_states = Gazetteer().country("US")
    # The geographic centre of the lower 48 (in north-central Kansas) and the atlas point.
    assert haversine_km(united_states.lat, united_states.lon, 39.83, -98.58) < 150
    assert haversine_km(united_states.lat, united_states.lon, 38.0, -97.0) < 150


def test_the_centroid_of_an_outline_and_a_midpoint_on_the_sphere():
    from thucydides.gazetteer.points import midpoint, ring_centroid

    square = [(10.0, 0.0), (10.0, 2.0), (12.0, 2.0), (12.0, 0.0)]  # (lon, lat), clockwise
    area, lat, lon = ring_centroid(square)
    assert (round(lat, 6), round(lon, 6)) == (1.0, 11.0) and 3.9 < area < 4.0
    assert midpoint((0.0, 170.0), (0.0, -170.0)) == (0.0, 180.0)


def test_a_us_county_weighs_what_its_towns_weigh():
    counties = Gazetteer().lookup(["Clark County"])["Clark County"][0]
    biggest = max(counties, key=lambda p: p.population)
    assert biggest.admin1 == "Nevada" and biggest.population > 1_000_000


def test_a_us_state_stands_at_the_mean_point_of_its_counties_not_at_its_largest_city():
    from thucydides.gazetteer.points import haversine_km

    state = next(p for p in Gazetteer().lookup(["New York"])["New York"][0] if p.kind == "admin1")
    assert haversine_km(state.lat, state.lon, 40.71, -74.01) > 150  # New York City
    assert 41.5 < state.lat < 43.5 and -77.0 < state.lon < -74.5  # upstate, mid-state


def test_a_country_point_lies_on_its_land():
    from thucydides.gazetteer.points import on_land
    from thucydides.gazetteer.points import haversine_km

    square = [(0.0, 0.0), (0.0, 4.0), (4.0, 4.0), (4.0, 0.0)]  # (lon, lat)
    hole = [(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0)]
    assert on_land([square, hole], (0.5, 0.5)) and not on_land([square, hole], (2.0, 2.0))
    assert not on_land([square], (5.0, 2.0))
    # An archipelago's midpoint can fall in the sea between its islands; its point is near
    # its towns instead.
    gazetteer = Gazetteer()
    indonesia = gazetteer.country("ID")
    towns = [p for p in gazetteer.db.execute(
        "SELECT lat, lon FROM places WHERE country_code = 'ID' AND kind = 'city'")]
    assert min(haversine_km(indonesia.lat, indonesia.lon, lat, lon) for lat, lon in towns) < 30


def test_an_archipelago_whose_midpoint_is_at_sea_stands_at_its_atlas_point():
    from thucydides.gazetteer.points import country_points

    big_island = [(0.0, 0.0), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0)]  # (lon, lat)
    small_island = [(6.0, 0.0), (6.0, 1.0), (7.0, 1.0), (7.0, 0.0)]
    atlas = {"QZ": {"latitude": "1.0", "longitude": "4.0"}}  # at sea between the islands
    point = country_points(atlas, {"QZ": [big_island, small_island]})["QZ"]
    assert point == (1.0, 4.0)  # not the big island's centroid, three degrees west


def test_a_group_of_countries_is_a_region_at_the_centre_of_its_people():
    from thucydides.gazetteer.points import weighted_centre
    from thucydides.gazetteer.points import haversine_km

    assert weighted_centre([((0.0, 0.0), 3.0), ((0.0, 8.0), 1.0)])[1] == pytest.approx(2.0, 0.05)
    gazetteer = Gazetteer()
    found = gazetteer.lookup(["West Africa", "Western Africa", "EU", "South Africa"])
    west = found["West Africa"][0]
    assert [p.kind for p in west] == ["region"] and west == found["Western Africa"][0]
    # Nigeria's people pull the region's centre east of the mean of its many members.
    assert west[0].lon > 0 and west[0].population > gazetteer.country("NG").population
    union = next(p for p in found["EU"][0] if p.kind == "region")
    assert union.name == "European Union"
    assert haversine_km(union.lat, union.lon, 48.58, 7.75) < 250  # near Strasbourg
    # "Southern Africa" is not written "South Africa", a country's name.
    assert {p.kind for p in found["South Africa"][0]} <= {"country", "admin1", "city"}


def test_a_country_is_known_by_its_formal_and_other_english_names():
    found = Gazetteer().lookup(["Holy See", "People's Republic of China", "East Timor",
                                "Hellenic Republic"])
    codes = {name: {p.country_code for p in places if p.kind == "country"}
             for name, (places, exact) in found.items() if exact}
    assert codes == {"Holy See": {"VA"}, "People's Republic of China": {"CN"},
                     "East Timor": {"TL"}, "Hellenic Republic": {"GR"}}


def test_each_geonames_division_code_names_its_own_division():
    from thucydides.gazetteer.packaged import _least_cost_assignment

    # Each row's nearest column is the first; only one row can have it.
    assert _least_cost_assignment([[1.0, 2.0], [1.0, 10.0]]) == [1, 0]
    found = Gazetteer().lookup(["Sydney", "Brisbane", "Guangzhou"])
    divisions = {name: max(places, key=lambda p: p.population).admin1
                 for name, (places, _) in found.items()}
    assert divisions == {"Sydney": "New South Wales", "Brisbane": "Queensland",
                         "Guangzhou": "Guangdong"}


def test_a_division_is_found_by_its_code_as_written():
    codes = Gazetteer().codes(["NSW", "WA", "Nsw"])
    assert [p.name for p in codes["NSW"]] == ["New South Wales"]
    assert {"Western Australia", "Washington"} <= {p.name for p in codes["WA"]}
    assert codes["Nsw"] == []


def test_oceans_seas_and_large_regions_are_places():
    from thucydides.gazetteer.points import haversine_km

    found = Gazetteer().lookup(["Indian Ocean", "Mediterranean", "Middle East", "Caribbean"])
    ocean = found["Indian Ocean"][0][0]
    assert ocean.kind == "region" and ocean.country_code is None
    sea = next(p for p in found["Mediterranean"][0] if p.kind == "region")
    assert sea.name == "Mediterranean Sea" and haversine_km(sea.lat, sea.lon, 35.0, 18.0) < 300
    assert any(p.kind == "region" for p in found["Middle East"][0])
    # The Caribbean stays the UN M49 region; the sea does not take its name.
    assert [p.name for p in found["Caribbean"][0] if p.kind == "region"] == ["Caribbean"]


def test_a_country_is_named_by_the_parts_its_name_joins_that_name_no_other_place():
    from thucydides.gazetteer.packaged import _country_parts

    assert _country_parts(["Norvania and Ostrel", "Republic of Kessar and Vell",
                           "Moles and Lantern Islands"]) == ["Norvania", "Ostrel", "Vell",
                                                             "Lantern Islands"]
    found = Gazetteer().lookup(["Futuna", "Barbuda"])
    assert any(p.kind == "country" and p.country_code == "WF" for p in found["Futuna"][0])
    assert all(p.kind == "admin1" for p in found["Barbuda"][0])  # a division of its own


def test_a_division_is_named_without_the_form_its_official_name_opens_with():
    found = Gazetteer().lookup(["Kingston upon Hull"])["Kingston upon Hull"][0]
    assert any(p.kind == "admin1" and p.country_code == "GB" for p in found)


def test_a_division_the_package_names_in_its_country_s_language_has_its_english_name():
    from thucydides.gazetteer.packaged import english_division_name

    assert english_division_name("ID", "Nusa Tenggara Timur") == "East Nusa Tenggara"
    assert english_division_name("ID", "Papua Barat Daya") == "Southwest Papua"
    found = Gazetteer().lookup(["Southeast Sulawesi"])["Southeast Sulawesi"][0]
    assert [p.kind for p in found if p.country_code == "ID"] == ["admin1"]
