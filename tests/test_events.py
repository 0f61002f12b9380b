"""Event and sub-event types on sentences written for these tests: who did what to whom
decides the ACLED type, and events ACLED does not code never become incidents."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import thucydides
from thucydides.cli import cli
from thucydides.evaluate.events import label_of, scores, snippet_pipeline
from thucydides.events import NON_ACLED, classify


def sub_type(text: str) -> str | None:
    found = classify(snippet_pipeline()(text))
    return found[1] if found else None


@pytest.mark.parametrize("text, expected", [
    ("Gunmen shot dead five farmers in their fields near the village on Monday.", "Attack"),
    ("Militants attacked an army checkpoint outside the town, killing three soldiers.",
     "Armed clash"),
    ("Government troops recaptured the town of Tal Abyad from the rebels on Sunday.",
     "Government regains territory"),
    ("Rebel fighters captured the town after a week of fighting, opposition activists said.",
     "Non-state actor overtakes territory"),
    ("Islamist militants retook the village from the army overnight.",
     "Non-state actor overtakes territory"),
    ("Government forces withdrew from the border crossing, handing it over to a local militia.",
     "Non-violent transfer of territory"),
    ("Warplanes fired missiles at a crowded market in the city, residents said.",
     "Air/drone strike"),
    ("Artillery shells landed on a residential district late on Tuesday.",
     "Shelling/artillery/missile attack"),
    ("Shelling killed two people in the port city on Monday, officials said.",
     "Shelling/artillery/missile attack"),
    ("A suicide bomber blew himself up at a police checkpoint, killing four officers.",
     "Suicide bomb"),
    ("A roadside bomb struck a minibus carrying workers, killing six of them.",
     "Remote explosive/landmine/IED"),
    ("Attackers threw a grenade into a crowded bus station on Friday.", "Grenade"),
    ("Doctors said dozens of patients showed symptoms of a chlorine gas attack.",
     "Chemical weapon"),
    ("Armed men abducted a local journalist from his home on Thursday night.",
     "Abduction/forced disappearance"),
    ("Thousands of teachers staged a sit-in outside parliament to demand higher pay.",
     "Peaceful protest"),
    ("Police fired tear gas and water cannon to disperse hundreds of demonstrators.",
     "Protest with intervention"),
    ("Riot police detained dozens of protesters during a rally against the new law.",
     "Protest with intervention"),
    ("Security forces opened fire on protesters in the capital, killing at least three.",
     "Excessive force against protesters"),
    ("Protesters threw stones at police and set fire to tyres as the rally turned violent.",
     "Violent demonstration"),
    ("An angry mob beat a suspected thief to death in the market.", "Mob violence"),
    ("The two sides signed a ceasefire agreement in the capital on Saturday.", "Agreement"),
    ("Police arrested 12 people suspected of membership of the banned group.", "Arrests"),
    ("The army deployed reinforcements to the northern border after the clashes.",
     "Change to group/activity"),
    ("Turkish forces set up a new observation post south of the city.",
     "Headquarters or base established"),
    ("Soldiers seized a large cache of rifles and ammunition in a farmhouse.",
     "Disrupted weapons use"),
    ("Engineers defused a bomb planted under a bridge near the airport.",
     "Disrupted weapons use"),
    ("Fighters looted shops and torched houses as they left the town.",
     "Looting/property destruction"),
    ("Unknown attackers burned three shops and a bus overnight.",
     "Looting/property destruction"),
    ("Gunmen attacked a packed mosque during Friday prayers.", "Attack"),
    ("The army killed and wounded dozens of militants in the mountains.", "Armed clash"),
    ("Militants attacked government forces using anti-aircraft guns and mortars.",
     "Shelling/artillery/missile attack"),
    ("Hundreds of students rallied in the capital against gun violence.", "Peaceful protest"),
    ("Farmers blocked the highway with tractors to protest against new tax rules.",
     "Peaceful protest"),
    ("A woman was raped by soldiers at a checkpoint, her family said.", "Sexual violence"),
])
def test_acled_sub_event_type_of_a_report(text, expected):
    assert sub_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A powerful earthquake killed at least 40 people in the mountain villages.",
     "Natural disaster"),
    ("Two workers were killed when a boiler exploded at a chemical plant on Thursday.",
     "Man-made disaster"),
    ("A fire at a garment factory in Dhaka killed 12 workers.", "Man-made disaster"),
    ("Police broke up a drug smuggling ring that moved cocaine through the port.",
     "Organized crime"),
    ("Customs officers seized counterfeit cigarettes worth two million dollars.",
     "Organized crime"),
    ("The government expelled two diplomats and closed the embassy.", "Diplomatic event"),
    ("The Islamic State group claimed responsibility for the bombing of the bus.",
     "Attribution of responsibility"),
])
def test_events_acled_does_not_code_are_named_as_such(text, expected):
    doc = snippet_pipeline()(text)
    assert classify(doc) == (NON_ACLED, expected)


def test_disasters_make_no_incident_but_a_claimed_bombing_still_does():
    quake = snippet_pipeline()("A powerful earthquake killed at least 40 people on Monday.")
    assert [t for found in quake._.events for t in found.triggers] == []
    claimed = snippet_pipeline()("The Islamic State group claimed responsibility for the "
                                  "bombing of the bus, which killed nine people.")
    assert any(t.event_type != NON_ACLED for found in claimed._.events for t in found.triggers)


def test_threats_plans_and_denied_attacks_are_no_events():
    assert sub_type("The rebels threatened to attack the town if the army advanced.") is None
    assert sub_type("The opposition plans to protest the decision next week.") is None
    assert sub_type("The army did not shell the village, a spokesman said.") is None


def test_what_is_burned_must_be_property():
    assert sub_type("The bodies of the victims were burned beyond recognition.") is None


def test_background_in_a_relative_clause_is_not_the_news():
    doc = snippet_pipeline()("The carrier, which had been deployed to the region in October, "
                              "sailed home.")
    assert not doc._.events


def test_scores_count_a_label_never_predicted_as_zero():
    gold = ["ARREST", "ARREST", "AGREEMENT", "DIPLO"]
    predicted = ["ARREST", "AGREEMENT", "AGREEMENT", "ARREST"]
    result = scores(gold, predicted)
    assert result["accuracy"] == 0.5
    arrest_f1, agreement_f1 = 2 * 1 / (2 + 1 + 1), 2 * 1 / (2 + 1 + 0)
    assert result["f1_by_label"] == {"AGREEMENT": agreement_f1, "ARREST": arrest_f1, "DIPLO": 0}
    assert result["macro_f1"] == pytest.approx((arrest_f1 + agreement_f1) / 3)
    assert result["weighted_f1"] == pytest.approx((2 * arrest_f1 + agreement_f1) / 4)


def test_eval_events_prints_one_json_object(tmp_path):
    data = tmp_path / "snippets.jsonl"
    records = [
        {"id": "a", "text": "Police fired tear gas to disperse the demonstrators.",
         "label": "PROTEST_WITH_INTER"},
        {"id": "b", "text": "Jets carried out air strikes on the rebel-held town.",
         "label": "AIR_STRIKE"},
        {"id": "c", "text": "Floods swept away hundreds of homes after days of heavy rain.",
         "label": "NATURAL_DISASTER"},
    ]
    data.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", "--data", str(data)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["snippets"] == 3 and metrics["accuracy"] == 1.0
    assert label_of(records[1]["text"]) == "AIR_STRIKE"


def test_a_report_of_protests_and_a_quake_gives_acled_incidents_only():
    report = (
        "Police fired tear gas and water cannon to disperse thousands of protesters in "
        "Khartoum on Sunday, witnesses said.\n\n"
        "A powerful earthquake struck Herat on Sunday, killing at least 40 people, officials "
        "said.\n\n"
        "Protesters torched a police station in Omdurman on Sunday and threw stones at "
        "security forces.\n\n"
        "Security forces opened fire on protesters in Port Sudan on Sunday, killing three, a "
        "doctors committee said.\n")
    result = thucydides.extract(report, published="2019-06-02")
    found = {i.location.name: i.sub_event_type for i in result.incidents if i.location}
    assert found == {"Khartoum": "Protest with intervention",
                     "Omdurman": "Violent demonstration",
                     "Port Sudan": "Excessive force against protesters"}


def acled_triggers(text: str) -> list[str]:
    """The event words of a text that could become incidents."""
    return [t.span.text for found in snippet_pipeline()(text)._.events for t in found.triggers]


@pytest.mark.parametrize("text", [
    # denied by the phrase around it, or by the mood of the verb a noun belongs to
    "There was no sign of the tanker being intercepted on its way to the port.",
    "Diplomats hope a ceasefire could take hold within days.",
    "The rebels did not launch the offensive they had announced.",
    "The talks will resume next week if the rebels agree.",
    "The mayor was almost shot dead outside his home.",
    "The planned handover of the base was delayed again.",
    "The minister backs the handover of the islands to their neighbour.",
])
def test_negated_conditional_and_planned_events_are_no_events(text):
    assert acled_triggers(text) == []


@pytest.mark.parametrize("text", [
    "John Lynch, the mayor, said the town was calm. Lynch added that shops had reopened.",
    "The army says it has the upper hand over the rebels in the hills.",
])
def test_names_and_nouns_are_not_event_words(text):
    assert acled_triggers(text) == []


@pytest.mark.parametrize("text", [
    "The country sells missiles and rockets to its neighbours.",
    "The company tested a new missile last week.",
    "Investigators said the artillery shells were made in another country.",
])
def test_weapons_traded_made_or_tested_are_no_attack(text):
    assert acled_triggers(text) == []


@pytest.mark.parametrize("text", [
    "The journalist has been in custody since February.",
    "He died shortly after his release from detention.",
    "The government's control of the press is tight.",
    "The report describes a surge in violence across the region.",
    "The country has hosted a foreign military base since the 1970s.",
])
def test_states_trends_and_standing_things_are_no_events(text):
    assert acled_triggers(text) == []


@pytest.mark.parametrize("text", [
    "The photographer was detained at the border station for almost a year.",
    "The war lasted three years and killed thousands of people.",
    "For decades the two groups have fought over the valley.",
])
def test_what_went_on_for_months_or_years_is_history_not_an_event(text):
    assert acled_triggers(text) == []


@pytest.mark.parametrize("text", [
    "The two countries are locked in a tariff fight over steel.",
    "The island relies on its ally in its battle against Beijing.",
    "The volunteers battled blazes near the town all week.",
    "The rebels have been fighting an insurgency for a decade.",
    "The new government promised to fight corruption.",
])
def test_rivalry_and_metaphor_are_no_battles(text):
    assert acled_triggers(text) == []


@pytest.mark.parametrize("text, word", [
    ("Street fighting continued in the city on Sunday.", "fighting"),
    ("Fighting between the army and rebels killed 12 people near the border.", "Fighting"),
    ("A truce between the army and the rebels took effect on Monday.", "truce"),
    ("The two sides withdrew from the peace pact on Thursday.", "pact"),
    ("Qatar welcomed the decision on a ceasefire in the two regions.", "ceasefire"),
])
def test_reported_battles_and_agreements_stay_events(text, word):
    assert word in acled_triggers(text)


@pytest.mark.parametrize("text", [
    "The deal also has language on long-term security cooperation.",
    "'The danger has not passed yet,' agreed the activist.",
    "Volunteers have been deployed to help at the food bank.",
    "The minister said the fishing dispute would be dealt with by a joint committee.",
    "The victim is recovering from his wounds at a local hospital, police said.",
])
def test_agreements_talked_about_and_unarmed_deployments_are_no_events(text):
    assert acled_triggers(text) == []


def test_actor_offsets_point_at_the_mention_in_the_document():
    doc = snippet_pipeline()("Fighting resumed on Sunday. Rebels attacked Russian troops near "
                             "the town, and Islamic State fighters shelled a police post.")
    actors = [actor for found in doc._.events for actor, _ in found.actors]
    assert {a.mention for a in actors} >= {"Rebels", "Russian troops", "Islamic State"}
    for actor in actors:
        assert doc.text[actor.start:actor.end] == actor.mention


def test_people_who_report_an_attack_are_not_its_perpetrators():
    result = thucydides.extract("Residents said militants attacked a police post in Kirkuk on "
                                "Monday, killing two officers.", published="2021-03-30")
    roles = {a.name: a.role for i in result.incidents for a in i.actors}
    assert roles.get("Civilians") != "perpetrator"
    assert roles.get("Militants") == "perpetrator"


def test_subject_of_another_clause_is_not_the_perpetrator():
    result = thucydides.extract("Villagers are too scared to leave their homes, and a deadly attack "
                                "by militants on a police post in Garissa on Monday has shaken "
                                "them.", published="2021-03-30")
    roles = {a.name: a.role for i in result.incidents for a in i.actors}
    assert roles["Civilians"] == "other"
    assert roles.get("Militants") == "perpetrator"


@pytest.mark.parametrize("text, expected", [
    ("Deputies said the man shot his wife and then himself in an apparent murder-suicide "
     "at their farmhouse on Orchard Lane.", "Attack"),
    ("The coroner ruled the death of the retired teacher a suicide.", None),
    ("A suicide car exploded at the gate of the army base, killing nine soldiers.",
     "Suicide bomb"),
    ("Two suicide attackers stormed the hotel lobby before dawn.", "Suicide bomb"),
])
def test_a_suicide_is_a_bombing_only_when_it_names_the_attacker_or_the_means(text, expected):
    assert sub_type(text) == expected
