"""People hit as the dependency parse tells them, where the patterns read fewer."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..lexicons import load
from ..types import CasualtyMention, Count, Span
from .patterns import AGGREGATE, BY_POLICE, GROUP_SIZES, PERPETRATORS, PERSONS, VICTIM_NOUNS
from .sentences import of_this_story, words_to_int


VERB_OUTCOMES = dict(load("victim_verbs"))
REFLEXIVES = {"himself", "herself", "themselves"}  # the killer, read by the patterns
GUNFIRE = {row[0] for row in load("gunfire_nouns")}
CARE = {row[0] for row in load("care_nouns")}


def parsed_victims(sent: SpacySpan, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """People hit as the dependency parse tells them, where the patterns read fewer: the
    subject of a passive victim verb (or of "died") with its conjuncts ("a deputy and the
    armed intruder were killed"), past an apposition or a relative clause ("Ines Varga, who
    had also been wounded, ..."; "his neighbor, Orla Penn, was hit"), and the objects of
    active ones ("gunned down Nell Brody and Abe Sutter")."""
    text, base = sent.text, sent.start_char
    aggregate = AGGREGATE.search(text) is not None
    out = []
    for verb in sent:
        outcome = _outcome(verb) if verb.lemma_ in VERB_OUTCOMES else None
        subjects = _victim_subjects(verb) if outcome and _told_as_fact(verb) else []
        people = [p for subject in subjects for p in _listed_with(subject, verb)]
        people += [p for joined in _along_with(verb) for p in _listed_with(joined, verb)] \
            if people else []
        counts = [_people_in(noun, verb) for noun in people]
        if len(counts) > 2 and None not in counts and counts[0] == sum(counts[1:]):
            people, counts = people[:1], counts[:1]  # "four people, three women and a man"
        if not people or None in counts or _clause_between(sent.doc, people, verb):
            continue
        start = min(verb.idx, *(p.left_edge.idx for p in people))
        end = max(verb.idx + len(verb), *(p.idx + len(p) for p in people))
        told = [c for c in found if c.span.start < end and start < c.span.end]
        if any(c.count.best == 0 for c in told):  # "no one died": the patterns said none
            continue
        attackers = [p for p in people if _is_attacker(p, verb, text, base)]

        def mention(n: int, at: int, **flags) -> CasualtyMention:
            return CasualtyMention(outcome, Count(n, n, n),
                                   Span(at, end, text[at - base:end - base]),
                                   aggregate=aggregate, **flags)
        victims = sum(counts) - len(attackers)
        if victims and all((c.count.best or 0) < victims for c in told if not c.perpetrator):
            out.append(mention(
                victims, start,
                victim=_parsed_key(people[0]) if victims == 1 and not attackers else None,
                adds=any(c.lower_ == "another" for c in people[0].children)))
        if attackers and not any(c.perpetrator for c in told):
            out.append(mention(len(attackers), attackers[0].idx, perpetrator=True))
    return of_this_story(text, base, out)


def _outcome(verb: Token) -> str | None:
    """What the verb says befell them; "shot dead", "shot to death" killed."""
    outcome = VERB_OUTCOMES.get(verb.lemma_)
    if outcome == "hospital":
        return _taken_for_care(verb)
    if verb.lemma_ in {"hit", "strike"} and _hit_by_other_things(verb):
        return None
    dead = any(c.lower_ == "dead" or (c.lower_ == "to" and any(g.lower_ == "death"
                                                              for g in c.children)) or
               (c.dep_ == "conj" and VERB_OUTCOMES.get(c.lemma_.lower()) == "killed" and
                not any(g.dep_.startswith("nsubj") for g in c.children))
               for c in verb.children)
    return "killed" if outcome and dead else outcome


def _taken_for_care(verb: Token) -> str | None:
    """ "were transported by ambulance to a medical center": hit (injured when it says
    "with wounds"); taken anywhere else, nothing."""
    objects = [(prep.lower_, pobj.lemma_.lower()) for prep in verb.children
               if prep.dep_ == "prep" for pobj in prep.children if pobj.dep_ == "pobj"]
    if any(prep == "with" and noun in {"wound", "injury"} for prep, noun in objects):
        return "injured"
    return "shot" if any(prep == "to" and noun in CARE for prep, noun in objects) else None


def _hit_by_other_things(verb: Token) -> bool:
    """ "hit by a truck", "struck with a bat": hit, but not by gunfire."""
    return any(c.lower_ in {"by", "with"} and not any(
        g.lemma_.lower() in GUNFIRE for g in c.children) for c in verb.children)


def _told_as_fact(verb: Token) -> bool:
    """Not denied, wished, feared, asked or long past ("was not shot", "don't let me die out
    here", "could be killed", "whether the driver had died", "was once wounded")."""
    # a participle clause tells a result ("..., killing him instantly"); a capitalised
    # "SHOOTING" is a headline's noun
    participle = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp", "pcomp"} and \
        verb.text.islower()
    return (verb.tag_ in {"VBD", "VBN", "VBZ"} or participle) and not any(
        c.dep_ == "neg" or c.tag_ == "MD" or c.lower_ in {"if", "whether", "once"}
        for c in verb.children)


def _victim_subjects(verb: Token) -> list[Token]:
    """Whom the verb befell: its passive subjects, the subject of "die", the noun a relative
    clause hangs on ("Varga, who had been wounded"), or the noun a participle right after it
    describes ("a man shot in the leg"). "Shot at" is fired at, not hit."""
    if any(c.lower_ == "at" and c.i == verb.i + 1 for c in verb.children):
        return []
    wanted = {"nsubjpass", "nsubj"} if verb.lemma_.lower() == "die" else {"nsubjpass"}
    subjects = [c for c in verb.children if c.dep_ in wanted and c.i < verb.i]
    if not subjects and verb.lemma_ != "die" and VERB_OUTCOMES[verb.lemma_] != "hospital":
        # the object of an active verb: "gunned down Nell Brody and Abe Sutter"
        subjects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and
                    c.lower_ not in REFLEXIVES]
    if len(subjects) == 1 and subjects[0].tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        return [verb.head]
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i == verb.head.i + 1:
        return [verb.head]
    if not subjects and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        # "was critically injured", read as "was" with an adjective
        return [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.i]
    return subjects


def _along_with(verb: Token) -> list[Token]:
    """ "was shot dead along with his brother": the brother too."""
    return [pobj for along in verb.children if along.lower_ == "along"
            for with_ in along.children if with_.lower_ == "with"
            for pobj in with_.children if pobj.dep_ == "pobj"]


def _listed_with(noun: Token, verb: Token) -> list[Token]:
    """The noun and those coordinated with it; an apposition that has conjuncts of its own
    and no article of its own is a list too ("the cashier, a cook and a porter"), unless the
    noun gives the number ("two workers, a cook and a cashier"). Not a relative clause's noun
    ("the gunman and the three customers who were wounded": the three), nor a conjunct told
    of apart ("three soldiers wounded and one civilian dead")."""
    if noun.i == verb.head.i:
        return [noun]
    listed = [noun, *[c for c in noun.conjuncts if c.lower_ not in REFLEXIVES and not any(
        g.lower_ == "dead" or g.lemma_.lower() in VERB_OUTCOMES for g in c.children)]]
    if any(c.dep_ == "nummod" for c in noun.children):
        return listed
    for aside in noun.children:
        if aside.dep_ == "appos" and aside.conjuncts and \
                any(c.lower_ in {"a", "an"} for c in aside.children):
            listed += [aside, *aside.conjuncts]
    return listed


def _clause_between(doc: Doc, people: list[Token], verb: Token) -> bool:
    """Whether another clause's verb stands between the people and the victim verb (outside
    a clause on them, as "five men heading to a party were shot"): "a clerk phoned a friend
    saying he had been hit and two guards had been killed" is no list of the killed."""
    inside = {t.i for p in people for c in p.children
              if c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"})
              for t in c.subtree}
    first = min(p.i for p in people)
    return any(t.pos_ == "VERB" and t.tag_ in {"VBD", "VBZ", "VBP", "VBG"} and
               t.i not in inside for t in doc[first:verb.i])


def _people_in(noun: Token, verb: Token) -> int | None:
    """How many people a subject noun stands for: its number, one for a singular person
    noun, a name or an age ("the 19-year-old"), or any singular noun that died ("an
    eighth-grader died"); None when it does not say (plural with no number, "they") or is
    no person ("the van was hit")."""
    if noun.lower_ in {"he", "she", "him", "her"}:
        return 1
    if noun.pos_ == "NUM" and noun.dep_.startswith("nsubj") and \
            any(c.lower_ in {"the", "all"} for c in noun.children):  # "the two were wounded"
        return words_to_int(noun.text)
    died = verb.lemma_ == "die" and noun.tag_ == "NN" and \
        any(c.dep_ == "det" and c.lower_ != "no" for c in noun.children)
    if noun.pos_ == "PRON" or not (died or _is_person(noun)):
        return None
    if noun.tag_ not in {"NNS", "NNPS"}:  # a number on a singular noun is an age
        return GROUP_SIZES.get(noun.lower_, 1)  # ("a 31 y/o woman"); "a couple" is two
    number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if number is not None:  # ranges and "at least" are the patterns' to read
        return None if any(number.children) else words_to_int(number.text)
    return 2 if any(c.lower_ == "both" for c in noun.children) else None


def _is_person(noun: Token) -> bool:
    return _named(noun) or \
        noun.lemma_.lower() in VICTIM_NOUNS or _age_of(noun) is not None or \
        re.fullmatch(PERSONS, noun.text, re.IGNORECASE) is not None


def _age_of(noun: Token) -> str | None:
    """ "19-year-old" as one word, from the parse of "19 - year - old"."""
    if noun.lower_ != "old":
        return None
    unit = next((c for c in noun.children if c.lemma_ in {"year", "month", "week"}), None)
    number = next((c for c in unit.children if c.dep_ == "nummod"), None) if unit else None
    return f"{number.text}-{unit.lemma_}-old" if number is not None else None


def _is_attacker(noun: Token, verb: Token, text: str, base: int) -> bool:
    """A suspect or gunman hit, or one the police shot ("was gunned down by deputies");
    `text` is the sentence's, starting at character `base` of the document."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return re.fullmatch(PERPETRATORS, noun.text, re.IGNORECASE) is not None or any(
        BY_POLICE.match(text, v.idx + len(v) - base) is not None for v in verbs)


def _named(noun: Token) -> bool:
    """A person's name, not a headline's capitalised words ("Guard Hit")."""
    return noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN" and \
        noun.lemma_.lower() not in VERB_OUTCOMES


def _parsed_key(noun: Token) -> str:
    """A lone victim's key (see `_victim_key`): the name, also in apposition ("his neighbor,
    Orla Penn"), else the age, else the kind of person."""
    named = [noun] if _named(noun) else \
        [c for c in noun.children if c.dep_ == "appos" and _named(c)]
    if named:
        parts = [t for t in named[0].lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        return " ".join(t.text for t in [*parts, named[0]])
    if noun.lower_ in {"he", "she", "him", "her", "victim"}:
        return ""
    return _age_of(noun) or noun.lemma_.lower()
