"""Temporal-expression rules: the patterns that find date mentions and how each is normalised.

Each ``Rule`` is a regex over the clean text plus a handler that turns a match into a TimeML
value (``Norm``). Handlers see a ``Ctx``: the anchor (publication date, or None when unknown),
a lazy tense probe, a count probe (is this 4-digit number a quantity?) and the reference time
(the last date mentioned, for "that year", "the following day"). Vocabulary lives in the
UPPER_CASE tables at the top so it can be extended without touching the logic.

Conventions (TimeML / TempEval-3): the span holds the expression with its determiner and
modifiers ("the third quarter", "late November", "about two years ago") but not the signal
before it ("by", "since", "in"), which goes to the qualifier column. Durations ("two years",
"the past five months") and sets ("annually") are not dates and are not emitted.
"""

from __future__ import annotations

import re

from pipeline.extract import timex_calendar as cal
from pipeline.extract.timex_parse import parse_absolute
from pipeline.extract.timex_types import Ctx, Handler, Norm, Rule
from pipeline.vocab import numbers
from pipeline.vocab.numbers import CARDINALS
from pipeline.vocab.timeml import DEICTIC_DAYS, MONTHS, SEASON_WORDS, WEEKDAYS

# ---------------------------------------------------------------------------------------------
# Vocabulary (data)

# Counts of time units as written ("three weeks ago", "a couple of days"): the cardinals and the
# article or phrase that stands for one or two.
NUMBER_WORDS: dict[str, int] = {
    **CARDINALS, "a": 1, "an": 1, "a hundred": 100, "a couple of": 2, "a couple": 2, "a half": 0, "half a": 0,
}
VAGUE_COUNTS = ("a few", "few", "several", "many", "some")
ORDINALS: dict[str, int] = {**numbers.ORDINALS, "twenty first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4}
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
# Symbolic TimeML values for vague references to the present, past and future.
REF_PHRASES: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "recent years": "PAST_REF",
    "recent months": "PAST_REF",
    "recent weeks": "PAST_REF",
    "recent days": "PAST_REF",
    "recent times": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the coming days": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF",
    "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF",
    "the coming decades": "FUTURE_REF",
    "coming months": "FUTURE_REF",
    "coming years": "FUTURE_REF",
    "coming weeks": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the years ahead": "FUTURE_REF",
    "the months ahead": "FUTURE_REF",
}
# Words that make a bare "May"/"March" a month rather than a verb (preceding word).
MONTH_CONTEXT_WORDS = frozenset(
    "in since by until till through from to and between before after during of early late mid "
    "last next this since, end beginning start middle".split()
)
# Prepositions that license a bare season or "the fall"/"the summer" as a time.
SEASON_CONTEXT_WORDS = frozenset("in during by until till since through throughout over this last next of".split())
# Plural nouns that may follow a year without making it a count ("1989 results").
YEAR_NOUN_OK = frozenset(
    "results sales earnings profits profit revenues elections games olympics figures levels prices "
    "budgets estimates forecasts losses models editions rules data numbers standards".split()
)
PART_OF_DAY = r"morning|afternoon|evening|night|overnight"
# Holidays: (month, day) fixed, or (month, weekday, n) = the n-th weekday of the month (n=-1: last).
HOLIDAYS: dict[str, tuple[int, ...]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "thanksgiving day": (11, 3, 4), "thanksgiving": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "presidents' day": (2, 0, 3),
    "election day": (11, 1, 0),  # the Tuesday after the first Monday of November (special-cased)
}

# ---------------------------------------------------------------------------------------------
# Regex building blocks

_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def _mon(g: str) -> str:
    return rf"(?P<{g}>(?-i:{_MON_FULL}|(?:{_MON_ABBR})\.?|(?:{_MON_FULL.upper()})))(?![A-Za-z])"


def _mon_full(g: str) -> str:
    return rf"(?P<{g}>(?-i:{_MON_FULL}))(?![A-Za-z])"


def _day(g: str) -> str:
    return rf"(?P<{g}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?![.,:]\d)"


def _year(g: str) -> str:
    return rf"(?P<{g}>1[0-9]{{3}}|20[0-9]{{2}})(?!\d)(?![.,]\d)"


def _wd(g: str) -> str:
    return rf"(?P<{g}>(?-i:{_WD}))(?![A-Za-z])"


_NUM = "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True))
_VAGUE = "|".join(re.escape(k) for k in VAGUE_COUNTS)
_ORD = "|".join(sorted((re.escape(k) for k in ORDINALS), key=len, reverse=True))
_REF = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in REF_PHRASES), key=len, reverse=True))
_WHEN = r"this\s+past|this\s+coming|last|next|this|coming|past"
_QWORD = r"first|second|third|fourth|final|1st|2nd|3rd|4th"


# ---------------------------------------------------------------------------------------------
# Helpers


def _month_no(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _num(s: str) -> int | None:
    s = re.sub(r"\s+", " ", s.lower())
    if s.isdigit():
        return int(s)
    return NUMBER_WORDS.get(s)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z,]+)[\s-]*$", text[max(0, start - 20):start])
    return m.group(1).lower().rstrip(",") if m else ""


def _next_text(text: str, end: int, n: int = 30) -> str:
    return text[end:end + n]


def _tense(ctx: Ctx, m: re.Match) -> str:
    """'past' | 'future' | '': a modal or infinitive clause counts as future for months and dates
    (also after a past verb: "subpoenaed him to testify on Feb. 10"); a present tense or "could"
    says nothing of a month's direction ("is in talks since March")."""
    t = ctx.tense(m.start(), m.end())
    return "future" if t in ("modal", "modal-past") else "" if t in ("present", "conditional") else t


def _tense_dir(ctx: Ctx, m: re.Match, default: str = "past") -> str:
    return _tense(ctx, m) or default


def _ref_or_anchor(ctx: Ctx) -> tuple[cal.Date, str]:
    """Date an anaphoric day expression counts from: the last mentioned day, else the DCT."""
    if ctx.ref.day is not None:
        return ctx.ref.day, ctx.ref.value
    return ctx.need(), ""


# ---------------------------------------------------------------------------------------------
# Handlers: absolute and calendar dates


