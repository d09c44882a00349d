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

from pipeline.compare.lexicon import Lexicon, concept_of_word, concepts_in, load_lexicon
from pipeline.compare.text import STOPWORDS, content_stems, find_phrases, stem, words
from pipeline.documents import CleanDocument, Mentions
from pipeline.schema import ClaimRow, EntityRow, NumberRow
from pipeline.vocab import timeml, units
from pipeline.vocab.units import PHYSICAL_FAMILIES

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
# Calendar years outside this range are times of day or codes misread as years ("1023 GMT").
YEAR_RANGE = (1500, 2200)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Number kinds that never make a claim: an age describes a person ("a 22-year-old resident").
SKIPPED_KINDS = frozenset({"age"})
SOURCE_LABELS = frozenset({"ORG", "PERSON"})
# Polarity weights: outcome words (worked / backfired) judge more strongly than plain evaluatives.
OUTCOME_WEIGHT = 2
EVALUATIVE_WEIGHT = 1
# A cue is negated when a negator stands at most this many words before it.
NEGATION_WINDOW = 3

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
    scope: str = ""  # place phrase after a count ("in the province", "across Asia")
    outlet: str = ""  # the publication's name when known, for notes
    kind_of_number: str = ""  # the extractor's kind (count, magnitude, duration, ...)


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


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*\d|\d|[,;:.!?()\"“”—–]")
# A concept word before a number names it only this close ("killing at least three people",
# "the death toll rose to 24"); further back it belongs to another part of the sentence.
CONCEPT_BEFORE_WORDS = 5
# ... or, failing all else, a concept word this many characters before with no number between.
CONCEPT_BEFORE_CHARS = 80
# Words after a count scanned for the verb or adjective that says what happened to it
# ("Five people had so far been confirmed dead").
CONCEPT_AFTER_WORDS = 7
# Words that end the phrase after a count: a new clause or a list of other counts begins.
_PHRASE_END = frozenset({"and", "or", "but", "while", "when", "after", "before", "as", "because",
                         "which", "that", "who", "whom", "whose", "where", "since", "said", "says"})
# Words that open a new clause between a number and a later date: the date then dates that
# clause ("the 6.1 quake ... rocked a region that was devastated by the tsunami of 2004").
_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "as", "when", "while", "after",
                             "because", "since", "where"})
SCOPE_MAX_WORDS = 6
_VERB_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "had", "have", "has", "will", "would"})
_YEAR_TOKEN = re.compile(r"^(1[5-9]|2[01])\d\d$")


# An explicit year this close to a relative date, with no clause break between, names its year
# ("the Boxing Day earthquake and tsunami in 2004").
SAME_PHRASE_CHARS = 40


def _same_phrase(text: str, s1: int, e1: int, s2: int, e2: int) -> bool:
    lo, hi = (e1, s2) if e1 <= s2 else (e2, s1)
    return hi - lo <= SAME_PHRASE_CHARS and not re.search(r"[,;:()]", text[lo:hi])


def _inside_quotation(sentence: str, at: int) -> bool:
    """Whether a position lies between an opening and a closing quotation mark of the sentence."""
    marks = [m.start() for m in re.finditer(r'["“”‘’]', sentence)]
    before = [k for k in marks if k < at]
    after = [k for k in marks if k > at]
    return len(before) % 2 == 1 and bool(after)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _after_concept(sentence: str, rel_end: int, lexicon: Lexicon, others: Sequence[tuple[int, int]]) -> str | None:
    """Concept of the verb or adjective right after a count ("14 trapped" -> "", "five people
    died" -> deaths), None when the phrase after the count says nothing (undecided)."""
    stop = min([s for s, _ in others if s >= rel_end] + [len(sentence)])
    toks = [t for t, _, _ in _tokens(sentence[rel_end:stop])][:CONCEPT_AFTER_WORDS]
    nouns = 0
    for k, tok in enumerate(toks):
        low = tok.lower()
        if not tok[0].isalpha():
            return None
        found = concept_of_word(low, lexicon)
        if found:
            return found
        if low in _PHRASE_END or low in lexicon.scope_prepositions or low in ("of", "from", "with", "by", "to", "for"):
            return None
        if low in lexicon.auxiliaries or low.endswith("ly"):
            continue
        if low in lexicon.status_verbs:
            nxt = toks[k + 1].lower() if k + 1 < len(toks) else ""
            return concept_of_word(nxt, lexicon) or ""
        if low.endswith("ed") and len(low) > 4:
            return ""  # a participle that is no concept: the count is of something else
        nouns += 1
        if nouns > 3:
            return None
    return None


