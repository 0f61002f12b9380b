"""Time expressions resolved against the day a passage was written (sentences written for
these tests)."""

from __future__ import annotations

from datetime import date

import pytest

import thucydides
from thucydides.dates import INCIDENT_RANKS, dated_word, find_times, incident_rank
from thucydides.fuse import VIOLENCE
from thucydides.nlp import annotate
from thucydides.segment import segment

THURSDAY = date(2016, 11, 17)


def values(text: str, reference: date = THURSDAY, **kwargs) -> list[str]:
    return [t.value for t in find_times(text, reference, **kwargs)]


@pytest.mark.parametrize("text, expected", [
    ("Police said the shooting happened on Tuesday night.", "2016-11-15"),
    ("The victim died Thursday at the hospital.", "2016-11-17"),
    ("Officers were called to the house yesterday.", "2016-11-16"),
    ("The attack took place on March 3, 2015.", "2015-03-03"),
    ("The funeral is set to take place on Saturday, Nov. 19.", "2016-11-19"),
    ("Two men were shot three days ago.", "2016-11-14"),
    ("The clinic was shelled last week.", "2016-W45"),
    ("Fighting intensified in the summer of 2014.", "2014-SU"),
    ("The ceasefire collapsed in the 1990s.", "199"),
    ("The group was founded in 1982 by former officers.", "1982"),
    ("He was arrested on Thanksgiving Day.", "2015-11-26"),
])
def test_a_news_expression_resolves_to_the_past(text, expected):
    assert expected in values(text)


@pytest.mark.parametrize("text, expected", [
    ("A teenager was wounded at a cookout on Easter Sunday.", ["2016-03-27"]),
    ("Fireworks and gunfire mixed on the Fourth of July in Quell Harbor.", ["2016-07-04"]),
    ("The couple quarrelled on Christmas Eve, his cousin said.", ["2015-12-24"]),
    ("A man was robbed on Mother’s Day outside the diner.", ["2016-05-08"]),
    ("She was treated at Tarrowby Memorial Hospital and released.", []),
    ("The Independence Rowing Club of Quell Harbor lost its boathouse.", []),
])
def test_a_holiday_is_its_day_and_a_holiday_name_in_a_building_is_none(text, expected):
    assert values(text) == expected


def test_a_day_counted_from_a_named_day_is_counted_from_it():
    text = ("Deputies detained a farmhand near Millbrook on Monday. Two days earlier, a "
            "neighbor had heard shots, and the dog was found dead the next day.")
    assert values(text) == ["2016-11-14", "2016-11-12", "2016-11-13"]
    assert values("A clerk was shot two days ago.") == ["2016-11-15"]


def test_the_following_day_counts_from_the_day_named_before_and_chains():
    text = ("Wardens found the hiker's tent near Coldbrook Falls on Saturday. The following day "
            "they found his boots, and later that day his dog.")
    assert values(text) == ["2016-11-12", "2016-11-13", "2016-11-13"]


def test_days_after_set_after_a_day_date_what_follows_them_before_that_day():
    text = ("The library in Coldbrook stayed shut on Wednesday, two days after a guard was "
            "stabbed in its reading room. Two days after the storm, the roads reopened.")
    assert values(text) == ["2016-11-16", "2016-11-14"]


def test_a_weekday_and_its_part_of_the_day_take_the_date_that_follows_them():
    text = ("Deputies say a trucker was shot Tuesday evening, March 8, 2011, near Coldbrook, "
            "and a cook was robbed Friday night (Nov. 11) behind a diner.")
    assert values(text) == ["2011-03-08", "2011-03-08", "2016-11-11", "2016-11-11"]
    assert values("She was hurt Monday night, Nov. 9, at home.") == ["2016-11-14", "2016-11-09"]


def test_last_weekday_is_a_week_back_when_that_weekday_was_yesterday():
    saturday = date(2016, 11, 19)
    assert values("A boy was hurt last Friday on a farm near Coldbrook.", saturday) == [
        "2016-11-11"]
    assert values("A boy was hurt Friday on a farm near Coldbrook.", saturday) == ["2016-11-18"]
    assert values("A boy was hurt last Tuesday on a farm near Coldbrook.", saturday) == [
        "2016-11-15"]
    assert values("A boy was hurt this past Friday near Coldbrook.", saturday) == [
        "2016-11-18"]


