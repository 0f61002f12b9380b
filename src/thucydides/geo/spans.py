"""Where names are in the text and what their context says: candidate name runs,
datelines, particles, and the signs that a name is a place, a person's or an institution's."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..gazetteer import name_key
from ..lexicons import load
from ..types import Place
from .vocabulary import (
    ADMIN_NOUNS, ADMIN_NOUNS_ELSEWHERE, ARTICLES, BETWEEN_PLACES, CONTAINERS, DATELINE_DASHES,
    DIRECTIONS, LIST_WORDS, LOCAL_NOUNS, MAX_NAME_TOKENS, MOTION_WORDS, PARTY_ABBREVIATIONS,
    PLACE_NOUNS, PLACE_TAKING_VERBS, SPEAKING_TOWN, STREET_NOUNS, STRONG_LOCATIVES)


def load_demonyms() -> dict[str, str]:
    """Country adjective -> ISO code."""
    return {row[0].lower(): row[1] for row in load("demonyms")}


def _plural_demonym(adjective: str) -> str | None:
    """The plural noun for a country's people made from its adjective ("Chileans", "Thais",
    "Kazakhs"); None where English uses the adjective itself ("the Chinese", "the Swiss",
    "the French", "the British")."""
    if adjective.endswith(("s", "sh", "ch", "ese", "x", "z")) or not adjective[-1:].isalpha():
        return None
    return adjective + "s"


def load_peoples(demonyms: dict[str, str]) -> dict[str, str]:
    """Plural noun for a country's or a continent's people -> what the adjective stands for
    ("chileans" -> CL, "africans" -> Africa)."""
    return {plural: code for plural, code in
            ((_plural_demonym(adjective), code) for adjective, code in demonyms.items())
            if plural}


def load_person_titles() -> set[str]:
    return {row[0] for row in load("person_titles")}


def load_state_abbreviations() -> dict[str, str]:
    """AP abbreviation -> US state name ("Minn." -> "Minnesota")."""
    return {row[0]: row[1] for row in load("us_state_abbreviations")}


def is_name_token(token: Token) -> bool:
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


def candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Every run of up to four name tokens within a sentence, as token offsets."""
    spans = []
    for start, token in enumerate(doc):
        if not is_name_token(token) or token.text in {"-", "‑"} or _function_word(token):
            continue
        if token.is_sent_start and token.pos_ not in {"PROPN", "X"} and not (
                start + 1 < len(doc) and (doc[start + 1].text in {"-", "‑"} or
                                          doc[start + 1].text in LOCAL_NOUNS or
                                          token.dep_ in {"compound", "nmod", "amod"} and
                                          _local_head(token).lower_ in LOCAL_NOUNS)):
            continue  # a capitalised opening word, unless it names "... police", "... woman"
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS + 2 and is_name_token(doc[end]) \
                and (end == start or not doc[end].is_sent_start and not _function_word(doc[end])):
            end += 1
            if doc[end - 1].text not in {"-", "‑"}:
                if doc[end - 1].whitespace_ == "" and end + 1 < len(doc) and \
                        doc[end].text in {"-", "‑"} and is_name_token(doc[end + 1]):
                    continue  # "Ras al-Ain", "Winston-Salem": not a name in pieces
                spans.append((start, end))
    return spans


def hyphen_pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a name that hyphens join without spaces ("Lima-Cusco": Lima, Cusco); an
    article's hyphen belongs to the name after it ("Tal al-Zarzur")."""
    cuts = [i for i in range(start + 1, end - 1) if doc[i].text in {"-", "‑"} and
            not doc[i - 1].whitespace_ and not doc[i].whitespace_ and
            doc[i - 1].lower_ not in ARTICLES]
    bounds = [start - 1, *cuts, end]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])] if cuts else []


def saints_foundation(doc: Doc, start: int, end: int) -> bool:
    """Whether a saint's name in the possessive opens a longer name: the church, school,
    hospital or feast named after the saint ("St. Agnes's Primary School", "St. Brendan's
    Clinic", "St. Andrew's Day"), not a town called after one."""
    return doc[start].text in {"St.", "St", "Saint"} and end + 1 < len(doc) and \
        doc[end].lower_ in {"'s", "’s"} and doc[end + 1].text[:1].isupper()


def numbered(doc: Doc, end: int) -> bool:
    """Whether a number follows a name, as it does the name of a road, a lot, a school
    district or a section ("Loop 12", "Lot No. 9", "District 4")."""
    if end >= len(doc):
        return False
    word = doc[end].text
    if word in {"No", "No."}:
        after = end + 1 + (word == "No" and end + 1 < len(doc) and doc[end + 1].text == ".")
        word = doc[after].text if after < len(doc) else ""
    return word[:1].isdigit()


