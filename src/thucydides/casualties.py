"""Killed and injured counts stated in a sentence, as conservative low / best / high counts.

Counting rules (ACLED and UCDP): "at least 15" is low 15, best 15, high none; "15 to 20"
is low 15, best 15, high 20; vague quantities take the values in the vague_quantities
lexicon ("dozens" 12); "no one was hurt" is 0; a count that is not given is None.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .lexicons import load
from .types import CasualtyMention, Count, Span

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
ORDINAL_VICTIMS = {"another": 1, "a second": 1, "a third": 1, "a fourth": 1, "a fifth": 1}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}))*)"
VAGUE = "|".join(sorted((re.escape(row[0]) for row in load("vague_quantities")), key=len,
                        reverse=True))
MODIFIER = (r"(?P<mod>at least|no fewer than|no less than|more than|over|nearly|almost|about|"
            r"around|roughly|approximately|some|up to|as many as|an estimated|at most|"
            r"at the very least|a total of|a further|another|an additional)")
QUANTITY = (rf"(?:{MODIFIER}\s+)?(?:between\s+(?P<lo>{NUMBER})\s+and\s+(?P<hi>{NUMBER})"
            rf"|(?P<n>{NUMBER})(?:\s*(?:to|-|–|or)\s*(?P<n2>{NUMBER}))?"
            rf"|(?P<vague>{VAGUE})"
            r"|(?P<single>a|an|one|another|a second|a third|a fourth|a fifth))")
ADJECTIVES = r"(?:[\w'’-]+\s+){0,3}?"
PERSONS = (r"(?:people|persons|person|civilians?|children|child|kids|men|man|women|woman|boys?|"
           r"girls?|teens?|teenagers?|toddlers?|infants?|babies|baby|students?|soldiers?|troops|"
           r"fighters?|militants?|insurgents?|rebels?|officers?|policemen|policeman|police officers?|"
           r"guards?|protesters?|demonstrators?|worshippers?|residents?|villagers?|pilgrims?|"
           r"journalists?|workers?|members?|victims?|individuals?|others|adults?|youths?|"
           r"relatives|family members|passengers|patients|doctors|staff|suspects?|gunm[ae]n|"
           r"attackers?|bombers?|assailants?|shooters?)")
KILLED = (r"(?:killed|dead|died|slain|massacred|executed|murdered|perished|lost (?:their|his|her) "
          r"lives?|shot dead|shot and killed|fatally (?:shot|wounded|injured|stabbed)|"
          r"killed instantly|pronounced dead|beheaded)")
INJURED = (r"(?:injured|wounded|hurt|hospitali[sz]ed|shot and wounded|shot and injured|"
           r"(?:suffered|sustained) (?:\w+\s+)?(?:injuries|wounds|gunshot wounds)|"
           r"treated for (?:\w+\s+)?(?:injuries|wounds))")
SHOT = r"(?:shot|struck by (?:gunfire|bullets))"
CASUALTIES = r"(?:casualties)"
AUX = r"(?:(?:were|was|have|has|had|been|are|is|being|reportedly|also|later|all|both|allegedly|" \
      r"critically|seriously|severely|fatally|slightly|badly|were\s+all|each)\s+){0,4}"
CHILDREN = rf"(?:\s*,?\s*(?:including|among them|among whom were)\s+(?P<kids>{NUMBER}|a|an)\s+" \
           rf"(?P<kidnoun>children|child|minors?|kids|women|civilians|soldiers)\s*,?)?"

COUNT_BEFORE = re.compile(
    rf"\b{QUANTITY}(?:\s+{ADJECTIVES}(?P<noun>{PERSONS}))?{CHILDREN}\s+(?:who\s+)?{AUX}"
    rf"(?P<verb>{KILLED}|{INJURED}|{SHOT})\b", re.IGNORECASE)
VERB_BEFORE = re.compile(
    rf"\b(?P<verb>killing|killed|kills|wounding|wounded|injuring|injured|leaving|left|"
    rf"claimed the lives of|claiming the lives of)\s+{QUANTITY}"
    rf"(?:\s+{ADJECTIVES}(?P<noun>{PERSONS}))?(?:\s+(?P<state>dead|injured|wounded|hurt))?\b",
    re.IGNORECASE)
TOLL = re.compile(rf"\b(?:death|casualty|fatality) toll\s+(?:\w+\s+){{0,4}}?"
                  rf"(?:to|at|of|reached|is|was|hit)\s+{QUANTITY}", re.IGNORECASE)
CASUALTY_NOUN = re.compile(rf"\b{QUANTITY}\s+(?:of\s+)?(?P<verb>{CASUALTIES})\b", re.IGNORECASE)
NONE_HURT = re.compile(
    r"\b(?:no one|nobody|no other|none)\s+(?:else\s+)?(?:was|were|has been|had been)\s+"
    r"(?:reported\s+)?(?P<verb>killed|hurt|injured|wounded)|\bno (?P<verb2>injuries|deaths|"
    r"casualties|fatalities)\s+(?:were|was|have been|had been)?\s*reported|\bwithout "
    r"(?P<verb3>injuries|casualties)", re.IGNORECASE)
AGGREGATE = re.compile(r"\b(?:in|during|from|across)\s+(?:the|these|those|all|both)\s+"
                       r"(?:\w+\s+){0,2}(?:attacks|strikes|raids|bombings|airstrikes|"
                       r"clashes|incidents|shootings|explosions|blasts|assaults)\b|"
                       r"\bin total\b|\bin all\b", re.IGNORECASE)


def words_to_int(text: str) -> int | None:
    text = text.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word == "and" or not word:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def _vague() -> dict[str, tuple[int, int | None]]:
    return {row[0]: (int(row[1]), None if row[2] == "-" else int(row[2]))
            for row in load("vague_quantities")}


def parse_quantity(m: re.Match) -> Count | None:
    g = m.groupdict()
    mod = (g.get("mod") or "").lower()
    if g.get("lo"):
        low, high = words_to_int(g["lo"]), words_to_int(g["hi"])
        return Count(low, low, high)
    if g.get("n"):
        low = words_to_int(g["n"])
        if low is None:
            return None
        high = words_to_int(g["n2"]) if g.get("n2") else None
        if high is not None and high < low:
            high = None
    elif g.get("vague"):
        low, high = _vague()[g["vague"].lower()]
        return Count(low, low, high)
    elif g.get("single"):
        low, high = 1, None
    else:
        return None
    if mod in {"more than", "over"}:
        return Count(low + 1, low + 1, high)
    if mod in {"nearly", "almost", "up to", "at most", "as many as"}:
        return Count(None, low, low)
    if mod in {"about", "around", "roughly", "approximately", "some", "an estimated"}:
        return Count(None, low, high)
    return Count(low, low, high if high else (low if not mod or mod == "a total of" else None))


def _kind(verb: str) -> str:
    verb = verb.lower()
    if re.fullmatch(KILLED, verb):
        return "killed"
    if re.fullmatch(CASUALTIES, verb):
        return "casualties"
    if re.fullmatch(SHOT, verb):
        return "shot"
    return "injured"


def find_casualties(sentence: str, offset: int = 0) -> list[CasualtyMention]:
    """Casualty counts in one sentence; offsets are shifted by `offset`."""
    mentions: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []
    aggregate = bool(AGGREGATE.search(sentence))

    def add(kind: str, count: Count | None, m: re.Match, noun: str | None = None,
            children: int | None = None):
        if count is None or any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append(m.span())
        noun = (noun or "").lower()
        civilians = count.best if noun.startswith("civilian") and kind == "killed" else None
        kids = count.best if noun in {"children", "child", "kids", "boy", "girl", "boys", "girls",
                                      "toddler", "infant", "baby", "babies"} else children
        mentions.append(CasualtyMention(kind, count, Span(m.start() + offset, m.end() + offset,
                                                          m.group(0)),
                                        children=kids, civilians=civilians, aggregate=aggregate))

    for m in NONE_HURT.finditer(sentence):
        verb = (m.group("verb") or m.group("verb2") or m.group("verb3") or "").lower()
        kinds = {"killed": ["killed"], "deaths": ["killed"], "fatalities": ["killed"],
                 "casualties": ["killed", "injured"]}.get(verb, ["injured"])
        for kind in kinds:
            add(kind, Count(0, 0, 0), m)
    for m in TOLL.finditer(sentence):
        add("killed", parse_quantity(m), m)
    for m in COUNT_BEFORE.finditer(sentence):
        kids = None
        if m.group("kids"):
            kids = 1 if m.group("kids").lower() in {"a", "an"} else words_to_int(m.group("kids"))
            if m.group("kidnoun").lower() not in {"children", "child", "minors", "minor", "kids"}:
                kids = None
        add(_kind(m.group("verb")), parse_quantity(m), m, m.group("noun"), kids)
    for m in VERB_BEFORE.finditer(sentence):
        verb = m.group("verb").lower()
        state = (m.group("state") or "").lower()
        if verb in {"leaving", "left"}:
            if not state:
                continue
            kind = "killed" if state == "dead" else "injured"
        else:
            kind = "killed" if verb.startswith(("kill", "claim")) else "injured"
        if verb in {"killed", "wounded", "injured"} and not m.group("noun"):
            continue
        add(kind, parse_quantity(m), m, m.group("noun"))
    for m in CASUALTY_NOUN.finditer(sentence):
        add("casualties", parse_quantity(m), m)
    # "and dozens injured" after a killed count: the conjunct shares the subject
    for m in re.finditer(rf"\band\s+{QUANTITY}\s+(?:(?:more|others?|people)\s+)?{AUX}"
                         rf"(?P<verb>{INJURED}|{KILLED})\b", sentence, re.IGNORECASE):
        add(_kind(m.group("verb")), parse_quantity(m), m)
    mentions.sort(key=lambda c: c.span.start)
    return mentions


@Language.factory("thucydides_casualties")
def make_casualties(nlp: Language, name: str):
    return CasualtyFinder()


if not Doc.has_extension("casualties"):
    Doc.set_extension("casualties", default=None)


class CasualtyFinder:
    """spaCy component: sets `doc._.casualties`, the counts of every sentence."""

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for sent in doc.sents:
            found.extend(find_casualties(sent.text, sent.start_char))
        doc._.casualties = found
        return doc
