"""The words and settings the geoparser reads names with: place nouns, compass points,
feature-type priors and the weights of the document's evidence (each one global setting)."""

from __future__ import annotations

from ..lexicons import load


# The kind of place a noun next to a name says it is ("the town of X"); None: no kind.
PLACE_NOUNS = {noun: None if kind == "-" else kind for noun, kind in load("place_kind_nouns")}
DIRECTIONS = {row[0] for row in load("compass_words")}
ARTICLES = {article for article, in_text in load("arabic_articles") if in_text == "yes"}
KIND_PRIOR = {"country": 7.0, "region": 5.0, "admin1": 3.0, "admin2": 2.5, "district": 2.0,
              "city": 0.0}
COUNTRY_WEIGHT = 5.0
REGION_WEIGHT = 4.0
# How little the readings' priors sway a name's regional vote (a softmax temperature):
# a town ten times bigger than its namesake gets a tenth more of the vote, a country's own
# reading most of it ("Russia", not the town of Russia in Ohio).
REGION_SPREAD = 8.0
PROXIMITY_WEIGHT = 2.5
CONTAINER_WEIGHT = 6.0
LIST_KIND_WEIGHT = 3.0
ALIAS_PENALTY = 2.0
# How much the model's LOC label lifts a region's reading (a sea, a region) over a namesake
# town that the document's country, state and neighbours pull toward ("the Middle East" in a
# story from Maryland): one global setting.
LOC_REGION_WEIGHT = 10.0
# Prior per tenfold of population: enough that a city of millions ("Toronto") outweighs the
# pull of a document's country toward a namesake village there (one global setting, chosen
# on the even-indexed documents of the toponym corpora).
POPULATION_WEIGHT = 1.2
BIG_CITY = 500000
# A town with less than this share of its division's people is no seat the division is
# named after ("Montana City" beside Montana).
SEAT_SHARE = 0.05
# A division this large is a state a name can end on ("Air Namibia", "Education Oregon").
STATE_POPULATION = 100000
# A town this large is the seat of a public body named after it ("Tucson Superior Court").
SEAT_TOWN = 5000
# A place this small is a hamlet: a name known only as one needs the text to say "place".
HAMLET = 1000
# A town this large is quoted for its council or government ("Brookfield says").
SPEAKING_TOWN = 100000
NEAR_KM = 100.0
# Roles of a noun phrase's head: a country adjective in one is a noun for a people or its
# language ("the Chinese are", "an American", "speaks French").
NOMINAL_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"}
# Kinds of place small enough that two of them a story names lie near each other: towns,
# their districts and (US) counties.
LOCAL_KINDS = {"city", "district", "admin2"}
NEVER_PLACE_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"}
# Never a place on its own when capitalised ("Senate aides", "Mill Road", "West").
GENERIC_WORDS = {row[0] for row in load("generic_place_words")}
STRONG_LOCATIVES = {row[0] for row in load("locative_prepositions")}
CONTAINERS = {row[0] for row in load("container_nouns")}
MAX_NAME_TOKENS = 4
# Verbs whose object is a place when it is a name: "liberated Karvessa", "shelled Dornik".
PLACE_TAKING_VERBS = {row[0] for row in load("place_taking_verbs")}
# Words of travel: "moved to X", "a flight from X".
MOTION_WORDS = {row[0] for row in load("motion_words")}
# "Sen. Maria Diaz, D-Bozeman": a party before a legislator's home.
PARTY_ABBREVIATIONS = {row[0] for row in load("party_abbreviations")}
# Capitalised nouns that end the name of a division ("Douglas County").
ADMIN_NOUNS = {row[0]: row[1] for row in load("division_nouns") if len(row) == 2}
# Nouns that end a division's name only outside some countries ("Kebbi State", not "Iowa
# State"): noun -> (the kind of division, those countries).
ADMIN_NOUNS_ELSEWHERE = {row[0]: (row[1], set(row[2].split(",")))
                         for row in load("division_nouns") if len(row) > 2}
# What US local news appends to a county's name ("Essex County", "Orleans Parish").
DIVISION_SUFFIXES = ("County", "Parish")
# The nouns a division's name is written with, in US local news or in federations that write
# "State" after the name ("Essex County", "Kebbi State").
SUFFIXED_DIVISIONS = set(DIVISION_SUFFIXES) | ADMIN_NOUNS_ELSEWHERE.keys()
# Nouns that a place name modifies when it stands for the place's people or institutions.
LOCAL_NOUNS = {row[0] for row in load("local_nouns")} | {row[0] for row in load("victim_nouns")}
LIST_WORDS = {",", "and", "or", "&"}
# Street word -> whether it is an abbreviation ("Ave.").
STREET_NOUNS = {row[0]: row[1] == "abbreviation" for row in load("street_nouns")}
# Currency symbols that English news style leaves unqualified only for one country's money.
CURRENCY_SYMBOLS = {"$": "US", "£": "GB", "₹": "IN"}
# "\x97" is the em dash of Windows-1252 text decoded as Latin-1.
DATELINE_DASHES = {"—", "–", "---", "--", "-", "(", "\x97"}
# Words that are never a place name on their own: kinds of place, compass points, and the
# nouns a place name modifies.
NEVER_ALONE = GENERIC_WORDS | DIRECTIONS
NOT_A_NAME = NEVER_ALONE | LOCAL_NOUNS
# Words that may stand between a place and the place it is in ("Alexandria, the city in
# northern Minnesota"): what is left tells the relation.
BETWEEN_PLACES = {"the"} | DIRECTIONS | set(PLACE_NOUNS)
