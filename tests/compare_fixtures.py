"""Hand-made CleanDocument + Mentions for compare tests, independent of the extractors.

``make_doc`` takes plain text and the mentions as (substring, ...) tuples and computes every
offset, so fixtures read like the article they stand for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.documents import CleanDocument, DocumentMeta, Mentions
from pipeline.schema import DateRow, EntityRow, NumberRow

_SENT = re.compile(r".+?(?:[.!?]+(?=\s|$)|$)", re.S)


@dataclass
class Num:
    text: str
    value: float
    unit: str = ""
    qualifier: str = ""
    value_max: float | None = None
    measure: str = ""
    as_of: str = ""
    kind: str = "count"
    nth: int = 0  # which occurrence of ``text``
    people: str = ""  # whose figure, as extraction writes it ("Rait; Smith")


@dataclass
class Dt:
    text: str
    value: str
    granularity: str = "day"
    anchor: str = ""
    nth: int = 0
    qualifier: str = ""


@dataclass
class Ent:
    text: str
    label: str = "GPE"
    canonical: str = ""
    nth: int = -1  # -1: every occurrence
    role: str = ""  # for a place: what it is the place of, as extraction writes it ("court in")


@dataclass
class Spec:
    doc_id: str
    text: str
    published: str = ""
    numbers: list[Num] = field(default_factory=list)
    dates: list[Dt] = field(default_factory=list)
    entities: list[Ent] = field(default_factory=list)


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip())


def _find(text: str, sub: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(sub, pos + 1)
        if pos == -1:
            raise ValueError(f"{sub!r} not found in fixture text")
    return pos


def _sent_no(sents, start: int) -> int:
    for n, (s, e) in enumerate(sents):
        if s <= start < e:
            return n
    raise ValueError(start)


def make_doc(spec: Spec) -> tuple[CleanDocument, Mentions]:
    text = spec.text
    sents = _sentences(text)

    def sentence(n: int) -> str:
        s, e = sents[n]
        return text[s:e]

    numbers = []
    for x in spec.numbers:
        st = _find(text, x.text, x.nth)
        n = _sent_no(sents, st)
        numbers.append(NumberRow(spec.doc_id, n, st, st + len(x.text), x.text, x.value, x.value_max, x.unit,
                                 x.qualifier, x.kind, x.measure, x.as_of, sentence(n), x.people))
    dates = []
    for d in spec.dates:
        st = _find(text, d.text, d.nth)
        n = _sent_no(sents, st)
        dates.append(DateRow(spec.doc_id, n, st, st + len(d.text), d.text, d.value, d.granularity, d.anchor,
                             d.qualifier, sentence(n)))
    ents = []
    for e in spec.entities:
        starts = [m.start() for m in re.finditer(re.escape(e.text), text)]
        if e.nth >= 0:
            starts = [starts[e.nth]]
        for st in starts:
            ents.append(EntityRow(spec.doc_id, _sent_no(sents, st), st, st + len(e.text), e.text, e.label,
                                  e.canonical or e.text, e.role))
    doc = CleanDocument(spec.doc_id, text, (), DocumentMeta(published=spec.published), len(text.split()),
                        len(text.split()))
    men = Mentions(spec.doc_id, tuple(ents), tuple(sorted(numbers, key=lambda r: r.start)),
                   tuple(sorted(dates, key=lambda r: r.start)), sents)
    return doc, men


def make_corpus(specs: list[Spec]) -> tuple[list[CleanDocument], list[Mentions]]:
    pairs = [make_doc(s) for s in specs]
    return [p[0] for p in pairs], [p[1] for p in pairs]
