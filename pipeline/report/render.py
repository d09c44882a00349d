"""ReportContext -> HTML (Jinja2, autoescaped); the fetcher WeasyPrint lays the PDF out with (``paged``).

Document text is untrusted: Jinja2 escapes every value, so a scraped ``<img src=file:///...>``
prints as text. As a second wall, WeasyPrint gets a fetcher that serves only ``data:`` URIs and
files inside the templates folder (fonts, stylesheet) and refuses everything else, network included.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2
from markupsafe import Markup
from weasyprint.urls import URLFetcher, URLFetcherResponse

from pipeline.report.context import ReportContext

TEMPLATE_NAME = "report.html.j2"
STYLESHEET_NAME = "report.css"
# A font or stylesheet bigger than this inside templates/ is not something we shipped.
MAX_ASSET_BYTES = 5_000_000


class TemplateFetcher(URLFetcher):
    """Serves ``data:`` URIs and regular files under ``root``; refuses (and records) everything else.

    ``attempts`` lists every URL WeasyPrint asked for with the decision, so a test can prove that
    nothing outside ``root`` was read and nothing was fetched from the network.
    """

    def __init__(self, root: Path, **kwargs: object) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=False, **kwargs)
        self.root = root.resolve()
        self.attempts: list[tuple[str, bool]] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            self.attempts.append((url[:60], True))
            return super().fetch(url, headers)
        if scheme == "file":
            path = self._inside_root(url)
            if path is not None:
                self.attempts.append((url, True))
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        self.attempts.append((url, False))
        raise ValueError(f"report fetcher refuses {url!r}: only data: URIs and files inside templates/ are served")

    def _inside_root(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        try:
            path = Path(unquote(parts.path)).resolve()
        except (OSError, ValueError):
            return None
        if not path.is_relative_to(self.root) or not path.is_file() or path.stat().st_size > MAX_ASSET_BYTES:
            return None
        return path


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Autoescape everything (document text is untrusted) and fail loudly on a missing value."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(context: ReportContext, templates_dir: Path) -> str:
    """A standalone HTML page: the stylesheet is inlined so reports/report.html opens anywhere."""
    css = (templates_dir / STYLESHEET_NAME).read_text(encoding="utf-8")
    # Our own stylesheet, never document text; "</" cannot close the <style> element early.
    css_markup = Markup(css.replace("</", "<\\/"))
    return make_environment(templates_dir).get_template(TEMPLATE_NAME).render(ctx=context, css=css_markup)
