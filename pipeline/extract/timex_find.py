"""Find and normalise temporal expressions in a text: a cascade over the rule table.

1. Every rule in ``timex_rules.RULES`` proposes matches; a match counts when its handler
   accepts it (a relative expression without an anchor still counts, unresolved).
2. Extra candidate spans (spaCy DATE entities) that no rule covered are tried with dateparser,
   absolute dates only.
3. Overlaps are settled longest-first, then by rule order.
4. In document order, each kept match is resolved against the anchor and the reference time
   (the last date mentioned, for "that year"), then widened over a modifier before it
   ("late", "the end of") and given the signal before it ("by", "since") as its qualifier.

Text in, plain ``Timex`` records out; no spaCy objects, so it is easy to test on strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.extract import timex_calendar as cal
from pipeline.extract.timex_parse import parse_absolute
from pipeline.extract.timex_rules import RULES, year_names_a_thing
from pipeline.extract.timex_types import Ctx, Norm, Ref, Unresolved

# Modifier words that belong inside the span (TimeML mod), read right-to-left before a match.
_MOD_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?P<edge>end|beginning|start|middle|close)\s+of\s+"
    r"|\b(?P<em>early|earlier|mid|late|later)(?:\s+in)?(?:\s+|-)"
    r"|\b(?P<approx>around|about|circa|approximately|roughly)\s+)$",
    re.IGNORECASE,
)
_MOD_WORD = {"end": "late", "close": "late", "beginning": "early", "start": "early", "middle": "mid",
             "early": "early", "earlier": "early", "mid": "mid", "late": "late", "later": "late"}
# Signals: the preposition before a date that changes what the date claims ("by 2030").
_SIGNAL_BEFORE = re.compile(
    r"\b(?P<sig>by|since|before|after|until|till|through|prior\s+to|no\s+later\s+than|ahead\s+of|up\s+to|"
    r"as\s+early\s+as|as\s+late\s+as)\s+$",
    re.IGNORECASE,
)
_SIGNAL_WORD = {"by": "by", "since": "since", "before": "before", "after": "after", "until": "until",
                "till": "until", "through": "until", "prior to": "before", "no later than": "by",
                "ahead of": "before", "up to": "until", "as early as": "", "as late as": ""}
_SIGNAL_AFTER = re.compile(
    r"^\s+(?:(?P<after>or\s+later|and\s+beyond|onwards?|and\s+after)|(?P<before>or\s+earlier))\b", re.IGNORECASE
)
_NO_REF_RULES = frozenset({"ago", "year_ago_adj"})
_CALENDAR_GRAN = frozenset({"day", "week", "month", "quarter", "half", "season", "year"})
_MODIFIABLE = _CALENDAR_GRAN | {"decade", "century", "weekend", "time"}


@dataclass(frozen=True)
class Timex:
    """One temporal expression: where it is and what it means."""

    start: int
    end: int
    text: str
    value: str  # "" when relative and unresolved
    granularity: str
    relative: bool
    qualifier: str
    anchor: str  # an earlier mention's value for anaphora ("that year"), else ""
    rule: str
    parts: tuple[tuple[int, int, str], ...] = ()
    zone: str = ""


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    order: int
    rule_index: int  # -1 for extra (spaCy) candidates
    match: re.Match | None
    norm: Norm | None


def _probe(rule_index: int, m: re.Match, ctx: Ctx) -> bool:
    try:
        return RULES[rule_index].handler(m, ctx) is not None
    except Unresolved:
        return True


_GRAN_WORDS = (("weekend", "weekend"), ("week", "week"), ("month", "month"), ("quarter", "quarter"),
               ("decade", "decade"), ("centur", "century"), ("half", "half"), ("day", "day"), ("year", "year"))


def _unresolved_granularity(text: str, default: str) -> str:
    """Granularity of an expression we could not resolve, read off its unit word."""
    low = text.lower()
    for word, gran in _GRAN_WORDS:
        if word in low:
            return gran
    return default


def _resolve(rule_index: int, m: re.Match, ctx: Ctx) -> Norm | None:
    rule = RULES[rule_index]
    try:
        return rule.handler(m, ctx)
    except Unresolved:
        return Norm("", _unresolved_granularity(m.group(0), rule.granularity), relative=True)


def _update_ref(ref: Ref, norm: Norm) -> None:
    v, g = norm.value, norm.granularity
    if not v or g not in _CALENDAR_GRAN:
        return
    year = int(v[:4]) if v[:4].isdigit() else None
    if year is None:
        return
    ref.year, ref.value = year, v
    if g == "day":
        d = cal.parse_iso_date(v)
        ref.day, ref.month = d, (d.year, d.month)
    elif g == "month":
        ref.month, ref.day = (year, int(v[5:7])), None
    elif g == "quarter":
        ref.quarter, ref.day = (year, int(v[-1])), None
    else:
        ref.day = None if g != "week" else ref.day


# A number beside "x" and another number is one side of a size ("the same 1440 x 900 display",
# "2880x1800 pixels"), never a year.
_DIMENSION_AFTER = re.compile(r"\s?[x×]\s?\d")
_DIMENSION_BEFORE = re.compile(r"\d\s?[x×]\s?$")


def _no_year(text: str, start: int, end: int) -> bool:
    return (year_names_a_thing(text, start) or bool(_DIMENSION_AFTER.match(text, end))
            or bool(_DIMENSION_BEFORE.search(text, max(0, start - 4), start)))


def find_timexes(
    text: str,
    *,
    anchor: cal.Date | None,
    tense: Callable[[int, int], str] = lambda s, e: "",
    is_count: Callable[[int, int], bool] = lambda s, e: False,
    extra_spans: Iterable[tuple[int, int]] = (),
) -> list[Timex]:
    """All temporal expressions in ``text``, normalised against ``anchor`` (None = unknown)."""
    probe_ctx = Ctx(text=text, anchor=anchor, tense=tense, is_count=is_count)
    cands: list[_Cand] = []
    for ri, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            if m.end() > m.start() and _probe(ri, m, probe_ctx):
                cands.append(_Cand(m.start(), m.end(), len(cands), ri, m, None))
    covered = [(c.start, c.end) for c in cands]
    for s, e in extra_spans:
        if any(s < ce and cs < e for cs, ce in covered) or (text[s:e].isdigit() and _no_year(text, s, e)):
            continue
        norm = parse_absolute(text[s:e])
        if norm is not None:
            cands.append(_Cand(s, e, len(cands), -1, None, norm))

    # 3. longest first, then rule order, then position
    cands.sort(key=lambda c: (-(c.end - c.start), c.rule_index if c.rule_index >= 0 else len(RULES), c.start))
    kept: list[_Cand] = []
    for c in cands:
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)

    # 4. resolve in document order, tracking the reference time
    ctx = Ctx(text=text, anchor=anchor, tense=tense, is_count=is_count, ref=Ref())
    out: list[Timex] = []
    prev_end = 0
    for c in kept:
        if c.match is not None:
            norm = _resolve(c.rule_index, c.match, ctx)
            rule_name = RULES[c.rule_index].name
        else:
            norm, rule_name = c.norm, "dateparser"
        if norm is None:
            continue
        start, mod = c.start, norm.mod
        if norm.granularity in _MODIFIABLE:
            mm = _MOD_BEFORE.search(text, max(prev_end, start - 40), start)
            if mm and mm.end() == start:
                start = mm.start()
                word = (mm["edge"] or mm["em"] or "").lower()
                mod = mod or (_MOD_WORD.get(word, "") if word else "approx")
        quals = []
        sm = _SIGNAL_BEFORE.search(text, max(prev_end, start - 30), start)
        if sm and sm.end() == start:
            sig = _SIGNAL_WORD.get(re.sub(r"\s+", " ", sm["sig"].lower()), "")
            if sig:
                quals.append(sig)
        am = _SIGNAL_AFTER.match(text[c.end:c.end + 20])
        if am and not quals:
            quals.append("after" if am["after"] else "before")
        if mod and mod not in quals:
            quals.append(mod)
        if not norm.anchor and rule_name not in _NO_REF_RULES:
            _update_ref(ctx.ref, norm)  # shifted and anaphoric values must not move the reference
        out.append(Timex(start=start, end=c.end, text=text[start:c.end], value=norm.value,
                         granularity=norm.granularity, relative=norm.relative, qualifier=" ".join(quals),
                         anchor=norm.anchor, rule=rule_name, parts=norm.parts, zone=norm.zone))
        prev_end = c.end
    return out
