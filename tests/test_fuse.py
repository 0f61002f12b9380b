"""Fusion of one report's sentences into incidents, on short fictional wire copy."""

from __future__ import annotations

import thucydides
from thucydides.fuse import VIOLENCE

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


# A fictional local news story (written for these tests): the headline names no day.
DINER = ("Two killed in shooting outside diner\n\n"
         "Gunmen opened fire outside a diner on Elm Street in Riverton late Saturday, police "
         "said Monday. Two men died at the scene and a woman was taken to Mercy Hospital with a "
         "wound to her arm.")


def violent(text: str, published: str) -> list:
    return [i for i in thucydides.extract(text, published=published).incidents
            if i.event_type in VIOLENCE]


def test_a_headline_without_a_day_takes_the_day_the_story_gives_for_the_shooting():
    [shooting] = violent(DINER, "2016-11-21")
    assert shooting.date == "2016-11-19"
    assert [s.text for s in shooting.field_evidence["date"]] == ["late Saturday"]


def test_counts_of_a_sentence_that_names_no_event_reach_the_story_incident():
    [shooting] = violent(DINER, "2016-11-21")
    assert (shooting.fatalities.best, shooting.injured.best) == (2, 1)
    assert any(e.text.startswith("Two men died") for e in shooting.evidence)


def test_victims_of_a_case_recalled_from_years_ago_are_not_counted():
    text = ("A gunman wounded a woman outside a diner in Riverton on Saturday night. "
            "In 2009, three men died on the same block.")
    [shooting] = violent(text, "2016-11-21")
    assert (shooting.fatalities.best, shooting.injured.best) == (None, 1)


def test_counts_told_beside_an_arrest_belong_to_the_shooting():
    text = ("Police in Riverton arrested a 19-year-old on Friday after two women died and a "
            "teenager was wounded outside a diner on Elm Street. Officers said the women were "
            "shot from a passing car in Riverton on Tuesday night.")
    incidents = thucydides.extract(text, published="2016-11-19").incidents
    [arrest] = [i for i in incidents if i.event_type == "Strategic developments"]
    [shooting] = [i for i in incidents if i.event_type in VIOLENCE]
    assert arrest.fatalities.best is None
    assert (shooting.date, shooting.fatalities.best, shooting.injured.best) == \
        ("2016-11-15", 2, 1)


def test_a_day_that_dates_what_came_after_does_not_date_the_shooting():
    text = ("A gunman opened fire outside a bar in Riverton late Tuesday night. Surgeons "
            "operated Wednesday morning on the three people the gunman shot.")
    [shooting] = violent(text, "2016-11-17")
    assert shooting.date == "2016-11-15" and len(shooting.evidence) == 2


def test_a_week_told_of_is_made_precise_by_the_day_the_story_gives():
    text = ("A man was shot in Riverton last week, police said Monday. The shooting happened "
            "early Sunday outside a diner.")
    [shooting] = violent(text, "2016-11-22")
    assert (shooting.date, shooting.date_precision) == ("2016-11-20", "day")


def test_a_day_counted_from_the_writing_yields_to_the_weekday_the_story_names():
    text = ("Police in Riverton said two men were shot overnight. The shooting happened around "
            "11:40 p.m. Tuesday outside a bar in Riverton.")
    [shooting] = violent(text, "2016-11-16")
    assert shooting.date == "2016-11-15" and shooting.injured.best == 2


def test_a_story_that_places_none_of_its_violence_but_counts_victims_is_placed_at_its_focus():
    text = ("Police in Riverton investigate accidental shooting\n\n"
            "A 14-year-old boy was cleaning his father's rifle when the weapon went off and shot "
            "him in the leg on Sunday, police said. The boy was hospitalized in stable "
            "condition.")
    [shooting] = violent(text, "2016-11-22")
    assert (shooting.date, shooting.location.name, shooting.injured.best) == \
        ("2016-11-20", "Riverton", 1)


def test_a_story_that_places_none_of_its_violence_but_dates_it_is_placed_at_its_focus():
    dated = "Riverton police investigate shooting\n\nA woman was shot at her home on Monday."
    [shooting] = violent(dated, "2016-11-17")
    assert (shooting.date, shooting.location.name) == ("2016-11-14", "Riverton")
    assert violent(dated.replace(" on Monday", ""), "2016-11-17") == []


def test_words_of_violence_with_neither_place_nor_victims_make_no_incident():
    text = "Riverton officials met on Sunday. The council is fighting a plan to close the school."
    assert violent(text, "2016-11-22") == []


def test_counts_of_an_undated_sentence_go_to_the_incident_on_the_story_day():
    text = ("A man was shot and wounded Saturday night on Elm Street in Riverton. On Nov. 14, "
            "gunmen killed two men at a diner on Oak Street in Riverton. The two men killed on "
            "Oak Street on Nov. 14 were cousins. He was listed in stable condition.")
    by_day = {i.date: i for i in violent(text, "2016-11-21")}
    assert any(e.text.startswith("He was listed") for e in by_day["2016-11-19"].evidence)
    assert not any(e.text.startswith("He was listed") for e in by_day["2016-11-14"].evidence)


