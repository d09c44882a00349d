"""Report: stage outputs -> ReportContext -> HTML (Jinja2) -> PDF bytes (WeasyPrint).

``context`` computes everything the report shows (pure), ``annotate`` turns an article and its
mentions into highlighted segments, ``charts`` draws the timeline, ``render`` owns Jinja2 and
WeasyPrint (with a fetcher restricted to the templates folder), and ``artifacts`` shapes the
Prefect artifacts. ``bench_render`` times a synthetic 50-document report.
"""

from __future__ import annotations

from pipeline.report.artifacts import ArtifactPayloads, artifact_payloads
from pipeline.report.context import ReportContext, build_context
from pipeline.report.render import TemplateFetcher, render_html, render_pdf

__all__ = [
    "ArtifactPayloads",
    "ReportContext",
    "TemplateFetcher",
    "artifact_payloads",
    "build_context",
    "render_html",
    "render_pdf",
]
