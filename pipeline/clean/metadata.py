"""Metadata the text shows: publication date, authors (bylines, credit lines, bios), title, outlet.

Each finder looks at one block and returns what it found (or nothing); ``clean_document``
decides where in the page to look. Dates are parsed by a small set of explicit patterns (no
guessing of day/month order) so an unknown date stays empty rather than wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from pipeline.clean.rules import Rules, normalise_key
from pipeline.vocab.timeml import FOREIGN_MONTHS, MONTHS

# English and the foreign month names seen in page headers ("12 maggio 2023").
_MONTHS = {**MONTHS, **FOREIGN_MONTHS}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
# Between day and year: ", " or " " or a dash ("November 27-2005"); scrapers drop the space
# after the comma ("November 11,2011").
_DAY_YEAR_SEP = r"(?:,\s*|\s+|\s*[-–]\s*)"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?\s+{_DAY}{_DAY_YEAR_SEP}{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\.?,?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)\b"),
)
# "11/28/05", "Posted 11/27/2005", "05/05/2010": numeric day and month in either order. Read
# only when the order is certain (one number > 12, or both equal) or when the URL's date picks
# one reading; otherwise the date stays unknown rather than guessed.
_NUMERIC_DATE = re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
# Typo'd month names in header lines ("Novemer 27, 2005"): a word of letters in month position.
_FUZZY_MONTH_DATE = re.compile(rf"\b(?P<mon>[A-Za-z]{{5,10}})\.?\s+{_DAY}{_DAY_YEAR_SEP}{_YEAR}\b")
# Full month names a typo may come from (short names like "May", "June" are too close to words).
_FUZZY_MONTH_NAMES = ("january", "february", "march", "april", "august", "september", "october",
                      "november", "december")
# Edits allowed for a typo'd month: 1 for names up to 6 letters, 2 for longer ones ("Novemer",
# "Septembr"); more would let ordinary words ("Monday") pass for months.
FUZZY_MONTH_SHORT_LEN = 6
# A date line is short: a date, maybe a weekday, a time, a prefix ("Published") or a source name.
# "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET" has 16 words; the
# prose test below (few lower-case words besides the date) keeps sentences out.
MAX_DATE_LINE_WORDS = 20
# Two-digit years (yy) are read as 20yy below this value, 19yy from it.
TWO_DIGIT_YEAR_PIVOT = 50

# Dates inside URLs: /2005-11-27-, /2010/05/05/, /2005/nov/28/, 20100505 (not followed by digits).
_URL_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)/(?P<mon>{_MONTH_RE})/(?P<d>[0-3]?\d)(?!\d)", re.I),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>[0-3]\d)(?!\d)"),
)
# Year and month only (/05/nov/, /2013/03/): not a publication date, but it can settle the
# day/month order of a numeric date line.
_URL_MONTH_PATTERNS = (
    re.compile(rf"/(?P<y>(?:19|20)?\d\d)/(?P<mon>{_MONTH_RE})/", re.I),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])/"),
)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)

_NAME_TOKEN = r"(?:[A-Z][\w'’.-]{0,40}|(?:de|da|di|del|della|van|von|der|den|bin|al|le|la|du|dos|das)\b)"
_NAME = re.compile(rf"[A-Z][\w'’.-]{{1,40}}(?:\s+{_NAME_TOKEN}){{1,3}}")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\be\b|\by\b)\s*")
# Anchored at a word start and bounded: linear on a 2 MB line without spaces (it was quadratic).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@([\w-]{1,63}(?:\.[\w-]{1,63}){1,8})")
_ENDS_WITH_FULL_STOP = re.compile(r"[a-z]{2}\.$")
_WRITE_TO = re.compile(r"^write to\s+(.*)$", re.I)
_CREDIT_NAMES = re.compile(r"(?:reporting|writing|editing|compiled|produced)\s+by\s+([^;().]+)", re.I)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?\s*)?([A-Z][\w&.' -]{2,60})", re.I
)
_BIO_VERB = r"(?:is|was|serves|has been|has|holds|works|joined|leads|covers|writes)\b"
_BIO_DOUBLED = re.compile(rf"^(?P<name>[A-Z][\w'’.-]+(?:\s+{_NAME_TOKEN}){{1,3}})\s+(?P=name)\s+{_BIO_VERB}")
_BIO = re.compile(rf"^(?P<name>[A-Z][\w'’.-]+(?:\s+{_NAME_TOKEN}){{1,3}})\s+{_BIO_VERB}")

@dataclass(frozen=True)
class FoundDate:
    iso: str
    updated: bool  # an "Updated ..." line: used only when no publication line exists


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def fuzzy_month(word: str) -> int:
    """The month a typo'd name stands for ("Novemer" -> 11), or 0."""
    w = word.lower()
    if w in _MONTHS:
        return _MONTHS[w]
    for name in _FUZZY_MONTH_NAMES:
        allowed = 1 if len(name) <= FUZZY_MONTH_SHORT_LEN else 2
        if abs(len(name) - len(w)) <= allowed and w[0] == name[0] and _edit_distance(w, name) <= allowed:
            return _MONTHS[name]
    return 0


