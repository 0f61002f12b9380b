"""`thucydides eval casualties | dates | incidents` on small files in the shared formats,
written for these tests (fictional shootings and a fictional wire story)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from thucydides import extract_document
from thucydides.cli import cli
from thucydides.evaluate.articles import gva_counts, read_article
from thucydides.evaluate.casualties import count_metrics
from thucydides.fuse import VIOLENCE
from thucydides.ingest import parse_published
from thucydides.types import Document

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


def test_a_figure_given_alone_makes_the_other_zero_as_gva_counts():
    assert gva_counts(2, None) == (2, 0)
    assert gva_counts(None, 3) == (0, 3)
    assert gva_counts(None, None) == (None, None)


def test_the_article_is_read_off_the_incident_extract_gives():
    record = {"id": "4/a", "title": "", "published": "2016-05-20",
              "text": "Police arrested a man in Fairport on Friday. A gunman wounded three "
                      "people outside a diner in Fairport, Ohio, on Wednesday, police said."}
    article = read_article(record)
    document = Document(id="4/a", text=record["text"],
                        published=parse_published(record["published"]))
    [shooting] = [i for i in extract_document(document).incidents if i.event_type in VIOLENCE]
    assert (article.date, article.injured) == (shooting.date, shooting.injured.best) == \
        ("2016-05-18", 3)
    assert shooting.fatalities.best is None and article.killed == 0


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
