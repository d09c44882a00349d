"""Notes: why values differ (or how they agree), in the order a reader would check.

Units, reference times, publication times, definitions, scope, attribution, revisions and
rounding, else "unexplained". Pure string building over claims.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

from pipeline.compare.agreement import mid
from pipeline.compare.claims import Claim, TimeOfDay, day_of, fmt_number, same_name, states_a_size
from pipeline.compare.lexicon import counted_group, load_lexicon
from pipeline.vocab import timeml, units
from pipeline.vocab.kinds import Kind

# Two values whose relative difference is below this multiple of their rounding tolerance read
# as "possibly rounding" in the note.
ROUNDING_NOTE_FACTOR = 2.0


# Values told exactly, never rounded: an age is given to the year, a rank, a version or a category
# as it stands ("52" against "53" is no rounding).
EXACT_FAMILIES = frozenset({"age", "ordinal", "designator", "category"})

# Two values whose relative difference is below this read as "small difference".
SMALL_REL_DIFF = 0.05


def _fmt_num(c: Claim) -> str:
    return c.text or c.row.value


def _nested(keysets: set[frozenset[str]]) -> bool:
    """Measure words of which one source's are all in another's ("freed hostage" and "hostage";
    "paintin" and "painting", two stems of one word): one population named more or less fully,
    not two definitions."""
    def within(small: frozenset[str], large: frozenset[str]) -> bool:
        return all(any(k.startswith(x) or x.startswith(k) for x in large) for k in small)
    ordered = sorted(keysets, key=lambda ks: (len(ks), sorted(ks)))
    return all(within(a, b) for a, b in itertools.pairwise(ordered))


def _counted_groups(cs: Sequence[Claim]) -> list[str]:
    """The groups the counts count, when they name different ones ("300 workers" against "500
    people"): the one difference of definition a reader can check from the words alone. Other
    measure words differ with every paraphrase ("finished in" / "a record time of", "the ransom" /
    "the attackers demand") and say nothing of definitions; a count of the story's concept ("12
    killed", "the toll") has its population from the concept."""
    lex = load_lexicon()
    nouns = {c.value.unit.lower(): counted_group(c.value.unit, lex) for c in cs
             if c.value.family == units.COUNT and c.value.unit and not c.concept}
    by_key = {key: min(n for n, k in nouns.items() if k == key) for key in set(nouns.values())}
    if len(by_key) < 2 or _nested({frozenset({k}) for k in by_key}):
        return []
    return sorted(by_key.values())


def number_note(kind: str, cs: Sequence[Claim], groups: Sequence[Sequence[Claim]] = ()) -> str:
    """Why numbers differ (or how they agree), in the order a reader would check.

    Scope and attribution are compared between the value groups (the sources saying one value
    vs those saying another), not statement by statement, so the note names what separates them.
    """
    notes: list[str] = []
    unit_names = sorted({c.value.unit for c in cs if c.value.unit})
    currencies = {c.value.base_unit for c in cs if c.value.family == "currency"}
    if len(currencies) > 1:
        notes.append("different currencies (" + " vs ".join(unit_names) + "): not comparable without an exchange rate")
    elif len({units.factor(u) for u in unit_names}) > 1:
        notes.append("different units (" + " vs ".join(unit_names) + "), compared after conversion")
    if any(c.value.zero_gap for c in cs):
        notes.append("one source says the gap has closed (read as zero)")
    if any(not c.value.per for c in cs):
        notes.extend(f"'{c.text}' over the term its source gives is "
                     f"{grouped(fmt_number(c.value.over_term[0]))}" for c in cs if c.value.per and c.value.over_term)
    stated = sorted({c.as_of for c in cs if c.as_of})
    pubs = sorted({c.published for c in cs if c.published})
    clashing_times = any(not (x.startswith(y) or y.startswith(x)) for x in stated for y in stated)
    if clashing_times and kind != Kind.CORROBORATION:
        notes.append("different reference times: " + " vs ".join(stated))
    if kind == Kind.SUPERSEDED:
        notes.append(
            "later report: the count grows with publication date (" + ", ".join(pubs)
            + "), so the later figure updates the earlier one"
        )
    elif len(pubs) > 1 and kind != Kind.CORROBORATION and len({timeml.year(p) for p in pubs}) > 1:
        ordered = sorted(cs, key=lambda c: c.published or "9999")
        notes.append(
            "sources published at different times (" + ", ".join(
                f"{c.published}: {_fmt_num(c)}" for c in ordered if c.published)
            + "); part of the difference may be change over time"
        )
    if kind != Kind.CORROBORATION:
        counted = _counted_groups(cs)
        if len(counted) > 1:
            notes.append("different definitions or populations: " + " vs ".join(f"'{n}'" for n in counted))
        if len(groups) > 1:
            scopes = [sorted({c.value.scope for c in g if c.value.scope}) for g in groups]
            place_sets = [frozenset().union(*(c.places for c in g)) for g in groups]
            if all(scopes) and pairwise_disjoint([{x.lower().removeprefix("the ") for x in sc} for sc in scopes]):
                notes.append("different scope: " + " vs ".join("'" + "' / '".join(sc[:2]) + "'" for sc in scopes))
            elif all(place_sets) and pairwise_disjoint(place_sets) and not _places_written_across(groups, place_sets):
                notes.append("different scope: " + " vs ".join(", ".join(sorted(p)) for p in place_sets))
            src_sets = [frozenset().union(*(c.sources for c in g)) for g in groups]
            if all(src_sets) and _no_body_shared(src_sets):
                notes.append("figures attributed to different bodies: " + " vs ".join(
                    ", ".join(sorted(x)) for x in src_sets))
        if any(c.value.revision for c in cs):
            notes.append("revised figures: a source says the figure was updated")
        if any(c.value.cumulative for c in cs) and kind == Kind.NUMERIC_CONFLICT and not stated:
            notes.append("a running count: the lower figure may come from an earlier report; "
                         "publication times do not settle it")
        # (a tally's two counts have no midpoint: "36-3" and "36-4" are no "small difference")
        mids = [mid(c) for c in cs if not c.value.zero_gap and c.value.bound != "tally" and math.isfinite(mid(c))]
        if len(mids) > 1 and max(abs(m) for m in mids):
            rel = (max(mids) - min(mids)) / max(abs(m) for m in mids)
            tol = max((c.value.tol / abs(mid(c)) if mid(c) else 0.0) for c in cs if not c.value.zero_gap)
            if rel <= ROUNDING_NOTE_FACTOR * tol and rel <= SMALL_REL_DIFF and not any(
                    c.value.family in EXACT_FAMILIES for c in cs):
                notes.append(f"small difference ({rel:.1%}): possibly rounding")
            elif rel <= SMALL_REL_DIFF:
                notes.append(f"small difference ({rel:.1%})")
        if not notes:
            notes.append("unexplained: the sources give different values for the same quantity")
    else:
        n = len({c.doc_id for c in cs})
        notes.insert(0, f"{n} sources agree within rounding")
    return "; ".join(notes)


def _places_written_across(groups: Sequence[Sequence[Claim]], place_sets: Sequence[frozenset[str]]) -> bool:
    """A place one group's sentences name is written in another group's sentences too, though the
    tagger did not take it there as a place ("the River Asker ... in the Dunmere valley" against "in
    the Dunmere valley, where the Asker river rose"): both tell of the same places."""
    for k, group in enumerate(groups):
        text = " ".join(c.row.quote for c in group).lower()
        if any(re.search(rf"\b{re.escape(place.lower())}\b", text)
               for j, places in enumerate(place_sets) if j != k for place in places):
            return True
    return False


def pairwise_disjoint(sets: Sequence[set[str] | frozenset[str]]) -> bool:
    return all(not (sets[x] & sets[y]) for x in range(len(sets)) for y in range(x + 1, len(sets)))


def _no_body_shared(sets: Sequence[frozenset[str]]) -> bool:
    """No name of one set names a body of another ("Jenkin" and "John Jenkin" are one person)."""
    return all(not any(same_name(a, b) for a in sets[x] for b in sets[y])
               for x in range(len(sets)) for y in range(x + 1, len(sets)))


# How a running count is named in a superseded note.
def say(c: Claim) -> str:
    words_for = {"at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
                 "less_than": "less than ", "approx": "about "}
    r = c.row
    q = c.value
    if q.family == "currency" or q.zero_gap:
        return c.text  # "$3.7 billion" reads better than 3700000000
    unit = f" {q.unit}" if q.unit and q.family not in ("count", "percent") else ("%" if q.family == "percent" else "")
    if states_a_size(c):
        return f"{r.value} x {r.value_max}{unit}"  # a size, "1440 x 900"
    if r.value_max and r.value_max != r.value:
        vague = "about " if r.qualifier == "vague" else ""  # "a few days": about 2-5 days
        return f"{vague}{grouped(r.value)}-{grouped(r.value_max)}{unit}"
    return words_for.get(r.qualifier, "") + grouped(r.value) + unit


def grouped(value: str) -> str:
    """Thousands separators for big whole numbers ("170000" -> "170,000")."""
    return f"{int(value):,}" if value.isdigit() and len(value) > 4 else value


def who(c: Claim) -> str:
    return c.outlet or c.doc_id


def date_note(cs: Sequence[Claim], *, conflict: bool, independent: int = 0) -> str:
    """Why dates (or times of day) differ or how they agree. Times are told as written ("6:40
    a.m." vs "shortly after 7 a.m."): the day a time may carry is no part of what differs."""
    notes: list[str] = []
    times = all(isinstance(c.value, TimeOfDay) for c in cs)
    what = "time" if times else "date"
    values = sorted({c.text for c in cs} if times else {day_of(c) for c in cs})
    if conflict:
        notes.append(f"different {what}s for what reads as the same event: " + " vs ".join(values))
    else:
        n = len({c.doc_id for c in cs})
        notes.append(f"{independent or n} independent sources give the same {what}"
                     + (f" ({n} outlets)" if independent and n > independent else ""))
        if times and len({(c.value.lo, c.value.hi) for c in cs}) > 1:
            notes.append("within their stated precision (" + ", ".join(values) + ")")
        elif not times and len({len(v) for v in values}) > 1:
            notes.append("at different precision (" + ", ".join(values) + ")")
    rel = [c for c in cs if c.value.resolved_against]
    if rel:
        notes.append("relative dates resolved against the publication date: " + ", ".join(
            f"'{c.text}' in a {c.value.resolved_against[:10]} article"
            + (f" (made in {c.row.value.replace('/', ' or ')})" if c.text.lower().endswith("old") else "")
            for c in rel))
    return "; ".join(notes)

