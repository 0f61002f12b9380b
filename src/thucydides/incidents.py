"""Event mentions: one sentence's trigger(s) with the place, day, counts and claims that go
with them, read off the annotations the pipeline left on the Doc.

The place of an event is the place the sentence attaches to the event word, not the first
place it names: in "Iraqi officials in Baghdad said the leader was killed in an airstrike in
Anbar" the officials' city is inside the speech verb's subject and is passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .dates import INCIDENT_RANKS, dated_word, incident_day, incident_rank, segment_of
from .events import VIOLENCE, SentenceEvents, Trigger
from .gazetteer.points import haversine_km
from .lexicons import load
from .types import (Actor, CasualtyMention, Claim, EventMention, Segment, TimeExpression,
                    Toponym)
from .types import Span as TextSpan

PLACE_NOUNS = {row[0]: row[1] for row in load("place_nouns")}
SETTLEMENTS = {noun for noun, role in PLACE_NOUNS.items() if role == "settlement"}
# Roles of the nouns for buildings and grounds ("airport", "front"), as opposed to divisions.
SITE_ROLES = {"site", "party"}
PLACE_HEADS = {noun for noun, role in PLACE_NOUNS.items() if role not in SITE_ROLES}
FORCES = {row[0] for row in load("military_nouns")}
QUARTERS = {noun for noun, role in PLACE_NOUNS.items() if role == "quarter"}
COMPASS = {noun for noun, role in PLACE_NOUNS.items() if role == "compass"}
# Kinds of place a name can follow after "of": "the city of X", "the southern district of X".
NAMEABLE = SETTLEMENTS | QUARTERS
NOT_LOCATIVE = {"for", "from", "with", "like", "than", "about"}
# Prepositions that introduce something other than the event's setting: a place behind one is
# not where the event was ("protested against the war in X", "talks between X and Y").
ELSEWHERE = {"against", "between", "as", "like", "than", "about"}
# Prepositions that seldom say where the event itself was ("drove to his home in X"): a place
# behind one is a last resort.
AWAY = NOT_LOCATIVE | {"according", "since", "amid", "to", "toward", "towards", "despite"}
# Dependency links that open a clause of its own: a place across one says where something
# else happened, used only when the event's own clause names none.
CLAUSE_LINKS = {"advcl", "relcl", "acl", "xcomp", "csubj", "parataxis"}
# Links by which an event's clause hangs from one that can give its setting.
SETTING_LINKS = {"advcl", "relcl", "acl", "xcomp", "conj"}
NOUN_ROLES = {"nsubj", "nsubjpass", "dobj", "attr", "appos"}
NEAR_KM = 60.0
# What follows a dateline's city: its region ("LINDEN, Ruritania"), then a dash or "(AP)";
# a name in a headline in capitals comes before it on the same line.
DATELINE_REGION = re.compile(r"^,(?:\s+[A-Z][\w.'-]*)+")
DATELINE_MARK = re.compile(r"--|—|–|\s-\s|\(")
# Days a sentence gives for its own event: that of the act, or of a word not known to date
# anything else; not a death that followed, nor an arrest or a statement.
OWN_DAY_RANKS = {INCIDENT_RANKS["act"], INCIDENT_RANKS[None]}
# Developments that are not violence (arrests, seizures, a change of hands): the dead and
# wounded a sentence about one counts were hit in the violence it follows.
TOLL_FREE = {"Strategic developments"}
# ACLED's type for violence against people, which a count of victims reports when the
# sentence names no event ("Two men died"): see `_count_mentions`.
COUNTED_EVENT = ("Violence against civilians", "Attack")


def _token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _scope(token: Token) -> Token:
    """The clause an event word speaks for: its verb when the word is that verb's argument,
    the noun it modifies when it stands in a prepositional phrase ("destruction from strikes")."""
    if token.pos_ != "VERB" and token.dep_ in NOUN_ROLES and token.head.i != token.i:
        return token.head
    if token.dep_ == "pobj" and token.head.head.i != token.head.i:
        return token.head.head
    return token


def clause_tokens(doc: Doc, trigger: Trigger, others: list[Trigger]) -> set[int]:
    """Token indices of the trigger's clause, less the clauses of other event verbs in it."""
    scope = _scope(doc[trigger.token])
    own = {t.i for t in scope.subtree}
    for other in others:
        other_scope = _scope(doc[other.token])
        if other_scope.i != scope.i and other_scope.i in own and other_scope.pos_ == "VERB" \
                and other_scope.dep_ in {"conj", "ccomp", "advcl"}:
            own -= {t.i for t in other_scope.subtree}
        elif other.token != trigger.token and other.token in own and \
                trigger.token not in {t.i for t in doc[other.token].subtree}:
            own -= {t.i for t in doc[other.token].subtree}
    return own