def _h_iso(m: re.Match, ctx: Ctx) -> Norm | None:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Norm(cal.fmt_day(d), "day") if d else None


def _h_mdy(m: re.Match, ctx: Ctx) -> Norm | None:
    month, day = _month_no(m["mon"]), int(m["day"])
    if m["year"]:
        d = cal.safe_date(int(m["year"]), month, day)
        return Norm(cal.fmt_day(d), "day") if d else None
    if cal.safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 stays valid
        return None
    if (year := _year_of_the_month_in_view(ctx, month)) is not None:
        d = cal.safe_date(year, month, day)
        return Norm(cal.fmt_day(d), "day", relative=True, anchor=ctx.ref.value) if d else None
    anchor = ctx.need()
    year = cal.nearest_year_for(month, day, anchor, _tense(ctx, m))
    d = cal.safe_date(year, month, day) if year else None
    return Norm(cal.fmt_day(d), "day", relative=True) if d else None


def _year_of_the_month_in_view(ctx: Ctx, month: int) -> int | None:
    """The year of the month the text named last, when a day without a year falls in that month:
    "the ambush in June 2005 ... killed on June 24" and "killed June 24, 2005 while investigating
    a June 20 shooting" speak of June 2005, whenever the article came out."""
    ref = ctx.ref
    if ref.month is not None and ref.month[1] == month and ref.year == ref.month[0]:
        return ref.month[0]
    return None


def _h_month_year(m: re.Match, ctx: Ctx) -> Norm | None:
    return Norm(cal.fmt_month(int(m["year"]), _month_no(m["mon"])), "month")


def _h_month_rel_year(m: re.Match, ctx: Ctx) -> Norm | None:
    a = ctx.need()
    y = a.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return Norm(cal.fmt_month(y, _month_no(m["mon"])), "month", relative=True)


def _h_month_range(m: re.Match, ctx: Ctx) -> Norm | None:
    m1, m2 = _month_no(m["m1"]), _month_no(m["m2"])
    y1 = int(m["y1"]) if m["y1"] else None
    y2 = int(m["y2"]) if m["y2"] else None
    relative = False
    if y2 is None and y1 is None:
        a = ctx.need()
        relative = True
        direction = _tense_dir(ctx, m, "")
        y1, _ = cal.month_relative(a, m1, direction or "past")
        y2 = y1 if m2 >= m1 else y1 + 1
    elif y2 is None:
        y2 = y1 if m2 >= m1 else y1 + 1
    elif y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    if (y2, m2) <= (y1, m1):
        return None
    v1, v2 = cal.fmt_month(y1, m1), cal.fmt_month(y2, m2)
    end_group = "y2" if m["y2"] else "m2"
    parts = ((m.start("m1"), m.end("y1") if m["y1"] else m.end("m1"), v1), (m.start("m2"), m.end(end_group), v2))
    return Norm(f"{v1}/{v2}", "range", relative=relative, parts=parts)


def _h_day_range(m: re.Match, ctx: Ctx) -> Norm | None:
    month, d1, d2 = _month_no(m["mon"]), int(m["d1"]), int(m["d2"])
    if d2 <= d1:
        return None
    if m["year"]:
        year = int(m["year"])
        relative = False
    else:
        year = cal.nearest_year_for(month, d1, ctx.need(), _tense(ctx, m))
        relative = True
    a, b = cal.safe_date(year, month, d1), cal.safe_date(year, month, d2)
    if not a or not b:
        return None
    parts = ((m.start("mon"), m.end("d1"), cal.fmt_day(a)), (m.start("d2"), m.end(), cal.fmt_day(b)))
    return Norm(f"{cal.fmt_day(a)}/{cal.fmt_day(b)}", "range", relative=relative, parts=parts)


