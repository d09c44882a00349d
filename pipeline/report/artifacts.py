"""Prefect artifact payloads: the top findings as table rows and a markdown summary.

Pure: the flow publishes them (``create_table_artifact`` / ``create_markdown_artifact``); this
module only decides what they say. Document text is escaped for markdown, since the Prefect UI
renders it and a scraped quote must not turn into a link or an image there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.report.context import FindingCard, ReportContext

TABLE_KEY = "top-findings"
MARKDOWN_KEY = "report-summary"
# Enough rows to see the main disagreements at a glance in the UI; the CSV has all of them.
TOP_FINDINGS = 10
QUOTE_CHARS = 160

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


@dataclass(frozen=True)
class ArtifactPayloads:
    table_key: str
    table: list[dict[str, str]]
    markdown_key: str
    markdown: str
    top_lines: tuple[str, ...] = ()  # page one's sentences ("F001 Numeric conflict on ..."), for the console


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _top(context: ReportContext, n: int) -> list[FindingCard]:
    cards = [*context.conflicts, *context.corroborations, *context.superseded]
    return sorted(cards, key=lambda c: (c.rank or 10**9, c.finding_id))[:n]


def artifact_payloads(context: ReportContext, *, pdf_path: str = "", top_n: int = TOP_FINDINGS) -> ArtifactPayloads:
    """Table rows (one per finding: id, kind, topic, values by source, note) and a markdown digest."""
    top = _top(context, top_n)
    table = [
        {
            "finding_id": c.finding_id,
            "kind": c.kind,
            "topic": c.topic,
            "values": c.positions or "; ".join(f"{s.source_name}: {s.value or '-'}" for s in c.statements),
            "note": c.note,
            "first_quote": _short("".join(seg.text for seg in c.statements[0].quote)) if c.statements else "",
        }
        for c in top
    ]
    s = context.summary
    lines = [
        f"# {_md(context.title)}",
        "",
        f"Subject: **{_md(s.subject)}**. {s.n_ok} sources"
        + (f" ({s.n_failed} failed)" if s.n_failed else "")
        + (f", published {s.first_published} to {s.last_published}" if s.first_published else "")
        + f". {s.words_clean:,} of {s.words_raw:,} words kept after cleaning.",
        "",
        "Findings: " + ", ".join(f"{k.label.lower()} {k.count}" for k in s.findings_by_kind) + ".",
        "",
    ]
    if pdf_path:
        lines += [f"Full report: `{_md(pdf_path)}`", ""]
    if context.top:
        lines += ["## Top findings", ""]
        lines += [f"- **{t.finding_id}** {_md(t.sentence)}" for t in context.top]
        lines += [""]
    if top:
        lines += ["| id | kind | topic | positions |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {c.finding_id} | {_md(c.kind_label)} | {_md(c.topic)} | "
            + _md(c.positions or "; ".join(f"{s.source_name} {s.value or '-'}" for s in c.statements))
            + " |"
            for c in top
        ]
    top_lines = tuple(f"{t.finding_id} {t.sentence}" for t in context.top)
    return ArtifactPayloads(TABLE_KEY, table, MARKDOWN_KEY, "\n".join(lines) + "\n", top_lines)