def _year(text: str) -> int:
    y = int(text)
    if y < 100:
        y += 2000 if y < TWO_DIGIT_YEAR_PIVOT else 1900
    return y


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def url_date(url: str) -> tuple[str, str]:
    """(ISO date, the matched part) of a date in a URL path (/2005-11-27-, /2005/nov/28/), or ('', '')."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pattern in _URL_DATE_PATTERNS:
        for m in pattern.finditer(path):
            gd = m.groupdict()
            month = int(gd["m"]) if gd.get("m") else _MONTHS[gd["mon"].lower()]
            year, day = int(gd["y"]), int(gd["d"])
            if _valid(year, month, day):
                return f"{year:04d}-{month:02d}-{day:02d}", m.group(0)
    return "", ""


def url_month(url: str) -> tuple[int, int]:
    """(year, month) a URL path shows, from a full date or a year/month pair; (0, 0) when none."""
    iso, _ = url_date(url)
    if iso:
        return int(iso[:4]), int(iso[5:7])
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pattern in _URL_MONTH_PATTERNS:
        m = pattern.search(path)
        if m:
            gd = m.groupdict()
            month = int(gd["m"]) if gd.get("m") else _MONTHS[gd["mon"].lower()]
            return _year(gd["y"]), month
    return 0, 0


def is_url_line(text: str) -> bool:
    """A block that is only a web address (the source URL scrapers put on the first line)."""
    return bool(_URL_ONLY.match(text.strip()))


def _numeric_date(m: re.Match[str], hint: tuple[int, int]) -> tuple[int, int, int] | None:
    a, b, year = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
    readings = {(year, mo, d) for mo, d in ((a, b), (b, a)) if 1 <= mo <= 12 and _valid(year, mo, d)}
    if len(readings) == 1:
        return readings.pop()
    if hint != (0, 0):
        matching = [r for r in readings if (r[0], r[1]) == hint]
        if len(matching) == 1:
            return matching[0]
    return None


def find_date(
    text: str, rules: Rules, *, fuzzy: bool = False, hint: tuple[int, int] = (0, 0)
) -> FoundDate | None:
    """The ISO date of a short date line ("September 9, 2024", "> May 9th 2023", "Updated 2019-11-18").

    ``fuzzy`` also reads numeric dates ("11/28/05") and typo'd month names ("Novemer 27, 2005"),
    which is only safe on header lines; ``hint`` is the (year, month) of the page's URL, used to
    settle day/month order of a numeric date.
    """
    words = text.split()
    if not words or len(words) > MAX_DATE_LINE_WORDS or is_url_line(text):
        return None
    found: tuple[int, int, int, re.Match[str]] | None = None
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["m"]) if gd.get("m") else _MONTHS[gd["mon"].lower().rstrip(".")]
        day, year = int(gd["d"]), int(gd["y"])
        if _valid(year, month, day):
            found = (year, month, day, m)
            break
    if found is None and fuzzy:
        for m in _NUMERIC_DATE.finditer(text):
            ymd = _numeric_date(m, hint)
            if ymd:
                found = (*ymd, m)
                break
    if found is None and fuzzy:
        for m in _FUZZY_MONTH_DATE.finditer(text):
            month = fuzzy_month(m.group("mon"))
            year, day = int(m.group("y")), int(m.group("d"))
            if month and _valid(year, month, day):
                found = (year, month, day, m)
                break
    if found is None:
        return None
    year, month, day, m = found
    rest = (text[: m.start()] + " " + text[m.end():]).strip()
    if len(re.findall(r"[a-z]{4,}", rest)) > 6:  # a sentence that mentions a date, not a date line
        return None
    key = normalise_key(text)
    updated = any(key.startswith(p) for p in rules.updated_prefixes)
    return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", updated)


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


_BYLINE_PARTS = re.compile(r"\s[|•·]\s|,\s|\s[-–—]\s")
_HANDLE = re.compile(r"@\w{1,30}")


def find_bare_byline(text: str, rules: Rules) -> tuple[tuple[str, ...], bool] | None:
    """(names, has details) for a byline without a prefix: 'Priya Raman', 'Tomas Lindqvist,
    Transport Correspondent', 'Amara Nwosu | Senior Fellow', 'Fatima Zahra • 27 January 2026'.
    Every part after the names must be a role, a handle or a date; None when it is not a byline.
    A bare name alone is only a byline in context (the caller checks its neighbours)."""
    if len(text.split()) > 16 or _ENDS_WITH_FULL_STOP.search(text):
        return None
    first, *details = _BYLINE_PARTS.split(text.strip())
    if any(w.lower().strip(".,'’") in rules.not_name_words for w in first.split()):
        return None
    names = find_name_line(first, rules)
    if not names or not all(is_author_detail(d, rules) for d in details):
        return None
    return names, bool(details)


def is_author_detail(text: str, rules: Rules) -> bool:
    """A line that sits beside an author's name: a role ('Business reporter', 'Senior Fellow,
    Food Security Program'), a handle ('@danawhitfield') or a date."""
    text = text.strip()
    if _HANDLE.fullmatch(text) or text.lower().startswith("reporting from "):
        return True
    words = text.split()
    if not words or len(words) > 8 or _ENDS_WITH_FULL_STOP.search(text):
        return False
    if any(w.lower().strip(".,") in rules.role_words for w in words):
        return True
    return find_date(text, rules) is not None


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
    if not _bio_keyword_pattern(rules.bio_keywords).search(text):
        return ""
    return _clean_name(m.group("name"))


