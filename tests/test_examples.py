"""The same phenomena as the reference live blog, on the bundled fictional reports, so that
nothing depends on one text's wording: updates above the original, weekdays read against
each entry's day, one incident per attack across entries, totals kept apart, denials."""

from __future__ import annotations


def incidents_at(result, name_prefix, day=None):
    return [i for i in result.incidents if i.location and i.location.name.startswith(name_prefix)
            and (day is None or i.date == day)]


def test_iraq_two_updates_on_one_car_bomb_make_one_incident(extracted):
    iraq = extracted["iraq-live-blog"]
    [tikrit] = incidents_at(iraq, "Tikr")
    assert tikrit.date == "2017-03-08"  # "on Wednesday" in an update to a Tuesday post
    assert tikrit.sub_event_type == "Remote explosive/landmine/IED"
    assert len(tikrit.evidence) == 2
    assert (tikrit.fatalities.low, tikrit.fatalities.best, tikrit.fatalities.high) == (9, 9, None)
    assert tikrit.fatalities.children == 3
    assert tikrit.injured.best == 20


def test_iraq_place_of_the_speakers_is_not_the_place_of_the_event(extracted):
    iraq = extracted["iraq-live-blog"]
    names = {i.location.name for i in iraq.incidents}
    assert not {"Baghdad", "Ankara"} & names
    assert {i.location.country_code for i in iraq.incidents} == {"IQ"}


def test_iraq_denied_attack_is_contested_and_total_is_a_claim(extracted):
    iraq = extracted["iraq-live-blog"]
    [kirkuk] = incidents_at(iraq, "Kirkuk", "2017-03-07")
    assert kirkuk.contested and kirkuk.injured.best == 4
    [mosul] = incidents_at(iraq, "Mosul", "2017-03-07")
    assert mosul.fatalities.best == 6  # "in the strikes": only Mosul precedes it
    assert mosul.location.precision == 2  # western Mosul: part of the city
    [total] = [c for c in iraq.claims if c.fatalities]
    assert total.fatalities.low == 14 and len(total.incident_ids) == 2
    assert all(i.fatalities.best != 14 for i in iraq.incidents)


def test_yemen_air_strikes_and_clashes_are_separate_incidents(extracted):
    yemen = extracted["yemen-wire"]
    hodeidah = incidents_at(yemen, "Al Ḩudaydah", "2018-06-13")
    assert {i.event_type for i in hodeidah} == {"Explosions/Remote violence", "Battles"}
    [clash] = [i for i in hodeidah if i.event_type == "Battles"]
    assert (clash.fatalities.low, clash.fatalities.best, clash.fatalities.high) == (12, 12, 15)
    [strikes] = [i for i in hodeidah if i.event_type != "Battles"]
    assert any(a.name == "Saudi-led coalition" and a.role == "perpetrator" for a in strikes.actors)


def test_yemen_counts_dates_and_denials(extracted):
    yemen = extracted["yemen-wire"]
    [taiz] = incidents_at(yemen, "Taiz")
    assert taiz.date == "2018-06-12" and taiz.fatalities.best == 2
    assert taiz.fatalities.children == 2
    [zabid] = incidents_at(yemen, "Zab")
    assert zabid.contested
    [marib] = incidents_at(yemen, "Ma'rib")
    assert marib.injured.best == 0  # "no one was hurt" is a count of zero, not a missing one
    assert {i.location.country_code for i in yemen.incidents} == {"YE"}
    assert not incidents_at(yemen, "Sanaa")


def test_ukraine_dated_headings_set_each_entry_day(extracted):
    ukraine = extracted["ukraine-live-blog"]
    [zaporizhzhia] = incidents_at(ukraine, "Zaporizh")
    assert zaporizhzhia.date == "2024-03-13"
    assert (zaporizhzhia.fatalities.low, zaporizhzhia.injured.best) == (5, 18)
    [odesa] = incidents_at(ukraine, "Odesa")
    assert odesa.date == "2024-03-14" and odesa.injured.best == 11
    assert odesa.event_type == "Explosions/Remote violence"
    kharkiv = incidents_at(ukraine, "Kharkiv") + incidents_at(ukraine, "Saltivka")
    assert kharkiv and all(i.date == "2024-03-14" for i in kharkiv)
    assert sum(i.fatalities.best or 0 for i in kharkiv) == 1


def test_counts_not_given_are_null_not_zero(extracted):
    [odesa] = incidents_at(extracted["ukraine-live-blog"], "Odesa")
    assert odesa.fatalities.best is None and odesa.fatalities.low is None
    data = odesa.to_dict()
    assert data["fatalities"]["best"] is None
