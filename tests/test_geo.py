"""Place names found and resolved in realistic (made-up) news sentences, event location,
and the geo evaluation command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides import extract, geoparse
from thucydides.cli import cli
from thucydides.gazetteer.points import haversine_km

from .conftest import place_of


def places(text: str) -> dict[str, object]:
    return {t.text: t for t in geoparse(text)}


def test_syrian_context_reads_homs_as_the_syrian_city():
    found = places("Rebels in Idlib and Hama said government aircraft struck Homs on Monday.")
    assert found["Homs"].place.country_code == "SY"
    assert {found["Idlib"].place.country_code, found["Hama"].place.country_code} == {"SY"}


def test_a_named_state_decides_between_towns_of_one_name():
    found = places("Police in Alexandria, Virginia, arrested two men after a fire downtown.")
    alexandria = found["Alexandria"].place
    assert alexandria.country_code == "US" and alexandria.admin1 == "Virginia"
    egypt = places("Protesters marched through Alexandria and Cairo, Egyptian state media "
                   "reported.")
    assert egypt["Alexandria"].place.country_code == "EG"


def test_province_is_a_region_at_precision_three():
    found = places("Clashes continued across Idlib province on Tuesday.")
    assert found["Idlib"].place.kind == "admin1" and found["Idlib"].precision == 3


def test_direction_makes_a_part_of_the_city():
    found = places("Shells fell on the northern outskirts of Aleppo, north of Aleppo's "
                   "citadel.")
    aleppo = next(t for t in geoparse("Fighting raged in eastern Aleppo overnight.")
                  if t.text == "Aleppo")
    assert aleppo.place.country_code == "SY" and aleppo.precision == 2
    assert aleppo.qualifier == "eastern"
    assert found["Aleppo"].place.country_code == "SY"


def test_a_country_adjective_and_a_people_stand_for_their_country():
    found = places("The Sudanese government rejected the report, officials in Khartoum said.")
    assert found["Sudanese"].place.country_code == "SD"
    found = places("Negotiators said talks with the Chileans would resume in Lima next week.")
    assert found["Chileans"].place.country_code == "CL"
    found = places("Thousands of Syrians fled to Lebanon last winter.")
    assert found["Syrians"].place.country_code == "SY"
    assert found["Lebanon"].place.country_code == "LB"


def test_a_country_adjective_used_as_a_noun_stands_for_its_country_but_not_a_surname():
    found = places("She is a proud Peruvian who moved to Denver in 2010.")
    assert found["Peruvian"].place.country_code == "PE"
    found = places("Spokeswoman Dana Irish said the permit was late. Irish said the city would "
                   "pay.")
    assert "Irish" not in found


def test_an_adjective_coordinated_with_a_modifier_is_no_event_place():
    text = "The valley near Mosul was patrolled on Monday by U.S. and Turkish jets."
    assert place_of(text, "patrolled") == "Mosul"


def test_a_country_hyphenated_with_led_or_backed_is_a_side_not_the_event_place():
    assert place_of("Turkish-backed fighters shelled the hills for hours.", "shelled") is None


def test_a_group_of_countries_on_a_noun_is_a_side_not_the_event_place():
    text = "Rebels shot down a helicopter near Bitola and killed the entire EU team on board."
    assert place_of(text, "killed") == "Bitola"


def test_a_people_is_who_an_event_befell_not_where():
    text = "Officials said 90 Yemenis were killed last month amid fighting in Yemen."
    assert place_of(text, "killed") == "Yemen"


def test_a_continent_adjective_stands_for_its_continent():
    found = places("African farmers asked for cheaper fertiliser at a meeting in Nairobi.")
    assert found["African"].place.name == "Africa" and found["African"].place.kind == "region"
    found = places("Many Africans now shop online, a survey in Accra found.")
    assert found["Africans"].place.name == "Africa"


def test_a_title_or_a_lowercase_noun_is_no_place():
    assert "Pope" not in places("Pilgrims sent letters to the Pope from Lyon.")
    assert places("Snow closed the highway north of Bishop on Tuesday.")["Bishop"].place
    found = places("A five-year-old bay colt finished first at the track on Saturday.")
    assert "bay colt" not in found


def test_the_country_of_the_attackers_is_not_where_the_attack_happened():
    result = extract("Russian warplanes bombed the town of Saraqeb in Idlib province on "
                     "Tuesday, killing six people.", published="2016-11-15")
    locations = {i.location.country_code for i in result.incidents if i.location}
    assert locations == {"SY"}


def test_months_people_and_generic_words_are_not_places():
    found = places("In March, Jones told reporters at City Hall that House aides in "
                   "Springfield would meet in May.")
    assert {"March", "May", "Jones", "House", "City Hall"}.isdisjoint(found)
    assert "Springfield" in found


def test_unknown_neighbourhood_stands_at_the_place_the_text_puts_it_in():
    found = places("Barrel bombs hit the Qatirji neighbourhood in eastern Aleppo.")
    assert found["Aleppo"].place.country_code == "SY"
    assert found["Qatirji"].place == found["Aleppo"].place
    assert found["Qatirji"].precision == 2


def test_event_happens_where_the_event_verb_says_not_where_the_speakers_are():
    result = extract("Iraqi officials in Baghdad said the militant leader was killed in an "
                     "airstrike in Anbar on Tuesday.", published="2017-05-03")
    locations = [i.location.name for i in result.incidents if i.location]
    assert locations and all("Anbar" in name for name in locations)


def test_district_inside_a_city_is_located_at_the_city_when_unknown():
    result = extract("Four civilians were killed when regime helicopters dropped barrel bombs "
                     "on the Zibdiya district in eastern Aleppo city.", published="2016-11-15")
    location = result.incidents[0].location
    assert location.name == "Aleppo" and location.precision == 2


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ap_state_abbreviation_is_the_state_and_places_the_town():
    found = places("A man from Alexandria, Minn., was charged on Monday.")
    assert found["Minn."].place.kind == "admin1" and found["Minn."].place.name == "Minnesota"
    assert found["Alexandria"].place.admin1 == "Minnesota"


def test_a_two_word_country_adjective_is_one_toponym():
    found = places("The Sri Lankan government said the talks would resume.")
    assert found["Sri Lankan"].place.country_code == "LK" and "Sri" not in found


def test_dateline_in_capitals_is_a_place():
    found = places("Council approves budget.\nRALEIGH, N.C. (AP) - The council voted on Monday.")
    assert found["RALEIGH"].place.name == "Raleigh"
    assert found["N.C."].place.name == "North Carolina"


def test_datelines_with_abbreviations_colons_and_wire_credits_are_places():
    found = places("Man held after crash.\nST. CHARLES -- A driver was arrested on Monday.")
    assert found["ST. CHARLES"].place.name == "St. Charles" and "CHARLES" not in found
    found = places("Police seize guns.\nAMMAN: Police arrested two men on Sunday.")
    assert found["AMMAN"].place.country_code == "JO"
    found = places("By Jo Smith, Associated Press DENVER (AP) — Lawmakers met on Friday.")
    assert found["DENVER"].place.name == "Denver"
    found = places("SOUTH KARVESSA, May 9 (NNA): The governor toured the valley.")
    assert "SOUTH KARVESSA" in found
    found = places("Doctors found CRE-type bacteria in the ward.\nUPDATE: It reopened on Monday.")
    assert "CRE" not in found and "UPDATE" not in found


def test_a_country_or_state_ending_an_organisation_name_is_a_place_but_a_city_is_not():
    found = places("The struggling Air Namibia cancelled its flights to Frankfurt again.")
    assert found["Namibia"].place.country_code == "NA"
    found = places("Ann Doyle, president of Education Oregon, criticised the plan.")
    assert found["Oregon"].place.name == "Oregon"
    found = places("Guests at the Grand Tokyo Hotel in Osaka were evacuated.")
    assert "Tokyo" not in found and "Osaka" in found


def test_a_county_or_a_town_opening_an_institution_name_is_its_seat():
    found = places("On Tuesday the Pinal County Board of Supervisors approved the budget.")
    assert found["Pinal County"].place.kind == "admin2"
    found = places("He will appear in Tucson Superior Court next week.")
    assert found["Tucson"].place.country_code == "US"
    assert "Harbor" not in places("The trustees sit as the Harbor Board once a month.")


def test_a_name_known_only_as_a_hamlet_needs_a_place_context():
    found = places("Residents signed a lease with Ceriana Energy last year, and Ceriana will "
                   "drill two wells near Fort Worth.")
    assert "Ceriana" not in found and "Fort Worth" in found


def test_a_name_with_a_number_after_it_is_a_road_or_a_lot_unless_a_sizeable_place():
    found = places("The van was heading east on Loop 12 when it hit a pole near Dallas.")
    assert "Loop" not in found and "Dallas" in found
    assert "Lot" not in places("She lives at Lot No. 9 in a trailer park outside Yuma.")
    found = places("The truck stalled on U.S. 41 near Naples, troopers said.")
    assert found["U.S."].place.country_code == "US"


def test_a_county_council_is_the_county_s_even_where_a_loose_match_exists():
    found = places("Galway County Council approved the new road on Monday.")
    assert "Galway" not in found and found["Galway County"].place.country_code == "IE"


def test_a_state_police_command_is_the_state_s_whole_name():
    found = places("The Kwara State Police Command said three officers were hurt.")
    assert "Kwara" not in found and found["Kwara State"].place.kind == "admin1"
    found = places("Troopers of the Florida State Police closed the highway after the crash.")
    assert found["Florida"].place.country_code == "US"


def test_a_name_of_its_own_country_is_a_place_not_the_head_of_a_longer_name():
    found = places("Surfers flocked to the Sunshine Coast of Australia last summer.")
    assert found["Sunshine Coast"].place.country_code == "AU"


def test_an_apposition_naming_a_kind_of_place_outweighs_a_person_label():
    assert "Gerze" in places("The shipment left Gerze, a port town, before dawn.")


def test_a_town_right_after_a_day_is_no_tail_of_the_day():
    assert "Linden" in places("Late on Tuesday Linden firefighters pulled two men from the "
                              "river.")


def test_a_direction_divides_a_state_or_a_town_but_names_a_part_of_anything_else():
    found = places("Aid agencies warned of hunger across East Africa this summer.")
    assert "East Africa" in found and "Africa" not in found
    found = places("Heavy rain fell across Western Kentucky overnight.")
    assert found["Kentucky"].place.name == "Kentucky"


def test_a_legislator_s_home_after_the_party_is_a_place():
    found = places("Sen. Maria Diaz, D-Bozeman, said the bill would pass.")
    assert found["Bozeman"].place.country_code == "US"
    assert "Hutchinson" in places("Rep. Ken Webb (R-Hutchinson) filed the bill on Monday.")


def test_a_place_name_before_a_noun_for_its_people_is_a_place_even_opening_a_headline():
    assert "Nashua" in places("Nashua firefighters put out the blaze before dawn.")
    assert "Lancaster" in places("Lancaster teachers vote to strike over pay.")


def test_names_joined_by_a_hyphen_are_read_in_pieces_unless_known_whole():
    assert {"Lima", "Cusco"} <= set(places("Flights on the Lima-Cusco route resumed on Monday."))
    found = places("Students relocate. Fenton-Linden kindergarten students moved on Monday.")
    assert {"Fenton", "Linden"} <= set(found)
    found = places("Wilkes-Barre police arrested two men on Friday.")
    assert "Wilkes-Barre" in found and "Barre" not in found


def test_an_acronym_is_no_town_spelled_in_lower_case_but_a_country_s_is_a_place():
    found = places("Health advisers at NICE approved the drug for use in Leeds.")
    assert "NICE" not in found and "Leeds" in found
    found = places("Officials from the UAE and the US met in Doha.")
    assert {found["UAE"].place.country_code, found["US"].place.country_code} == {"AE", "US"}


def test_a_surname_stays_the_person_s_unless_the_context_holds_a_place():
    found = geoparse("Prosecutors charged Laura Stamford in May. Stamford declined to testify, "
                     "and Stamford's lawyer asked for time.")
    assert not [t for t in found if t.text == "Stamford"]
    assert "Jordan" in places("Officials said Mary Jordan flew to Jordan on Monday.")


def test_a_name_joined_by_a_spaced_particle_is_one_where_the_gazetteer_knows_it():
    found = places("Floods hit San Jose del Monte, north of Manila.")
    assert found["San Jose del Monte"].place.country_code == "PH" and "San Jose" not in found


def test_a_county_named_with_its_noun_is_the_county_inside_an_office_s_name():
    found = places("The victim was named by the Polk County Coroner's Office.")
    assert found["Polk County"].place.kind == "admin2" and "Polk" not in found


def test_the_community_or_villages_of_a_name_make_it_a_place():
    found = places("The family lives in the community of Baddeck on Cape Breton Island.")
    assert found["Baddeck"].place.country_code == "CA"


def test_a_saint_s_name_in_the_possessive_opens_a_church_s_or_school_s_name():
    assert "St. Agnes" not in places("Pupils at St. Agnes's Primary School won the county quiz.")
    assert "St. Petersburg" in places("Fans filled St. Petersburg's new stadium on Saturday.")


def test_the_capitalised_city_of_a_name_is_the_name():
    found = places("Officials from the City of Fresno met the school board on Monday.")
    assert "Fresno" in found and "City of Fresno" not in found


def test_an_unknown_name_inside_a_place_needs_a_place_context_of_its_own():
    found = places("Guests toured the Mayor's Residence in Boston on Sunday.")
    assert "Residence" not in found and "Boston" in found
    found = places("Shells hit homes in Tal al-Zarzur in Aleppo on Monday.")
    assert found["Tal al-Zarzur"].place == found["Aleppo"].place


def test_a_state_s_official_name_is_its_country():
    found = places("The Republic of Moldova signed the trade deal in Vienna.")
    assert found["Republic of Moldova"].place.country_code == "MD" and "Moldova" not in found
    found = places("Gas exports from the Russian Federation fell last year.")
    assert found["Russian Federation"].place.country_code == "RU"


def test_a_country_is_a_place_though_the_model_reads_it_with_its_possessive_as_a_person():
    found = places("Analysts like Nepal's former premier Ann Rojas disagree with the plan.")
    assert found["Nepal"].place.country_code == "NP"


def test_place_names_inside_other_names_are_not_places():
    found = places("Lindsay and Charlotte Wexley study at Columbia University. Charlotte "
                   "Wexley said Mayor Ann Doyle of Alexandria spoke at the Canton "
                   "Police Department.")
    assert "Charlotte" not in found and "Columbia" not in found and "Mayor" not in found
    assert "Canton" in found and "Alexandria" in found


def test_eval_geo_scores_detection_resolution_and_end_to_end(tmp_path: Path):
    text = "Flooding closed roads in Fargo and Moorhead, officials in Bismarck said."
    toponyms = [{"start": text.index(name), "end": text.index(name) + len(name), "text": name,
                 "lat": lat, "lon": lon, "geonameid": None, "type": None}
                for name, lat, lon in [("Fargo", 46.877, -96.79), ("Moorhead", 46.874, -96.767),
                                       ("Bismarck", 0.0, 0.0)]]
    data = _write_jsonl(tmp_path / "toponyms.jsonl",
                        [{"id": "1", "corpus": "mine", "text": text, "published": None,
                          "toponyms": toponyms}])
    result = CliRunner().invoke(cli, ["eval", "geo", "--data", str(data)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)["mine"]
    assert metrics["detection"]["recall"] == 1.0 and metrics["detection"]["precision"] == 1.0
    # Bismarck's made-up gold coordinates are far from the real town: 2 of 3 within 161 km.
    assert metrics["end_to_end"]["accuracy_161km"] == pytest.approx(2 / 3, abs=1e-3)
    assert metrics["resolution"]["coverage"] == 1.0


def test_eval_geo_scores_event_location(tmp_path: Path):
    first = "Iraqi officials in Baghdad said the leader was killed in an airstrike in Anbar."
    second = "The leader was killed, the statement said."
    records = [
        {"id": "a", "text": first, "events": [{
            "trigger": {"start": first.index("killed"), "end": first.index("killed") + 6,
                        "text": "killed"},
            "location": {"start": first.index("Anbar"), "end": first.index("Anbar") + 5,
                         "text": "Anbar"}}]},
        {"id": "b", "text": second, "events": [{
            "trigger": {"start": 15, "end": 21, "text": "killed"}, "location": None}]},
    ]
    data = _write_jsonl(tmp_path / "event_location.jsonl", records)
    result = CliRunner().invoke(cli, ["eval", "geo", "--data", str(data)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)["event_location"]
    assert metrics["accuracy"] == 1.0
    assert (metrics["with_location"], metrics["without_location"]) == (1, 1)


def test_a_county_named_with_its_state_stands_in_that_state_at_its_own_point():
    found = places("Flooding closed roads across Beaufort County, North Carolina, on Sunday.")
    county = found["Beaufort County"].place
    assert county.kind == "admin2" and county.admin1 == "North Carolina"
    assert haversine_km(county.lat, county.lon, 35.55, -77.05) < 30  # Washington, its seat


def test_a_county_is_read_as_the_one_around_the_town_named_with_it():
    found = places("Volunteers from Washington and Beaufort County cleaned the old courthouse "
                   "on Saturday.")
    town, county = found["Washington"].place, found["Beaufort County"].place
    assert (town.admin1, county.admin1) == ("North Carolina", "North Carolina")


def test_names_listed_before_counties_are_the_counties():
    found = places("Deputies from Harlan, Perry and Letcher counties searched the hills.")
    assert {found[name].place.kind for name in ("Harlan", "Perry", "Letcher")} == {"admin2"}
    assert {found[name].place.admin1 for name in ("Harlan", "Perry", "Letcher")} == {"Kentucky"}


def test_a_county_named_alone_is_the_most_populous_of_its_name():
    found = places("Wildfires forced evacuations across Clark County on Tuesday.")
    assert found["Clark County"].place.admin1 == "Nevada"


def test_a_country_named_in_passing_does_not_place_the_story_at_its_namesake_town():
    found = places("Rents in Clark County rose again this year, faster than in Russia, and "
                   "Nevada lawmakers say Clark County must build more homes.")
    assert found["Russia"].place.kind == "country"
    assert found["Clark County"].place.admin1 == "Nevada"


def test_a_state_alone_before_counties_is_the_state():
    found = places("Snow closed schools in most Ohio counties on Friday.")
    assert found["Ohio"].place.kind == "admin1"


def test_a_name_after_a_persons_title_is_the_person():
    found = places("The team played hard all night, said coach Denton, whose players won in "
                   "Lubbock.")
    assert "Denton" not in found and found["Lubbock"].place.admin1 == "Texas"


def test_the_object_of_a_verb_of_taking_ground_is_a_place():
    assert "Saraqeb" in places("Rebel fighters captured Saraqeb after two days of heavy "
                               "fighting.")
    assert "Kafranbel" in places("Soldiers patrolled Kafranbel after the ceasefire took hold.")


def test_where_someone_travels_to_or_from_is_a_place():
    assert "Oswestry" in places("After they married, the couple moved to Oswestry and "
                                "opened a bakery.")
    assert "Helmsley" in places("Each spring the retired teachers walk from Helmsley along "
                                "the moor.")


def test_a_where_clause_after_a_preposition_makes_a_place():
    assert "Bongabon" in places("Farm workers sent tissue from Bongabon, where hundreds of "
                                "chickens died last week.")
    assert "Ford" not in places("He later joined Ford, where he ran the truck division.")


def test_a_county_outranks_a_small_namesake_abroad_and_its_seat_stays_a_town():
    found = places("Heavy snow closed roads across Rutland and Lincolnshire.")
    assert {found["Rutland"].place.country_code,
            found["Lincolnshire"].place.country_code} == {"GB"}
    assert places("Thousands marched through Treviso on Saturday.")["Treviso"].place.kind \
        == "city"


def test_in_a_list_of_states_the_next_state_does_not_contain_a_name():
    found = places("Drought relief went to farmers in Nevada, Idaho, Washington, Utah and "
                   "Oregon.")
    assert found["Washington"].place.kind == "admin1"
    # a town placed in its state is still read there
    assert places("Police in Alexandria, Virginia, and Dayton, Ohio, made arrests.")[
        "Alexandria"].place.admin1 == "Virginia"


def test_a_number_label_spilling_over_from_a_figure_does_not_hide_a_county():
    from thucydides.nlp import pipeline

    nlp = pipeline()
    doc = nlp.make_doc("Organisers said 1,450 Yavapai County ranchers signed the petition.")
    for name, pipe in nlp.pipeline:
        if not name.startswith("thucydides_"):
            doc = pipe(doc)
    # the model's mistake: the figure and the county as one number
    doc.ents = [doc.char_span(16, 36, label="CARDINAL")]
    doc = nlp.get_pipe("thucydides_places")(doc)
    assert [t.text for t in doc._.toponyms] == ["Yavapai County"]


def test_a_state_written_with_state_after_its_name_is_one_name_but_not_a_us_university():
    found = places("Floods cut roads across Kebbi State, officials said.")
    assert found["Kebbi State"].place.kind == "admin1"
    assert "Iowa State" not in places("The Cyclones of Iowa State lost at home on Saturday.")
    # a compass word before the noun is no division's name ("Northern" provinces abroad)
    assert "Northern State" not in places("The inspectors visited Northern State Prison on "
                                          "Tuesday.")


def test_a_weekday_straight_after_a_name_is_not_more_of_the_name():
    found = places("Police fired tear gas at protesters in Nairobi Wednesday.")
    assert found["Nairobi"].place.country_code == "KE"


def test_a_name_before_a_hotel_or_a_plant_names_the_site():
    text = "Gunmen stormed the Grand Tigris hotel in Baghdad, killing four guards."
    assert place_of(text, "killing") == "Grand Tigris"


def test_a_landform_the_gazetteer_lacks_lies_at_its_namesake():
    found = places("Aid convoys entered the Gaza Strip on Monday, and navy ships patrolled "
                   "the Kerch Strait.")
    assert "Gaza" not in found and found["Gaza Strip"].place.country_code == "PS"
    assert found["Kerch Strait"].place.name == "Kerch"


def test_a_name_joined_by_a_lowercase_particle_is_one_name():
    found = places("Floods reached homes in Stoke-on-Trent, and fighters captured "
                   "Aix-les-Bains on Friday.")
    assert found["Stoke-on-Trent"].place.country_code == "GB"
    assert found["Aix-les-Bains"].place.country_code == "FR"
    route = places("Trucks drove the Baghdad-to-Basra road on Monday.")
    assert set(route) == {"Baghdad", "Basra"}


def test_a_capitalised_direction_belongs_to_the_name():
    found = places("Schools closed across the West Bank on Monday after the strike.")
    assert "Bank" not in found
    georgia = places("Storms knocked out power across Northeast Georgia overnight.")
    assert "Georgia" in georgia and "Northeast Georgia" not in georgia


def test_a_name_the_gazetteer_lacks_must_be_a_place_at_each_mention():
    found = geoparse("Clinics opened in the Vorlanka district last week. Vorlanka activists "
                     "said Vorlanka leaders want more doctors.")
    assert [t.start for t in found if t.text == "Vorlanka"] == [22]


def test_a_street_is_a_place_in_the_town_it_lies_in():
    found = places("A fire damaged a house on Maple Grove Road in Springfield, Illinois, on "
                   "Tuesday, police said.")
    street = found["Maple Grove Road"]
    assert "Maple Grove" not in found
    assert street.place.name == "Springfield" and street.place.admin1 == "Illinois"
    assert street.precision == 2
    found = places("Officers were called to 1200 Elm Ave. in Decatur, Illinois, late on Friday.")
    assert found["Elm Ave."].place.name == "Decatur"


def test_a_place_the_gazetteer_lacks_lies_near_the_town_a_local_story_is_about():
    found = places("Fishermen on the Quillan River reported the spill to Dayton officials on "
                   "Monday. Dayton firefighters contained it.")
    river, town = found["Quillan River"], found["Dayton"]
    assert river.place.id == town.place.id and river.precision == 2
    found = places("Fishermen on the Quillan River reported the spill on Monday. Officials "
                   "from Dayton, Boise, Tampa and Fresno met to discuss it.")
    assert found["Quillan River"].place is None  # no town the story is local to


def test_a_small_town_name_that_speaks_is_a_person():
    found = places("The food bank in Dayton, Ohio, fed 500 families on Saturday. “We were "
                   "overwhelmed,” Marion said. Marion, who founded the charity in 2001, thanked "
                   "the volunteers.")
    assert "Marion" not in found and found["Dayton"].place.admin1 == "Ohio"
    found = places("Beijing said on Monday it would answer the new tariffs, officials in "
                   "Shanghai said.")
    assert found["Beijing"].place.country_code == "CN"


def test_a_disease_named_after_a_place_is_no_place():
    found = [t for t in geoparse("A student from Marburg, Germany, was treated for Marburg virus "
                                 "last year.") if t.text == "Marburg"]
    assert len(found) == 1 and found[0].place.country_code == "DE"


def test_an_institution_named_after_a_place_is_read_as_that_place():
    found = places("Deputies from the Pike County Sheriff's Office searched the woods on Friday, "
                   "and the Greenville City Council met on Monday.")
    assert "Pike County" in found and "Pike County Sheriff's Office" not in found
    assert found["Pike County"].place is not None
    assert "Greenville" in found and "Greenville City Council" not in found
    assert found["Greenville"].place.kind == "city"


def test_a_public_body_after_a_town_does_not_hide_the_town():
    found = places("Two boats sank at the Long Beach Marina during the storm, and the "
                   "Tulsa Police Department said nobody was hurt.")
    assert found["Long Beach"].place.admin1 == "California"
    assert found["Tulsa"].place.admin1 == "Oklahoma"


def test_a_university_named_after_a_place_is_no_place():
    found = places("She taught history at Columbia University for twenty years.")
    assert "Columbia" not in found


def test_a_state_named_once_outweighs_the_first_guess_for_a_town_of_many_states():
    found = places("Atlanta firefighters battled a fire in a Decatur warehouse on Sunday, "
                   "officials in DeKalb County, Ga., said.")
    assert {found[name].place.admin1 for name in ("Atlanta", "Decatur")} == {"Georgia"}


def test_countries_named_in_passing_do_not_drown_the_state_a_story_names():
    found = places("Dutch, Swedish, Polish and Czech farmers settled the hills around Salem "
                   "long before Virginia became a state, and Danish and Norwegian merchants "
                   "followed them.")
    assert found["Salem"].place.admin1 == "Virginia"


def test_a_county_after_a_party_adjective_is_a_name_of_its_own():
    found = places("Organizers want to win over historically Republican Kendall County before "
                   "the vote.")
    assert found["Kendall County"].place.kind == "admin2"


def test_a_town_set_off_after_an_organisation_s_name_is_where_it_sits():
    found = places("Researchers at the State College of Agriculture, Jos, reported a record "
                   "harvest.")
    assert found["Jos"].place.country_code == "NG"
    found = places("The provost of the College of Education, Ilorin, Dr. Musa Adeyemi, opened "
                   "the new library.")
    assert found["Ilorin"].place.country_code == "NG"


def test_a_name_owning_a_street_is_the_town_the_street_lies_in():
    found = places("For twenty years she ran a bakery on Springdale's Birch Lane before retiring.")
    assert found["Springdale"].place.kind == "city"
    assert found["Birch Lane"].place == found["Springdale"].place


def test_a_name_set_off_by_a_distance_is_a_place():
    found = places("Shuttle service is available from Berryville, 12 miles away.")
    assert found["Berryville"].place.kind == "city"


def test_a_country_before_the_word_district_is_the_country_s_court_not_a_district():
    found = places("In an order filed in Scranton, U.S. District Judge Marta Quillen said the parties "
                   "had settled.")
    assert "U.S. District" not in found
    assert found["U.S."].place.country_code == "US"


def test_a_name_joined_by_a_possessive_is_one_name_where_the_gazetteer_knows_it():
    found = places("She grew up in Bishop's Stortford before moving away.")
    assert found["Bishop's Stortford"].place.country_code == "GB"
    assert "Bishop" not in found
    found = places("Delegates from the Lao People's Democratic Republic arrived on Monday.")
    assert found["Lao People's Democratic Republic"].place.country_code == "LA"


def test_a_country_adjective_hyphenated_before_a_noun_stands_for_its_country():
    found = places("Officials praised the Chilean-Bolivian water deal on Friday.")
    assert found["Chilean"].place.country_code == "CL"
    assert found["Bolivian"].place.country_code == "BO"
    found = places("She trained under a Kenyan-born surgeon for three years.")
    assert found["Kenyan"].place.country_code == "KE"


def test_a_town_before_a_public_body_and_an_officials_title_is_no_part_of_the_name():
    found = places("The blaze was contained within an hour, said Fairhope Fire Chief Lena Ortiz.")
    assert found["Fairhope"].place.country_code == "US"


def test_a_town_before_a_party_member_is_the_members_home():
    found = places("Sen. Lara Quint, an Emporia Democrat, voted against the budget.")
    assert found["Emporia"].place.admin1 == "Kansas"


def test_an_unknown_name_the_model_labels_only_in_part_is_not_its_place():
    found = places("The club will train at Denver Broncos' field in June.")
    assert "Denver Broncos" not in found


def test_prices_in_bare_dollars_place_a_local_story_in_the_united_states():
    found = places("The Kingston town board approved a $40,000 contract for snow removal.")
    assert found["Kingston"].place.country_code == "US"


def test_a_name_matching_only_loosely_abroad_is_no_place():
    assert "Halina" not in places("Doctors said Halina was recovering and Halina would "
                                  "return home soon.")


def test_a_name_run_stops_at_a_sentence_and_a_capitalised_article():
    found = places("Prices rose in the U.S. The report said exports fell.")
    assert set(found) == {"U.S."}


def test_the_head_of_a_longer_of_name_is_no_place():
    assert "Queens" not in places("The band Queens of the Desert played in Memphis on Friday.")
    assert places("Money went to the March of Hope and the Dover of Tomorrow fund.") == {}


def test_a_surname_the_document_gives_a_person_is_no_small_town():
    found = places("Police said Marcus Ashland, 24, ran from an officer near the park. The "
                   "officer caught up with Ashland and arrested him.")
    assert "Ashland" not in found


def test_based_and_opening_words_before_local_nouns_are_places():
    assert places("An Amarillo-based charity sent food to the shelter on Friday.")[
        "Amarillo"].place.admin1 == "Texas"
    assert "Brookfield" in places("Brookfield woman wins state spelling bee.")


def test_names_listed_together_are_read_as_places_of_one_kind():
    found = places("Health officials confirmed cases in Oregon and Washington on Friday.")
    assert found["Washington"].place.kind == "admin1"
    assert found["Washington"].place.admin1 == "Washington"


def test_a_small_town_does_not_outrank_the_state_it_is_named_after():
    found = places("Voters in Montana rejected the measure on Tuesday.")
    assert found["Montana"].place.kind == "admin1"
    assert found["Montana"].place.country_code == "US"


def test_a_group_of_countries_is_a_place_as_a_body_too():
    found = places("Farm ministers from across the EU met in Lisbon on Friday, and the "
                   "European Union said it would review the quotas.")
    assert found["EU"].place.name == found["European Union"].place.name == "European Union"
    found = places("Students from the Youth Parliament of Europe gathered in Vienna on Monday.")
    assert "Europe" not in found and found["Vienna"].place.country_code == "AT"


def test_a_short_acronym_that_matches_only_loosely_gets_no_support_from_its_list():
    found = places("Officials from FIFA, Qatar and Kenya signed the agreement on Tuesday.")
    assert "FIFA" not in found and found["Qatar"].place.country_code == "QA"


def test_a_stop_word_read_as_a_proper_noun_inside_a_name_does_not_break_it():
    found = places("Two bishops from Brindlewood flew home after a week of talks with the Holy See.")
    assert found["Holy See"].place.country_code == "VA"


def test_a_division_code_after_its_town_or_beside_its_full_name_is_the_division():
    found = places("Storms cut power in Ballarat, VIC, and flooded roads near Bunbury, WA.")
    assert found["VIC"].place.name == "Victoria" and found["VIC"].place.country_code == "AU"
    assert found["WA"].place.name == "Western Australia"
    found = places("Farmers in Nova Scotia (NS) lost crops; rain in NS continued all week.")
    assert [t.place.name for t in geoparse("Farmers in Nova Scotia (NS) lost crops; rain in "
                                           "NS continued all week.") if t.text == "NS"] == \
        ["Nova Scotia", "Nova Scotia"]


def test_a_division_code_elsewhere_is_an_acronym():
    found = places("Nurses at the VA clinic in Staunton, Virginia, said the VA had hired staff.")
    assert "VA" not in found and found["Staunton"].place.admin1 == "Virginia"


def test_an_english_word_is_no_transliteration_of_a_place_spelled_otherwise():
    found = places("A Bulletin Office clerk told a judge in Akron, Ohio, that the form was late.")
    assert "Bulletin" not in found and found["Akron"].place.admin1 == "Ohio"
    found = places("Troopers pulled over a green Monsoon on the highway near Wichita, Kansas.")
    assert "Monsoon" not in found


def test_a_name_the_text_calls_a_county_is_read_even_where_only_the_county_has_it():
    found = places("Flooding hit Pottawattamie and Mills counties on Sunday.")
    assert found["Pottawattamie"].place.name == "Pottawattamie County"
    assert found["Mills"].place.admin1 == "Iowa"


def test_an_english_word_is_no_small_town_spelled_with_accents():
    found = places("A Lucky Department clerk told a judge in Akron, Ohio, that the form was late.")
    assert "Lucky" not in found and found["Akron"].place.admin1 == "Ohio"


def test_a_region_adjective_is_read_whole_as_its_region():
    found = places("Buses carrying Central American workers reached Brindlewood late on Friday.")
    assert "American" not in found
    assert found["Central American"].place.name == "Central America"
    found = places("East African ministers met the South African envoy in Nairobi.")
    assert found["East African"].place.name == "Eastern Africa"
    assert found["South African"].place.name == "South Africa"


def test_a_city_of_millions_outweighs_a_namesake_village_in_the_documents_country():
    found = places("After games in Denver and Phoenix, the band Marrow Lane ends its tour in "
                   "Toronto and London in May.")
    assert found["Toronto"].place.country_code == "CA"


def test_a_sea_or_region_the_model_calls_a_location_outranks_a_namesake_town():
    found = places("Shares in Corvell Motors fell as tension in the Middle East lifted oil "
                   "prices, dealers in Baltimore said.")
    assert found["Middle East"].place.kind == "region"
    assert found["Middle East"].place.country_code is None
    found = places("Two trawlers out of Port Halwick sank in the Pacific, the crew's union said.")
    assert found["Pacific"].place.name == "Pacific Ocean"


def test_an_unknown_name_the_model_calls_a_location_needs_a_feature_word_or_context():
    found = places("Neighbours Way volunteers said the Wexmoor food drive ended early.")
    assert "Neighbours Way" not in found
    found = places("Kayakers paddled down the Tessin River on Sunday.")
    assert "Tessin River" in found


def test_an_english_adjective_opening_an_institution_name_is_no_town():
    found = places("The Liberal Arts Council of Brandt College met in Wichita.")
    assert "Liberal" not in found and found["Wichita"].place.admin1 == "Kansas"
    found = places("A Federal Seed Board inspector visited farms near Tulsa.")
    assert "Federal" not in found and "Tulsa" in found


def test_a_sea_opening_a_sentence_is_read_whole():
    found = places("The Gulf of Guinea turned rough overnight, a harbour pilot in Lagos said.")
    assert "Guinea" not in found and found["Gulf of Guinea"].place.kind == "region"


def test_a_short_word_in_capitals_naming_only_villages_is_an_acronym():
    found = places("The quarterback grew up in SEC country and now coaches near Dayton.")
    assert "SEC" not in found and "Dayton" in found
    found = places("KENT, Ohio (AP) — Two students were hurt in a fall on Friday.")
    assert found["KENT"].place.admin1 == "Ohio"


def test_a_country_s_dotted_initials_end_the_name_at_their_last_dot():
    found = places("A U.S. District judge in Emporia ruled against the county on Monday.")
    assert found["U.S."].place.country_code == "US" and "Emporia" in found


def test_a_name_after_an_adjective_with_a_lower_case_prefix_starts_anew():
    found = places("Herders crossed sub-Arctic Scandinavia with their reindeer, a survey found.")
    assert found["Scandinavia"].place.kind == "region"


def test_an_owner_the_gazetteer_does_not_know_is_no_place():
    found = places("Months of treatment led to Annelie's birth last year, doctors in Dayton said.")
    assert set(found) == {"Dayton"}


def test_a_large_island_is_a_region_not_a_loose_namesake():
    found = places("Fishing crews sailed north along Honshu and then toward Baffin Island.")
    assert found["Honshu"].place.kind == "region"
    assert haversine_km(found["Baffin Island"].place.lat, found["Baffin Island"].place.lon,
                        68.0, -70.0) < 100


def test_a_canal_or_a_bay_the_gazetteer_lacks_lies_at_its_namesake():
    found = places("Freighters queued for hours at the Corinth Canal on Tuesday.")
    assert found["Corinth Canal"].place.country_code == "GR"
    found = places("Sailors anchored in Tokyo Bay overnight after the storm.")
    assert found["Tokyo Bay"].place.country_code == "JP"