def _two_digit_year(y1: int, yy: str) -> int:
    return int(yy) if len(yy) == 4 else (y1 // 100) * 100 + int(yy)


def _h_year_range(m: re.Match, ctx: Ctx) -> Norm | None:
    y1 = int(m["y1"])
    y2 = _two_digit_year(y1, m["y2"])
    if len(m["y2"]) == 2 and y2 <= y1:
        y2 += 100
    if not (y1 < y2 <= y1 + 60) or y1 < 1000:
        return None
    before = m.string[max(0, m.start() - 1):m.start()]
    if before and (before.isdigit() or before in "$£€¥#-/."):
        return None
    parts = ((m.start("y1"), m.end("y1"), str(y1)), (m.start("y2"), m.end("y2"), str(y2)))
    return Norm(f"{y1}/{y2}", "range", parts=parts)


def _h_year(m: re.Match, ctx: Ctx) -> Norm | None:
    y = int(m["year"])
    text = m.string
    before = text[max(0, m.start() - 2):m.start()]
    if re.search(r"\d[-–/]$|[$£€¥#.,]$", before):
        return None
    after = text[m.end():m.end() + 12]
    if re.match(r"\s*(?:%|percent|per\s*cent|[-–]\d|/\d|\s*(?:km|kg|mph|mw|gw|m\b|bn\b))", after, re.I):
        return None
    if m.groupdict().get("fy"):
        return Norm(str(y), "year")
    prev = _prev_word(text, m.start())
    if y < 1900 and prev not in ("in", "since", "of", "year", "from", "until", "by", "before", "after", "circa", "c."):
        return None
    if ctx.is_count(m.start(), m.end()) or year_names_a_thing(text, m.start()):
        return None
    mod = ""
    low = before.lower()
    if re.search(r"post-?\s*$", text[max(0, m.start() - 5):m.start()], re.I):
        mod = "after"
    elif re.search(r"pre-?\s*$", text[max(0, m.start() - 4):m.start()], re.I) and low.endswith("-"):
        mod = "before"
    return Norm(str(y), "year", mod=mod)


# A capitalised word right before a year, one space between, within a sentence (not its first
# word: "That 1978 resolution", "For 1988,"): "Windows Server 2003", "tickets for Euro 2024".
_CAPITALISED_BEFORE = re.compile(r"[A-Za-z,;:] +([A-Z][A-Za-z]*) $")
_TIME_WORDS_BEFORE_A_YEAR = frozenset({*MONTHS, *WEEKDAYS, *SEASON_WORDS, *MONTH_CONTEXT_WORDS, *HOLIDAYS,
                                       "year", "fiscal", "ad", "bc", "ce", "bce"})


def year_names_a_thing(text: str, start: int) -> bool:
    """A year that is part of a name (a product, an event: "Windows Server 2003"), not a time: the
    word before it is capitalised, not the sentence's first, and no month, season, holiday or
    preposition ("in March 2003", "at Christmas 2003")."""
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    return bool(m) and m.group(1).lower() not in _TIME_WORDS_BEFORE_A_YEAR


def _h_fy_short(m: re.Match, ctx: Ctx) -> Norm | None:
    return Norm(str(2000 + int(m["yy"])), "year")


def _h_decade(m: re.Match, ctx: Ctx) -> Norm | None:
    if m["dec"]:
        dec = int(m["dec"]) // 10
    else:
        dd = m["dd"] if m["dd"] else str(DECADE_WORDS[m["word"].lower()] * 10)
        if m["dd"] and not (m["apos"] or m["the"]):
            return None  # "in their 90s" is an age
        tens = int(dd) // 10
        if ctx.anchor is not None:
            century = ctx.anchor.year // 100
            if century * 100 + tens * 10 > ctx.anchor.year:
                century -= 1
        else:
            century = 19 if tens >= 3 else 20
        dec = century * 10 + tens
    return Norm(str(dec), "decade", mod=(m["mod"] or "").lower())


def _h_century(m: re.Match, ctx: Ctx) -> Norm | None:
    if m["n"]:
        n = int(m["n"])
    else:
        n = ORDINALS.get(re.sub(r"\s+", " ", m["ord"].lower()))
        if n is None or m["ord"].lower() == "final":
            return None
    if not 1 <= n <= 22:
        return None
    return Norm(f"{n - 1:02d}", "century", mod=(m["mod"] or "").lower())


def _h_century_rel(m: re.Match, ctx: Ctx) -> Norm | None:
    a = ctx.need()
    c = a.year // 100 + {"this": 0, "last": -1, "next": 1}[m["when"].lower()]
    return Norm(f"{c:02d}", "century", relative=True)


# ---------------------------------------------------------------------------------------------
# Handlers: quarters, halves, seasons


def _quarter_year_default(ctx: Ctx, m: re.Match, q: int) -> int:
    """Year of a year-less 'the third quarter': this year's if it has begun, else last year's."""
    a = ctx.need()
    start_month = 3 * (q - 1) + 1
    if start_month <= a.month:
        return a.year
    return a.year - 1


def _h_quarter(m: re.Match, ctx: Ctx) -> Norm | None:
    q = ORDINALS[m["q"].lower()]
    if q > 4:
        return None
    relative = False
    yr = m["yq1"] or m["yq2"] or m["yq3"]
    rel = (m["rel"] or m["rel0"] or "").lower()
    if yr:
        y = int(yr)
    elif rel:
        y = ctx.need().year + {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
        relative = True
    else:
        y = _quarter_year_default(ctx, m, q)
        relative = True
    return Norm(cal.fmt_quarter(y, q), "quarter", relative=relative)


def _h_quarter_q(m: re.Match, ctx: Ctx) -> Norm | None:
    q = int(m["qn"] or m["qn2"])
    yy = m["qy"]
    if yy:
        y = int(yy) if len(yy.lstrip("'")) == 4 else 2000 + int(yy.lstrip("'"))
        return Norm(cal.fmt_quarter(y, q), "quarter")
    return Norm(cal.fmt_quarter(_quarter_year_default(ctx, m, q), q), "quarter", relative=True)


def _h_quarter_rel(m: re.Match, ctx: Ctx) -> Norm | None:
    when = re.sub(r"\s+", " ", (m["when"] or "").lower())
    if not when and (m["det"] or "").lower() in ("this", "that"):
        when = m["det"].lower()  # "this quarter", "that quarter"
    if not when and not m["det"]:
        return None  # a bare "quarter" is a fraction or a district more often than a time
    if m["unitq"].lower() == "period" and when not in ("latest", "year-ago", "year-earlier", "comparable year-ago",
                                                       "comparable year-earlier"):
        return None  # "the period" alone is anything; "the same period in 2019" is not a quarter
    if re.match(r"\s+(?:in|of|last|a|ended|ending)\s+(?:\d|year|the\s+year)", _next_text(m.string, m.end(), 20), re.I) \
            and when in ("same", "comparable", "corresponding", ""):
        return None
    a = ctx.need()
    cy, cq = a.year, cal.quarter_of(a)
    if when in ("this", "current", "this fiscal", "current fiscal"):
        return Norm(cal.fmt_quarter(cy, cq), "quarter", relative=True)
    if when in ("next", "coming"):
        y, q = cal.shift_quarter(cy, cq, 1)
        return Norm(cal.fmt_quarter(y, q), "quarter", relative=True)
    if when in ("year-ago", "year-earlier", "comparable year-ago", "comparable year-earlier", "year ago",
                "year earlier", "corresponding", "comparable"):
        if ctx.ref.quarter:
            y, q = ctx.ref.quarter
            return Norm(cal.fmt_quarter(y - 1, q), "quarter", relative=True, anchor=cal.fmt_quarter(y, q))
        y, q = cal.shift_quarter(cy, cq, -5)
        return Norm(cal.fmt_quarter(y, q), "quarter", relative=True)
    if when in ("", "that", "same", "the same") and ctx.ref.quarter:
        y, q = ctx.ref.quarter
        return Norm(cal.fmt_quarter(y, q), "quarter", relative=True, anchor=cal.fmt_quarter(y, q))
    if when in ("previous", "preceding", "prior") and ctx.ref.quarter:
        y, q = cal.shift_quarter(*ctx.ref.quarter, -1)  # "$3m in the third quarter, $2m in the previous quarter"
        return Norm(cal.fmt_quarter(y, q), "quarter", relative=True, anchor=cal.fmt_quarter(*ctx.ref.quarter))
    # last / latest / past / previous / recent / the quarter: the last completed quarter
    y, q = cal.shift_quarter(cy, cq, -1)
    return Norm(cal.fmt_quarter(y, q), "quarter", relative=True)


def _h_half(m: re.Match, ctx: Ctx) -> Norm | None:
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    if m["hy"]:
        return Norm(f"{int(m['hy']):04d}-H{h}", "half")
    rel = (m["hrel"] or "").lower()
    after = _next_text(m.string, m.end(), 12)
    if not rel and re.match(r"\s+of\b", after):
        return None  # "the first half of the game"
    a = ctx.need()
    if rel in ("last",):
        y = a.year - 1
    elif rel == "next":
        y = a.year + 1
    elif rel in ("this", "the"):
        y = a.year
    else:
        cur = 1 if a.month <= 6 else 2
        tense = _tense(ctx, m)
        y = a.year
        if h > cur and tense == "past":
            y -= 1
    return Norm(f"{y:04d}-H{h}", "half", relative=True)


def _h_half_h(m: re.Match, ctx: Ctx) -> Norm | None:
    h = int(m["hn"] or m["hn2"])
    yy = m["hy2"].lstrip("'")
    y = int(yy) if len(yy) == 4 else 2000 + int(yy)
    return Norm(f"{y:04d}-H{h}", "half")


def _h_season(m: re.Match, ctx: Ctx) -> Norm | None:
    s = SEASON_WORDS[m["s"].lower()]
    det = re.sub(r"\s+", " ", (m["det"] or "").lower())
    mod = (m["smod"] or "").lower()
    if m["sy"]:
        return Norm(f"{int(m['sy']):04d}-{s}", "season", mod=mod)
    prev = _prev_word(m.string, m.start())
    after = _next_text(m.string, m.end(), 12)
    if det in ("", "the"):
        if prev not in SEASON_CONTEXT_WORDS:
            return None
        if re.match(r"\s+(?:of|in|from|to)\b", after):
            return None  # "the fall of Rome", "the fall in prices"
    a = ctx.need()
    if det in ("last", "this past", "past"):
        y, s2 = cal.season_relative(a, s, "last")
    elif det in ("next", "this coming", "coming"):
        y, s2 = cal.season_relative(a, s, "next")
    elif det == "this":
        y, s2 = cal.season_relative(a, s, "this")
    else:
        tense = _tense(ctx, m)
        cy, cs = cal.season_instance(a)
        if cs == s:
            y, s2 = cy, s
        else:
            y, s2 = cal.season_relative(a, s, "next" if tense == "future" else "last")
    return Norm(f"{y:04d}-{s2}", "season", relative=True, mod=mod)


# ---------------------------------------------------------------------------------------------
# Handlers: relative months, weekdays, days, units


def _h_month_alone(m: re.Match, ctx: Ctx) -> Norm | None:
    month = _month_no(m["mon"])
    when = re.sub(r"\s+", " ", (m["when"] or "").lower())
    if not when and m["mon"] in ("May", "March"):
        prev = _prev_word(m.string, m.start())
        if prev not in MONTH_CONTEXT_WORDS:
            return None
    a = ctx.need()
    if when in ("last", "this past", "past"):
        y, mo = cal.month_relative(a, month, "last")
    elif when in ("next", "this coming", "coming"):
        y, mo = cal.month_relative(a, month, "next")
    elif when == "this":
        y, mo = a.year, month
    else:
        tense = _tense(ctx, m)
        if tense:
            y, mo = cal.month_relative(a, month, tense)
        else:  # no tense to go by: the nearest such month
            past, fut = cal.month_relative(a, month, "past"), cal.month_relative(a, month, "future")
            dist = lambda ym: abs((ym[0] * 12 + ym[1]) - (a.year * 12 + a.month))  # noqa: E731
            y, mo = past if dist(past) <= dist(fut) else fut
    return Norm(cal.fmt_month(y, mo), "month", relative=True)


def _holiday_date(name: str, year: int) -> cal.Date | None:
    spec = HOLIDAYS[name]
    if name == "election day":
        first_monday = cal.weekday_relative(cal.safe_date(year, 11, 1), 0, "future")
        return cal.add_days(first_monday, 1)
    if len(spec) == 2:
        return cal.safe_date(year, *spec)
    month, wd, n = spec
    if n > 0:
        first = cal.weekday_relative(cal.safe_date(year, month, 1), wd, "future")
        return cal.add_days(first, 7 * (n - 1))
    nm_y, nm_m = cal.shift_month(year, month, 1)
    return cal.weekday_relative(cal.add_days(cal.safe_date(nm_y, nm_m, 1), -1), wd, "past")


def _h_holiday(m: re.Match, ctx: Ctx) -> Norm | None:
    name = re.sub(r"\s+", " ", m["hol"].lower().replace("’", "'"))
    if m["holy"]:
        d = _holiday_date(name, int(m["holy"]))
        return Norm(cal.fmt_day(d), "day") if d else None
    a = ctx.need()
    when = (m["hwhen"] or "").lower()
    cands = [d for d in (_holiday_date(name, y) for y in (a.year - 1, a.year, a.year + 1)) if d]
    if when == "last":
        pool = [d for d in cands if d < a]
    elif when == "next":
        pool = [d for d in cands if d > a]
    elif when == "this":
        pool = [d for d in cands if d.year == a.year]
    else:
        tense = _tense(ctx, m)
        pool = [d for d in cands if (d <= a if tense == "past" else d >= a if tense == "future" else True)]
    d = min(pool or cands, key=lambda d: abs((d - a).days))
    return Norm(cal.fmt_day(d), "day", relative=True)


def _h_year_ago_adj(m: re.Match, ctx: Ctx) -> Norm | None:
    if ctx.ref.quarter:
        y, q = ctx.ref.quarter
        return Norm(cal.fmt_quarter(y - 1, q), "quarter", relative=True, anchor=cal.fmt_quarter(y, q))
    return Norm(str(ctx.need().year - 1), "year", relative=True)


# A weekday that recurs (TimeML SET) names no day: "every Tuesday", "each other Friday", "the
# second Tuesday of every month".
_RECURS_BEFORE = re.compile(rf"\b(?:every|each)\s+(?:other\s+|(?:{_ORD})\s+)?$", re.IGNORECASE)
_RECURS_AFTER = re.compile(r"\s+of\s+(?:every|each)\s+(?:week|month|year)\b", re.IGNORECASE)


def _h_weekday(m: re.Match, ctx: Ctx) -> Norm | None:
    if _RECURS_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()) or _RECURS_AFTER.match(ctx.text, m.end()):
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    when = re.sub(r"\s+", " ", (m["when"] or "").lower())
    if when in ("the following", "the next"):
        base, anchor = _ref_or_anchor(ctx)
        d = cal.weekday_relative(base, wd, "next")
        return Norm(cal.fmt_day(d), "day", relative=True, anchor=anchor)
    if when == "the previous":
        base, anchor = _ref_or_anchor(ctx)
        d = cal.weekday_relative(base, wd, "last")
        return Norm(cal.fmt_day(d), "day", relative=True, anchor=anchor)
    a = ctx.need()
    if when in ("last", "this past", "past"):
        d = cal.weekday_relative(a, wd, "last")
    elif when in ("next", "this coming", "coming"):
        d = cal.weekday_relative(a, wd, "next")
    elif when == "this":
        d = cal.weekday_relative(a, wd, "this")
    else:
        # A firm future moves a bare weekday ahead, and so does a present ("faces Rell on Saturday"
        # in a Friday article is tomorrow) and a modal or an infinitive ("would last until
        # Wednesday", "expect the heat to ease by Tuesday"); an infinitive of a past verb does not
        # ("struggled to reach ... late Tuesday", "was expected to appear on Monday": modal-past).
        # "could" or "might" point either way ("could not be located Wednesday", "talks could resume
        # on Thursday"): the nearer day of that name.
        tense = ctx.tense(m.start(), m.end())
        direction = "future" if tense in ("future", "present", "modal") else "nearest" if (
            tense == "conditional") else "past"
        d = cal.weekday_relative(a, wd, direction)
    return Norm(cal.fmt_day(d), "day", relative=True)




def _h_deictic(m: re.Match, ctx: Ctx) -> Norm | None:
    if m["far"]:
        n = -2 if "yesterday" in m["far"].lower() else 2
    else:
        n = DEICTIC_DAYS[m["w"].lower()]
    return Norm(cal.fmt_day(cal.add_days(ctx.need(), n)), "day", relative=True)


_UNIT_SHIFT = {"this": 0, "current": 0, "the current": 0, "this fiscal": 0, "the current fiscal": 0,
               "the fiscal": 0, "the latest fiscal": -1, "this calendar": 0,
               "last": -1, "this past": -1, "past": -1, "the past": -1, "the last": -1, "previous": -1,
               "the previous": -1, "last fiscal": -1,
               "next": 1, "this coming": 1, "coming": 1, "the coming": 1, "next fiscal": 1,
               "the": 0, "over the": 0}
_ANAPHORIC = {"the following": 1, "the next": 1, "the previous": -1, "the same": 0, "that": 0,
              "the prior": -1, "the preceding": -1}


def _shift_unit(base: cal.Date, unit: str, n: int) -> tuple[str, str]:
    if unit == "year":
        return str(base.year + n), "year"
    if unit == "month":
        y, mo = cal.shift_month(base.year, base.month, n)
        return cal.fmt_month(y, mo), "month"
    if unit == "week":
        return cal.fmt_week(cal.add_days(base, 7 * n)), "week"
    if unit == "weekend":
        return cal.fmt_weekend(cal.add_days(base, 7 * n)), "weekend"
    if unit == "day":
        return cal.fmt_day(cal.add_days(base, n)), "day"
    if unit == "decade":
        return str(base.year // 10 + n), "decade"
    if unit == "quarter":
        y, q = cal.shift_quarter(base.year, cal.quarter_of(base), n)
        return cal.fmt_quarter(y, q), "quarter"
    if unit == "century":
        return f"{base.year // 100 + n:02d}", "century"
    raise ValueError(unit)


def _h_unit_rel(m: re.Match, ctx: Ctx) -> Norm | None:
    return _unit_relative(re.sub(r"\s+", " ", m["when"].lower()), m["unit"].lower(), ctx)


def _unit_relative(when: str, unit: str, ctx: Ctx) -> Norm | None:
    """A unit shifted from now ("last month") or, anaphorically, from the date mentioned last ("the
    following year", "the previous quarter")."""
    if when in _ANAPHORIC:
        n = _ANAPHORIC[when]
        if unit == "year" and ctx.ref.year is not None:
            return Norm(str(ctx.ref.year + n), "year", relative=True, anchor=str(ctx.ref.year))
        if unit == "month" and ctx.ref.month is not None:
            y, mo = cal.shift_month(*ctx.ref.month, n)
            return Norm(cal.fmt_month(y, mo), "month", relative=True, anchor=cal.fmt_month(*ctx.ref.month))
        if unit in ("day", "week", "weekend") and ctx.ref.day is not None:
            v, g = _shift_unit(ctx.ref.day, unit, n)
            return Norm(v, g, relative=True, anchor=cal.fmt_day(ctx.ref.day))
        if unit == "quarter" and ctx.ref.quarter is not None:
            y, q = cal.shift_quarter(*ctx.ref.quarter, n)  # "$3m in the third quarter, $2m in the previous quarter"
            return Norm(cal.fmt_quarter(y, q), "quarter", relative=True, anchor=cal.fmt_quarter(*ctx.ref.quarter))
        if when in ("that", "the same") or unit == "day":
            if unit == "day" and when in ("the following", "the next", "the previous", "the prior"):
                # shifted from the article's day, it moves no reference: a second "the previous
                # day" ("the previous day's shooting") is the same day, not the one before it
                return None if ctx.anchor is None else Norm(
                    cal.fmt_day(cal.add_days(ctx.anchor, n)), "day", relative=True, anchor=cal.fmt_day(ctx.anchor))
            n = 0
    else:
        n = _UNIT_SHIFT[when]
        if unit == "day":
            return None
    if unit == "weekend" and when in ("the", "over the"):
        n = 0
    a = ctx.need()
    if unit == "weekend" and n == 0 and a.weekday() < 4 and when not in ("this", "that", "the same"):
        n = -1  # "the weekend" mentioned early in the week is the one just past
    v, g = _shift_unit(a, unit, n)
    return Norm(v, g, relative=True)


def _h_unit_before(m: re.Match, ctx: Ctx) -> Norm | None:
    """"48 minutes last month, against 40 minutes the month before": the unit before (or after)
    the date mentioned last, else the article's; "the day before the crash" is anchored on an
    event, not a date."""
    if re.match(r"\s*(?:the|a|an|his|her|its|their|[A-Z0-9])", _next_text(m.string, m.end(), 10)):
        return None
    when = "the previous" if m["dir"].lower() in ("before", "earlier") else "the following"
    return _unit_relative(when, m["unit"].lower(), ctx)


def _h_edge_of(m: re.Match, ctx: Ctx) -> Norm | None:
    edge = m["edge"].lower()
    mod = {"end": "late", "close": "late", "beginning": "early", "start": "early", "middle": "mid",
           "turn": "early"}[edge]
    unit = m["eunit"].lower()
    a = ctx.need()
    v, g = _shift_unit(a, unit, 0)
    return Norm(v, g, relative=True, mod=mod)


def _h_year_end(m: re.Match, ctx: Ctx) -> Norm | None:
    return Norm(str(ctx.need().year), "year", relative=True, mod="late")



def _h_ago(m: re.Match, ctx: Ctx) -> Norm | None:
    count = re.sub(r"\s+", " ", m["n"].lower())
    unit = m["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    after = _next_text(m.string, m.end(), 10)
    if direction in ("earlier", "later", "before", "after") and re.match(r"\s*(?:than|[A-Za-z0-9])", after):
        return None  # "two years before the war": anchored on an event, not a date
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    mod = "approx" if m["approx"] else ""
    if count in VAGUE_COUNTS:
        ctx.need()
        return Norm("PAST_REF" if sign < 0 else "FUTURE_REF", "ref", relative=True, mod=mod)
    n = _num(count)
    if n is None or n == 0:
        return None
    if (
        unit == "year"
        and n == 1
        and sign < 0
        and ctx.ref.quarter
        and ctx.ref.value == cal.fmt_quarter(*ctx.ref.quarter)
    ):
        y, q = ctx.ref.quarter  # "profit fell from $X a year earlier" right after a quarter: that quarter
        return Norm(cal.fmt_quarter(y - 1, q), "quarter", relative=True, mod=mod, anchor=ctx.ref.value)
    if direction in ("earlier", "later", "before", "after"):
        if unit == "year" and ctx.ref.year is not None:
            return Norm(str(ctx.ref.year + sign * n), "year", relative=True, mod=mod, anchor=str(ctx.ref.year))
        if ctx.ref.day is not None and unit in ("day", "week", "month"):
            base, anchor = ctx.ref.day, cal.fmt_day(ctx.ref.day)
        elif unit == "month" and ctx.ref.month is not None:  # "3% in March, after 2% a month earlier"
            y, mo = cal.shift_month(*ctx.ref.month, sign * n)
            return Norm(cal.fmt_month(y, mo), "month", relative=True, mod=mod, anchor=cal.fmt_month(*ctx.ref.month))
        else:
            base, anchor = ctx.need(), ""
    else:
        base, anchor = ctx.need(), ""
    if unit == "decade":
        return Norm(str(base.year - 10 * n if sign < 0 else base.year + 10 * n), "year", relative=True,
                    mod=mod, anchor=anchor)
    if unit == "century":
        return Norm(f"{base.year // 100 + sign * n:02d}", "century", relative=True, mod=mod, anchor=anchor)
    v, g = _shift_unit(base, unit, sign * n)
    return Norm(v, g, relative=True, mod=mod, anchor=anchor)


def _h_ref(m: re.Match, ctx: Ctx) -> Norm | None:
    phrase = re.sub(r"\s+", " ", m["ref"].lower())
    after = _next_text(m.string, m.end(), 40)
    if phrase in ("the past", "the future", "the present") and re.match(
        r"\s+(?:of\b|\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|twelve|"
        r"twenty|thirty|fifty|hundred|many|decades?|years?|months?|weeks?|days?|quarters?|centur)", after, re.I
    ):
        return None  # "the past two years" is a duration; "the future of AI" is not a time
    if phrase == "now" and re.match(r"[-–]", after):
        return None  # "now-defunct"
    return Norm(REF_PHRASES[phrase], "ref", relative=True)


# Time zones written after a clock time, as news writes them.
TIME_ZONES = (
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "MSK", "IST", "PKT", "SAST", "EAT", "WAT",
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST", "ET", "PT", "CT", "MT", "JST", "KST",
    "HKT", "SGT", "AEST", "AEDT", "AWST", "NZST", "NZDT",
)
_ZONE = rf"(?:\s*(?P<zone>(?-i:{'|'.join(TIME_ZONES)})(?![A-Za-z])|local\s+time))?"
# A clock time: "9:25", "06:00 BST", "2:09 a. m.", "6am", "9.25 am", "0925 hours", "noon".
_CLOCK = (
    r"(?<![\d.:/,$])(?:(?P<noon>\b(?:noon|midday|midnight)\b)"  # (no "noon" inside "afternoon")
    r"|(?P<h>[01]?\d|2[0-3])(?:(?::(?P<m>[0-5]\d)(?::(?P<sec>[0-5]\d)(?![\d:]))?)"
    r"|(?:\.(?P<md>[0-5]\d)(?=\s*(?:[ap]\.?\s?m\b|hours\b|hrs\b))))?"
    r"(?:\s*(?:(?P<ampm>[ap])(?:\.\s?m\.|\s?m\b)|(?P<hrs>hours|hrs)\b))?"
    r"|(?P<mil>[01]\d|2[0-3])(?P<milm>[0-5]\d)\s*(?:hours|hrs)\b)"
)


def _h_clock(m: re.Match, ctx: Ctx) -> Norm | None:
    """A time of day as TimeML wants it (XXXX-XX-XXT09:25; the day is attached later when the
    sentence gives one). A bare number is no time: it needs minutes, a.m./p.m. or "hours"."""
    zone = re.sub(r"\s+", " ", m["zone"] or "")
    if m["noon"]:
        hour, minute = (0, 0) if m["noon"].lower() == "midnight" else (12, 0)
    elif m["mil"]:
        hour, minute = int(m["mil"]), int(m["milm"])
    else:
        hour, minute = int(m["h"]), int(m["m"] or m["md"] or 0)
        if m["ampm"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if m["ampm"].lower() == "p" else 0)
        elif not (m["m"] or m["md"]):
            return None  # "10 hours" is a duration, "10" a number
        elif m["sec"] and not zone and not re.search(r"\bat\s+$", m.string[max(0, m.start() - 4):m.start()]):
            return None  # "finishing in 2:00:48": how long a race took (the numbers' ELAPSED_TIME_RE), no clock
    if hour > 23:
        return None
    return Norm(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "time", zone=zone)


def _h_numeric(m: re.Match, ctx: Ctx) -> Norm | None:
    return parse_absolute(m.group(0))


def _h_unit_rel_guard(m: re.Match, ctx: Ctx) -> Norm | None:
    when = re.sub(r"\s+", " ", m["when"].lower())
    unit = m["unit"].lower()
    after = _next_text(m.string, m.end(), 20)
    if when in ("the", "over the") and unit != "weekend":
        return None  # "the year", "the month": too often a duration or a generic noun
    if when in ("the past", "the last", "the next", "the coming") and unit == "day":
        return None
    if (
        when == "that"
        and unit in ("day", "week", "month", "year")
        and re.match(r"\s+(?:of|in|when|the|is|was)\b", after)
    ):
        return _h_unit_rel(m, ctx) if unit == "year" else None
    return _h_unit_rel(m, ctx)



# ---------------------------------------------------------------------------------------------
# The rule table. Overlaps are resolved longest-first, then by table order.

# Holiday names as the rule matches them, longest variant first ("Christmas Eve" before "Christmas").
_HOLIDAY_NAMES = "|".join((
    "Martin Luther King Day", r"Valentine['’]s Day", r"Presidents['’] Day", r"New Year['’]s Day",
    r"New Year['’]s Eve", "Independence Day", "Thanksgiving Day", "Christmas Eve", "Christmas Day",
    "Veterans Day", "Thanksgiving", "Memorial Day", "Election Day", "Boxing Day", "Halloween", "Christmas",
    "Labor Day",
))


_F = re.IGNORECASE


def _r(name: str, pattern: str, handler: Handler, granularity: str) -> Rule:
    return Rule(name, re.compile(pattern, _F), handler, granularity)


_WD_OPT = rf"(?:{_wd('wd')},?\s+)?"
_LB = r"(?<![\w$£€¥#])"  # expression must not start inside a word or a number

RULES: tuple[Rule, ...] = (
    _r("clock_time", _CLOCK + _ZONE, _h_clock, "time"),
    _r("iso_date", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])", _h_iso, "day"),
    _r("numeric_date", r"(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/.])", _h_numeric, "day"),
    _r(
        "month_day_range",
        rf"{_mon('mon')}\s+{_day('d1')}\s*(?:-|–|—|to|through)\s*{_day('d2')}(?:,?\s+{_year('year')})?",
        _h_day_range,
        "range",
    ),
    _r(
        "month_range",
        rf"{_mon('m1')}(?:,?\s+{_year('y1')})?\s*(?:-|–|—|to|through|until|till)\s*{_mon('m2')}(?:,?\s+{_year('y2')})?",
        _h_month_range,
        "range",
    ),
    _r(
        "month_range_between",
        rf"(?<=\bbetween\s){_mon('m1')}(?:,?\s+{_year('y1')})?\s+and\s+{_mon('m2')}(?:,?\s+{_year('y2')})?",
        _h_month_range,
        "range",
    ),
    _r(
        "year_range",
        rf"{_LB}{_year('y1')}\s*(?:-|–|—|/|to|through|until)\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d%])",
        _h_year_range,
        "range",
    ),
    _r("year_range_between", rf"(?<=\bbetween\s){_year('y1')}\s+and\s+(?P<y2>\d{{4}})(?!\d)", _h_year_range, "range"),
    _r("month_day_year", rf"{_WD_OPT}{_mon('mon')}\s+{_day('day')}(?:(?:,\s*|\s+){_year('year')})?", _h_mdy, "day"),
    _r(
        "day_month_year",
        rf"{_WD_OPT}(?:the\s+)?(?<![\d,.$])\b{_day('day')}(?:\s+of)?\s+{_mon('mon')}(?:,?\s+{_year('year')})?",
        _h_mdy,
        "day",
    ),
    _r("month_year", rf"{_mon('mon')}(?:,|\s+of)?\s+{_year('year')}", _h_month_year, "month"),
    _r(
        "month_rel_year",
        rf"{_mon('mon')}(?:\s+of)?\s+(?P<rel>this|last|next)\s+year(?![\w'])",
        _h_month_rel_year,
        "month",
    ),
    _r("month_alone", rf"(?:(?P<when>{_WHEN})\s+)?{_mon_full('mon')}(?!\s*\d)", _h_month_alone, "month"),
    _r(
        "weekday",
        rf"(?:(?P<when>{_WHEN}|the\s+previous|the\s+following|the\s+next)\s+)?{_wd('wd')}"
        rf"(?:\s+(?P<pod>{PART_OF_DAY})(?![A-Za-z]))?",
        _h_weekday,
        "day",
    ),
    _r(
        "deictic_day",
        rf"\b(?:(?P<far>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))|(?P<w>today|tonight|yesterday|tomorrow)"
        rf"(?:\s+(?:{PART_OF_DAY})(?![A-Za-z]))?)(?![A-Za-z-])",
        _h_deictic,
        "day",
    ),
    _r(
        "holiday",
        rf"\b(?:(?P<hwhen>last|next|this)\s+)?(?P<hol>(?-i:{_HOLIDAY_NAMES}))(?![A-Za-z])(?:,?\s+(?P<holy>1[0-9]{{3}}|20[0-9]{{2}})(?!\d))?",
        _h_holiday,
        "day",
    ),
    _r(
        "year_ago_adj",
        r"\b(?:the\s+)?(?:comparable\s+)?(?P<ya>year-earlier|year-ago)(?![A-Za-z-])",
        _h_year_ago_adj,
        "year",
    ),
    _r(
        "quarter",
        rf"\b(?:the\s+|its\s+|a\s+)?(?:(?P<yq1>1[0-9]{{3}}|20[0-9]{{2}})\s+|(?P<rel0>this\s+year's|last\s+year's|next\s+year's)\s+)?"
        rf"(?:fiscal[-\s]+)?(?P<q>{_QWORD})[-\s]+(?:fiscal[-\s]+)?quarter(?![A-Za-z])"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<yq2>1[0-9]{{3}}|20[0-9]{{2}})(?!\d)|(?P<rel>this|last|next)\s+year)|,?\s+(?P<yq3>(?:19|20)[0-9]{{2}})(?!\d))?",
        _h_quarter,
        "quarter",
    ),
    _r(
        "quarter_q",
        r"(?<![A-Za-z0-9])(?-i:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)(?:\s*(?:of\s+)?(?P<qy>(?:19|20)\d{2}|'\d{2}))?(?![A-Za-z0-9])",
        _h_quarter_q,
        "quarter",
    ),
    _r(
        "quarter_rel",
        r"\b(?:(?P<det>the|its|that|this)\s+)?(?:(?P<when>this|current|this\s+fiscal|current\s+fiscal|next|coming|last|latest|past|"
        r"previous|prior|preceding|recent|most\s+recent|same|that|year-ago|year-earlier|year\s+ago|year\s+earlier|"
        r"comparable\s+year-ago|comparable\s+year-earlier|comparable|corresponding|latest)\s+)?(?:fiscal\s+)?"
        r"(?P<unitq>quarter|period)(?![A-Za-z])(?!\s+of\b)",
        _h_quarter_rel,
        "quarter",
    ),
    _r(
        "half",
        r"\b(?:the\s+)?(?P<h>first|second|last|latter|1st|2nd)[-\s]+half(?![A-Za-z])"
        r"(?:\s+of\s+(?:the\s+)?(?:(?:fiscal\s+)?(?:year\s+)?(?P<hy>1[0-9]{3}|20[0-9]{2})(?!\d)|(?P<hrel>this|last|next|the)\s+(?:fiscal\s+)?year))?",
        _h_half,
        "half",
    ),
    _r(
        "half_h",
        r"(?<![A-Za-z0-9])(?-i:H(?P<hn>[12])|(?P<hn2>[12])H)\s*(?:of\s+)?(?P<hy2>(?:19|20)\d{2}|'\d{2})(?!\d)",
        _h_half_h,
        "half",
    ),
    _r(
        "season",
        r"\b(?:(?P<det>this\s+past|this\s+coming|this|last|next|the|past|coming)\s+)?(?:(?P<smod>early|mid|late)[-\s]+)?"
        r"(?P<s>spring|summer|fall|autumn|winter)(?![A-Za-z])(?:\s+(?:of\s+)?(?P<sy>1[0-9]{3}|20[0-9]{2})(?!\d))?",
        _h_season,
        "season",
    ),
    _r(
        "decade",
        rf"(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?:(?P<dec>(?:1[0-9]|20)[0-9]0)'?s|(?P<apos>['’‘])?(?P<dd>[1-9]0)'?s|"
        rf"(?:nineteen[-\s]+)?(?P<word>{'|'.join(DECADE_WORDS)}))(?![A-Za-z0-9])",
        _h_decade,
        "decade",
    ),
    _r(
        "century",
        rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ord>{_ORD}))[-\s]+century(?![A-Za-z])",
        _h_century,
        "century",
    ),
    _r("century_rel", r"\b(?P<when>this|last|next)\s+century(?![A-Za-z])", _h_century_rel, "century"),
    _r(
        "edge_of",
        r"\b(?:the\s+)?(?:very\s+)?(?P<edge>end|beginning|start|middle|close|turn)\s+of\s+(?:the|this)\s+"
        r"(?P<eunit>year|month|week|decade|century|quarter)(?![A-Za-z])",
        _h_edge_of,
        "year",
    ),
    _r("year_end", r"\b(?:the\s+)?year(?:'s)?[-\s]end(?![A-Za-z])", _h_year_end, "year"),
    _r(
        "unit_rel",
        r"\b(?P<when>this\s+past|this\s+coming|the\s+coming|the\s+current\s+fiscal|the\s+current|the\s+previous|the\s+following|"
        r"the\s+past|the\s+last|the\s+next|the\s+same|the\s+prior|the\s+preceding|the\s+latest\s+fiscal|the\s+fiscal|"
        r"this\s+fiscal|last\s+fiscal|next\s+fiscal|this\s+calendar|that|this|last|next|the)\s+"
        r"(?P<unit>year|month|week|weekend|decade|century|day)(?![A-Za-z-])(?!'s\s+(?:first|second|third|fourth)\b)",
        _h_unit_rel_guard,
        "year",
    ),
    _r("unit_before", r"\bthe\s+(?P<unit>year|month|week|quarter)\s+(?P<dir>before|earlier|after|later)(?![A-Za-z])",
       _h_unit_before, "month"),
    _r(
        "ago",
        rf"\b(?:(?P<approx>about|around|nearly|almost|roughly|some|approximately|more\s+than|less\s+than|just\s+over|over|only|just)\s+)?"
        rf"(?P<n>\d+|{_NUM}|{_VAGUE})\s+(?P<unit>years?|months?|weeks?|days?|decades?|centuries|century|quarters?)\s+"
        rf"(?P<dir>ago|earlier|later|before|after|hence|from\s+now|back)(?![A-Za-z])",
        _h_ago,
        "year",
    ),
    _r("ref", rf"(?<![A-Za-z-])(?P<ref>{_REF})(?![A-Za-z-])", _h_ref, "ref"),
    _r("fiscal_year", rf"(?<![A-Za-z])(?P<fy>fiscal(?:\s+year)?|FY|the\s+year)\s*{_year('year')}", _h_year, "year"),
    _r("fy_short", r"(?<![A-Za-z])(?-i:FY)\s?(?P<yy>\d{2})(?!\d)", _h_fy_short, "year"),
    _r("year", rf"(?<![\w$£€¥#]){_year('year')}", _h_year, "year"),
)
