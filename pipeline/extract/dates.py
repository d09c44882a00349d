"""Dates: spaCy Doc + publication date -> one DateRow per temporal expression.

The patterns and their normalisation live in ``timex_rules`` (the rule table), ``timex_find``
(the cascade) and ``timex_calendar`` (arithmetic); this module adds what only the parsed Doc
knows: sentences, the tense of the clause (does a bare "October" lie behind or ahead of the
publication date?), whether a 4-digit number counts things rather than naming a year, and
spaCy's DATE entities as extra candidates. Values follow TimeML (see docs/dates.md).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from pipeline.extract.timex_calendar import parse_iso_date
from pipeline.extract.timex_find import Timex, find_timexes
from pipeline.extract.timex_rules import YEAR_NOUN_OK
from pipeline.schema import DateRow
from pipeline.vocab.timeml import WEEKDAYS

UNRESOLVED = "unresolved"
_FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall"})

_COUNT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_APPROX_WORDS = frozenset({"about", "nearly", "some", "approximately", "over", "almost", "roughly", "than",
                           "around", "least", "only", "just", "up"})
_SPACY_CANDIDATE_LABELS = frozenset({"DATE"})
_SCHEDULE_VERBS = frozenset({"schedule", "plan", "expect", "slate", "set", "due"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Verbs of saying and knowing, whose present tense reports what happened ("police say", "officials
# believe"): no schedule.
_REPORTING_LEMMAS = frozenset({"say", "tell", "report", "add", "state", "claim", "confirm", "note", "explain",
                               "believe", "think", "know", "allege", "according", "show", "reveal", "recall"})
MAX_HEAD_HOPS = 6  # from the date up to its governing verb; deeper chains are other clauses


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _past_tense(verb) -> bool:
    """A verb in the simple past, or a participle after "was" / "were" / "had"."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & {"was", "were", "had"}))


# Verbs whose perfect infinitive still looks ahead ("expects to have finished by May").
_AHEAD_LEMMAS = frozenset({"expect", "hope", "plan", "aim", "intend", "want", "need", "schedule", "set", "due"})


def _verb_tense(verb) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and verb.tag_ == "VB" and not aux and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(verb.head)  # "voted to close the school and move its pupils from September"
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or (verb.lower_ in _FUTURE_AUX):
        return "future"
    if any(a.tag_ == "MD" for a in aux) and not words & {"have", "'ve"}:
        if words & {"could", "might"} and not words & {"would", "will", "should", "must", "may"}:
            return "conditional"  # "could be located Wednesday", "could resume Monday": either way
        return "modal"  # "must be returned by Jan. 14", "would meet Monday": probably not yet happened
    if verb.tag_ in ("VB", "VBN") and "to" in words:
        if verb.tag_ == "VBN" and "have" in words and not (verb.dep_ == "xcomp" and verb.head.lemma_ in _AHEAD_LEMMAS):
            return "past"  # "is believed to have spread on Monday"; "expects to have finished by May" lies ahead
        if words & {"is", "are", "am"} or (verb.dep_ == "xcomp" and verb.head.lower_ in ("is", "are", "am")) or (
                verb.tag_ == "VBN" and "be" in words):
            return "future"  # "the bill is to be voted on Thursday", "for the measures to be voted on Thursday"
        if verb.dep_ == "xcomp" and _present_tense(verb.head):
            return "future"  # "is due to appear on Tuesday", "plans to open on Monday": from now on
        if verb.dep_ in ("xcomp", "advcl") and _past_tense(verb.head):
            return "modal-past"  # "struggled to reach the area late Tuesday", "was expected to appear Monday"
        return "modal"  # "expected to join in April", "plans to open in May", "expected to be completed"
    if verb.tag_ == "VBN" and verb.lemma_ in _SCHEDULE_VERBS and not any(c.dep_ == "prt" for c in verb.children):
        return "future"  # "(is) scheduled Thursday", "due in May"; "had set out on Monday" is a journey begun
    if any(a.lower_ == "going" for a in aux) or (
        verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
    ):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'ve", "'s"}:
        return "past"
    if verb.tag_ == "VBN" and not aux:
        return "past"
    if verb.lemma_ in _REPORTING_LEMMAS:
        return ""  # "Police say that on Saturday ...": the present of reporting tells of the past
    if (verb.tag_ in _PRESENT_TAGS and not aux) or (verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}):
        return "present"  # "faces Rell on Saturday", "is meeting them Monday": a schedule, not yet past
    return ""


def _present_tense(governor) -> bool:
    """The clause an infinitive depends on is in the present ("plans", "is expected", "is due")."""
    if governor.dep_ == "acomp":
        governor = governor.head  # "is due": the adjective's verb
    return governor.tag_ in _PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _PRESENT_TAGS for c in governor.children)


