"""Names spelled two ways: "Duncan Rait" in five sources, "Duncan Raite" in two.

A fact-checker flags a name that sources write differently: one of them misspelt a person, a firm
or a place, and the reader cannot tell which from one article. The claims are the names each
document writes (one per distinct form and document, at its first mention); two forms are one
name spelled two ways when

- they carry the same entity label (a country is not its people: "Yemen" and "Yemeni", "India"
  and "Indian" are two names);
- after dropping initials, accents, punctuation, hyphens and case, and writing "-ise" as "-ize",
  they still differ (case, "Vendôme" / "Vendome", "Magistrates'" / "Magistrates",
  "Next-Generation" / "Next Generation", "Recognised" / "Recognized" are typography or
  convention, not spelling);
- they are the same words written as one or as two ("Sea Micro" / "SeaMicro"), or they have the
  same number of words and differ in exactly one, by one edit (an insertion, deletion,
  substitution or swap of two neighbouring letters: "Duncan Rait" / "Duncan Raite", "Ilene Wolfe"
  / "Ilene Wolff") in words of at least ``MIN_WORD_LETTERS`` letters (``SINGLE_NAME_LETTERS``
  for a name of one word: "Somali" / "Somani", not "Iran" / "Iraq"), or by two edits in words of
  at least ``TWO_EDIT_LETTERS`` letters ("Calamita" / "LaCalamita"), or in a person's surname of
  at least ``align.SURNAME_TWO_EDIT_LETTERS`` after the same given names ("Peter Haldane" / "Peter
  Halden": the given names vouch for it); a plural ("Pro" / "Pros") is not a spelling, but a
  person's surname with and without a final "s" is ("Ilse Marten" / "Ilse Martens");
- no document writes both of them repeatedly (``REPEATED_MENTIONS`` times each): a text that
  names "Iran" and "Iraq", or "John Smith" and "Joan Smith", again and again means two names,
  while a slip is written once ("rescue Raite" in a story that says "Rait" throughout).

Identifiers (``vocab.entities.CODE_LABEL``: "CVE-2013-3893", "MS13-008") are claims of this kind
too, compared as written: two independent sources giving one are a corroboration (they speak of
the same vulnerability, bulletin or bill), and two codes are never one spelt two ways (CVE-2013-3893
and CVE-2013-3897 are two vulnerabilities).

The bounds were chosen on the compare benchmark's keys, which list every spelling disagreement
of 17 sets (docs/compare.md, "Names spelled two ways"): "Charlene" / "Charlie" (two people, two
edits in seven letters) and "SeaMicro" / "SuperMicro" (two firms, three edits) stay apart. Sides
are the spellings; no side is called right (the more common spelling is not necessarily it).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from pipeline.compare.align import SURNAME_TWO_EDIT_LETTERS, Scorer
from pipeline.compare.claims import Claim, DocContext, NameForm, claim_row
from pipeline.compare.importance import importance
from pipeline.compare.lexicon import Lexicon
from pipeline.compare.model import DraftFinding
from pipeline.compare.sources import copies_note, independent_sources
from pipeline.textsim import edit_distance
from pipeline.vocab.entities import CODE_LABEL, NAME_LABELS, strip_titles
from pipeline.vocab.kinds import ClaimKind, Kind

# Shorter words are too often two names one letter apart ("Lu" / "Su", "Ali" / "Abi").
MIN_WORD_LETTERS = 4
# A one-word name has no other word to vouch that it is the same name: "Iran" and "Iraq" are two.
SINGLE_NAME_LETTERS = 6
# Long words admit two edits ("LaCalamita" / "Calamita"); "Charlene" / "Charlie" (7 letters) not.
TWO_EDIT_LETTERS = 8
# A document that writes each of two forms this often names two things.
REPEATED_MENTIONS = 2
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# British and American spellings are conventions, not misspellings: "Recognised" is "Recognized".
_CONVENTION = re.compile(r"(\w{3,}i)s(e|ed|es|ing|ation|ations)$")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.&-]*")


def spelling_tokens(name: str) -> tuple[str, ...]:
    """The words of a name as compared: no leading article or possessive, no initials ("H."),
    accents folded, punctuation dropped, lower case."""
    name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", name.strip()))
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    out = []
    for word in _WORD.findall(folded):
        for part in word.split("-"):  # "Next-Generation" is "Next Generation" hyphenated
            bare = _CONVENTION.sub(lambda m: m.group(1) + "z" + m.group(2), re.sub(r"\W", "", part).lower())
            if len(bare) > 1:  # an initial is not part of the spelling
                out.append(bare)
    return tuple(out)


def name_claims(ctx: DocContext, lex: Lexicon) -> list[Claim]:
    """One claim per distinct name a document writes, at its first mention."""
    names = [(e, (e.text,) if e.label == CODE_LABEL
              else spelling_tokens(strip_titles(e.text) if e.label == "PERSON" else e.text))
             for e in sorted(ctx.men.entities, key=lambda e: e.start)
             if e.label in NAME_LABELS or e.label == CODE_LABEL]
    mentions = Counter((tokens, e.label) for e, tokens in names if tokens)
    seen: set[tuple[tuple[str, ...], str]] = set()
    out: list[Claim] = []
    for e, tokens in names:
        if not tokens or (tokens, e.label) in seen:
            continue
        seen.add((tokens, e.label))
        common = ctx.common(e.sent_no, e.start, e.end)
        quote = ctx.text[common["quote_start"]:common["quote_end"]]
        value = NameForm(form=e.text, label=e.label, tokens=tokens, mentions=mentions[tokens, e.label])
        row = claim_row(ctx, ClaimKind.NAME, e.sent_no, e.start, e.end, quote, subject=e.canonical,
                        measure=f"name ({e.label})", value=e.text)
        out.append(Claim(row=row, kind=ClaimKind.NAME, value=value, **common, text=e.text))
    return out


def spelling_variant(a: Sequence[str], b: Sequence[str], person: bool = False) -> bool:
    """Two names' spelling tokens: one name written two ways? A trailing "s" is a plural ("Pro" /
    "Pros"), except in a person's full name ("Ilse Marten" / "Ilse Martens": two surnames)."""
    if tuple(a) == tuple(b):
        return False
    if "".join(a) == "".join(b):
        return True  # one word or two ("Sea Micro", "SeaMicro"; "El Dorado", "Eldorado")
    if len(a) != len(b):
        return False
    differ = [(k, x, y) for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differ) != 1:
        return False
    k, x, y = differ[0]
    shortest = MIN_WORD_LETTERS if len(a) > 1 else SINGLE_NAME_LETTERS
    if (x.rstrip("s") == y.rstrip("s") and not (person and len(a) > 1)) or min(len(x), len(y)) < shortest:
        return False
    surname = person and len(a) > 1 and k == len(a) - 1  # after the same given names, which vouch for it
    two_edit_letters = SURNAME_TWO_EDIT_LETTERS if surname else TWO_EDIT_LETTERS
    return edit_distance(x, y) <= (2 if min(len(x), len(y)) >= two_edit_letters else 1)


