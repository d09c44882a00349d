"""The records the date rules pass around: a normalised value, the reference time, the context.

Kept apart from the rule table (``timex_rules``) and the dateparser fallback (``timex_parse``)
so that both can use them without importing each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.vocab.timeml import Date


class Unresolved(Exception):
    """A relative expression met a document without a usable anchor."""


@dataclass(frozen=True)
class Norm:
    """A normalised expression: TimeML value, granularity, how it was resolved."""

    value: str
    granularity: str
    relative: bool = False
    mod: str = ""  # early | mid | late | approx | after | before
    parts: tuple[tuple[int, int, str], ...] = ()  # range components: (start, end, value)
    anchor: str = ""  # set for anaphora resolved against an earlier mention instead of the DCT
    zone: str = ""  # a time of day's time zone as written (GMT, BST, ET, local time)


@dataclass
class Ref:
    """The reference time: the last date the text mentioned (for "that year", "a day later")."""

    day: Date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None
    quarter: tuple[int, int] | None = None
    value: str = ""


@dataclass
class Ctx:
    """What a rule handler may consult: the text, the anchor (publication date), lazy probes of
    the parse (tense, "is this number a count?") and the reference time."""

    text: str
    anchor: Date | None
    tense: Callable[[int, int], str] = lambda s, e: ""
    is_count: Callable[[int, int], bool] = lambda s, e: False
    ref: Ref = field(default_factory=Ref)

    def need(self) -> Date:
        if self.anchor is None:
            raise Unresolved
        return self.anchor


Handler = Callable[[re.Match, Ctx], "Norm | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    granularity: str  # reported when the expression is relative and cannot be resolved
