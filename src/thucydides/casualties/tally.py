"""One incident's killed and injured over all its reports, read in text order: the same
victims are not counted twice, updates supersede, victims told one by one add up."""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from ..types import CasualtyMention, Count, Fatalities
from .patterns import ADULT_AGE, AGE_KEY, CHILD_AGE, PROFILES, STATE_OF_DEATH


def tally(mentions: list[CasualtyMention]) -> tuple[Fatalities, Count]:
    """Killed and injured over several reports of one incident, read in text order.

    The same victims are reported again and again (headline, lead, body), so counts are not
    summed: the largest wins. Only what the text marks as more adds up ("another man died",
    "a second victim"), victims named one by one count once each, a revised toll supersedes
    the figures before it, and "no one was hurt" is 0 only when no count says otherwise.
    Attackers hit are counted with the others and their dead kept apart as `perpetrators`.
    People shot without an outcome are wounded unless they are among the dead, and a victim
    the story follows ("she was wounded ... she died") is counted once, as dead.
    """
    ordered = _counted_on(_another_of_other_kind(sorted(mentions, key=lambda c: c.span.start)))
    dead_names = {c.victim for c in ordered if c.kind == "killed" and c.victim}
    anyone_dead = any(c.kind == "killed" and c.count.best for c in ordered)

    def of(kind: str, perpetrator: bool) -> list[CasualtyMention]:
        return [c for c in ordered if c.kind == kind and c.perpetrator == perpetrator and
                not (kind != "killed" and _died_later(c, dead_names, anyone_dead))]

    killed = _running(of("killed", False))
    attackers_killed = _running(of("killed", True))
    injured = _plus(_running(of("injured", False)), _running(of("injured", True)))
    shot_victims, shot_attackers = _running(of("shot", False)), _running(of("shot", True))
    shot = _plus(shot_victims, shot_attackers)
    dead = _with_attackers(killed, attackers_killed, of("killed", False))
    rest = _alive(shot_victims, killed) + _alive(shot_attackers, attackers_killed)
    if shot.best and (not injured.given or rest > (injured.best or 0)):
        injured = Count(rest, rest, rest)
    survivors = _survivors_told_apart(ordered, dead_names)
    if survivors > (injured.best or 0):
        injured = Count(survivors, survivors, None)
    kids = [c.children for c in ordered if c.kind == "killed" and c.children is not None]
    civilians = [c.civilians for c in ordered if c.kind == "killed" and c.civilians is not None]
    fatalities = Fatalities(dead.low, dead.best, dead.high, max(kids, default=None),
                            max(civilians, default=None),
                            attackers_killed.best if attackers_killed.best else None)
    return fatalities, injured


def _alive(shot: Count, dead: Count) -> int:
    """Those shot less the dead of the same side: an attacker killed was not among the people
    he shot."""
    return max((shot.best or 0) - (dead.best or 0), 0)


def _with_attackers(killed: Count, attackers: Count,
                    victims: list[CasualtyMention]) -> Count:
    """All the dead: the victims and the attackers who died. "A father and his daughter were
    found dead" after "he killed his daughter, then himself" counts the killer already: a
    count of the dead (not of those killed) larger than the victims the killer is said to
    have hit includes him."""
    if not attackers.best:
        return _plus(killed, attackers)
    hit = _running([c for c in victims if not STATE_OF_DEATH.search(c.span.text)])
    if killed.best and killed.best > (hit.best or 0):
        return _larger(killed, _plus(hit, attackers))
    return _plus(killed, attackers)


