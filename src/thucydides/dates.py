"""Find time expressions and resolve them against the day each passage was written.

Values follow TimeML (TIMEX3): "2016-11-15", "2016-11", "2016-W46", "2016", "2016-Q3",
"199" (a decade), "2016-SU", "PAST_REF" / "PRESENT_REF" / "FUTURE_REF". News speaks of the
past, so a bare weekday is the latest such day on or before the reference day unless its
sentence speaks of what is to come ("is scheduled to resume Monday"); inside a live-blog
update it is the nearest such day, since the blog runs over several days. A part of the day
("Tuesday night") leaves the value a calendar day. "That year" and "the following month"
take the date the text named before them; in a report of quarterly results "a year ago" is
the same quarter a year back.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicons import load
from .types import Segment, Span, TimeExpression

WEEKDAYS = [name for name, kind in load("calendar_words") if kind == "weekday"]
MONTHS = [name for name, kind in load("calendar_words") if kind == "month"]
NUMBER_NAMES = [(word, int(value)) for word, value, kind in load("number_words")
                if kind == "cardinal"]
# How many days, weeks or years "n ... ago" counts ("several": a number the text leaves open).
NUMBER_WORDS = {**{w: v for w, v in NUMBER_NAMES if 1 <= v <= 12},
                "a": 1, "an": 1, "several": None, "few": None}
SPOKEN_UNITS = {w: v for w, v in NUMBER_NAMES if v < 10}
SPOKEN_TENS = {w: v for w, v in NUMBER_NAMES if v >= 10}
_SPOKEN_UNITS = "|".join(list(SPOKEN_UNITS)[1:])
_SPOKEN_TENS = "|".join(SPOKEN_TENS)
DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties"]
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WD = rf"(?P<wd>{'|'.join(WEEKDAYS)})"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?"
# phrase without apostrophes -> rule (lexicons/holidays.tsv)
HOLIDAYS = {phrase.replace("'", ""): rule for phrase, rule in load("holidays")}
_HOLIDAY = "|".join(re.escape(phrase).replace("'", "['’]?").replace(r"\ ", r"\s+")
                    for phrase, _ in sorted(load("holidays"), key=lambda row: -len(row[0])))

PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("slash", r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)?\d\d)\b"),
    ("holiday", rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<holiday>{_HOLIDAY})\b"),
    ("day_month", rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
                  rf"(?:\s+of)?\s+{_MON}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
    ("month_day", rf"\b(?:{_WD},?\s+)?{_MON}\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
                  r"(?!:\d)(?:,?\s+(?P<y>(?:19|20)\d\d))?"),
    ("month_year", rf"\b(?:(?P<rel>last|this|next|early|late|mid|earlier this|later this)\s+)?"
                   rf"{_MON}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
    ("weekday", rf"\b(?:(?P<rel>last|this|next|on|late|early|past)\s+)?{_WD}{_PART}\b"),
    ("relday", r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|tomorrow|"
               r"this (?:morning|afternoon|evening)|last night|overnight|earlier today|"
               r"the previous day|the day before|the next day)\b"
               r"(?:\s+(?P<part>morning|afternoon|evening|night))?"),
    ("year_ago_quarter", r"\b(?:the\s+)?(?:corresponding|comparable|same)\s+(?:period|quarter)\s+"
                         r"(?:last year|a year (?:ago|earlier))\b"
                         r"|\blast year's (?:quarter|period)\b"),
    ("ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
            r"(?P<unit>day|week|month|year)s?\s+(?:ago|earlier)\b"
            r"|\b(?:the\s+)?(?P<unit2>year)-(?:ago|earlier)(?:\s+(?:quarter|period))?\b"),
    ("last_quarter", r"\bthe\s+(?:(?:latest|most recent|recent|past|just-ended|"
                     r"just-completed)\s+)?quarter\b|\bthe\s+(?:latest|most recent|just-ended)"
                     r"\s+period\b"),
    ("year_quarter", r"\bthe\s+(?P<y>(?:19|20)\d\d)\s+(?:quarter|period)\b"),
    ("year_end", r"\b(?:the\s+)?year[\s-]end\b"),
    ("weekend", r"\b(?:the|this|last|next)\s+weekend\b"),
    ("spoken_year", rf"\b(?:the\s+year\s+)?(?P<spoken>nineteen(?:\s+hundred(?:\s+and)?)?\s+"
                    rf"(?:{_SPOKEN_TENS})(?:[\s-]+(?:{_SPOKEN_UNITS}))?|two thousand"
                    rf"(?:\s+and)?(?:[\s-]+(?:{_SPOKEN_UNITS}))?)\b"),
    ("relunit", r"\b(?P<rel>last|this|next|past|previous|coming|current|earlier this|later this)"
                r"\s+(?P<unit>week|month|year|weekend|quarter)\b"),
    ("quarter", r"\b(?:the\s+)?(?:(?P<y0>(?:19|20)\d\d)\s+)?"
                r"(?P<ord>first|second|third|fourth|1st|2nd|"
                r"3rd|4th)[\s-]+quarter"
                r"(?:\s+of\s+(?P<y>(?:19|20)\d\d))?\b"),
    ("season", r"\b(?:(?P<rel>last|this|next|early|late)\s+)?(?P<season>spring|summer|autumn|fall|"
               r"winter)(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?\b"),
    ("the_year", r"\bthe\s+(?:full\s+|current\s+)?(?:fiscal\s+)?year\b"
                 r"(?!\s+(?:before|after|earlier|ago|"
                 r"later|of|to|in|when|that|two|nineteen))"),
    ("decade", r"\b(?:the\s+)?(?P<dec>(?:19|20)\d0)'?s\b|\bthe\s+(?:[\w-]+\s+(?:of\s+the\s+)?)?"
               r"(?:'(?P<short>\d)0s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
               r"eighties|nineties))\b|\b(?P<rel>the last|the past|this|the previous) decade\b"),
    ("century", r"\b(?P<n>1\d|20|21|[2-9])(?:st|nd|rd|th)[\s-]+century\b"),
    ("year", r"(?<![\d,.$£€#])\b(?:(?:in|since|by|of|from|until|during|before|after|early|late|"
             r"mid|fiscal|for|the|year)[\s-]+)?(?P<y>(?:19|20)\d\d)\b"
             r"(?![\d%]|[,.:-]\d|\s+(?:people|persons|troops|soldiers|civilians|men|women|"
             r"children|dead|killed|wounded|injured|dollars|feet|meters|metres|miles|km|"
             r"kilometers|hours|tons|tonnes)\b)"),
    ("present", r"\b(?P<ref>now|currently|current|at present|presently|these days|nowadays|"
                r"at the moment|right now|so far|to date)\b"),
    ("past", r"\b(?P<ref>recently|recent|previously|formerly|in the past|once|"
             r"earlier(?!\s+(?:that|the same)\b)|lately|"
             r"(?:several|a few|some|many) (?:days|weeks|months|years) ago|"
             r"(?:in |over )?(?:the )?(?:past|last) (?:few |several )?(?:days|weeks|months|years|"
             r"quarters)|past (?:days|weeks|months|years))\b"),
    ("future", r"\b(?P<ref>(?:in )?the future|future|(?:in )?(?:the )?coming (?:days|weeks|months|"
               r"years|quarters)|(?:in |over )?the (?:near|short) term|soon|eventually|"
               r"later(?!\s+(?:that|the same)\b))\b"),
]]

# Told from a date the text named before them, not from the moment of writing: "that year",
# "the following month", "later that day", "the day before", "two days earlier"; set after a
# day, "n days after" dates what follows it n days before that day ("shut
# Wednesday, two days after a guard was stabbed there").
_COUNT = rf"\d+|{'|'.join(w for w, n in NUMBER_WORDS.items() if n)}"
ANAPHORA = re.compile(r"\b(?:(?:later|earlier)\s+)?(?:that|the same|that same)\s+"
                      r"(?P<unit>day|month|year)\b"
                      r"|\bthe\s+(?P<dir>following|previous|preceding|next)\s+"
                      r"(?P<unit2>day|month|year)\b"
                      r"|\bthe\s+(?P<unit3>day)\s+(?P<dir2>before)\b"
                      rf"|\b(?P<n>{_COUNT})\s+(?P<unit4>day)s?\s+(?P<dir3>earlier)\b"
                      rf"|(?<=,\s)(?P<n2>{_COUNT})\s+(?P<unit5>day)s?\s+(?P<dir4>after)\b",
                      re.IGNORECASE)
ANAPHORA_STEPS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "before": -1,
                  "earlier": -1, "after": -1}
WEEKDAY_IN = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
DATE_AFTER_WEEKDAY = re.compile(r",?\s*\(?\s*")  # "Monday night, March 21", "Monday (March 21)"
LAST_MEANS_WEEK_BEFORE = 1  # days back within which "last <weekday>" is a week further back
# Said of what is yet to come: checked in the sentence before the expression only, since
# "said they would appeal the ruling announced Wednesday" speaks of Wednesday past.
FUTURE_CUES = re.compile(r"\b(will|would(?!-)|'ll|shall|plan(?:s|ned|ning)? to|is to|are to|"
                         r"going to|"
                         r"scheduled|set to|expected to|due to|as (?:soon|early) as|until|"
                         r"postponed|planned|planning|payable|effective|next)\b", re.IGNORECASE)
# A reporting verb after the cue dates the report, not the plan ("will appeal, he said Monday"),
# and a verb in the past tense what has happened ("the county will review the crash in which a
# courier was hurt Tuesday").
PAST_AFTER_CUE = re.compile(r"\b(?:said|says|told|announced|predicted|reported|added|stated|"
                            r"confirmed|declared|warned|was|were)\b", re.IGNORECASE)
# A full stop after a word of three letters or more (not "Mr." or an initial) ends a sentence.
SENTENCE_END = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d)|(?<=[)\"'’”]))[.!?][\"'’”]?\s+"
                          r"(?=[A-Z\"“`])|\n")
QUARTER_REACH = 1000  # characters back that a quarterly report's subject carries
QUARTER_CONTEXT = re.compile(r"\b(?:(?P<ord>first|second|third|fourth)[\s-]+)?quarter",
                             re.IGNORECASE)

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
    """The day a weekday names (see the module docstring); "last Friday" said on a Friday or
    a Saturday is the Friday of the week before, since the day just past would be "Friday"
    or "yesterday" (`LAST_MEANS_WEEK_BEFORE`); "this past Friday" may be yesterday."""
    target = WEEKDAYS.index(wd.lower())
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    rel = (rel or "").lower()
    if rel == "next" or (future and rel != "last"):
        return ref + timedelta(days=ahead or 7 if rel == "next" else ahead)
    if rel == "last" and back <= LAST_MEANS_WEEK_BEFORE:
        return ref - timedelta(days=back + 7)
    if rel in {"last", "past"}:
        return ref - timedelta(days=back or 7)
    if live and 0 < ahead <= 3 and ahead < back:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def _holiday(name: str, rel: str, ref: date, future: bool) -> str:
    """The day of a holiday (`HOLIDAYS`) nearest the reference, in the direction the text
    speaks of."""
    rule = HOLIDAYS[re.sub(r"\s+", " ", name.lower().replace("'", "").replace("’", ""))]
    if rel == "next" or (future and rel != "last"):
        year = ref.year if _holiday_on(rule, ref.year) > ref else ref.year + 1
    elif rel == "this":
        year = ref.year
    else:
        year = ref.year if _holiday_on(rule, ref.year) <= ref else ref.year - 1
    return _holiday_on(rule, year).isoformat()


def _holiday_on(rule: str, year: int) -> date:
    """The day a holiday rule ("fixed:12-25", "nth:11:3:4", "easter") gives in a year."""
    kind, *args = rule.split(":")
    if kind == "fixed":
        month, day = args[0].split("-")
        return date(year, int(month), int(day))
    if kind == "easter":
        return _easter(year)
    month, weekday, nth = (int(a) for a in args)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    if nth == -1:
        while (day + timedelta(days=7)).month == month:
            day += timedelta(days=7)
        return day
    return day + timedelta(weeks=nth - 1)


def _easter(year: int) -> date:
    """Easter Sunday of a year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _year_back(years: int, m: re.Match, sentence: str, before: str, ref: date) -> tuple[str, str]:
    """A year back; in a report of quarterly results, that quarter a year back, since such a
    report compares like with like ("profit rose from $2 million a year ago")."""
    quarter = _quarter_in_view(sentence + m.group(0), before)
    if quarter:
        year, number = _reported_quarter(quarter["ord"], ref)
        return f"{year - years:04d}-Q{number}", "month"
    return f"{ref.year - years:04d}", "year"


