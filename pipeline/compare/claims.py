"""Claims: extracted mentions -> comparable statements (a number, a date or a judgement in context).

A claim carries what the comparison needs beyond the CSV row: the value as an interval in the
unit family's base unit with its rounding tolerance, measure keys for blocking, the sentence's
canonical entities and content stems, and the exact quote span. ``ClaimRow`` is what gets written.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.compare.lexicon import Lexicon, concepts_in, load_lexicon
from pipeline.compare.text import STOPWORDS, content_stems, find_phrases, stem, words
from pipeline.compare.units import to_base, unit_family
from pipeline.documents import CleanDocument, Mentions
from pipeline.schema import ClaimRow, EntityRow, NumberRow

# Relative tolerance of an "about/approximately/nearly" figure: reporters round to ~10%.
APPROX_REL = 0.10
# Trailing zeros ("1,500", "100") may be rounding or exact; allow at most 5% either way
# (940 miles = 1,513 km must match "1,500 km"; 100 vs 120 dead must not).
ROUNDING_MAX_REL = 0.05
# Words either side of a number searched for what it measures.
MEASURE_WINDOW_BEFORE = 6
MEASURE_WINDOW_AFTER = 6
# A sentence needs this many content words to carry a dated event; a judgement can be shorter
# ("To an extent, those restrictions have worked." has three).
MIN_CONTENT_WORDS = 4
MIN_ASSESSMENT_WORDS = 3
# Content words either side of a date that describe the dated event ("In October 2022, the
# administration began restricting exports ..."); the rest of a long sentence is other matter.
DATE_WINDOW_BEFORE = 6
DATE_WINDOW_AFTER = 10
# Content words either side that say which event a date belongs to, for conflicts: in "his
# cousin told reporters on Wednesday that the teen was shot", Wednesday dates the telling.
DATE_NEAR = 4
# A date this close (characters) to a number whose as_of it is, is that number's reference time.
AS_OF_ADJACENT = 25
# Entity labels that name places (scope) and bodies that can be the source of a figure.
PHYSICAL_FAMILIES = frozenset({"length", "area", "mass", "speed", "volume"})
# Calendar years outside this range are times of day or codes misread as years ("1023 GMT").
YEAR_RANGE = (1500, 2200)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SOURCE_LABELS = frozenset({"ORG", "PERSON"})
# Polarity weights: outcome words (worked / backfired) judge more strongly than plain evaluatives.
OUTCOME_WEIGHT = 2
EVALUATIVE_WEIGHT = 1
# A cue is negated when a negator stands at most this many words before it.
NEGATION_WINDOW = 3

_DATE_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]))?$")
_NUMBER_TEXT = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SPACE = " \t\r\n\u00a0"
_WORKING_ON = frozenset({"on", "with", "to", "for", "at", "in", "toward", "towards"})
# A cue inside a condition or question ("if it succeeds", "whether it works") is not a judgement.
_CONDITIONALS = frozenset({"if", "unless", "whether", "would", "should"})
CONDITIONAL_WINDOW = 6
# "zero-sum", "one-sided", "two-thirds-owned": a spelled number glued to a word by a hyphen is
# part of a compound adjective, not a quantity.
_COMPOUND_AFTER = re.compile(r"^-[A-Za-z]")


def canonical(name: str) -> str:
    """Loose key for an entity's canonical name, so "U.S." and "US" or "the EU" and "EU" meet."""
    key = name.strip().replace(".", "").replace("’", "'")
    if key.lower().startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip()


@dataclass(frozen=True)
class Claim:
    """A statement ready to be aligned; ``row`` is its CSV form."""

    row: ClaimRow
    kind: str  # number | date | assessment
    doc_id: str
    sent_no: int
    quote_start: int
    quote_end: int
    published: str
    subjects: frozenset[str]
    places: frozenset[str]
    sources: frozenset[str]
    context: tuple[str, ...]  # content stems of the sentence (and the one before, for assessments)
    measure_keys: frozenset[str] = frozenset()
    head: str = ""  # last stem of the measure phrase (English noun phrases are head-final)
    concept: str = ""
    family: str = ""
    base_unit: str = ""
    lo: float = math.nan  # interval in base units (equal ends for a point value)
    hi: float = math.nan
    tol: float = 0.0  # rounding tolerance in base units
    bound: str = ""  # "" | lower | upper | range
    as_of: str = ""
    date_value: str = ""
    polarity: int = 0
    cue: str = ""
    cumulative: bool = False
    revision: bool = False
    zero_gap: bool = False
    anchor: str = ""  # for dates resolved from a relative expression: the publication date used
    text: str = ""  # the mention as written
    unit: str = ""
    strength: int = 0  # absolute polarity score of an assessment
    near: tuple[str, ...] = ()  # for dates: the few words right around the date (what it dates)
    date_qualifier: str = ""
    reported: bool = False  # the date follows a reporting verb: it dates a statement, not the event
    ref_time: str = ""  # publication date, or the corpus's median one when unknown
    outcome: bool = False  # the judgement rests on an outcome cue (worked, backfired), not just "good"


