"""Ingest: raw bytes + file name -> RawDocument.

Decodes text defensively (a BOM, UTF-8, the charset an HTML page declares, else the most
plausible legacy encoding, with a note), refuses binary, empty and oversized input with a
one-line reason, hands HTML pages to ``webpage`` (trafilatura; markup is never executed or kept),
and reads user metadata from YAML front matter or a JSON sidecar, checked value by value.
No file system access here: the flow passes bytes in.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterable

import charset_normalizer
import yaml

from pipeline import webpage
from pipeline.documents import RawDocument, UserMetadata, error_reason, one_line

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"
# Far above any news article (the longest seed is 16 kB); beyond this spaCy and the report
# would spend minutes on something that is almost certainly not one article.
MAX_BYTES = 5_000_000
# Share of control characters above which decoded bytes are treated as binary.
MAX_CONTROL_SHARE = 0.01

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_TAG_DENSITY = re.compile(r"</?(?:p|div|span|br|a|li|ul|h[1-6]|table|td|tr|script|style)\b[^>]*>", re.I)
_DOC_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
# A doc_id names output files (processed/clean/<doc_id>.txt): one made from a longer file name is
# cut and given a short hash of the whole name, so that no output name nears the file system's
# 255-byte limit however long a legal input name is.
MAX_DOC_ID_CHARS = 100
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# A word: letters, and the Latin-1 symbols that mojibake puts inside words ("powiedzia³").
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|[\u00a1-\u00bf])*")
# Legacy encodings the web still serves (WHATWG's list, the DOS code pages left out).
LEGACY_WEB_ENCODINGS = ("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
                        "cp1258", "koi8_r", "koi8_u", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8",
                        "cp874", "cp932", "euc_jp", "iso2022_jp", "gb18030", "big5", "euc_kr")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# Editor backups and lock files ("article.txt~", "#article.txt#", ".#article.txt", "article.txt.swp").
_EDITOR_LEFTOVER = re.compile(r"(?:~|\.sw[a-p]|\.bak|\.orig|\.tmp)$|^#.*#$|^\.#", re.I)


def is_input_file(name: str) -> bool:
    """Entries the flow lists as documents: everything visible that is not a metadata sidecar or
    an editor's backup."""
    return not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX) and not _EDITOR_LEFTOVER.search(name)


def name_problem(name: str) -> str:
    """Why a file name cannot be used ('' when it can): not valid UTF-8, or control characters
    (a newline in a name could forge a line of the summary)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8"
    if _CONTROL_OR_NEWLINE.search(name):
        return "file name holds a newline or another control character"
    return ""


def printable_name(name: str) -> str:
    """A file name safe to print on one line: undecodable bytes and control characters as '?'."""
    return _CONTROL_OR_NEWLINE.sub("?", name.encode("utf-8", "replace").decode("utf-8", "replace"))


def refused(source_file: str, doc_id: str, reason: str, status: str = "skipped") -> RawDocument:
    """The row of an entry the file edge did not read (a link, a FIFO, a file over the limit ...)."""
    return RawDocument(doc_id, source_file, "", "", problem=reason, problem_status=status or "skipped")


def assign_doc_ids(file_names: Iterable[str]) -> dict[str, str]:
    """Stable, unique, filesystem-safe ids from file names (stem; a suffix only on a clash)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(file_names):
        stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
        base = _DOC_ID_UNSAFE.sub("_", stem).strip("._") or "document"
        if len(base) > MAX_DOC_ID_CHARS:
            digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
            base = f"{base[:MAX_DOC_ID_CHARS - 13]}_{digest}"
        doc_id, n = base, 2
        while doc_id in taken:
            doc_id, n = f"{base}_{n}", n + 1
        taken.add(doc_id)
        ids[name] = doc_id
    return ids


def too_large(size: int, limit: int) -> str:
    return f"file too large ({size:,} bytes; the limit is {limit:,})"


def _kind_of(value: object) -> str:
    """'a number', 'a list' ...: a JSON or YAML value's kind, in words."""
    kinds = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping",
             type(None): "empty"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def read_document(
    source_file: str, raw: bytes, *, doc_id: str, sidecar: bytes | None = None
) -> RawDocument:
    """Decode one input file; never raises: anything wrong becomes ``problem`` (one line)."""
    try:
        return _read_document(source_file, raw, doc_id=doc_id, sidecar=sidecar)
    except Exception as exc:  # a bug or an input nobody foresaw: this document fails, the others go on
        return RawDocument(doc_id, source_file, sha256_hex(raw), "", problem=f"could not be read: {error_reason(exc)}",
                           problem_status="error")


# Control characters other than tab and newline (C0, DEL, C1), which no article needs and which
# break what the tool writes (a workbook refuses them, a terminal obeys an ESC, a NUL ends a C
# string): a form feed or vertical tab (page breaks of text pulled from PDFs) becomes a newline, the
# others are removed. Done once, at ingest, so that every offset points into the text as cleaned.
_PAGE_BREAK = re.compile("[\x0b\x0c]")
_STRIPPED_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def strip_control(text: str) -> tuple[str, int]:
    """(the text without control characters, how many there were)."""
    count = len(_PAGE_BREAK.findall(text)) + len(_STRIPPED_CONTROL.findall(text))
    if not count:
        return text, 0
    return _STRIPPED_CONTROL.sub("", _PAGE_BREAK.sub("\n", text)), count