# Sites a place name can qualify and still say where something happened: "Heathrow airport",
# "a West Bank settlement", "Lebanon's southern border".
SITE_HEADS = set(PLACE_NOUNS)
SITES = {noun for noun, role in PLACE_NOUNS.items() if role in SITE_ROLES}
# Site nouns that a name before them turns into a party, not a place: "the Crimson Banner Front".
PARTY_SITES = {noun for noun, role in PLACE_NOUNS.items() if role == "party"}
# Country adjectives and peoples ("Philippine", "Kurdish"), which own sites, never name them.
PEOPLES = {row[0].lower() for row in load("demonyms")}
# ACLED geo-precision of a name without coordinates, as the geoparser gives it.
UNPLACED = 3


def sentence_places(doc: Doc, start: int, end: int) -> list[Toponym]:
    """The place names of the sentence at characters `start`-`end`: the geoparser's and the
    named sites it leaves out (`_named_sites`), in text order."""
    toponyms = [t for t in doc._.toponyms or [] if start <= t.start < end]
    sentence = doc.char_span(start, end, alignment_mode="expand")
    sites = _named_sites(sentence, toponyms) if sentence is not None else []
    return sorted(toponyms + sites, key=lambda t: t.start)


def _named_sites(sentence: Span, toponyms: list[Toponym]) -> list[Toponym]:
    """Names of buildings and grounds, which gazetteers seldom hold ("the Linden Road School",
    "the Al-Amal hospital", "Marsh End army base"): an event at one happened there. They have
    no coordinates of their own; `_most_specific` puts them in the town named around them. A
    capitalised site noun belongs to the name, a lowercase one follows it (with at most one
    word between: "army base"). Acronyms ("a NATO base") and peoples ("a Kurdish school", "the
    Philippine presidential palace") own sites, they do not name them; a named front is a
    party (`PARTY_SITES`)."""
    doc = sentence.doc
    taken = {(t.start, t.end) for t in toponyms}
    sites = []
    for token in sentence:
        if token.lower_ not in SITES - PARTY_SITES or token.i == sentence.start:
            continue
        if token.text[0].isupper() and token.pos_ == "PROPN":
            last = token.i
        else:
            last = token.i - 1
            if not doc[last].text[0].isupper() and doc[last].pos_ in {"NOUN", "ADJ"}:
                last -= 1
        first = _name_start(doc, last, sentence.start)
        if first is None or first == last == token.i:
            continue
        name = doc[first:last + 1]
        if name.text.isupper() or name.text.lower() in PEOPLES or \
                any(t.ent_type_ == "NORP" for t in name) or any(
                start < name.end_char and name.start_char < end for start, end in taken):
            continue
        sites.append(Toponym(name.start_char, name.end_char, name.text, None, UNPLACED))
        taken.add((name.start_char, name.end_char))
    return sites


def _name_start(doc: Doc, last: int, floor: int) -> int | None:
    """The first token of the proper name that ends at token `last`, hyphenated pieces
    included ("al-Amal"); None where no name ends there."""
    if last < floor or doc[last].pos_ != "PROPN" or not doc[last].text[0].isupper():
        return None
    first = last
    while first > floor:
        before = doc[first - 1]
        if before.pos_ == "PROPN" or before.text == "-" and not before.whitespace_ and \
                first - 2 >= floor and not doc[first - 2].whitespace_:
            first -= 1
        else:
            break
    return first + (doc[first].text == "-")


def _ground(noun: Token) -> bool:
    """Whether a noun a place name qualifies is a thing on the ground where an event can be
    ("a Dublin soccer field", "Gaza farmland"), not a force or group ("Hong Kong police")."""
    return noun.dep_ in {"pobj", "dobj"} and noun.lemma_.lower() not in FORCES and \
        noun.ent_type_ not in {"PERSON", "NORP", "ORG"}