def _quarter_in_view(sentence: str, before: str) -> re.Match | None:
    """The quarter the sentence names, else the last one the text named shortly before."""
    return QUARTER_CONTEXT.search(sentence) or next(
        reversed(list(QUARTER_CONTEXT.finditer(before[-QUARTER_REACH:]))), None)


def _reported_quarter(ordinal: str | None, ref: date) -> tuple[int, int]:
    """The quarter a report speaks of: the named one most recently ended, else the last ended."""
    current = (ref.month - 1) // 3 + 1
    if ordinal:
        number = ORDINALS[ordinal.lower()]
        return (ref.year if number < current else ref.year - 1), number
    return (ref.year, current - 1) if current > 1 else (ref.year - 1, 4)


def _resolve(kind: str, m: re.Match, ref: date, live: bool, before: str) -> tuple[str, str] | None:
    """(value, precision) of one match; `before` is the text that leads up to it."""
    sentence = _sentence_before(before)
    cues = list(FUTURE_CUES.finditer(sentence))
    future = bool(cues) and not PAST_AFTER_CUE.search(sentence, cues[-1].end())
    g = m.groupdict()
    if kind in {"iso", "slash", "day_month", "month_day"}:
        month = int(g["m"]) if kind in {"iso", "slash"} else _month(g["mon"])
        day = int(g["d"])
        year = g.get("y")
        if year:
            century = 0 if len(year) != 2 else 2000 if int(year) < 50 else 1900
            year = int(year) + century
        else:
            year = _past_year(month, day, ref, future)
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if kind == "month_year":
        month = _month(g["mon"])
        if g["mon"].lower().rstrip(".") == "may" and not g.get("y") and not g.get("rel") and not (
                g["mon"] == "May" and re.search(r"\b(?:in|by|since|until|from|of|through|"
                                                r"before|after|during)\s+$", sentence)):
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
        return _weekday(g["wd"], g.get("rel"), ref, live, future).isoformat(), "day"
    if kind == "relday":
        rel = g["rel"].lower()
        offset = {"yesterday": -1, "the day before yesterday": -2, "tomorrow": 1,
                  "last night": -1, "the previous day": -1, "the day before": -1,
                  "the next day": 1}.get(rel, 0)
        return (ref + timedelta(days=offset)).isoformat(), "day"
    if kind == "ago":
        if g.get("unit2"):
            n, unit = 1, "year"
        else:
            n = NUMBER_WORDS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
            unit = g["unit"].lower()
        if n is None:
            return None
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return _week(ref - timedelta(weeks=n)), "week"
        if unit == "month":
            month0 = ref.year * 12 + ref.month - 1 - n
            return f"{month0 // 12:04d}-{month0 % 12 + 1:02d}", "month"
        # A report of quarterly results compares like with like: "a year ago" is that quarter.
        return _year_back(n, m, sentence, before, ref)
    if kind == "year_ago_quarter":
        quarter = _quarter_in_view(sentence + m.group(0), before)
        year, number = _reported_quarter(quarter["ord"] if quarter else None, ref)
        return f"{year - 1:04d}-Q{number}", "month"
    if kind == "last_quarter":
        year, number = _reported_quarter(None, ref)
        return f"{year:04d}-Q{number}", "month"
    if kind == "weekend":
        rel = m.group(0).split()[0].lower()
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if rel == "next" or (rel != "last" and future):
            saturday += timedelta(days=7)
        elif rel == "last" and ref - saturday <= timedelta(days=1):
            saturday -= timedelta(days=7)  # said on a weekend, the one before it
        return _week(saturday) + "-WE", "week"
    if kind == "holiday":
        return _holiday(g["holiday"].lower(), (g.get("rel") or "").lower(), ref, future), "day"
    if kind == "year_quarter":
        quarter = _quarter_in_view(sentence + m.group(0), before)
        number = _reported_quarter(quarter["ord"] if quarter else None, ref)[1]
        return f"{g['y']}-Q{number}", "month"
    if kind == "year_end":
        return f"{ref.year:04d}-12-31", "day"
    if kind == "the_year":
        return f"{ref.year:04d}", "year"
    if kind == "spoken_year":
        words = re.findall(r"[a-z]+", g["spoken"].lower())
        if words[0] == "two":
            return f"{2000 + sum(SPOKEN_UNITS.get(w, 0) for w in words[2:]):04d}", "year"
        rest = [w for w in words[1:] if w not in {"hundred", "and"}]
        year = 1900 + SPOKEN_TENS[rest[0]] + sum(SPOKEN_UNITS.get(w, 0) for w in rest[1:])
        return f"{year:04d}", "year"
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
        year = int(g.get("y") or g.get("y0") or ref.year)
        return f"{year:04d}-Q{ORDINALS[g['ord'].lower()]}", "month"
    if kind == "season":
        rel = (g.get("rel") or "").lower()
        shift = -1 if rel == "last" else 1 if rel == "next" else 0
        year = int(g["y"]) if g.get("y") else ref.year + shift
        return f"{year:04d}-{SEASONS[g['season'].lower()]}", "month"
    if kind == "decade":
        if g.get("dec"):
            return g["dec"][:3], "year"
        if g.get("rel"):
            step = 0 if g["rel"].lower() == "this" else 10
            return f"{(ref.year - step) // 10:03d}", "year"
        tens = int(g["short"]) if g.get("short") else DECADE_WORDS.index(g["word"].lower()) + 2
        return f"{ref.year // 100 - (tens * 10 > ref.year % 100)}{tens}", "year"
    if kind == "century":
        return f"{int(g['n']) - 1:02d}", "year"
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
            resolved = _resolve(kind, m, reference, live, text[max(0, start - 1000):start])
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
    return _with_anaphora(text, _weekdays_dated(text, found, offset), taken, offset, time)