@functools.lru_cache(maxsize=4)
def _bio_keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """The bio keywords as whole words (a plural allowed): "the park authority said" names no
    author, "a leading surgeon" no lead."""
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keywords) + r")s?\b", re.IGNORECASE)


def outlet_from_text(texts: list[str], rules: Rules) -> tuple[str, str]:
    """(outlet, basis) from a wire dateline, a known e-mail domain or a copyright line."""
    wire = re.compile(r"\((" + "|".join(re.escape(w) for w in rules.wires) + r")\)\s*[-–—]")
    for t in texts[:5]:
        m = wire.search(t[:120])
        if m:
            return m.group(1), f"dateline '{t[: m.end()].strip()}'"
    for t in texts:
        for m in _EMAIL.finditer(t):
            dom = m.group(1).lower()
            name = known_outlet(dom, rules)
            if name:
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
    # "5.9 Earthquake Jolts Iran" and "'Several die' in south Iran quake" are headlines too.
    starts_well = bool(re.match(r"[\"'“‘]?[A-Z0-9]", text))
    return 3 <= words <= 30 and len(text) <= 220 and not ends_badly and starts_well and not _is_menu(text)


def _is_menu(text: str) -> bool:
    """'World | Europe | Business | Opinion': three or more one- or two-word items between bars."""
    items = re.split(r"\s[|•·>/]\s", text)
    return len(items) >= 3 and all(len(item.split()) <= 2 for item in items)


def known_outlet(host: str, rules: Rules) -> str:
    """The outlet of a host or e-mail domain from the rules' table; the longest known suffix wins."""
    host = host.lower().strip(".")
    best = ""
    name = ""
    for known, outlet in rules.outlet_domains:
        if (host == known or host.endswith("." + known)) and len(known) > len(best):
            best, name = known, outlet
    return name


def registered_domain(host: str, rules: Rules) -> str:
    """'articles.latimes.com' -> 'latimes.com', 'www.independent.co.uk' -> 'independent.co.uk'.

    Blog platforms (rules: [outlets] platforms) keep the blog's own host ('x.blogspot.com').
    """
    host = host.lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    labels = host.split(".")
    for platform in rules.platforms:
        p_labels = platform.split(".")
        if len(p_labels) == 1 and p_labels[0] in labels[:-1]:
            i = labels.index(p_labels[0])
            return ".".join(labels[max(0, i - 1):])
        if host.endswith("." + platform):
            return ".".join(labels[-len(p_labels) - 1:])
    # Country-code second-level domains: co.uk, com.au, org.eg, ne.jp ...
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in rules.second_level_labels else 2
    return ".".join(labels[-keep:])


def outlet_from_url(url: str, rules: Rules) -> str:
    """Outlet from the URL's host: a well-known outlet's name, else its registered domain."""
    try:
        host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    except ValueError:
        return ""
    if not host or "." not in host:
        return ""
    return known_outlet(host, rules) or registered_domain(host, rules)
