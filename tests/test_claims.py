"""Who says what, on sentences written for these tests: reporting verbs, their speakers,
stances (asserts, denies, questions), independent sources, and contested incidents."""

from __future__ import annotations

from functools import cache

import pytest

import thucydides
from thucydides.nlp import load_model


@cache
def claim_pipeline():
    nlp = load_model()
    nlp.add_pipe("thucydides_claims")
    return nlp


def claims_of(text: str) -> list[tuple[str, str]]:
    return [(c.claimant, c.stance) for c in claim_pipeline()(text)._.claims]


@pytest.mark.parametrize("text, expected", [
    ("The Russian defence ministry denied carrying out the strike on the market.",
     [("The Russian defence ministry", "denies")]),
    ("The health ministry rejected the reports as fabricated.",
     [("The health ministry", "denies")]),
    ("The army disputed the death toll given by residents.", [("The army", "denies")]),
    ("Reuters could not independently verify the footage.", [("Reuters", "questions")]),
    ("The government has not confirmed the deaths.", [("The government", "questions")]),
    ("Amnesty International questioned the official account of the raid.",
     [("Amnesty International", "questions")]),
    ("At least 12 people were killed, according to the Syrian Observatory for Human Rights.",
     [("the Syrian Observatory for Human Rights", "asserts")]),
])
def test_stance_and_claimant(text, expected):
    assert claims_of(text) == expected


def test_each_independent_source_is_its_own_claim():
    assert claims_of("Local activists and the civil defence said the strike hit a bakery.") == [
        ("Local activists", "asserts"), ("the civil defence", "asserts")]
    assert claims_of("At least 12 people were killed, according to local activists and the "
                     "Syrian Observatory for Human Rights.") == [
        ("local activists", "asserts"), ("the Syrian Observatory for Human Rights", "asserts")]


def test_one_source_with_joined_modifiers_stays_one():
    assert claims_of("The Russian defence and foreign ministries said the convoy was not hit.") \
        == [("The Russian defence and foreign ministries", "asserts")]


def test_another_party_answering_a_statement_is_not_its_speaker_denying():
    assert claims_of("Police said the gunman was shot dead, but witnesses contradicted that "
                     "account.") == [("Police", "asserts"), ("witnesses", "denies")]
    assert claims_of("Hamas said the rocket was fired by another faction, a claim the faction "
                     "denied.") == [("Hamas", "asserts"), ("the faction", "denies")]


def test_what_a_speaker_reports_someone_doing_is_the_speaker_s_stance():
    assert claims_of("A Pentagon spokesman said the military was looking into the strikes.") \
        == [("A Pentagon spokesman", "questions")]


def test_a_denied_strike_is_contested_and_an_unverified_one_is_not():
    denied = thucydides.extract(
        "Warplanes struck a market in Idlib on Tuesday, killing 12 people, the civil defence "
        "said. The Russian defence ministry denied carrying out the strike.",
        published="2019-07-23")
    [market] = [i for i in denied.incidents if i.location and i.location.name == "Idlib"]
    assert market.contested
    assert {("the civil defence", "asserts"), ("The Russian defence ministry", "denies")} <= {
        (c.claimant, c.stance) for c in market.claims}
    unverified = thucydides.extract(
        "Warplanes struck a market in Idlib on Tuesday, killing 12 people, the civil defence "
        "said. Reuters could not independently verify the report.", published="2019-07-23")
    [market] = [i for i in unverified.incidents if i.location and i.location.name == "Idlib"]
    assert not market.contested
