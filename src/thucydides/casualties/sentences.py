"""Counts a sentence states, read with the patterns: a conservative count per group of
victims, with its kind (killed, injured, hit), its span and who the victims were."""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import WEEKDAYS
from ..types import CasualtyMention, Count, Span
from .patterns import (
    ADDING, AGGREGATE, AND_COUNT, AND_DIED, BARE_VICTIM, BY_POLICE, CASUALTIES, CASUALTY_NOUN,
    COORDINATED, COORDINATED_DEATHS, COORDINATED_OBJECTS, COUNT_BEFORE, DEATH_OF, DETERMINERS,
    DIED_AFTER, FATAL_SHOOTING, FOUND, GROUP, GROUP_SIZES, HIT_PERSON, KILLED, LIST_JOINER,
    MULTIPLE, MULTIPLES, MURDER_SUICIDE, NAMED_VICTIM, NONE_HURT, NOT_BY_VIOLENCE, NOT_NAMES,
    NOT_SAVED, NUMBER, ONE_VICTIM, ORDINALS, PERPETRATORS, PERPETRATOR_HIT, SCALES, SELF_HARM,
    SENT_TO_HOSPITAL, SHOT, SHOT_OBJECT, SOME_FATALLY, TENS, THEN_HIMSELF, TOLL, UNITS,
    VAGUE_COUNTS, VERB_BEFORE, VICTIM_NOUNS, WITH_OTHERS, YEARS_AGO)


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


def parse_quantity(m: re.Match) -> Count | None:
    """The count a quantity states, times the people its noun stands for ("a couple")."""
    count = _stated_quantity(m)
    size = GROUP_SIZES.get((m.groupdict().get("noun") or "").lower())
    if count is None or size is None:
        return count
    return Count(*(None if n is None else n * size for n in (count.low, count.best, count.high)))


def _stated_quantity(m: re.Match) -> Count | None:
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
        low, high = VAGUE_COUNTS[g["vague"].lower()]
        return Count(low, low, high)
    elif g.get("both"):
        return Count(2, 2, 2)
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
    return Count(low, low, high if high else (low if not mod or mod in ADDING | {"a total of"}
                                               else None))


def _kind(verb: str) -> str:
    verb = verb.lower()
    if re.fullmatch(KILLED, verb):
        return "killed"
    if re.fullmatch(CASUALTIES, verb):
        return "casualties"
    if re.fullmatch(SHOT, verb):
        return "shot"
    return "injured"


def _done_to_object(verb: str) -> str:
    """What an active verb did to the people after it: "killing two" killed, "shoots 4" shot
    (no outcome yet), "wounding three" injured."""
    verb = verb.lower()
    if verb.startswith(("kill", "claim", "fatally")):
        return "killed"
    return "shot" if verb.startswith(("shot", "shoot", "hit", "strik")) else "injured"


def _adds(m: re.Match) -> bool:
    """Whether the count is of victims beyond those already counted ("another man died").
    Not the other of a pair ("one of them walked into a clinic and another was driven to a
    hospital"), nor another than the shooter ("a teenager wounded another man")."""
    g = m.groupdict()
    said = (g.get("mod") or g.get("single") or "").lower()
    before = m.string[:m.start()]
    return said in ADDING and not re.search(r"\bone\b", before, re.IGNORECASE) and \
        not re.search(r"\b(?:left|leaving|leaves|killed|killing|shot|shooting|wounded|wounding|"
                      r"injured|injuring)\s+$", before, re.IGNORECASE)


def _victim_key(who: str) -> str:
    """How one victim is told apart: a surname ("Smith"), a kind of person ("father"), or
    nothing for a pronoun or an age, which could be anyone already counted."""
    words = re.sub(r"^(?:And|Also|But|Then|Meanwhile)\s+", "", who).split()
    last = words[-1].lower().rstrip(",")
    if last in {"he", "she", "victim"}:
        return ""
    if len(words) > 1 and words[0].lower() in VICTIM_NOUNS and words[1][:1].isupper():
        words = words[1:]  # a title before the name: "Deputy Ruth Amsel"
    if words[0][:1].isupper() and words[0].lower() not in DETERMINERS | VICTIM_NOUNS:
        return " ".join(w for w in words if not re.fullmatch(r"[A-Z]\.", w))
    return last