def _is_event_place(token: Token, trigger_tokens: set[int], toponym: Toponym) -> bool:
    """Whether a place name stands for where something happened, not a modifier or actor."""
    # "90 Yemenis were killed": a people named as such is who the event befell, not where
    if token.ent_type_ == "NORP" and token.tag_ in {"NNS", "NNPS"}:
        return False
    # "U.S. and Turkish jets": an adjective coordinated with a modifier modifies too
    if token.dep_ == "conj" and token.pos_ == "ADJ" and \
            token.head.dep_ in {"compound", "amod", "nmod"}:
        return _is_event_place(token.head, trigger_tokens, toponym)
    if token.dep_ == "poss":
        return token.head.lower_ in SITE_HEADS
    # "Russian bombing", "US strikes": a country named on the event word is who did it.
    if token.dep_ in {"compound", "amod", "nmod"} and token.head.i in trigger_tokens and \
            _party(toponym):
        return False
    # "a joint Niger-U.S. base", "US-Iraqi patrols", "Saudi-led strikes": countries joined by
    # a hyphen are parties
    if token.dep_ in {"compound", "amod", "nmod", "npadvmod"} and _hyphen_joined(token) and \
            _party(toponym):
        return False
    # "Israel captured ...": the subject of an active verb acts, it is not where
    if token.dep_ == "nsubj" or token.dep_ == "nsubjpass" and token.head.pos_ == "VERB" and \
            token.head.i not in trigger_tokens:
        return False
    if token.dep_ in {"compound", "amod", "nmod"}:
        head = token.head
        while head.dep_ in {"compound", "amod", "nmod", "conj"} and head.head.i != head.i:
            if head.lower_ in SITE_HEADS:
                break
            head = head.head
        if _dated_name(head):
            return False
        # "downtown Yerevan Sunday": a date the parser took for the name's head
        if head.lower_ not in SITE_HEADS and head.i not in trigger_tokens and \
                head.ent_type_ not in {"GPE", "LOC", "FAC", "DATE", "TIME"} and \
                not (token.dep_ == "compound" and _ground(head) and not _party(toponym)):
            return False
    prep = next((a for a in token.ancestors if a.dep_ == "prep"), None)
    # "Dmitri Ivanov, of Belarus, won": where a person is from, not where it happened
    if prep is not None and prep.lower_ == "of" and prep.head.ent_type_ == "PERSON":
        return False
    return prep is None or prep.lower_ not in NOT_LOCATIVE or prep.head.lower_ in PLACE_HEADS


def _party(toponym: Toponym) -> bool:
    """Whether a place is a country or a group of countries (the EU), which news names on a
    noun as a side ("US strikes", "the EU delegation"), not as where it is."""
    return toponym.place is not None and toponym.place.kind in {"country", "region"}


def _dated_name(noun: Token) -> bool:
    """Whether a noun carries a year before it, naming a past event or occasion ("the 1982
    Ruritanian war", "the 2004 Linden games"): a place in that name says which one, not where."""
    return any(c.i < noun.i and c.text.isdigit() and len(c.text) == 4 for c in noun.children)


def _hyphen_joined(token: Token) -> bool:
    doc = token.doc
    return (token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and
            not doc[token.i + 1].whitespace_) or \
        (token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_)


def _attachment(token: Token, event: Token, circumstances: bool = False
                ) -> tuple[int, int] | None:
    """How directly a place name hangs off the event word, as (steps aside, prepositions
    crossed). A step aside is a clause of its own ("killed when a bomb went off in X"), a doer
    ("gunmen in X killed") or a preposition that seldom says where ("drove to his home in X");
    none: through prepositions, objects and noun chains ("killed in the town of X"); with
    `circumstances`, nor is one clause that tells the event's circumstances (`_circumstance`)
    nor the infinitives inside it that go on with its doing ("while trying to defuse it in X").
    Two steps aside, reported speech or a preposition that points elsewhere (`_elsewhere`),
    and the place is someone else's: None."""
    steps, hops, forgiven, doings, node, below = 0, 0, False, 0, token, token
    compared = True  # only objects and conjuncts so far: the place is what a preposition names
    scope = _scope(event)
    carriers = {event.i} | {a.i for a in event.ancestors}
    while node.i != scope.i and node.i not in carriers:
        if node.dep_ == "ccomp" or node.head.i == node.i or _elsewhere(node, compared):
            return None
        compared = compared and node.dep_ in {"pobj", "conj"}
        hops += node.dep_ == "prep"
        aside = _is_aside(node, token)
        doings += node.dep_ == "xcomp" and not forgiven
        if aside and circumstances and not forgiven and _circumstance(node, below):
            forgiven, aside = True, False
        steps += aside
        node, below = node.head, node
    steps -= doings if forgiven else 0
    return (steps, hops) if steps < 2 else None