def common_noun_start(doc: Doc, start: int) -> bool:
    """ "bay colt": a span the model labels a place but that opens in lower case,
    other than with an Arabic article ("al-Bab"), is a common noun."""
    first = doc[start]
    return first.text[:1].islower() and first.lower_ not in ARTICLES


def joining_particle(token: Token) -> bool:
    """The lowercase "on" of "Stoke-on-Trent", "les" of "Aix-les-Bains": a word between
    hyphens inside a name."""
    doc = token.doc
    return token.text.islower() and 0 < token.i < len(doc) - 1 and not token.whitespace_ and \
        doc[token.i - 1].text in {"-", "‑"} and not doc[token.i - 1].whitespace_ and \
        doc[token.i + 1].text in {"-", "‑"}


def particle_spans(doc: Doc) -> list[tuple[int, int]]:
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
                is_name_token(words[0]) and is_name_token(words[-1]) and \
                any(joining_particle(w) for w in words[1:-1]):
            spans.append((start, end))
        start = end
    return spans


def spaced_particle_spans(doc: Doc, particles: set[str]) -> list[tuple[int, int]]:
    """Capitalised words joined by a lowercase particle with spaces ("Rio de Janeiro",
    "San Jose del Monte", "Newcastle upon Tyne"), up to two words on each side."""
    spans = []
    for token in doc[1:-1]:
        if token.text not in particles or not is_name_token(doc[token.i + 1]):
            continue
        for before in (1, 2):
            for after in (1, 2):
                start, end = token.i - before, token.i + 1 + after
                if start >= 0 and end <= len(doc) and all(
                        is_name_token(t) and t.text not in {"-", "‑"}
                        for t in (*doc[start:token.i], *doc[token.i + 1:end])):
                    spans.append((start, end))
    return spans