def _read_document(source_file: str, raw: bytes, *, doc_id: str, sidecar: bytes | None) -> RawDocument:
    digest = sha256_hex(raw)

    def refuse(reason: str, status: str = "skipped") -> RawDocument:
        return RawDocument(doc_id, source_file, digest, "", problem=reason, problem_status=status)

    if not source_file.lower().endswith(TEXT_SUFFIXES):
        return refuse(f"not a text document (expected one of {', '.join(TEXT_SUFFIXES)})")
    if len(raw) == 0:
        return refuse("empty file")
    if len(raw) > MAX_BYTES:
        return refuse(too_large(len(raw), MAX_BYTES))
    text, encoding, note = _decode(raw)
    if text is None:
        return refuse("binary file (not text)", "error")
    user_meta = UserMetadata()
    warnings: list[str] = [note] if note else []
    text, removed = strip_control(text)
    if removed:
        warnings.append(f"{removed} control character{'s' if removed > 1 else ''} removed (form feeds as line breaks)")
    if sidecar is not None:
        try:
            user_meta, problems = _metadata_from_mapping(json.loads(sidecar.decode("utf-8-sig")))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            return refuse(f"unreadable metadata sidecar ({type(exc).__name__}: {one_line(str(exc), 120)})", "error")
        warnings += [f"sidecar: {p}" for p in problems]
    text, front, problems = _split_front_matter(text)
    warnings += [f"front matter: {p}" for p in problems]
    if front is not None:
        user_meta = _merge(user_meta, front)  # the sidecar wins over front matter
    fmt = "md" if source_file.lower().endswith((".md", ".markdown")) else "txt"
    page = None
    if _looks_like_html(text):
        page = webpage.read_page(text)
        text, fmt = page.text, "html"
        if page.extractor != "trafilatura":
            warnings.append("HTML: trafilatura found no article; the page's visible text was cleaned instead")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return refuse("no text (only whitespace or markup)")
    return RawDocument(doc_id, source_file, digest, text, fmt, user_meta, encoding=encoding,
                       warnings=tuple(warnings), page_meta=page.meta if page else UserMetadata(),
                       left_out=page.left_out if page else (), extractor=page.extractor if page else "")


def _decode(raw: bytes) -> tuple[str | None, str, str]:
    """(text, encoding, note): a BOM, else strict UTF-8, else the charset an HTML page declares,
    else the most plausible of cp1252, cp1250 and charset-normalizer's guess among the web's
    legacy encodings. ``text`` is None for binary data; ``note`` says how a legacy encoding was chosen."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            note = "" if encoding == "utf-8-sig" else f"decoded as {encoding} (byte-order mark)"
            return _text_or_binary(raw.decode(encoding, errors="replace")), encoding, note
    try:
        return _text_or_binary(raw.decode("utf-8")), "utf-8", ""
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(raw[:4096])
    if declared:
        try:
            return _text_or_binary(raw.decode(declared)), declared, f"decoded as {declared} (declared by the page)"
        except (UnicodeDecodeError, LookupError, ValueError):
            pass  # a charset that does not fit the bytes: detect one instead
    candidates = ["cp1252", "cp1250"]
    guess = charset_normalizer.from_bytes(raw, cp_isolation=list(LEGACY_WEB_ENCODINGS)).best()
    if guess is not None and guess.encoding not in candidates:
        candidates.insert(0, guess.encoding)
    decoded = {enc: raw.decode(enc, errors="replace") for enc in candidates}
    best = min(candidates, key=lambda enc: (_implausibility(decoded[enc]), enc != "cp1252"))
    return _text_or_binary(decoded[best]), best, f"not UTF-8: decoded as {best} (detected)"


def _text_or_binary(text: str) -> str | None:
    controls = len(_CONTROL.findall(text))
    return None if controls > MAX_CONTROL_SHARE * len(text) else text


def _declared_charset(head: bytes) -> str:
    match = _DECLARED_CHARSET.search(head)
    if not match:
        return ""
    try:
        info = codecs.lookup(match.group(1).decode("ascii"))
    except LookupError:
        return ""
    # Only text encodings: Python's "hex", "base64" or "rot13" codecs are no charset of a page.
    return info.name if getattr(info, "_is_text_encoding", True) else ""


def _implausibility(text: str) -> float:
    """Share of words that look like mojibake: symbols inside a word ("powiedzia³") or mostly
    accented Latin letters ("Ìèíèñòð", Cyrillic read as cp1252). Real text scores near 0."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 0.0
    odd = 0
    for word in words:
        letters = [c for c in word if c.isalpha()]
        accented = sum("\u00c0" <= c <= "\u024f" for c in letters)
        if len(letters) < len(word) or (len(letters) > 2 and accented * 2 > len(letters)):
            odd += 1
    return odd / len(words)


