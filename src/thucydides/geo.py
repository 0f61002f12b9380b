"""Find place names in a Doc and resolve them against the gazetteer (`doc._.toponyms`).

The small spaCy model tags many transliterated places as PERSON or ORG, or not at all, so
entities are only one source of candidates: capitalised name sequences found in the
gazetteer count too when the context says "place" (a locative preposition, a place noun, a
list with other places, a name already read as a place elsewhere in the document), and so
do datelines in capitals and AP state abbreviations ("Alexandria, Minn."); a piece of a
longer name (a person's, an institution's, a country adjective's) does not, nor does a name
the document quotes someone under ("..., Marisol said") or gives a disease ("West Nile
virus") unless the text says "place" there. Streets ("Quarry Street") are places in the town
the text puts them in, else in the town the document names most (local news). Names a
particle joins ("Stoke-on-Trent") are read whole where the gazetteer knows them, and a
landform it lacks lies at the town it is named after ("Gaza Strip").
Resolution weighs feature type and population against what the other names of the document
say: their countries, the regions their readings can lie in (a name found in one state only
counts fully, one found in ten barely), nearby towns, the kind of the names listed with it
("Oregon and Washington"), the currency the text counts in ("$2 million"), and a container
named next to the name ("Alexandria, Minnesota", "Salaheddin district in eastern Aleppo"), so
that a document about Syria reads "Homs" as the Syrian city. A name the gazetteer lacks stands
at the place the text puts it in, else near the town a local story is about.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from .gazetteer import Gazetteer, name_key
from .gazetteer.points import haversine_km
from .lexicons import load
from .types import Place, Toponym

PLACE_NOUNS = {"city": "city", "town": "city", "village": "city", "capital": "city",
               "province": "admin1", "provinces": "admin1", "governorate": "admin1",
               "governorates": "admin1", "region": "admin1", "oblast": "admin1",
               "state": "admin1", "county": "admin2", "counties": "admin2", "cities": "city",
               "towns": "city", "villages": "city", "district": "district", "districts": "district",
               "neighbourhood": "district", "neighborhood": "district", "suburb": "district",
               "quarter": "district", "area": None, "camp": None}
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "northeast", "northwest", "southeast", "southwest", "northeastern",
              "northwestern", "southeastern", "southwestern", "central", "north-west",
              "north-east", "south-west", "south-east", "upper", "lower"}
ARTICLES = {"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ed", "es", "ez", "er"}
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
# A town this large is quoted for its council or government ("Gainesville says").
SPEAKING_TOWN = 100000
NEAR_KM = 100.0
# Roles of a noun phrase's head: a country adjective in one is a noun for a people or its
# language ("the Chinese are", "an American", "speaks French").
NOMINAL_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"}
# Kinds of place small enough that two of them a story names lie near each other: towns,
# their districts and (US) counties.
LOCAL_KINDS = {"city", "district", "admin2"}
NEVER_PLACE_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"}
# Words that name a kind of place or a compass point, never a place on their own when
# capitalised ("House leaders", "Dublin Road", "West").
GENERIC_WORDS = {"road", "street", "avenue", "lane", "drive", "boulevard", "highway", "route",
                 "house", "hall", "hill", "hills", "ridge", "city", "county", "parish", "town",
                 "village", "north", "south", "east", "west", "river", "lake", "park", "square",
                 "bridge", "center", "centre", "court", "tower", "station", "school", "church",
                 "gulf", "coast", "valley", "island", "islands", "mountain", "mountains", "bay",
                 "district", "province", "state", "region", "border", "metro", "capitol",
                 "senate", "congress", "assembly", "office", "airport", "port", "camp", "base",
                 "bank", "cape", "side", "wing", "university", "college", "board", "trust"}
STRONG_LOCATIVES = {"in", "at", "near", "outside", "around", "across", "towards", "toward",
                    "into", "inside", "throughout", "nearby", "on", "over", "against"}
CONTAINERS = {"city", "town", "village", "province", "provinces", "governorate", "region",
              "district", "neighbourhood", "neighborhood", "neighborhoods", "neighbourhoods",
              "outskirts", "parts", "part", "areas", "area", "north", "south", "east", "west",
              "centre", "center", "suburbs", "countryside", "state", "county", "capital",
              "island", "islands", "settlement", "settlements", "villages", "towns",
              "cities", "community", "communities", "municipality", "counties", "states",
              "districts", "regions"}
MAX_NAME_TOKENS = 4
# Verbs whose object is a place when it is a name: "liberated Karvessa", "shelled Dornik".
PLACE_TAKING_VERBS = {row[0] for row in load("place_taking_verbs")}
# "Sen. Maria Diaz, D-Bozeman": a party before a legislator's home.
PARTY_ABBREVIATIONS = {row[0] for row in load("party_abbreviations")}
# Capitalised nouns that end the name of a division ("Douglas County").
ADMIN_NOUNS = {"County": "admin2", "Parish": "admin2", "Province": "admin1",
               "Governorate": "admin1", "Region": "admin1", "Oblast": "admin1",
               "District": "district"}
# What US local news appends to a county's name ("Essex County", "Orleans Parish").
DIVISION_SUFFIXES = ("County", "Parish")
# Nouns that a place name modifies when it stands for the place's people or institutions.
LOCAL_NOUNS = {row[0] for row in load("local_nouns")} | {row[0] for row in load("victim_nouns")}
LIST_WORDS = {",", "and", "or", "&"}
# Currency symbols that English news style leaves unqualified only for one country's money.
CURRENCY_SYMBOLS = {"$": "US", "£": "GB", "₹": "IN"}
# "\x97" is the em dash of Windows-1252 text decoded as Latin-1.
DATELINE_DASHES = {"—", "–", "---", "--", "-", "(", "\x97"}

if not Doc.has_extension("toponyms"):
    Doc.set_extension("toponyms", default=None)


def _demonyms() -> dict[str, str]:
    """Country adjective -> ISO code."""
    return {row[0].lower(): row[1] for row in load("demonyms")}


def _plural_demonym(adjective: str) -> str | None:
    """The plural noun for a country's people made from its adjective ("Chileans", "Thais",
    "Kazakhs"); None where English uses the adjective itself ("the Chinese", "the Swiss",
    "the French", "the British")."""
    if adjective.endswith(("s", "sh", "ch", "ese", "x", "z")) or not adjective[-1:].isalpha():
        return None
    return adjective + "s"


def _peoples(demonyms: dict[str, str]) -> dict[str, str]:
    """Plural noun for a country's or a continent's people -> what the adjective stands for
    ("chileans" -> CL, "africans" -> Africa)."""
    return {plural: code for plural, code in
            ((_plural_demonym(adjective), code) for adjective, code in demonyms.items())
            if plural}


def _person_titles() -> set[str]:
    return {row[0] for row in load("person_titles")}


def _street_nouns() -> dict[str, bool]:
    """Street word -> whether it is an abbreviation ("Ave.")."""
    return {row[0]: row[1] == "abbreviation" for row in load("street_nouns")}


def _state_abbreviations() -> dict[str, str]:
    """AP abbreviation -> US state name ("Minn." -> "Minnesota")."""
    return {row[0]: row[1] for row in load("us_state_abbreviations")}


def _is_name_token(token: Token) -> bool:
    text = token.text
    if text in {"-", "‑"}:
        return True
    if text.lower() in ARTICLES and token.i + 1 < len(token.doc) and token.nbor(1).text == "-":
        return True
    return text[:1].isupper() and (text[1:2].islower() or text[1:2] in "’'`" or text.isupper()
                                   and len(text) <= 4 or len(text) == 1)


def _function_word(token: Token) -> bool:
    """A capitalised article, pronoun or conjunction ("The", "A", "We", "That"): headline
    capitals and sentence openings, never part of a name run; a stop word the model reads as
    a proper noun inside a name is none ("the Holy See")."""
    return token.is_stop and (len(token.text) == 1 or token.text[1:].islower()) and not (
        token.pos_ == "PROPN" and token.i > 0 and token.nbor(-1).pos_ == "PROPN" and
        not token.is_sent_start)


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Every run of up to four name tokens within a sentence, as token offsets."""
    spans = []
    for start, token in enumerate(doc):
        if not _is_name_token(token) or token.text in {"-", "‑"} or _function_word(token):
            continue
        if token.is_sent_start and token.pos_ not in {"PROPN", "X"} and not (
                start + 1 < len(doc) and (doc[start + 1].text in {"-", "‑"} or
                                          doc[start + 1].text in LOCAL_NOUNS or
                                          token.dep_ in {"compound", "nmod", "amod"} and
                                          _local_head(token).lower_ in LOCAL_NOUNS)):
            continue  # a capitalised opening word, unless it names "... police", "... woman"
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS + 2 and _is_name_token(doc[end]) \
                and (end == start or not doc[end].is_sent_start and not _function_word(doc[end])):
            end += 1
            if doc[end - 1].text not in {"-", "‑"}:
                if doc[end - 1].whitespace_ == "" and end + 1 < len(doc) and \
                        doc[end].text in {"-", "‑"} and _is_name_token(doc[end + 1]):
                    continue  # "Ras al-Ain", "Winston-Salem": not a name in pieces
                spans.append((start, end))
    return spans


