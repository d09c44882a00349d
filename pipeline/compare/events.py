"""Background events across the corpus: figures about an earlier or other event, even undated.

A figure dated months before its article ("In May, thieves stole GBP 910,000 from an employee of
Chopard at the Cannes film festival") is background; so is an undated figure in another article
about the same earlier event ("thieves also targeted the Cannes film festival, stealing almost
$2 million from a jeweller working for Chopard"). The words of the dated background sentences
that no article's lead uses (festival, Chopard; not Paris, heist) mark the background events; a
figure whose sentence uses at least ``MIN_BACKGROUND_WORDS`` of them is background too. So the
earlier theft's figures meet each other and never the story's own.

Figures about somewhere else are kept apart the same way: a figure whose sentence names only
places that no other article mentions (as a place or under any other label the model gave the
name) and that are not among its own article's main places ("a
quake in eastern China killed more than a dozen" in a story about Iran) is about another event. A
place in a list of the figure's members ("four people were killed, including a man in Dunmore
County") is one member's, not the figure's.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Sequence

from pipeline.compare.background import ELSEWHERE, is_background
from pipeline.compare.claims import PLACE_LABELS, Claim, canonical
from pipeline.compare.text import clause_at, content_stems, members_tail
from pipeline.documents import CleanDocument, Mentions
from pipeline.vocab import timeml
from pipeline.vocab.kinds import ClaimKind

# The lead: the headline and this many sentences of the body say what the story is.
LEAD_SENTENCES = 3
# Words of background sentences (absent from every lead) a figure's sentence must use to be background.
MIN_BACKGROUND_WORDS = 2


def mark_background(claims: Sequence[Claim], docs: Sequence[CleanDocument],
                    mentions: Sequence[Mentions]) -> list[Claim]:
    """The claims, with undated figures about a background event marked as background."""
    by_id = {d.doc_id: d for d in docs}
    mentions_of = {m.doc_id: m for m in mentions}
    lead: set[str] = set()
    dated_background: set[str] = set()
    stems: dict[tuple[str, int], set[str]] = {}
    for m in mentions:
        doc = by_id.get(m.doc_id)
        if doc is None:
            continue
        for n, (s, e) in enumerate(m.sentences):
            stems[(m.doc_id, n)] = set(content_stems(doc.text[s:e]))
        first_body = next((n for n, (s, _) in enumerate(m.sentences) if s >= doc.body_start), 0)
        for n in range(first_body + LEAD_SENTENCES):
            lead |= stems.get((m.doc_id, n), set())
        for d in m.dates:
            day = timeml.date_part(d.value)
            if timeml.names_calendar_time(day) and is_background(day, doc.meta.published[:10]):
                dated_background |= _clause_stems(doc, m, d.sent_no, d.start, d.end)
    words = dated_background - lead
    if not words:
        return list(claims)
    out = []
    for c in claims:
        if c.kind == ClaimKind.NUMBER and not c.background and not c.current:
            doc, m = by_id.get(c.doc_id), mentions_of.get(c.doc_id)
            own = _clause_stems(doc, m, c.sent_no, c.row.start, c.row.end) if doc and m else set()
            shared = sorted(own & words)
            if len(shared) >= MIN_BACKGROUND_WORDS:
                why = f"about an earlier event ({', '.join(shared[:3])})"
                cues = "; ".join(filter(None, [c.row.cues, f"background: {why}"]))
                c = dataclasses.replace(c, background=why, row=dataclasses.replace(c.row, cues=cues))
        out.append(c)
    return out


def _clause_stems(doc: CleanDocument, m: Mentions, sent_no: int, start: int, end: int) -> set[str]:
    """The content words that speak with the mention at [start, end): its sentence, or only the
    aside it is in, or the sentence without the asides that are not about it ("The plant, which
    opened in 1978, employs 340 people": 1978 dates the opening, not the staff)."""
    if not 0 <= sent_no < len(m.sentences):
        return set()
    s0, e0 = m.sentences[sent_no]
    return set(content_stems(clause_at(doc.text[s0:e0], start - s0, end - s0)))


# An article's main places: its most mentioned places, this many.
MAIN_PLACES = 2


def mark_elsewhere(claims: Sequence[Claim], docs: Sequence[CleanDocument],
                   mentions: Sequence[Mentions]) -> list[Claim]:
    """The claims, with figures about places foreign to the story marked as background."""
    docs_of: dict[str, set[str]] = {}
    main: dict[str, set[str]] = {}
    for m in mentions:
        counts = Counter(canonical(e.canonical) for e in m.entities if e.label in PLACE_LABELS and e.canonical)
        main[m.doc_id] = {name for name, _ in counts.most_common(MAIN_PLACES)}
        # another article naming the place under another label (the small model tags a town it does
        # not know as a place in one article, an organisation in the next) still names it
        for name in {canonical(e.canonical) for e in m.entities if e.canonical}:
            docs_of.setdefault(name, set()).add(m.doc_id)
    if len(main) < 2:
        return list(claims)
    texts = {d.doc_id: d.text for d in docs}
    mentions_of = {m.doc_id: m for m in mentions}
    out = []
    for c in claims:
        if c.kind == ClaimKind.NUMBER and not c.background and c.places:
            places = _places_of_the_figure(c, texts.get(c.doc_id, ""), mentions_of.get(c.doc_id))
            foreign = sorted(p for p in places if docs_of.get(p, {c.doc_id}) == {c.doc_id}
                             and p not in main.get(c.doc_id, set()))
            if places and len(foreign) == len(places):
                why = f"{ELSEWHERE} ({', '.join(foreign[:2])})"
                cues = "; ".join(filter(None, [c.row.cues, f"background: {why}"]))
                c = dataclasses.replace(c, background=why, current=False, row=dataclasses.replace(c.row, cues=cues))
        out.append(c)
    return out


def _places_of_the_figure(c: Claim, text: str, m: Mentions | None) -> frozenset[str]:
    """The places of the figure's sentence, less those named only in a list of its members and
    those that say where a person is from ("won by Ana Ferreira of Portugal", "Kenya's Daniel
    Kiprono"): a runner's country is no place the race was run."""
    if m is None:
        return c.places
    places = c.places - _origins_of_people(text, m, c.sent_no)
    tail = members_tail(text[:_sentence_end(c, m)], c.row.end)
    if tail is None:
        return places
    outside = {canonical(e.canonical) for e in m.entities
               if e.sent_no == c.sent_no and e.label in PLACE_LABELS and e.canonical
               and not tail[0] <= e.start < tail[1]}
    return places & frozenset(outside)


# Between a person's name and the place after it ("Ana Ferreira of Portugal"), or between a place and
# the person after it ("Kenya's Daniel Kiprono"): the place is where the person is from.
_OF_A_PLACE = re.compile(r",?\s+(?:of|from)\s+(?:the\s+)?")
_PLACES_OWN = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}")


def _origins_of_people(text: str, m: Mentions, sent_no: int) -> frozenset[str]:
    """Places of a sentence told as a person's origin, by their canonical names."""
    ents = sorted((e for e in m.entities if e.sent_no == sent_no), key=lambda e: e.start)
    out = set()
    for before, after in itertools.pairwise(ents):
        if before.label == "PERSON" and after.label in PLACE_LABELS and after.canonical and _OF_A_PLACE.fullmatch(
                text, before.end, after.start):
            out.add(canonical(after.canonical))
        if before.label in PLACE_LABELS and after.label == "PERSON" and before.canonical and _PLACES_OWN.fullmatch(
                text, before.end, after.start):
            out.add(canonical(before.canonical))
    return frozenset(out)


def _sentence_end(c: Claim, m: Mentions | None) -> int:
    return m.sentences[c.sent_no][1] if m is not None and 0 <= c.sent_no < len(m.sentences) else c.row.end
