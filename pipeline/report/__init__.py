"""Report: stage outputs -> ReportContext -> HTML (Jinja2) -> PDF bytes (WeasyPrint).

STUB: a minimal report. To be replaced by the full annotated report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from pipeline.compare import Comparison
from pipeline.documents import CleanDocument, Mentions
from pipeline.schema import DocumentRow


@dataclass(frozen=True)
class ReportContext:
    documents: tuple[DocumentRow, ...]
    cleaned: tuple[CleanDocument, ...]
    mentions: tuple[Mentions, ...]
    comparison: Comparison


def build_context(
    documents: Sequence[DocumentRow],
    cleaned: Sequence[CleanDocument],
    mentions: Sequence[Mentions],
    comparison: Comparison,
) -> ReportContext:
    return ReportContext(tuple(documents), tuple(cleaned), tuple(mentions), comparison)


def render_html(context: ReportContext, templates_dir: Path) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("report.html.j2").render(ctx=context)


def render_pdf(html: str, templates_dir: Path) -> bytes:
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=str(templates_dir), url_fetcher=fetcher).write_pdf()