def _weekdays_dated(text: str, found: list[TimeExpression],
                    offset: int) -> list[TimeExpression]:
    """A weekday and its part of the day followed by the calendar date of that weekday
    ("Wednesday afternoon, July 9, 2014", "Thursday night (May 19)") is that date, however
    long before the moment of writing: the date says which week the weekday is in."""
    dated = list(found)
    for index, (weekday, following) in enumerate(zip(found, found[1:])):
        named = WEEKDAY_IN.search(weekday.span.text)
        gap = text[weekday.span.end - offset:following.span.start - offset]
        if named and weekday.precision == "day" and _calendar(following) and \
                following.day is not None and DATE_AFTER_WEEKDAY.fullmatch(gap) and \
                following.day.weekday() == WEEKDAYS.index(named.group(0).lower()):
            dated[index] = replace(weekday, value=following.value)
    return dated


def _with_anaphora(text: str, found: list[TimeExpression], taken: list[tuple[int, int]],
                   offset: int, time: str | None) -> list[TimeExpression]:
    """Read "that year", "the following month", "later that day", "the day before" and "two
    days earlier" from the date the text named last before them, not from the day of
    writing: "arrested Friday, a day after the shooting" is not about the day before
    publication. Where a pattern already read the expression from the day of writing ("the
    day before", "two days earlier"), that reading stands when the text named no date
    before it."""
    told = list(found)
    for m in ANAPHORA.finditer(text):
        same = next((i for i, t in enumerate(told)
                     if (t.span.start - offset, t.span.end - offset) == m.span()), None)
        if same is None and any(m.start() < e and s < m.end() for s, e in taken):
            continue
        unit, step = _anaphora_step(m)
        size = {"year": 4, "month": 7, "day": 10}[unit]
        antecedent = next((t for t in reversed(told) if t.span.start - offset < m.start()
                           and re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", t.value[:size])
                           and len(t.value) >= size), None)
        if antecedent is None:
            continue
        value = _shift(antecedent.value[:size], unit, step)
        if same is not None:
            told[same] = replace(told[same], value=value)
        else:
            told.append(TimeExpression(Span(m.start() + offset, m.end() + offset, m.group(0)),
                                       value, unit, time))
            told.sort(key=lambda t: t.span.start)
    return told


