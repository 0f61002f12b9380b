"""Split live blogs into entries and give each entry the day it was written.

A live blog is one page updated over hours or days, newest entry usually on top. Relative
dates ("on Wednesday") only make sense against the entry's own day, so each Segment
carries a reference date: the publication date for the original entry, later days for the
updates above it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .lexicons import load
from .types import Segment

WEEKDAYS = [name for name, kind in load("calendar_words") if kind == "weekday"]
MONTHS = [name for name, kind in load("calendar_words") if kind == "month"]

_TIME = r"(?P<{}>\d{{1,2}}[:.]?\d{{2}}\s*(?:[ap]\.?m\.?)?|\d{{1,2}}\s*[ap]\.?m\.?)"
_ZONE = r"(?:\s*(?:GMT|UTC|BST|CET|EET|EST|EDT|PST|PDT|local(?: time)?))?"
_DASH = r"\s*(?::|—|–|-{1,2}|\|)"
ENTRY_HEADER = re.compile(
    r"^[ \t]*(?:"
    rf"(?P<update>update[sd]?)[ \t]*,?[ \t]*(?:at[ \t]+)?{_TIME.format('time')}{_ZONE}{_DASH}"
    r"|(?P<original>original (?:entry|post|story))[ \t]*:"
    rf"|{_TIME.format('bare_time')}{_ZONE}{_DASH}(?=[ \t]*[^\s\d])"
    r")",
    re.IGNORECASE | re.MULTILINE,
)
MONTH_NAMES = "|".join(m[:3] + r"[a-z]*\.?" for m in MONTHS)
DAY_HEADING = re.compile(
    rf"^[ \t]*(?:(?:{'|'.join(WEEKDAYS)}),?[ \t]+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<m1>{MONTH_NAMES})"
    rf"|(?P<m2>{MONTH_NAMES})[ \t]+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    r"(?:,?[ \t]+(?P<year>\d{4}))?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# The page's own date stamp at its top ("Posted: Tuesday, October 4, 2011 9:15 AM",
# "Created: 11/03/2012", a press release's dateline "LINDEN, Pa. (March 2, 2011):"): the day
# the page was written, which an archive's date of publication may postdate by years.
STAMP = re.compile(
    rf"(?:\b(?:posted|published|updated|created)(?:\s+on)?\s*:?\s*|(?P<paren>\(\s*))"
    rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?"
    rf"(?:(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    r"|(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}))(?(paren)\s*\))",
    re.IGNORECASE)
STAMP_REACH = 300  # characters at the top of a page where its stamp stands
WEEKDAY_MENTION = re.compile(rf"\b(?:on|this|late|early)\s+({'|'.join(WEEKDAYS)})\b",
                             re.IGNORECASE)


def _minutes(raw: str) -> int | None:
    text = raw.lower().replace(".", "").replace(" ", "")
    pm, am = text.endswith("pm"), text.endswith("am")
    digits = re.sub(r"[^0-9:]", "", text)
    if ":" in digits:
        hours, minutes = digits.split(":")[:2]
    elif len(digits) > 2:
        hours, minutes = digits[:-2], digits[-2:]
    else:
        hours, minutes = digits, "0"
    hour, minute = int(hours or 0), int(minutes or 0)
    if pm and hour < 12:
        hour += 12
    if am and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def _month_number(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name.lower()[:3]))


def _day_heading(match: re.Match, year: int) -> date | None:
    day = int(match["d1"] or match["d2"])
    month = _month_number(match["m1"] or match["m2"])
    try:
        return date(int(match["year"] or year), month, day)
    except ValueError:
        return None


def segment(text: str, published: date | None) -> list[Segment]:
    """Entries in document order; a text with no entry headers is one segment. The days are
    counted from the page's own stamp where it is older than `published` (`_written_on`)."""
    published = _written_on(text, published)
    marks: list[tuple[int, Segment]] = []
    for match in ENTRY_HEADER.finditer(text):
        minutes = None if match["original"] else _minutes(match["time"] or match["bare_time"])
        if not match["original"] and minutes is None:
            continue
        label = match.group(0).strip().rstrip(":—–-| ").strip()
        time = f"{minutes // 60:02d}:{minutes % 60:02d}" if minutes is not None else None
        marks.append((match.start(), Segment(match.start(), 0, label=label, time=time,
                                             is_update=not match["original"])))
    headings = [(m.start(), _day_heading(m, published.year if published else date.today().year))
                for m in DAY_HEADING.finditer(text)]
    headings = [(pos, day) for pos, day in headings if day is not None]
    if not marks and not headings:
        return [Segment(0, len(text), reference=published)]

    starts = sorted({pos for pos, _ in marks} | {pos for pos, _ in headings})
    by_start = dict(marks)
    segments: list[Segment] = []
    if starts[0] > 0 and text[:starts[0]].strip():
        segments.append(Segment(0, starts[0], label=None))
    for pos in starts:
        segments.append(by_start.get(pos) or Segment(pos, 0, label=text[pos:].split("\n", 1)[0]
                                                    .strip()))
    for current, following in zip(segments, segments[1:] + [None]):
        current.end = following.start if following else len(text)
    _assign_days(segments, dict(headings), text, published)
    return segments