def test_a_season_no_calendar_day_starts_yields_to_the_day_the_story_gives():
    text = ("Shooting at spring fair in Riverton\n\n"
            "A gunman shot two people at the fairground in Riverton on Saturday night, police "
            "said.")
    [shooting] = violent(text, "2016-04-25")
    assert shooting.date == "2016-04-23" and len(shooting.evidence) == 2


def test_the_date_evidence_of_an_incident_is_what_gives_its_own_day():
    text = ("A gunman shot a guard at a bank in Riverton on Saturday. Two men were shot "
            "overnight on Elm Street in Riverton. The shooting left both men in critical "
            "condition.")
    by_day = {i.date: i for i in violent(text, "2016-11-21")}
    assert [s.text for s in by_day["2016-11-21"].field_evidence["date"]] == ["overnight"]
    assert [s.text for s in by_day["2016-11-19"].field_evidence["date"]] == ["Saturday"]


def test_an_arrest_is_dated_by_its_own_day_and_the_shooting_by_its_own():
    text = ("Police arrested a 19-year-old in Riverton on Friday. Two women died and a teenager "
            "was wounded when gunmen opened fire outside a diner on Elm Street in Riverton on "
            "Tuesday night.")
    incidents = thucydides.extract(text, published="2016-11-19").incidents
    [arrest] = [i for i in incidents if i.event_type == "Strategic developments"]
    [shooting] = [i for i in incidents if i.event_type in VIOLENCE]
    assert (arrest.date, shooting.date) == ("2016-11-18", "2016-11-15")


def test_headline_before_the_dated_sentence_takes_its_day_whatever_place_it_names():
    text = ("Teenager wounded in shooting in Denver\n\n"
            "A 16-year-old boy was shot Saturday night outside a bar in Phoenix, police said.")
    result = thucydides.extract(text, published="2017-03-13")
    assert {i.date for i in result.incidents} == {"2017-03-11"}


def test_the_lead_is_the_violence_the_story_counts_most_often():
    text = ("Police in Millbrook arrested two brothers on Monday and charged them with "
            "burglary. A gunman killed two men and wounded three women outside a bar in "
            "Riverton on Sunday night. The three women were taken to St. Aldric Hospital with "
            "gunshot wounds, and both men died at the scene. On Saturday a man was shot in the "
            "leg in Brackenfield, police said.")
    result = thucydides.extract(text, published="2016-11-22")
    lead = result.lead_incident
    assert len(result.incidents) == 3
    assert (lead.location.name, lead.fatalities.best, lead.injured.best) == ("Riverton", 2, 3)
    assert result.to_dict()["lead"] == lead.id


def test_a_follow_up_naming_the_day_of_the_shooting_otherwise_still_tells_that_shooting():
    text = ("Third man charged in the Labor Day shooting at a Riverton motel that killed two "
            "men and wounded a clerk\n\n"
            "Prosecutors charged a third man on Thursday. Two men were shot dead and a clerk "
            "was wounded at the Bluebird Motel in Riverton on Sept. 7, police said.")
    [shooting] = violent(text, "2015-11-20")
    assert shooting.date == "2015-09-07"
    assert shooting.evidence[0].text.startswith("Third man charged")


def test_a_caption_repeated_on_every_slide_is_told_once():
    caption = "Photo: Two men were shot dead outside a bar in Millbrook. "
    text = ("Gunmen killed two men and wounded three women outside a bar in Riverton on Sunday "
            "night, police said. The three women were taken to a hospital.\n\n" + caption * 3)
    result = thucydides.extract(text, published="2016-11-22")
    assert len(result.incidents) == 2
    assert result.lead_incident.location.name == "Riverton"


def test_a_story_that_counts_victims_but_names_no_violence_is_its_own_incident():
    text = ("Three relatives found dead inside Quillfield farmhouse\n\n"
            "Deputies are looking for a 40-year-old neighbor, the county sheriff said.")
    [found] = thucydides.extract(text, published="2016-05-02").incidents
    assert found.fatalities.best == 3 and found.date == "2016-05-02"



def test_an_accident_with_a_gun_keeps_its_count():
    text = ("Deputies said Corey Tamm, 11, died Sunday in an accident with his father's rifle "
            "at a cabin near Birchwood.")
    [found] = thucydides.extract(text, published="2016-11-08").incidents
    assert found.fatalities.best == 1


def test_a_headline_giving_its_figures_in_numbers_names_the_story_incident():
    from thucydides.ingest import parse_published
    from thucydides.types import Document

    body = ("A man was killed and two women were wounded outside a nightclub in Dayton early "
            "Sunday, police said.\n\n"
            "The shooting came a day after a gunman opened fire at a birthday party in Toledo.\n\n"
            "Four people were shot at the party in Toledo on Saturday night.\n\n"
            "Two people wounded in the Saturday shooting in Toledo were in critical condition."
            "\n\nA third man wounded in the Saturday shooting in Toledo was treated and "
            "released.\n\n"
            "A fourth victim of the Saturday shooting in Toledo, a 17-year-old, was grazed by "
            "a bullet.")
    document = Document(id="club", title="1 dead, 2 hurt in shooting outside Dayton nightclub",
                        text=body, published=parse_published("2015-06-08"))
    lead = thucydides.extract_document(document).lead_incident
    assert lead.location.name == "Dayton"
    assert (lead.fatalities.best, lead.injured.best) == (1, 2)