def _elsewhere(node: Token, compared: bool) -> bool:
    """Whether a preposition points away from the event's setting ("protested against the
    war in X"). "Between" names the parties: a place that is one of them is no setting ("talks
    between X and Y"), but one placing them is ("a clash between police and students in X")."""
    if node.dep_ != "prep" or node.lower_ not in ELSEWHERE:
        return False
    return node.lower_ != "between" or compared


def _circumstance(node: Token, below: Token) -> bool:
    """Whether a clause tells the circumstances the event happened in, and so where, through
    its word `below`: one that says what someone was doing at the time ("shot while filming a
    march in X", "killed as he tried to cross into X"), or a participle placing a thing in the
    event ("a car parked in X exploded"; not "a region claimed by X"). Not a "while" with a
    subject of its own, which contrasts."""
    if node.dep_ == "acl":
        return node.tag_ == "VBN" and below.dep_ == "prep" and below.lower_ not in AWAY
    if node.dep_ != "advcl":
        return False
    markers = {c.lower_ for c in node.children if c.dep_ in {"mark", "advmod"}}
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
    return bool(markers & {"when", "as"}) or "while" in markers and not has_subject


def _is_aside(node: Token, place: Token) -> bool:
    """Whether the link from `node` up to its head steps aside from the event: into a doer
    (not the place itself as what the event befell: "Kabul was captured"), a description of a
    person ("Ivanov, the mayor of X,"), a preposition that seldom says where, a clause of its
    own, or a bearing."""
    return node.dep_ in {"nsubj", "agent"} or node.dep_ == "nsubjpass" and node.i != place.i \
        or node.dep_ == "appos" and node.head.ent_type_ == "PERSON" \
        or node.dep_ == "prep" and node.lower_ in AWAY or node.dep_ in CLAUSE_LINKS \
        or node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} or _bearing(node)


def event_places(doc: Doc, event: Token, own: set[int], trigger_tokens: set[int],
                 toponyms: list[Toponym], excluded: list[tuple[int, int]],
                 resolved_only: bool = True, circumstances: bool = False,
                 most_steps: int = 1) -> list[Toponym]:
    """The places a trigger's clause (`own`, token indices) attaches most directly to the
    `event` word, at most `most_steps` aside (`_attachment`, `circumstances` as there), nearest
    and most specific first; names the gazetteer could not resolve only with
    `resolved_only=False` (where the span, not the coordinates, is wanted)."""
    places = []
    for toponym in toponyms:
        if any(s <= toponym.start < e for s, e in excluded) or _dateline(doc, toponym):
            continue
        token = _token(doc, toponym.start, toponym.end)
        if token is None or token.i not in own or \
                not _is_event_place(token, trigger_tokens, toponym):
            continue
        places.append((toponym, token))
    return _most_specific(_nearest_attached(places, event, circumstances, most_steps),
                          resolved_only)


def _dateline(doc: Doc, toponym: Toponym) -> bool:
    """Whether a place name is in a dateline ("LINDEN, Ruritania (AP) -- ...") or the headline
    in capitals before it: a name in capitals with only capitals between the line's start and
    the dateline's dash or agency bracket says where the story was filed, not where it happened."""
    if not toponym.text.isupper():
        return False
    text = doc.text  # built anew from the tokens at each access
    line = text[text.rfind("\n", 0, toponym.start) + 1:toponym.start]
    if any(c.islower() for c in line):
        return False
    after = DATELINE_REGION.sub("", text[toponym.end:toponym.end + 120], count=1)
    parts = DATELINE_MARK.split(after, maxsplit=1)
    return len(parts) == 2 and not any(c.islower() for c in parts[0])


def _bearing(token: Token) -> bool:
    """Whether a token is the compass word of a bearing ("10 km east of X", "south of X"):
    the place after it is a landmark, not where the event was."""
    return token.lower_ in COMPASS and token.dep_ in {"advmod", "npadvmod"}


