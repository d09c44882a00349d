"""Command line: ``python -m pipeline run|bench|schema`` (also installed as ``newscompare``).

The only module that prints. Prefect is imported lazily (through ``pipeline.flow``) so that
``--help``, argument errors and the benchmarks answer without starting a Prefect server.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_NOTHING_PROCESSED = 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

DEFAULT_SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"


def _sweep_arg(text: str) -> tuple[str, tuple[float, ...]]:
    """ "align.FIGURE_ALIGN_MIN=0.38,0.42" -> ("align.FIGURE_ALIGN_MIN", (0.38, 0.42))."""
    name, _, values = text.partition("=")
    if not re.fullmatch(r"[a-z_]+\.[A-Z][A-Z0-9_]*", name) or not values:
        raise argparse.ArgumentTypeError(f"expected MODULE.NAME=V1,V2,... (a constant of pipeline.compare): {text!r}")
    try:
        return name, tuple(float(v) for v in values.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"values must be numbers: {values!r}") from None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Compare scraped news articles on one story: clean them, extract entities, "
        "numbers and dates, find where sources agree and disagree, and write a PDF report.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run the whole flow on a folder of .txt/.md files",
        description="Run ingest -> clean -> extract -> compare -> report as a Prefect flow.",
    )
    run.add_argument("--raw", type=Path, default=Path("raw"),
                     help="folder of scraped articles (.txt, .md; optional <file>.meta.json sidecars); "
                     "never modified (default: raw/)")
    run.add_argument("--processed", type=Path, default=Path("processed"),
                     help="where the CSVs and clean/<doc_id>.txt texts go (default: processed/)")
    run.add_argument("--reports", type=Path, default=Path("reports"),
                     help="where report.pdf and report.html go (default: reports/)")
    run.add_argument("--rules", type=Path, default=None,
                     help="extra cleaning rules (TOML, same format as pipeline/data/clean_rules.toml), "
                     "merged over the built-in ones")
    run.add_argument("--dask-address", default="", metavar="tcp://HOST:8786",
                     help="run cleaning, extraction and embedding on this Dask cluster, in batches of documents "
                          "(see the README: workers need this package and a shared PREFECT_API_URL)")
    run.add_argument("--processes", type=int, default=None, choices=(1, 2, 3, 4),
                     help="spaCy worker processes (default: 2 for large corpora on a multi-core machine, else 1)")
    run.add_argument("--replace", action="store_true",
                     help="overwrite an output folder that holds the results of another input folder")
    run.add_argument("--xlsx", action="store_true",
                     help="also write processed/newscompare.xlsx, one sheet per CSV (cells as text)")
    texts = run.add_mutually_exclusive_group()
    texts.add_argument("--full-texts", dest="full_texts", action="store_true", default=None,
                       help="annotated texts in full in the report, however many documents (default: in full up "
                            "to 30 documents, beyond that only the paragraphs used in findings)")
    texts.add_argument("--excerpts", dest="full_texts", action="store_false",
                       help="annotated texts as excerpts (the paragraphs used in findings) even for few documents")

    bench = commands.add_parser(
        "bench", help="run a benchmark and print its score (data from ../shared/bench; render is synthetic)")
    bench.add_argument("name", choices=("cleaning", "dates", "compare", "metadata", "render", "scale"),
                       help="which benchmark")
    bench.add_argument("--split", choices=("test", "dev"), default="test",
                       help="dates benchmark split (default: test; tune on dev only)")
    bench.add_argument("--errors", action="store_true",
                       help="dates benchmark: also list the scorer's errors (use with --split dev)")
    bench.add_argument("--shared", type=Path, default=DEFAULT_SHARED_DIR,
                       help=f"the shared folder holding bench/ (default: {DEFAULT_SHARED_DIR})")
    bench.add_argument("--keep", type=Path, default=None,
                       help="compare: keep each set's CSVs in this folder; scale: keep the corpus and outputs here "
                            "(default: a temporary folder)")
    bench.add_argument("--set", dest="only", default="", help="compare benchmark: only sets whose name contains this")
    bench.add_argument("--sets", type=Path, action="append", default=[],
                       help="compare benchmark: a folder of sets/ and gold/ in the benchmark's layout, scored by "
                            "the benchmark's score.py (default: the shared benchmark's; bench/stories holds ours); "
                            "give it again to score several folders together")
    bench.add_argument("--sweep", action="append", default=[], type=_sweep_arg, metavar="MODULE.NAME=V1,V2,...",
                       help="compare benchmark: run compare once per value of a constant of pipeline.compare "
                            "(\"align.FIGURE_ALIGN_MIN=0.38,0.42,0.46\") and print each value's line and the line "
                            "with each set scored by the value best on the others (leave one set out)")
    bench.add_argument("--details", action="store_true",
                       help="compare benchmark: also list the key findings missed and the traps hit")
    bench.add_argument("--pages", type=Path, default=None,
                       help="metadata benchmark: a folder of pages with expected.json (default: tests/data/metadata)")
    bench.add_argument("--html", action="store_true",
                       help="cleaning: read the pages' original HTML (trafilatura, then our cleaner)")
    fitting = bench.add_mutually_exclusive_group()
    fitting.add_argument("--fit", action="store_true",
                         help="compare benchmark: fit the verdict model on every set's key, write it to "
                              "pipeline/data/conflict_model.json and score the sets with it (in-sample)")
    fitting.add_argument("--loso", action="store_true",
                         help="compare benchmark: score each set with a model fitted on the other sets only "
                              "(leave one set out)")
    bench.add_argument("--no-encoder", action="store_true",
                       help="compare benchmark: align without sentence embeddings (words, names and values only)")
    bench.add_argument("--docs", type=int, default=50,
                       help="render: synthetic documents; scale: documents in the corpus (default: 50)")
    bench.add_argument("--words", type=int, default=800, help="render benchmark: words per document (default: 800)")
    bench.add_argument("--findings", type=int, default=40, help="render benchmark: findings (default: 40)")
    bench.add_argument("--repeat", type=int, default=1, help="render benchmark: runs, median reported (default: 1)")
    bench.add_argument("--out", type=Path, default=None, help="render benchmark: write the PDF here to look at it")

    commands.add_parser("schema", help="print the CSV schemas as Markdown (the README's tables)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command == "schema":
        from pipeline.schema import schema_markdown

        print(schema_markdown())
        return EXIT_OK
    if args.command == "bench":
        return _run_bench(args)
    return _run_flow(args)


def _run_bench(args: argparse.Namespace) -> int:
    if args.name == "render":
        from pipeline.bench.render import run_render_bench

        return run_render_bench(n_docs=args.docs, words=args.words, n_findings=args.findings,
                                repeat=args.repeat, out=args.out, log=_print_flush)
    if not (args.shared / "bench").is_dir():
        print(f"error: no benchmark folder at {args.shared / 'bench'} (use --shared)", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    if args.name == "compare":
        from pipeline.bench.compare import run_compare_bench

        if args.sweep and (args.fit or args.loso):
            print("error: --sweep scores every value with the packaged verdict model; fit it (--fit) in a run of "
                  "its own", file=sys.stderr)
            return EXIT_NOTHING_PROCESSED
        if args.sets and args.fit:
            print("error: --fit writes the packaged model, which is fitted on the shared benchmark's keys only "
                  "(use --loso with --sets)", file=sys.stderr)
            return EXIT_NOTHING_PROCESSED
        return run_compare_bench(shared_dir=args.shared, log=_print_flush, keep=args.keep, only=args.only,
                                 details=args.details, use_encoder=not args.no_encoder, fit=args.fit, loso=args.loso,
                                 sets_dirs=args.sets, sweep=args.sweep)
    if args.name == "scale":
        from pipeline.bench.scale import run_scale_bench

        return run_scale_bench(shared_dir=args.shared, docs=args.docs, log=_print_flush, keep=args.keep)
    if args.name == "metadata":
        from pipeline.bench.metadata import run_metadata_bench

        return run_metadata_bench(pages_dir=args.pages, log=_print_flush)
    if args.name == "cleaning":
        from pipeline.bench.cleaning import run_cleaning_bench

        return run_cleaning_bench(shared_dir=args.shared, log=_print_flush, html=args.html)
    from pipeline.bench.dates import run_dates_bench

    return run_dates_bench(split=args.split, shared_dir=args.shared, log=_print_flush, errors=args.errors)


def _print_flush(line: str) -> None:
    print(line, flush=True)


def _run_flow(args: argparse.Namespace) -> int:
    if args.rules is not None:
        problem = _check_rules_file(args.rules)
        if problem:
            print(f"error: rules file {args.rules}: {problem}", file=sys.stderr)
            return EXIT_NOTHING_PROCESSED
    from pipeline import folders  # light: a bad folder is refused before the models and Prefect load

    problem = folders.check_paths(args.raw, args.processed, args.reports, replace=args.replace)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    if not folders.list_input_files(args.raw):
        print(f"error: no input files in {args.raw} (expected .txt, .md or .html files)", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    api = os.environ.get("PREFECT_API_URL", "")
    down = _server_down(api) if api else ""
    if down:
        print(f"error: PREFECT_API_URL={api} does not answer ({down}); start that server or unset the "
              "variable to use a temporary one", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    from pipeline import flow, interrupts  # starts nothing yet; importing applies the quiet Prefect settings

    if api:
        print(f"Running the flow on {args.raw} (Prefect server {api}) ...", flush=True)
    else:
        print(f"Running the flow on {args.raw} (Prefect starts a temporary local server first) ...", flush=True)
    if args.dask_address:
        print(f"Per-document stages run on the Dask cluster at {args.dask_address}, in batches", flush=True)
    try:
        run = functools.partial(flow.run_on_dask, args.dask_address) if args.dask_address else flow.run_pipeline_warm
        with interrupts.noticed():
            summary = run(
                raw_dir=args.raw, processed_dir=args.processed, reports_dir=args.reports, rules_file=args.rules,
                n_process=args.processes, xlsx=args.xlsx, full_texts=args.full_texts, replace=args.replace,
            )
            stopped_after_publishing = interrupts.requested()
    except KeyboardInterrupt:
        print("interrupted: the run was stopped; outputs written so far are complete files, the rest were not "
              "written", file=sys.stderr)
        return EXIT_INTERRUPTED
    if stopped_after_publishing:
        print("interrupted: the Ctrl-C came after the outputs were written; they are complete", file=sys.stderr)
        return EXIT_INTERRUPTED
    if summary.refused:
        print(f"error: {summary.reason}", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    print(format_summary(summary))
    if summary.ok == 0:
        print(f"error: nothing processed: {summary.reason}", file=sys.stderr)
        return EXIT_NOTHING_PROCESSED
    if summary.report_error:
        print(f"error: {summary.report_error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def _server_down(api_url: str) -> str:
    """'' when the Prefect API answers its health check within a few seconds, else why not."""
    import httpx

    try:
        response = httpx.get(api_url.rstrip("/") + "/health", timeout=5.0)
    except httpx.HTTPError as exc:
        return type(exc).__name__
    return "" if response.status_code == 200 else f"HTTP {response.status_code}"


def _check_rules_file(path: Path) -> str:
    """Refuse a broken --rules file before Prefect starts, with the parser's message."""
    from pipeline.clean import load_rules

    try:
        load_rules(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return str(exc)
    return ""


def _printable(text: str) -> str:
    """One line, whatever a file name holds (a newline in a name must not forge a summary line)."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def format_summary(summary: object) -> str:
    """The end-of-run summary a user reads (documents, words, mentions, findings, outputs)."""
    s = summary  # a flow.RunSummary; typed loosely so this module never imports Prefect eagerly
    removed = s.words_raw - s.words_clean
    share = f" ({removed / s.words_raw:.0%})" if s.words_raw else ""
    lines = [
        "",
        "Summary",
        f"  documents   {s.ok} of {s.documents} processed",
        f"  words       {s.words_raw:,} raw, {s.words_clean:,} kept, {removed:,} removed by cleaning{share}",
        f"  mentions    {s.entities:,} entities, {s.numbers:,} numbers, {s.dates:,} dates",
        f"  findings    {s.findings} from {s.claims:,} claims"
        + (" (" + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(s.findings_by_kind.items())) + ")"
           if s.findings_by_kind else ""),
    ]
    if getattr(s, "top_findings", ()):
        lines.append("  top findings (as on the report's first page):")
        lines += [f"    {line}" for line in s.top_findings]
    if s.processed_dir:
        lines.append(f"  CSVs        {s.processed_dir}/")
    if s.pdf_path:
        lines.append(f"  report      {s.pdf_path} (and {s.html_path})")
    if s.failures:
        lines.append(f"  failed      {len(s.failures)} document(s):")
        lines += [f"    - {_printable(f.source_file)}: {f.status}: {_printable(f.reason)}" for f in s.failures]
    return "\n".join(lines)
