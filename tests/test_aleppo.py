"""The reference live blog (../shared/examples): what a careful coder records from it."""

from __future__ import annotations

import pytest

import thucydides

from .conftest import shared_file


@pytest.fixture(scope="module")
def aleppo():
    path = shared_file("examples/live_blog_aleppo.txt")
    return thucydides.extract(path.read_text(encoding="utf-8"), published="2016-11-15",
                              id="live_blog_aleppo")


def by_place(result, name, day):
    return [i for i in result.incidents
            if i.location and i.location.name == name and i.date == day]


def test_wednesday_attack_on_aleppo_has_its_counts(aleppo):
    [wednesday] = by_place(aleppo, "Aleppo", "2016-11-16")
    assert wednesday.fatalities.low == 15 and wednesday.fatalities.high is None
    assert wednesday.fatalities.children == 4
    assert wednesday.injured.low == 12  # "dozens", read as ACLED does
    assert wednesday.event_type == "Explosions/Remote violence"
    assert {"Air/drone strike", "Shelling/artillery/missile attack"} <= set(
        wednesday.sub_event_types)
    assert any(a.name == "Syrian government forces" and a.role == "perpetrator"
               for a in wednesday.actors)
    # both updates (1245 and 1215 GMT) describe the same attack: one incident, two entries
    texts = " ".join(e.text for e in wednesday.evidence)
    assert "At least 15 people" in texts and "intensive airstrikes" in texts


def test_tuesday_incidents_in_aleppo_idlib_and_homs(aleppo):
    tuesday = [i for i in aleppo.incidents if i.date == "2016-11-15"]
    places = {(i.location.name, i.location.precision) for i in tuesday if i.location}
    assert ("Aleppo", 1) in places or ("Aleppo", 2) in places
    assert ("Idlib", 3) in places  # the province
    assert ("Homs", 3) in places  # the province
    assert ("Homs", 2) in places or any(n.startswith("Al Wa") for n, _ in places)  # al-Wa'er


def test_nothing_placed_in_the_united_states_or_turkey(aleppo):
    countries = {i.location.country_code for i in aleppo.incidents if i.location}
    assert countries == {"SY"}


def test_hospital_strikes_and_aleppo_are_contested(aleppo):
    hospitals = [i for i in aleppo.incidents if "hospital" in i.targets]
    assert hospitals and all(i.contested for i in hospitals)
    assert any(c.stance == "denies" and "Konashenkov" in c.claimant
               for i in hospitals for c in i.claims)
    [aleppo_tuesday] = by_place(aleppo, "Aleppo", "2016-11-15")
    assert aleppo_tuesday.contested


def test_day_total_is_a_claim_not_added_to_any_incident(aleppo):
    assert all(i.fatalities.best != 55 for i in aleppo.incidents)
    [total] = [c for c in aleppo.claims if c.fatalities and c.fatalities.low == 55]
    assert total.claimant == "Activists"
    linked = [i for i in aleppo.incidents if i.id in total.incident_ids]
    assert len(linked) >= 3 and all(i.date == "2016-11-15" for i in linked)


def test_september_agreement_is_background(aleppo):
    assert all(i.event_type != "Strategic developments" for i in aleppo.incidents)


def test_every_evidence_span_points_into_the_text(aleppo):
    text = aleppo.document.text
    for incident in aleppo.incidents:
        for span in incident.evidence:
            assert text[span.start:span.end] == span.text
        for claim in incident.claims:
            assert text[claim.start:claim.end] == claim.text


def test_ids_are_stable_across_runs(aleppo):
    again = thucydides.extract(aleppo.document.text, published="2016-11-15",
                               id="live_blog_aleppo")
    assert [i.id for i in again.incidents] == [i.id for i in aleppo.incidents]
