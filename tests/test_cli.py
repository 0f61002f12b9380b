"""The command line, as users and scripts call it (click's CliRunner)."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from thucydides.cli import cli

REPORT = ("UPDATE 1430 GMT: At least 7 people were killed and 12 wounded when a car bomb "
          "exploded near a market in Kirkuk on Wednesday, police said.\n\n"
          "ORIGINAL ENTRY: Mortar shells hit a village near Mosul on Tuesday, wounding two "
          "farmers, local officials said.\n")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_extract_json_from_stdin_follows_the_contract():
    result = run("extract", "-", "--published", "2017-03-07", "--format", "json", input=REPORT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"id", "document", "incidents", "claims", "lead"}
    kirkuk = [i for i in data["incidents"] if i["location"]["name"] == "Kirkuk"]
    assert kirkuk[0]["date"] == "2017-03-08"
    assert kirkuk[0]["fatalities"]["low"] == 7 and kirkuk[0]["injured"]["best"] == 12
    for incident in data["incidents"]:
        for span in incident["evidence"]:
            assert REPORT[span["start"]:span["end"]] == span["text"]


def test_extract_csv_and_geojson_carry_the_same_incidents():
    as_csv = run("extract", "-", "--published", "2017-03-07", "--format", "csv", input=REPORT)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    as_geojson = run("extract", "-", "--published", "2017-03-07", "--format", "geojson",
                     input=REPORT)
    features = json.loads(as_geojson.stdout)["features"]
    assert [r["incident_id"] for r in rows] == [f["id"] for f in features]
    kirkuk = next(f for f in features if f["properties"]["location"] == "Kirkuk")
    lon, lat = kirkuk["geometry"]["coordinates"]
    assert 35 < lat < 36 and 44 < lon < 45


def test_jsonl_prints_one_line_per_document_and_bad_lines_give_exit_1(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "one", "text": REPORT, "published": "2017-03-07"})
                    + "\n{not json\n", encoding="utf-8")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "one"
    assert result.stderr.strip() == (f"thucydides: error: {path}:2: malformed JSON "
                                     "(Expecting property name enclosed in double quotes at "
                                     "column 2)")


def test_extract_reads_a_documents_title_and_says_which_part_a_span_is_in(tmp_path):
    """A headline often gives the toll and the town the body then leaves out."""
    title = "Three killed as shells hit market in Kirkuk"
    text = ("Mortar rounds struck the crowded square on Wednesday morning, police said. "
            "Two of the wounded were children.")
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "w1", "title": title, "text": text,
                                "published": "2017-03-09"}) + "\n", encoding="utf-8")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    incident = json.loads(result.stdout)["incidents"][0]
    assert incident["location"]["name"] == "Kirkuk"
    assert incident["fatalities"]["best"] == 3 and incident["date"] == "2017-03-08"
    spans = incident["evidence"] + [s for spans in incident["field_evidence"].values()
                                    for s in spans]
    assert {s.get("part", "text") for s in spans} == {"title", "text"}
    for span in spans:
        source = title if span.get("part") == "title" else text
        assert source[span["start"]:span["end"]] == span["text"]


def test_bad_published_date_is_a_usage_error():
    result = run("extract", "-", "--published", "last tuesday", input=REPORT)
    assert result.exit_code == 2
    assert "not a date" in result.stderr


def test_missing_file_is_one_line_and_exit_1(tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"), "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr


def test_table_lists_incidents_with_counts():
    result = run("extract", "-", "--published", "2017-03-07", "--format", "table", input=REPORT)
    assert result.exit_code == 0
    line = next(l for l in result.stdout.splitlines() if "Kirkuk" in l)
    assert "2017-03-08" in line and "7+" in line and "12" in line


def test_every_command_help_shows_an_example():
    for command in (["extract"], ["geoparse"], ["eval"], ["gazetteer", "build"],
                    ["gazetteer", "info"]):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout, command


def test_geoparse_resolves_places_with_offsets():
    text = "Mortar shells hit a village near Mosul, and a convoy was ambushed outside Kirkuk."
    result = run("geoparse", "-", input=text)
    assert result.exit_code == 0, result.output
    toponyms = json.loads(result.stdout)["toponyms"]
    names = {t["name"]: t for t in toponyms}
    assert {"Mosul", "Kirkuk"} <= set(names)
    assert names["Mosul"]["country_code"] == "IQ"
    assert all(text[t["start"]:t["end"]] == t["text"] for t in toponyms)