def find_name_findings(claims: Sequence[Claim], scorer: Scorer, lexicon: Lexicon) -> list[DraftFinding]:
    """Spellings of one name used by different sources, one finding per name.

    A form's label is the one spaCy gives it most often in the corpus (it calls one firm an ORG
    here and a PERSON there). A surname alone writes its full name's spelling ("Rait" is spelt
    as "Duncan Rait"), so the sides are spellings, not forms. Identifiers are only corroborated."""
    codes = [c for c in claims if c.value.label == CODE_LABEL]
    return _spelling_findings([c for c in claims if c.value.label != CODE_LABEL], scorer) + _code_corroborations(codes)


def _spelling_findings(claims: Sequence[Claim], scorer: Scorer) -> list[DraftFinding]:
    by_form: dict[tuple[str, ...], list[Claim]] = {}
    for c in claims:
        by_form.setdefault(c.value.tokens, []).append(c)
    label = {f: Counter(c.value.label for c in cs).most_common(1)[0][0] for f, cs in by_form.items()}
    # the model tags a lone surname as a person in one article and an organisation in the next
    # ("Velsen"): once a person, it is the surname of the person's full name
    person = {f for f, cs in by_form.items() if any(c.value.label == "PERSON" for c in cs)}
    forms = sorted(by_form)
    spelling = _UnionFind(forms)  # forms that spell a name alike
    name = _UnionFind(forms)  # forms of one name, spelt alike or not
    for short, full in _surnames(forms):
        if label[short] == label[full] or (short in person and label[full] == "PERSON"):
            spelling.join(short, full)
            name.join(short, full)
    for f, g in scorer.scored(candidate_pairs(forms)):
        if (label[f] == label[g] and spelling_variant(f, g, person=label[f] == "PERSON")
                and not _two_names_in_one_text(by_form[f], by_form[g])):
            name.join(f, g)
    out = []
    for members in name.groups():
        spellings: dict[tuple[str, ...], list[Claim]] = {}
        for f in members:
            spellings.setdefault(spelling.root(f), []).extend(by_form[f])
        if _across_sources(list(spellings.values())):
            out.append(_finding(list(spellings.values())))
    return out


def _code_corroborations(codes: Sequence[Claim]) -> list[DraftFinding]:
    """An identifier two independent sources give, one finding per identifier."""
    by_code: dict[str, list[Claim]] = {}
    for c in codes:
        by_code.setdefault(c.value.form, []).append(c)
    out = []
    for code, cs in sorted(by_code.items()):
        cs = sorted(_one_per_document(cs), key=lambda c: c.doc_id)
        wording = independent_sources(cs)
        if len(wording) < 2:
            continue
        note = "; ".join(filter(None, (f"{len(wording)} independent sources give the identifier {code}",
                                       copies_note(wording))))
        out.append(DraftFinding(Kind.CORROBORATION, f"identifier {code}", tuple(cs), note,
                                importance(Kind.CORROBORATION, cs, 1.0, 0.0, independent=len(wording))))
    return out