def _anaphora_step(m: re.Match) -> tuple[str, int]:
    """The unit an anaphoric expression counts in and how many of them it steps."""
    def first(name: str) -> str:
        return next((v for k, v in m.groupdict().items() if k.startswith(name) and v), "")

    number = first("n").lower()
    count = int(number) if number.isdigit() else NUMBER_WORDS.get(number, 1)
    return first("unit").lower(), ANAPHORA_STEPS.get(first("dir").lower(), 0) * count


def _shift(value: str, unit: str, step: int) -> str:
    if unit == "year":
        return f"{int(value) + step:04d}"
    if unit == "month":
        month0 = int(value[:4]) * 12 + int(value[5:7]) - 1 + step
        return f"{month0 // 12:04d}-{month0 % 12 + 1:02d}"
    return (date.fromisoformat(value) + timedelta(days=step)).isoformat()


def _sentence_before(before: str) -> str:
    """The last sentence of `before` (at most 150 characters): the one a match stands in."""
    window = before[-150:]
    ends = list(SENTENCE_END.finditer(window))
    return window[ends[-1].end():] if ends else window


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
    whose date field must be a day; date_precision says how much of it to trust. A weekend
    ("2016-W45-WE") starts on its Saturday."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
            return value[:10]
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1).isoformat()
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return f"{m[1]}-{m[2]}-01"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return f"{m[1]}-{(int(m[2]) - 1) * 3 + 1:02d}-01"
        if re.fullmatch(r"\d{4}", value):
            return f"{value}-01-01"
    except ValueError:
        return None
    return None


