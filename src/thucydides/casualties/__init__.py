"""Killed and injured counts stated in a sentence, as conservative low / best / high counts,
and the tally of one incident's counts over a whole report.

Counting rules (ACLED and UCDP): "at least 15" is low 15, best 15, high none; "15 to 20"
is low 15, best 15, high 20; vague quantities take the values in the vague_quantities
lexicon ("dozens" 12); "no one was hurt" is 0; a count that is not given is None.

Besides war reporting ("killing 15 civilians") the patterns read the way local news reports
shootings: people "shot" with no outcome yet, "fatally shot", "pronounced dead", "suffered a
gunshot wound", headlines without articles ("Teen shot in Durham"), victims named one by one
("Jamal Price, 19, died"), the object of the shooter's verb ("shot his nephew"), groups listed
together ("boy, 3 women shot"), and attackers hit ("the gunman turned the gun on himself";
a child who shot himself is the victim, not an attacker). Words that carry a count ("a
quadruple shooting", "a fatal shooting", "both") count too, and a death told after someone
hit ("boy shot while hunting dies") is of that person.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import period_end, segment_of
from ..types import CasualtyMention
from .patterns import OTHER_CASE, OTHER_STORY, RECALLED_DAYS
from .sentences import find_casualties, hit_then_died, states_number, told_years_ago
from .parsed import parsed_victims
from .tally import tally

__all__ = ["find_casualties", "parsed_victims", "states_number", "tally"]


@Language.factory("thucydides_casualties")
def make_casualties(nlp: Language, name: str):
    return CasualtyFinder()


if not Doc.has_extension("casualties"):
    Doc.set_extension("casualties", default=None)


class CasualtyFinder:
    """spaCy component: sets `doc._.casualties`, the counts of every sentence. Counts in a
    sentence dated long before it was written ("In 2009 a gunman killed 13 people there",
    "her son was killed two decades ago") belong to an older case the story recalls, and
    are marked as not the story's own, unless the story counts nothing else: then it is a
    follow-up about that case (a trial, an anniversary). A sentence that sets its victims in
    another case ("killed in a previous shooting", "weeks earlier"), or a line below the
    headline that links to another story (a teaser), loses them: they are no one's total
    either."""

    def __call__(self, doc: Doc) -> Doc:
        told = []
        for sent in doc.sents:
            text = sent.text
            counts = find_casualties(text, sent.start_char)
            counts = hit_then_died(sorted([*counts, *parsed_victims(sent, counts)],
                                           key=lambda c: c.span.start))
            other_case = bool(counts) and (OTHER_CASE.search(text) is not None or (
                sent.start > 0 and OTHER_STORY.search(text) is not None))  # not the headline
            told.append((counts, other_case, bool(counts) and not other_case and (
                _recalls_older_case(doc, sent.start_char, sent.end_char) or
                told_years_ago(text, sent.start_char, counts))))
        follow_up = not any(not (other or old) and any(not c.aggregate for c in counts)
                            for counts, other, old in told)
        doc._.casualties = _groups_resolved(
            [replace(c, aggregate=True) if old and not follow_up else c
             for counts, other, old in told if follow_up or not other for c in counts])
        return doc


def _groups_resolved(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "Two men were shot ... They died": "they" are as many as the group hit last told of
    before them, so they are two dead, not one more named victim."""
    out = []
    for c in mentions:
        group = next((b for b in reversed(out) if b.kind in {"shot", "injured", "casualties"}
                      and not b.of_group and (b.count.best or 0) >= 2), None)
        out.append(replace(c, count=group.count) if c.of_group and group else c)
    return out


def _recalls_older_case(doc: Doc, start: int, end: int) -> bool:
    """Whether a time in the sentence ends more than RECALLED_DAYS before the day its
    segment was written."""
    segments = doc._.segments or []
    for told in doc._.times or []:
        if not start <= told.span.start < end or not segments:
            continue
        written = segments[segment_of(segments, told.span.start)].reference
        last = period_end(told.value, told.precision)
        if written and last and (written - last).days > RECALLED_DAYS:
            return True
    return False