def _hyphen_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a name that hyphens join without spaces ("Lima-Cusco": Lima, Cusco); an
    article's hyphen belongs to the name after it ("Tal al-Zarzur")."""
    cuts = [i for i in range(start + 1, end - 1) if doc[i].text in {"-", "‑"} and
            not doc[i - 1].whitespace_ and not doc[i].whitespace_ and
            doc[i - 1].lower_ not in ARTICLES]
    bounds = [start - 1, *cuts, end]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])] if cuts else []


def _saints_foundation(doc: Doc, start: int, end: int) -> bool:
    """Whether a saint's name in the possessive opens a longer name: the church, school,
    hospital or feast named after the saint ("St. Agnes's Primary School", "St. Brendan's
    Clinic", "St. Andrew's Day"), not a town called after one."""
    return doc[start].text in {"St.", "St", "Saint"} and end + 1 < len(doc) and \
        doc[end].lower_ in {"'s", "’s"} and doc[end + 1].text[:1].isupper()


def _numbered(doc: Doc, end: int) -> bool:
    """Whether a number follows a name, as it does the name of a road, a lot, a school
    district or a section ("Loop 12", "Lot No. 9", "District 4")."""
    if end >= len(doc):
        return False
    word = doc[end].text
    if word in {"No", "No."}:
        after = end + 1 + (word == "No" and end + 1 < len(doc) and doc[end + 1].text == ".")
        word = doc[after].text if after < len(doc) else ""
    return word[:1].isdigit()


def _common_noun_start(doc: Doc, start: int) -> bool:
    """ "bay colt": a span the model labels a place but that opens in lower case,
    other than with an Arabic article ("al-Bab"), is a common noun."""
    first = doc[start]
    return first.text[:1].islower() and first.lower_ not in ARTICLES


def _joining_particle(token: Token) -> bool:
    """The lowercase "on" of "Stoke-on-Trent", "les" of "Aix-les-Bains": a word between
    hyphens inside a name."""
    doc = token.doc
    return token.text.islower() and 0 < token.i < len(doc) - 1 and not token.whitespace_ and \
        doc[token.i - 1].text in {"-", "‑"} and not doc[token.i - 1].whitespace_ and \
        doc[token.i + 1].text in {"-", "‑"}


def _particle_spans(doc: Doc) -> list[tuple[int, int]]:
    """Names whose capitalised pieces a lowercase particle joins with hyphens
    ("Stoke-on-Trent", "Aix-les-Bains", "Southend-on-Sea"), where name runs break."""
    spans, start = [], 0
    while start < len(doc):
        end = start + 1
        while end < len(doc) and not doc[end - 1].whitespace_ and \
                (doc[end].text in {"-", "‑"}) != (doc[end - 1].text in {"-", "‑"}):
            end += 1
        words = [t for t in doc[start:end] if t.text not in {"-", "‑"}]
        if len(words) >= 3 and doc[end - 1].text not in {"-", "‑"} and \
                _is_name_token(words[0]) and _is_name_token(words[-1]) and \
                any(_joining_particle(w) for w in words[1:-1]):
            spans.append((start, end))
        start = end
    return spans


def _spaced_particle_spans(doc: Doc, particles: set[str]) -> list[tuple[int, int]]:
    """Capitalised words joined by a lowercase particle with spaces ("Rio de Janeiro",
    "San Jose del Monte", "Newcastle upon Tyne"), up to two words on each side."""
    spans = []
    for token in doc[1:-1]:
        if token.text not in particles or not _is_name_token(doc[token.i + 1]):
            continue
        for before in (1, 2):
            for after in (1, 2):
                start, end = token.i - before, token.i + 1 + after
                if start >= 0 and end <= len(doc) and all(
                        _is_name_token(t) and t.text not in {"-", "‑"}
                        for t in (*doc[start:token.i], *doc[token.i + 1:end])):
                    spans.append((start, end))
    return spans


def _dateline_spans(doc: Doc) -> dict[tuple[int, int], bool]:
    """The capitalised place of a dateline ("MANSFIELD — The council...", "RALEIGH, N.C.
    (AP) -", "ST. CHARLES --", "AMMAN: ..."), which the name finder skips as it skips other
    all-caps words; a wire's bracketed credit marks one wherever the line starts ("By Jo
    Smith, Associated Press DENVER (AP) —"). Each with whether it is surely one, a place
    even where the gazetteer lacks it: one that opens the text or a line before a dash or a
    credit (not "UPDATE:", nor "FEMA — and so").

    """
    spans = {}
    start = 0
    while start < len(doc):
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS and (
                _dateline_word(doc[end]) or end > start and _abbreviation_dot(doc, end)):
            end += 1
        if end == start or doc[end - 1].text == ".":
            start += 1
            continue
        before = doc[start - 1] if start else None
        after = [t.text for t in doc[end:end + 6]]
        opens = before is None or before.is_space or before.is_punct or before.like_num
        dash = next((i for i, text in enumerate(after) if text in DATELINE_DASHES), None)
        if dash == 0 and not doc[end - 1].whitespace_ and after[0] == "-":
            dash = None  # "CRE-type", "DFL-Bemidji": a hyphen, not a dash
        dashed = dash is not None and (dash == 0 or after[0] == ",")
        colon = after[:1] == [":"] and len(doc[start:end].text) > 3  # not "UN:", "Q&A:"
        if opens and (dashed or colon) or _wire_credit(after):
            line_start = before is None or "\n" in before.text
            spans[(start, end)] = _wire_credit(after) or dashed and line_start
        start = end
    return spans


def _dateline_word(token: Token) -> bool:
    """A word of a place in capitals: "AMMAN", "ST"."""
    return token.text.isupper() and token.text.isalpha() and len(token.text) > 1


def _abbreviation_dot(doc: Doc, i: int) -> bool:
    """The dot of a two-letter abbreviation in capitals inside a name ("ST. CHARLES", "FT.
    WORTH"), not a sentence's end ("Chapter III. LEEDS")."""
    return doc[i].text == "." and len(doc[i - 1].text) == 2 and not doc[i - 1].whitespace_ \
        and i + 1 < len(doc) and _dateline_word(doc[i + 1])