def _shot_at(m: re.Match) -> bool:
    """ "A man shot at officers", "they were shot at by gunmen": fired at, not said to be hit
    (where "four people were shot at a party" is). A place after a passive verb, or with a
    noun after it ("shot at a house party"), is where the victims were hit."""
    if m["verb"].lower() != "shot":
        return False
    rest = m.string[m.end():]
    if re.match(r"\s+at\s+(?:by\b|(?:the\s+|a\s+|two\s+|several\s+)?(?:police|officers?|"
                r"deput(?:y|ies)|troopers?|agents?|him|her|them|us|me|people|crowds?|group)\b)",
                rest, re.IGNORECASE):
        return True
    passive = re.search(r"\b(?:are|were|was|is|been|being)\s+(?:\w+\s+)?$",
                        m.string[:m.start("verb")], re.IGNORECASE)
    return not passive and re.match(
        r"\s+at\s+(?:the\s+|a\s+)?(?:cars?|vehicles?|houses?|homes?)"
        r"(?=\s*(?:[.,;:!?]|$|(?:on|in|at|near|and|with|from|as|while|when|after|before)\b))",
        rest, re.IGNORECASE) is not None


def _stranger_hit(m: re.Match) -> bool:
    """ "A man was shot in the leg and a woman was grazed": each "a <person>" hit and not
    killed in one sentence is one more person, so the sentence counts them together."""
    return (m["single"] or "").lower() in {"a", "an"} and bool(m["noun"]) and \
        re.fullmatch(PERPETRATORS, m["noun"], re.IGNORECASE) is None and \
        _kind(m["verb"]) in {"shot", "injured"}


def _shot_fired(m: re.Match) -> bool:
    """ "He fired a shot": "a" with no person after it is the noun "shot", not one victim."""
    return (m["single"] or "").lower() in {"a", "an"} and not m["noun"] and \
        m["verb"].lower() == "shot"


PAST_VERBS = {"killed", "wounded", "injured", "shot"}
# "Man shot by his 12-year-old grandson has died": the one after "by" did the shooting
AGENT_BEFORE = re.compile(r"\bby\s+(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+)?$",
                          re.IGNORECASE)
# "from North Fairview", "in Easton", "on the Cedar Flats": the words just before a capitalised
# name make it a place
PLACE_BEFORE = re.compile(r"\b(?:of|from|in|near|at|outside|on)\s+(?:the\s+)?"
                          rf"(?!(?i:{'|'.join(WEEKDAYS)})\b)(?:[A-Z][\w'’.-]*\s+){{0,2}}$")
# What may follow a bare count after its verb ("killed four and injured 12", "wounded three in
# Dayton"); anything else ("shot 15 times", "killed 10 years ago") is no count of people.
BARE_COUNT_END = re.compile(r"\s*(?:[.,;:!?)]|$|(?:and|or|in|at|on|near|when|as|after|"
                            r"during|inside|outside|while|including)\b)", re.IGNORECASE)


def _bare_count_ends(sentence: str, m: re.Match) -> bool:
    """Whether a number with no noun after a victim verb ends the phrase, as a count does."""
    return BARE_COUNT_END.match(sentence, m.end()) is not None


def _before_person_noun(m: re.Match) -> bool:
    """ "3-year-old Harlow toddler": the capitalised words describe a person noun, they are
    not a name."""
    words = m["name"].split()
    after = re.match(r"\s+([\w-]+)", m.string[m.end():])
    return words[-1].lower() in VICTIM_NOUNS or \
        (after is not None and after.group(1).lower() in VICTIM_NOUNS)


