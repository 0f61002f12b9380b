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