# Prepositions whose date a past verb does not put in the past: what was set for a time, or made
# to last until one, may lie ahead.
_AIMED_AT = frozenset({"for", "until", "till"})

# Nouns that name a part of the date they govern ("by the end of June", "the start of the year").
_EDGE_NOUNS = frozenset({"end", "beginning", "start", "middle", "close", "turn"})


def _aimed_at(span: Span) -> bool:
    """The date is the object of "for" or "until", itself or through its edge ("until the end of
    March")."""
    tok = span.root
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _EDGE_NOUNS:
        tok = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _AIMED_AT


# Participles that give when a thing named by a noun begins ("a strike starting on Saturday").
_ONSET_PARTICIPLES = frozenset({"starting", "beginning", "commencing", "running", "lasting"})


def _onset_of_a_noun(tok) -> bool:
    """A participle of beginning that modifies a noun, with no tense of its own: the date it
    governs takes the tense of the clause the noun is in."""
    return (tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.lower_ in _ONSET_PARTICIPLES
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))


def _tense_probe(doc: Doc) -> Callable[[int, int], str]:
    """Tense of the clause a date sits in: 'past', 'future', 'modal' (a weaker future), 'present'
    (a simple or progressive present: "faces Rell on Saturday") or ''."""

    def tense(start: int, end: int) -> str:
        span = _span(doc, start, end)
        if span is None or len(span) == 0:
            return ""
        t = clause_tense(span)
        if t == "past" and _aimed_at(span):
            return ""  # "a trial was set for October", "has been extended until the end of March":
            # a time aimed at or a state's end, on either side of the article
        return t

    def clause_tense(span: Span) -> str:
        tok = span.root
        in_noun_phrase = span.root.dep_ == "poss"
        for _ in range(MAX_HEAD_HOPS):
            if _onset_of_a_noun(tok):
                tok = tok.head.head if tok.head.head is not tok.head else tok.head
                continue  # "face a two-day strike starting on Saturday": the strike's clause tells
            if tok.pos_ in ("VERB", "AUX"):
                t = _verb_tense(tok)
                if t in ("present", "modal", "modal-past", "conditional") and in_noun_phrase:
                    # "a premium over Friday's close", "would not retaliate for the bombing on
                    # Tuesday": the verb's time is not the noun's
                    break
                if t:
                    return t
                break
            if tok.i != span.root.i and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ not in _EDGE_NOUNS:
                in_noun_phrase = True  # ("the end of June" is the date itself, not a noun it modifies)
            if tok.head is tok:
                break
            tok = tok.head
        sent = span.sent
        if any(t.lower_ in _FUTURE_AUX and t.tag_ == "MD" for t in sent):
            return "future"
        if any(t.tag_ == "VBD" and t.lemma_ not in _REPORTING_LEMMAS for t in sent):
            return "past"  # ("campaigners said" dates the saying, not the sentence's "from January")
        return ""

    return tense


def _count_probe(doc: Doc) -> Callable[[int, int], bool]:
    """True when a 4-digit number counts something ("2000 troops"), so it is not a year."""

    def is_count(start: int, end: int) -> bool:
        span = _span(doc, start, end)
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        if tok.ent_type_ in _COUNT_ENTS:
            return True
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.lower_ not in YEAR_NOUN_OK:
            return True
        return bool(prev is not None and prev.lower_ in _APPROX_WORDS and tok.ent_type_ != "DATE")

    return is_count


def find_doc_timexes(doc: Doc, *, published: str) -> list[Timex]:
    """The temporal expressions of a parsed document (shared by the flow and the benchmark)."""
    spacy_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _SPACY_CANDIDATE_LABELS]
    found = find_timexes(
        doc.text,
        anchor=parse_iso_date(published),
        tense=_tense_probe(doc),
        is_count=_count_probe(doc),
        extra_spans=spacy_spans,
    )
    return [t for t in found if not _names_a_day(doc, t) and not _an_age_in_decades(doc.text, t)]


# A decade after a possessive is a person's age: "a man in his sixties", "in their early 20s".
_AGE_DECADE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)


def _an_age_in_decades(text: str, t: Timex) -> bool:
    """"In his sixties" gives an age, not the 1960s."""
    return t.granularity == "decade" and bool(_AGE_DECADE_BEFORE.search(text, max(0, t.start - 20), t.start))


