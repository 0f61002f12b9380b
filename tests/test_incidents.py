"""Where each event happened: the place a sentence attaches to the event word, read in
realistic (made-up) news sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from thucydides import extract
from thucydides.incidents import VIOLENCE, _named_sites, build_mentions
from thucydides.nlp import annotate
from thucydides.segment import segment

from .conftest import place_of


def test_a_place_in_the_event_clause_wins_over_one_farther_off():
    text = ("During a ceremony in Alexandria on Friday, several hundred students demonstrated "
            "in central Cairo against the new law.")
    assert place_of(text, "demonstrated") == "Cairo"


def test_the_town_named_after_of_wins_over_the_name_qualifying_it():
    text = "Gunmen killed two teachers in the Idlib town of Jisr al-Shughur on Sunday."
    assert place_of(text, "killed") == "Jisr al-Shughur"


def test_a_participle_takes_the_place_of_the_clause_it_hangs_from():
    text = "A car bomb exploded outside a crowded market in Kirkuk on Sunday, killing seven people."
    assert place_of(text, "killing") == "Kirkuk"


def test_a_bearing_landmark_gives_way_to_the_place_itself():
    text = "Troops shelled positions 20 kilometers north of Homs and the village of Rastan."
    assert place_of(text, "shelled") == "Rastan"


def test_a_city_naming_a_site_is_where_it_happened():
    text = "Two men were shot dead late on Friday in a Baghdad restaurant."
    assert place_of(text, "shot") == "Baghdad"


def test_a_city_naming_a_force_is_not_where_it_happened():
    text = "Baghdad police shot a man who tried to run a checkpoint."
    assert place_of(text, "shot") is None


def test_a_place_said_by_someone_else_two_clauses_away_is_not_taken():
    text = ("Seven soldiers were killed on Monday, a spokesman who had flown in from Amman "
            "told reporters.")
    assert place_of(text, "killed") is None


def test_the_doers_town_is_a_last_resort():
    text = "Gunmen in Basra shot dead a police officer on Tuesday."
    assert place_of(text, "shot") == "Basra"


def test_incident_of_a_participle_is_placed_where_the_bomb_went_off():
    result = extract("A car bomb exploded outside a crowded market in Kirkuk on Sunday, "
                     "killing seven people, police said.", published="2024-03-10")
    locations = {i.location.name for i in result.incidents if i.location}
    assert locations and all("Kirkuk" in name for name in locations)


def test_a_district_named_in_a_city_possessive_is_the_district():
    text = "Gunmen shot dead a shopkeeper in Mogadishu's Hodan district on Sunday."
    assert place_of(text, "shot") == "Hodan"


def test_a_place_behind_against_is_what_people_oppose_not_where():
    text = "Thousands of students protested on Friday against the war in Yemen."
    assert place_of(text, "protested") is None


def test_where_a_person_is_from_is_not_where_it_happened():
    text = "Maria Lopez, 34, of Peru was shot dead on Friday, police said."
    assert place_of(text, "shot") is None


def test_a_phrase_closing_coordinated_passives_is_shared_by_each():
    text = ("Three soldiers were killed and two others were wounded by a roadside bomb in "
            "Kandahar on Tuesday.")
    assert place_of(text, "killed") == "Kandahar"


def test_a_clause_closing_coordinated_passives_is_shared_by_each():
    text = ("Four villagers were killed and a dozen were injured when gunmen opened fire on a "
            "wedding in Kunduz.")
    assert place_of(text, "killed") == "Kunduz"


def test_a_dateline_is_where_the_story_was_filed_not_where_it_happened():
    text = ("KANDAHAR -- Three soldiers were killed on Tuesday when their patrol was ambushed, "
            "officials said.")
    assert place_of(text, "killed") is None


def test_a_place_in_the_name_of_a_past_war_is_not_where_it_happened():
    text = "The general captured the pass in the 1948 Middle East war and held it for years."
    assert place_of(text, "captured") is None


def test_an_opening_in_phrase_sets_the_scene_of_the_main_clause():
    text = ("In Herat, hundreds of students, some decked out in party colours, rallied and "
            "marched through the old town.")
    assert place_of(text, "marched") == "Herat"


def test_an_opening_in_phrase_does_not_place_reported_speech():
    text = "In Herat, officials said that gunmen killed two guards."
    assert place_of(text, "killed") is None


def test_a_clause_saying_what_the_victim_was_doing_gives_the_place():
    text = "The photographer was shot dead while waiting to board a bus in Mosul on Friday."
    assert place_of(text, "shot") == "Mosul"


def test_a_while_clause_with_its_own_subject_contrasts_and_gives_no_place():
    text = ("Two soldiers were killed on Monday, while thousands of families fled to camps "
            "in Jordan.")
    assert place_of(text, "killed") is None


def test_a_participle_placing_the_bomb_car_gives_the_place():
    text = "A car parked outside a bakery in Tikrit exploded on Sunday morning."
    assert place_of(text, "exploded") == "Tikrit"


def test_a_district_named_after_a_city_possessive_and_of_is_the_district():
    text = "A bomb exploded near a bus in Baghdad's northern district of Adhamiya on Monday."
    assert place_of(text, "exploded") == "Adhamiya"


def test_a_named_building_is_where_it_happened():
    text = "Gunmen killed two guards at the Al-Rashid School in Mosul."
    assert place_of(text, "killed") == "Al-Rashid School"


def test_a_name_before_a_lowercase_site_noun_names_the_site():
    text = "Police patrolled outside the Al-Noor hospital in Kirkuk on Sunday."
    assert place_of(text, "patrolled") == "Al-Noor"


def test_an_incident_at_a_named_building_is_placed_in_its_town_as_part_of_it():
    result = extract("Gunmen killed two guards at the Al-Rashid School in Mosul on Sunday.",
                     published="2024-03-10")
    assert [(i.location.name, i.location.precision) for i in result.incidents
            if i.location] == [("Mosul", 2)]


def test_a_bearing_landmark_yields_to_a_place_as_directly_attached():
    text = ("Five fighters were killed during clashes with army units in Tal Rifaat village, "
            "northwest of Aleppo.")
    assert place_of(text, "killed") == "Tal Rifaat"


def test_the_town_in_a_victims_title_is_not_where_he_was_killed():
    text = "Omar Haddad, the police chief of Mosul, was killed on Tuesday."
    assert place_of(text, "killed") is None


def test_a_named_front_is_a_party_not_a_place():
    text = "Three aid workers were captured by the Crimson Banner Front on Monday."
    assert place_of(text, "captured") is None


def test_a_place_after_the_parties_of_between_is_where_they_fought():
    text = "Three men were wounded in fighting between two rival clans in the town of Jowhar."
    assert place_of(text, "wounded") == "Jowhar"


def test_places_that_are_the_parties_of_between_are_not_where():
    text = "Envoys marched for peace between Syria and Turkey on Monday."
    assert place_of(text, "marched") is None


def test_a_later_participle_of_a_coordination_takes_the_place_of_the_clause_above():
    text = "A rocket struck a market in Rutba, killing four and injuring nine."
    assert place_of(text, "injuring") == "Rutba"


def test_a_country_adjective_before_a_site_noun_owns_the_site_not_names_it():
    text = "A grenade exploded outside the Philippine presidential palace on Monday."
    doc = annotate(text, segment(text, None))
    adjective = next(t.i for t in doc if t.text == "Philippine")
    # as the small model sometimes reads it: a proper noun naming a place
    doc[adjective].pos_ = "PROPN"
    doc.ents = [Span(doc, adjective, adjective + 1, label="GPE")]
    assert _named_sites(doc[:], []) == []


def mentions_of(text: str, published: date) -> list:
    return build_mentions(annotate(text, segment(text, published)))


# A fictional story (written for these tests): a shooting, a death days later, an arrest, a
# crash that has nothing to do with them, and a sentence that counts victims and names no event.
AFTERMATH = ("A boy who was shot near his school in Riverton died Sunday at Mercy Hospital. "
             "He was shot Friday afternoon while walking home. Police arrested his cousin on "
             "Monday. Two men died in a car crash on the highway. Two other boys were hurt.")


def test_the_day_of_a_death_is_not_the_day_of_the_shooting_that_caused_it():
    first = mentions_of(AFTERMATH, date(2016, 11, 22))[0]
    assert first.trigger.text == "shot" and first.date is None


def test_violence_carries_the_day_its_entry_gives_for_it_and_nothing_else_does():
    found = mentions_of(AFTERMATH, date(2016, 11, 22))
    violent = [m for m in found if m.event_type in VIOLENCE and not m.counts_only]
    assert {m.entry_date.span.text for m in violent} == {"Friday afternoon"}
    assert all(m.entry_date is None for m in found if m not in violent)


def test_counts_in_a_sentence_naming_no_event_are_a_counts_only_mention():
    counted = [m for m in mentions_of(AFTERMATH, date(2016, 11, 22)) if m.counts_only]
    assert [m.sentence.text for m in counted] == ["Two other boys were hurt."]
    assert [(c.kind, c.count.best) for c in counted[0].casualties] == [("injured", 2)]


@pytest.mark.parametrize("text, killed, injured", [
    ("A 6-year-old girl died of a gunshot wound at her grandparents' home in Millbrook "
     "on Sunday evening.", 1, None),
    ("A 16-year-old suffered a gunshot wound to the hand at a Harlow campground on Tuesday.",
     None, 1),
    ("Neighbours heard gunfire on Quillon Street in Dunmore late Friday and found two men "
     "hurt on a porch.", None, 2),
])
def test_a_gunshot_wound_or_gunfire_is_an_act_of_violence(text, killed, injured):
    incidents = extract(text, date(2016, 6, 6)).incidents
    assert [(i.fatalities.best, i.injured.best) for i in incidents] == [(killed, injured)]