def _another_of_other_kind(ordered: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "Three men were killed and another was wounded": "another" right after a count of the
    other outcome is one more person hit, not one more of its own kind; after the dead,
    "another girl, also 14, was shot in the arm" is someone who lived."""
    fatal = [c.kind == "killed" for c in ordered]
    return [replace(c, adds=False, kind="injured" if c.kind == "shot" else c.kind)
            if c.adds and i and fatal[i - 1] != fatal[i] else c
            for i, c in enumerate(ordered)]


def _counted_on(ordered: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "A triple shooting ... A woman was grazed on the wrist. Another woman was hit":
    "another" is one more than the report just before it of the same outcome, not one more
    than the largest figure, since a story gives the total and then tells of the victims one
    by one."""
    out: list[CasualtyMention] = []
    for c in ordered:
        before = next((b for b in reversed(out) if (b.kind == "killed") == (c.kind == "killed")
                       and b.perpetrator == c.perpetrator), None)
        if c.adds and before is not None and before.count.given:
            c = replace(c, count=_plus(before.count, c.count), adds=False)
        out.append(c)
    return out


def _same_person(a: str, b: str) -> bool:
    """ "Dana Whitfield", "Whitfield" and "Dana" name one victim."""
    return a == b or (a[:1].isupper() and b[:1].isupper() and
                      bool(set(a.split()) & set(b.split())))


def _survivors_told_apart(ordered: list[CasualtyMention], dead_names: set[str]) -> int:
    """People hit whom the story tells apart from every one of the dead by a name or an age
    of the same sort ("the 15-year-old died ... the 22-year-old was treated and released"),
    or by a kind of person that cannot be the same ("the toddler died ... the toddler's
    grandmother was driven to a hospital"): someone else, who lived. The figure of people
    shot less the dead misses them when each is told of one by one."""
    others = {c.victim for c in ordered if c.kind != "killed" and c.victim and
              not c.perpetrator and
              any(_told_apart(c.victim, dead) for dead in dead_names) and
              not any(_told_apart(c.victim, dead) is False for dead in dead_names)}
    names = [v for v in others if v[:1].isupper()]
    kinds: list[str] = []
    for victim in sorted(others - set(names)):
        if all(_told_apart(victim, known) for known in kinds):
            kinds.append(victim)
    return _people_named(names) + len(kinds)


def _told_apart(a: str, b: str) -> bool | None:
    """Whether two victims are two people (True), may be one (False), or cannot be compared
    (None, as a name and a kind of person)."""
    if _sort_of(a) and _sort_of(a) == _sort_of(b):
        return not (_same_person(a, b) or _spelled_alike(a, b))
    one, other = _profile(a), _profile(b)
    if one is None or other is None:
        return None
    return any(x != y and "-" not in (x, y) for x, y in zip(one, other))


def _sort_of(victim: str) -> str:
    return "name" if victim[:1].isupper() else "age" if AGE_KEY.fullmatch(victim) else ""


def _profile(victim: str) -> tuple[str, str] | None:
    """Sex and age group a victim key tells: from its noun, or from an age."""
    if AGE_KEY.fullmatch(victim):
        years = int(victim.split("-")[0]) if "year" in victim else 0
        return "-", "young" if years <= CHILD_AGE else "adult" if years >= ADULT_AGE else "-"
    return PROFILES.get(victim)


def _spelled_alike(a: str, b: str) -> bool:
    """ "Kowalski" and "Kowalsky", "Frederick" and "Fred": a name spelled two ways in one
    story is one person."""
    return a[:1].isupper() and b[:1].isupper() and any(
        SequenceMatcher(None, x, y).ratio() >= 0.8 or
        (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))
        for x in a.split() for y in b.split())


def _died_later(mention: CasualtyMention, dead_names: set[str], anyone_dead: bool) -> bool:
    """Whether a wounded victim named or pointed at ("Smith", "the boy", "he") is one of the
    dead: the same name, a kind of person that may be the one who died ("the toddler
    died ... the wounded girl"), or a pronoun when someone died."""
    if mention.victim is None:
        return False
    if not mention.victim:
        return anyone_dead
    return any(_same_person(mention.victim, dead) for dead in dead_names)


def _running(counts: list[CasualtyMention]) -> Count:
    """One figure from reports of the same kind, in text order (see `tally`). Victims told
    apart by names or by ages ("the 17-year-old", "the 12-year-old") are that many people."""
    total = Count()
    zero = False
    victims: set[str] = set()
    for c in counts:
        if c.count.best == 0:
            zero = True
        elif c.victim is not None:
            victims.add(c.victim)
        elif c.update or not total.given:
            total = c.count
        elif c.ordinal:
            total = _larger(total, Count(c.ordinal, c.ordinal, None))
        elif c.adds:
            total = _plus(total, c.count)
        else:
            total = _larger(total, c.count)
    named = max(_people_named([v for v in victims if v[:1].isupper()]),
                sum(AGE_KEY.fullmatch(v) is not None for v in victims))
    people = named or (1 if victims else 0)
    if people:
        total = _larger(total, Count(people, people, None if named > 1 else people))
    if not total.given and zero:
        return Count(0, 0, 0)
    return total


def _people_named(names: list[str]) -> int:
    """How many people the names stand for, a full name and its parts being one person."""
    people: list[set[str]] = []
    for name in sorted(names, key=len, reverse=True):
        if not any(_same_person(name, " ".join(known)) for known in people):
            people.append(set(name.split()))
    return len(people)


def _larger(a: Count, b: Count) -> Count:
    """The report with the higher conservative figure: a later report rarely counts fewer."""
    if not a.given:
        return b
    return max(a, b, key=lambda c: (c.best or 0, c.low or 0))


def _plus(a: Count, b: Count) -> Count:
    if not a.given or not b.given:
        return a if a.given else b

    def add(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y
    return Count(add(a.low, b.low), add(a.best, b.best), add(a.high, b.high))
