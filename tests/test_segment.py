"""Live-blog segmentation and the day each entry was written."""

from __future__ import annotations

from datetime import date

from thucydides.dates import find_times
from thucydides.segment import segment

TUESDAY = date(2016, 11, 15)


def labels_and_days(text, published=TUESDAY):
    return [(s.label, s.reference) for s in segment(text, published)]


def test_plain_article_is_one_segment_on_the_publication_day():
    [only] = segment("Gunmen attacked a checkpoint on Monday.", TUESDAY)
    assert (only.start, only.reference, only.is_update) == (0, TUESDAY, False)


def test_updates_above_the_original_are_newer_and_a_named_weekday_moves_them():
    text = ("UPDATE 1805 GMT: Shelling resumed on Wednesday evening.\n\n"
            "UPDATE 0930 GMT: Residents reported quiet streets.\n\n"
            "ORIGINAL ENTRY: Fighting broke out on Tuesday.\n")
    assert labels_and_days(text) == [
        ("UPDATE 1805 GMT", date(2016, 11, 16)),
        ("UPDATE 0930 GMT", date(2016, 11, 16)),
        ("ORIGINAL ENTRY", TUESDAY),
    ]


def test_update_times_that_go_back_mean_the_next_day():
    text = ("Update, 1:10am: Sirens sounded again.\n\nUpdate, 11:45pm: A curfew was announced.\n\n"
            "Update, 3:40pm: Protesters gathered outside parliament.\n")
    days = [d for _, d in labels_and_days(text)]
    assert days == [date(2016, 11, 16), TUESDAY, TUESDAY]


def test_clock_headers_with_a_dash_and_dated_subheadings():
    text = ("Thursday 17 November\n\n12:15 GMT — A convoy was hit.\n\n"
            "Wednesday 16 November\n\n09:05 GMT — Two rockets landed.\n")
    found = [(s.label, s.reference, s.time) for s in segment(text, TUESDAY) if s.time]
    assert found == [("12:15 GMT", date(2016, 11, 17), "12:15"),
                     ("09:05 GMT", date(2016, 11, 16), "09:05")]


def test_a_phone_number_or_a_span_of_years_at_a_line_start_is_no_clock_header():
    text = ("A clerk was wounded in a robbery on Friday night, police said.\n\n"
            "Call the tip line with information:\n555-867-5309\n\n"
            "1998 - 2016 Coldbrook Gazette")
    [only] = segment(text, TUESDAY)
    assert (only.label, only.is_update) == (None, False)
    assert find_times(text, only.reference, live=only.is_update)[0].value == "2016-11-11"


def test_weekdays_resolve_to_the_past_in_news_and_to_the_nearest_day_in_updates():
    news = find_times("The strike on Wednesday killed two.", TUESDAY)
    assert news[0].value == "2016-11-09"
    update = find_times("The strike on Wednesday killed two.", TUESDAY, live=True)
    assert update[0].value == "2016-11-16"
    assert find_times("He was detained yesterday.", TUESDAY)[0].value == "2016-11-14"


def test_a_page_stamp_older_than_the_archive_date_is_the_day_it_was_written():
    text = ("Linden man wounded in shooting\n"
            "By staff | posted Tuesday, October 4, 2011, at 9:15 a.m.\n"
            "A man was shot Saturday night outside a bar on Mill Street.")
    [only] = segment(text, date(2012, 6, 20))
    assert only.reference == date(2011, 10, 4)
    saturday = next(t for t in find_times(text, only.reference) if t.span.text.startswith("Sat"))
    assert saturday.value == "2011-10-01"


def test_a_numeric_stamp_counts_and_a_later_one_does_not():
    assert segment("Created: 11/03/2012\nTwo men were hurt.", date(2015, 5, 2))[0].reference \
        == date(2012, 11, 3)
    assert segment("Created: 11/03/2012\nTwo men were hurt.", date(2012, 11, 2))[0].reference \
        == date(2012, 11, 2)


def test_a_press_release_dateline_date_is_the_day_it_was_written():
    text = ("Two hurt in parking lot shooting\n\n"
            "ELMVALE, Ore. (March 2, 2011): Two men were wounded by gunfire early this morning "
            "outside a grocery store, police said.")
    [only] = segment(text, date(2013, 9, 14))
    assert only.reference == date(2011, 3, 2)
    morning = next(t for t in find_times(text, only.reference) if "morning" in t.span.text)
    assert morning.value == "2011-03-02"
    assert segment("The council met (in March 2, 2011 session) on the plan.", date(2013, 9, 14))[
        0].reference == date(2013, 9, 14)


def test_a_date_deep_in_the_body_is_no_stamp():
    body = "Police said more about the shooting. " * 12
    text = body + "The county's report was published on May 3, 2010."
    assert segment(text, date(2012, 6, 20))[0].reference == date(2012, 6, 20)