def _quote_span(text: str, sentences: Sequence[tuple[int, int]], sent_no: int, start: int, end: int,
                sentence: str) -> tuple[int, int]:
    """The sentence around a mention as a stripped (start, end) span of the clean text."""
    if 0 <= sent_no < len(sentences) and sentences[sent_no][0] <= start and end <= sentences[sent_no][1]:
        s, e = sentences[sent_no]
    else:
        s, e = start, end
        if sentence:
            k = text.rfind(sentence, 0, end + len(sentence))
            if k != -1 and k <= start and end <= k + len(sentence):
                s, e = k, k + len(sentence)
    while s < e and text[s] in _SPACE:
        s += 1
    while e > s and text[e - 1] in _SPACE:
        e -= 1
    return s, e


def _rounding_tol(text: str, value: float) -> float:
    """Half a unit of the last significant digit as written ("1,500" -> 50; "6.1" -> 0.05)."""
    m = _NUMBER_TEXT.search(text)
    if not m:
        if float(value).is_integer() and abs(value) < 100:
            return 0.5
        return min(0.5 * 10 ** math.floor(math.log10(abs(value))) if value else 0.5,
                   ROUNDING_MAX_REL * abs(value))
    digits = m.group().replace(",", "")
    try:
        num = float(digits)
    except ValueError:
        return 0.0
    scale = abs(value / num) if num else 1.0
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    zeros = len(digits) - len(digits.rstrip("0")) if num else 0
    if zeros == 0:
        return 0.5 * scale
    return min(0.5 * 10**zeros * scale, ROUNDING_MAX_REL * abs(value))


def _interval(row: NumberRow) -> tuple[float, float, str]:
    v = float(row.value)  # type: ignore[arg-type]
    q = row.qualifier
    if row.value_max is not None and not math.isnan(row.value_max) and row.value_max != v:
        return min(v, row.value_max), max(v, row.value_max), "range"
    if q in ("at_least", "more_than"):
        return v, math.inf, "lower"
    if q in ("at_most", "less_than"):
        return -math.inf, v, "upper"
    return v, v, ""


def _nearest_concept(sentence: str, rel_start: int, rel_end: int, lexicon: Lexicon,
                     measure: str) -> str:
    """Concept of the measure phrase, else of the nearest concept word around the number."""
    found = concepts_in(measure, lexicon) if measure else ()
    if found:
        return found[0]
    best: tuple[int, str] | None = None
    lo = max(0, rel_start - 60)
    hi = min(len(sentence), rel_end + 60)
    for name, pattern in lexicon.concepts:
        for m in pattern.finditer(sentence, lo, hi):
            dist = rel_start - m.end() if m.end() <= rel_start else m.start() - rel_end
            # A word after the number ("10 people killed") counts as nearer than one before.
            dist = dist + 2 if m.end() <= rel_start else dist
            if best is None or dist < best[0]:
                best = (max(dist, 0), name)
    return best[1] if best else ""


def _measure_keys(sentence: str, rel_start: int, rel_end: int, measure: str) -> tuple[frozenset[str], str]:
    """Stems naming what a number measures (and the head stem): the extractor's phrase, else the words after it."""
    if measure:
        stems = [s for s in content_stems(measure) if not s.isdigit()]
        if stems:
            return frozenset(stems[-3:]), stems[-1]
    after = words(sentence[rel_end:])
    run: list[str] = []
    for w in after[:MEASURE_WINDOW_AFTER]:
        if w in STOPWORDS:
            if run:
                break
            continue
        run.append(stem(w))
        if len(run) == 3:
            break
    if not run:
        before = [w for w in words(sentence[:rel_start])[-MEASURE_WINDOW_BEFORE:] if w not in STOPWORDS]
        run = [stem(w) for w in before[-2:]]
    return frozenset(run), (run[-1] if run else "")


