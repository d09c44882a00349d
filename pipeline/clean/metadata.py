"""Metadata the text shows: publication date, authors (bylines, credit lines, bios), title, outlet.

Each finder looks at one block and returns what it found (or nothing); ``clean_document``
decides where in the page to look. Dates are parsed by a small set of explicit patterns (no
guessing of day/month order) so an unknown date stays empty rather than wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.clean.rules import Rules, normalise_key

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\.?,?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)\b"),
)
# A date line is short: a date, maybe a weekday, a time, a prefix ("Published") or a source name.
MAX_DATE_LINE_WORDS = 14

_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|(?:de|da|di|del|della|van|von|der|den|bin|al|le|la|du|dos|das)\b)"
_NAME = re.compile(rf"[A-Z][\w'’.-]+(?:\s+{_NAME_TOKEN}){{1,3}}")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\be\b|\by\b)\s*")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_WRITE_TO = re.compile(r"^write to\s+(.*)$", re.I)
_CREDIT_NAMES = re.compile(r"(?:reporting|writing|editing|compiled|produced)\s+by\s+([^;().]+)", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?\s*)?([A-Z][\w&.' -]{2,60})", re.I)
_BIO_VERB = r"(?:is|was|serves|has been|has|holds|works|joined|leads|covers|writes)\b"
_BIO_DOUBLED = re.compile(rf"^(?P<name>[A-Z][\w'’.-]+(?:\s+{_NAME_TOKEN}){{1,3}})\s+(?P=name)\s+{_BIO_VERB}")
_BIO = re.compile(rf"^(?P<name>[A-Z][\w'’.-]+(?:\s+{_NAME_TOKEN}){{1,3}})\s+{_BIO_VERB}")


@dataclass(frozen=True)
class FoundDate:
    iso: str
    updated: bool  # an "Updated ..." line: used only when no publication line exists


def find_date(text: str, rules: Rules) -> FoundDate | None:
    """The ISO date of a short date line ("September 9, 2024", "> May 9th 2023", "Updated 2019-11-18")."""
    words = text.split()
    if not words or len(words) > MAX_DATE_LINE_WORDS:
        return None
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["m"]) if gd.get("m") else _MONTHS[gd["mon"].lower().rstrip(".")]
        day, year = int(gd["d"]), int(gd["y"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        rest = (text[: m.start()] + " " + text[m.end():]).strip()
        if len(re.findall(r"[a-z]{4,}", rest)) > 6:  # a sentence that mentions a date, not a date line
            return None
        key = normalise_key(text)
        updated = any(key.startswith(p) for p in rules.updated_prefixes)
        return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", updated)
    return None


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:.-–—|")
    name = re.sub(r"\b(?:at|for|in|of)\b.*$", "", name).strip(" ,;:.-")
    return name


def split_names(text: str, rules: Rules) -> tuple[str, ...]:
    """'Raffaele Huang and Liza Lin' -> both names; anything that is not a 2-4 word name is dropped."""
    names = []
    for part in _NAME_SPLIT.split(text):
        part = _clean_name(part)
        if (
            part
            and _NAME.fullmatch(part)
            and len(part.split()) <= 4
            and not any(w.lower().strip(".") in rules.role_words for w in part.split())
        ):
            names.append(part)
    return tuple(dict.fromkeys(names))


def byline_prefix(text: str, rules: Rules) -> str:
    """The byline prefix a short block starts with ('By', 'di', 'COMMENTARY BY:'), or ''."""
    low = text.lower().lstrip("—–- ")
    for p in rules.byline_prefixes:
        if low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum()):
            return text.lstrip("—–- ")[: len(p)]
    return ""


def find_byline(text: str, rules: Rules) -> tuple[str, tuple[str, ...]] | None:
    """(prefix, names) for a byline block; names may be empty ('COMMENTARY BY:' with names below)."""
    if len(text.split()) > 16:
        return None
    prefix = byline_prefix(text, rules)
    if not prefix:
        return None
    rest = text.lstrip("—–- ")[len(prefix):].strip(" :|-–—")
    if not rest:
        return prefix, ()
    rest = re.split(r"\s[|•·]\s|\s[-–—]\s", rest)[0]
    names = split_names(rest, rules)
    if not names:
        return None
    return prefix, names


def names_after_by(text: str, rules: Rules) -> tuple[str, ...]:
    """Names after ' by ' inside a short line ('Posted on April 3, 2022 by Tom Baker')."""
    m = re.search(r"\bby\s+(.+)$", text, re.I)
    return split_names(m.group(1), rules) if m and len(text.split()) <= MAX_DATE_LINE_WORDS else ()


def find_name_line(text: str, rules: Rules) -> tuple[str, ...]:
    """A block that is only names (the line under 'COMMENTARY BY:')."""
    if len(text.split()) > 12 or text.endswith("."):
        return ()
    names = split_names(text, rules)
    return names if names and sum(len(n) for n in names) >= len(re.sub(r"\W+and\W+|[,;&]", "", text)) - 4 else ()


def find_credit(text: str, rules: Rules) -> tuple[str, ...] | None:
    """Names in a credit line ('Write to X at x@..., and Y at y@...', '(Reporting by X; Editing by Y)')."""
    if not any(p.search(text) for p in rules.credit_patterns):
        return None
    m = _WRITE_TO.match(text.strip())
    if m:
        body = _EMAIL.sub(" ", m.group(1))
        body = re.sub(r"\bat\b", ",", body)
        return split_names(body, rules)
    names: list[str] = []
    for m in _CREDIT_NAMES.finditer(text):
        if m.group(0).lower().startswith(("reporting", "writing", "additional")):
            names.extend(split_names(m.group(1), rules))
    return tuple(dict.fromkeys(names))


def find_bio(text: str, rules: Rules) -> str:
    """The subject of an author bio ('Paul Triolo is a partner ...'), or ''."""
    m = _BIO_DOUBLED.match(text) or _BIO.match(text)
    if not m:
        return ""
    low = text.lower()
    if not any(k in low for k in rules.bio_keywords):
        return ""
    return _clean_name(m.group("name"))


def outlet_from_text(texts: list[str], rules: Rules) -> tuple[str, str]:
    """(outlet, basis) from a wire dateline, a known e-mail domain or a copyright line."""
    wire = re.compile(r"\((" + "|".join(re.escape(w) for w in rules.wires) + r")\)\s*[-–—]")
    for t in texts[:5]:
        m = wire.search(t[:120])
        if m:
            return m.group(1), f"dateline '{t[: m.end()].strip()}'"
    domains = dict(rules.outlet_domains)
    for t in texts:
        for m in _EMAIL.finditer(t):
            dom = m.group(1).lower()
            for known, name in domains.items():
                if dom == known or dom.endswith("." + known):
                    return name, f"e-mail domain '{dom}'"
    return "", ""


def outlet_from_copyright(text: str) -> str:
    m = _COPYRIGHT.search(text)
    if not m or len(text.split()) > 20:
        return ""
    name = re.split(r"\s*(?:[.,|]|all rights|\bllc\b|\binc\b)", m.group(1), flags=re.I)[0].strip()
    return name if 2 < len(name) <= 60 and name[0].isupper() else ""


def looks_like_title(text: str, *, words: int) -> bool:
    """Headline-shaped: a few words, capitalised, no closing full stop (an abbreviation like U.S. is fine)."""
    ends_badly = text.endswith((":", ",", ";")) or (text.endswith(".") and not re.search(r"\b(?:[A-Z]\.){2,}$", text))
    return 3 <= words <= 30 and len(text) <= 220 and not ends_badly and text[:1].isupper()