def _written_on(text: str, published: date | None) -> date | None:
    """The day a page was written: the earliest date stamp at its top that is older than
    `published` (an archive's copy), else `published`."""
    if published is None:
        return None
    stamped = [day for match in STAMP.finditer(text, 0, STAMP_REACH)
               if (day := _stamp_day(match)) is not None and day < published]
    return min(stamped, default=published)


def _stamp_day(match: re.Match) -> date | None:
    try:
        if match["month"]:
            return date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _assign_days(segments: list[Segment], headings: dict[int, date], text: str,
                 published: date | None) -> None:
    """Give every segment a reference day (see the module docstring for the reasoning)."""
    if published is None:
        return
    timed = [s.time for s in segments if s.time]
    has_original = any(s.label and not s.is_update and s.time is None and s.start not in headings
                       for s in segments)
    minutes = [_minutes(t) for t in timed]
    newest_first = has_original or (len(minutes) > 1 and
                                    sum(a > b for a, b in zip(minutes, minutes[1:])) >=
                                    sum(a < b for a, b in zip(minutes, minutes[1:])))
    order = list(reversed(segments)) if newest_first else list(segments)

    # A dated sub-heading fixes the day of the entries below it, up to the next heading.
    heading_day: dict[int, date] = {}
    current = None
    for seg in segments:
        current = headings.get(seg.start, current)
        if current is not None:
            heading_day[seg.start] = current

    day, previous_minutes = published, None
    for seg in order:
        if seg.start in heading_day:
            day = heading_day[seg.start]
            previous_minutes = _minutes(seg.time) if seg.time else None
        elif seg.time:
            now = _minutes(seg.time)
            if previous_minutes is not None and now < previous_minutes:
                day += timedelta(days=1)
            previous_minutes = now
        seg.reference = day

    # An update that names a later weekday for what it reports was written on that day or
    # after: move it, and the updates written the same day, forward.
    for index, seg in enumerate(order):
        if not seg.is_update or seg.reference is None or seg.start in heading_day:
            continue
        forward = _weekday_ahead(text[seg.start:seg.end], seg.reference)
        if not forward:
            continue
        old, new = seg.reference, seg.reference + timedelta(days=forward)
        for later in order[index:]:
            if later.start not in heading_day and later.reference < new:
                later.reference = new
        for earlier in reversed(order[:index]):
            if not earlier.is_update or earlier.reference != old:
                break
            earlier.reference = new

    # Text above the first entry (captions, a headline) belongs to the entry below it.
    if segments and segments[0].label is None and len(segments) > 1:
        segments[0].reference = segments[1].reference
        segments[0].is_update = segments[1].is_update


def _weekday_ahead(text: str, day: date) -> int:
    """Days forward to a weekday the text names, if it lies 1-3 days ahead of `day`."""
    best = 0
    for match in WEEKDAY_MENTION.finditer(text):
        ahead = (WEEKDAYS.index(match.group(1).lower()) - day.weekday()) % 7
        if 1 <= ahead <= 3:
            best = max(best, ahead)
    return best