def trigger_places(doc: Doc, trigger: Trigger, triggers: list[Trigger], toponyms: list[Toponym],
                   excluded: list[tuple[int, int]], resolved_only: bool = True) -> list[Toponym]:
    """The places of one event word, nearest first. One without a place of its own takes those
    of an event word it governs ("killed in an airstrike in Anbar"), but not across reported
    speech or two steps aside (`_attachment`); else those of a passive coordinated after it
    (`_later_conjuncts`), of the clause it hangs from ("a bomb exploded in X, killing ten",
    "the X neighborhood, where a car bomb killed ten"), of an opening "In X,", or at last of
    a clause telling its circumstances ("shot while filming a march in X")."""
    event = doc[trigger.token]
    trigger_tokens = {t.token for t in triggers}
    below = {t.i for t in event.subtree}
    places = _own_places(doc, trigger, triggers, toponyms, excluded, resolved_only)
    if places:
        return places
    for conjunct in _later_conjuncts(event):
        own = {t.i for t in conjunct.subtree}
        places = event_places(doc, conjunct, own, trigger_tokens, toponyms, excluded,
                              resolved_only)
        if places:
            return places
    for setting in _settings(event):
        around = {t.i for t in setting.subtree} - below
        places = event_places(doc, setting, around, trigger_tokens, toponyms, excluded,
                              resolved_only)
        if places:
            return places
    opening = _opening_setting(doc, event, trigger_tokens, toponyms, excluded, resolved_only)
    if opening:
        return opening
    return _own_places(doc, trigger, triggers, toponyms, excluded, resolved_only,
                       circumstances=True)


def _settings(event: Token) -> list[Token]:
    """The words whose clauses can set the scene of an event word, nearest first: the one it
    hangs from, and up a coordination the one its first conjunct hangs from ("a shell hit a
    school in X, killing seven and wounding ten")."""
    settings, node = [], event
    while node.dep_ in SETTING_LINKS and node.head.i != node.i:
        settings.append(node.head)
        if node.dep_ != "conj":
            break
        node = node.head
    return settings


def _own_places(doc: Doc, trigger: Trigger, triggers: list[Trigger], toponyms: list[Toponym],
                excluded: list[tuple[int, int]], resolved_only: bool,
                circumstances: bool = False) -> list[Toponym]:
    """The places of the trigger's own clause, else those of the first event word it governs
    that has some (`_attachment`, `circumstances` as there); a place straight on a governed
    event word before one a step aside from the trigger ("killed in fighting in X as an envoy
    prepared a Y tour")."""
    event = doc[trigger.token]
    trigger_tokens = {t.token for t in triggers}
    below = {t.i for t in event.subtree}
    governed = [t for t in triggers if t.token != trigger.token and t.token in below
                and _attachment(doc[t.token], event, circumstances) is not None]
    for most_steps in (0, 1):
        for candidate in [trigger] + governed:
            own = clause_tokens(doc, candidate, triggers)
            places = event_places(doc, doc[candidate.token], own, trigger_tokens, toponyms,
                                  excluded, resolved_only, circumstances, most_steps)
            if places:
                return places
    return []


def _opening_setting(doc: Doc, event: Token, trigger_tokens: set[int], toponyms: list[Toponym],
                     excluded: list[tuple[int, int]], resolved_only: bool) -> list[Toponym]:
    """The places of a sentence-opening "In X," when the event word stands in the main
    clause: the scene is set for all that clause tells, however the parser hung it."""
    sentence = event.sent
    opening = sentence[0]
    if opening.lower_ != "in" or opening.dep_ != "prep" or \
            any(a.dep_ in {"ccomp", "relcl", "acl"} for a in [event, *event.ancestors]):
        return []
    phrase = {t.i for t in opening.subtree}
    if sentence.start + len(phrase) >= sentence.end or doc[max(phrase) + 1].text != ",":
        return []
    return event_places(doc, opening.head, phrase, trigger_tokens, toponyms, excluded,
                        resolved_only)


def _later_conjuncts(event: Token) -> list[Token]:
    """Passive clauses coordinated after a passive event word, each about victims of its own:
    a phrase closing the coordination is shared by both ("two were killed and others wounded
    by a bomb in X"); one about the same victims is a later event ("captured and held in X")."""
    if event.tag_ != "VBN":
        return []
    return [t for t in event.children if t.dep_ == "conj" and t.tag_ == "VBN" and
            t.i > event.i and any(c.dep_ == "nsubjpass" for c in t.children)]


def _nearest_attached(places: list[tuple[Toponym, Token]], event: Token, circumstances: bool,
                      most_steps: int) -> list[tuple[Toponym, Token]]:
    """The places of the most direct attachment, landmarks of a bearing only where no other
    is as direct ("in X, 10 km north of Y" happened in X); among them names of places before
    names that qualify some other noun ("an army checkpoint in X" before "an Iraqi army
    checkpoint", but a site's own name is a place: "the al-Amal school"), then the fewest
    prepositions away."""
    ranked = []
    for toponym, token in places:
        attachment = _attachment(token, event, circumstances)
        if attachment is not None and attachment[0] <= most_steps:
            steps, hops = attachment
            landmark = any(_bearing(node) for node in _path(token, event))
            qualifies = token.dep_ in {"compound", "amod", "nmod", "poss"} and \
                token.head.lower_ not in PLACE_HEADS and _named_noun(toponym, token) is token
            ranked.append(((steps, landmark, qualifies, hops, token.i), toponym, token))
    if not ranked:
        return []
    best = min(key[:2] for key, _, _ in ranked)
    return [(t, tok) for key, t, tok in sorted(ranked, key=lambda r: r[0]) if key[:2] == best]