def test_the_day_before_is_counted_from_the_writing_when_no_day_was_named():
    assert values("Neighbors heard shots in the alley the day before.") == ["2016-11-16"]


def test_a_weekday_after_a_future_cue_is_ahead():
    assert "2016-11-21" in values("The trial is scheduled to resume on Monday.")


def test_a_weekday_after_would_is_ahead_but_not_after_would_be():
    assert values("The coroner said tests would be run on Monday.") == ["2016-11-21"]
    assert values("A would-be thief was caught on Monday.") == ["2016-11-14"]


def test_a_reporting_verb_after_the_cue_dates_the_report_not_the_plan():
    text = "The family will appeal the ruling, their lawyer said Wednesday."
    assert "2016-11-16" in values(text)


def test_a_past_tense_after_the_cue_leaves_the_weekday_past():
    text = ("The county will review the crash in which a courier was hurt near Alder Creek on "
            "Tuesday.")
    assert values(text) == ["2016-11-15"]


def test_last_weekend_said_on_a_weekend_is_the_one_before():
    sunday = date(2016, 11, 20)
    assert values("The bar was robbed last weekend.", sunday) == ["2016-W45-WE"]
    assert values("The bar was robbed last weekend.", THURSDAY) == ["2016-W45-WE"]
    assert values("The bar was robbed this weekend.", sunday) == ["2016-W46-WE"]


def test_an_incident_of_a_weekend_is_dated_by_its_saturday():
    text = "A bartender in Riverton was shot in the arm outside his bar last weekend."
    assert day_of(text, "2016-11-21") == "2016-11-19"


def test_a_live_blog_update_reads_a_weekday_within_its_days():
    assert values("Shelling resumed on Friday morning.", THURSDAY, live=True)[0] == "2016-11-18"
    assert values("Shelling resumed on Friday morning.", THURSDAY)[0] == "2016-11-11"


def test_a_year_ago_in_a_quarterly_report_is_that_quarter():
    text = ("The company reported third-quarter profit of $2 million.\n"
            "Revenue rose 8% from a year ago.")
    assert "2015-Q3" in values(text)
    assert "2015" in values("The town was flooded a year ago.")


def test_that_year_takes_the_year_named_before_it():
    text = "The militia was formed in 2011. Later that year it seized the port."
    assert values(text) == ["2011", "2011"]


def test_counts_and_prices_are_not_years():
    assert values("About 2000 people fled and prices rose to $1990 a ton.") == []


def test_without_a_reference_day_nothing_is_resolved():
    assert find_times("The strike hit the town on Monday.", None) == []


def day_of(text: str, published: str) -> str | None:
    """The day of the one incident of violence the pipeline reads from a fictional story."""
    [incident] = [i for i in thucydides.extract(text, published=published).incidents
                  if i.event_type in VIOLENCE]
    return incident.date