def _polarity(tokens: Sequence[str], lexicon: Lexicon) -> tuple[int, str, bool]:
    """Net judgement of a sentence from outcome, evaluative and direction cues, with negation."""
    negs = [i for i, _ in find_phrases(tokens, lexicon.negators)]
    negs += [i for i, t in enumerate(tokens) if t.endswith("n't")]
    score = 0
    outcome = False
    cues: list[str] = []
    for index, sign, weight in (
        (lexicon.success, 1, OUTCOME_WEIGHT), (lexicon.failure, -1, OUTCOME_WEIGHT),
        (lexicon.positive, 1, EVALUATIVE_WEIGHT), (lexicon.negative, -1, EVALUATIVE_WEIGHT),
    ):
        for pos, phrase in find_phrases(tokens, index):
            after = pos + len(phrase.split())
            nxt = tokens[after] if after < len(tokens) else ""
            if phrase.endswith("working") and nxt in _WORKING_ON:
                continue  # "is working on/with ..." describes activity, not success
            if phrase.startswith("fail") and nxt == "to":
                continue  # "fail to realise" describes people, it does not judge an outcome
            if any(t in _CONDITIONALS for t in tokens[max(0, pos - CONDITIONAL_WINDOW):pos]):
                continue
            s = -sign if any(0 < pos - n <= NEGATION_WINDOW for n in negs) else sign
            score += s * weight
            outcome = outcome or weight == OUTCOME_WEIGHT
            cues.append(("not " if s != sign else "") + phrase)
    return score, ", ".join(cues), outcome


