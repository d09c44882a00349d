"""The claim-kind registry: every kind registered once, and a new kind is one module plus one row.

The toy kind below (the colour a source gives a vehicle) is written the way docs/architecture.md's
"Add a kind" recipe says: a value type, a builder, a finder and a positions function, then one
``ClaimKindEntry`` appended to ``CLAIM_KINDS``. Nothing else in compare changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import pytest
from compare_fixtures import Spec, make_corpus

from pipeline import compare
from pipeline.compare.align import Scorer, align_grouped, components
from pipeline.compare.claims import Claim, DocContext, claim_row
from pipeline.compare.importance import importance
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.registry import CLAIM_KINDS, ClaimKindEntry
from pipeline.compare.sides import by_label
from pipeline.vocab.kinds import ClaimKind, Kind

# ---------------------------------------------------------------- the toy kind's module


class ToyKind(StrEnum):
    COLOUR = "colour"


@dataclass(frozen=True)
class Colour:
    colour: str


_COLOUR = re.compile(r"\b(red|blue|green|white|black|silver)\s+(car|van|truck)\b", re.IGNORECASE)


def colour_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """"a red car": the colour a source gives the vehicle."""
    out = []
    for m in _COLOUR.finditer(ctx.text):
        sent_no = next(n for n, (s, e) in enumerate(ctx.men.sentences) if s <= m.start() < e)
        common = ctx.common(sent_no, m.start(1), m.end(1))
        quote = ctx.text[common["quote_start"]:common["quote_end"]]
        row = claim_row(ctx, ToyKind.COLOUR, sent_no, m.start(1), m.end(1), quote, measure=f"colour of the {m[2]}",
                        value=m[1].lower())
        out.append(Claim(row=row, kind=ToyKind.COLOUR, value=Colour(m[1].lower()), **common,
                         frame=quote.replace(m[1], "#"), text=m[1], measure_text=m[2].lower()))
    return out


def colour_findings(claims: Sequence[Claim], scorer: Scorer, lexicon: Lexicon) -> list[DraftFinding]:
    """Colours of the same vehicle (same noun) in different sources: one colour or two."""
    edges = align_grouped(claims, scorer, lambda c: c.measure_text, lambda s, i, j: 1.0)
    out = []
    for group in components(len(claims), edges):
        cs = [claims[i] for i in group]
        kind = Kind.CORROBORATION if len({c.value.colour for c in cs}) == 1 else Kind.ACCOUNT_CONFLICT
        out.append(DraftFinding(kind, f"colour of the {cs[0].measure_text}", tuple(cs), "",
                                importance(kind, cs, 1.0, 0.5)))
    return out


COLOUR_ENTRY = ClaimKindEntry(ToyKind.COLOUR, colour_claims, colour_findings, by_label(lambda c: c.value.colour),
                              (Kind.ACCOUNT_CONFLICT, Kind.CORROBORATION))

# ---------------------------------------------------------------- tests


def _getaway_corpus():
    return make_corpus([
        Spec("a", "Police said the robbers fled in a red car after the raid on Tuesday.", "2024-05-01"),
        Spec("b", "Witnesses saw the men drive off in a blue car, police said.", "2024-05-01"),
        Spec("c", "The gang escaped in a red car, according to a shop owner.", "2024-05-02"),
    ])


def test_each_claim_kind_is_registered_once():
    assert sorted(e.kind for e in CLAIM_KINDS) == sorted(ClaimKind)
    assert all(e.findings and all(isinstance(k, Kind) for k in e.findings) for e in CLAIM_KINDS)


def test_a_toy_kind_is_one_module_and_one_table_row():
    docs, mentions = _getaway_corpus()
    plain = compare.compare_documents(docs, mentions)
    with_colour = compare.compare_documents(docs, mentions, kinds=(*CLAIM_KINDS, COLOUR_ENTRY))

    colour_claims_ = [c for c in with_colour.claims if c.kind == "colour"]
    assert {(c.doc_id, c.value) for c in colour_claims_} == {("a", "red"), ("b", "blue"), ("c", "red")}
    assert not any(c.kind == "colour" for c in plain.claims)

    (finding,) = [f for f in with_colour.findings if f.topic == "colour of the car"]
    assert finding.kind == Kind.ACCOUNT_CONFLICT
    sides = {st.doc_id: st.side for st in finding.statements}
    assert sides["a"] == sides["c"] != sides["b"]  # two sources say red: side A; blue is side B
    assert sides["a"] == "A"
    rows = with_colour.finding_rows()
    assert {r.kind for r in rows if r.finding_id == finding.finding_id} == {"account_conflict"}


def test_a_misspelt_kind_is_an_error():
    with pytest.raises(ValueError):
        ClaimKind("numbers")
