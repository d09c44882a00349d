"""Roles: what a named person or thing is, where the titles exclude each other.

"Chief operating officer Mara Quist" in one source and "Mara Quist, the company's chief
executive" in another cannot both be right; nor can "U.S. District Judge Barbara Walther" and
"state District Judge Barbara Walther", or "the frigate INS Sukanya" and "patrol vessel INS
Sukanya". The lexicon's `[roles]` sets list titles that exclude each other for one holder (a
corporate office, a court's jurisdiction, a warship's type); a title is read where English writes
it of a name: right before it, or as an apposition right after it ("Mara Quist, chief executive
of Quist Foods"). Each such mention is an outcome claim about its holder: the holder's name is
its subject and its frame, so two sources' titles of one holder are compared whatever their
sentences say, and two holders' titles never are. Titles outside a set ("spokeswoman", "former
prosecutor") say nothing here: a person may be many things, and only exclusive ones disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.compare.claims import Claim, DocContext, Outcome, canonical, claim_row
from pipeline.compare.lexicon import Lexicon
from pipeline.vocab.entities import NAME_LABELS
from pipeline.vocab.kinds import ClaimKind
from pipeline.vocab.timeml import MONTH_NAMES, WEEKDAY_NAMES

ROLE_SET_PREFIX = "role: "
# A name as written after its title: capitalised words ("Mara Quist", "INS Sukanya", "Barbara
# Walther"); the small model often misses a ship's name as an entity, so the words decide.
_NAME = r"(?P<name>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})"
_NOT_NAMES = frozenset({*MONTH_NAMES, *WEEKDAY_NAMES})
# A title once held is no title now: "former CEO Mara Quist" may be chief operating officer today.
PAST_TITLE_CHARS = 20  # longer than any of the words below with the space after it
_PAST_TITLE = re.compile(r"(?i:\b(?:former|ex|then|onetime|one-time|retired|erstwhile|late))[\s-]+$")


def role_patterns(lex: Lexicon) -> list[tuple[str, dict[str, str], re.Pattern[str], re.Pattern[str]]]:
    """(role set, title -> class, a title right before a name, a title in apposition right after
    one) for each role set; titles case-insensitive ("Chief operating officer", "CEO")."""
    out = []
    for role in lex.roles:
        class_of = {" ".join(parts): name for name, index in role.classes
                    for variants in index.values() for parts in variants}
        titles = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(class_of, key=len, reverse=True))
        before = re.compile(rf"(?i:\b(?P<title>{titles}))\s+{_NAME}")
        once = r"(?i:(?:former|retired|onetime|one-time)\s+)?" if role.name in lex.trades else ""
        after = re.compile(rf"\s*,\s+(?i:(?:the|a|an)\s+)?(?:[\w.&'’-]+(?:'s|’s)\s+)?{once}(?i:(?P<title>{titles}))\b")
        out.append((role.name, class_of, before, after))
    return out


@dataclass(frozen=True)
class Surnames:
    """The surnames of a document's people, each with the full name (read once per document)."""

    pattern: re.Pattern[str] | None
    full_name: dict[str, str]


NO_SURNAMES = Surnames(None, {})


def document_surnames(ctx: DocContext) -> Surnames:
    """A person's surname alone is often no entity to the model ("Harlan, a former teacher, takes
    office" after "Diane Harlan"). A name of two or three plain capitalised words counts whatever
    label the model gave it (it tags "Diane Harlan" an organisation at times); a title in
    apposition after the surname then says it is a person."""
    people = {e.canonical or e.text for ents in ctx.entities.values() for e in ents
              if e.label == "PERSON" or (e.label in NAME_LABELS and _plain_name(e.canonical or e.text))}
    full_name = {name.split()[-1]: name for name in sorted(people) if len(name.split()) > 1}
    if not full_name:
        return NO_SURNAMES
    alternatives = "|".join(re.escape(w) for w in sorted(full_name, key=len, reverse=True))
    return Surnames(re.compile(rf"\b(?:{alternatives})\b"), full_name)


def role_claims(ctx: DocContext, sent_no: int, common: dict, quote: str,
                patterns: Sequence[tuple[str, dict[str, str], re.Pattern[str], re.Pattern[str]]],
                surnames: Surnames = NO_SURNAMES) -> list[Claim]:
    """One claim per title the sentence writes next to a name: before it ("frigate INS Sukanya"),
    or after a named entity in apposition ("Mara Quist, the company's chief executive"), or after
    a surname the model saw no entity in (``surnames``)."""
    qs = common["quote_start"]
    names = [e for e in ctx.entities.get(sent_no, []) if e.label in NAME_LABELS]
    covered = [(e.start - qs, e.end - qs) for e in names]
    lone = [] if surnames.pattern is None else [
        (m.start(), m.end(), surnames.full_name[m.group()]) for m in surnames.pattern.finditer(quote)
        if not any(s <= m.start() < e for s, e in covered)]
    out: list[Claim] = []
    for role, class_of, before, after in patterns:
        for m in before.finditer(quote):
            once = _PAST_TITLE.search(quote, max(0, m.start() - PAST_TITLE_CHARS), m.start())
            if m["name"].split()[0].lower() not in _NOT_NAMES and not once:
                out.append(_claim(ctx, sent_no, common, quote, role, class_of, m, m["name"], qs + m.end("name")))
        for entity in names:
            if (m := after.match(quote, entity.end - qs)) is not None:
                out.append(_claim(ctx, sent_no, common, quote, role, class_of, m, entity.canonical or entity.text,
                                  entity.start))
        for start, end, person in lone:
            if (m := after.match(quote, end)) is not None:
                out.append(_claim(ctx, sent_no, common, quote, role, class_of, m, person, qs + start))
    return out


def _claim(ctx: DocContext, sent_no: int, common: dict, quote: str, role: str, class_of: dict[str, str],
           m: re.Match[str], name: str, name_edge: int) -> Claim:
    """The holder's name is the claim's subject and its frame: one holder's titles meet, whatever
    the sentences around them say."""
    qs = common["quote_start"]
    holder = canonical(name)
    value = Outcome(outcome_set=ROLE_SET_PREFIX + role, outcome_class=class_of[" ".join(m["title"].lower().split())],
                    cue=m["title"], thing=holder)
    start, end = min(qs + m.start("title"), name_edge), max(qs + m.end("title"), name_edge)
    row = claim_row(ctx, ClaimKind.OUTCOME, sent_no, start, end, quote, subject=holder,
                    measure=f"{role}: {value.outcome_class}", value=value.outcome_class, cues=m["title"])
    return Claim(row=row, kind=ClaimKind.OUTCOME, value=value, **dict(common, subjects=frozenset({holder})),
                 frame=holder, text=ctx.text[start:end])


def is_role(c: Claim) -> bool:
    return isinstance(c.value, Outcome) and c.value.outcome_set.startswith(ROLE_SET_PREFIX)


def _plain_name(name: str) -> bool:
    """Two or three capitalised words of letters ("Diane Harlan"): a person's name, read with its title."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)