def _nearest_concept(sentence: str, rel_start: int, rel_end: int, lexicon: Lexicon,
                     measure: str, others: Sequence[tuple[int, int]] = ()) -> str:
    """What a count measures: the verb right after it decides ("six children were killed and 14
    trapped": 14 is trapped, not dead); else a concept word just before it with no other number
    in between; else the extractor's measure phrase."""
    after = _after_concept(sentence, rel_end, lexicon, others)
    if after is not None:
        return after
    left = max([e for _, e in others if e <= rel_start] + [0])
    before = [t for t, _, _ in _tokens(sentence[left:rel_start]) if t[0].isalpha()][-CONCEPT_BEFORE_WORDS:]
    for tok in reversed(before):
        found = concept_of_word(tok.lower(), lexicon)
        if found:
            return found
    for name, pattern in lexicon.concepts:
        m = pattern.search(sentence, left, rel_start)
        if m and " " in m.group() and rel_start - m.end() <= 12:
            return name  # a multi-word cue just before ("home to 120,000")
    found = concepts_in(measure, lexicon) if measure else ()
    if found:
        return found[0]
    # The subject far before: "the death toll from the quake on the island rose to 13".
    best: tuple[int, str] | None = None
    for name, pattern in lexicon.concepts:
        for m in pattern.finditer(sentence, max(left, rel_start - CONCEPT_BEFORE_CHARS), rel_start):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else ""


def _concept_fits(concept: str, row: NumberRow, family: str, lex: Lexicon) -> bool:
    """A number's kind and counted noun must suit the concept: deaths are a count of people
    (not "13 countries", not a duration); a magnitude is a small bare number."""
    if not concept:
        return False
    if concept in lex.people_concepts:
        noun = row.unit.lower()
        return row.kind == "count" and family == "count" and not (
            noun in lex.non_person_nouns or noun.rstrip("s") in lex.non_person_nouns)
    if concept == "magnitude":
        return not row.unit and float(row.value or 0) < 10  # type: ignore[arg-type]
    return True


def _scope(sentence: str, rel_end: int, lexicon: Lexicon) -> str:
    """The place phrase after a count ("170,000 people in the province", "across Asia"): what
    the figure covers. Dates are not scope ("in 2004" is cut off)."""
    toks = _tokens(sentence[rel_end:])
    k = 0
    while k < len(toks) and k < 4 and toks[k][0][0].isalpha() and toks[k][0].lower() not in lexicon.scope_prepositions:
        if toks[k][0].lower() in _PHRASE_END:
            return ""
        k += 1
    if k >= len(toks) or toks[k][0].lower() not in lexicon.scope_prepositions:
        return ""
    out: list[str] = []
    for tok, _, _ in toks[k:k + 1 + SCOPE_MAX_WORDS]:
        low = tok.lower()
        if out and (low in _PHRASE_END or low in _VERB_AUX or (low.endswith("ed") and len(low) > 4)):
            break
        if not tok[0].isalnum() or _YEAR_TOKEN.match(tok) or low in _MONTHS_DAYS:
            break
        if "-" in tok:
            head = tok.split("-")[0]
            if head and head.isalpha():
                out.append(head)
            break
        out.append(tok)
    if len(out) < 2:
        return ""
    if not any(w[0].isupper() or w.lower() in lexicon.scope_nouns for w in out[1:]):
        return ""  # "in the riots" says when, not where
    return " ".join(out)


_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "morning afternoon evening night week month year".split()
)


