"""Fusion of one report's sentences into incidents, on short fictional wire copy."""

from __future__ import annotations

import thucydides

# Fictional wire report (written for this test).
SHELLING = (
    "KYIV, March 3 — Russian shelling of the Saltivka district of Kharkiv killed three "
    "civilians on Tuesday, the regional governor said. Five more people were wounded when a "
    "shell hit an apartment block in Saltivka, he added."
)


def test_undated_sentence_at_the_same_place_continues_the_dated_incident():
    result = thucydides.extract(SHELLING, published="2022-03-03")
    [saltivka] = [i for i in result.incidents if i.location.name == "Saltivka"]
    assert saltivka.date == "2022-03-01"  # Tuesday, not the day of publication
    assert saltivka.fatalities.best == 3 and saltivka.injured.best == 5
    assert len(saltivka.evidence) == 2


def test_dateline_city_is_not_a_party_to_the_attack():
    result = thucydides.extract(SHELLING, published="2022-03-03")
    names = {a.name for i in result.incidents for a in i.actors if a.role == "perpetrator"}
    assert names == {"Russian military"}


def test_undated_sentence_elsewhere_stays_its_own_incident():
    text = ("Shelling killed two people in Kherson on Monday, officials said. "
            "In Mykolaiv, a missile strike wounded four people.")
    result = thucydides.extract(text, published="2022-04-06")
    [kherson] = [i for i in result.incidents if i.location.name == "Kherson"]
    [mykolaiv] = [i for i in result.incidents if i.location.name.startswith("Mykola")]
    assert kherson.date == "2022-04-04" and kherson.fatalities.best == 2
    assert mykolaiv.date == "2022-04-06" and mykolaiv.injured.best == 4


def test_district_named_with_its_city_is_one_incident_in_the_district():
    result = thucydides.extract(SHELLING, published="2022-03-03")
    assert [i.location.name for i in result.incidents] == ["Saltivka"]


def test_countries_joined_by_a_hyphen_own_the_base_they_do_not_place_the_attack():
    text = ("Militants attacked a joint Niger-U.S. drone base in Agadez on Sunday, "
            "officials said.")
    result = thucydides.extract(text, published="2020-01-07")
    assert [i.location.name for i in result.incidents] == ["Agadez"]


# Fictional local report (written for this test): a headline and a follow-up sentence name the
# state, the lead names the town and the day.
RETOLD = (
    "California shooting leaves four dead, two wounded\n\n"
    "Four people were killed and two were wounded when a gunman opened fire at a tribal office "
    "in Susanville on Thursday afternoon, police said.\n\n"
    "The shooting in California left four dead and two wounded, the sheriff said."
)


def test_same_victims_in_a_town_and_its_state_are_one_incident_on_the_day_the_text_gives():
    result = thucydides.extract(RETOLD, published="2014-02-21")
    [shooting] = result.incidents
    assert shooting.location.name == "Susanville" and shooting.date == "2014-02-20"
    assert shooting.fatalities.best == 4 and shooting.injured.best == 2


def test_different_victims_in_one_town_on_one_day_stay_apart():
    text = ("Air strikes killed seven people in Hodeidah on Wednesday, residents said. "
            "Twelve fighters were killed in clashes south of the airport in Hodeidah on "
            "Wednesday, medics said.")
    result = thucydides.extract(text, published="2018-06-14")
    assert len(result.incidents) == 2
