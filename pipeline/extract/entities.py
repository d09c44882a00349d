"""Entities: spaCy Doc -> EntityRow tuple, each mention with a canonical name that merges its variants.

Canonical names come, in order of trust, from:

1. the entity ruler's pattern id (``pipeline/data/entity_patterns.jsonl``), set before NER ran;
2. the aliases file (``pipeline/data/entity_aliases.tsv``: U.S./US/America -> United States),
   matched ignoring case, dots, a leading "the" and a possessive; its optional label column also
   corrects the model's label for known names (Nvidia tagged as a place becomes ORG);
3. for people, the fullest name of the same person in the document: "Xi" and "Mr Xi" become
   "Xi Jinping" when exactly one full name in the document ends (or, for East Asian order, starts)
   with that name; ``link_people`` repeats this across documents;
4. otherwise the mention itself, without "the", a possessive or a legal suffix.

Mentions are trimmed to the name ("Nvidia's" -> "Nvidia", "the White House" -> "White House") and
"the Biden administration" becomes one ORG mention, canonical "Biden administration", distinct from
the person.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.documents import Mentions
from pipeline.resources import data_text
from pipeline.schema import EntityRow
from pipeline.vocab.entities import CODE_LABEL, PLACE_LABELS, strip_titles
from pipeline.vocab.numbers import SCALE_RANK_WORD

# TECH: fields and technologies the rule layer names ("AI", "GPU"), so they stop being places.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "TECH"}
)
ALIASES_FILE = "entity_aliases.tsv"
# Nouns that turn a person or place into an organisation ("the Biden administration").
GROUP_NOUNS = frozenset({"administration", "government", "campaign", "presidency", "cabinet", "regime", "camp"})
LEGAL_SUFFIXES = frozenset(
    {"inc", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "ag", "sa", "nv", "gmbh", "holdings", "group"}
)
_THE_RE = re.compile(r"^(?:the|The|THE)\s+")
_SCALE_RANK = re.compile(SCALE_RANK_WORD + r"[\s-]?\d+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_EDGE_PUNCT = " \t\n\r,;:!?\"“”‘’'()[]{}<>*#|-–—"
# vocab.entities.CODE_LABEL: capitals (digits after the first), hyphen-joined groups, the last of
# at least three digits.
_CODE_RE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]+)*-\d{3,}(?![\w-])")
# Function words a mention can't end with ("Manhattan Project for" when "AI" was taken by the ruler).
_TRAILING_WORDS_RE = re.compile(r"\s+(?:for|of|and|the|on|in|to|at|by|with|&)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def load_aliases() -> dict[str, tuple[str, str]]:
    """Aliases file -> {alias key: (canonical name, label or '')}."""
    table: dict[str, tuple[str, str]] = {}
    for line in data_text(ALIASES_FILE).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        variant, canonical = parts[0], (parts[1] if len(parts) > 1 and parts[1] else parts[0])
        label = parts[2].strip() if len(parts) > 2 else ""
        table.setdefault(alias_key(variant), (canonical.strip(), label))
    return table


def alias_key(text: str) -> str:
    """The form names are compared in: case, dots, quotes, 'the' and possessives don't count."""
    t = text.replace("’", "'").replace("‘", "'").strip()
    t = _THE_RE.sub("", t)
    t = re.sub(r"'s?$", "", t)
    t = t.replace(".", "")
    return re.sub(r"\s+", " ", t).strip().casefold()


def _strip_legal_suffix(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words).rstrip(",")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the name inside a mention: no leading 'the', no possessive, no edge punctuation."""
    for _ in range(3):
        while start < end and (text[start] in _EDGE_PUNCT or text[start] == "."):
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT:
            end -= 1
        m = _THE_RE.match(text[start:end])
        if m and end - start > m.end():
            start += m.end()
        m = _POSSESSIVE_RE.search(text[start:end])
        if m and m.start() > 0:
            end = start + m.start()
        m = _TRAILING_WORDS_RE.search(text[start:end])
        if m and m.start() > 0:
            end = start + m.start()
    return start, end


def _person_chain(names: Sequence[str]) -> dict[str, str]:
    """Short person names -> the document's one full name they stand for ("Xi" -> "Xi Jinping")."""
    full = sorted({n for n in names if len(n.split()) >= 2})
    chain: dict[str, str] = {}
    for short in {n for n in names if len(n.split()) == 1}:
        by_last = [f for f in full if f.split()[-1] == short]
        candidates = by_last or [f for f in full if f.split()[0] == short]
        if len(candidates) == 1:
            chain[short] = candidates[0]
    return chain


def sentence_index(doc: Doc) -> dict[int, int]:
    """Token index -> sentence number."""
    return {tok.i: n for n, sent in enumerate(doc.sents) for tok in sent}


# A place listed after another or set beside it ("San Angelo, Texas"; "Clearlake and Lakeport")
# takes the role of the first.
_LISTED_DEPS = frozenset({"appos", "conj"})
_GOVERNOR_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


