"""Status and outcome claims: what state a story is in, and what happened to whom.

- A status claim places a sentence on an ordered scale of the lexicon (a manhunt: at large ->
  caught; a prosecution: under investigation -> charged -> judged; a deal: agreed -> done; a
  repair: broken -> fixed). A later report at a later stage updates an earlier one.
- An outcome claim places a sentence in one class of a set of exclusive outcomes ("rescued" vs
  "captured", "destroyed" vs "intact", "died at the scene" vs "died on the way to hospital",
  "undersea" vs "terrestrial"). Two sources in different classes about the same thing disagree.
  An attribute of a thing (its colour: "a grey 2013 Toyota Camry") is an outcome claim too, about
  the thing its words name; so is a place with a role ("lived in Cardiff": `places.py`), a
  title of a named holder ("chief executive Mara Quist": `roles.py`) and a grade of how well
  something was done ("well equipped" vs "ill-equipped": `manner.py`).

Negated phrases ("has not been charged") place nothing. The frame embedded is the sentence; the
subject is the sentence's names plus the document's main people and organisations, since such
sentences often say only "he" or "the suspect".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from pipeline.compare.background import is_background
from pipeline.compare.causes import cause_claims
from pipeline.compare.claims import Claim, DocContext, Outcome, Status, canonical, claim_row
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.manner import manner_claims
from pipeline.compare.places import happening_place_claims, place_claims
from pipeline.compare.roles import document_surnames, role_claims, role_patterns
from pipeline.compare.text import STOPWORDS, PhraseIndex, find_phrases, stem, words
from pipeline.vocab import timeml
from pipeline.vocab.kinds import ClaimKind

# A phrase is negated when a negator stands at most this many words before it.
NEGATION_WINDOW = 3
# The document's most mentioned people and organisations stand in for "he" or "the company".
MAIN_ENTITIES = 2
# An outcome's subject is a name this close (characters) to its phrase.
OUTCOME_SUBJECT_CHARS = 60
# Outcome sets that hold for a case's whole course: compared from sentences dated up to a year back.
LASTING_OUTCOMES = frozenset({"charge"})
# An attribute's thing is named by at most this many words after it ("grey 2013 Toyota Camry").
THING_WORDS = 3
IDIOM_CHARS = 40  # longer than any fixed phrase of the lexicon's attribute_idioms
_MAIN_LABELS = frozenset({"PERSON", "ORG"})


def status_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """Status stages: one claim per sentence and scale (the later stage when it tells of two)."""
    main = _main_entities(ctx)
    out: list[Claim] = []
    for n, common, quote, toks, negs, _recent in _story_sentences(ctx, lex):
        subjects = common["subjects"] | main
        for scale in lex.scales:
            hits = [(k, name, phrase) for k, (name, index) in enumerate(scale.stages)
                    for phrase in _phrases(toks, index, negs)]
            if not hits:
                continue
            stage, name, phrase = max(hits)  # a sentence telling of two stages reports the later one
            value = Status(scale=scale.name, stage=stage, cue=phrase)
            out.append(_claim(ctx, common, quote, n, ClaimKind.STATUS, value, name, phrase, subjects))
    return out


def outcome_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """Exclusive outcomes: one claim per sentence and outcome set that asserts one class of it, or
    per class when each is of its own names; and the attributes of things (a car's colour), one
    claim per mention."""
    attributes = _attribute_patterns(lex)
    roles = role_patterns(lex)
    surnames = document_surnames(ctx)
    out: list[Claim] = []
    for n, common, quote, toks, negs, recent in _story_sentences(ctx, lex, lasting=True):
        for outcome_set in lex.outcomes:
            if not recent and outcome_set.name not in LASTING_OUTCOMES:
                continue
            classes = _classes_found(toks, outcome_set.classes, negs)
            if len(classes) == 1:
                (name, phrases), = classes.items()
                local = _local_subjects(ctx, n, quote, phrases[0], common)
                value = Outcome(outcome_set=outcome_set.name, outcome_class=name, cue=phrases[0])
                out.append(_claim(ctx, common, quote, n, ClaimKind.OUTCOME, value, name, phrases[0], local))
            elif classes:  # two outcomes contrasted assert neither, unless each is of its own names
                for name, phrase, owned in _each_of_its_own_names(ctx, n, quote, common, classes):
                    value = Outcome(outcome_set=outcome_set.name, outcome_class=name, cue=phrase)
                    out.append(_claim(ctx, common, quote, n, ClaimKind.OUTCOME, value, name, phrase, owned))
        if not recent:
            continue
        out.extend(_attribute_claims(ctx, n, common, quote, attributes, lex.attribute_idioms))
        out.extend(place_claims(ctx, n, common, quote, lex))
        out.extend(happening_place_claims(ctx, n, common, quote, lex))
        out.extend(cause_claims(ctx, n, common, quote, lex))
        out.extend(role_claims(ctx, n, common, quote, roles, surnames))
        out.extend(manner_claims(ctx, n, common, quote, lex))
    return out


def _attribute_patterns(lex: Lexicon) -> list[tuple[str, dict[str, str], re.Pattern[str]]]:
    """(attribute, word -> class, a case-sensitive pattern of its words) for each attribute set."""
    out = []
    for attribute in lex.attributes:
        class_of = {" ".join(parts): name for name, index in attribute.classes
                    for variants in index.values() for parts in variants}
        alternatives = "|".join(map(re.escape, sorted(class_of, key=len, reverse=True)))
        out.append((attribute.name, class_of, re.compile(rf"\b(?:{alternatives})\b")))
    return out


def _attribute_claims(ctx: DocContext, sent_no: int, common: dict, quote: str,
                      attributes: Sequence[tuple[str, dict[str, str], re.Pattern[str]]],
                      idioms: frozenset[str]) -> list[Claim]:
    """An attribute written in lower case right before the words naming its thing ("a grey 2013
    Toyota Camry"): its subjects are the thing's words, so two sources' colours of one car are
    compared and a car's and a shirt's are not. Case-sensitive: "Gray", "the Red Sea" are names."""
    qs = common["quote_start"]
    out: list[Claim] = []
    for attribute, class_of, pattern in attributes:
        for m in pattern.finditer(quote):
            if quote[m.start() - 1:m.start()] == "-" or quote[m.end():m.end() + 1] == "-":
                continue  # "blue-green algae", "dark-blue": a compound names neither colour alone
            thing = _thing_words(quote, m.end())
            if not thing or _idiom(quote, m.start(), idioms):
                continue
            thing_start, thing_end = thing[0][1], thing[-1][2]
            subjects = frozenset(stem(w) for w, _, _ in thing if not w.isdigit())
            value = Outcome(outcome_set=attribute, outcome_class=class_of[m.group()], cue=m.group(),
                            thing=quote[thing_start:thing_end])
            row = claim_row(ctx, ClaimKind.OUTCOME, sent_no, qs + m.start(), qs + thing_end, quote,
                            subject="; ".join(sorted(subjects)), measure=f"{attribute}: {value.outcome_class}",
                            value=value.outcome_class, cues=m.group())
            out.append(Claim(row=row, kind=ClaimKind.OUTCOME, value=value, **dict(common, subjects=subjects),
                             frame=quote, text=quote[m.start():thing_end]))
    return out


def _idiom(quote: str, start: int, idioms: frozenset[str]) -> bool:
    """A fixed phrase begins at the colour word ("red tape", "a silver bullet")."""
    rest = quote[start:start + IDIOM_CHARS].lower()
    return any(rest.startswith(idiom) and not rest[len(idiom):len(idiom) + 1].isalpha() for idiom in idioms)


_THING_WORD = re.compile(r"[ -]([A-Za-z0-9][\w'’]*)")


def _thing_words(quote: str, pos: int) -> list[tuple[str, int, int]]:
    """The words right after ``pos`` that name a thing (at most THING_WORDS, up to a function word
    or punctuation), lower case with their offsets; none when only digits come ("grey 2013")."""
    out: list[tuple[str, int, int]] = []
    while len(out) < THING_WORDS and (m := _THING_WORD.match(quote, pos)) and m.group(1).lower() not in STOPWORDS:
        out.append((m.group(1).lower(), m.start(1), m.end(1)))
        pos = m.end()
    return out if any(not w.isdigit() for w, _, _ in out) else []


def _story_sentences(ctx: DocContext, lex: Lexicon, *, lasting: bool = False
                     ) -> Iterator[tuple[int, dict, str, list[str], list[int], bool]]:
    """(sentence number, shared claim fields, quote, words, negator positions, recent) of every
    sentence that is not dated in the story's past ("convicted of stabbing his wife in 1999" is its
    background, not its status). With ``lasting``, sentences dated up to a year back come too,
    not ``recent``: for a lasting state (a case's charge) "convicted of manslaughter in September"
    is the case a November sentencing ends."""
    dated = [(d.sent_no, timeml.date_part(d.value)) for d in ctx.men.dates if timeml.names_calendar_time(d.value)]
    past = {n for n, day in dated if is_background(day, ctx.published)}
    long_past = {n for n, day in dated if is_background(day, ctx.published, lasting=True)}
    for n, (s0, _e0) in enumerate(ctx.men.sentences):
        if n in long_past or (n in past and not lasting):
            continue
        recent = n not in past
        common = ctx.common(n, s0, s0)
        quote = ctx.text[common["quote_start"]:common["quote_end"]]
        toks = words(quote)
        negs = [i for i, _ in find_phrases(toks, lex.negators)] + [i for i, t in enumerate(toks) if t.endswith("n't")]
        # "could be sentenced to life if convicted" places the story nowhere, as a negation would not either
        negs += [i for i, t in enumerate(toks) if t in lex.hypothetical]
        yield n, common, quote, toks, negs, recent


def _classes_found(tokens: Sequence[str], classes: Sequence[tuple[str, PhraseIndex]],
                   negs: Sequence[int]) -> dict[str, list[str]]:
    """Each class's phrases the sentence holds, but for a phrase that overlaps a longer one of another
    class ("a serious but stable condition" is serious: its "stable condition" is part of the grade)."""
    found = [(pos, pos + len(phrase.split()), name, phrase) for name, index in classes
             for pos, phrase in _unnegated(tokens, index, negs)]
    out: dict[str, list[str]] = {}
    for start, end, name, phrase in found:
        if not any(other != name and s < end and start < e and e - s > end - start for s, e, other, _ in found):
            out.setdefault(name, []).append(phrase)
    return out


def _unnegated(tokens: Sequence[str], index: PhraseIndex, negs: Sequence[int]) -> list[tuple[int, str]]:
    """The index's phrases in the tokens, with their positions, but for those a negation just before undoes."""
    return [(pos, phrase) for pos, phrase in find_phrases(tokens, index)
            if not any(0 < pos - k <= NEGATION_WINDOW for k in negs)]


def _phrases(tokens: Sequence[str], index: PhraseIndex, negs: Sequence[int]) -> list[str]:
    return [phrase for _, phrase in _unnegated(tokens, index, negs)]


def _each_of_its_own_names(ctx: DocContext, sent_no: int, quote: str, common: dict,
                           classes: dict[str, list[str]]) -> list[tuple[str, str, frozenset[str]]]:
    """Outcomes of one set a sentence gives different names ("the loss of all telecommunications in
    Alexandria and parts of the Nile Delta"): each class owns the names from its phrase to the next
    class's, and when every class owns some and no name is owned twice, each is a claim of its own
    names. (Otherwise the sentence contrasts the outcomes and asserts neither.)"""
    qs, low = common["quote_start"], quote.lower()
    found = sorted((k, name, phrases[0]) for name, phrases in classes.items() if (k := low.find(phrases[0])) >= 0)
    if len(found) != len(classes):
        return []
    ends = [k for k, _, _ in found[1:]] + [len(quote)]
    owned = [frozenset(canonical(e.canonical) for e in ctx.entities.get(sent_no, [])
                       if e.canonical and k <= e.start - qs < end) for (k, _, _), end in zip(found, ends, strict=True)]
    if not all(owned) or len(frozenset().union(*owned)) < sum(map(len, owned)):
        return []
    return [(name, phrase, names) for (_, name, phrase), names in zip(found, owned, strict=True)]


def _local_subjects(ctx: DocContext, sent_no: int, quote: str, phrase: str, common: dict) -> frozenset[str]:
    """The names within a few words of an outcome phrase: whom or what it happened to."""
    qs = common["quote_start"]
    k = quote.lower().find(phrase)
    if k < 0:
        return common["subjects"]
    near = [e for e in ctx.entities.get(sent_no, [])
            if e.canonical and abs(e.start - qs - k) <= OUTCOME_SUBJECT_CHARS + len(phrase)]
    return frozenset(canonical(e.canonical) for e in near)


def _main_entities(ctx: DocContext) -> frozenset[str]:
    counts = Counter(canonical(e.canonical) for e in ctx.men.entities if e.label in _MAIN_LABELS and e.canonical)
    return frozenset(name for name, _ in counts.most_common(MAIN_ENTITIES))


def _claim(ctx: DocContext, common: dict, quote: str, sent_no: int, kind: ClaimKind, value: Status | Outcome,
           name: str, phrase: str, subjects: frozenset[str]) -> Claim:
    qs = common["quote_start"]
    k = quote.lower().find(phrase.split()[0])
    start = qs + max(k, 0)
    end = start + len(phrase) if k >= 0 and quote.lower()[k:k + len(phrase)] == phrase else start
    if end == start:
        start, end = qs, common["quote_end"]
    group = value.scale if isinstance(value, Status) else value.outcome_set
    row = claim_row(ctx, kind, sent_no, start, end, quote, subject="; ".join(sorted(subjects)),
                    measure=f"{group}: {name}", value=name, cues=phrase)
    fields = dict(common, subjects=subjects)
    return Claim(row=row, kind=kind, value=value, **fields, frame=quote, text=ctx.text[start:end])