def candidate_pairs(forms: Sequence[tuple[str, ...]]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The pairs of forms that can be spelling variants, found without comparing all pairs (a
    thousand articles write tens of thousands of names): forms that agree but for one word whose
    spellings share a deletion variant (two words one edit apart share a word with one letter
    deleted; two edits apart, with two deleted: a long word, or the last word of several, which may be
    a person's surname), and forms with the same letters run together."""
    blocks: dict[tuple, list[tuple[str, ...]]] = {}
    for form in forms:
        blocks.setdefault(("joined", "".join(form)), []).append(form)
        for i, word in enumerate(form):
            surname = len(form) > 1 and i == len(form) - 1
            for variant in _deletions(word, SURNAME_TWO_EDIT_LETTERS if surname else TWO_EDIT_LETTERS):
                blocks.setdefault((form[:i], variant, form[i + 1:]), []).append(form)
    pairs = {(f, g) if f < g else (g, f) for block in blocks.values() for f, g in itertools.combinations(block, 2)
             if f != g}
    return sorted(pairs)


def _deletions(word: str, two_edit_letters: int) -> set[str]:
    """The word with up to one letter deleted, two for a word long enough to admit two edits."""
    out = {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
    if len(word) >= two_edit_letters:
        out |= {w[:i] + w[i + 1:] for w in list(out) for i in range(len(w))}
    return out


def _surnames(forms: Sequence[tuple[str, ...]]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(short, full) pairs where the short form is the full one's last words ("Rait", "Duncan
    Rait") and names no one else: "LaCalamita" alone may be Anthony or Michele LaCalamita."""
    known = set(forms)
    owners: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for full in forms:
        for k in range(1, len(full)):
            if full[k:] in known:
                owners.setdefault(full[k:], []).append(full)
    return [(short, full) for short, fulls in owners.items() if len({f[0] for f in fulls}) == 1 for full in fulls]


class _UnionFind:
    def __init__(self, items: Sequence) -> None:
        self.parent = {x: x for x in items}

    def root(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a, b) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list]:
        out: dict = {}
        for x in sorted(self.parent):
            out.setdefault(self.root(x), []).append(x)
        return list(out.values())


def _two_names_in_one_text(a: Sequence[Claim], b: Sequence[Claim]) -> bool:
    """Some document writes each of the two forms repeatedly: it names two things."""
    often_a = {c.doc_id for c in a if c.value.mentions >= REPEATED_MENTIONS}
    return any(c.doc_id in often_a for c in b if c.value.mentions >= REPEATED_MENTIONS)


def _across_sources(spellings: Sequence[Sequence[Claim]]) -> bool:
    """Two spellings at least, used by different documents (one document alone is not compared)."""
    docs = [frozenset(c.doc_id for c in cs) for cs in spellings]
    return len(docs) > 1 and len(frozenset().union(*docs)) > 1 and len(set(docs)) > 1


def _finding(spellings: Sequence[Sequence[Claim]]) -> DraftFinding:
    spellings = [_one_per_document(group) for group in spellings]
    ordered = sorted(spellings, key=lambda cs: (-len({c.doc_id for c in cs}), cs[0].value.form))
    cs = tuple(c for group in ordered for c in sorted(group, key=lambda c: (c.doc_id, c.row.start)))
    common = _fullest(ordered[0])
    parts = []
    for group in ordered:
        n = len({c.doc_id for c in group})
        written = _fullest(group)
        parts.append(f"'{written}' ({n} source{'s' if n > 1 else ''})")
    note = "one name spelled in different ways: " + " vs ".join(parts) + \
        "; the more common spelling is not necessarily the right one"
    return DraftFinding(Kind.NAME_CONFLICT, f"name {common}", cs, note,
                        importance(Kind.NAME_CONFLICT, cs, 1.0, 0.0))


def _one_per_document(group: Sequence[Claim]) -> list[Claim]:
    """A document's statement of a spelling: its fullest form, at the first mention."""
    best: dict[str, Claim] = {}
    for c in sorted(group, key=lambda c: (c.doc_id, -len(c.value.tokens), c.row.start)):
        best.setdefault(c.doc_id, c)
    return list(best.values())


def _fullest(group: Sequence[Claim]) -> str:
    """The form that says most of a spelling: the longest, then the most used ("Duncan Rait", not "Rait")."""
    counts = Counter(c.value.form for c in group)
    return min(counts, key=lambda form: (-len(spelling_tokens(form)), -counts[form], form))


def name_positions(cs: Sequence[Claim]) -> list[list[int]]:
    """The sides of a spelling finding: the statements that spell the name alike (a surname
    alone stands with the full name it ends)."""
    forms = sorted({c.value.tokens for c in cs})
    spelling = _UnionFind(forms)
    for short, full in _surnames(forms):
        spelling.join(short, full)
    sides: dict[tuple[str, ...], list[int]] = {}
    for i, c in enumerate(cs):
        sides.setdefault(spelling.root(c.value.tokens), []).append(i)
    return list(sides.values())