def period_end(value: str, precision: str | None) -> date | None:
    """The last day of a TimeML period value of the given precision ("2009" ends on 31
    December): how recent a period told of is."""
    start = period_start(value)
    if start is None:
        return None
    first = date.fromisoformat(start)
    if precision == "week":
        return first + timedelta(days=1 if value.endswith("-WE") else 6)
    if precision == "month":
        return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if precision == "year":
        return first.replace(month=12, day=31)
    return first


# What a day says about the incident a report is about, by the word it dates; reporting verbs
# date the statement ("police said Thursday"), so they count as what came later.
INCIDENT_ROLES = {lemma: "later" for lemma, *_ in load("speech_verbs") if " " not in lemma} | {
    lemma: role for lemma, role in load("incident_day_words")}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "noon", "midnight", "o'clock"}
INCIDENT_RANKS = {"act": 0, "consequence": 1, None: 2, "later": 3}
# "police said Thursday": the day of the statement, not of the event
SAID_ON = re.compile(r"\b(?P<verb>said|says|told(?:\s+\w+)?|announced|reported|confirmed|"
                     r"added)\s+(?:on\s+)?$", re.IGNORECASE)
SAID_REACH = 4  # words before a day where its reporting verb stands ("told reporters on")
BACKGROUND_DAYS = 30  # older events are background, not the news being reported
OTHER_CASE_DAYS = 7  # a day further back than this is another case, or a story followed up
# Days counted from the moment of writing, which a page's date gives only roughly (archives
# and syndication date a story a day late); a weekday name or a calendar date does not move.
FROM_WRITING = re.compile(r"\b(?:yesterday|today|tonight|overnight|last night|"
                          r"this (?:morning|afternoon|evening))\b", re.IGNORECASE)


