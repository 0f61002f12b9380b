"""Find time expressions and resolve them against the day each passage was written.

Values follow TimeML (TIMEX3): "2016-11-15", "2016-11", "2016-W46", "2016", "2016-Q3",
"199" (a decade), "2016-SU", "PAST_REF" / "PRESENT_REF" / "FUTURE_REF". News speaks of the
past, so a bare weekday is the latest such day on or before the reference day; inside a
live-blog update it is the nearest such day, since the blog runs over several days.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from .types import Segment, Span, TimeExpression

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
                "several": None, "few": None}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?"

PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("slash", r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)?\d\d)\b"),
    ("day_month", rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
                  rf"(?:\s+of)?\s+{_MON}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
    ("month_day", rf"\b(?:{_WD},?\s+)?{_MON}\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
                  r"(?!:)(?:,?\s+(?P<y>(?:19|20)\d\d))?"),
    ("month_year", rf"\b(?:(?P<rel>last|this|next|early|late|mid|earlier this|later this)\s+)?"
                   rf"{_MON}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
    ("weekday", rf"\b(?:(?P<rel>last|this|next|on|late|early|past)\s+)?{_WD}{_PART}\b"),
    ("relday", r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|tomorrow|"
               r"this (?:morning|afternoon|evening)|last night|overnight|earlier today|"
               r"the previous day|the day before|the next day)\b"
               r"(?:\s+(?P<part>morning|afternoon|evening|night))?"),
    ("ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
            r"(?P<unit>day|week|month|year)s?\s+(?:ago|earlier)\b"),
    ("relunit", r"\b(?P<rel>last|this|next|past|previous|coming|current|earlier this|later this)"
                r"\s+(?P<unit>week|month|year|weekend|quarter)\b"),
    ("quarter", r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
                r"(?:\s+of\s+(?P<y>(?:19|20)\d\d))?\b"),
    ("season", r"\b(?:(?P<rel>last|this|next|early|late)\s+)?(?P<season>spring|summer|autumn|fall|"
               r"winter)(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?\b"),
    ("decade", r"\b(?:the\s+)?(?P<dec>(?:19|20)\d0)'?s\b"),
    ("year", r"(?<![\d,.$£€])\b(?:(?:in|since|by|of|from|until|during|before|after|early|late|"
             r"mid|fiscal|for|the|year)\s+)(?P<y>(?:19|20)\d\d)\b(?![\d,.%-])"),
    ("present", r"\b(?P<ref>now|currently|at present|presently|these days|nowadays|"
                r"at the moment|right now|so far|to date)\b"),
    ("past", r"\b(?P<ref>recently|previously|formerly|in the past|once|earlier|lately|"
             r"in recent (?:days|weeks|months|years))\b"),
    ("future", r"\b(?P<ref>in the future|in the coming (?:days|weeks|months|years)|soon|"
               r"eventually|later)\b"),
]]

FUTURE_CUES = re.compile(r"\b(will|would|shall|plans? to|is to|are to|going to|scheduled|"
                         r"expected to|next)\b", re.IGNORECASE)

if not Doc.has_extension("times"):
    Doc.set_extension("times", default=None)


def _month(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name.lower().rstrip(".")[:3]))


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _past_year(month: int, day: int | None, ref: date, future: bool) -> int:
    """The year of a month (and day) given without one: the nearest in the text's direction."""
    candidate = date(ref.year, month, min(day or 1, 28))
    if future and candidate < ref.replace(day=1) - timedelta(days=0):
        return ref.year + 1
    if not future and candidate > ref + timedelta(days=31 if day is None else 1) and \
            (candidate - ref).days > 60:
        return ref.year - 1
    return ref.year