def _most_specific(places: list[tuple[Toponym, Token]], resolved_only: bool = True
                   ) -> list[Toponym]:
    """Drop containers of more specific places. Named inside another ("al-Wa'er in Homs
    city"): the inner one when the gazetteer knows it near the outer, else the outer, as "part
    of" it, precision 2. Named as a country or region of a town ("the Turkish city of
    Gaziantep", "Aleppo, Syria"): the town."""
    contained: set[int] = set()
    for i, (outer, outer_token) in enumerate(places):
        inner = [j for j, (t, tok) in enumerate(places)
                 if j != i and (_stands_above(_named_noun(t, tok), outer_token)
                                or _qualifies_named(outer_token, tok))]
        if not inner:
            continue
        resolved = [j for j in inner if places[j][0].place and outer.place and haversine_km(
            places[j][0].place.lat, places[j][0].place.lon, outer.place.lat,
            outer.place.lon) <= NEAR_KM * (4 if outer.place.kind != "city" else 1)]
        if resolved or not resolved_only:
            contained.add(i)
        else:
            contained.update(j for j in inner if not places[j][0].place)
            if outer.place and outer.precision == 1:
                outer.precision = 2
    kept = [t for i, (t, _) in enumerate(places)
            if i not in contained and (t.place is not None or not resolved_only)]
    return [t for t in kept if not any(_contains_town(t, other) for other in kept)]


def _named_noun(toponym: Toponym, name: Token) -> Token:
    """The quarter a name names ("the Saltivka district", whose "of Kharkiv" is its city) or
    the site a name without coordinates names ("the al-Amal hospital in Linden"), else the
    name itself ("the Idlib town of Jisr al-Shughur" names the town)."""
    names_head = name.head.lower_ in QUARTERS or toponym.place is None and \
        name.head.lower_ in SITES
    return name.head if name.dep_ == "compound" and names_head else name


def _stands_above(inner: Token, outer: Token) -> bool:
    """Whether `outer` hangs below `inner` other than as a conjunct: "Saltivka district of
    Kharkiv", "al-Wa'er in Homs city"."""
    return inner in outer.ancestors and not any(a.dep_ == "conj" for a in _path(outer, inner))


def _qualifies_named(qualifier: Token, name: Token) -> bool:
    """Whether `qualifier` sits before a settlement noun that `name` names after "of" ("the
    western Iraqi town of Rutba", "Syria's capital of Damascus", "the towns of A and B"),
    owns a quarter that `name` so names ("Linden's eastern district of Marsh End"; but in "the
    Marsh End district of Linden" the quarter's name comes first), or owns a place noun that
    `name` names ("Kabul's Karte Seh district", "Linden's al-Amal hospital")."""
    if qualifier.dep_ in {"poss", "amod"} and name.dep_ == "compound" and \
            name.head.i == qualifier.head.i and qualifier.head.lower_ in SITE_HEADS:
        return True
    head = qualifier.head
    while head.lower_ not in NAMEABLE and head.dep_ in {"compound", "amod", "nmod"} and \
            head.head.i != head.i:
        head = head.head
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head
    named = head.lower_ in SETTLEMENTS or head.lower_ in QUARTERS and qualifier.dep_ == "poss"
    return qualifier.dep_ in {"compound", "amod", "nmod", "poss"} and named and \
        name.head.lower_ == "of" and name.head.head.i == head.i


def _contains_town(outer: Toponym, inner: Toponym) -> bool:
    """Whether `outer` is a country or first-level division that `inner` lies in."""
    big, small = outer.place, inner.place
    if big is None or small is None or big.kind not in {"country", "admin1"} or \
            small.kind in {"country", "region"} or big.country_code != small.country_code:
        return False
    return big.kind == "country" or small.kind != "admin1" and small.admin1 == big.admin1


def _path(lower: Token, upper: Token) -> list[Token]:
    path, node = [], lower
    while node.i != upper.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    return path


