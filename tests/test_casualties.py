"""Killed and injured counts: single sentences, then the tally over a whole report.

The sentences are written for these tests in the style of local shooting news and of
conflict reporting; none is taken from an evaluation set.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pytest

from thucydides.casualties import find_casualties, tally
from thucydides.nlp import annotate, load_model
from thucydides.segment import segment


def counts(text: str) -> tuple[int | None, int | None]:
    """(killed, injured) best figures over every line of `text`."""
    mentions = [c for m in re.finditer(r"[^\n]+", text)
                for c in find_casualties(m.group(0), m.start())]
    fatalities, injured = tally(mentions)
    return fatalities.best, injured.best


def kinds(text: str) -> list[str]:
    """The kinds of the counts the whole pipeline keeps for a story published 1 June 2015."""
    return [c.kind for c in annotate(text, segment(text, date(2015, 6, 1)))._.casualties]


@pytest.mark.parametrize("sentence, killed, injured", [
    ("A 23-year-old man was shot and killed outside a bar on Elm Street early Sunday.", 1, None),
    ("Two people were shot, one fatally, near the corner of 5th and Main.", 1, 1),
    ("One man died and two were wounded when someone opened fire on a porch.", 1, 2),
    ("The blast killed four and injured 12, police said.", 4, 12),
    ("A gunman killed two people and wounded three in Dayton on Saturday.", 2, 3),
    ("The officer shot 15 times at the fleeing car, but no one was hurt, police said.", None, 0),
    ("The gunfire left three people dead and four others injured.", 3, 4),
    ("A 16-year-old boy was pronounced dead at the scene.", 1, None),
    ("Police said the woman suffered a gunshot wound to the leg.", None, 1),
    ("Five people were hurt in the shooting at the park.", None, 5),
    ("Three juveniles and two adults were shot during the party.", None, 5),
    ("Officers found a man with a gunshot wound to the chest.", None, 1),
    ("No one was injured in the exchange of fire.", None, 0),
    ("A deer hunter was shot and killed by a companion who mistook him for game.", 1, None),
    ("Stray bullet hits bystander outside corner store", None, 1),
    ("Two agents were wounded when the man opened fire.", None, 2),
])
def test_one_sentence(sentence, killed, injured):
    assert counts(sentence) == (killed, injured)


def test_an_age_is_not_a_count():
    assert counts("A 13-year-old was charged with killing 15-year-old Marcus Lee.") == (None, None)
    assert counts("Darnell Hayes, 24 was shot in the chest.")[1] == 1
    assert counts("Updated Jan. 3, 2017 Man dead after shooting on Elm Street") == (1, None)
    assert counts("Relatives named the dead as Tom Reel, 41, Ann Reel, 39, and Bo Reel, 19 who "
                  "were shot at the farm.")[1] is None
    assert counts("4 Shot, 2 Killed In Fairview Apartment Complex") == (2, 2)


def test_a_weekday_before_the_verb_is_no_victim_named():
    assert counts("Maria Lund, 8, was struck by a stray bullet while playing outside.\n"
                  "A girl playing in a yard late Saturday was hit in the leg, police "
                  "said.") == (None, 1)


def test_an_active_verb_with_an_object_names_the_shooter_not_a_victim():
    assert counts("A man shot his neighbor during an argument.") == (None, 1)
    assert counts("A man shot at officers and fled.") == (None, None)


def test_the_object_of_a_shooting_verb_is_the_victim():
    assert counts("Boy, 6, accidentally shoots younger brother at home") == (None, 1)
    assert counts("Police say the man killed his girlfriend early Sunday.") == (1, None)
    assert counts("Two men were charged in the shooting death of a 4-year-old boy.") == (1, None)


def test_victims_mentioned_one_by_one_add_up():
    text = ("A 23-year-old man was killed in the shooting on Pine Street.\n"
            "A second victim died in hospital on Monday, police said.")
    assert counts(text)[0] == 2


def test_another_victim_is_added_but_a_repeated_report_is_not():
    text = ("Two men were wounded outside the club.\n"
            "Two men were wounded when shots rang out, police said.\n"
            "Another man was wounded as he ran to his car.")
    assert counts(text)[1] == 3


def test_a_victim_followed_through_the_story_is_counted_once_as_dead():
    text = ("A teenage girl was shot inside a home on Orchard Avenue.\n"
            "She was wounded in the chest and rushed to hospital.\n"
            "She died during surgery.")
    assert counts(text) == (1, 0)


def test_they_who_died_are_the_group_hit_before_them_not_one_named_victim():
    text = ("Three cousins were shot as they sat on a porch in Marlow Heights on Sunday night.\n"
            "They died at a hospital hours later, the sheriff's office said.")
    fatalities, injured = tally(annotate(text, segment(text, date(2015, 6, 1)))._.casualties)
    assert (fatalities.best, injured.best) == (3, 0)


def test_named_victims_count_once_each():
    text = ("Jamal Price, 19, was pronounced dead at the scene.\n"
            "Kevin Ortiz, 22, died later at the hospital.\n"
            "Price had been a student at the community college.")
    assert counts(text)[0] == 2


def test_people_shot_are_wounded_unless_among_the_dead():
    text = "Four people were shot near the bus stop.\nOne of them, a 30-year-old man, died."
    assert counts(text) == (1, 3)


def test_an_update_supersedes_the_earlier_toll():
    text = ("Nine people were killed when the market was shelled.\n"
            "By evening the death toll rose to 7, officials said after a recount.")
    assert counts(text)[0] == 7


def test_perpetrators_are_counted_and_kept_apart():
    text = ("The gunman killed two coworkers before police arrived.\n"
            "Two employees were killed in the attack.\n"
            "The gunman was shot and killed by officers.")
    mentions = [c for m in re.finditer(r"[^\n]+", text)
                for c in find_casualties(m.group(0), m.start())]
    fatalities, _ = tally(mentions)
    assert fatalities.best == 3 and fatalities.perpetrators == 1


def test_a_shooter_who_turns_the_gun_on_himself_is_among_the_dead():
    text = "A man fatally shot three relatives before turning the gun on himself."
    mentions = find_casualties(text)
    assert any(c.perpetrator and c.kind == "killed" for c in mentions)
    assert counts("Police said Dale Orwin killed his wife and two neighbors before fatally "
                  "shooting himself.")[0] == 4


def test_a_victim_the_doctors_could_not_save_died():
    assert counts("A 9-year-old girl was shot in the chest and doctors were unable to save "
                  "her.") == (1, None)
    assert counts("A man was shot in the head outside the store.\n"
                  "Doctors could not save him.")[0] == 1


def test_ranges_and_vague_quantities_follow_the_contract():
    (ranged,) = find_casualties("Between 15 and 20 civilians were killed in the strike.")
    assert (ranged.count.low, ranged.count.best, ranged.count.high) == (15, 15, 20)
    (vague,) = find_casualties("Dozens of people were wounded in the blast.")
    assert (vague.count.low, vague.count.best, vague.count.high) == (12, 12, None)
    (floor,) = find_casualties("At least 15 people were killed.")
    assert (floor.count.low, floor.count.best, floor.count.high) == (15, 15, None)


def test_a_count_that_is_not_given_is_null_and_none_hurt_is_zero():
    assert counts("Police are investigating a shooting on Broad Street.") == (None, None)
    assert counts("Shots were fired at a house but nobody was hurt.") == (None, 0)


def test_a_city_round_up_is_marked_as_a_sum_over_incidents():
    (total,) = find_casualties("More than 700 people have been shot in the city so far this year.")
    assert total.aggregate


def test_victims_told_apart_by_age_are_different_people():
    assert counts("15-year-old killed, 13-year-old injured in Desire Street shooting") == (1, 1)


@pytest.mark.parametrize("text, killed, injured", [
    (("Shots rang out near the skate park on Friday night.\n"
      "The 16-year-old died at the scene, and the 20-year-old was taken to a hospital."), 1, 1),
    (("Marcus Dale, 22, died at the scene, police said.\n"
      "Tavon Okafor, 19, was also shot and is expected to survive."), 1, 1),
    (("Lena Marsh died at the hospital on Tuesday.\n"
      "March was shot in the chest while she sat on her porch."), 1, 0),
    (("A 12-year-old boy was shot in the head on Sunday.\n"
      "The boy was taken to a hospital, where he died."), 1, 0),
])
def test_one_hit_told_apart_from_the_dead_by_age_or_name_survived(text, killed, injured):
    """Another age or name is someone else, who lived; a name spelled two ways or a kind
    of person ("the boy") is the one who died."""
    assert counts(text) == (killed, injured)


def test_a_single_and_a_group_of_victims_add_up():
    assert counts("A woman and two other men were also shot outside the hall.") == (None, 3)


@pytest.mark.parametrize("text, killed, injured", [
    ("Mother, boy fatally shot in Riverside apartment", 2, None),
    ("Toddler shot, killed by 8-year-old brother", 1, None),
    ("Boy, 3 women shot outside skating rink on Elm Street", None, 4),
    ("A woman and her 2-year-old son were found dead Sunday.", 2, None),
    ("Police say the man killed his wife, two sons and then himself.", 4, None),
    ("One dead, 11 others shot after fireworks show", 1, 11),
])
def test_groups_listed_together_add_up(text, killed, injured):
    assert counts(text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("A retired couple was shot dead in their kitchen on Maple Lane.", 2, None),
    ("A couple and their three daughters were killed when the gunman opened fire.", 5, None),
    ("Two couples were wounded as they left the wedding hall.", None, 4),
    ("A couple of bystanders were grazed by the bullets.", None, 2),
])
def test_a_couple_is_two_people(text, killed, injured):
    assert counts(text) == (killed, injured)


def test_he_died_is_one_death_however_often_the_sentence_is_read():
    assert parsed_counts("Bram Keller was wounded and Orla Penn was injured before he "
                         "died.") == (1, 1)


def test_a_couple_the_parse_reads_as_hit_is_two_people():
    assert parsed_counts("Deputies said the young couple, who had just moved in, "
                         "was wounded by a shotgun blast.") == (None, 2)


def test_another_after_the_other_outcome_is_no_addition():
    text = "Three men were killed in the shooting.\nAnother man was wounded, police said."
    assert counts(text) == (3, 1)


def test_a_full_name_and_its_parts_are_one_victim():
    text = ("Samantha Cole, 10, was pronounced dead at the scene.\n"
            "Samantha was shot while she slept, her aunt said.")
    assert counts(text)[0] == 1


def test_a_child_who_shot_himself_is_the_victim_not_an_attacker():
    text = ("A 9-year-old boy fatally shot himself with his father's rifle, deputies said.\n"
            "The boy died at the scene.")
    assert counts(text)[0] == 1


def test_counting_words_are_not_adjectives_of_a_later_noun():
    assert counts("Officers went to a home where seven people were shot.")[1] == 7
    assert counts("Police arrived 24 hours after 14 people were shot.")[1] == 14


@pytest.mark.parametrize("headline, killed, injured", [
    ("Gunman shoots 4 people outside Maple Avenue diner", None, 4),
    ("Shooting injures 3 at Riverside banquet hall", None, 3),
    ("Teen wounds self with rifle while hunting", None, 1),
    ("Girl, 6, struck by stray bullet in parking lot", None, 1),
])
def test_headline_verbs_in_the_present(headline, killed, injured):
    assert counts(headline) == (killed, injured)


def test_counts_over_a_span_of_time_are_sums_over_incidents():
    (since,) = find_casualties("Eleven people have been shot in Riverside since Friday.")
    (past,) = find_casualties("In the past two months, six teens were killed by gunfire.")
    assert since.aggregate and past.aggregate


@pytest.mark.parametrize("sentence, killed, injured", [
    ("Gunfire outside a skating rink sent six people to the hospital late Friday.", None, 6),
    ("Two women and a man were rushed to County General Hospital after the shooting.", None, 3),
    ("Bullets pierced the van, striking four passengers inside.", None, 4),
    ("The boy was taken to a hospital, where he died hours later.", 1, 0),
])
def test_people_taken_to_hospital_or_struck_are_hit(sentence, killed, injured):
    assert counts(sentence) == (killed, injured)


def test_fired_at_is_not_hit_but_shot_at_a_place_is():
    assert counts("Seven people are shot at a block party on Linden Street.") == (None, 7)
    assert counts("Three people were shot at a home on Birch Lane.") == (None, 3)
    assert counts("A man shot at a house on Birch Lane and fled.") == (None, None)
    assert counts("Two deputies were shot at by a man on a motorcycle.") == (None, None)


def test_a_parenthesis_between_count_and_verb_is_skipped():
    text = "Three people, including a 9-year-old, were wounded near the pool."
    assert counts(text) == (None, 3)
    # a singular verb after the parenthesis belongs to someone else: the shooter of the four
    assert counts("A teen who shot 4, including 2 clerks, is killed by police.") == (None, 4)


def test_a_shot_fired_is_no_victim():
    assert counts("The clerk fired a shot into the ceiling and the robber fled.") == (None, None)


def test_strangers_hit_in_one_sentence_add_up():
    assert counts("A man was shot in the hip and a woman was hurt by broken glass.") == (None, 2)
    assert counts("A teenager was killed and a woman was wounded.") == (1, 1)
    assert counts("A man was shot on Pine Street.\nA man was shot Sunday, police said.") \
        == (None, 1)


def test_one_named_with_others_counts_them_all():
    assert counts("A cook is recovering after she and two others were shot behind a diner.") \
        == (None, 3)
    assert counts("A 20-year-old man and four others were wounded at the fair.") == (None, 5)


def test_victims_located_by_officers_are_hit():
    assert counts("Deputies located two men suffering from gunshot wounds.") == (None, 2)


def test_a_clock_time_is_no_count():
    assert counts("Dana Ruiz was shot shortly after 1:45 a.m. near the gas station.") == (None, 1)
    assert counts("Officers arrived at 9:21 to find the victims had been shot.") == (None, None)
    assert counts("A man was shot around 7 p.m. on Cedar Street.") == (None, 1)


def test_a_place_named_after_from_or_of_is_not_a_victim():
    assert counts("A man from North Fairview was shot Sunday.") == (None, 1)
    assert counts("Jordan Pike of Easton died at the scene and Luis Vale of Dover was "
                  "hospitalized.") == (1, 1)


def test_a_death_told_after_someone_hit_is_one_of_them():
    assert counts("Boy shot while hunting near Millbrook dies") == (1, None)
    assert counts("A toddler who suffered grave wounds on Friday has died.") == (1, None)
    assert counts("A teen, one of three people shot at the block party Friday, has died.") == (1, 2)
    assert counts("He was airlifted to a hospital with a neck wound and later succumbed to his "
                  "injuries.") == (1, None)
    assert counts("She later succumbed to her wounds.") == (1, None)


@pytest.mark.parametrize("text, killed", [
    ("The teen wanted in the shooting death of 19-year-old Tomas Reyes surrendered.", 1),
    ("A man was charged in the killing of two men outside a bar.", 2),
    ("Six men were indicted for the attempted murders of four teenagers.", None),
])
def test_the_death_of_people_named_by_age_name_or_number(text, killed):
    assert counts(text)[0] == killed


def test_a_multiple_shooting_names_how_many_were_hit():
    assert counts("Police arrested a man after Saturday's quadruple shooting, which killed a woman.") == (1, 3)
    assert counts("Detectives are investigating a double homicide in Elmwood.") == (2, None)


def test_a_fatal_shooting_means_someone_died():
    assert counts("A 17-year-old wanted for a fatal shooting turned himself in.") == (1, None)
    assert counts("Police said the non-fatal shooting was over a parking spot.") == (None, None)
    text = "Two brothers were killed in the deadly shooting on Pine Street."
    assert counts(text) == (2, None)


def test_both_and_a_possessive_before_the_count():
    assert counts("Both were fatally shot in the driveway.") == (2, None)
    assert counts("A father killed his three children at their home.") == (3, None)
    assert counts("Man killed, 3 other shot on Alder Avenue") == (1, 3)


def test_one_who_takes_own_life_is_dead():
    assert counts("Student takes own life in school parking lot, no other injuries") == (1, None)


def test_victim_in_a_headline_is_one_person_hit():
    assert counts("Victim killed in Easton shooting identified") == (1, None)


def test_nobody_in_a_place_was_hurt():
    assert counts("Nobody inside the Maple Street Bar & Grill was injured.") == (None, 0)


def test_plural_shootings_are_a_round_up():
    (dead, wounded) = find_casualties("5 dead, 17 wounded in weekend shootings across the city")
    assert dead.aggregate and wounded.aggregate


def test_the_dead_found_together_include_the_killer():
    text = ("Man kills infant son, self in Cedar Falls\n"
            "A father and his baby boy were found dead in their apartment Sunday.")
    assert counts(text)[0] == 2
    text = ("Sheriff: 4 dead at farmhouse in what deputies call a murder-suicide\n"
            "The suspect later died of a self-inflicted wound.")
    assert counts(text)[0] == 4
    assert counts("The gunman killed three coworkers and then himself.")[0] == 4


def test_one_person_with_a_gunshot_wound_or_struck_by_a_bullet_is_hit():
    assert counts("A man with a gunshot wound to his shoulder walked into a diner.") == (None, 1)
    assert counts("A stray round struck the girl in her leg.") == (None, 1)


@pytest.mark.parametrize("text, killed, injured", [
    # the attacker who died was not among the people he shot
    ("Before turning the rifle on himself, the gunman shot a trooper in the arm.", 1, 1),
    # the one the police shot is the attacker, dead besides his victims
    ("Two customers were killed in the robbery, and the man was later shot and killed by "
     "Harlow County deputies.", 3, None),
    # "shot both brothers": the gunman fired, he was not hit
    ("Investigators said the gunman shot both brothers at close range.", None, 2),
])
def test_attackers_and_the_people_they_shot(text, killed, injured):
    assert counts(text) == (killed, injured)


def test_victims_told_apart_by_age_are_that_many_people():
    text = ("Gunfire erupts behind skating rink on Larchmont Row\n"
            "The 17-year-old was hit in the neck and was later pronounced dead.\n"
            "The 12-year-old was driven to Mercy hospital.")
    assert counts(text) == (1, 1)


@pytest.mark.parametrize("text, injured", [
    # the total first, then the victims one by one: "another" counts on from the last report
    ("Officers were called to a triple shooting near the ferry dock.\n"
     "A 40-year-old woman was grazed on the wrist.\nAnother woman was grazed on the hip.", 3),
    # the other of a pair
    ("Two men were wounded near the diner.\n"
     "One of them walked into a clinic, and another was driven to a hospital by a friend.", 2),
    # another than the shooter
    ("A man was wounded on Quince Lane.\n"
     "Detectives said a teenager wounded another man during the argument.", 1),
])
def test_another_is_one_more_only_after_the_report_it_follows(text, injured):
    assert counts(text)[1] == injured


@pytest.mark.parametrize("text, killed, injured", [
    ("Paramedics worked on the clerk, but he did not survive.", 1, None),
    ("Orla Penn, 71, passed away late Friday.", 1, None),
    ("Friday's gunfire claimed the life of 9-year-old Ezra Quill.", 1, None),
    ("Deputies say a neighbor fatally shot a 19-year-old during a quarrel over a fence.", 1, None),
    ("Relatives named the fatally wounded student as Bram Keller.", 1, None),
    # the one wounded is the one who later died
    ("Mireille Oduya was flown to a hospital with a head wound and later died.", 1, None),
    ("Thankfully no one died, a neighbor said.", 0, None),
    ("Prosecutors dropped charges in the non-fatal shooting of her cousin.", None, None),
])
def test_ways_of_telling_a_death(text, killed, injured):
    assert counts(text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("Three bystanders were hit as the two groups traded fire.", None, 3),
    ("A stray shot hit a man near the fountain, but nobody else was hit.", None, 1),
    # "hit everybody": the gunmen fired, they were not hit
    ("Witnesses said the gunmen hit everybody on the porch.", None, None),
    ("A 14-month-old was also wounded in the crossfire that killed his uncle.", 1, 1),
])
def test_people_hit_and_ages_in_months(text, killed, injured):
    assert counts(text) == (killed, injured)


@pytest.mark.parametrize("text", [
    "Nadia R. Forsythe, 8, died Sunday night.\n"
    "Nadia was fatally wounded while she sat in the car.",
    # a headline's capitalised noun is no name
    "Boy, 9, who was wounded at county fair has died, police say\n"
    "Caspar was pronounced dead on Tuesday.",
    # a place before a person noun is no name either
    "Jury convicts pair in slaying of 3-year-old Harlow toddler\n"
    "Ina Varga died two days after the shooting.",
])
def test_one_victim_named_in_several_ways_is_one(text):
    assert counts(text)[0] == 1


@pytest.mark.parametrize("text, killed", [
    ("Ezra Quill, 15, was fatally shot at the lake.\n"
     "Omar Lund, 60, died in a highway collision that evening.", 1),
    ("Lund died in a crash on the interstate, troopers said.", None),
    ("A spectator died of a heart attack during the standoff.", None),
])
def test_a_death_by_other_causes_is_not_counted(text, killed):
    assert counts(text)[0] == killed


@pytest.mark.parametrize("text, killed, injured", [
    # a grandmother is not the toddler: someone else, who lived
    ("Toddler dies after shooting at Quince Lane home\n"
     "The toddler's grandmother was driven to a hospital.", 1, 1),
    # the one after "by" did the shooting
    ("A man struck by a stray bullet fired by his 12-year-old grandson has died.", 1, None),
    # an attacker shot is no survivor among the victims
    ("Man shot by Ashgrove police had killed his sister, officials say\n"
     "Troopers then shot and killed the suspect.", 2, 0),
    ("Detectives charged a neighbor in the killings of an elderly woman and her grandson.",
     2, None),
])
def test_kinds_of_people_and_coordinated_victims(text, killed, injured):
    assert counts(text) == (killed, injured)


def test_how_often_one_was_shot_is_no_count():
    assert counts("Ines Varga was hit four times as she ran.") == (None, 1)


@pytest.mark.parametrize("text, killed, injured", [
    # one who shot himself and others by accident is one of those hit
    ("Cleaning his shotgun on the porch, Eli Marsh shot himself and his two sons.\n"
     "One son died at the scene.", 1, 2),
    # a weekday before "and their" is no one
    ("Gunmen left an uncle and his wife dead Sunday and their two sons hospitalized.", 2, 2),
])
def test_himself_among_the_people_hit(text, killed, injured):
    assert counts(text) == (killed, injured)


def test_a_killer_listed_with_his_victims_is_counted_apart():
    fatalities, _ = tally(find_casualties("Retired guard kills wife, two sons and himself"))
    assert (fatalities.best, fatalities.perpetrators) == (4, 1)


@cache
def casualty_pipeline():
    nlp = load_model()
    nlp.add_pipe("thucydides_casualties")
    return nlp


def parsed_counts(text: str) -> tuple[int | None, int | None]:
    """(killed, injured) as the component reads `text`, the parse included."""
    fatalities, injured = tally(casualty_pipeline()(text)._.casualties)
    return fatalities.best, injured.best


@pytest.mark.parametrize("text, killed, injured", [
    # a relative clause or an apposition between the victim and the verb
    ("Caspar Lund, 30, died on the sidewalk. Laura Kemp, who had also been wounded, was "
     "treated and released.", 1, 1),
    ("Bram Keller died before help arrived. His neighbor, Orla Penn, was hit in the shoulder.",
     1, 1),
    ("A 14-year-old girl was killed on Quince Lane. Another girl, also 14, was shot in the arm.",
     1, 1),
    # coordinated subjects, one of them the attacker
    ("Deputy Ruth Amsel and the armed intruder were killed in the exchange.", 2, None),
    ("A delivery driver and the son of a city councilman were gunned down outside the arena.",
     2, None),
    ("Two workers, a cook and a cashier, were injured.", None, 2),
    # no victim: a van, a denial
    ("The van took several rounds. Its driver was not shot.", None, None),
])
def test_victims_read_over_the_parse(text, killed, injured):
    assert parsed_counts(text) == (killed, injured)


@pytest.mark.parametrize("first_line, recalled", [
    ("Vigil marks the anniversary of a robbery", False),  # a follow-up: the old case is told
    ("On Friday a gunman wounded two clerks at a pawn shop on Quillon Road.", True),
])
def test_a_death_told_years_back_is_recalled_only_beside_a_case_of_the_story(first_line,
                                                                             recalled):
    text = f"{first_line}\nHer son was killed in a robbery at the shop two decades ago."
    doc = annotate(text, segment(text, date(2015, 6, 1)))
    (long_ago,) = [c for c in doc._.casualties if c.kind == "killed"]
    assert long_ago.aggregate is recalled


def test_a_death_in_doubt_is_not_counted():
    assert counts("Nobody could say whether Ines was dead or alive.") == (None, None)


@pytest.mark.parametrize("text, killed, injured", [
    # wished, asked, long past: no one hit
    ("Her last text read: don't let me die out here.", None, None),
    ("Nobody could tell whether the driver had died.", None, None),
    ("Tobias Wren, who was once wounded in a robbery himself, now runs the shelter.",
     None, None),
    # hit by a truck is no gunshot
    ("Medics treated a cyclist who had been hit by a truck at the corner.", None, None),
    # a number on a singular noun is an age
    ("Investigators said a 31 y/o woman and a 44 y/o man were gunned down.", 2, None),
    # "shot dead"; a conjunct verb with a subject of its own is another clause
    ("Two cousins, Ada and Ivo Rask, were shot dead in a stairwell.", 2, None),
    ("A trooper was hit in the leg, and the gunman in the truck was killed.", 1, 1),
    # a relative clause tells of its own noun; a conjunct told of apart has its own outcome
    ("The gunman and the three customers who were wounded were flown to a trauma center.",
     None, 3),
    ("The ambush left three soldiers wounded and one civilian dead.", 1, 3),
    # a range is the patterns' to read: low and best 20
    ("Officials said 20 to 25 rebels died in the raid.", 20, None),
])
def test_what_the_parse_does_not_count(text, killed, injured):
    assert parsed_counts(text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # the objects of an active verb, coordinated names included
    ("A jury heard that Vance Ortel gunned down Anna Brody and Mark Sutter in the garage.",
     2, None),
    # a participle clause tells the result
    ("A ricochet hit Tobias Wren below the collarbone, killing him instantly.", 1, 0),
    # a headline's capitalised noun is no verb
    ("HARBOR SHOOTING Senator Okonjo urges calm", None, None),
])
def test_objects_of_the_verbs_of_violence(text, killed, injured):
    assert parsed_counts(text) == (killed, injured)


def test_a_short_form_of_a_name_is_the_same_person():
    text = "Frederick Nolan was hit twice on Friday.\nBy Sunday, Fred was dead."
    assert counts(text) == (1, 0)


def test_numbers_after_ages_are_ages():
    text = "Four students between the ages of 13 and 16 were hurt."
    assert counts(text)[1] != 16


def test_the_attacker_shot_by_police_named_with_their_town():
    text = "A man was shot and killed by Quarry Hollow, Texas police after he wounded a deputy."
    mentions = find_casualties(text)
    assert any(c.perpetrator and c.kind == "killed" for c in mentions)


def test_grandchildren_listed_with_others_add_up():
    text = "Investigators said her son and four grandchildren died in the attack."
    assert parsed_counts(text)[0] == 5


def test_a_killer_among_the_objects_is_left_to_the_patterns():
    text = "The man who killed two coworkers and himself was named on Tuesday."
    fatalities, _ = tally(casualty_pipeline()(text)._.casualties)
    assert (fatalities.best, fatalities.perpetrators) == (3, 1)


@pytest.mark.parametrize("text, killed, injured", [
    # those the attacker left dead do not include him
    ("By the time he killed himself, the gunman had left five dead and two hurt.", 6, 2),
    ("Gunfire outside stadium leaves 3 hurt", None, 3),
    ("Police said the burst of gunfire left four other people hurt.", None, 4),
    ("A security guard fatally shot his business partner and two customers.", 3, None),
])
def test_what_a_shooting_left(text, killed, injured):
    assert counts(text) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("A delivery driver was shot dead along with his brother near the depot.", 2, None),
    ("The two were wounded, along with a neighbor.", None, 3),
    # a bare number before the verb is an age, not "the two"
    ("Girl, 7, dies after being hit by her brother's gunfire", 1, None),
])
def test_along_with_and_the_two(text, killed, injured):
    assert parsed_counts(text) == (killed, injured)


@pytest.mark.parametrize("first_line, recalled", [
    ("Man charged in 2014 killing", False),  # a follow-up: the old case is the story's
    ("On Sunday two men were hurt when shots hit a bus shelter.", True),
])
def test_an_older_case_is_recalled_only_beside_a_case_of_the_story(first_line, recalled):
    text = f"{first_line}\nNell Brody, 19, was shot and killed on March 3, 2014, at a pharmacy."
    doc = annotate(text, segment(text, date(2015, 6, 1)))
    (old,) = [c for c in doc._.casualties if c.kind == "killed"]
    assert old.aggregate is recalled


def test_an_age_written_yo_is_no_count():
    assert counts("Witnesses say a 6 yo girl was shot on Birchwood Court.") == (None, 1)


@pytest.mark.parametrize("text, killed, injured", [
    # shot by a person is still shot (hit by a truck is not)
    ("Ms. Tern, who was accidentally shot by her own nephew, now faces a charge.", None, 1),
    # a participle on the subject is no clause between it and the verb
    ("Four friends walking home from a concert were shot near the bridge.", None, 4),
    # whoever died is a person, whatever the noun
    ("A ninth-grader died Saturday after being hit by a stray round.", 1, None),
    # "was critically injured" parsed as "was" with an adjective
    ("Ada Marsh, 9, died in the attack. Her older brother, Theo, was critically injured but "
     "is recovering.", 1, 1),
])
def test_more_that_the_parse_reads(text, killed, injured):
    assert parsed_counts(text) == (killed, injured)


@pytest.mark.parametrize("text", [
    "Two masked men shot more than 30 rounds into a parked van and drove off.",
    "A suspect shot out the front windows of the pawn shop.",
])
def test_shots_fired_are_no_attacker_hit(text):
    assert counts(text) == (None, None)


@pytest.mark.parametrize("text, killed, injured", [
    # taken to a hospital: hit, outcome not said
    ("Ruth Perrin and Dana Voss were transported by ambulance to a trauma center.", None, 2),
    ("Three customers were taken by private car to St. Jude Medical Center with leg wounds.",
     None, 3),
    # those the police drove there are not all hit
    ("Officers drove the boy and his frightened aunt to the hospital.", None, None),
    # the parts of a number are no more people
    ("Five people, four men and a woman, were transported to a hospital.", None, 5),
    # the one taken there is the one who died there
    ("Ortega was taken to Mercy Hospital with a chest wound, where he died an hour later.",
     1, None),
])
def test_taken_to_a_hospital(text, killed, injured):
    assert parsed_counts(text) == (killed, injured)


@pytest.mark.parametrize("text, killed, perpetrators", [
    # the last verb before "then himself" says what he did to himself
    ("Deputies say Lyle Brandt shot and killed his son and his son's mother, then himself.",
     3, 1),
    # a home invader is an attacker
    ("A homeowner fatally shot a home invader and the man's accomplice fled.", 1, 1),
])
def test_killers_among_the_dead(text, killed, perpetrators):
    fatalities, _ = tally(find_casualties(text))
    assert (fatalities.best, fatalities.perpetrators) == (killed, perpetrators)


def test_a_victim_who_took_his_own_life_is_no_attacker():
    fatalities, _ = tally(find_casualties(
        "A man faces trial in the death of his nephew, who killed himself with a rifle."))
    assert (fatalities.best, fatalities.perpetrators) == (1, None)


def test_a_place_after_on_the_is_no_victim():
    assert counts("A hunter on the Cedar Flats died Sunday.\nCaspar Lund, 17, died at the scene.") \
        == (1, None)


def test_a_weekday_before_a_name_does_not_make_it_a_place():
    assert counts("Police said on Monday Ruth Amsel was shot outside the bar.") == (None, 1)


@pytest.mark.parametrize("recall", [
    "The owner said his nephew was killed in a previous robbery of the same store.",
    "A teenager was shot dead at the same corner just weeks earlier.",
    "In a separate incident, a man was found dead from gunshot wounds on the east side.",
    "Regulars recalled that a clerk was shot dead behind that counter six months after an "
    "armed robbery.",
])
def test_victims_of_another_case_the_story_mentions_are_not_its_own(recall):
    text = f"Three men were wounded outside a laundromat on Hollis Avenue on Friday.\n{recall}"
    assert kinds(text) == ["injured"]


def test_a_story_about_a_case_before_it_keeps_its_victims():
    text = "A man who was shot at a bus stop weeks earlier died in a hospital on Sunday."
    assert kinds(text) == ["killed"]


@pytest.mark.parametrize("text, killed, injured", [
    ("Gunman fatally shoots 3 customers at Dunmore pawn shop", 3, None),
    # the shooter of "shot and killed" is no one hit
    ("Prosecutors allege a man shot and killed two men outside the pool hall.", 2, None),
    ("Two brothers were shot and killed in a park near the river.", 2, None),
])
def test_who_shot_and_killed_is_the_shooter(text, killed, injured):
    assert counts(text) == (killed, injured)


@pytest.mark.parametrize("teaser", [
    "[Two men shot dead outside Quarrytown tavern]",
    "Deputies: Man kills neighbor over fence dispute Pause",
    "A grain silo collapse killed three workers and injured a dozen near Fairbury…",
])
def test_a_link_to_another_story_counts_no_victims(teaser):
    text = f"A 12-year-old boy was wounded by a stray bullet on Lark Street on Monday.\n{teaser}"
    assert kinds(text) == ["injured"]


def test_a_headline_cut_short_still_counts():
    text = ("Two dead in shooting at Fairbury tavern...\n"
            "A woman was also wounded, police said.")
    assert sorted(kinds(text)) == ["injured", "killed"]