def _place_named(sentence: str, start: int) -> bool:
    """ "A man from Fairview was shot": a capitalised name after "from", "of" or "in" is the
    place the victim comes from or was hit in, not the victim."""
    return PLACE_BEFORE.search(sentence, 0, start) is not None


STATED_NUMBER = re.compile(rf"\b(?:{NUMBER}|both)\b", re.IGNORECASE)
# "had left five dead": the verb's object, read with the verb
LEFT_BEFORE = re.compile(r"\b(?:left|leaving|leaves)\s+$", re.IGNORECASE)
AGES_BEFORE = re.compile(r"\bages?\s+(?:of\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?$", re.IGNORECASE)
# "Ada Brill, 34 who were ...": a name and a comma before a number in digits
NAME_BEFORE = re.compile(r"[A-Z][a-z'’-]+,\s*$")
WHO_AFTER = re.compile(r"\s+who\b")


def _is_age(m: re.Match) -> bool:
    """ "Nell Brody, 24 was shot": a bare number before a singular verb is an age; so is
    one after "ages" ("four students between the ages of 13 and 16 were hurt"), and digits
    between a name and its comma and "who", whatever the verb ("Ed Sarno, 30, Ada Brill, 34
    who were shot": the last of a list of people and their ages)."""
    return bool(m["n"]) and not m["noun"] and (words_to_int(m["n"]) != 1 and re.match(
        r"\s*(?:who\s+)?(?:was|is|has)\b", m.string[m.end("n"):]) is not None or
        AGES_BEFORE.search(m.string, 0, m.start("n")) is not None or
        m["n"].isdigit() and NAME_BEFORE.search(m.string, 0, m.start("n")) is not None and
        WHO_AFTER.match(m.string, m.end("n")) is not None)


