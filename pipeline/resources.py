"""Packaged files: the data tables under ``pipeline/data`` and the report templates (``templates/``).

The one place that locates files shipped inside the package, through ``importlib.resources``,
so an installed copy (editable or not) finds them from any working directory. Stage modules
read packaged data only through here; every other file access belongs to the flow.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_path(*parts: str) -> Path:
    # The package is a regular directory (never a zip), so the traversable is a real path:
    # WeasyPrint's base URL and spaCy's loaders need one.
    return Path(str(resources.files("pipeline").joinpath(*parts)))


def data_path(name: str) -> Path:
    """A file under ``pipeline/data`` (rules, lexicons, entity tables, logging config)."""
    return _package_path("data", name)


def data_text(name: str) -> str:
    return data_path(name).read_text(encoding="utf-8")


def templates_dir() -> Path:
    """The report's Jinja2 templates, stylesheet and fonts: ``pipeline/templates`` in an installed
    wheel (mapped there from the checkout's top-level ``templates/``), else that folder itself."""
    packaged = _package_path("templates")
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"