def _wire_credit(after: list[str]) -> bool:
    """ "(AP) —", "(Reuters) -": an agency's name in brackets and a dash after a place."""
    return len(after) >= 4 and after[0] == "(" and after[2] == ")" and \
        after[1][:1].isupper() and after[3] in DATELINE_DASHES


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """An entity without its determiner, house number, place noun and a direction in lower
    case: "the Homs city" -> "Homs", "northern Aleppo" -> "Aleppo", "4410 Canton Road" ->
    "Dublin Road"; a capitalised direction may be part of the name ("West Bank", "Eastern
    Ghouta") and is left to the gazetteer to decide."""
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or
                           doc[start].text in DIRECTIONS or doc[start].text.isdigit()):
        start += 1
    while end > start and (doc[end - 1].text in PLACE_NOUNS or
                           doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return (start, end) if end > start else None


def _name(doc: Doc, start: int, end: int) -> str:
    if end <= start:
        return ""
    text = "".join(doc[i].text_with_ws for i in range(start, end - 1)) + doc[end - 1].text
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _kind_hint(doc: Doc, start: int, end: int) -> str | None:
    if doc[end - 1].text in ADMIN_NOUNS:
        return ADMIN_NOUNS[doc[end - 1].text]
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS:
        return PLACE_NOUNS[doc[end].lower_]
    # "the provinces of Idlib and Homs", "the city of Homs"
    head = doc[start].head
    for _ in range(3):
        if head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
            return PLACE_NOUNS[head.head.lower_]
        if head.head.i == head.i:
            break
        head = head.head
    # "Idlib and Homs Provinces": the plural noun after the last conjunct
    for right in doc[end:end + 16]:
        if right.lower_ in {"provinces", "governorates", "cities", "districts", "counties"}:
            return PLACE_NOUNS[right.lower_]
        if right.lower_ not in {"and", ","} and not _is_name_token(right):
            break
    return None


def _called_counties(doc: Doc, start: int, end: int) -> bool:
    """ "Essex and Morris counties": a name the plural after its list calls a county (not
    "Ohio counties", nor one already ending in "County")."""
    return _kind_hint(doc, start, end) == "admin2" and doc[end - 1].text not in ADMIN_NOUNS \
        and not _state_before_plural(doc, start, end)


def _state_before_plural(doc: Doc, start: int, end: int) -> bool:
    """ "Ohio counties", "five Kansas counties": a single name, not the last of a list,
    right before the plural names the state whose counties the text means."""
    return end < len(doc) and doc[end].lower_ == "counties" and not (
        start > 0 and doc[start - 1].lower_ in LIST_WORDS)


def _qualifier(doc: Doc, start: int) -> str | None:
    if start > 0 and doc[start - 1].lower_ in DIRECTIONS:
        return doc[start - 1].lower_
    return None


def _place_object(doc: Doc, start: int, end: int) -> bool:
    root = doc[start:end].root
    return root.dep_ == "dobj" and root.head.lemma_ in PLACE_TAKING_VERBS


def _strong_place_context(doc: Doc, start: int, end: int) -> bool:
    """Context that makes even a name the model took for a person or an organisation a place:
    "in X", "north of X", "the outskirts of X", "X town", "the capital, X", "captured X"."""
    before = [t for t in doc[max(0, start - 3):start] if t.lower_ != "the"]
    if before and (before[-1].lower_ in STRONG_LOCATIVES - {"on", "over", "against"} or
                   before[-1].lower_ == "of" and len(before) >= 2 and
                   before[-2].lower_ in DIRECTIONS | CONTAINERS):
        return True
    if _after_party(doc, start):
        return True
    root = doc[start:end].root
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS or \
            root.dep_ == "appos" and root.head.lower_ in PLACE_NOUNS:
        return True
    # "a Dover-based company": where something is based
    if end + 1 < len(doc) and doc[end].text in {"-", "‑"} and doc[end + 1].lower_ == "based":
        return True
    # "Roselle police", "the Athens Police Department", "an Alexandria woman"
    if root.dep_ in {"compound", "nmod", "amod"} and _local_head(root).lower_ in LOCAL_NOUNS:
        return True
    # "Nadia Moayyad of Southlake": a person's home town
    if before and before[-1].lower_ == "of" and before[-1].head.ent_type_ == "PERSON":
        return True
    # "Fairfax, Virginia": a town placed in its state or country
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "GPE" and \
            _is_name_token(doc[end + 1]):
        return True
    return _place_object(doc, start, end)


def _after_party(doc: Doc, start: int) -> bool:
    """ "Sen. Maria Diaz, D-Bozeman", "(R-Hutchinson)": a legislator's home after the
    party."""
    return start >= 3 and doc[start - 1].text in {"-", "‑"} and \
        doc[start - 2].text in PARTY_ABBREVIATIONS and not doc[start - 2].whitespace_ and \
        not doc[start - 1].whitespace_ and doc[start - 3].text in {",", "("}


def _local_head(token: Token) -> Token:
    """The noun a modifier qualifies, through a chain of other modifiers ("a Tulsa bus
    driver", "the Nashua police chief")."""
    head = token.head
    while head.dep_ in {"compound", "nmod", "amod"} and head.head.i > head.i and \
            head.lower_ not in LOCAL_NOUNS:
        head = head.head
    return head


def _has_place_context(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "the" and start > 1:
        before = doc[start - 2]
    if before is not None and before.lower_ in DIRECTIONS and start > 1:
        before = doc[start - 2]
    if before is not None and before.lower_ in STRONG_LOCATIVES | {"from", "to", "via", "between"}:
        return True
    if before is not None and before.lower_ == "of" and before.head.lower_ in CONTAINERS:
        return True
    if _strong_place_context(doc, start, end):
        return True
    # "al-Wa'er, the last rebel-held district of Homs"
    if any(child.dep_ == "appos" and child.lower_ in PLACE_NOUNS
           for child in doc[start:end].root.children):
        return True
    return _kind_hint(doc, start, end) is not None


def _names_a_district(doc: Doc, start: int, end: int) -> bool:
    """ "the Karvessa area", "Dornik town", "the village of Salmiya Gharbi": the text says what
    kind of place the name is."""
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].text.islower():
        return True
    return start > 0 and doc[start - 1].lower_ in {"of", ",", "and"} and \
        _kind_hint(doc, start, end) is not None


def _inside_named_place(doc: Doc, start: int, end: int) -> bool:
    """ "al-Wa'er in Homs", "Salaheddin district": a name the gazetteer may not know, placed
    by the text inside another place or named as a district."""
    if any(t.pos_ != "PROPN" for t in doc[start:end] if t.text not in {"-", "‑"}) or \
            end - start == 1 and doc[start].is_sent_start:
        return False
    if _names_a_district(doc, start, end):
        return True
    rest = [t for t in doc[end:end + 4] if t.lower_ not in {"the"} | DIRECTIONS |
            set(PLACE_NOUNS)]
    return len(rest) >= 2 and rest[0].lower_ == "in" and _is_name_token(rest[1]) and \
        rest[1].ent_type_ in {"GPE", "LOC", "NORP", ""}


def _surnames(doc: Doc) -> set[str]:
    """Last names of the people the document names in full ("Brett Hartmann")."""
    return {name_key(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
            and not any(t.lower_ in ARTICLES for t in e)}


def _disease_names(doc: Doc, disease_nouns: set[str]) -> set[str]:
    """Names the document gives a disease ("West Nile virus", "Marburg hemorrhagic fever"),
    with their tails ("Nile"): the disease's name wherever the text does not make it the
    place."""
    names = set()
    for token in doc:
        if token.lower_ in disease_nouns or token.lower_.endswith("virus"):
            start = token.i
            while start > 0 and token.i - start < MAX_NAME_TOKENS and \
                    _is_name_token(doc[start - 1]) and not doc[start - 1].is_sent_start:
                start -= 1
            names.update(name_key(doc[i:token.i].text) for i in range(start, token.i))
    return names


def _speakers(doc: Doc, speech_verbs: set[str]) -> set[str]:
    """One-word names that say something ("..., Marisol said"): people, unless a large
    place speaks for its government ("Tbilisi says"); the caller weighs that."""
    return {name_key(t.text) for t in doc if t.dep_ == "nsubj" and t.head.lemma_ in speech_verbs
            and t.pos_ == "PROPN" and _is_name_token(t) and not any(
                child.dep_ == "compound" for child in t.children)}


def _part_of_person(doc: Doc, start: int, end: int) -> bool:
    """ "Sheldon Peck", "Charlotte Graham": a place name inside a longer person's name (a
    possessive the model took into the name is none: "Peru's cabinet")."""
    return any(doc[i].ent_type_ == "PERSON" for i in range(start, end)) and (
        start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].ent_iob_ != "B"
        or doc[start].ent_iob_ == "I" or
        end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON" and
        doc[end].lower_ not in {"'s", "’s"})


def _ends_entity(doc: Doc, start: int) -> bool:
    """ "the Youth Parliament of Europe", "the Chamber of the Americas": a name that ends a
    longer named entity, which began before it (other than with an article)."""
    return doc[start].ent_iob_ == "I" and not (
        start > 0 and doc[start - 1].ent_iob_ == "B" and doc[start - 1].lower_ == "the")


def _code_word(token: Token) -> bool:
    """A word of two or three capitals that can be a division's code ("NSW", "BC"), not a
    function word in capitals ("IN", "OR")."""
    text = token.text
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper() and not token.is_stop


def _namesakes(places: list[Place], noun: str) -> list[Place]:
    """The readings of the place that a division or a landform the gazetteer lacks is named
    after: "Douglas County", "Idlib Governorate" are the division or else its seat; "Gaza
    Strip", "Kerch Strait" lie at their namesake, whatever its kind."""
    if noun in ADMIN_NOUNS:
        return [p for p in places if p.kind not in {"country", "region"}]
    return places


def _opens_longer_name(doc: Doc, end: int, public_bodies: set[str]) -> bool:
    """ "Hartley Center", "Mayor Ann Doyle": a name followed by more of a proper name, other
    than a word for the place's people or institutions ("Dunmore Police", "Long Beach
    Marina") or a day, which news style puts straight after the place ("marched in Lyon
    Monday")."""
    return end < len(doc) and _is_name_token(doc[end]) and _continues_name(doc, end) and \
        doc[end].lower_ not in LOCAL_NOUNS | public_bodies and \
        doc[end].ent_type_ not in {"DATE", "TIME"}


def _place_despite_surname(doc: Doc, start: int, end: int, places: list[Place],
                           label: str | None) -> bool:
    """Whether a name the document also gives a person ("Judge Ann Farley ... Farley said")
    is a place here: the model reads it as one and it is a large place that the context
    can hold ("to Egypt", "Dublin police"; not "Stamford's lawyer", "Stamford declined"),
    or the text says "place" ("in Farley")."""
    if label not in {"GPE", "LOC"}:
        return False
    return any(p.kind != "city" or p.population >= SPEAKING_TOWN for p in places) and \
        _has_place_context(doc, start, end) or _strong_place_context(doc, start, end)


def _acronym_of_villages(name: str, places: list[Place]) -> bool:
    """Whether a short word in capitals outside a dateline is at most the name of small
    towns or of no place at all: an acronym then ("the WTA board"), as a country, a state
    or a large city written so ("UK", "NY", "NYC") is not."""
    return 2 <= len(name) <= 5 and name.isupper() and name.isalpha() and all(
        p.kind == "city" and p.population < SPEAKING_TOWN for p in places)


def _heads_of_name(doc: Doc, end: int) -> bool:
    """ "the March of Hope", "Queens of the Desert", "the Friends of Dover": a name
    followed by "of" and another name is the head of a longer name, not a place."""
    rest = [t for t in doc[end:end + 3] if t.lower_ != "the"]
    return len(rest) >= 2 and rest[0].text == "of" and _is_name_token(rest[1]) and \
        rest[1].text not in {"-", "‑"}


def _name_end(doc: Doc, start: int, end: int) -> int:
    """Where the capitalised run from `start` stops, within `end`: an entity can go on past
    it ("Grace Chapel in Lancaster")."""
    return next((i for i in range(start, end) if not _is_name_token(doc[i])), end)


def _continues_name(doc: Doc, start: int) -> bool:
    """ "Bayou Vista", "Dunmore Police": the tail of a longer capitalised name that was
    not read as a place as a whole; a word opening a sentence is capitalised anyway."""
    if start == 0:
        return False
    before = doc[start - 1]
    if len(doc[start].text) > 3 and doc[start].text.isupper() and not before.text.isupper():
        return False  # "Associated Press DENVER (AP)": a word in capitals starts anew
    return bool(before.whitespace_) and _is_name_token(before) and \
        before.text not in {"-", "‑"} and not before.is_sent_start and \
        before.lower_ not in DIRECTIONS | {"the", "a", "an"}


def _score(place: Place, hint: str | None) -> float:
    """Prior of one reading before the document has its say: feature type and population."""
    score = KIND_PRIOR.get(place.kind, 0.0) + \
        math.log10(place.population + 10) * POPULATION_WEIGHT
    if hint and (place.kind == hint or hint == "district" and place.kind == "city"):
        score += 6.0
    elif hint in {"admin1", "admin2"} and place.kind == "city":
        score -= 3.0
    return score


def _contains(outer: Place, inner: Place) -> bool:
    """Whether `inner` lies in `outer` as far as the gazetteer can tell."""
    if outer.kind in {"country"}:
        return inner.country_code == outer.country_code
    if outer.kind == "admin1":
        return inner.country_code == outer.country_code and inner.admin1 == outer.admin1
    if outer.kind == "region":
        return False
    return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= NEAR_KM


class _Context:
    """What the rest of the document says about where it is: the countries of the other
    names' readings, the regions their candidates can lie in, and their towns (for
    proximity). A name never votes for itself. Counted once per round, so that scoring a
    reading costs little."""

    def __init__(self, picks: list[tuple[str, Place | None]],
                 regions: dict[str, dict[tuple[str | None, str], float]],
                 money_country: str | None = None):
        self.picks = [(key, p) for key, p in picks if p is not None]
        self.countries = Counter(p.country_code for _, p in self.picks)
        # The currency the text counts in votes like one more name ("$2 million": the US).
        self.money_votes = int(money_country is not None)
        self.countries.update([money_country] * self.money_votes)
        self.own_countries = Counter((k, p.country_code) for k, p in self.picks)
        self.own_count = Counter(k for k, _ in self.picks)
        self.region_names = regions
        self.regions: Counter = Counter()
        for shares in regions.values():
            self.regions.update(shares)
        self.towns = [(k, p) for k, p in self.picks if p.kind in LOCAL_KINDS]

    def bonus(self, key: str, place: Place) -> float:
        others = len(self.picks) + self.money_votes - self.own_count[key]
        if not others:
            return 0.0
        same_country = self.countries[place.country_code] - \
            self.own_countries[(key, place.country_code)]
        score = COUNTRY_WEIGHT * same_country / others
        if place.admin1:
            region = (place.country_code, place.admin1)
            same_region = self.regions[region] - self.region_names.get(key, {}).get(region, 0.0)
            score += REGION_WEIGHT * _support(same_region, max(1, len(self.region_names) - 1))
        if place.kind in LOCAL_KINDS:
            nearby = sum(k != key and abs(p.lat - place.lat) < 1.0 and
                         haversine_km(p.lat, p.lon, place.lat, place.lon) <= NEAR_KM
                         for k, p in self.towns)
            score += PROXIMITY_WEIGHT * _support(nearby, others)
        return score


def _money_country(doc: Doc) -> str | None:
    """The country whose currency the text counts in, by the bare symbol news style gives
    it ("$4.2 million" is US dollars; other dollars are written "C$", "A$"), if any."""
    for token in doc:
        if token.text in CURRENCY_SYMBOLS and token.i + 1 < len(doc) and \
                doc[token.i + 1].like_num and (token.i == 0 or doc[token.i - 1].whitespace_):
            return CURRENCY_SYMBOLS[token.text]
    return None


def _region_shares(keys: list[str], candidates: list[list[Place]],
                   priors: list[dict[int, float]]
                   ) -> dict[str, dict[tuple[str | None, str], float]]:
    """Per distinct name, the regions its readings lie in, each with the share of one vote
    that the reading's prior gives it (a softmax over all its readings, see REGION_SPREAD):
    a name with a single reading ("Ga.", "Cobb County") places the document firmly, a name
    found in ten states ("Decatur") barely, whichever reading was picked first, and a
    country's name ("Russia") little in the region of its namesake town."""
    shares: dict[str, dict[tuple[str | None, str], float]] = {}
    for key, places, prior in zip(keys, candidates, priors):
        if key in shares or not places:
            continue
        top = max(prior[id(p)] for p in places)
        weights = [(p, math.exp((prior[id(p)] - top) / REGION_SPREAD)) for p in places]
        total = sum(w for _, w in weights)
        found: dict[tuple[str | None, str], float] = {}
        for place, weight in weights:
            if place.admin1 and place.kind != "country":
                region = (place.country_code, place.admin1)
                found[region] = found.get(region, 0.0) + weight / total
        shares[key] = found
    return shares


def _support(mentions: float, others: int) -> float:
    """How far other mentions back a reading: fully once a third of them do, so that a town
    the document keeps naming outweighs one named in passing."""
    return min(1.0, 3 * mentions / others)


@Language.factory("thucydides_places", default_config={"gazetteer_path": None})
def make_places(nlp: Language, name: str, gazetteer_path: str | None):
    return PlaceFinder(Gazetteer(gazetteer_path) if gazetteer_path else None,
                       _english_words(nlp), _english_words(nlp, ("adj", "adv")))


def _english_words(nlp: Language, parts: tuple[str, ...] = ("noun", "verb", "adj", "adv")
                   ) -> frozenset[str]:
    """The English words the model's lemmatizer knows as these parts of speech (its WordNet
    index); none where the model has no such table. WordNet lists towns among its nouns
    ("greenville"), never among its adjectives."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) \
        if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for part in parts for word in index.get(part, []))


class PlaceFinder:
    """spaCy component: sets `doc._.toponyms`, a list of Toponym sorted by offset."""

    def __init__(self, gazetteer: Gazetteer | None, english_words: frozenset[str] = frozenset(),
                 english_modifiers: frozenset[str] = frozenset()):
        self._gazetteer = gazetteer
        self.english_words = english_words
        self.english_modifiers = english_modifiers  # adjectives and adverbs
        self.demonyms = _demonyms()
        self.peoples = _peoples(self.demonyms)
        continents = {row[0].lower(): row[1] for row in load("continent_adjectives")}
        continent_peoples = _peoples(continents)
        self.continents = continents | continent_peoples
        self.plural_peoples = self.peoples.keys() | continent_peoples.keys()
        self.nationality_words = self.demonyms.keys() | self.peoples.keys() | \
            self.continents.keys()
        self.state_abbreviations = _state_abbreviations()
        self.person_titles = _person_titles()
        self.street_nouns = _street_nouns()
        self.speech_verbs = {row[0] for row in load("speech_verbs") if " " not in row[0]}
        self.disease_nouns = {row[0] for row in load("disease_nouns")}
        self.institution_nouns = {row[0] for row in load("institution_nouns")}
        self.public_bodies = {row[0] for row in load("institution_nouns") if row[1] == "public"}
        self.landform_nouns = {row[0] for row in load("landform_nouns")}
        self.feature_words = {row[0] for row in load("feature_words")}
        self.name_particles = {row[0] for row in load("name_particles")}
        self.state_forms = {row[0] for row in load("state_forms")}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.toponyms = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Toponym]:
        spans = _candidate_spans(doc)
        entity_spans = {}
        for entity in doc.ents:
            if entity.label_ in {"GPE", "LOC", "FAC"}:
                span = _trim(doc, entity.start, entity.end)
                if span:
                    entity_spans[span] = entity.label_
                    spans.append(span)
        datelines = _dateline_spans(doc)
        for span in datelines:
            entity_spans[span] = "GPE"
            spans.append(span)
        spans += self._joined_names(doc)
        pieces = {span: _hyphen_pieces(doc, *span) for span in spans}
        spans = sorted(set(spans), key=lambda se: (-(se[1] - se[0]), se[0]))
        names = {_name(doc, s, e) for s, e in spans} - {""}
        names |= {_name(doc, a, b) for parts in pieces.values() for a, b in parts}
        stems = {_name(doc, s, e): (_name(doc, s, e - 1), doc[e - 1].text) for s, e in spans
                 if e - s > 1 and doc[e - 1].text in ADMIN_NOUNS.keys() | self.landform_nouns}
        states = {n: self.state_abbreviations[n] for n in names if n in self.state_abbreviations}
        found = self.gazetteer.lookup(names | {stem for stem, _ in stems.values()} |
                                      set(states.values()))
        for name, (stem, noun) in stems.items():
            namesakes = _namesakes(found[stem][0], noun)
            if not (found[name][0] and found[name][1]) and namesakes:  # a loose match is no name
                found[name] = (namesakes, found[stem][1])
        for abbreviation, state in states.items():
            found[abbreviation] = ([p for p in found[state][0] if p.kind == "admin1" and
                                    p.country_code == "US"], True)
        codes = self._subdivision_codes(doc, spans, found)
        for (start, end), divisions in codes.items():
            known_here = found[doc[start].text][0] if found[doc[start].text][1] else []
            found[doc[start].text] = (list({p.id: p for p in divisions + known_here
                                            if p.kind == "admin1"}.values()), True)
        # Elsewhere a code read as a division once is an acronym ("the VA hospital")
        spans = [span for span in spans if span in codes or not (
            span[1] - span[0] == 1 and _code_word(doc[span[0]]) and
            any(doc[start].text == doc[span[0]].text for start, _ in codes))]
        for name, country in self._official_names(doc, spans, found).items():
            found[name] = ([country], True)
        self._word_readings(found)
        found.update((name, (counties, True))
                     for name, counties in self._listed_counties(doc, spans, found).items())
        # "Lima-Cusco", "Fenton-Linden": names joined by hyphens are read in pieces
        spans += sorted({part for span, parts in pieces.items()
                         if self._joins_known_names(doc, *span, found) for part in parts},
                        key=lambda se: (-(se[1] - se[0]), se[0]))
        demonyms = self._demonym_spans(doc)
        # Name -> whether it is no place even where the model labels it one: surnames yield
        # to the model's place labels, names of speakers and diseases do not.
        people = dict.fromkeys(_surnames(doc), False) | dict.fromkeys(
            self._small_speakers(doc, found) | _disease_names(doc, self.disease_nouns), True)
        # A dateline that surely is one is a place even where the gazetteer lacks it.
        unknown: dict[tuple[int, int], bool] = {span: True for span, sure in datelines.items()
                                                if sure}
        chosen = self._select(doc, spans, entity_spans, found, set(), unknown, demonyms, people,
                              datelines)
        known = self._known_names(doc, chosen, entity_spans, found, people)
        chosen = self._select(doc, spans, entity_spans, found, known, unknown, demonyms, people,
                              datelines, chosen)
        chosen += self._demonym_toponyms(doc, demonyms,
                                         {i for s, e, _, _ in chosen for i in range(s, e)},
                                         people)
        chosen.sort(key=lambda item: item[0])
        return self._resolve(doc, self._counties_by_plural(doc, chosen))

    def _subdivision_codes(self, doc: Doc, spans: list[tuple[int, int]], found: dict
                           ) -> dict[tuple[int, int], list[Place]]:
        """Mentions of a division's code in capitals ("QLD", "BC", "NY") that stand for the
        division -> its readings: the division of the town the code follows ("Perth, WA"), or
        one the document names in full where the text glosses the name with it ("British
        Columbia (BC)"), lists it with another division ("QLD and Victoria") or says "place"
        of the code itself ("floods in QLD", not "at the VA hospital"). Elsewhere such a code
        is too often an acronym ("CO alarms"); a name known as written ("US", "UK") is no
        code."""
        mentions = [(start, end) for start, end in spans if end - start == 1 and
                    _code_word(doc[start]) and not self._known_as_written(doc[start].text, found)]
        readings = self.gazetteer.codes(doc[start].text for start, _ in mentions)
        named = {p.id for places, exact in found.values() if exact for p in places}
        codes = {}
        for start, end in mentions:
            divisions = readings[doc[start].text]
            towns = [p for s, e in spans if e == start - 1 and doc[e].text == ","
                     for p in self._exact(found, _name(doc, s, e))]
            listed = [p for s, e in spans if s == end + 1 and doc[end].lower_ in LIST_WORDS
                      for p in self._exact(found, _name(doc, s, e))]
            here = [p for p in divisions if any(
                t.country_code == p.country_code and t.admin1 == p.name for t in towns)] or \
                [p for p in divisions if p.id in named and (
                    doc[start - 1].text == "(" or
                    any(t.kind == "admin1" and t.country_code == p.country_code
                        for t in listed) or
                    doc[start].dep_ not in {"compound", "amod", "nmod"} and
                    _has_place_context(doc, start, end))]
            if here:
                codes[(start, end)] = here
        return codes

    def _known_as_written(self, name: str, found: dict) -> bool:
        """Whether the gazetteer knows a word in capitals as such: the short forms of
        countries and unions ("US", "UAE", "EU") are its only names in capitals."""
        return any(p.kind in {"country", "region"} for p in self._exact(found, name))

    @staticmethod
    def _exact(found: dict, name: str) -> list[Place]:
        places, exact = found.get(name, ([], False))
        return places if exact else []

    def _official_names(self, doc: Doc, spans: list[tuple[int, int]], found: dict
                        ) -> dict[str, Place]:
        """A state's long name the gazetteer lacks -> its country: the country named after
        "of" or by its adjective around the word for the state's form ("the Republic of
        Moldova", "the Kingdom of Tonga", "the Russian Federation")."""
        names = {}
        for start, end in spans:
            forms = [i for i in range(start, end) if doc[i].text in self.state_forms]
            name = _name(doc, start, end)
            if not forms or found.get(name, ([], False))[1] and found[name][0]:
                continue
            if end - forms[-1] > 2 and doc[forms[-1] + 1].lower_ == "of":
                places, exact = found.get(_name(doc, forms[-1] + 2, end), ([], False))
                country = next((p for p in places if exact and p.kind == "country"), None)
            else:
                adjective = _name(doc, start, forms[0]).lower()
                code = self.demonyms.get(adjective)
                country = self.gazetteer.country(code) if code and forms[-1] == end - 1 else None
            if country is not None:
                names[name] = country
        return names

    def _joined_names(self, doc: Doc) -> list[tuple[int, int]]:
        """Names joined by particles, with hyphens (`_particle_spans`) or spaces ("San Jose
        del Monte"), that the gazetteer knows as such;
        others are read in pieces ("the Baghdad-to-Basra road")."""
        spans = _particle_spans(doc) + _spaced_particle_spans(doc, self.name_particles)
        names = {span: _name(doc, *span) for span in spans}
        found = self.gazetteer.lookup(names.values())
        return [span for span, name in names.items() if found[name][0] and found[name][1]]

    def _counties_by_plural(self, doc: Doc, chosen: list) -> list:
        """ "Essex and Morris counties": names the text calls counties read as the counties
        of those names, where the gazetteer has them. One name alone before the plural is
        the state the counties lie in ("the 88 Ohio counties")."""
        listed = {i: _name(doc, s, e) for i, (s, e, _, _) in enumerate(chosen)
                  if _called_counties(doc, s, e)}
        counties = self._counties_named(listed.values())
        out = list(chosen)
        for i, name in listed.items():
            if counties[name]:
                out[i] = (chosen[i][0], chosen[i][1], counties[name], True)
        return out

    def _counties_named(self, names: Iterable[str]) -> dict[str, list[Place]]:
        """The counties (or parishes) of each name ("Essex" -> Essex County, three states)."""
        wanted = {name: [f"{name} {noun}" for noun in DIVISION_SUFFIXES] for name in names}
        found = self.gazetteer.lookup([full for fulls in wanted.values() for full in fulls])
        return {name: [p for full in fulls for p in found[full][0]
                       if found[full][1] and p.kind == "admin2"]
                for name, fulls in wanted.items()}

    def _word_readings(self, found: dict) -> None:
        """ "Lucky": an English word with a capital (opening a sentence or a
        longer name) is unknown where the gazetteer knows it only as small towns whose own
        names fold to it from another spelling (Lúčky)."""
        for name, (places, exact) in list(found.items()):
            if exact and places and " " not in name and not name.isupper() and \
                    name.lower() in self.english_words and all(
                        p.kind == "city" and p.name != name and
                        name_key(p.name) == name_key(name) and p.population < SPEAKING_TOWN
                        for p in places):
                found[name] = ([], True)

    def _listed_counties(self, doc: Doc, spans: list[tuple[int, int]], found: dict
                         ) -> dict[str, list[Place]]:
        """Names the text calls counties ("Pottawattamie and Mills counties") that the
        gazetteer knows only as counties -> those counties, so that the name is read at all."""
        names = {_name(doc, s, e) for s, e in spans if _called_counties(doc, s, e) and
                 not (found.get(_name(doc, s, e), ([], False))[1] and
                      found[_name(doc, s, e)][0])}
        return {name: counties for name, counties in self._counties_named(names).items()
                if counties}

    def _known_names(self, doc: Doc, chosen: list, entity_spans: dict, found: dict,
                     people: dict[str, bool]) -> set[str]:
        """One sense per discourse: a name the gazetteer knows exactly, read as a place once,
        is a place everywhere; so is a big city of the document's country that the model took
        for a person ("aircraft struck Homs"), unless the document names someone so ("Mike
        Henderson"). A name the gazetteer lacks or only matches loosely must show it is a place
        at each mention: read once as a place, it is too often a people, a disease or a title
        elsewhere ("the Hmong community", "Ebola")."""
        known = set()
        for start, end, places, exact in chosen:
            label = entity_spans.get((start, end)) or self._entity_label(doc, start, end)
            if places and exact and (label in {"GPE", "LOC"} or
                                     _has_place_context(doc, start, end)):
                known.add(name_key(_name(doc, start, end)))
        countries = _main_countries([max(places, key=lambda p: p.population)
                                     for _, _, places, exact in chosen if places and exact])
        known |= {name_key(name) for name, (places, exact) in found.items()
                  if exact and any(p.kind == "city" and p.population >= BIG_CITY and
                                   p.country_code in countries for p in places)}
        return known - set(people)

    def _select(self, doc: Doc, spans: list[tuple[int, int]], entity_spans: dict,
                found: dict, known: set[str], unknown: dict[tuple[int, int], bool],
                demonyms: list[tuple[int, int]], people: dict[str, bool],
                datelines: dict[tuple[int, int], bool], earlier: list | None = None) -> list:
        """Non-overlapping place names, longest first, none of them a piece of a country
        adjective ("Sri" of "Sri Lankan"); `unknown` keeps, across passes, which spans the
        gazetteer lacks are places all the same."""
        chosen: list[tuple[int, int, list[Place], bool]] = []
        taken: set[int] = set()
        ends = {e for _, e, places, _ in earlier or [] if places}
        starts = {s for s, _, places, _ in earlier or [] if places}
        for start, end in spans:
            if taken.intersection(range(start, end)) or any(
                    start < d_end and d_start < end and not start <= d_start < d_end <= end
                    for d_start, d_end in demonyms):
                continue
            name = _name(doc, start, end)
            institution = None if found.get(name, ([], True))[0] else \
                self._institution_word(doc, start, end)
            if institution is not None:
                if doc[start].lower_ in {"the", "a", "an"}:
                    continue  # "The Moscow Times": the name after the article is read alone
                # "Harrow County Sheriff's Office": the place is the known name before it; else
                # the words before the institution's are read on their own
                prefix = self._known_prefix(doc, start, institution, found)
                taken.update(range(institution, _name_end(doc, institution, end)))
                if prefix is None:
                    continue
                end = prefix
                name = _name(doc, start, end)
            if not name or name.lower() in GENERIC_WORDS | DIRECTIONS | LOCAL_NOUNS or \
                    not name[-1].isalnum() and name[-1] != "." or _common_noun_start(doc, start):
                continue
            if name.lower() in self.person_titles and not _strong_place_context(doc, start, end):
                continue  # "letters to the Pope", unless "north of Bishop"
            places, exact = found.get(name, ([], True))
            if places and exact and (start, end) not in datelines and \
                    self._only_spelled_otherwise(name, places):
                continue  # "NICE", "ELY": an acronym, not "Nice" or "Ely" in capitals
            if (start, end) not in datelines and _acronym_of_villages(name, places):
                continue  # "the WTA board": an acronym, not a village spelled like it
            if not (places and exact) and end - start >= 2 and \
                    doc[start].lower_ in PLACE_NOUNS and doc[start + 1].lower_ == "of":
                continue  # "the City of Fresno", "the Village of Elm Grove": the name after
            if not (places and exact) and self._joins_known_names(doc, start, end, found):
                continue  # "Fenton-Linden", "Lima-Cusco": two places joined
            if not places and doc[start].lower_ in DIRECTIONS and \
                    self._divided_by_direction(_name(doc, start + 1, end), found):
                continue  # "Northeast Georgia": the trimmed "Georgia" is the name
            if name.lower() in self.nationality_words and not (
                    exact and any(p.kind == "country" for p in places)):
                continue
            if _saints_foundation(doc, start, end) and not any(
                    p.population >= SPEAKING_TOWN for p in places):
                continue  # "St. Agnes's Primary School", "St. Andrew's Day"
            if _numbered(doc, end) and not (exact and self._sizeable(name, places)):
                continue  # "Loop 12", "Lot No. 9", "County Road 40": a numbered thing
            label = entity_spans.get((start, end)) or self._entity_label(doc, start, end)
            division = exact and any(p.kind in {"country", "region", "admin1"} for p in places) \
                or doc[end - 1].text in ADMIN_NOUNS
            # A country's or a state's name ends a longer name as a place ("Air Namibia",
            # "Education Oregon"); another name there is that name's tail.
            if label in NEVER_PLACE_LABELS or _part_of_person(doc, start, end) or \
                    _continues_name(doc, start) and not (
                        exact and self._names_a_state(name, places)) or \
                    self._after_title(doc, start):
                continue
            if self._is_street(doc, start, end):
                if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_ \
                        and self.street_nouns.get(doc[end - 1].text):
                    end += 1  # "Ave." keeps its dot
                chosen.append((start, end, [], True))
                taken.update(range(start, end))
                continue
            # A person named before, or the first word of a longer name; a state's or a
            # county's name stays a place there ("Texas Forest Service", "Madison County Jail").
            seat = institution is not None and self._seats_institution(doc, end, institution,
                                                                       places)
            if not division and name_key(name) not in known and (
                    not seat and _opens_longer_name(doc, end, self.public_bodies) or
                    name_key(name) in people and not _place_despite_surname(
                        doc, start, end, places, label)) or _heads_of_name(doc, end):
                continue
            # Someone quoted, or a disease, by this name is one wherever the text does not say
            # "place".
            if people.get(name_key(name)) and not _strong_place_context(doc, start, end):
                continue
            listed = bool(places) and (
                start >= 2 and doc[start - 1].lower_ in LIST_WORDS and start - 1 in ends
                or end + 1 < len(doc) and doc[end].lower_ in LIST_WORDS and end + 1 in starts)
            supported = listed or name_key(name) in known or seat
            if places and not exact and (len(name) < 5 or self._english_word(doc, start, end)
                                         or not supported and not (
                    label in {"GPE", "LOC"} or _has_place_context(doc, start, end))):
                places = []  # a transliteration match needs the text to say "place"
                supported = name_key(name) in known or seat  # a list of places holds none
            if places:
                if not (supported or (start, end) in datelines or
                        self._plausible(doc, start, end, places, label)):
                    continue
            elif not supported:
                if (start, end) not in unknown:
                    unknown[(start, end)] = self._unknown_place(doc, start, end, label)
                if not unknown[(start, end)]:
                    continue
            chosen.append((start, end, places, exact))
            taken.update(range(start, end))
        return chosen

    def _joins_known_names(self, doc: Doc, start: int, end: int, found: dict) -> bool:
        """Whether a name is capitalised names joined by hyphens that the gazetteer knows
        each exactly, or country adjectives ("Lima-Cusco", "Fenton-Linden", "Chilean-Peruvian"):
        names joined, not one name ("Wilkes-Barre" is known whole, "Provence-Verdon" not in
        pieces)."""
        pieces = [_name(doc, a, b) for a, b in _hyphen_pieces(doc, start, end)]
        return len(pieces) > 1 and all(
            piece.lower() in self.nationality_words or
            found.get(piece, ([], False))[0] and found[piece][1] for piece in pieces)

    def _divided_by_direction(self, rest: str, found: dict) -> bool:
        """Whether the rest of "Western Kentucky", "South Tulsa" is a state, a county
        or a town of some size that the direction divides; a continent's or a country's
        parts ("East Africa", "Southern Chile"), and names the gazetteer lacks or knows only
        as a hamlet or as another place's alias ("North Lindavia", "Upper Kessar") are names
        of their own."""
        places, exact = found.get(rest, ([], True))
        if rest in self.state_abbreviations:
            return bool(places)  # "Western Ky."
        return exact and any(self.gazetteer.is_primary(rest, p) and (
            p.kind in {"admin1", "admin2"} or p.kind == "city" and p.population >= SEAT_TOWN)
            for p in places)

    def _only_spelled_otherwise(self, name: str, places: list[Place]) -> bool:
        """Whether a short word in capitals is known only as the own name of places that
        are written in lower case ("ELY" for Ely, "NICE" for Nice): an acronym then, as
        "US", "UAE", "NYC" are known as aliases written so."""
        return 2 <= len(name) <= 5 and name.isupper() and name.isalpha() and all(
            self.gazetteer.is_primary(name, p) and not p.name.isupper() for p in places)

    def _sizeable(self, name: str, places: list[Place]) -> bool:
        """Whether a name is a country's, a large division's or the own name of a town of
        some size ("U.S. 41" is a US highway, "Fresno 3rd District" a district of Fresno)."""
        return self._names_a_state(name, places) or any(
            p.kind == "country" or p.kind == "city" and p.population >= SEAT_TOWN and
            self.gazetteer.is_primary(name, p) for p in places)

    def _names_a_state(self, name: str, places: list[Place]) -> bool:
        """Whether a name is, first of all, a country's or a large division's ("Namibia",
        "Oregon"), not a city's that a division is named after ("Tokyo", "Lima") nor a small
        division's."""
        cities = [p.population for p in places if p.kind == "city"]
        return any(self.gazetteer.is_primary(name, p) and (
            p.kind == "country" or p.kind == "admin1" and p.population >= STATE_POPULATION and
            all(c < SEAT_SHARE * p.population for c in cities)) for p in places)

    def _seats_institution(self, doc: Doc, end: int, institution: int,
                           places: list[Place]) -> bool:
        """Whether the known name before an institution's word is the place it serves: a
        county ("the Pinal County Board of Supervisors"), or a town of some size with a public
        body ("Tucson Superior Court", "the Calgary Fire Department"); a small namesake is no
        seat of "the Harbor Board", and colleges, schools and hospitals are often named after
        anything ("Columbia University")."""
        return doc[end - 1].text in ADMIN_NOUNS or doc[institution].lower_ in \
            self.public_bodies | {"court"} and any(p.population >= SEAT_TOWN for p in places)

    def _institution_word(self, doc: Doc, start: int, end: int) -> int | None:
        """Where a name goes on from a place into an institution seated there ("Fulton City
        Hall", "Mohave Valley Water District"), if it does."""
        return next((i for i in range(start + 1, end)
                     if doc[i].lower_ in self.institution_nouns), None)

    def _known_prefix(self, doc: Doc, start: int, stop: int, found: dict) -> int | None:
        """The end of the longest name from `start` up to `stop` that the gazetteer knows
        exactly, as a place's own name if one is ("Canton City Schools": Canton) or as a
        division ("Galway County Council"): the place an institution is named after. A compass
        word or a word for a kind of place ("Northfield State Hospital", "Port Authority") is
        no such name, nor an English adjective that names no country or large town
        ("Liberal Arts Council", "Federal Seed Board")."""
        known = []
        for end in range(stop, start, -1):
            name = _name(doc, start, end)
            places, exact = found.get(name, ([], True))
            if end - start == 1 and doc[start].lower_ in self.english_modifiers and not any(
                    p.kind == "country" or p.population >= SPEAKING_TOWN for p in places):
                continue
            if places and exact and name.lower() not in GENERIC_WORDS | DIRECTIONS:
                known.append((end, doc[end - 1].text in DIVISION_SUFFIXES or
                              any(self.gazetteer.is_primary(name, p) for p in places)))
        return next((end for end, primary in known if primary), known[0][0] if known else None)

    def _english_word(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a one-word name is an English word ("Bulletin", "Monsoon"), which a
        place whose name is spelled otherwise is not a transliteration of."""
        return end - start == 1 and (doc[start].lower_ in self.english_words or
                                     doc[start].lemma_.lower() in self.english_words)

    def _is_street(self, doc: Doc, start: int, end: int) -> bool:
        """ "Quarry Street", "1400 Quarry Ave.": a name ending in a street word, unless more of
        a name follows ("Elm Street School")."""
        return end - start >= 2 and doc[end - 1].text.rstrip(".") in self.street_nouns and \
            doc[start].lower_ not in {"the", "a", "an"} and not (
                end < len(doc) and _is_name_token(doc[end]) and _continues_name(doc, end))

    def _small_speakers(self, doc: Doc, found: dict) -> set[str]:
        """Speakers whose name the gazetteer knows, if at all, only as a small town: a
        country, a region or a city speaking for its government is no person."""
        speakers = _speakers(doc, self.speech_verbs)
        big = {name_key(name) for name, (places, _) in found.items() if any(
            p.kind != "city" or p.population >= SPEAKING_TOWN for p in places)}
        return speakers - big

    def _after_title(self, doc: Doc, start: int) -> bool:
        """ "coach Danvers", "President Obama": a name right after a person's title."""
        return start > 0 and doc[start - 1].lower_ in self.person_titles

    def _demonym_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Capitalised country and continent adjectives and peoples, the longest at each word
        ("Sri Lankan", "South African", "North American", "Chileans")."""
        words = [(token.text, token.whitespace_) for token in doc]
        spans = []
        start = 0
        while start < len(words):
            if not words[start][0][:1].isupper():
                start += 1
                continue
            for length in (3, 2, 1):
                if start + length > len(words):
                    continue
                text = "".join(t + ws for t, ws in words[start:start + length - 1]) + \
                    words[start + length - 1][0]
                if text.lower() in self.nationality_words:
                    spans.append((start, start + length))
                    start += length - 1
                    break
            start += 1
        return spans

    def _demonym_toponyms(self, doc: Doc, spans: list[tuple[int, int]], taken: set[int],
                          people: dict[str, bool]) -> list:
        """Country and continent adjectives that stand for their country or continent as
        modifiers of a noun ("the Sudanese government", "Russian warplanes", "European
        airlines"), and a country's people or language named as such ("talks with the
        Chileans", "a proud Peruvian", "speaks Danish"), which news reporting uses for the
        country's side; not a surname ("Dana Irish said")."""
        out = []
        words = {span: doc[span[0]:span[1]].text.lower() for span in spans}
        continents = self.gazetteer.lookup({self.continents[w] for w in words.values()
                                            if w in self.continents})
        for (start, end), word in words.items():
            last = doc[end - 1]
            if taken.intersection(range(start, end)):
                continue
            modifier = last.dep_ in {"amod", "compound", "nmod"} and \
                last.head.pos_ in {"NOUN", "PROPN"} and not start <= last.head.i < end
            if word not in self.plural_peoples and not modifier and not (
                    word in self.demonyms and last.dep_ in NOMINAL_ROLES and
                    last.ent_type_ != "PERSON" and name_key(word) not in people):
                continue  # "Dana Irish said ... Irish said": a surname
            if word in self.continents:
                places = [p for p in continents[self.continents[word]][0] if p.kind == "region"]
            else:
                country = self.gazetteer.country(self.demonyms.get(word) or self.peoples[word])
                places = [country] if country else []
            out.append((start, end, places, True))
        return out

    def _priors(self, name: str, places: list[Place], hint: str | None,
                label: str | None = None) -> dict[int, float]:
        """Each reading's prior; a place known by this name only as an alias ("Alexandria"
        for Mashhad) and a division named like its capital or a major city of its country
        ("Aleppo", "Washington", without "province") rank lower. The model's LOC label (a
        location that is no town or state: a sea, a mountain range, a region) favours the
        regions ("the Atlantic", not the town of Atlantic)."""
        priors = {}
        for place in places:
            score = _score(place, hint)
            if label == "LOC" and place.kind == "region":
                score += LOC_REGION_WEIGHT
            if not self.gazetteer.is_primary(name, place):
                score -= ALIAS_PENALTY
            seats = [p for p in places if p.kind == "city" and
                     p.country_code == place.country_code and
                     p.population > SEAT_SHARE * place.population and
                     (p.admin1 == place.admin1 or p.population >= BIG_CITY)]
            if place.kind == "admin1" and hint != "admin1" and seats:
                score = min(score, max(_score(p, hint) for p in seats) - 1.0)
            priors[id(place)] = score
        return priors

    @staticmethod
    def _entity_label(doc: Doc, start: int, end: int) -> str | None:
        labels = {doc[i].ent_type_ for i in range(start, end)} - {""}
        return labels.pop() if len(labels) == 1 else None

    @staticmethod
    def _plausible(doc: Doc, start: int, end: int, places: list[Place],
                   label: str | None) -> bool:
        """Whether a name the gazetteer knows is used as a place here. The model's place
        labels are trusted unless the gazetteer knows the name only as a hamlet, which a
        company or a product is more often named like (a sea or a region, peopled or not, is
        no hamlet); its person and facility
        labels need a locative context."""
        if label in {"GPE", "LOC"}:
            return any(p.population >= HAMLET or p.kind == "region" for p in places) or \
                _has_place_context(doc, start, end)
        if any(t.pos_ not in {"PROPN", "NOUN", "ADJ", "PUNCT", "DET"} for t in doc[start:end]
               if not _joining_particle(t)):
            return False
        if any(p.kind in {"country", "admin1"} for p in places) and label != "PERSON" or \
                any(p.kind == "country" for p in places) or \
                any(p.kind == "region" for p in places) and not _ends_entity(doc, start) or \
                doc[end - 1].text in ADMIN_NOUNS:
            return True  # a state (a country or a region even as the model's person or
            # organisation: "the European Union said"), or "Polk County"
        if label in {"PERSON", "FAC", "ORG"}:
            return _strong_place_context(doc, start, end)
        return _has_place_context(doc, start, end)

    def _unknown_place(self, doc: Doc, start: int, end: int, label: str | None) -> bool:
        """Whether a name the gazetteer lacks is still a place: the model says so and the
        context agrees or, for a location, the name holds a word for a natural feature
        ("Harlow River"; not a charity the model calls a location), or the text makes it a
        district or puts it inside a place."""
        if label in {"GPE", "LOC"} and _has_place_context(doc, start, end) or \
                label == "LOC" and any(t.lower_.rstrip(".") in self.feature_words
                                       for t in doc[start:end]):
            return True
        if _names_a_district(doc, start, end):
            return True
        # "homes in Tal al-Zarzur in Aleppo"; not "the Mayor's Residence in Boston"
        labels = {t.ent_type_ for t in doc[start:end]}
        return labels <= {"", "GPE", "LOC", "NORP"} and _inside_named_place(doc, start, end) and \
            _has_place_context(doc, start, end)

    def _resolve(self, doc: Doc, chosen: list[tuple[int, int, list[Place], bool]]
                 ) -> list[Toponym]:
        hints = [_kind_hint(doc, s, e) for s, e, _, _ in chosen]
        keys = [name_key(_name(doc, s, e)) for s, e, _, _ in chosen]
        containers = [_container(doc, chosen, i) for i in range(len(chosen))]
        priors = [self._priors(_name(doc, s, e), places, hint, self._entity_label(doc, s, e))
                  for (s, e, places, _), hint in zip(chosen, hints)]
        candidates = [places if exact else [] for _, _, places, exact in chosen]
        picks: list[Place | None] = [max(places, key=lambda p: prior[id(p)]) if places else None
                                     for places, prior in zip(candidates, priors)]
        regions = _region_shares(keys, candidates, priors)
        lists = _list_mates(doc, chosen)
        money_country = _money_country(doc)
        for round_ in range(3):
            if round_ == 1:
                # Transliteration (loose) matches count only in the document's own countries.
                main = _main_countries(picks)
                candidates = [places if exact else [p for p in places if p.country_code in main]
                              for _, _, places, exact in chosen]
            context = _Context(list(zip(keys, picks)), regions, money_country)
            previous = list(picks)
            picks = []
            for i, places in enumerate(candidates):
                container = previous[containers[i]] if containers[i] is not None else None
                kinds = [previous[j].kind for j in lists[i] if previous[j] is not None]
                picks.append(_best_reading(places, keys[i], priors[i], context, container,
                                           kinds))
        streets = [i for i, (s, e, places, _) in enumerate(chosen)
                   if not places and self._is_street(doc, s, e - (doc[e - 1].text == "."))]
        for i in streets:
            hints[i] = "district"
            picks[i] = _town_of_street(picks, containers[i], streets)
        local = _local_town(picks, streets)
        for i, (_, _, places, _) in enumerate(chosen):
            # "Khirbet Zaytun in Homs", "Oakvale, Ohio": a name the gazetteer lacks is inside
            # the place the text puts it in; else, like a street, near the town a local
            # story is about ("Quillan River" in a story from Dayton).
            if not places and picks[i] is None:
                hints[i] = "district"
                inside = picks[containers[i]] if containers[i] is not None else None
                picks[i] = inside or local
        toponyms = []
        for (start, end, places, exact), place, hint in zip(chosen, picks, hints):
            if place is None and places and not exact and not self._unknown_place(
                    doc, start, end, self._entity_label(doc, start, end)):
                continue  # its loose matches lie outside the document's countries: no place
            span = doc[start:end]
            text = _name(doc, start, end)
            qualifier = _qualifier(doc, span.start)
            toponyms.append(Toponym(span.start_char, span.start_char + len(text), text, place,
                                    _precision(place, qualifier, hint), qualifier))
        return toponyms


def _best_reading(places: list[Place], key: str, prior: dict[int, float], context: _Context,
                  container: Place | None, listed_kinds: list[str]) -> Place | None:
    """The reading that its prior, the rest of the document, a container named next to the
    name and the kinds of the names listed with it together favour."""
    if not places:
        return None

    def score(place: Place) -> float:
        value = prior[id(place)] + context.bonus(key, place)
        if container is not None and _contains(container, place):
            value += CONTAINER_WEIGHT
        if listed_kinds:
            value += LIST_KIND_WEIGHT * listed_kinds.count(place.kind) / len(listed_kinds)
        return value

    return max(places, key=score)


def _main_countries(picks: list[Place | None]) -> set[str | None]:
    counts: dict[str | None, int] = {}
    for place in picks:
        if place is not None:
            counts[place.country_code] = counts.get(place.country_code, 0) + 1
    total = sum(counts.values()) or 1
    return {code for code, n in counts.items() if n / total >= 0.2}


def _local_town(picks: list[Place | None], streets: list[int]) -> Place | None:
    """The town the document names most, if the document is local to it: at least half of
    the towns, counties and states it names lie near that town or around it."""
    town = _town_of_street(picks, None, streets)
    if town is None:
        return None
    named = [p for i, p in enumerate(picks)
             if p is not None and i not in streets and p.kind in LOCAL_KINDS | {"admin1"}]
    around = sum(_contains(p, town) if p.kind == "admin1" else
                 haversine_km(p.lat, p.lon, town.lat, town.lon) <= NEAR_KM for p in named)
    return town if 2 * around >= len(named) else None


def _town_of_street(picks: list[Place | None], container: int | None,
                    streets: list[int]) -> Place | None:
    """The town a street (or another place the gazetteer lacks) lies in: the one the text puts
    it in ("Quarry Street in Dayton"), else the town the document names most, the one local
    news reports from."""
    if container is not None and picks[container] is not None and \
            picks[container].kind in {"city", "district"}:
        return picks[container]
    towns = Counter(p.id for i, p in enumerate(picks)
                    if p is not None and p.kind == "city" and i not in streets)
    if not towns:
        return None
    top = towns.most_common(1)[0][0]
    return next(p for p in picks if p is not None and p.id == top)


def _list_mates(doc: Doc, chosen: list) -> list[list[int]]:
    """For each name, the other names of the list it stands in ("Oregon and Washington",
    "Alberta, Manitoba, Ontario"), which are mostly places of one kind; two names joined by
    a comma alone are no list ("Alexandria, Virginia")."""
    groups: list[list[int]] = []
    joined_by_word: list[bool] = []
    for i in range(len(chosen)):
        between = [t.lower_ for t in doc[chosen[i - 1][1]:chosen[i][0]]] if i else []
        if between and set(between) <= LIST_WORDS and len(between) <= 2:
            groups[-1].append(i)
            joined_by_word[-1] = joined_by_word[-1] or bool(set(between) - {","})
        else:
            groups.append([i])
            joined_by_word.append(False)
    mates: list[list[int]] = [[] for _ in chosen]
    for group, by_word in zip(groups, joined_by_word):
        if len(group) >= 3 or len(group) == 2 and by_word:
            for i in group:
                mates[i] = [j for j in group if j != i]
    return mates


def _container(doc: Doc, chosen: list, index: int) -> int | None:
    """The name the text puts this one inside: "Alexandria, Minn.", "al-Wa'er in Homs",
    "Salaheddin district in eastern Aleppo city"."""
    if index + 1 >= len(chosen):
        return None
    between = [t.lower_ for t in doc[chosen[index][1]:chosen[index + 1][0]]]
    words = [w for w in between if w not in {"the"} | DIRECTIONS | set(PLACE_NOUNS)]
    return index + 1 if words in (["in"], [","], ["of"]) else None


def _precision(place: Place | None, qualifier: str | None, hint: str | None) -> int:
    """ACLED geo-precision: 1 the place itself, 2 part of or near it, 3 a larger region."""
    if place is None:
        return 3
    if place.kind in {"country", "admin1", "admin2", "region"}:
        return 3
    if qualifier or hint == "district" and place.kind == "city":
        return 2
    return 1