def possessive_spans(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised words joined by a possessive inside one name ("Bishop's Stortford", "the
    People's Republic of Ruritania"), up to three words before it and four after, "of" among
    them."""
    spans = []
    for token in doc[1:-1]:
        if token.lower_ not in {"'s", "’s"} or not is_name_token(doc[token.i - 1]) or \
                not is_name_token(doc[token.i + 1]):
            continue
        start = token.i - 1
        while start > 0 and token.i - start < 3 and is_name_token(doc[start - 1]) and \
                not doc[start - 1].is_sent_start:
            start -= 1
        for end in range(token.i + 2, min(len(doc), token.i + 5) + 1):
            if not is_name_token(doc[end - 1]) and doc[end - 1].lower_ != "of":
                break
            if doc[end - 1].lower_ != "of":
                spans.extend((first, end) for first in range(start, token.i))
    return spans


def dateline_spans(doc: Doc) -> dict[tuple[int, int], bool]:
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


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """An entity without its determiner, house number, place noun and a direction in lower
    case: "the Homs city" -> "Homs", "northern Aleppo" -> "Aleppo", "4410 Canton Road" ->
    "Canton Road"; a capitalised direction may be part of the name ("West Bank", "Eastern
    Ghouta") and is left to the gazetteer to decide."""
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or
                           doc[start].text in DIRECTIONS or doc[start].text.isdigit()):
        start += 1
    while end > start and (doc[end - 1].text in PLACE_NOUNS or
                           doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return (start, end) if end > start else None


def span_name(doc: Doc, start: int, end: int) -> str:
    if end <= start:
        return ""
    text = "".join(doc[i].text_with_ws for i in range(start, end - 1)) + doc[end - 1].text
    return text[:-2] if text.endswith(("'s", "’s")) else text


def kind_hint(doc: Doc, start: int, end: int) -> str | None:
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
        if right.lower_ not in {"and", ","} and not is_name_token(right):
            break
    return None


def called_counties(doc: Doc, start: int, end: int) -> bool:
    """ "Essex and Morris counties": a name the plural after its list calls a county (not
    "Ohio counties", nor one already ending in "County")."""
    return kind_hint(doc, start, end) == "admin2" and doc[end - 1].text not in ADMIN_NOUNS \
        and not _state_before_plural(doc, start, end)


def _state_before_plural(doc: Doc, start: int, end: int) -> bool:
    """ "Ohio counties", "five Kansas counties": a single name, not the last of a list,
    right before the plural names the state whose counties the text means."""
    return end < len(doc) and doc[end].lower_ == "counties" and not (
        start > 0 and doc[start - 1].lower_ in LIST_WORDS)


def qualifier_before(doc: Doc, start: int) -> str | None:
    if start > 0 and doc[start - 1].lower_ in DIRECTIONS:
        return doc[start - 1].lower_
    return None


def _place_object(doc: Doc, start: int, end: int) -> bool:
    root = doc[start:end].root
    return root.dep_ == "dobj" and root.head.lemma_ in PLACE_TAKING_VERBS


def _where_clause(doc: Doc, start: int, end: int) -> bool:
    """ "samples from Veldmor and Keldan, where the outbreak began": a clause opened by
    "where" after a name, or after the list it is in, that a preposition governs makes it a
    place; without the preposition it is as often a firm ("joined Acme, where he ...")."""
    first = doc[start:end].root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ != "pobj":
        return False
    return any(child.dep_ == "relcl" and any(word.lower_ == "where" for word in child.children)
               for item in (first, *first.conjuncts) for child in item.children)


def strong_place_context(doc: Doc, start: int, end: int) -> bool:
    """Context that makes even a name the model took for a person or an organisation a place:
    "in X", "north of X", "the outskirts of X", "X town", "the capital, X", "captured X"."""
    before = [t for t in doc[max(0, start - 3):start] if t.lower_ != "the"]
    if before and (before[-1].lower_ in STRONG_LOCATIVES - {"on", "over", "against"} or
                   before[-1].lower_ == "of" and len(before) >= 2 and
                   before[-2].lower_ in DIRECTIONS | CONTAINERS):
        return True
    if _after_party(doc, start) or before and _travel_end(before[-1]):
        return True
    root = doc[start:end].root
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS or \
            root.dep_ == "appos" and root.head.lower_ in PLACE_NOUNS or \
            _place_apposition(root):
        return True
    if _owns_street_or_place(doc, end) or _distance_apposition(doc, end):
        return True
    # "a Dover-based company": where something is based
    if end + 1 < len(doc) and doc[end].text in {"-", "‑"} and doc[end + 1].lower_ == "based":
        return True
    # "Marlow police", "the Kenton Police Department", "a Dunmore woman"
    if root.dep_ in {"compound", "nmod", "amod"} and _local_head(root).lower_ in LOCAL_NOUNS:
        return True
    # "Greta Holm of Linden": a person's home town
    if before and before[-1].lower_ == "of" and before[-1].head.ent_type_ == "PERSON":
        return True
    # "Fairfax, Virginia": a town placed in its state or country
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "GPE" and \
            is_name_token(doc[end + 1]):
        return True
    return _place_object(doc, start, end) or _where_clause(doc, start, end)


def seat_after_organisation(doc: Doc, start: int, end: int) -> bool:
    """ "the Federal Institute of Mining, Kordun (FIM)", "the Ministry of Water, Velmora,
    said": a name set off by commas or brackets right after an organisation's name is
    where it sits."""
    return start >= 2 and doc[start - 1].text == "," and \
        doc[start - 2].ent_type_ == "ORG" and doc[start - 1].ent_iob_ == "O" and \
        (end == len(doc) or doc[end].text in {",", "(", ".", ";"})


def _owns_street_or_place(doc: Doc, end: int) -> bool:
    """ "Kelford's Tanner Lane", "Varna's old harbour district": a name in the possessive before
    a street's name or a kind of place is the town they lie in."""
    if end + 1 >= len(doc) or doc[end].lower_ not in {"'s", "’s"}:
        return False
    after = doc[end + 1:end + 4]
    if any(t.text in PLACE_NOUNS and t.text.islower() for t in after):
        return True
    stop = name_end(doc, end + 1, min(len(doc), end + 1 + MAX_NAME_TOKENS))
    return stop - end >= 3 and doc[stop - 1].text.rstrip(".") in STREET_NOUNS


def _distance_apposition(doc: Doc, end: int) -> bool:
    """ "Dunmore, 12 miles away", "Kelford, 30 km north of the capital": a name set off by a
    distance is a place."""
    rest = doc[end + 1:end + 6]
    return end + 1 < len(doc) and doc[end].text == "," and rest[0].ent_type_ == "QUANTITY" and \
        any(t.lower_ in DIRECTIONS | {"away", "from"} for t in rest)


def _place_apposition(root: Token) -> bool:
    """ "al-Wa'er, the last rebel-held district of Homs", "Ardanuc, a farming town": the
    text says what kind of place the name is."""
    return any(child.dep_ == "appos" and child.lower_ in PLACE_NOUNS for child in root.children)


def _travel_end(preposition: Token) -> bool:
    """ "moved to X", "drove from X", "their honeymoon to X": where a journey goes or comes
    from, which a person seldom is."""
    return preposition.lower_ in {"to", "from"} and \
        preposition.head.lemma_.lower() in MOTION_WORDS


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


def has_place_context(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "the" and start > 1:
        before = doc[start - 2]
    if before is not None and before.lower_ in DIRECTIONS and start > 1:
        before = doc[start - 2]
    if before is not None and before.lower_ in STRONG_LOCATIVES | {"from", "to", "via", "between"}:
        return True
    if before is not None and before.lower_ == "of" and before.head.lower_ in CONTAINERS:
        return True
    if strong_place_context(doc, start, end):
        return True
    return kind_hint(doc, start, end) is not None


def names_a_district(doc: Doc, start: int, end: int) -> bool:
    """ "the Karvessa area", "Dornik town", "the village of Salmiya Gharbi": the text says what
    kind of place the name is."""
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].text.islower():
        return True
    return start > 0 and doc[start - 1].lower_ in {"of", ",", "and"} and \
        kind_hint(doc, start, end) is not None


def inside_named_place(doc: Doc, start: int, end: int) -> bool:
    """ "al-Wa'er in Homs", "Salaheddin district": a name the gazetteer may not know, placed
    by the text inside another place or named as a district."""
    if any(t.pos_ != "PROPN" for t in doc[start:end] if t.text not in {"-", "‑"}) or \
            end - start == 1 and doc[start].is_sent_start:
        return False
    if names_a_district(doc, start, end):
        return True
    rest = [t for t in doc[end:end + 4] if t.lower_ not in BETWEEN_PLACES]
    return len(rest) >= 2 and rest[0].lower_ == "in" and is_name_token(rest[1]) and \
        rest[1].ent_type_ in {"GPE", "LOC", "NORP", ""}


def surnames(doc: Doc) -> set[str]:
    """Last names of the people the document names in full ("Brett Hartmann")."""
    return {name_key(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
            and not any(t.lower_ in ARTICLES for t in e)}


def disease_names(doc: Doc, disease_nouns: set[str]) -> set[str]:
    """Names the document gives a disease ("West Nile virus", "Marburg hemorrhagic fever"),
    with their tails ("Nile"): the disease's name wherever the text does not make it the
    place."""
    names = set()
    for token in doc:
        if token.lower_ in disease_nouns or token.lower_.endswith("virus"):
            start = token.i
            while start > 0 and token.i - start < MAX_NAME_TOKENS and \
                    is_name_token(doc[start - 1]) and not doc[start - 1].is_sent_start:
                start -= 1
            names.update(name_key(doc[i:token.i].text) for i in range(start, token.i))
    return names


def quoted_speakers(doc: Doc, speech_verbs: set[str]) -> set[str]:
    """One-word names that say something ("..., Marisol said"): people, unless a large
    place speaks for its government ("Tbilisi says"); the caller weighs that."""
    return {name_key(t.text) for t in doc if t.dep_ == "nsubj" and t.head.lemma_ in speech_verbs
            and t.pos_ == "PROPN" and is_name_token(t) and not any(
                child.dep_ == "compound" for child in t.children)}


def part_of_person(doc: Doc, start: int, end: int) -> bool:
    """ "Paris Hale", "Charlotte Wexley": a place name inside a longer person's name (a
    possessive the model took into the name is none: "Peru's cabinet")."""
    return any(doc[i].ent_type_ == "PERSON" for i in range(start, end)) and (
        start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].ent_iob_ != "B"
        or doc[start].ent_iob_ == "I" or
        end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON" and
        doc[end].lower_ not in {"'s", "’s"})


def ends_entity(doc: Doc, start: int) -> bool:
    """ "the Youth Parliament of Europe", "the Chamber of the Americas": a name that ends a
    longer named entity, which began before it (other than with an article)."""
    return doc[start].ent_iob_ == "I" and not (
        start > 0 and doc[start - 1].ent_iob_ == "B" and doc[start - 1].lower_ == "the")


def code_word(token: Token) -> bool:
    """A word of two or three capitals that can be a division's code ("NSW", "BC"), not a
    function word in capitals ("IN", "OR")."""
    text = token.text
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper() and not token.is_stop


def namesakes_of(places: list[Place], noun: str) -> list[Place]:
    """The readings of the place that a division or a landform the gazetteer lacks is named
    after: "Douglas County", "Idlib Governorate" are the division or else its seat; "Gaza
    Strip", "Kerch Strait" lie at their namesake, whatever its kind."""
    if noun in ADMIN_NOUNS_ELSEWHERE:  # "Kebbi State": that division, where it is one
        kind, other_usage = ADMIN_NOUNS_ELSEWHERE[noun]
        if any(p.kind == kind and p.country_code in other_usage for p in places):
            return []  # "Florida State Police": no namesake abroad
        return [p for p in places if p.kind == kind and p.country_code not in other_usage]
    if noun in ADMIN_NOUNS:
        return [p for p in places if p.kind not in {"country", "region"}]
    return places


def opens_longer_name(doc: Doc, end: int, public_bodies: set[str]) -> bool:
    """ "Hartley Center", "Mayor Ann Doyle": a name followed by more of a proper name, other
    than a word for the place's people or institutions ("Dunmore Police", "Long Beach
    Marina") or a day, which news style puts straight after the place ("marched in Lyon
    Monday")."""
    return end < len(doc) and is_name_token(doc[end]) and continues_name(doc, end) and \
        doc[end].lower_ not in LOCAL_NOUNS | public_bodies and \
        doc[end].ent_type_ not in {"DATE", "TIME"}


def place_despite_surname(doc: Doc, start: int, end: int, places: list[Place],
                           label: str | None) -> bool:
    """Whether a name the document also gives a person ("Judge Ann Farley ... Farley said")
    is a place here: the model reads it as one and it is a large place that the context
    can hold ("to Egypt", "Dublin police"; not "Stamford's lawyer", "Stamford declined"),
    or the text says "place" ("in Farley")."""
    if label not in {"GPE", "LOC"}:
        return False
    return any(p.kind != "city" or p.population >= SPEAKING_TOWN for p in places) and \
        has_place_context(doc, start, end) or strong_place_context(doc, start, end)


def short_capitals(name: str) -> bool:
    """Whether a name is a short word in capitals ("WTA", "ELY"), as acronyms are."""
    return 2 <= len(name) <= 5 and name.isupper() and name.isalpha()


def acronym_of_villages(name: str, places: list[Place]) -> bool:
    """Whether a short word in capitals outside a dateline is at most the name of small
    towns or of no place at all: an acronym then ("the WTA board"), as a country, a state
    or a large city written so ("UK", "NY", "NYC") is not."""
    return short_capitals(name) and all(
        p.kind == "city" and p.population < SPEAKING_TOWN for p in places)


def heads_of_name(doc: Doc, end: int) -> bool:
    """ "the March of Hope", "Queens of the Desert", "the Friends of Dover": a name
    followed by "of" and another name is the head of a longer name, not a place."""
    rest = [t for t in doc[end:end + 3] if t.lower_ != "the"]
    return len(rest) >= 2 and rest[0].text == "of" and is_name_token(rest[1]) and \
        rest[1].text not in {"-", "‑"}


def name_end(doc: Doc, start: int, end: int) -> int:
    """Where the capitalised run from `start` stops, within `end`: an entity can go on past
    it ("Grace Chapel in Lancaster")."""
    return next((i for i in range(start, end) if not is_name_token(doc[i])), end)


def continues_name(doc: Doc, start: int) -> bool:
    """ "Bayou Vista", "Dunmore Police": the tail of a longer capitalised name that was
    not read as a place as a whole; a word opening a sentence is capitalised anyway, and
    a name after a date starts anew ("on Sunday Linden police said"), and so do one after an
    adjective a lower-case prefix forms ("sub-Arctic Greenland") and an entity the model
    begins right after a party's or a people's adjective ("Republican Kendall County")."""
    if start == 0:
        return False
    before = doc[start - 1]
    if _prefixed_adjective(doc, before.i):
        return False
    if len(doc[start].text) > 3 and doc[start].text.isupper() and not before.text.isupper():
        return False  # "Associated Press DENVER (AP)": a word in capitals starts anew
    return bool(before.whitespace_) and is_name_token(before) and \
        before.text not in {"-", "‑"} and not before.is_sent_start and \
        before.lower_ not in DIRECTIONS | {"the", "a", "an"} and \
        not (before.ent_type_ == "DATE" and doc[start].ent_type_ != "DATE") and \
        not (before.ent_type_ == "NORP" and doc[start].ent_iob_ == "B")


def _prefixed_adjective(doc: Doc, i: int) -> bool:
    """Whether a capitalised word is joined by a hyphen to a lower-case prefix before it
    ("sub-Arctic", "pre-Roman"): a modifier, never the head of a name."""
    return i >= 2 and doc[i - 1].text in {"-", "‑"} and not doc[i - 1].whitespace_ and \
        not doc[i - 2].whitespace_ and doc[i - 2].text.isalpha() and doc[i - 2].text.islower()