def _names_a_day(doc: Doc, t: Timex) -> bool:
    """A weekday that is the end of a name ("Patch Tuesday", "Super Tuesday", "Black Friday"): the
    capitalised word before it and the weekday are one phrase in the parse, either one attached to
    the other ("Patch" as the weekday's compound; in "the worst Patch Tuesday" the small model hangs
    the weekday on "Patch"). A name or a source before a date is no such phrase: in "told Reuters
    Tuesday" both hang on the verb. The day such a name means is not the weekday nearest the
    article ("its monthly Patch Tuesday release cycle" dates nothing), and holidays with a rule of
    their own are read by their names (``timex_rules.HOLIDAYS``)."""
    span = _span(doc, t.start, t.end)
    if span is None or span[0].lower_ not in WEEKDAYS or span[0].i == 0:
        return False
    day, before = span[0], doc[span[0].i - 1]
    one_phrase = (before.dep_ == "compound" and before.head.i == day.i) or day.head.i == before.i
    return before.is_title and one_phrase and not before.is_sent_start


def extract_dates(doc: Doc, *, doc_id: str, published: str, split_ranges: bool = False) -> tuple[DateRow, ...]:
    """One row per temporal expression, values relative to ``published`` (ISO date or "").

    ``split_ranges`` writes a range ("June to August 2024") as one row per end point, the
    TimeML convention the benchmark uses; the flow keeps one row with value "2024-06/2024-08".
    """
    anchor_date = parse_iso_date(published)
    anchor_str = anchor_date.isoformat() if anchor_date else ""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    text = doc.text
    rows: list[DateRow] = []

    def row(start: int, end: int, t: Timex, value: str, granularity: str) -> DateRow:
        n = max(0, bisect.bisect_right(starts, start) - 1)
        if not t.relative:
            anchor = ""
        elif t.anchor:
            anchor = t.anchor
        else:
            anchor = anchor_str or UNRESOLVED
        if t.relative and not t.anchor and not anchor_str and not value.endswith("_REF"):
            value = ""  # never invent a date; PRESENT_REF & co. claim no calendar date
        return DateRow(doc_id, n, start, end, text[start:end], value, granularity, anchor, t.qualifier,
                       sents[n].text if sents else "", t.zone)

    timexes = _with_days(doc.text, find_doc_timexes(doc, published=published), starts)
    for t in timexes:
        if split_ranges and t.parts:
            for i, (s, e, v) in enumerate(t.parts):
                s = t.start if i == 0 else s
                rows.append(row(s, e, t, v, _gran_of(v)))
        else:
            rows.append(row(t.start, t.end, t, t.value, t.granularity))
    return tuple(rows)


def _with_days(text: str, timexes: list[Timex], sent_starts: list[int]) -> list[Timex]:
    """A time of day takes the day of the nearest day-precise date of its sentence ("at 9:25 on
    Thursday" -> 2011-11-10T09:25) that is no other time's (``_another_times_day``);
    without one the day stays unknown (XXXX-XX-XX)."""
    def sent_of(pos: int) -> int:
        return bisect.bisect_right(sent_starts, pos) - 1

    days = [t for t in timexes if t.granularity == "day" and len(t.value) == 10]
    times = [t for t in timexes if t.granularity == "time"]
    out = []
    for t in timexes:
        if t.granularity == "time":
            its_times = [x for x in times if sent_of(x.start) == sent_of(t.start)]
            same = [d for d in days
                    if sent_of(d.start) == sent_of(t.start) and not _another_times_day(text, t, d, its_times)]
            if same:
                day = min(same, key=lambda d: _gap(t, d))
                t = dataclasses.replace(t, value=day.value + t.value[10:], relative=day.relative, anchor=day.anchor)
        out.append(t)
    return out


# What joins two times of one span ("between 9 a.m. and 11 a.m. on Thursday", "from 9 to 11 a.m."): the
# day after the second dates both.
_SPAN_JOINER = re.compile(r"\s*(?:and|to|until|till|through|-|\u2013)\s*", re.IGNORECASE)


def _gap(a: Timex, b: Timex) -> int:
    return min(abs(a.start - b.end), abs(b.start - a.end))


def _another_times_day(text: str, t: Timex, day: Timex, times: Sequence[Timex]) -> bool:
    """The day is another time of day's, nearer to it than this one and no part of one span with it: in
    "back by 6 a.m. on Tuesday, seven hours after the outage began shortly before 11 p.m." Tuesday
    dates 6 a.m., and 11 p.m. (the evening before) is left undated. Two times of one span ("between
    9 a.m. and 11 a.m. on Thursday") share the day."""
    def one_span(x: Timex, y: Timex) -> bool:
        first, second = (x, y) if x.end <= y.start else (y, x)
        return _SPAN_JOINER.fullmatch(text, first.end, second.start) is not None

    return any(other is not t and _gap(other, day) < _gap(t, day) and not one_span(t, other) for other in times)


def _gran_of(value: str) -> str:
    n = len(value)
    return {4: "year", 7: "month", 10: "day"}.get(n, "")
