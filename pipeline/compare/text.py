"""Light text features for comparison: words, stems and phrase look-ups.

Compare never sees spaCy Docs (they stay inside extract); sentence similarity is TF-IDF
(``pipeline.textsim``) over the lightly stemmed content words made here. The stemmer is
deliberately crude (plural, -ing, -ed, -ion, -ly endings): it only has to map the forms one
corpus uses for the same word onto one key, not produce dictionary lemmas.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from pipeline.vocab.numbers import CARDINALS
from pipeline.vocab.timeml import MONTH_NAMES, WEEKDAY_NAMES

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")

# Words that say nothing of what a sentence is about: English function words, reporting verbs,
# small numbers, calendar words and the people of every story.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself yourselves said says say told according
    may might must shall many much several new last first year years month months week weeks day days
    time times per cent percent mr mrs ms also still even already yet however while since around about
    nearly almost least than people""".split()
) | {w for w, n in CARDINALS.items() if 1 <= n <= 10} | set(WEEKDAY_NAMES) | set(MONTH_NAMES)


def words(text: str) -> list[str]:
    """Lower-case word tokens (apostrophes and hyphens kept inside words)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Strip common English inflection so variants of a word share one key."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, keep in (("ations", 5), ("ation", 5), ("ions", 5), ("ion", 5), ("ies", 3), ("ing", 4),
                         ("ed", 4), ("ly", 5), ("es", 4), ("s", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            if suffix == "es" and not w.endswith(("ches", "shes", "sses", "xes", "zes")):
                continue
            w = w[: -len(suffix)]
            if suffix == "ies":
                w += "y"
            break
    return w


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order (stopwords and numbers dropped)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


PhraseIndex = dict[str, list[tuple[str, ...]]]

# A clause ends at a semicolon or a comma before a joining word ("..., while the 15-inch ...",
# "convicted in 1997, and in 2003 he admitted ...").
CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but|and|whilst)\b")
# A dash a scraper wrote as a hyphen between a word and a determiner: no compound joins "October"
# and "the" ("penciled in for October-the 23-year old's due to enter his plea"), a clause ends there.
LOST_DASH = re.compile(r"(?<=[A-Za-z])-(?=(?:the|a|an|his|her|its|their)\s)")
# An aside: a relative or participle clause set off by a comma, to the next comma or the
# sentence's end ("The plant, which opened in 1978, employs 340 people"; "Coral, founded in
# 2009, has 1,100 employees"). What it dates is its own; the sentence's other clauses keep their
# time. (Extraction reads the same from the parse: numbers.py `_across_an_aside`; compare
# sees only text.)
_ASIDE = re.compile(r"[,(]\s*(?:which|who|whom|whose|where|[a-z]+ed|born|built|founded)\b[^,;()]*")


# An aside at most this many words after a mention is about the mention's own noun ("Twelve
# people, killed in the 2004 flood, were honoured"): it speaks with it.
OWN_ASIDE_GAP_WORDS = 2


def without_other_asides(text: str, at: int) -> str:
    """``text`` with its asides blanked, but the one offset ``at`` lies in: what the clause of a
    mention says ("About 40,000 people were at the show, which was stopped while medics treated
    the injured" counts no injured)."""
    return _ASIDE.sub(lambda m: m.group() if m.start() <= at < m.end() else " " * len(m.group()), text)


def _aside_holding(text: str, at: int) -> re.Match[str] | None:
    """The aside of ``text`` that offset ``at`` lies in, if any."""
    return next((m for m in _ASIDE.finditer(text) if m.start() <= at < m.end()), None)


def in_aside(text: str, at: int) -> bool:
    """Offset ``at`` lies in an aside of ``text`` ("The plant, which opened in 1978, employs ...")."""
    return _aside_holding(text, at) is not None


def _asides_apart(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The asides of ``text`` that neither hold the mention at [start, end) nor hang on its noun."""
    out = []
    for m in _ASIDE.finditer(text):
        gap = text[end:m.start()]
        hangs_on_it = m.start() >= end and not re.search(r"[^\w\s'’-]", gap) and (
            len(gap.split()) <= OWN_ASIDE_GAP_WORDS)
        if not (m.start() <= start < m.end() or hangs_on_it):
            out.append(m)
    return out


def clause_at(text: str, start: int, end: int) -> str:
    """The words that speak with the mention at [start, end): the aside it lies in, or the text
    without the asides that are not about it."""
    inside = _aside_holding(text, start)
    if inside:
        return inside.group(0)
    out, last = [], 0
    for m in _asides_apart(text, start, end):
        out.append(text[last:m.start()])
        last = m.end()
    return " ".join([*out, text[last:]])


def separated_by_aside(text: str, at: int, start: int, end: int) -> bool:
    """The offset ``at`` (a date) and the mention at [start, end) are told in different clauses:
    one lies in an aside the other is outside of, unless the aside is about the mention's noun."""
    inside = _aside_holding(text, start)
    if inside is not None and not inside.start() <= at < inside.end():
        return True
    return any(m.start() <= at < m.end() for m in _asides_apart(text, start, end))


# A list of members after a figure ("At least four people were killed, including a man struck by
# a tree in Dunmore County"): what it names (a place, a person) is one member's, not the whole's.
_MEMBERS_TAIL = re.compile(r",\s*(?:including|among them|among whom|among those|of whom|of them)\b[^;]*")


def members_tail(text: str, end: int) -> tuple[int, int] | None:
    """The span of ``text`` after offset ``end`` (a figure's end) that lists some of its members, if any."""
    m = _MEMBERS_TAIL.search(text, end)
    return m.span() if m else None


def compile_phrases(phrases: Iterable[str]) -> PhraseIndex:
    """Index phrases by their first word so matching costs one dict look-up per token."""
    index: PhraseIndex = {}
    for phrase in phrases:
        parts = tuple(phrase.lower().replace("’", "'").split())
        if parts:
            index.setdefault(parts[0], []).append(parts)
    return index


def find_phrases(tokens: Sequence[str], index: PhraseIndex) -> list[tuple[int, str]]:
    """(token position, phrase) for every phrase of the index occurring in a lower-case token list."""
    if index.keys().isdisjoint(tokens):  # most sentences hold no phrase: one pass in C, not in Python
        return []
    hits: list[tuple[int, str]] = []
    for i, tok in enumerate(tokens):
        for parts in index.get(tok, ()):
            if tuple(tokens[i : i + len(parts)]) == parts:
                hits.append((i, " ".join(parts)))
    return hits