def from_writing(time: TimeExpression) -> bool:
    """Whether a day is told relative to the moment of writing ("last night", "overnight")."""
    return bool(FROM_WRITING.search(time.span.text))


def dated_word(doc: Doc, time: TimeExpression) -> Token | None:
    """The word a time expression dates: its syntactic head, past a preposition and a time
    of day ("shot on Friday", "Friday's shooting", "shot at 10 p.m. Friday" date the
    shooting), and past the place a phrase names: the parser often hangs the day on the
    place ("shot in the 2300 block of Elm Street Tuesday", "found at his home Friday"),
    unless that noun is a dated word itself ("charged in the shooting Friday")."""
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    word = span.root
    while word.head.i != word.i and (word.i == span.root.i or word.dep_ == "prep" or
                                     word.lower_ in CLOCK_WORDS or word.like_num or
                                     _place_object(word)):
        word = word.head
    return word if word.i != span.root.i else None


def _place_object(word: Token) -> bool:
    """A noun after a preposition that dates nothing by itself (a block, a home, a street)."""
    return word.dep_ == "pobj" and word.pos_ in {"NOUN", "PROPN"} and \
        word.lemma_.lower() not in INCIDENT_ROLES


def incident_rank(doc: Doc, time: TimeExpression, acts: set[int]) -> int:
    """How surely a day is the incident's (0 best): the day of the act itself, of its
    consequence (a death), of something else, or of what came later (an arrest, a hearing,
    a statement). A story tells all of these, and the shooting is only one of its days.
    The lexicon decides, by the word's passive voice where it lists that apart ("the shooting
    was reported Friday" dates the act, "police reported Friday" a statement); a word it
    lacks is an act when it is one of `acts` (token indices of the violence the pipeline
    found)."""
    word = dated_word(doc, time)
    if word is None:
        return INCIDENT_RANKS[None]
    return INCIDENT_RANKS[INCIDENT_ROLES.get(_role_key(word), "act" if word.i in acts else None)]