# Front matter is a handful of fields; a bigger block is not front matter (and bounds YAML's work).
MAX_FRONT_MATTER_CHARS = 8_000
# Metadata strings longer than this are cut (a title is a line, not a page).
MAX_META_CHARS = 500
MAX_AUTHORS = 20


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases (a 670-byte "billion laughs" block cannot expand) and
    without implicit timestamps (a date stays text, checked by ``_real_date``: "2024-02-31" is a
    problem to report, not an exception)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases are not allowed in front matter")
        return super().compose_node(parent, index)


_NoAliasLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _split_front_matter(text: str) -> tuple[str, UserMetadata | None, list[str]]:
    """(text without the front matter, its metadata, problems found in it)."""
    match = _FRONT_MATTER.match(text[: MAX_FRONT_MATTER_CHARS + 200])
    if not match:
        return text, None, []
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        return text[match.end():], None, [f"longer than {MAX_FRONT_MATTER_CHARS:,} characters, ignored"]
    try:
        data = yaml.load(match.group(1), Loader=_NoAliasLoader)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # ValueError: "published: 2024-02-31"
        return text[match.end():], None, [f"not valid YAML ({one_line(str(exc), 80)}), ignored"]
    if not isinstance(data, dict):
        return text, None, []
    meta, problems = _metadata_from_mapping(data)
    return text[match.end():], meta, problems


def _metadata_from_mapping(data: object) -> tuple[UserMetadata, list[str]]:
    """User metadata with each value checked (type, length, a real date); problems say what was
    ignored. Raises ValueError when the whole thing is not a mapping."""
    if not isinstance(data, dict):
        raise ValueError("metadata must be a JSON/YAML object")
    problems: list[str] = []

    def text(*keys: str) -> str:
        for key in keys:
            value = data.get(key)
            if value is None or value == "":
                continue
            if (isinstance(value, (str, int, float)) and not isinstance(value, bool)) or _is_date(value):
                return _cut(str(value).strip(), key, problems)
            problems.append(f"'{key}' is {_kind_of(value)}, not text; ignored")
        return ""

    authors_raw = data.get("authors", data.get("author"))
    authors: list[str] = []
    if isinstance(authors_raw, str):
        authors = [a.strip() for a in re.split(r";|\band\b|,", authors_raw) if a.strip()]
    elif isinstance(authors_raw, list):
        authors = [str(a).strip() for a in authors_raw if isinstance(a, (str, int, float)) and str(a).strip()]
        if len(authors) != len(authors_raw):
            problems.append("'authors' holds values that are not names; those were ignored")
    elif authors_raw is not None:
        problems.append(f"'authors' is {_kind_of(authors_raw)}, not a name or a list of names; ignored")
    published = text("published", "date")
    if published and not _real_date(published):
        problems.append(f"'published' {published!r} is not a real date (YYYY-MM-DD, YYYY-MM or YYYY); ignored")
        published = ""
    if len(authors) > MAX_AUTHORS:
        problems.append(f"'authors' names {len(authors)} people; the first {MAX_AUTHORS} were kept")
    return UserMetadata(
        title=text("title"),
        authors=tuple(_cut(a, "authors", problems) for a in authors[:MAX_AUTHORS]),
        published=published,
        outlet=text("outlet", "source", "site"),
        url=text("url"),
    ), problems


def _cut(value: str, key: str, problems: list[str]) -> str:
    """A metadata value without control characters, at most MAX_META_CHARS long."""
    value, removed = strip_control(value)
    if removed:
        problems.append(f"'{key}' held {removed} control character{'s' if removed > 1 else ''}; removed")
    if len(value) <= MAX_META_CHARS:
        return value
    problems.append(f"'{key}' is longer than {MAX_META_CHARS} characters; cut")
    return value[:MAX_META_CHARS]


def _is_date(value: object) -> bool:
    import datetime

    return isinstance(value, (datetime.date, datetime.datetime))


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
                       r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
# Publication years outside this range are typos or placeholders ("0001-01-01", "9999-12-31").
PUBLISHED_YEARS = (1800, 2100)


def _real_date(value: str) -> bool:
    """An ISO date (year, year-month or full date, optional time) that exists on the calendar."""
    import datetime

    m = _ISO_DATE.fullmatch(value.strip())
    if not m or not PUBLISHED_YEARS[0] <= int(m[1]) <= PUBLISHED_YEARS[1]:
        return False
    try:
        datetime.datetime(int(m[1]), int(m[2] or 1), int(m[3] or 1), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    except ValueError:
        return False  # 2024-02-31, or a time of day such as 99:99:99
    return True


def _merge(preferred: UserMetadata, fallback: UserMetadata) -> UserMetadata:
    return UserMetadata(
        title=preferred.title or fallback.title,
        authors=preferred.authors or fallback.authors,
        published=preferred.published or fallback.published,
        outlet=preferred.outlet or fallback.outlet,
        url=preferred.url or fallback.url,
    )


def _looks_like_html(text: str) -> bool:
    head = text[:5000]
    return bool(_HTML_SNIFF.match(head)) or len(_TAG_DENSITY.findall(head)) >= 8