def find_casualties(sentence: str, offset: int = 0) -> list[CasualtyMention]:
    """Casualty counts in one sentence; offsets are shifted by `offset`."""
    mentions: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []
    aggregate = bool(AGGREGATE.search(sentence))

    def add(kind: str, count: Count | None, m: re.Match, noun: str | None = None,
            children: int | None = None, within: bool = False, **flags) -> None:
        """`within`: a part of the phrase just read, counted apart ("and himself")."""
        if count is None or not within and any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append(m.span())
        noun = (noun or "").lower()
        civilians = count.best if noun.startswith("civilian") and kind == "killed" else None
        kids = count.best if noun in {"children", "child", "kids", "boy", "girl", "boys", "girls",
                                      "toddler", "infant", "baby", "babies"} else children
        flags.setdefault("perpetrator", bool(noun) and re.fullmatch(PERPETRATORS, noun) is not None
                         or BY_POLICE.match(sentence, m.end()) is not None)
        mentions.append(CasualtyMention(kind, count, Span(m.start() + offset, m.end() + offset,
                                                          m.group(0)),
                                        children=kids, civilians=civilians, aggregate=aggregate,
                                        **flags))

    for m in NONE_HURT.finditer(sentence):
        verb = next(v for v in m.group("verb", "died", "verb2", "verb3", "verb4") if v).lower()
        kinds = {"killed": ["killed"], "died": ["killed"], "was killed": ["killed"],
                 "deaths": ["killed"], "fatalities": ["killed"],
                 "casualties": ["killed", "injured"]}.get(verb, ["injured"])
        for kind in kinds:
            add(kind, Count(0, 0, 0), m)
    for m in TOLL.finditer(sentence):
        add("killed", parse_quantity(m), m, update=True)
    for m in PERPETRATOR_HIT.finditer(sentence):
        verb = (m.group("verb") or m.group("verb2") or "killed").lower()
        add(_kind(verb), Count(*[2 if m.group(0).lower().startswith(("both", "two")) else 1] * 3),
            m, perpetrator=True)
    for m in SOME_FATALLY.finditer(sentence):
        add("killed", parse_quantity(m), m)
    for m in COORDINATED.finditer(sentence):
        people = _people_listed(m["list"])
        add(_kind(m["verb"]), Count(people, people, people), m)
    for m in COORDINATED_OBJECTS.finditer(sentence):
        # "kills wife, two sons and himself": the killer is counted apart (one who wounded
        # himself and his two sons is one of the three hit)
        kind = _done_to_object(m["verb"])
        himself = re.search(r"\b(?:himself|herself)\b", m.group(0), re.IGNORECASE) \
            if kind == "killed" else None
        people = _people_listed(m["list"]) - (himself is not None)
        add(kind, Count(people, people, people), m)
        if himself:
            self_hit = re.compile(r"\w+").match(sentence, m.start() + himself.start())
            add(kind, Count(1, 1, 1), self_hit, within=True, perpetrator=True)
    for m in COORDINATED_DEATHS.finditer(sentence):
        people = _people_listed(m["list"])
        add("killed", Count(people, people, people), m)
    suicides = []
    for m in SELF_HARM.finditer(sentence):
        if m["fatal"]:
            add("killed", Count(1, 1, 1), m, perpetrator=True)
            suicides.append(m.start() + offset)
        else:
            add("shot", Count(1, 1, 1), m, victim="")
    for m in WITH_OTHERS.finditer(sentence):
        people = (words_to_int(m["n"]) or 0) + 1
        add(_kind(m["verb"]), Count(people, people, people), m)
    strangers = []
    for m in COUNT_BEFORE.finditer(sentence):
        if _is_age(m) or _shot_at(m) or _shot_fired(m) or \
                LEFT_BEFORE.search(sentence, 0, m.start()):
            continue
        if _stranger_hit(m):
            strangers.append(m)
            continue
        kids = None
        if m.group("kids"):
            kids = 1 if m.group("kids").lower() in {"a", "an"} else words_to_int(m.group("kids"))
            if m.group("kidnoun").lower() not in {"children", "child", "minors", "minor", "kids"}:
                kids = None
        # "a second victim died" counts on; "the fifth man" only points at one of them
        ordinal = ORDINALS.get((m.group("ord") or "").lower()) \
            if (m.group("single") or "").lower().startswith("a ") else None
        add(_kind(m.group("verb")), parse_quantity(m), m, m.group("noun"), kids,
            adds=_adds(m) and ordinal is None, ordinal=ordinal)
    if strangers:
        kinds = {_kind(m["verb"]) for m in strangers}
        whole = re.compile(r".+", re.DOTALL).match(sentence, strangers[0].start(),
                                                     strangers[-1].end())
        add("shot" if kinds == {"shot"} else "injured",
            Count(len(strangers), len(strangers), len(strangers)), whole,
            strangers[0]["noun"] if len(strangers) == 1 else None)
    for m in VERB_BEFORE.finditer(sentence):
        verb = m.group("verb").lower()
        state = (m.group("state") or "").lower()
        if verb in {"leaving", "leaves", "left"}:
            if not state:
                continue
            kind = "killed" if state == "dead" else "injured"
        else:
            kind = _done_to_object(verb)
        if verb in {"killed", "wounded", "injured", "shot", "shooting", "claimed", "claiming",
                    "hitting", "striking"} and \
                not m.group("noun") and not (verb in PAST_VERBS and _bare_count_ends(sentence, m)):
            continue
        # "wounded another man": another than the shooter, not one more victim
        add(kind, parse_quantity(m), m, m.group("noun"))
    for m in CASUALTY_NOUN.finditer(sentence):
        add("casualties", parse_quantity(m), m)
    # "and dozens injured" after a killed count: the conjunct shares the subject
    for m in AND_COUNT.finditer(sentence):
        if not (m["n"] and AGES_BEFORE.search(sentence, 0, m.start("n"))):
            add(_kind(m.group("verb")), parse_quantity(m), m, adds=_adds(m))
    for m in GROUP.finditer(sentence):
        total = words_to_int(m["n"])
        if total:
            add(_kind(m["verb"]) if m["verb"] else "shot", Count(total, total, total), m)
    for m in SENT_TO_HOSPITAL.finditer(sentence):
        add("shot", parse_quantity(m), m, m["noun"])
    for m in FOUND.finditer(sentence):
        add("killed" if m["dead"] else "shot", parse_quantity(m), m, m["noun"])
    for m in BARE_VICTIM.finditer(sentence):
        if _shot_at(m) or AGENT_BEFORE.search(sentence, 0, m.start()):
            continue
        people = 1 + len(re.findall(ONE_VICTIM, m["list"], re.IGNORECASE))
        add(_kind(m["verb"]), Count(people, people, people), m,
            victim=_victim_key(m.group(0).split()[0].lower()) if people == 1 else None)
    for m in SHOT_OBJECT.finditer(sentence):
        if not _shot_at(m):
            add(_done_to_object(m["verb"]), Count(1, 1, 1), m, victim=m["noun"].lower())
    for m in THEN_HIMSELF.finditer(sentence):
        killer = re.compile(r"\w+").match(sentence, m.start("self"))
        # "shot and killed her and his wife, then himself": killed, the last verb says
        if _done_to_object(m["verb"]) == "killed" or re.search(r"\bkill", m.group(0), re.I):
            add("killed", Count(1, 1, 1), killer, perpetrator=True)
        else:
            add("shot", Count(1, 1, 1), killer, victim="")
    for m in DEATH_OF.finditer(sentence):
        people = words_to_int(m["n"]) if m["n"] else 1
        if people and people > 1:
            add("killed", Count(people, people, people), m, m["noun"])
        elif people:
            # a name follows a bare age ("of 18-year-old Dale Moss", not "of a 15-year-old
            # Central High student" nor "of 3-year-old Harlow toddler")
            name = m["name"] if m["name"] and not m["det"] and not _before_person_noun(m) \
                else None
            add("killed", Count(1, 1, 1), m, victim=name or (m["noun"] or m["age"]).lower())
    for m in NAMED_VICTIM.finditer(sentence):
        # "on Monday Ruth Amsel was shot": the weekday is no part of the name
        day = re.match(rf"(?i:{'|'.join(WEEKDAYS)})(?:\s+|$)", m.group("who"))
        who = m.group("who")[day.end():] if day else m.group("who")
        if not who or who.lower() in NOT_NAMES or who.split()[-1].lower() in NOT_NAMES or \
                _place_named(sentence, m.start() + (day.end() if day else 0)):
            continue
        kind = "killed" if m["died"] else "injured" if m["suffered"] else _kind(m["verb"])
        if who == "They":  # a group told of before: at least two, how many the story said
            add(kind, Count(2, 2, None), m, of_group=True)
        else:
            add(kind, Count(1, 1, 1), m, victim=_victim_key(who))
    for m in HIT_PERSON.finditer(sentence):
        noun = (m["noun"] or m["noun2"]).lower()
        add("shot", Count(1, 1, 1), m, victim="" if noun in {"him", "her"} else noun)
    for m in MULTIPLE.finditer(sentence):
        people = MULTIPLES[m["times"].lower()]
        add("shot" if m["what"].lower().startswith("shoot") else
            "injured" if m["what"].lower().startswith("stab") else "killed",
            Count(people, people, people), m)
    for m in FATAL_SHOOTING.finditer(sentence):
        add("killed", Count(1, 1, None), m, victim="")
    for m in [*AND_DIED.finditer(sentence), *DIED_AFTER.finditer(sentence),
              *NOT_SAVED.finditer(sentence)]:
        hit = [c for c in mentions if c.kind in {"shot", "injured"} and
               c.span.end <= m.start() + offset]
        if any(m.start() < end and start < m.end() for start, end in taken):
            continue
        if hit and hit[-1].count.best == 1:
            mentions[mentions.index(hit[-1])] = replace(hit[-1], kind="killed")
            taken.append(m.span())
        elif hit or m.re is not DIED_AFTER:
            add("killed", Count(1, 1, 1), m, victim="")
    if suicides and not (_kills_others(sentence, mentions, suicides) and
                         not _victim_who_took_own_life(sentence, offset, mentions, suicides)):
        mentions = [replace(c, perpetrator=False, victim="") if c.span.start in suicides else c
                    for c in mentions]
    mentions = of_this_story(sentence, offset, mentions)
    mentions.sort(key=lambda c: c.span.start)
    return hit_then_died(_others_shot_survived(mentions))


