"""Cleaning rules: the packaged ``data/clean_rules.toml`` merged with an optional user file.

Site knowledge (UI words, section markers, byline prefixes, outlet domains, stop words) is data
so users can extend it without code. ``load_rules`` compiles it once into a frozen ``Rules``;
the defaults are cached, a user file is merged over them (lists extended, tables updated).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.resources import data_text

_PACKAGE_FILE = "clean_rules.toml"


@dataclass(frozen=True)
class Rules:
    """Compiled cleaning rules; build with ``load_rules``."""

    boilerplate_lines: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    inline_patterns: tuple[re.Pattern[str], ...]
    markers: tuple[tuple[str, str], ...]  # (normalised marker text, kind)
    marker_patterns: tuple[re.Pattern[str], ...]
    byline_prefixes: tuple[str, ...]  # longest first
    credit_patterns: tuple[re.Pattern[str], ...]
    role_words: frozenset[str]
    not_name_words: frozenset[str]
    bio_keywords: tuple[str, ...]
    published_prefixes: tuple[str, ...]
    updated_prefixes: tuple[str, ...]
    wires: tuple[str, ...]
    outlet_domains: tuple[tuple[str, str], ...]
    platforms: tuple[str, ...]  # blog hosts where the subdomain is the outlet
    second_level_labels: frozenset[str]  # "co" in co.uk: registered domains have three labels
    stopwords: frozenset[str]

    @property
    def boilerplate_any(self) -> re.Pattern[str]:
        """All boilerplate patterns as one alternation (one search per block instead of one per rule)."""
        return _alternation(self.boilerplate_patterns)

    @property
    def inline_any(self) -> re.Pattern[str]:
        return _alternation(self.inline_patterns)

    def marker_kind(self, key: str) -> str:
        """The marker kind (spillover, comments, footer) of a normalised block, or ''."""
        for text, kind in self.markers:
            if key == text:
                return kind
        if any(p.search(key) for p in self.marker_patterns):
            return "comments" if "comment" in key or "repl" in key or "respons" in key else "spillover"
        return ""


@lru_cache(maxsize=64)
def _alternation(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def normalise_key(text: str) -> str:
    """Lower-case, collapse spaces, trim punctuation and symbols at both ends (for whole-block matches)."""
    text = re.sub(r"\s+", " ", text.lower()).strip()
    return re.sub(r"^[\W_]+|[\W_]+$", "", text)


def _merge(base: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in user.items():
        old = merged.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            if value.get("replace") is True:
                merged[key] = {k: v for k, v in value.items() if k != "replace"}
            else:
                merged[key] = _merge(old, value)
        elif isinstance(value, list) and isinstance(old, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            raise ValueError(f"clean rules: bad regular expression in {where}: {p!r} ({exc})") from exc
    return tuple(out)


def _build(data: dict[str, Any]) -> Rules:
    def section(name: str) -> dict[str, Any]:
        value = data.get(name, {})
        return value if isinstance(value, dict) else {}

    def strings(name: str, key: str) -> list[str]:
        value = section(name).get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"clean rules: [{name}] {key} must be a list of strings")
        return value

    markers = tuple(
        (normalise_key(m), kind) for kind in ("spillover", "comments", "footer") for m in strings("markers", kind)
    )
    stop: set[str] = set()
    for key, _words in section("stopwords").items():
        if key != "replace":
            stop.update(w.lower() for w in strings("stopwords", key))
    domains = section("outlets").get("domains", {})
    return Rules(
        boilerplate_lines=frozenset(normalise_key(x) for x in strings("boilerplate", "lines")),
        boilerplate_patterns=_compile(strings("boilerplate", "patterns"), "[boilerplate] patterns"),
        inline_patterns=_compile(strings("inline", "patterns"), "[inline] patterns"),
        markers=markers,
        marker_patterns=_compile(strings("markers", "patterns"), "[markers] patterns"),
        byline_prefixes=tuple(sorted({p.lower() for p in strings("bylines", "prefixes")}, key=lambda p: (-len(p), p))),
        credit_patterns=_compile(strings("bylines", "credit_patterns"), "[bylines] credit_patterns"),
        role_words=frozenset(w.lower() for w in strings("bylines", "role_words")),
        not_name_words=frozenset(w.lower() for w in strings("bylines", "not_name_words")),
        bio_keywords=tuple(k.lower() for k in strings("bios", "keywords")),
        published_prefixes=tuple(p.lower() for p in strings("dates", "published_prefixes")),
        updated_prefixes=tuple(p.lower() for p in strings("dates", "updated_prefixes")),
        wires=tuple(strings("outlets", "wires")),
        outlet_domains=tuple(sorted((str(k).lower(), str(v)) for k, v in domains.items() if k != "replace")),
        platforms=tuple(p.lower() for p in strings("outlets", "platforms")),
        second_level_labels=frozenset(p.lower() for p in strings("outlets", "second_level_labels")),
        stopwords=frozenset(stop),
    )


@lru_cache(maxsize=1)
def _default_data() -> dict[str, Any]:
    return tomllib.loads(data_text(_PACKAGE_FILE))


@lru_cache(maxsize=8)
def load_rules(user_toml_text: str | None = None) -> Rules:
    """The packaged rules, with a user TOML document (its text) merged over them.

    Raises:
        ValueError: the user text is not valid TOML or has a bad pattern or a wrong type.
    """
    data = _default_data()
    if user_toml_text:
        try:
            user = tomllib.loads(user_toml_text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"clean rules: not valid TOML ({exc})") from exc
        data = _merge(data, user)
    return _build(data)
