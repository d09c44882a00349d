"""Page one and the overview sections: the story in a few sentences, who agrees with whom, what
only one source says, and what changed since the last run. Pure functions over the findings,
claims and source names the context has already computed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.compare.lexicon import load_lexicon
from pipeline.documents import Finding, SourceInfo
from pipeline.schema import ChangeRow, ClaimRow
from pipeline.vocab import kinds
from pipeline.vocab.kinds import ClaimKind

# Page one lists this many findings as sentences (the console summary prints the same).
TOP_SENTENCES = 5
# The "said by one source only" section lists at most this many figures.
SINGLE_SOURCE_MAX = 12


@dataclass(frozen=True)
class TopLine:
    finding_id: str
    kind_label: str
    sentence: str


@dataclass(frozen=True)
class AgreementRow:
    """One source's record across the findings it takes part in."""

    name: str
    findings: int
    with_majority: int  # on the side most sources take (corroborations included)
    minority: int  # on a smaller side of a disagreement, with at least one other source
    alone: int  # the only source on its side of a disagreement


@dataclass(frozen=True)
class SingleClaim:
    name: str
    value: str
    measure: str
    quote: str


@dataclass(frozen=True)
class ChangeLine:
    change: str  # the change kind, in words
    what: str  # finding id and topic, or the document
    detail: str


def top_lines(findings: Sequence[Finding], positions: Mapping[str, str], n: int = TOP_SENTENCES) -> tuple[TopLine, ...]:
    """The first findings in rank order, each as one sentence: kind, topic, then the positions
    with their sources ("Numeric conflict on the death toll: 10 (S1 AP, S3 BBC) vs 3 (S6 AFP)")."""
    out = []
    for f in findings[:n]:
        label = kinds.kind(f.kind).label
        where = positions.get(f.finding_id, "")
        out.append(TopLine(f.finding_id, label, f"{label} on {_topic_phrase(f.topic)}: {where}." if where
                           else f"{label} on {_topic_phrase(f.topic)}."))
    return tuple(out)


def _topic_phrase(topic: str) -> str:
    """A topic label as the object of "on ...": "death toll" -> "the death toll"; "date: Gray was
    killed (NYPD)" -> "the date of “Gray was killed” (NYPD)"; "assessment: X" -> "the judgement
    of “X”"; a possessive needs no article ("Nvidia’s revenue"), nor a question ("how well
    equipped"). Topics keep their source's
    case: a capital is more often a name than a sentence's first word."""
    head, sep, rest = topic.partition(": ")
    if sep and head in ("date", "time", "assessment"):
        words, paren, names = rest.partition(" (")
        what = "judgement" if head == "assessment" else head
        return f"the {what} of “{words}”" + (f" ({names}" if paren else "")
    first = topic.split(" ", 1)[0]
    return topic if first.endswith(("’s", "'s")) or first == "how" else f"the {topic}"


def agreement_rows(findings: Sequence[Finding], names: Mapping[str, str]) -> tuple[tuple[AgreementRow, ...], str]:
    """Per source: findings taken part in, on the majority side, in a minority, alone; and the
    outlier (the source most often alone, when any is)."""
    tally: dict[str, Counter[str]] = {doc_id: Counter() for doc_id in names}
    for f in findings:
        sides: dict[str, set[str]] = {}
        for st in f.statements:
            sides.setdefault(st.side or "A", set()).add(st.doc_id)
        biggest = max((len(docs) for docs in sides.values()), default=0)
        contested = kinds.is_conflict(f.kind) and len(sides) > 1
        for docs in sides.values():
            for doc_id in docs:
                t = tally.setdefault(doc_id, Counter())
                t["findings"] += 1
                if not contested or len(docs) == biggest:
                    t["majority"] += 1
                elif len(docs) == 1:
                    t["alone"] += 1
                else:
                    t["minority"] += 1
    rows = tuple(AgreementRow(names.get(d, d), t["findings"], t["majority"], t["minority"], t["alone"])
                 for d, t in tally.items() if t["findings"])
    alone = sorted(rows, key=lambda r: (-r.alone, r.name))
    outlier = alone[0].name if alone and alone[0].alone and (len(alone) == 1 or alone[0].alone > alone[1].alone) else ""
    return rows, outlier


def single_source_claims(claims: Sequence[ClaimRow], findings: Sequence[Finding], names: Mapping[str, str],
                         n: int = SINGLE_SOURCE_MAX) -> tuple[SingleClaim, ...]:
    """Notable figures that only one source gives: a count or amount of one of the story's
    central measures that no finding uses and that is not about an earlier event."""
    order = load_lexicon().notable  # measures whose single-source figures are notable, in order
    notable = frozenset(order)
    used = {st.claim_id for f in findings for st in f.statements}
    seen: set[tuple[str, str, str]] = set()
    out = []
    for c in claims:
        if c.kind != ClaimKind.NUMBER or c.claim_id in used or c.measure not in notable:
            continue
        if "background" in c.cues or "whole" in c.cues or c.value in ("", "0"):
            continue
        key = (c.doc_id, c.measure, c.value)
        if key in seen:
            continue
        seen.add(key)
        value = " ".join(c.text.split())
        out.append(SingleClaim(names.get(c.doc_id, c.doc_id), value, c.measure, _sentence(c.quote)))
    out.sort(key=lambda s: (order.index(s.measure) if s.measure in order else len(order), s.name, s.value))
    return tuple(out[:n])


def _sentence(quote: str, limit: int = 220) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


_CHANGE_WORDS = {
    "document_added": "document added", "document_removed": "document removed",
    "document_changed": "document changed", "finding_new": "new finding", "finding_resolved": "finding gone",
    "finding_changed": "finding changed",
}


def change_lines(changes: Sequence[ChangeRow], names: Mapping[str, str]) -> tuple[tuple[ChangeLine, ...], bool]:
    """What changed, in words (documents first), and whether this is the first run."""
    if any(c.change == "first_run" for c in changes):
        return (), True
    out = []
    for c in changes:
        what = (f"{c.finding_id} {c.topic}".strip() if c.change.startswith("finding")
                else f"{names.get(c.doc_id, '')} {c.topic}".strip())
        out.append(ChangeLine(_CHANGE_WORDS.get(c.change, c.change), what, _cut(name_sources(c.detail, names))))
    return tuple(out), False


# A change's detail on page one is cut to this many characters (changes.csv has it whole).
CHANGE_DETAIL_CHARS = 150


def _cut(text: str, limit: int = CHANGE_DETAIL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def name_sources(text: str, names: Mapping[str, str]) -> str:
    """Replace document ids in a note with the sources' names ("S3 CSIS")."""
    if not text:
        return text
    ids = sorted((i for i in names if i and i in text), key=len, reverse=True)
    if not ids:
        return text
    pattern = re.compile("|".join(re.escape(i) for i in ids))
    return pattern.sub(lambda m: names[m.group(0)], text)


def short_name(info: SourceInfo, limit: int = 14) -> str:
    """"S3 CSIS" for narrow places (matrix columns, timeline rows): the outlet cut to fit."""
    outlet = info.outlet if len(info.outlet) <= limit else info.outlet[: limit - 1].rstrip() + "…"
    return f"{info.label} {outlet}".strip()
