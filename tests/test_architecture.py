"""The architecture's rules, read off the code: forward-only layers, Prefect and files at the edge,
one CSV definition, light imports, and lint. docs/architecture.md explains each rule."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "pipeline"

# Lowest layer first. A module may import modules of lower layers, and modules of its own
# package (a stage's own modules); never a higher layer, never a sibling stage above it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("pipeline", "pipeline.vocab", "pipeline.textsim", "pipeline.resources", "pipeline.files", "pipeline.workers"),
    ("pipeline.schema",),
    ("pipeline.documents",),
    ("pipeline.webpage",),
    ("pipeline.ingest",),
    ("pipeline.clean",),
    ("pipeline.extract",),
    ("pipeline.compare",),
    ("pipeline.report",),
    ("pipeline.prefect_env",),
    ("pipeline.stage_cache", "pipeline.publish", "pipeline.folders"),
    ("pipeline.flow",),
    ("pipeline.bench",),
    ("pipeline.cli",),
    ("pipeline.__main__",),
)
# The only modules that import Prefect: the flow, and the settings and server hardening it applies.
PREFECT_MODULES = {"pipeline.flow", "pipeline.prefect_env"}
# The only modules that touch the file system, and why.
FILE_SYSTEM_MODULES = {
    "pipeline.flow": "reads the input folder, writes every output",
    "pipeline.cli": "checks paths before the flow starts",
    "pipeline.folders": "checks a run's folders and lists the input folder, before the flow is imported",
    "pipeline.prefect_env": "decides where Prefect keeps its home (the checkout, else the working folder)",
    "pipeline.resources": "locates and reads files packaged inside pipeline/",
    "pipeline.files": "writes an output file atomically",
    "pipeline.publish": "moves a run's staged outputs into place; removes staging folders and a run's stale outputs",
    "pipeline.stage_cache": "reads and writes the stage caches; reads its own source to fingerprint the stages",
    "pipeline.report.render": "the restricted fetcher serves the report's own stylesheet and fonts",
}
FILE_SYSTEM_PACKAGES = ("pipeline.bench",)  # benchmarks read ../shared and write temporary folders
# Path methods that read, write or list files; open(); and the file functions of os, shutil, tempfile.
PATH_METHODS = {
    "read_text", "read_bytes", "write_text", "write_bytes", "mkdir", "iterdir", "glob", "rglob", "touch",
    "unlink", "rmdir", "is_file", "is_dir", "exists", "lstat", "symlink_to", "chmod",
}
OS_FILE_FUNCTIONS = {
    "replace", "remove", "unlink", "rename", "makedirs", "mkdir", "listdir", "scandir", "open", "stat", "lstat",
    "walk", "fdopen", "rmdir", "chmod",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    best, level = -1, -1
    for n, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, level = len(prefix), n
    assert level >= 0, f"{module} is in no layer: add it to LAYERS and docs/architecture.md"
    return level


def _stage(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _imports(module: str, path: Path) -> set[str]:
    """Every module this one imports, function-level imports included, as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            for alias in node.names:  # "from pipeline import clean" imports the module pipeline.clean
                if f"{base}.{alias.name}" in MODULES:
                    names.add(f"{base}.{alias.name}")
    return names


def _calls(path: Path) -> set[str]:
    """Names of the functions and methods a module calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            out.add(f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else "")
    return out


def _file_calls(path: Path) -> set[str]:
    """The calls of a module that touch the file system."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id == "open":
            out.add("open")
        elif isinstance(f, ast.Attribute):
            owner = f.value.id if isinstance(f.value, ast.Name) else ""
            if owner in ("shutil", "tempfile") or (owner == "os" and f.attr in OS_FILE_FUNCTIONS):
                out.add(f"{owner}.{f.attr}")
            elif f.attr in PATH_METHODS and owner not in ("os", "re", "shutil", "tempfile"):
                out.add(f.attr)
    return out


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down_the_layers(module):
    mine = _layer(module)
    for imported in _imports(module, MODULES[module]):
        if not imported.startswith("pipeline") or imported == module:
            continue
        theirs = _layer(imported)
        same_stage = _stage(imported) == _stage(module) and _stage(module) != "pipeline"
        assert theirs < mine or same_stage or imported == "pipeline", (
            f"{module} imports {imported} (layer {theirs} >= {mine})"
        )