@pytest.mark.parametrize("text, published, expected", [
    # the arrest is Friday, the shooting Wednesday
    ("A man was arrested Friday in connection with the shooting of two teenagers. Police "
     "said the teens were shot late Wednesday night outside a convenience store in Riverton.",
     "2016-11-19", "2016-11-16"),
    # the boy died Sunday, he was shot Friday
    ("A 15-year-old boy who was shot near his school in Riverton died Sunday at Mercy "
     "Hospital. He was shot Friday afternoon while walking home.", "2016-11-21", "2016-11-18"),
    # the statement is Monday, the shooting early Sunday
    ("Police told reporters Monday that three people were wounded in the shooting early "
     "Sunday in Riverton.", "2016-11-21", "2016-11-20"),
    # a trial story names its shooting by the calendar date
    ("A Dayton man was sentenced Tuesday to 25 years in prison. He was convicted in the "
     "March 3, 2015, shooting in Riverton that killed his neighbor.", "2016-01-14",
     "2015-03-03"),
    # a plea this week; the shooting is named by its calendar date
    ("A judge on Wednesday accepted a guilty plea from a Riverton man. He was cleaning a "
     "rifle in his garage in Riverton on Aug. 9 when it fired and shot his nephew in the leg.",
     "2016-11-17", "2016-08-09"),
    # "overnight" is counted from the moment of writing; the weekday is not
    ("Two men were wounded overnight outside a bar on Mill Street in Riverton. The shooting "
     "happened around 11:40 p.m. Tuesday, police said.", "2016-11-17", "2016-11-15"),
    # the search goes on Thursday; the shooting is Tuesday's
    ("The search for the gunman continued Thursday in Riverton, where a cashier was shot "
     "and wounded at a gas station. Customers heard the shots Tuesday evening.",
     "2016-11-18", "2016-11-15"),
    # the day hangs on the place in the parse, but it dates the finding
    ("Detectives canvassed the neighborhood in Riverton Wednesday after a woman was found "
     "shot at her home on Grant Avenue Monday. She was hospitalized in stable condition.",
     "2016-11-17", "2016-11-14"),
    # a report in the passive voice dates when it happened, not a statement
    ("Officers searched the area Wednesday. The shooting was reported at 9:15 p.m. Tuesday "
     "near the bus depot in Riverton.", "2016-11-17", "2016-11-15"),
    # right before the day too: "was reported Thursday" is no statement made on Thursday
    ("Cab driver dies of gunshot wound\n\nA cab driver shot at a taxi stand on Quillon Lane "
     "in Pellworth died Saturday. The shooting was reported Thursday, and a man was arrested "
     "Sunday.", "2016-11-21", "2016-11-17"),
])
def test_an_incident_is_dated_by_the_day_of_the_shooting(text, published, expected):
    assert day_of(text, published) == expected


def test_an_incident_without_a_day_is_dated_by_its_publication():
    assert day_of("A woman was shot by a stray bullet while she sat in her kitchen in "
                  "Riverton, police said.", "2016-11-17") == "2016-11-17"


def test_a_day_at_a_clock_time_dates_the_event_word():
    text = "The victim was shot around 10 p.m. Friday near the park."
    doc = annotate(text, segment(text, THURSDAY))
    friday = next(t for t in doc._.times if t.span.text == "Friday")
    assert dated_word(doc, friday).lemma_ == "shoot"


def test_a_recent_act_wins_over_a_date_recalled_from_months_ago():
    text = ("A teenager was shot and wounded Tuesday night on Oak Street in Riverton. It was "
            "the second shooting on the block since a man was shot there on June 2.")
    assert day_of(text, "2016-11-17") == "2016-11-15"


def test_a_day_after_a_place_dates_the_verb_of_its_phrase():
    text = "A teen was wounded at a park in the Eastside neighborhood Sunday night."
    doc = annotate(text, segment(text, THURSDAY))
    sunday = next(t for t in doc._.times if t.span.text == "Sunday night")
    assert dated_word(doc, sunday).lemma_ == "wound"


def test_a_capture_this_week_leaves_the_story_to_the_shooting_named_by_its_date():
    text = ("A fugitive was captured Thursday in Ashcombe. He is accused of shooting a clerk at "
            "a pawn shop in Riverton on Oct. 4.")
    assert thucydides.extract(text, published="2016-11-19").lead_incident.date == "2016-10-04"


@pytest.mark.parametrize("text", [
    "Two deckhands were detained Friday near the Ashcombe docks.",
    "His trial Friday drew a crowd to the county building.",
    "The Friday autopsy showed two wounds.",
    "The cook was still locked up Friday in the county jail.",
])
def test_later_stages_of_a_crime_story_date_what_came_later(text):
    doc = annotate(text, segment(text, THURSDAY))
    friday = next(t for t in doc._.times if "Friday" in t.span.text)
    assert incident_rank(doc, friday, set()) == INCIDENT_RANKS["later"]


@pytest.mark.parametrize("text, role", [
    ("The robbery took place just after 11 p.m. Friday outside the Marlow Diner.", "act"),
    ("The cook was taken to Tarrowby Memorial Hospital on Friday.", None),
    ("A masked man opened fire on diners outside the Marlow Diner on Friday.", "act"),
    ("The trial of the diner's owner opened on Friday.", None),
])
def test_a_verb_and_its_object_can_date_the_act_together(text, role):
    doc = annotate(text, segment(text, THURSDAY))
    friday = next(t for t in doc._.times if t.span.text == "Friday")
    assert incident_rank(doc, friday, set()) == INCIDENT_RANKS[role]