def _weekday(wd: str, rel: str | None, ref: date, live: bool, future: bool) -> date:
    target = WEEKDAYS.index(wd.lower())
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    rel = (rel or "").lower()
    if rel == "next" or (future and rel != "last"):
        return ref + timedelta(days=ahead or 7 if rel == "next" else ahead)
    if rel in {"last", "past"}:
        return ref - timedelta(days=back or 7)
    if live and 0 < ahead <= 3 and ahead < back:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def _resolve(kind: str, m: re.Match, ref: date, live: bool, context: str) -> tuple[str, str] | None:
    """(value, precision) of one match."""
    future = bool(FUTURE_CUES.search(context))
    g = m.groupdict()
    if kind in {"iso", "slash", "day_month", "month_day"}:
        month = int(g["m"]) if kind in {"iso", "slash"} else _month(g["mon"])
        day = int(g["d"])
        year = g.get("y")
        if year:
            year = int(year) + (2000 if len(year) == 2 and int(year) < 50 else 1900 if len(year) == 2 else 0)
        else:
            year = _past_year(month, day, ref, future)
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if kind == "month_year":
        month = _month(g["mon"])
        if g["mon"].lower().rstrip(".") == "may" and not g.get("y") and not g.get("rel"):
            return None
        rel = (g.get("rel") or "").lower()
        if g.get("y"):
            year = int(g["y"])
        elif rel == "last":
            year = ref.year - 1 if month >= ref.month else ref.year
        elif rel == "next":
            year = ref.year + 1 if month <= ref.month else ref.year
        elif rel in {"this", "earlier this", "later this"}:
            year = ref.year
        else:
            year = _past_year(month, None, ref, future)
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        day = _weekday(g["wd"], g.get("rel"), ref, live, future)
        part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI"}.get((g.get("part") or "").lower())
        return (day.isoformat() + (f"T{part}" if part else "")), "day"
    if kind == "relday":
        rel = g["rel"].lower()
        offset = {"yesterday": -1, "the day before yesterday": -2, "tomorrow": 1,
                  "last night": -1, "the previous day": -1, "the day before": -1,
                  "the next day": 1}.get(rel, 0)
        day = ref + timedelta(days=offset)
        part = {"tonight": "NI", "this morning": "MO", "this afternoon": "AF",
                "this evening": "EV", "last night": "NI"}.get(rel)
        part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}.get(
            (g.get("part") or "").lower(), part)
        return day.isoformat() + (f"T{part}" if part else ""), "day"
    if kind == "ago":
        n = NUMBER_WORDS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower()
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return _week(ref - timedelta(weeks=n)), "week"
        if unit == "month":
            month0 = ref.year * 12 + ref.month - 1 - n
            return f"{month0 // 12:04d}-{month0 % 12 + 1:02d}", "month"
        return f"{ref.year - n:04d}", "year"
    if kind == "relunit":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = -1 if rel in {"last", "past", "previous"} else 1 if rel in {"next", "coming"} else 0
        if unit in {"week", "weekend"}:
            value = _week(ref + timedelta(weeks=step))
            return (value + "-WE" if unit == "weekend" else value), "week"
        if unit == "month":
            month0 = ref.year * 12 + ref.month - 1 + step
            return f"{month0 // 12:04d}-{month0 % 12 + 1:02d}", "month"
        if unit == "quarter":
            quarter = (ref.month - 1) // 3 + step
            year = ref.year + quarter // 4
            return f"{year:04d}-Q{quarter % 4 + 1}", "month"
        return f"{ref.year + step:04d}", "year"
    if kind == "quarter":
        year = int(g["y"]) if g.get("y") else ref.year
        return f"{year:04d}-Q{ORDINALS[g['ord'].lower()]}", "month"
    if kind == "season":
        rel = (g.get("rel") or "").lower()
        year = int(g["y"]) if g.get("y") else ref.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
        return f"{year:04d}-{SEASONS[g['season'].lower()]}", "month"
    if kind == "decade":
        return g["dec"][:3], "year"
    if kind == "year":
        return g["y"], "year"
    if kind in {"present", "past", "future"}:
        return f"{kind.upper()}_REF", None
    return None


def find_times(text: str, reference: date | None, *, live: bool = False, offset: int = 0,
               time: str | None = None) -> list[TimeExpression]:
    """Time expressions in `text`, resolved against `reference`; offsets shifted by `offset`."""
    if reference is None:
        return []
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind == "year":
                start = m.start("y")
            if any(start < e and s < end for s, e in taken):
                continue
            context = text[max(0, start - 60):start]
            resolved = _resolve(kind, m, reference, live, context)
            if resolved is None:
                continue
            value, precision = resolved
            span_text = text[start:end]
            lead = re.match(r"(?:on|in|since|by|of|from|until|during|before|after|for)\s+",
                            span_text, re.IGNORECASE)
            if lead and kind not in {"relday", "present", "past", "future"}:
                start += lead.end()
                span_text = text[start:end]
            taken.append((start, end))
            found.append(TimeExpression(Span(start + offset, end + offset, span_text), value,
                                        precision, time))
    found.sort(key=lambda t: t.span.start)
    return found


@Language.factory("thucydides_dates")
def make_dates(nlp: Language, name: str):
    return DateFinder()


class DateFinder:
    """spaCy component: sets `doc._.times` from `doc._.segments` (each with its own day)."""

    def __call__(self, doc: Doc) -> Doc:
        times = []
        for seg in doc._.segments or []:
            times.extend(find_times(doc.text[seg.start:seg.end], seg.reference,
                                    live=seg.is_update, offset=seg.start))
        doc._.times = times
        return doc


def period_start(value: str) -> str | None:
    """The first day of a TimeML period value ("2016-W45", "2016-09", "2016"), for records
    whose date field must be a day; date_precision says how much of it to trust."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
            return value[:10]
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return f"{m[1]}-{m[2]}-01"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return f"{m[1]}-{(int(m[2]) - 1) * 3 + 1:02d}-01"
        if re.fullmatch(r"\d{4}", value):
            return f"{value}-01-01"
    except ValueError:
        return None
    return None


def segment_of(segments: list[Segment], offset: int) -> int:
    for index, seg in enumerate(segments):
        if seg.start <= offset < seg.end:
            return index
    return max(0, len(segments) - 1)