def excluded_spans(claims: Iterable[Claim], sentence_start: int, sentence: str,
                   triggers: list[Trigger]) -> list[tuple[int, int]]:
    """Character spans of claimants ("officials in Baghdad") inside the sentence (its text
    from `sentence_start`); a claimant that holds an event word is a mis-parse, not a
    speaker, and is not excluded."""
    spans = []
    for claim in claims:
        found = sentence.find(claim.claimant)
        if found == -1:
            continue
        at = sentence_start + found
        end = at + len(claim.claimant)
        if not any(at <= t.span.start < end for t in triggers):
            spans.append((at, end))
    return spans


def _sub_event_types(triggers: list[Trigger], implied: list[str]) -> list[tuple[str, str]]:
    """The sub-event types the words support, most specific first (a suicide bombing before
    the explosion it caused)."""
    ranked = sorted(triggers, key=lambda t: -t.specificity)
    specific = [(t.event_type, t.sub_event_type) for t in ranked if t.specificity]
    if not specific:
        implied = [i for i in implied if i != "-"]
        if implied:
            specific = [("Explosions/Remote violence", implied[0])]
    if not specific:
        specific = [(t.event_type, t.sub_event_type) for t in triggers]
    return list(dict.fromkeys(specific))


def _date_for(doc: Doc, times: list[TimeExpression], start: int, end: int,
              own: set[int], others: set[int], triggers: set[int]) -> TimeExpression | None:
    """A date that modifies the event word itself ("the 2004 bombing") or that dates it
    across the place it is said at ("arrested a man in Linden on Friday"), else the time
    expression of the trigger's own clause, else one the sentence gives outside other
    events' clauses (`others`) for an act of violence; never the day of what came later
    ("police said Thursday", "was arrested Friday" in a report of a shooting), of a death
    ("shot near his school, died Sunday") or of something else outside the trigger's clause
    ("surgeons operated Wednesday on the three people the gunman shot"): the day of the act
    its entry gives wins over those (`build_mentions`)."""
    inside = [t for t in times if start <= t.span.start < end and t.precision]
    tokens = {id(t): _token(doc, t.span.start, t.span.end) for t in inside}
    on_trigger = [t for t in inside if tokens[id(t)] is not None
                  and tokens[id(t)].head.i in triggers and tokens[id(t)].i not in triggers
                  or (word := dated_word(doc, t)) is not None and word.i in triggers]
    if on_trigger:
        return on_trigger[0]
    ranks = {id(t): incident_rank(doc, t, triggers) for t in inside}
    inside = [t for t in inside if ranks[id(t)] in OWN_DAY_RANKS]
    mine = [t for t in inside if tokens[id(t)] is not None and tokens[id(t)].i in own]
    free = [t for t in inside if (tokens[id(t)] is None or tokens[id(t)].i not in others)
            and ranks[id(t)] == INCIDENT_RANKS["act"]]
    candidates = mine or free
    days = [t for t in candidates if t.precision == "day"]
    return (days or candidates or [None])[0]


def build_mentions(doc: Doc) -> list[EventMention]:
    """Every event the sentences of `doc` report, before fusion; each of violence with the
    day its entry gives for the violence it reports."""
    segments = doc._.segments or []
    mentions: list[EventMention] = []
    for found in doc._.events or []:
        mentions.extend(_sentence_mentions(doc, found, segments))
    mentions.extend(_count_mentions(doc, segments))
    days = _entry_days(doc, segments)
    for mention in mentions:
        if mention.event_type in VIOLENCE and not mention.counts_only and days:
            mention.entry_date = days[mention.segment]
    return mentions


def _count_mentions(doc: Doc, segments: list[Segment]) -> list[EventMention]:
    """Sentences that count the dead or wounded and name no event ("Two men died", "The
    victim was taken to hospital"), one mention each (`_counts_mention`). A sentence naming
    an event ACLED does not code (a crash, a fire) keeps its counts to itself, unless a
    firearm did it ("an accident with a rifle took the boy's life" tells of a shooting)."""
    told = {found.sentence.start for found in doc._.events or []
            if found.triggers or not any(weapon == "firearm" for weapon, _, _ in found.weapons)}
    found = doc._.casualties or []
    if not found:
        return []
    mentions = []
    for sent in doc.sents:
        if sent.start_char in told:
            continue
        counts = [c for c in found if sent.start_char <= c.span.start < sent.end_char]
        if counts:
            mentions.append(_counts_mention(TextSpan(sent.start_char, sent.end_char, sent.text),
                                            segment_of(segments, sent.start_char), counts))
    return mentions