def place_role(ent: Span) -> str:
    """What a place is to its sentence: the lemma of the word it is attached to, with the
    preposition between ("live in" of "lived in Cardiff", "move to" of "moved to Merthyr Tydfil",
    "court in" of "a state court in San Angelo"; "jury" of "a San Antonio jury", "grand jury" of "a
    Schleicher County grand jury"), or "of" when it follows a person's name ("Singh, 59, of College
    Point": where he is from)."""
    root = ent.root
    for _ in range(3):
        if root.dep_ not in _LISTED_DEPS or root.head.i == root.i:
            break
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.pos_ == "ADP":
        governor = head.head
        if governor.ent_type_ == "PERSON" and head.lower_ in ("of", "from"):
            return "of"
        if governor.pos_ not in _GOVERNOR_POS or governor.i == head.i:
            return ""
        return f"{governor.lemma_.lower()} {head.lower_}"
    if root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN":
        # with the noun's adjectives: "a Schleicher County grand jury" indicts, "a Texas jury" tries
        adjectives = [c.lower_ for c in head.children if c.dep_ == "amod" and c.i < head.i]
        return " ".join([*adjectives, head.lemma_.lower()])
    return ""


def extract_entities(doc: Doc, *, doc_id: str) -> tuple[EntityRow, ...]:
    """Named-entity mentions of one Doc with labels corrected and canonical names."""
    text = doc.text
    aliases = load_aliases()
    sent_of = sentence_index(doc)
    # (start, end, label, canonical or '' for "decide later", token index)
    found: list[tuple[int, int, str, str, int]] = []
    roles: dict[int, str] = {}
    for ent in doc.ents:
        label = ent.label_
        if label not in ENTITY_LABELS:
            continue
        start, end = _trimmed(text, ent.start_char, ent.end_char)
        mention = text[start:end]
        if not mention or "\n" in mention or not any(c.isalpha() for c in mention) or _SCALE_RANK.fullmatch(mention):
            continue  # ("Category 3" is a storm's rank: numbers.csv has it)
        canonical = ent.ent_id_ or ""
        key = alias_key(mention)
        if key in aliases:
            alias_canonical, alias_label = aliases[key]
            canonical = canonical or alias_canonical
            label = alias_label or label
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.lower_ in GROUP_NOUNS and label in ("PERSON", "GPE", "NORP") and end == ent.end_char:
            # "the Biden administration" is an organisation, not the man
            end = nxt.idx + len(nxt.text)
            short = strip_titles(text[start:ent.end_char])
            short = aliases.get(alias_key(short), (short, ""))[0]
            found.append((start, end, "ORG", f"{short} {nxt.lower_}", ent.start))
            continue
        if label == "PERSON" and not canonical:
            found.append((start, end, label, "", ent.start))  # resolved once all names are known
            continue
        if not canonical:
            canonical = _strip_legal_suffix(_THE_RE.sub("", mention)) if label == "ORG" else mention
        if label in PLACE_LABELS:
            roles[ent.start] = place_role(ent)
        found.append((start, end, label, canonical, ent.start))
    for m in _CODE_RE.finditer(text):  # inside a name or not: "the CVE-2013-3893 MSHTML Shim Workaround"
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and "\n" not in m.group():
            found.append((m.start(), m.end(), CODE_LABEL, m.group(), span.start))
    found.sort(key=lambda f: (f[0], f[1]))
    people = [strip_titles(text[s:e]) for s, e, label, c, _ in found if label == "PERSON" and not c]
    chain = _person_chain(people)
    rows = []
    for start, end, label, canonical, tok_i in found:
        if label == "ORG" and canonical in chain and alias_key(canonical) not in aliases:
            label, canonical = "PERSON", ""  # "Biden's AI policy": NER took the man for an organisation
        if label == "PERSON" and not canonical:
            name = strip_titles(text[start:end])
            canonical = chain.get(name, name)
        canonical = re.sub(r"\s+", " ", canonical).strip()
        rows.append(EntityRow(doc_id, sent_of[tok_i], start, end, text[start:end], label, canonical,
                              roles.get(tok_i, "") if label in PLACE_LABELS else ""))
    return tuple(rows)


def link_people(mentions: Sequence[Mentions]) -> list[Mentions]:
    """Across documents: a one-word person canonical ("Xi") joins the one full name that fits."""
    names = [e.canonical for m in mentions for e in m.entities if e.label == "PERSON"]
    chain = _person_chain(names)
    if not chain:
        return list(mentions)
    out = []
    for m in mentions:
        entities = tuple(
            dataclasses.replace(e, canonical=chain[e.canonical])
            if e.label == "PERSON" and e.canonical in chain
            else e
            for e in m.entities
        )
        out.append(dataclasses.replace(m, entities=entities))
    return out
