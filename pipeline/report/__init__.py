"""Report: stage outputs -> ReportContext -> HTML (Jinja2) -> PDF bytes (WeasyPrint).

``context`` computes everything the report shows (pure), ``annotate`` turns an article and its
mentions into highlighted segments, ``charts`` draws the timeline, ``render`` owns Jinja2 and
WeasyPrint (with a fetcher restricted to the templates folder), ``paged`` lays the report out
section by section (cached, in parallel) and assembles the PDF with its page numbers, and
``artifacts`` shapes the Prefect artifacts. ``story`` writes page one (top findings as sentences, source agreement,
single-source figures, what changed), ``changes`` compares a run with the previous one and
``workbook`` turns the CSVs into an Excel file.
"""

from __future__ import annotations

from pipeline.report.artifacts import ArtifactPayloads, artifact_payloads
from pipeline.report.changes import run_changes
from pipeline.report.context import FULL_TEXTS_MAX_DOCUMENTS, ReportContext, build_context, print_view
from pipeline.report.paged import PartsUsed, RenderedPart, render_pdf, render_pdf_counted
from pipeline.report.render import TemplateFetcher, render_html
from pipeline.report.workbook import workbook_bytes

__all__ = [
    "FULL_TEXTS_MAX_DOCUMENTS",
    "ArtifactPayloads",
    "PartsUsed",
    "RenderedPart",
    "ReportContext",
    "TemplateFetcher",
    "artifact_payloads",
    "build_context",
    "print_view",
    "render_html",
    "render_pdf",
    "render_pdf_counted",
    "run_changes",
    "workbook_bytes",
]
