"""Ingest: raw bytes + file name -> RawDocument.

Decodes text defensively (UTF-8, UTF-16 with BOM, then cp1252 with a warning), refuses binary,
empty and oversized input with a one-line reason, turns HTML into plain text without ever
executing or keeping markup, and reads user metadata from YAML front matter or a JSON sidecar.
No file system access here: the flow passes bytes in.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser

import yaml

from pipeline.documents import RawDocument, UserMetadata

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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def is_input_file(name: str) -> bool:
    """Files the flow lists as documents: everything visible that is not a metadata sidecar."""
    return not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX)


def assign_doc_ids(file_names: Iterable[str]) -> dict[str, str]:
    """Stable, unique, filesystem-safe ids from file names (stem; a suffix only on a clash)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(file_names):
        stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
        base = _DOC_ID_UNSAFE.sub("_", stem).strip("._") or "document"
        doc_id, n = base, 2
        while doc_id in taken:
            doc_id, n = f"{base}_{n}", n + 1
        taken.add(doc_id)
        ids[name] = doc_id
    return ids


def read_document(
    source_file: str, raw: bytes, *, doc_id: str, sidecar: bytes | None = None
) -> RawDocument:
    """Decode one input file; never raises for bad content, sets ``problem`` instead."""
    digest = sha256_hex(raw)

    def refuse(reason: str, status: str = "skipped") -> RawDocument:
        return RawDocument(doc_id, source_file, digest, "", problem=reason, problem_status=status)

    if not source_file.lower().endswith(TEXT_SUFFIXES):
        return refuse(f"not a text document (expected one of {', '.join(TEXT_SUFFIXES)})")
    if len(raw) == 0:
        return refuse("empty file")
    if len(raw) > MAX_BYTES:
        return refuse(f"file too large ({len(raw) / 1e6:.1f} MB; limit {MAX_BYTES / 1e6:.0f} MB)")
    text, encoding = _decode(raw)
    if text is None:
        return refuse("binary file (not text)", "error")
    user_meta = UserMetadata()
    if sidecar is not None:
        try:
            user_meta = _metadata_from_mapping(json.loads(sidecar.decode("utf-8-sig")))
        except (ValueError, UnicodeDecodeError) as exc:
            return refuse(f"unreadable metadata sidecar ({type(exc).__name__}: {exc})", "error")
    text, front = _split_front_matter(text)
    if front is not None:
        user_meta = _merge(user_meta, front)  # the sidecar wins over front matter
    fmt = "md" if source_file.lower().endswith((".md", ".markdown")) else "txt"
    if _looks_like_html(text):
        text, fmt = html_to_text(text), "txt"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return refuse("no text (only whitespace or markup)")
    return RawDocument(doc_id, source_file, digest, text, fmt, user_meta, encoding=encoding)


def _decode(raw: bytes) -> tuple[str | None, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "cp1252")
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL.findall(text) and len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
            return None, encoding
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    return None, ""


def _split_front_matter(text: str) -> tuple[str, UserMetadata | None]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, None
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return text, None
    if not isinstance(data, dict):
        return text, None
    return text[match.end():], _metadata_from_mapping(data)


def _metadata_from_mapping(data: object) -> UserMetadata:
    if not isinstance(data, dict):
        raise ValueError("metadata must be a JSON/YAML object")
    authors = data.get("authors", data.get("author", ()))
    if isinstance(authors, str):
        authors = [a.strip() for a in re.split(r";|\band\b|,", authors) if a.strip()]
    return UserMetadata(
        title=str(data.get("title") or "").strip(),
        authors=tuple(str(a).strip() for a in authors or () if str(a).strip()),
        published=str(data.get("published") or data.get("date") or "").strip(),
        outlet=str(data.get("outlet") or data.get("source") or data.get("site") or "").strip(),
        url=str(data.get("url") or "").strip(),
    )


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


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one paragraph per block element; scripts and styles dropped."""

    _BLOCK = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                        "article", "header", "footer", "nav", "aside", "table", "tr", "td", "th", "blockquote",
                        "figure", "figcaption", "main", "pre", "hr", "title"})
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    text = re.sub(r"[ \t\f\v]+", " ", text)
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()