def build_claims(docs: Sequence[CleanDocument], mentions: Sequence[Mentions], *,
                 lexicon: Lexicon | None = None) -> list[Claim]:
    """Every number with a value, every resolved calendar date and every judging sentence, as claims."""
    lex = lexicon or load_lexicon()
    by_id = {d.doc_id: d for d in docs}
    known = sorted(d.meta.published[:10] for d in docs if d.meta.published)
    # Articles in one run usually cover one story: an undated one is taken to be from the
    # middle of the dated ones when deciding whether a dated figure is background history.
    median = known[len(known) // 2] if known else ""
    claims: list[Claim] = []
    for men in mentions:
        doc = by_id.get(men.doc_id)
        if doc is None:
            continue
        claims.extend(dataclasses.replace(c, ref_time=c.published or median) for c in _doc_claims(doc, men, lex))
    return claims


def _entities_by_sentence(entities: Sequence[EntityRow]) -> dict[int, list[EntityRow]]:
    out: dict[int, list[EntityRow]] = {}
    for e in entities:
        out.setdefault(e.sent_no, []).append(e)
    return out


def _doc_claims(doc: CleanDocument, men: Mentions, lex: Lexicon) -> list[Claim]:
    text = doc.text
    published = (doc.meta.published or "")[:10]
    ents = _entities_by_sentence(men.entities)
    out: list[Claim] = []
    sent_cache: dict[int, tuple[str, tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]] = {}

    def sentence_info(sent_no: int, start: int, end: int, sentence: str):
        key = sent_no if 0 <= sent_no < len(men.sentences) else -1 - start
        if key not in sent_cache:
            qs, qe = _quote_span(text, men.sentences, sent_no, start, end, sentence)
            es = ents.get(sent_no, [])
            sent_cache[key] = (
                f"{qs}:{qe}",
                tuple(content_stems(text[qs:qe])),
                frozenset(canonical(e.canonical) for e in es if e.canonical),
                frozenset(canonical(e.canonical) for e in es if e.label in PLACE_LABELS),
                frozenset(canonical(e.canonical) for e in es if e.label in SOURCE_LABELS),
            )
        return sent_cache[key]

    def prev_context(sent_no: int) -> tuple[str, ...]:
        """Stems of the sentence before: it often names what "it" or "the toll" refers to."""
        if 0 < sent_no <= len(men.sentences):
            s, e = men.sentences[sent_no - 1]
            return tuple(content_stems(text[s:e]))
        return ()

    def base(kind: str, sent_no: int, start: int, end: int, sentence: str):
        span, ctx, subj, places, sources = sentence_info(sent_no, start, end, sentence)
        qs, qe = (int(x) for x in span.split(":"))
        return qs, qe, ctx, subj, places, sources

    for row in men.numbers:
        if row.value is None or (isinstance(row.value, float) and math.isnan(row.value)):
            continue
        if not any(ch.isdigit() for ch in row.text) and _COMPOUND_AFTER.match(text[row.end:row.end + 2]):
            continue
        qs, qe, ctx, subj, places, sources = base("number", row.sent_no, row.start, row.end, row.sentence)
        quote = text[qs:qe]
        rel_s, rel_e = row.start - qs, row.end - qs
        lo, hi, bound = _interval(row)
        factor_v, base_unit = to_base(1.0, row.unit) if row.unit else (1.0, "count")
        family = unit_family(row.unit) if row.unit else "count"
        tol = 0.0 if bound == "range" else _rounding_tol(row.text, float(row.value))
        if row.qualifier == "approx":
            tol = max(tol, APPROX_REL * abs(float(row.value)))
        # A physical unit says what is measured (a distance, an area); nearby words like
        # "population" in "1,500 km south of Tehran, has a population of ..." must not relabel it.
        physical = family in PHYSICAL_FAMILIES
        concept = family if physical else _nearest_concept(quote, rel_s, rel_e, lex, row.measure)
        keys, head = _measure_keys(quote, rel_s, rel_e, row.measure)
        if concept:
            keys, head = frozenset({concept}), concept
        toks = words(quote)
        measure = concept or " ".join(sorted(keys))
        claim_row = ClaimRow(
            claim_id=f"{men.doc_id}:number:{row.start}", doc_id=men.doc_id, kind="number",
            sent_no=row.sent_no, start=row.start, end=row.end, text=row.text,
            subject="; ".join(sorted(subj)), measure=measure, value=_fmt(row.value),
            value_max=_fmt(row.value_max), unit=row.unit, qualifier=row.qualifier, as_of=row.as_of,
            polarity="", published=published, quote=quote,
        )
        out.append(Claim(
            row=claim_row, kind="number", doc_id=men.doc_id, sent_no=row.sent_no, quote_start=qs,
            quote_end=qe, published=published, subjects=subj, places=places, sources=sources,
            context=prev_context(row.sent_no) + ctx, measure_keys=keys, head=head, concept=concept, family=family, base_unit=base_unit,
            lo=lo * factor_v, hi=hi * factor_v, tol=tol * factor_v, bound=bound, as_of=row.as_of,
            cumulative=concept in lex.cumulative, revision=bool(find_phrases(toks, lex.revision)),
            text=row.text, unit=row.unit,
        ))

    number_times: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for r in men.numbers:
        if r.as_of:
            number_times.setdefault((r.sent_no, r.as_of), []).append((r.start, r.end))
    for drow in men.dates:
        if not _DATE_VALUE.match(drow.value or "") or drow.anchor == "unresolved":
            continue
        if not YEAR_RANGE[0] <= int(drow.value[:4]) <= YEAR_RANGE[1]:
            continue
        if any(abs(drow.start - e) <= AS_OF_ADJACENT or abs(st - drow.end) <= AS_OF_ADJACENT
               for st, e in number_times.get((drow.sent_no, drow.value), ())):
            continue  # "34% in 2024": the date is a number's reference time, compared with the number
        qs, qe, ctx, subj, places, sources = base("date", drow.sent_no, drow.start, drow.end, drow.sentence)
        # The event words stop at the neighbouring dates of the same sentence: in "won last week,
        # named a cabinet on Tuesday", Tuesday dates the cabinet, not the win.
        left = max([r.end for r in men.dates if r.sent_no == drow.sent_no and r.end <= drow.start] + [qs])
        right = min([r.start for r in men.dates if r.sent_no == drow.sent_no and r.start >= drow.end] + [qe])
        before = content_stems(text[left:drow.start])[-DATE_WINDOW_BEFORE:]
        after = content_stems(text[drow.end:right])
        event = tuple(before + after[:DATE_WINDOW_AFTER])
        near = tuple(before[-DATE_NEAR:] + after[:DATE_NEAR])
        if len(event) < MIN_CONTENT_WORDS:
            continue
        out.append(Claim(
            row=ClaimRow(
                claim_id=f"{men.doc_id}:date:{drow.start}", doc_id=men.doc_id, kind="date",
                sent_no=drow.sent_no, start=drow.start, end=drow.end, text=drow.text,
                subject="; ".join(sorted(subj)), measure=" ".join(_top(event, 4)), value=drow.value,
                value_max="", unit="", qualifier=drow.qualifier, as_of=drow.value, polarity="",
                published=published, quote=text[qs:qe],
            ),
            kind="date", doc_id=men.doc_id, sent_no=drow.sent_no, quote_start=qs, quote_end=qe,
            published=published, subjects=subj, places=places, sources=sources, context=event,
            date_value=drow.value, as_of=drow.value, near=near, date_qualifier=drow.qualifier,
            reported=bool(set(words(text[left:drow.start])[-DATE_NEAR - 2:]) & lex.reporting), anchor=drow.anchor if drow.anchor != "unresolved" else "",
            text=drow.text,
        ))

    out.extend(_assessment_claims(doc, men, lex, ents, published))
    return out


def _assessment_claims(doc: CleanDocument, men: Mentions, lex: Lexicon,
                       ents: dict[int, list[EntityRow]], published: str) -> list[Claim]:
    """Sentences that judge an outcome (worked / backfired) or say a gap closed."""
    text = doc.text
    out: list[Claim] = []
    prev_stems: list[str] = []
    for n, (s0, e0) in enumerate(men.sentences):
        qs, qe = _quote_span(text, men.sentences, n, s0, s0, "")
        quote = text[qs:qe]
        toks = words(quote)
        stems = content_stems(quote)
        if len(stems) < MIN_ASSESSMENT_WORDS:
            prev_stems = stems
            continue
        es = ents.get(n, [])
        subj = frozenset(canonical(e.canonical) for e in es if e.canonical)
        places = frozenset(canonical(e.canonical) for e in es if e.label in PLACE_LABELS)
        sources = frozenset(canonical(e.canonical) for e in es if e.label in SOURCE_LABELS)
        common = dict(doc_id=men.doc_id, sent_no=n, quote_start=qs, quote_end=qe, published=published,
                      subjects=subj, places=places, sources=sources)
        gap_hits = find_phrases(toks, lex.gap)
        closed_hits = find_phrases(toks, lex.gap_closed)
        if gap_hits and closed_hits and not _NUMBER_TEXT.search(quote):
            cue = closed_hits[0][1]
            k = quote.lower().find(cue.split()[0])
            start = qs + max(k, 0)
            end = start + (len(cue) if k >= 0 else 0)
            out.append(Claim(
                row=ClaimRow(
                    claim_id=f"{men.doc_id}:number:{start}", doc_id=men.doc_id, kind="number", sent_no=n,
                    start=start, end=end, text=text[start:end], subject="; ".join(sorted(subj)),
                    measure="gap", value="0", value_max="", unit="", qualifier="approx", as_of="",
                    polarity="", published=published, quote=quote,
                ),
                kind="number", context=tuple(prev_stems + stems), measure_keys=frozenset({"gap"}), concept="gap", head="gap",
                family="*", base_unit="*", lo=0.0, hi=0.0, tol=0.0, zero_gap=True, text=text[start:end],
                **common,
            ))
        score, cues, outcome = _polarity(toks, lex)
        if score:
            ctx = tuple(prev_stems + stems)
            out.append(Claim(
                row=ClaimRow(
                    claim_id=f"{men.doc_id}:assessment:{qs}", doc_id=men.doc_id, kind="assessment",
                    sent_no=n, start=qs, end=qe, text=quote, subject="; ".join(sorted(subj)),
                    measure=" ".join(_top(stems, 4)), value="", value_max="", unit="", qualifier="",
                    as_of="", polarity="positive" if score > 0 else "negative", published=published,
                    quote=quote,
                ),
                kind="assessment", context=ctx, polarity=1 if score > 0 else -1, cue=cues, text=quote, outcome=outcome,
                strength=abs(score),
                **common,
            ))
        prev_stems = stems
    return out


def _top(stems: Sequence[str], k: int) -> list[str]:
    seen: list[str] = []
    for s in stems:
        if s not in seen and not s.isdigit():
            seen.append(s)
    return seen[:k]


def _fmt(v: float | None) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else format(v, ".10g")


__all__ = ["Claim", "build_claims", "canonical"]
