"""A non-editable install finds its templates, fonts and data from any working folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_renders_a_report_from_another_folder(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            str(REPO)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        zf.extractall(site)
    assert "pipeline/templates/report.css" in names and "pipeline/templates/report.html.j2" in names
    assert "pipeline/templates/fonts/DejaVuSans.ttf" in names and "pipeline/data/clean_rules.toml" in names
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import pipeline, pathlib; from pipeline.bench.render import run_render_bench; "
        "from pipeline.clean import load_rules; from pipeline.compare.lexicon import load_lexicon; "
        "load_rules(); load_lexicon(); "
        "run_render_bench(n_docs=2, words=120, n_findings=2, out=pathlib.Path('report.pdf'), log=lambda s: None); "
        "print(pipeline.__file__)"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=elsewhere, env=env,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()).is_relative_to(site), "the test must exercise the installed copy"
    assert (elsewhere / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_package_list_names_every_package_folder():
    """pyproject.toml lists the packages by hand (the templates folder is mapped into the package),
    so a new sub-package must be added there: this test says so when it is not."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "pipeline").rglob("__init__.py")}
    assert listed == folders | {"pipeline.templates"}