def _counts_mention(sentence: TextSpan, segment: int,
                    counts: list[CasualtyMention]) -> EventMention:
    """A sentence's counts of victims whose violence it does not name ("Two men died",
    "police arrested a man after two women died"), marked `counts_only`:
    fusion gives them to the incident the entry is about, they found none of their own."""
    return EventMention(event_type=COUNTED_EVENT[0], sub_event_type=COUNTED_EVENT[1],
                        trigger=counts[0].span, sentence=sentence, segment=segment,
                        casualties=list(counts), specificity=0, counts_only=True)


def _entry_days(doc: Doc, segments: list[Segment]) -> list[TimeExpression | None]:
    """The day each entry gives for the violence it reports (`dates.incident_day`)."""
    times = doc._.times or []
    acts = {t.token for found in doc._.events or [] for t in found.triggers
            if t.event_type in VIOLENCE}
    return [incident_day(doc, [t for t in times if seg.start <= t.span.start < seg.end],
                         seg.reference, acts) for seg in segments]


def _sentence_mentions(doc: Doc, found: SentenceEvents, segments) -> list[EventMention]:
    start, end = found.sentence.start, found.sentence.end
    toponyms = sentence_places(doc, start, end)
    claims = [c for c in doc._.claims or [] if c.start <= start < c.end or start <= c.start < end]
    excluded = excluded_spans(claims, start, found.sentence.text, found.triggers)
    casualties: list[CasualtyMention] = [c for c in doc._.casualties or []
                                         if start <= c.span.start < end]
    segment = segment_of(segments, start)

    groups: dict[tuple, list[Trigger]] = {}
    clauses: dict[tuple, set[int]] = {}
    places_by_group: dict[tuple, list[Toponym]] = {}
    for trigger in found.triggers:
        own = clause_tokens(doc, trigger, found.triggers)
        places = trigger_places(doc, trigger, found.triggers, toponyms, excluded)
        key = (trigger.event_type in VIOLENCE, tuple(sorted(p.place.id for p in places)))
        groups.setdefault(key, []).append(trigger)
        clauses[key] = clauses.get(key, set()) | own
        places_by_group[key] = places
    for key in [k for k in groups if not k[1]]:
        home = next((k for k in groups if k[1] and k[0] == key[0]), None)
        if home is not None:
            groups[home].extend(groups.pop(key))
            clauses[home] |= clauses.pop(key)

    mentions = []
    for key, triggers in groups.items():
        own = clauses[key]
        implied = [w[1] for w in found.weapons if w[2] in own]
        types = _sub_event_types(triggers, implied)
        others = set().union(*(c for k, c in clauses.items() if k != key)) - own
        date = _date_for(doc, doc._.times or [], start, end, own, others,
                         {t.token for t in triggers})
        for place in places_by_group[key] or [None]:
            mentions.append(EventMention(
                event_type=types[0][0], sub_event_type=types[0][1],
                trigger=min((t.span for t in triggers), key=lambda s: s.start),
                sentence=found.sentence, segment=segment,
                actors=unique_actors([a for a, token in found.actors
                                       if token in own or token not in others]),
                weapons=list(dict.fromkeys(w[0] for w in found.weapons if w[2] in own)),
                targets=list(found.targets), places=[place] if place else [], date=date,
                claims=list(claims), specificity=max(t.specificity for t in triggers),
                sub_event_types=[t for _, t in types]))
    holders = [m for m in mentions if m.event_type not in TOLL_FREE]
    if holders and casualties:
        _assign_casualties(mentions, holders, casualties)
    elif mentions and casualties:
        mentions.append(_counts_mention(found.sentence, segment, casualties))
    return mentions


def unique_actors(actors: list[Actor]) -> list[Actor]:
    """One entry per actor; the perpetrator role wins over the others."""
    kept: dict[str, Actor] = {}
    for actor in actors:
        if actor.name not in kept or actor.role == "perpetrator":
            kept[actor.name] = actor
    return list(kept.values())


def _assign_casualties(mentions: list[EventMention], holders: list[EventMention],
                       casualties: list[CasualtyMention]) -> None:
    """Each count goes to the violent mention whose event word is nearest (people are killed
    and wounded in violence), else to the nearest of the `holders`; several places named for
    one count make it a total over them (marked aggregate)."""
    if len({m.trigger.start for m in mentions}) < len(mentions):
        for c in casualties:
            c.aggregate = True
    candidates = [m for m in holders if m.event_type in VIOLENCE] or holders
    for c in casualties:
        nearest = min(candidates, key=lambda m: abs(m.trigger.start - c.span.start))
        nearest.casualties.append(c)
