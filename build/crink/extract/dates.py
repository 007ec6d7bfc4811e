"""Time expressions in a sentence, resolved against the article's publication date.

Absolute ("8 July 2020", "January 2025", "in 2021") and relative ("On July 8", "in
December", "late last year", "earlier this month", "on Tuesday", "recent", "ongoing",
"just prior to ...") expressions become a date range with a precision (day, month, season,
year). A relative expression that the publication date cannot fix is left unresolved.
"A day earlier", "two days later" and "the next day" count from the last dated event.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH_RE = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
YEAR_RE = r"(?P<year>(?:19|20)\d\d)"
PART_RE = r"(?:(?P<part>early|mid|late|the end of|the start of|the beginning of)[- ](?:in )?)?"
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "ten": 10}  # "two days later", "a week after"
PATTERNS = [
    # 8 July 2020 / 8 July
    ("day_month", re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)? (?:of )?{MONTH_RE}(?:,? {YEAR_RE})?\b")),
    # July 8, 2020 / July 8
    ("month_day", re.compile(rf"\b{MONTH_RE} (?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,? {YEAR_RE}\b)?(?![\d,.]*\d)")),
    # (late) January 2025 / (in) December
    ("month", re.compile(rf"\b{PART_RE}{MONTH_RE}(?:,? (?:of )?{YEAR_RE})?\b")),
    # last/this/next summer
    ("season", re.compile(r"\b(?:(?P<rel>last|this|next|earlier this|later this) )?(?P<season>spring|summer|autumn|fall|winter)(?: of (?P<year>(?:19|20)\d\d))?\b", re.I)),
    # late last year, earlier this month, last week, this year
    ("relative", re.compile(r"\b(?P<part>early|late|earlier|later|mid)?[- ]?(?P<rel>last|this|next|past|previous)[- ](?P<unit>year|month|week)\b", re.I)),
    ("weekday", re.compile(r"\b(?:on |last |this (?:past )?)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    # a day earlier, two days later, the next day, the same day: counted from the last day named before it
    ("shift", re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|\d) days? "
                         r"(?P<dir>earlier|later|before(?! \w)|after(?! \w))|the (?P<rel>next|following|previous|same) day)\b",
                         re.I)),
    # in 2021 / the 2014 annexation / early 2020
    ("year", re.compile(rf"(?<![\d$£€.,-]){PART_RE}{YEAR_RE}(?![\d%]|,\d|\.\d)")),
    # vague: recent, recently, ongoing, just prior to ...
    ("vague", re.compile(r"\b(?P<word>recent(?:ly)?|ongoing|currently|just prior to|shortly before|shortly after|just before|just after|in recent (?:days|weeks|months))\b", re.I)),
]


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    date_start: dt.date
    date_end: dt.date
    precision: str  # day | month | season | year
    kind: str

    @property
    def date(self) -> str:
        """The date at its precision: YYYY-MM-DD, YYYY-MM or YYYY."""
        if self.precision == "day":
            return self.date_start.isoformat()
        if self.precision == "month":
            return self.date_start.strftime("%Y-%m")
        return str(self.date_start.year)


@dataclass
class Anchor:
    """The publication date as a range: what relative expressions are resolved against."""

    start: dt.date
    end: dt.date
    precision: str

    @classmethod
    def from_published(cls, published: str | None, precision: str | None):
        if not published:
            return None
        parts = [int(p) for p in published.split("-")]
        if precision == "day":
            d = dt.date(*parts[:3])
            return cls(d, d, "day")
        if precision == "month":
            return cls(dt.date(parts[0], parts[1], 1), month_end(parts[0], parts[1]), "month")
        return cls(dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_range(year, month):
    return dt.date(year, month, 1), month_end(year, month)


def _past_year_for(month: int, anchor: Anchor | None) -> int | None:
    """A month named without a year: the latest such month not after publication."""
    if anchor is None:
        return None
    if anchor.precision == "year":
        return anchor.start.year
    return anchor.end.year if month <= anchor.end.month else anchor.end.year - 1


def _resolve(kind: str, m: re.Match, anchor: Anchor | None, event_day: dt.date | None = None):
    g = m.groupdict()
    if kind in ("day_month", "month_day"):
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        year = int(g["year"]) if g.get("year") else _past_year_for(month, anchor)
        if year is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        d = dt.date(year, month, day)
        return d, d, "day"
    if kind == "month":
        month = MONTHS[g["month"].lower().rstrip(".")]
        if g["month"] == "May" and not (g.get("year") or g.get("part")) and not _preceded_by_preposition(m):
            return None  # the verb "may"
        year = int(g["year"]) if g.get("year") else _past_year_for(month, anchor)
        if year is None:
            return None
        return (*_month_range(year, month), "month")
    if kind == "season":
        season = g["season"].lower()
        first, last = SEASONS[season]
        if g.get("year"):
            year = int(g["year"])
        elif anchor and g.get("rel"):
            rel = g["rel"].lower()
            year = anchor.end.year - (1 if rel == "last" else 0) + (1 if rel == "next" else 0)
        else:
            return None
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), month_end(end_year, last), "season"
    if kind == "relative":
        if anchor is None:
            return None
        rel, unit = g["rel"].lower(), g["unit"].lower()
        shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[rel]
        if unit == "year":
            year = anchor.end.year + shift
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if anchor.precision == "year":
            return None
        if unit == "month":
            y, mth = anchor.end.year, anchor.end.month + shift
            y, mth = (y - 1, 12) if mth == 0 else (y + 1, 1) if mth == 13 else (y, mth)
            return (*_month_range(y, mth), "month")
        if anchor.precision != "day":
            return (*_month_range(anchor.end.year, anchor.end.month), "month") if shift == 0 else None
        day = anchor.end + dt.timedelta(days=7 * shift)
        return (*_month_range(day.year, day.month), "month")
    if kind == "weekday":
        if anchor is None or anchor.precision != "day":
            return None
        back = (anchor.end.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        d = anchor.end - dt.timedelta(days=back or 7 if m.group(0).lower().startswith("last") else back)
        return d, d, "day"
    if kind == "deictic":
        if anchor is None or anchor.precision != "day":
            return None
        d = anchor.end - dt.timedelta(days=1 if g["word"].lower() == "yesterday" else 0)
        return d, d, "day"
    if kind == "shift":
        if event_day is None:
            return None
        n = NUMBER_WORDS.get((g.get("n") or "").lower()) or int(g["n"]) if g.get("n") else 1
        if (g.get("rel") or "").lower() == "same":
            return event_day, event_day, "day"
        back = (g.get("dir") or "").lower() in ("earlier", "before") or (g.get("rel") or "").lower() == "previous"
        d = event_day - dt.timedelta(days=n) if back else event_day + dt.timedelta(days=n)
        return d, d, "day"
    if kind == "year":
        year = int(g["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if kind == "vague":
        if anchor is None:
            return None
        return dt.date(anchor.end.year, 1, 1), dt.date(anchor.end.year, 12, 31), "year"
    return None


def _preceded_by_preposition(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 12): m.start()].lower()
    return bool(re.search(r"\b(in|on|since|by|until|during|of|from|late|early|mid)[ -]$", before))


def find_time_expressions(text: str, anchor: Anchor | None, base: int = 0,
                          event_day: dt.date | None = None) -> list[TimeExpr]:
    """Time expressions in text (a sentence), longest first where they overlap. `event_day`,
    the day of the last dated event before the sentence, resolves "a day earlier"."""
    found = []
    taken = [False] * len(text)
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(taken[s:e]):
                continue
            resolved = _resolve(kind, m, anchor, event_day)
            for i in range(s, e):
                taken[i] = True  # claim the words even if unresolved, so parts are not reread
            if resolved:
                found.append(TimeExpr(base + s, base + e, m.group(0), *resolved, kind))
    return sorted(found, key=lambda t: t.start)