def states_number(mention: CasualtyMention) -> bool:
    """Whether a count is written as a number ("2 dead", "three wounded"), not read off a
    word that implies one ("a fatal shooting", "a quadruple shooting", "the gunman died")."""
    return STATED_NUMBER.search(mention.span.text) is not None


def hit_then_died(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "Ortega was taken to a hospital with a chest wound, where he died": the one wounded
    just before "he died" in a sentence is the one who died. (One shot, outcome not said, is
    left to the tally, which counts him among the dead.) Where the one just before is dead
    already, the death is told of him: so reading a sentence's counts again (with the
    parse's) changes nothing."""
    out = list(mentions)
    for c in mentions:
        if c.kind == "killed" and c.victim == "":
            before = [i for i, b in enumerate(out) if b.count.best == 1 and
                      b.span.end <= c.span.start and
                      (b.kind == "injured" or b.kind == "killed" and b.victim)]
            if before and out[before[-1]].kind == "injured":
                out[before[-1]] = replace(out[before[-1]], kind="killed")
    return out


def of_this_story(sentence: str, offset: int,
                   mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Drop deaths by other causes ("died in a highway collision")."""
    return [c for c in mentions
            if not (c.kind == "killed" and NOT_BY_VIOLENCE.match(sentence, c.span.end - offset))]


def told_years_ago(sentence: str, offset: int, mentions: list[CasualtyMention]) -> bool:
    """Whether a count is told as years back ("was killed in a robbery two decades ago")."""
    return any(YEARS_AGO.match(sentence, c.span.end - offset) for c in mentions)


def _others_shot_survived(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "One dead, 9 others shot": the others shot after the dead are the survivors."""
    dead_at = min((c.span.start for c in mentions if c.kind == "killed"), default=None)
    if dead_at is None:
        return mentions
    return [replace(c, kind="injured") if c.kind == "shot" and c.span.start > dead_at and
            re.search(r"\bothers?\b", c.span.text, re.IGNORECASE) else c for c in mentions]


def _people_listed(groups: str) -> int:
    """People in "a man, two women and a boy, 15", "himself and his two sons": each group's
    number, else one, times the people its noun stands for ("a couple"); an age between
    commas is no group."""
    parts = [p for p in re.split(LIST_JOINER, groups) if p and not p.strip().isdigit()]
    return sum(next((n for n in map(words_to_int, p.split()[:2]) if n), 1) *
               GROUP_SIZES.get(p.split()[-1].lower(), 1) for p in parts)


def _victim_who_took_own_life(sentence: str, offset: int, mentions: list[CasualtyMention],
                              suicides: list[int]) -> bool:
    """ "charged in the death of his son, who killed himself with a gun": the one who took
    his own life is the victim just named."""
    return any(re.fullmatch(r"\s*,?\s*who\s+(?:\w+\s+)?", sentence[c.span.end - offset:s - offset])
               for c in mentions if c.victim for s in suicides if c.span.end <= s)


def _kills_others(sentence: str, mentions: list[CasualtyMention], suicides: list[int]) -> bool:
    """Whether one who took his own life is an attacker: the sentence tells of others hit
    ("killed his wife, then himself", "before turning the gun on himself"). Otherwise he is
    the victim ("a boy, 9, fatally shot himself"), counted once with the others reported."""
    return any(c.count.best for c in mentions if c.span.start not in suicides) or \
        MURDER_SUICIDE.search(sentence) is not None