def _role_key(word: Token) -> str:
    """The word's entry in `INCIDENT_ROLES`: its lemma, "passive:LEMMA" in the passive voice
    where the lexicon lists that apart, or "LEMMA OBJECT" where it lists the verb with its
    object ("the shooting took place Sunday" as "happened Sunday")."""
    lemma = word.lemma_.lower()
    passive = f"passive:{lemma}"
    if passive in INCIDENT_ROLES and any(child.dep_ == "auxpass" for child in word.children):
        return passive
    return next((phrase for child in word.children if child.dep_ == "dobj" and
                 (phrase := f"{lemma} {child.lemma_.lower()}") in INCIDENT_ROLES), lemma)


def incident_day(doc: Doc, times: list[TimeExpression], written: date | None,
                 acts: set[int]) -> TimeExpression | None:
    """The day a stretch of text (a story, a live-blog entry written on `written`) gives for
    the violence it reports, among its time expressions `times`.
    A story names several days: the shooting's, the victim's death, the arrest, the hearing,
    the statement, the page's own ("Posted: Monday, June 3"). The day of the act wins (a day
    dating a word of violence, `acts` as in `incident_rank`), then that of a death, then any
    other, then a later development; the first in the text among equals.
    Days after the writing are not the news, nor those long before it, unless the text gives
    a calendar date that dates no later development ("the June 5 shooting" in a story about
    the trial): a follow-up story names its incident by the date, and that date wins when
    nothing in the past week dates the act or a death (`_followed_up`). Among equals a weekday
    or a date wins over a day counted from the moment of writing ("overnight", "last
    night"), which the page's date gives only roughly. None when the text dates nothing."""
    if written is None:
        return None
    ranked = []
    for order, told in enumerate(times):
        if told.day is None or told.day > written or _said_on(doc, told):
            continue
        named = _calendar(told)
        if told.day == written and named:  # the dateline
            continue
        rank = incident_rank(doc, told, acts)
        recent = written - told.day <= timedelta(days=BACKGROUND_DAYS)
        if recent or (named and rank <= INCIDENT_RANKS[None]):
            ranked.append(((rank, not recent, from_writing(told), order), told))
    if not ranked:
        return None
    return _followed_up(ranked, written) or min(ranked, key=lambda pair: pair[0])[1]


def _said_on(doc: Doc, told: TimeExpression) -> bool:
    """Whether a day is that of a statement ("police said Thursday"), read off the few words
    before it (not `doc.text`, which spaCy rebuilds at each access). The lexicon decides as
    it does for any dated word: "the shooting was reported Thursday" dates the shooting."""
    span = doc.char_span(told.span.start, told.span.end, alignment_mode="expand")
    if span is None:
        return False
    words = doc[max(0, span.start - SAID_REACH):span.start]
    said = SAID_ON.search("".join(t.text_with_ws for t in words))
    if said is None:
        return False
    verb = next((t for t in words if t.idx - words[0].idx == said.start("verb")), None)
    return verb is None or INCIDENT_ROLES.get(_role_key(verb)) == "later"


def _followed_up(ranked: list[tuple[tuple, TimeExpression]],
                 written: date) -> TimeExpression | None:
    """The calendar date a follow-up story names its shooting by, more than a week back, when
    the past week's days date only what came later (a plea, a hearing, a search)."""
    (rank, *_), best = min(ranked, key=lambda pair: pair[0])
    if rank < INCIDENT_RANKS[None] or written - best.day > timedelta(days=OTHER_CASE_DAYS):
        return None
    named = [(key, told) for key, told in ranked if key[0] <= INCIDENT_RANKS[None] and
             written - told.day > timedelta(days=OTHER_CASE_DAYS) and _calendar(told)]
    return min(named, key=lambda pair: (pair[0][0], pair[0][-1]))[1] if named else None


def _calendar(told: TimeExpression) -> bool:
    """A calendar date ("June 5", "6/5/2015") rather than a weekday or a relative day."""
    return any(ch.isdigit() for ch in told.span.text)


def segment_of(segments: list[Segment], offset: int) -> int:
    for index, seg in enumerate(segments):
        if seg.start <= offset < seg.end:
            return index
    return max(0, len(segments) - 1)