# The floors inside compare, lowest first (docs/architecture.md, "compare floor plan"): a module
# imports modules of its own floor or below. Builders never reach the aligner, the aligner never
# reaches a finder, finders never reach ranking, and only the registry knows every kind.
COMPARE_FLOORS: tuple[tuple[str, ...], ...] = (
    ("claims", "background", "lexicon", "text", "currency", "gazetteer", "memo"),
    ("figures", "dated", "judgements", "statuses", "places", "causes", "roles", "manner", "events"),
    ("vectors", "align", "agreement"),
    ("model", "importance", "sources", "topics", "notes", "number_findings", "date_findings", "status_findings",
     "assess", "names"),
    ("sides", "ranking", "verdict"),
    ("registry",),
    ("pipeline.compare",),
)


def _compare_floor(module: str) -> int:
    name = module if module == "pipeline.compare" else module.removeprefix("pipeline.compare.")
    floor = next((n for n, names in enumerate(COMPARE_FLOORS) if name in names), -1)
    assert floor >= 0, f"{module} is on no floor of compare: add it to COMPARE_FLOORS and docs/architecture.md"
    return floor


COMPARE_MODULES = sorted(m for m in MODULES if _stage(m) == "pipeline.compare")


@pytest.mark.parametrize("module", COMPARE_MODULES)
def test_compare_imports_only_go_down_its_floors(module):
    mine = _compare_floor(module)
    for imported in _imports(module, MODULES[module]):
        if _stage(imported) != "pipeline.compare" or imported == module:
            continue
        theirs = _compare_floor(imported)
        assert theirs <= mine, f"{module} (floor {mine}) imports {imported} (floor {theirs})"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_flow_imports_prefect(module):
    prefect = {i for i in _imports(module, MODULES[module]) if i.split(".")[0] in ("prefect", "prefect_dask")}
    assert not prefect or module in PREFECT_MODULES, f"{module} imports {sorted(prefect)}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_edges_touch_the_file_system(module):
    if module in FILE_SYSTEM_MODULES or module.startswith(FILE_SYSTEM_PACKAGES):
        return
    used = _file_calls(MODULES[module])
    assert not used, f"{module} calls {sorted(used)}: file access belongs to the flow (or pipeline.resources)"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.startswith(("pipeline.bench", "pipeline.cli"))))
def test_only_the_cli_prints(module):
    assert "print" not in _calls(MODULES[module]), f"{module} prints: only pipeline.cli talks to the terminal"


def test_schema_is_the_one_csv_definition():
    """Only the flow writes the pipeline's CSVs, as schema.to_csv_bytes formats them (the one place
    that turns rows into CSV), and no module redefines a row.

    (Benchmarks write their scorers' own input formats, which are not ours.)"""
    for module, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if module not in ("pipeline.flow", "pipeline.schema") and not module.startswith("pipeline.bench"):
            assert ".to_csv(" not in text and "csv.writer" not in text and "DictWriter" not in text, module
    flow = MODULES["pipeline.flow"].read_text(encoding="utf-8")
    assert "schema.to_csv_bytes(" in flow and "csv.writer" not in flow
    row_types = {name for name, cls in vars(__import__("pipeline.schema", fromlist=["x"])).items()
                 if isinstance(cls, type) and name.endswith("Row")}
    for module, path in MODULES.items():
        if module == "pipeline.schema":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
        assert not defined & row_types, f"{module} redefines {defined & row_types}"


@pytest.mark.parametrize("package", ["pipeline.compare", "pipeline.report", "pipeline.clean", "pipeline.schema",
                                     "pipeline.folders"])
def test_importing_a_stage_does_not_load_the_models(package):
    """compare and report never need spaCy or dateparser, and the CLI checks folders before the
    models load; importing them must stay light."""
    code = (f"import sys, {package}; heavy = [m for m in ('spacy', 'dateparser', 'torch', 'prefect') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "", f"import {package} loads {out.stdout.strip()}"


def test_ruff_finds_nothing():
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "pipeline", "tests"], capture_output=True,
                         text=True, cwd=REPO)
    assert out.returncode == 0, out.stdout + out.stderr


def test_architecture_doc_names_every_module():
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    for module, path in MODULES.items():
        if path.name == "__init__.py" and module != "pipeline":
            rel = path.parent.relative_to(PACKAGE).as_posix() + "/"
        else:
            rel = path.relative_to(PACKAGE).as_posix()
        assert rel in doc or path.name == "__init__.py", f"docs/architecture.md does not name {rel}"
