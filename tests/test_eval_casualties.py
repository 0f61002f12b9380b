"""`thucydides eval casualties | dates | incidents` on small files in the shared formats,
written for these tests (fictional shootings and a fictional wire story)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from thucydides.casualties import find_casualties
from thucydides.cli import cli
from thucydides.evaluate.articles import article_counts, own_casualties
from thucydides.evaluate.casualties import count_metrics
from thucydides.types import Count, Fatalities, Incident, Span

ARTICLES = [
    {"id": "1/a", "incident_id": "1", "title": "Two shot, one fatally, in Riverside",
     "text": "Two men were shot, one fatally, outside a store in Riverside, Ohio, early Saturday, "
             "police said.\n\nThe man who died was identified as Carl Jensen, 31.",
     "published": "2016-05-15",
     "gold": {"date": "2016-05-14", "killed": 1, "injured": 1, "city": "Riverside",
              "state": "Ohio", "address": None, "lat": 39.7798, "lon": -84.1241}},
    {"id": "2/a", "incident_id": "2", "title": "Boy hurt in accidental shooting",
     "text": "A 9-year-old boy was wounded Tuesday when a handgun went off in a home in "
             "Fresno, California. He is expected to survive.",
     "published": "2016-05-18",
     "gold": {"date": "2016-05-17", "killed": 0, "injured": 1, "city": "Fresno",
              "state": "California", "address": None, "lat": None, "lon": None}},
]
TIMEBANK_STYLE = [{
    "id": "WIRE-1", "dct": "1998-03-05",
    "text": "The company said on Tuesday that profit rose 5% from a year ago. The merger was "
            "announced in 1996.",
    "timexes": [
        {"start": 20, "end": 27, "text": "Tuesday", "type": "DATE", "value": "1998-03-03"},
        {"start": 53, "end": 63, "text": "a year ago", "type": "DATE", "value": "1997"},
        {"start": 93, "end": 97, "text": "1996", "type": "DATE", "value": "1996"},
    ]}]


@pytest.fixture
def data_file(tmp_path):
    def write(records: list[dict]) -> str:
        path = tmp_path / "data.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return str(path)
    return write


def run_eval(task: str, path: str) -> dict:
    result = CliRunner().invoke(cli, ["eval", task, "--data", path])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_timebank_style_values_are_scored_by_overlap_and_exact_value(data_file):
    for record in TIMEBANK_STYLE:
        for timex in record["timexes"]:
            assert record["text"][timex["start"]:timex["end"]] == timex["text"]
    metrics = run_eval("dates", data_file(TIMEBANK_STYLE))
    assert metrics["gold_dates"] == 3
    assert metrics["value_accuracy"] == 1.0
    assert metrics["full_day_dates"] == 1 and metrics["full_day_value_accuracy"] == 1.0


def test_casualties_per_article(data_file):
    metrics = run_eval("casualties", data_file(ARTICLES))
    assert metrics["articles"] == 2
    assert metrics["killed"]["exact"] == 1.0
    assert metrics["injured"]["exact"] == 1.0
    assert metrics["killed"]["coverage"] == 1.0


def test_incident_dates_and_places_per_article(data_file):
    metrics = run_eval("incidents", data_file(ARTICLES))
    assert metrics["date_exact"] == 1.0
    assert metrics["located_articles"] == 1
    dates = run_eval("dates", data_file(ARTICLES))
    assert dates["date_exact"] == 1.0


def test_count_metrics_split_misses_into_over_under_and_missing():
    metrics = count_metrics([(1, 1), (2, 3), (4, 1), (0, None)])
    assert metrics["exact"] == 0.25
    assert metrics["over"] == 0.25 and metrics["under"] == 0.25 and metrics["missing"] == 0.25
    assert metrics["coverage"] == 0.75
    assert metrics["mae"] == pytest.approx((0 + 1 + 3) / 3)


def _incident(event_type: str, day: str, start: int, end: int) -> Incident:
    return Incident(id=f"{event_type}-{day}", event_type=event_type, sub_event_type="Attack",
                    date=day, time=None, date_precision="day", location=None, actors=[],
                    weapons=[], targets=[], fatalities=Fatalities(), injured=Count(), claims=[],
                    contested=False, evidence=[Span(start, end, "")], confidence=0.5)


def test_an_article_keeps_its_own_counts_and_leaves_out_an_older_case():
    text = ("A man was wounded outside a bar on Friday.\n"
            "Police on Sunday arrested a suspect in the shooting, which wounded two men.\n"
            "In March a woman was killed on the same block.")
    found = find_casualties(text)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    shooting = _incident("Violence against civilians", "2016-05-13", *lines[0])
    arrest = _incident("Strategic developments", "2016-05-15", *lines[1])
    older = _incident("Violence against civilians", "2016-03-02", *lines[2])
    own = own_casualties(shooting, [shooting, arrest, older], found)
    assert article_counts(own) == (0, 2)


def test_a_story_recalling_a_case_from_years_before_keeps_only_its_own_counts(data_file):
    record = {"id": "3/a", "incident_id": "3", "title": "Two killed in Harbor Mall shooting",
              "text": "A gunman killed two shoppers at the Harbor Mall in Fairport, Ohio, on "
                      "Saturday, police said.\n\nIn 2009 another gunman killed 13 people at a "
                      "school across town.",
              "published": "2015-03-02",
              "gold": {"date": "2015-02-28", "killed": 2, "injured": 0, "city": "Fairport",
                       "state": "Ohio", "address": None, "lat": None, "lon": None}}
    metrics = run_eval("casualties", data_file([record]))
    assert metrics["killed"]["exact"] == 1.0 and metrics["injured"]["exact"] == 1.0