def _as_of_in_other_clause(sentence: str, rel_end: int, date_spans: Sequence[tuple[int, int]]) -> bool:
    """The number's reference date stands after it, behind a clause opener: it dates that clause."""
    if not date_spans or any(s < rel_end for s, _ in date_spans):
        return False
    first = min(s for s, _ in date_spans)
    between = {t.lower() for t, _, _ in _tokens(sentence[rel_end:first])}
    return bool(between & _CLAUSE_OPENERS) or ";" in sentence[rel_end:first]


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

    spans_by_sent: dict[int, list[tuple[int, int]]] = {}
    for r in men.numbers:
        spans_by_sent.setdefault(r.sent_no, []).append((r.start, r.end))
    dates_by_sent: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for d in men.dates:
        dates_by_sent.setdefault((d.sent_no, d.value), []).append((d.start, d.end))
    for row in men.numbers:
        if row.value is None or (isinstance(row.value, float) and math.isnan(row.value)):
            continue
        if row.kind in SKIPPED_KINDS:
            continue  # "a 22-year-old resident": an age describes a person, it is no claim
        if not any(ch.isdigit() for ch in row.text) and _COMPOUND_AFTER.match(text[row.end:row.end + 2]):
            continue
        qs, qe, ctx, subj, places, sources = base("number", row.sent_no, row.start, row.end, row.sentence)
        quote = text[qs:qe]
        rel_s, rel_e = row.start - qs, row.end - qs
        lo, hi, bound = _interval(row)
        factor_v, base_unit = units.to_base(1.0, row.unit) if row.unit else (1.0, units.COUNT)
        family = units.family(row.unit)
        tol = 0.0 if bound == "range" else _rounding_tol(row.text, float(row.value))
        if row.qualifier == "approx":
            tol = max(tol, APPROX_REL * abs(float(row.value)))
        # A physical unit says what is measured (a distance, an area); nearby words like
        # "population" in "1,500 km south of Tehran, has a population of ..." must not relabel it.
        physical = family in PHYSICAL_FAMILIES
        others = [(a - qs, b - qs) for a, b in spans_by_sent.get(row.sent_no, ()) if (a, b) != (row.start, row.end)]
        found = _nearest_concept(quote, rel_s, rel_e, lex, row.measure, others)
        if row.kind == "magnitude" or row.unit.lower() == "magnitude":
            concept = "magnitude"  # a magnitude is only ever a magnitude, whatever it killed
        elif physical:
            concept = found if found in lex.physical_concepts else family
        else:
            concept = found if _concept_fits(found, row, family, lex) else ""
        as_of = row.as_of
        if as_of and _as_of_in_other_clause(quote, rel_e, [(a - qs, b - qs) for a, b in
                                                          dates_by_sent.get((row.sent_no, as_of), ())]):
            as_of = ""  # the date belongs to a later clause of the sentence, not to this figure
        keys, head = _measure_keys(quote, rel_s, rel_e, row.measure)
        if concept:
            keys, head = frozenset({concept}), concept
        toks = words(quote)
        measure = concept or " ".join(sorted(keys))
        claim_row = ClaimRow(
            claim_id=f"{men.doc_id}:number:{row.start}", doc_id=men.doc_id, kind="number",
            sent_no=row.sent_no, start=row.start, end=row.end, text=row.text,
            subject="; ".join(sorted(subj)), measure=measure, value=_fmt(row.value),
            value_max=_fmt(row.value_max), unit=row.unit, qualifier=row.qualifier, as_of=as_of,
            polarity="", published=published, quote=quote,
        )
        out.append(
            Claim(
                row=claim_row,
                kind="number",
                doc_id=men.doc_id,
                sent_no=row.sent_no,
                quote_start=qs,
                quote_end=qe,
                published=published,
                subjects=subj,
                places=places,
                sources=sources,
                context=prev_context(row.sent_no) + ctx,
                measure_keys=keys,
                head=head,
                concept=concept,
                family=family,
                base_unit=base_unit,
                lo=lo * factor_v,
                hi=hi * factor_v,
                tol=tol * factor_v,
                bound=bound,
                as_of=as_of,
                cumulative=concept in lex.cumulative,
                revision=bool(find_phrases(toks, lex.revision)),
                text=row.text,
                unit=row.unit,
                scope=_scope(quote, rel_e, lex),
                outlet=doc.meta.outlet,
                kind_of_number=row.kind,
            )
        )

    number_times: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for r in men.numbers:
        if r.as_of:
            number_times.setdefault((r.sent_no, r.as_of), []).append((r.start, r.end))
    for drow in men.dates:
        if not timeml.is_calendar(drow.value) or drow.anchor == "unresolved":
            continue
        if not YEAR_RANGE[0] <= int(drow.value[:4]) <= YEAR_RANGE[1]:
            continue
        if drow.anchor and not re.search(r"\b\d{4}\b", drow.text) and any(
                r.sent_no == drow.sent_no and r is not drow and re.search(r"\b" + r.value[:4] + r"\b", r.text)
                and r.value[:4] != drow.value[:4] and _same_phrase(text, drow.start, drow.end, r.start, r.end)
                for r in men.dates if r.value[:4].isdigit()):
            # "the Boxing Day tsunami in 2004": the sentence names the year itself; a holiday
            # resolved against the publication date would date the wrong year.
            continue
        if any(abs(drow.start - e) <= AS_OF_ADJACENT or abs(st - drow.end) <= AS_OF_ADJACENT
               for st, e in number_times.get((drow.sent_no, drow.value), ())):
            continue  # "34% in 2024": the date is a number's reference time, compared with the number
        qs, qe, ctx, subj, places, sources = base("date", drow.sent_no, drow.start, drow.end, drow.sentence)
        if drow.anchor and _inside_quotation(text[qs:qe], drow.start - qs):
            continue  # "how many kids will you kill today": a quoted relative date is the speaker's, not the event's
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
        out.append(
            Claim(
                row=ClaimRow(
                    claim_id=f"{men.doc_id}:date:{drow.start}",
                    doc_id=men.doc_id,
                    kind="date",
                    sent_no=drow.sent_no,
                    start=drow.start,
                    end=drow.end,
                    text=drow.text,
                    subject="; ".join(sorted(subj)),
                    measure=" ".join(_top(event, 4)),
                    value=drow.value,
                    value_max="",
                    unit="",
                    qualifier=drow.qualifier,
                    as_of=drow.value,
                    polarity="",
                    published=published,
                    quote=text[qs:qe],
                ),
                kind="date",
                doc_id=men.doc_id,
                sent_no=drow.sent_no,
                quote_start=qs,
                quote_end=qe,
                published=published,
                subjects=subj,
                places=places,
                sources=sources,
                context=event,
                date_value=drow.value,
                as_of=drow.value,
                near=near,
                date_qualifier=drow.qualifier,
                reported=bool(set(words(text[left : drow.start])[-DATE_NEAR - 2 :]) & lex.reporting),
                anchor=drow.anchor if drow.anchor != "unresolved" else "",
                text=drow.text,
            )
        )

    out.extend(_assessment_claims(doc, men, lex, ents, published))
    return out


def _assessment_claims(doc: CleanDocument, men: Mentions, lex: Lexicon,
                       ents: dict[int, list[EntityRow]], published: str) -> list[Claim]:
    """Sentences that judge an outcome (worked / backfired) or say a gap closed."""
    text = doc.text
    out: list[Claim] = []
    prev_stems: list[str] = []
    for n, (s0, _e0) in enumerate(men.sentences):
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
            out.append(
                Claim(
                    row=ClaimRow(
                        claim_id=f"{men.doc_id}:number:{start}",
                        doc_id=men.doc_id,
                        kind="number",
                        sent_no=n,
                        start=start,
                        end=end,
                        text=text[start:end],
                        subject="; ".join(sorted(subj)),
                        measure="gap",
                        value="0",
                        value_max="",
                        unit="",
                        qualifier="approx",
                        as_of="",
                        polarity="",
                        published=published,
                        quote=quote,
                    ),
                    kind="number",
                    context=tuple(prev_stems + stems),
                    measure_keys=frozenset({"gap"}),
                    concept="gap",
                    head="gap",
                    family="*",
                    base_unit="*",
                    lo=0.0,
                    hi=0.0,
                    tol=0.0,
                    zero_gap=True,
                    text=text[start:end],
                    **common,
                )
            )
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
