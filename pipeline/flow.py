"""The Prefect flow: ingest -> clean -> extract -> compare -> report, and all file I/O.

Stages are plain functions in their own modules; the tasks here are thin wrappers, one per
stage (not per document or sentence: each Prefect task costs about 11 ms); on a Dask cluster
(``run_on_dask(address, ...)``) cleaning, extraction and embedding become one task per batch of
documents. This is the only module that imports Prefect (besides the settings in ``prefect_env``)
and the one that reads the inputs and writes the outputs (``folders`` checks the folders first).
Cleaning, extraction, each document's own claims and embedding results are cached per document
under ``.prefect/cache/`` by content hash plus a fingerprint of the stage's code and data, so a
re-run with one new document cleans, analyses, reads and embeds only that document; the report's
sections are laid out once per content too (``report.paged``).

Use it without the CLI::

    from pipeline.flow import run_pipeline
    summary = run_pipeline(raw_dir="raw", processed_dir="processed", reports_dir="reports")
"""

from __future__ import annotations

from pipeline import prefect_env

prefect_env.configure()

import contextlib  # noqa: E402  (Prefect settings must be in place before prefect is imported)
import csv  # noqa: E402
import dataclasses  # noqa: E402
import functools  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import stat  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Iterator, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import (  # noqa: E402
    create_link_artifact,
    create_markdown_artifact,
    create_table_artifact,
)
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.states import Completed  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from pipeline import (  # noqa: E402
    clean,
    compare,
    extract,
    ingest,
    interrupts,
    publish,
    report,
    resources,
    schema,
    stage_cache,
    workers,
)

prefect_env.harden_temporary_server()
from pipeline.documents import (  # noqa: E402
    CleanDocument,
    Comparison,
    Failure,
    Mentions,
    RawDocument,
    SourceInfo,
    error_reason,
    source_infos,
    with_sources,
)
from pipeline.extract import encoder  # noqa: E402
from pipeline.files import write_atomic  # noqa: E402
from pipeline.folders import RUN_RECORD, check_paths, list_input_files  # noqa: E402
from pipeline.schema import DocumentRow  # noqa: E402

PROJECT_ROOT = prefect_env.project_root()
DEFAULT_CACHE_DIR = PROJECT_ROOT / ".prefect" / "cache"


@dataclass(frozen=True)
class RunOptions:
    """How a run goes, beyond its folders (``run_pipeline``'s arguments of the same names)."""

    rules_file: str | Path | None = None
    templates_dir: str | Path | None = None
    n_process: int | None = None
    cache_dir: str | Path | None = None
    xlsx: bool = False
    full_texts: bool | None = None
    distributed: bool = False  # cleaning, extraction and embedding on a Dask cluster, in batches


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the CLI's summary and exit code."""

    documents: int
    ok: int
    failures: tuple[Failure, ...]
    words_raw: int = 0
    words_clean: int = 0
    entities: int = 0
    numbers: int = 0
    dates: int = 0
    claims: int = 0
    pairs_scored: int = 0  # pairs of statements compare scored
    findings_by_kind: dict[str, int] = field(default_factory=dict)
    top_findings: tuple[str, ...] = ()  # the report's page-1 sentences, for the console
    pdf_path: str = ""
    html_path: str = ""
    processed_dir: str = ""
    reason: str = ""  # why nothing could be processed, when ok == 0
    refused: bool = False  # the folders were refused before anything ran
    report_error: str = ""  # why the report could not be written (the CSVs were)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage (bench scale)

    @property
    def findings(self) -> int:
        return sum(self.findings_by_kind.values())

    def outcome(self) -> tuple[str, str]:
        """(state name, message) for Prefect's UI: a run with failed documents or no report is
        not a plain "Completed"."""
        if self.refused:
            return "Refused", self.reason
        if self.ok == 0:
            return "Nothing processed", self.reason or "no documents"
        problems = []
        if self.failures:
            problems.append(f"{len(self.failures)} of {self.documents} documents failed or were skipped")
        if self.report_error:
            problems.append(f"no report: {self.report_error}")
        return ("Completed with failures", "; ".join(problems)) if problems else ("Completed", "")


class _StageClock:
    """Wall seconds per stage: each ``lap`` charges the time since the previous one to a stage.

    A lap is also where what the stages made so far is set aside from the garbage collector
    (``_collector_for_a_batch``)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        gc.collect()  # the stage's own garbage (what earlier laps froze is not scanned again)
        gc.freeze()
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


# Young collections every this many allocations (CPython's default, 700, is for interactive
# programs): with the freezing below, collection took 4 s of a 1,000-document rerun, not 9 s.
BATCH_GC_THRESHOLDS = (10_000, 10, 10)


@contextlib.contextmanager
def _collector_for_a_batch() -> Iterator[None]:
    """The garbage collector tuned for one run: what the stages make lives to the run's end
    (documents, mentions, claims: millions of objects at 1,000 documents), and every full
    collection scanned it all again. Each stage's survivors are frozen at its lap (after a
    collection of what the stage left, so no garbage is frozen), young collections are rarer; at
    the end the objects are handed back and the thresholds restored."""
    before = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


@dataclass(frozen=True)
class InputFile:
    """One entry of the input folder as the file edge found it: its bytes, or why it was not read."""

    name: str
    raw: bytes
    sidecar: bytes | None
    problem: str = ""  # set when the entry was not read (a link, a FIFO, too large, ...)
    problem_status: str = ""  # skipped (too large, a bad name) | error (a link, a FIFO, unreadable)


# ---------------------------------------------------------------- file edges

# A metadata sidecar is a few hundred bytes; anything bigger is not one.
MAX_SIDECAR_BYTES = 64_000


def _read_inputs(raw_dir: Path) -> list[InputFile]:
    return [_read_input(path) for path in list_input_files(raw_dir)]


def _read_input(path: Path) -> InputFile:
    """Read one entry without following links and without reading more than the size limit."""
    name = path.name
    bad_name = ingest.name_problem(name)
    if bad_name:
        return InputFile(ingest.printable_name(name), b"", None, bad_name, "skipped")
    problem, status, raw = _read_regular(path, ingest.MAX_BYTES)
    if problem:
        return InputFile(name, b"", None, problem, status)
    sidecar = None
    for candidate in (path.with_name(name + ingest.SIDECAR_SUFFIX), path.with_name(path.stem + ingest.SIDECAR_SUFFIX)):
        if os.path.lexists(candidate):
            why, _, data = _read_regular(candidate, MAX_SIDECAR_BYTES)
            if why:
                return InputFile(name, b"", None, f"metadata sidecar {candidate.name}: {why}", "error")
            sidecar = data
            break
    return InputFile(name, raw, sidecar)


def _read_regular(path: Path, limit: int) -> tuple[str, str, bytes]:
    """(problem, status, bytes): a regular file is opened without following a link, its size is
    checked before reading, and at most ``limit`` bytes are read. A file too large is skipped;
    anything else that cannot be read is an error."""
    try:
        info = path.lstat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", "error", b""
    if stat.S_ISLNK(info.st_mode):
        return "symbolic link (not followed: only regular files in the input folder are read)", "error", b""
    if stat.S_ISDIR(info.st_mode):
        return "a folder (sub-folders are not read: put their articles in the input folder itself)", "skipped", b""
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_file_kind(info.st_mode)})", "error", b""
    if info.st_size > limit:
        return ingest.too_large(info.st_size, limit), "skipped", b""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", "error", b""
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        return f"file too large (grew past {limit:,} bytes while being read)", "skipped", b""
    return "", "", data


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "a special file"


def _write_csv(path: Path, rows: Sequence[object], row_type: type) -> None:
    write_atomic(path, schema.to_csv_bytes(rows, row_type))


# ---------------------------------------------------------------- tasks (thin wrappers)
#
# The stages cache their own results (by content hash and code version), so Prefect's input-hashing
# cache is off; and the flow passes their bulky arguments through ``quote`` so that Prefect does not
# walk every dataclass inside them looking for futures: at 500 documents either cost seconds per task.
# (Not on Dask: the task runner ships a quoted argument as a bare tuple. A batch there is small.)


@task(name="ingest", cache_policy=NO_CACHE)
def ingest_task(inputs: list[InputFile]) -> list[RawDocument]:
    ids = ingest.assign_doc_ids(f.name for f in inputs)
    return [ingest.refused(f.name, ids[f.name], f.problem, f.problem_status) if f.problem
            else ingest.read_document(f.name, f.raw, doc_id=ids[f.name], sidecar=f.sidecar) for f in inputs]


@task(name="clean", cache_policy=NO_CACHE)
def clean_task(raws: list[RawDocument], rules_text: str | None, processes: int) -> list[CleanDocument | Failure]:
    """Each document cleaned, or its failure; shared between ``processes`` processes when there is
    enough to clean."""
    rules = clean.load_rules(rules_text)
    return workers.shared_map(functools.partial(clean.clean_or_failure, rules=rules), raws,
                              cost=lambda raw: len(raw.text), workers=processes, start_cost=CLEAN_WORKER_START_CHARS)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(docs: list[CleanDocument], n_process: int) -> list[Mentions | Failure]:
    """Mentions per document, not yet linked across documents (the flow links them all at once)."""
    logger = get_run_logger()
    try:
        return list(extract.extract_mentions(docs, n_process=n_process, on_progress=logger.info, link=False))
    except Exception:
        logger.warning("extraction failed on a batch; retrying document by document")
    out: list[Mentions | Failure] = []
    for doc in docs:
        try:
            out.extend(extract.extract_mentions([doc], link=False))
        except Exception as exc:
            out.append(Failure(doc.doc_id, "error", f"extract failed: {error_reason(exc)}"))
    return out


@task(name="claims", cache_policy=NO_CACHE)
def claims_task(docs: list[CleanDocument], mentions: list[Mentions], cached: dict[str, list[compare.Claim]]
                ) -> tuple[list[compare.Claim], dict[str, list[compare.Claim]]]:
    """Every claim of the run, and each document's own claims that were not in ``cached``. In this
    process: shared with a worker (``workers.shared_map``) it took 14.0 s instead of 13.8 s for
    1,000 documents (``bench scale``), the 33,000 claims pickled back and a worker's caches cold;
    and a set unpickled may print its members in another order, which hides twins from compare."""
    fresh = {m.doc_id: compare.document_claims(d, m) for d, m in zip(docs, mentions, strict=True)
             if m.doc_id not in cached}
    per_document = [cached[m.doc_id] if m.doc_id in cached else fresh[m.doc_id] for m in mentions]
    return compare.corpus_claims(per_document, docs, mentions), fresh


@task(name="embed", cache_policy=NO_CACHE)
def embed_task(documents: list[tuple[str, list[str]]]) -> list[np.ndarray]:
    """The frame vectors of each (doc_id, frames), one matrix per document."""
    return list(compare.embed_documents(dict(documents), encoder.encode).values())


@task(name="compare", cache_policy=NO_CACHE)
def compare_task(
    docs: list[CleanDocument], mentions: list[Mentions], claims: list[compare.Claim], vectors: dict[str, np.ndarray],
    memo: compare.PairMemo,
) -> tuple[Comparison, compare.PairMemo]:
    """The comparison, and the memo with this run's pair scores (for the next run)."""
    return compare.compare_claims(docs, mentions, claims, vectors, memo=memo), memo


@task(name="report", cache_policy=NO_CACHE)
def report_task(
    documents: list[DocumentRow],
    docs: list[CleanDocument],
    mentions: list[Mentions],
    comparison: Comparison,
    templates_dir: Path,
    pdf_path: Path,
    changes: list[schema.ChangeRow],
    full_texts: bool | None,
    cache_dir: Path,
) -> tuple[str, bytes, report.ArtifactPayloads]:
    context = report.build_context(documents, docs, mentions, comparison, changes=changes, full_texts=full_texts)
    html = report.render_html(context, templates_dir)
    printed = report.print_view(context)  # at scale the PDF is bounded; report.html has every item
    pdf, used = report.render_pdf_counted(html if printed is context else report.render_html(printed, templates_dir),
                                          templates_dir,
                                          cache=stage_cache.ReportPartCache(cache_dir / "report", templates_dir))
    get_run_logger().info(f"report: {used.parts} parts, {used.from_cache} laid out by an earlier run")
    return html, pdf, report.artifact_payloads(context, pdf_path=str(pdf_path))


# ---------------------------------------------------------------- the flow


def _run_name() -> str:
    from prefect.runtime import flow_run

    return f"newscompare {Path(str(flow_run.parameters.get('raw_dir', 'raw'))).name}"


@flow(name="newscompare", log_prints=False, flow_run_name=_run_name)
def run_pipeline(
    raw_dir: str | Path = "raw",
    processed_dir: str | Path = "processed",
    reports_dir: str | Path = "reports",
    rules_file: str | Path | None = None,
    templates_dir: str | Path | None = None,
    n_process: int | None = None,
    cache_dir: str | Path | None = None,
    xlsx: bool = False,
    full_texts: bool | None = None,
    replace: bool = False,
    dask_address: str = "",
) -> RunSummary:
    """Run every stage on the files in ``raw_dir`` and write CSVs, clean texts and the report.

    ``xlsx`` also writes ``processed/newscompare.xlsx`` (one sheet per CSV); ``full_texts``
    forces (True) or suppresses (False) the complete annotated texts in the report, which by
    default are complete up to ``report.FULL_TEXTS_MAX_DOCUMENTS`` documents and excerpts beyond.
    Output folders are checked before anything runs (see ``check_paths``); one run at a time may
    write to an output folder, and a folder holding another input folder's results is only
    overwritten with ``replace``. ``dask_address`` is set by ``run_on_dask``, which runs the
    per-document stages on that Dask cluster, in batches.
    """
    options = RunOptions(rules_file=rules_file, templates_dir=templates_dir, n_process=n_process, cache_dir=cache_dir,
                         xlsx=xlsx, full_texts=full_texts, distributed=bool(dask_address))
    summary = _run_locked(Path(raw_dir), Path(processed_dir), Path(reports_dir), options, replace=replace)
    name, message = summary.outcome()
    return Completed(data=summary, name=name, message=message)  # the call still returns the summary


def run_pipeline_warm(**parameters) -> RunSummary:
    """``run_pipeline(**parameters)``, the sentence encoder loading in a thread meanwhile: Prefect
    first starts its temporary server in a process of its own (about 8 s), and the model's load
    (4-5 s) then costs no time of the run's own. What the CLI and the scale benchmark run."""
    encoder.load_in_background()
    return run_pipeline(**parameters)


def _run_locked(raw_path: Path, processed_path: Path, reports_path: Path, options: RunOptions, *,
                replace: bool) -> RunSummary:
    problem = check_paths(raw_path, processed_path, reports_path, replace=replace)
    if problem:
        return RunSummary(0, 0, (), reason=problem, refused=True)
    locks = []
    try:
        for label, folder in (("--processed", processed_path), ("--reports", reports_path)):
            folder.mkdir(parents=True, exist_ok=True)
            if any(folder.resolve() == held for held, _ in locks):
                continue  # one folder for both: one lock
            try:
                locks.append((folder.resolve(), _lock_outputs(folder)))
            except BlockingIOError:
                return RunSummary(0, 0, (), refused=True, reason=f"another run is writing to {folder} right now; "
                                  f"wait for it or choose another {label} folder")
        staging = publish.begin([processed_path, reports_path])
        try:
            with _collector_for_a_batch():
                return _run_stages(raw_path, processed_path, reports_path, staging, options)
        except BaseException:
            publish.abandon(staging)  # the previous outputs stay whole
            raise
    except OSError as exc:
        # Reading is contained per document, so what reaches here is the file system refusing a
        # write (read-only, full, a name too long): one line, exit 2, not a traceback.
        return RunSummary(0, 0, (), refused=True, reason=f"the outputs could not be written: {error_reason(exc)}")
    finally:
        for _, lock in locks:
            lock.close()


OUTPUTS_KEY = "outputs"
LEGACY_CLEAN_TEXTS_KEY = "clean_texts"  # what runs before staging recorded: clean text names only
LOCK_FILE = ".newscompare.lock"


def _lock_outputs(folder: Path):
    """An exclusive, non-blocking lock on the output folder, held until the returned file is closed."""
    import fcntl

    handle = (folder / LOCK_FILE).open("a")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise
    return handle


def _run_stages(raw_path: Path, processed_path: Path, reports_path: Path, staging: publish.Staging,
                options: RunOptions) -> RunSummary:
    """Every stage in turn, each writing its outputs into the staging folders as soon as they are
    known; all of them published together at the end."""
    logger = get_run_logger()
    staged_processed, staged_reports = staging.staged(processed_path), staging.staged(reports_path)
    clock = _StageClock()
    cache_path = Path(options.cache_dir) if options.cache_dir else DEFAULT_CACHE_DIR
    raws, failures = _ingest_stage(raw_path, logger)
    clock.lap("ingest")
    cleaned = _clean_stage(raws, failures, options, cache_path, logger)
    clock.lap("clean")
    blocks = _all_blocks(raws, cleaned, failures)  # before extraction, which may drop a document
    cleaned, mentions = _extract_stage(raws, cleaned, failures, options, cache_path, logger)
    clock.lap("extract")
    interrupts.raise_if_requested()  # a Ctrl-C lost in a library stops the run here, not at its end

    document_rows = _document_rows(raws, cleaned, failures)
    previous_documents, previous_findings = _read_previous_run(processed_path, raw_path, logger)
    _write_extraction_outputs(staged_processed, document_rows, blocks, cleaned, mentions)
    failure_list = tuple(sorted(failures.values(), key=lambda f: f.source_file))
    if not cleaned:
        reason = "no input files" if not raws else f"none of the {len(raws)} documents could be processed"
        _write_csv(staged_processed / "claims.csv", [], schema.ClaimRow)
        _write_csv(staged_processed / "findings.csv", [], schema.FindingRow)
        _write_csv(staged_processed / "changes.csv",
                   report.run_changes(previous_documents, previous_findings, document_rows, []), schema.ChangeRow)
        _publish(staging, raw_path, processed_path, len(document_rows))
        return RunSummary(len(raws), 0, failure_list, processed_dir=str(processed_path), reason=reason)
    clock.lap("write")

    comparison = _compare_stage(cleaned, mentions, options, cache_path, logger, clock)
    interrupts.raise_if_requested()
    sources = source_infos(document_rows, cleaned)
    finding_rows = with_sources(comparison.finding_rows(), sources)
    changes = report.run_changes(previous_documents, previous_findings, document_rows, finding_rows)
    _write_comparison_outputs(staged_processed, comparison, sources, finding_rows, changes, options.xlsx)
    clock.lap("write")

    html_path, pdf_path = reports_path / "report.html", reports_path / "report.pdf"
    templates_path = Path(options.templates_dir) if options.templates_dir else resources.templates_dir()
    artifacts, report_error = _report_stage(document_rows, cleaned, mentions, comparison, changes, templates_path,
                                            staged_reports, pdf_path, options.full_texts, cache_path, logger)
    clock.lap("report")
    _publish(staging, raw_path, processed_path, len(document_rows))
    if report_error and pdf_path.is_file():
        report_error += f" (the report in {reports_path} is an earlier run's)"
    if artifacts:
        _publish_artifacts(artifacts, pdf_path.resolve())
    clock.lap("write")

    return RunSummary(
        documents=len(raws),
        ok=len(cleaned),
        failures=failure_list,
        words_raw=sum(d.words_raw for d in cleaned),
        words_clean=sum(d.words_clean for d in cleaned),
        entities=sum(len(m.entities) for m in mentions),
        numbers=sum(len(m.numbers) for m in mentions),
        dates=sum(len(m.dates) for m in mentions),
        claims=len(comparison.claims),
        pairs_scored=comparison.pairs_scored,
        findings_by_kind=dict(Counter(f.kind for f in comparison.findings)),
        top_findings=artifacts.top_lines if artifacts else (),
        pdf_path="" if report_error else str(pdf_path),
        html_path="" if report_error else str(html_path),
        processed_dir=str(processed_path),
        report_error=report_error,
        stage_seconds=clock.seconds,
    )


def _ingest_stage(raw_path: Path, logger) -> tuple[list[RawDocument], dict[str, Failure]]:
    """Every entry of the input folder read and decoded; the ones refused, by doc_id."""
    inputs = _read_inputs(raw_path)
    logger.info(f"ingest: {len(inputs)} files in {raw_path}")
    raws = ingest_task(quote(inputs))
    failures = {r.doc_id: Failure(r.doc_id, r.problem_status, r.problem, r.source_file) for r in raws if r.problem}
    for f in failures.values():
        logger.warning(f"ingest: {f.source_file}: {f.status}: {f.reason}")
    return raws, failures


def _clean_stage(raws: list[RawDocument], failures: dict[str, Failure], options: RunOptions, cache_path: Path,
                 logger) -> list[CleanDocument]:
    """The usable documents cleaned (from the cache when unchanged); the others join ``failures``."""
    rules_text = Path(options.rules_file).read_text(encoding="utf-8") if options.rules_file else None
    usable = [r for r in raws if not r.problem]
    cleaned: list[CleanDocument] = []
    results = _clean_with_cache(usable, rules_text, cache_path, logger.info, options.distributed,
                                processes=_local_processes(options))
    for raw, result in zip(usable, results, strict=True):
        if isinstance(result, Failure):
            failures[raw.doc_id] = dataclasses.replace(result, source_file=raw.source_file)
            logger.warning(f"clean: {raw.source_file}: {result.reason}")
        else:
            cleaned.append(result)
    return cleaned


def _extract_stage(raws: list[RawDocument], cleaned: list[CleanDocument], failures: dict[str, Failure],
                   options: RunOptions, cache_path: Path, logger) -> tuple[list[CleanDocument], list[Mentions]]:
    """Mentions of every clean document (from the cache when unchanged), people linked across all
    of them; a document whose extraction failed joins ``failures`` and leaves the run."""
    source_file = {r.doc_id: r.source_file for r in raws}
    mentions_by_id = _extract_with_cache(cleaned, options.n_process, cache_path, logger.info, options.distributed)
    for doc_id, result in list(mentions_by_id.items()):
        if isinstance(result, Failure):
            failures[doc_id] = dataclasses.replace(result, source_file=source_file[doc_id])
            logger.warning(f"extract: {source_file[doc_id]}: {result.reason}")
            del mentions_by_id[doc_id]
    cleaned = [d for d in cleaned if d.doc_id in mentions_by_id]
    return cleaned, extract.link_people([mentions_by_id[d.doc_id] for d in cleaned])


def _compare_stage(cleaned: list[CleanDocument], mentions: list[Mentions], options: RunOptions, cache_path: Path,
                   logger, clock: _StageClock) -> Comparison:
    """Claims, their frames embedded (from the cache when unchanged), and the ranked findings."""
    claims, document_keys = _claims_with_cache(cleaned, mentions, cache_path, logger.info)
    clock.lap("claims")
    vectors = _embed_with_cache(compare.embedding_texts(claims), cache_path, logger, options.distributed)
    clock.lap("embed")
    logger.info(f"compare: {len(claims)} claims")
    pair_cache = stage_cache.PairScoreCache(cache_path / "pairs")
    version = f"{encoder.MODEL_NAME}:{encoder.CACHE_VERSION}:{bool(vectors)}"
    memo = compare.PairMemo(document_keys, version, pair_cache.load(version))
    comparison, memo = compare_task(quote(cleaned), quote(mentions), quote(claims), quote(vectors), quote(memo))
    logger.info(f"compare: {comparison.pairs_scored:,} pairs scored, {comparison.pairs_shared:,} alike to one of "
                f"them, {memo.reused:,} from the previous run")
    pair_cache.store(version, memo.now())
    clock.lap("compare")
    return comparison


def _write_extraction_outputs(folder: Path, document_rows: list[DocumentRow], blocks: list[schema.BlockRow],
                              cleaned: list[CleanDocument], mentions: list[Mentions]) -> None:
    """The data dictionary, the clean texts, and what ingest, clean and extract found."""
    write_atomic(folder / "datapackage.json",
                  (json.dumps(schema.datapackage(), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    _write_csv(folder / "documents.csv", document_rows, schema.DocumentRow)
    _write_csv(folder / "blocks.csv", blocks, schema.BlockRow)
    for doc in cleaned:
        write_atomic(folder / "clean" / f"{doc.doc_id}.txt", doc.text.encode("utf-8"))
    _write_csv(folder / "entities.csv", [e for m in mentions for e in m.entities], schema.EntityRow)
    _write_csv(folder / "numbers.csv", [n for m in mentions for n in m.numbers], schema.NumberRow)
    _write_csv(folder / "dates.csv", [d for m in mentions for d in m.dates], schema.DateRow)


def _all_blocks(raws: Sequence[RawDocument], cleaned: Sequence[CleanDocument],
                failures: dict[str, Failure]) -> list[schema.BlockRow]:
    """Every block cleaning decided on, in input order: those of the documents it kept, and those
    of the documents it kept nothing of (so the removals behind "cleaning kept no article text"
    are on record too)."""
    by_id = {d.doc_id: d.blocks for d in cleaned}
    return [b for raw in raws
            for b in by_id.get(raw.doc_id, failures[raw.doc_id].blocks if raw.doc_id in failures else ())]


def _publish(staging: publish.Staging, raw_path: Path, processed_path: Path, documents: int) -> None:
    """The run record (the input folder and every file this run wrote into --processed), then
    every staged output moved into place together; the previous run's outputs that this run did not
    write again are removed (nothing else is). Nothing is published after a Ctrl-C, even one whose
    KeyboardInterrupt a library lost on the way."""
    interrupts.raise_if_requested()
    staged = staging.staged(processed_path)
    outputs = sorted({p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file()} | {RUN_RECORD})
    record = {"input_folder": str(raw_path.resolve()), "documents": documents, OUTPUTS_KEY: outputs}
    write_atomic(staged / RUN_RECORD, (json.dumps(record, indent=2) + "\n").encode("utf-8"))
    stale = sorted(_recorded_outputs(processed_path) - set(outputs))
    publish.commit(staging, {processed_path: stale})


def _write_comparison_outputs(folder: Path, comparison: Comparison, sources: dict[str, SourceInfo],
                              finding_rows: list[schema.FindingRow], changes: list[schema.ChangeRow],
                              xlsx: bool) -> None:
    """claims.csv, findings.csv, changes.csv, and the workbook of every CSV when asked for."""
    _write_csv(folder / "claims.csv", with_sources(comparison.claims, sources), schema.ClaimRow)
    _write_csv(folder / "findings.csv", finding_rows, schema.FindingRow)
    _write_csv(folder / "changes.csv", changes, schema.ChangeRow)
    if xlsx:
        frames = {name: pd.read_csv(folder / name, dtype=str, keep_default_na=False) for name in schema.CSV_SCHEMAS}
        write_atomic(folder / "newscompare.xlsx", report.workbook_bytes(frames))


def _report_stage(document_rows: list[DocumentRow], cleaned: list[CleanDocument], mentions: list[Mentions],
                  comparison: Comparison, changes: list[schema.ChangeRow], templates_path: Path,
                  staged_reports: Path, pdf_path: Path, full_texts: bool | None, cache_path: Path,
                  logger) -> tuple[report.ArtifactPayloads | None, str]:
    """Render the report (for its place at ``pdf_path``) and write it into ``staged_reports``; a
    report that cannot be drawn is said (the CSVs are written), not a crash. Returns the artifacts
    and the error, if any."""
    logger.info("report: rendering HTML and PDF")
    try:
        html, pdf, artifacts = report_task(
            quote(document_rows), quote(cleaned), quote(mentions), quote(comparison), templates_path,
            pdf_path.resolve(), quote(changes), full_texts, cache_path,
        )
    except Exception as exc:
        report_error = f"the report could not be written: {error_reason(exc)}"
        logger.error(report_error)
        return None, report_error
    write_atomic(staged_reports / "report.html", html.encode("utf-8"))
    write_atomic(staged_reports / pdf_path.name, pdf)
    return artifacts, ""


def _clean_with_cache(
    raws: list[RawDocument], rules_text: str | None, cache_dir: Path, log: Callable[[str], None],
    distributed: bool = False, processes: int = 1,
) -> list[CleanDocument | Failure]:
    """Cached results for documents read before (same bytes, rules and cleaning code); one clean
    task over the rest (in ``processes`` processes). A document skipped as unusable is cached too;
    an error is not."""
    cache = stage_cache.PickleCache(cache_dir / "clean")
    keys = {raw.doc_id: stage_cache.clean_key(raw, rules_text) for raw in raws}
    results: dict[str, CleanDocument | Failure] = cache.load(keys)
    missing = [raw for raw in raws if raw.doc_id not in results]
    log(f"clean: {len(raws) - len(missing)} documents from cache, {len(missing)} to clean")
    fresh = _in_batches(clean_task, missing, rules_text, 1 if distributed else processes, distributed=distributed,
                        failure=lambda raw, why: Failure(raw.doc_id, "error", why)) if missing else []
    for raw, result in zip(missing, fresh, strict=True):
        results[raw.doc_id] = result
        if not (isinstance(result, Failure) and result.status == "error"):
            cache.store(keys[raw.doc_id], result)
    return [results[raw.doc_id] for raw in raws]


def _extract_with_cache(
    docs: list[CleanDocument], n_process: int | None, cache_dir: Path, log: Callable[[str], None],
    distributed: bool = False,
) -> dict[str, Mentions | Failure]:
    """Cached mentions for unchanged documents; one extract task over the rest (on a cluster, one
    per batch, each worker with one spaCy process)."""
    results: dict[str, Mentions | Failure] = dict(cached_mentions(docs, cache_dir))
    missing = [d for d in docs if d.doc_id not in results]
    log(f"extract: {len(docs) - len(missing)} documents from cache, {len(missing)} to analyse")
    if missing:
        cache = stage_cache.PickleCache(cache_dir / "extract")
        processes = 1 if distributed else extract.processes_for(sum(d.words_clean for d in missing), n_process)
        if processes > 1:
            encoder.wait_for_background_load()  # extraction forks a worker: no thread may be mid-import
        fresh = _in_batches(extract_task, missing, processes, distributed=distributed,
                            failure=lambda doc, why: Failure(doc.doc_id, "error", why))
        for doc, result in zip(missing, fresh, strict=True):
            results[doc.doc_id] = result
            if isinstance(result, Mentions):
                cache.store(stage_cache.extract_key(doc), result)
    return {d.doc_id: results[d.doc_id] for d in docs}


def _claims_with_cache(docs: list[CleanDocument], mentions: list[Mentions], cache_dir: Path,
                       log: Callable[[str], None]) -> tuple[list[compare.Claim], dict[str, str]]:
    """Each document's own claims from the cache when the document and its mentions are unchanged;
    all of them then read against the corpus (background, reference dates) in one task. Also
    each document's cache key, which names its own claims (the pair scores' memo keys on it)."""
    cache = stage_cache.PickleCache(cache_dir / "claims")
    keys = {d.doc_id: stage_cache.claims_key(d, m) for d, m in zip(docs, mentions, strict=True)}
    cached = cache.load(keys)
    log(f"claims: {len(cached)} documents from cache, {len(docs) - len(cached)} to read")
    claims, fresh = claims_task(quote(docs), quote(mentions), quote(cached))
    for doc_id, document in fresh.items():
        cache.store(keys[doc_id], document)
    return claims, keys


def _local_processes(options: RunOptions) -> int:
    """Processes a stage of the flow's own may share its documents between: the machine's cores
    (or ``--processes``); one on a cluster, whose workers share the documents out already."""
    return 1 if options.distributed else (options.n_process or os.cpu_count() or 1)


# A cleaning worker's start-up (an interpreter, the cleaning modules, its share unpickled: about
# 0.5 s) in characters cleaned meanwhile (about 350,000 a second here: ``bench scale``, 12 s for
# 1,000 documents on one core).
CLEAN_WORKER_START_CHARS = 200_000


# Documents per task on a Dask cluster: enough to repay shipping a batch (each worker loads its
# models once), few enough to spread a few hundred documents over several workers.
DASK_BATCH_DOCUMENTS = 20
# A batch whose task fails is run once more before its documents are recorded as failed.
DASK_BATCH_RETRIES = 1


def run_on_dask(address: str, **parameters) -> RunSummary:
    """``run_pipeline(**parameters)`` with cleaning, extraction and embedding on the Dask cluster
    at ``address`` (``tcp://host:8786``) through prefect-dask, a batch of documents per task."""
    from prefect_dask import DaskTaskRunner

    on_dask = run_pipeline.with_options(task_runner=DaskTaskRunner(address=address))
    return on_dask(**parameters, dask_address=address)


def _batches(items: Sequence, size: int) -> list[list]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _in_batches(stage_task, items: list, *args, distributed: bool, failure: Callable[[object, str], Failure]) -> list:
    """One task over all items here; on a cluster one task per batch, submitted together and
    gathered in order. A batch that still fails after its retry fails each of its items with
    the reason, and the other batches go on."""
    if not distributed:
        return stage_task(quote(items), *args)
    retried = stage_task.with_options(retries=DASK_BATCH_RETRIES)
    submitted = [(batch, retried.submit(batch, *args)) for batch in _batches(items, DASK_BATCH_DOCUMENTS)]
    out: list = []
    for batch, future in submitted:
        try:
            out.extend(future.result())
        except Exception as exc:
            why = f"{stage_task.name} failed on the cluster: {error_reason(exc)}"
            out.extend(failure(item, why) for item in batch)
    return out


def cached_mentions(docs: Sequence[CleanDocument], cache_dir: Path) -> dict[str, Mentions]:
    """The extraction cache's mentions of these documents (absent, truncated or stale: left out)."""
    return stage_cache.PickleCache(cache_dir / "extract").load({d.doc_id: stage_cache.extract_key(d) for d in docs})


def _read_previous_run(folder: Path, raw: Path, logger) -> tuple[list[dict[str, str]] | None, list[dict[str, str]]]:
    """The previous run's documents.csv and findings.csv in this output folder (None: no previous
    run, or one on another input folder that --replace overwrites)."""
    try:
        if json.loads((folder / RUN_RECORD).read_text(encoding="utf-8")).get("input_folder") != str(raw.resolve()):
            return None, []
    except (OSError, ValueError, AttributeError):
        pass  # an older output folder without a record: compare with what is there
    try:
        documents = _read_rows(folder / "documents.csv")
        findings = _read_rows(folder / "findings.csv") if (folder / "findings.csv").is_file() else []
    except FileNotFoundError:
        return None, []
    except (OSError, ValueError, csv.Error) as exc:
        logger.warning(f"changes: the previous run's CSVs could not be read ({exc}); reporting this as a first run")
        return None, []
    return documents, findings


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _embed_with_cache(texts: dict[str, list[str]], cache_dir: Path, logger,
                      distributed: bool = False) -> dict[str, np.ndarray]:
    """Frame vectors, cached per document by the hash of its frames and the model.

    A model that cannot be loaded is a warning, not a failure: compare then aligns on words,
    entities and values alone, and says so in the log.
    """
    cache = stage_cache.MatrixCache(cache_dir / "embed", encoder.DIMENSIONS)
    matrices: dict[str, np.ndarray] = {}
    missing: dict[str, list[str]] = {}
    for doc_id, doc_texts in texts.items():
        try:
            matrices[doc_id] = cache.load(_embed_key(doc_texts), len(doc_texts))
        except (OSError, ValueError):
            missing[doc_id] = doc_texts
    logger.info(f"embed: {len(matrices)} documents from cache, {sum(map(len, missing.values()))} frames to embed")
    if missing:
        fresh = _embed_fresh(missing, distributed, logger)
        if fresh is None:
            return {}
        for doc_id, matrix in zip(missing, fresh, strict=True):
            cache.store(_embed_key(missing[doc_id]), matrix)
            matrices[doc_id] = matrix
    return compare.frame_vectors(texts, matrices)


def _embed_fresh(missing: dict[str, list[str]], distributed: bool, logger) -> list[np.ndarray] | None:
    """One matrix per document, or None when the encoder failed (a broken model install, a batch
    that failed on the cluster): a warning, and no vectors for anyone, since vectors for some
    documents only would make the comparison uneven."""
    try:
        fresh = _in_batches(embed_task, list(missing.items()), distributed=distributed,
                            failure=lambda item, why: Failure(item[0], "error", why))
    except Exception as exc:
        why = error_reason(exc)
    else:
        failed = next((f for f in fresh if isinstance(f, Failure)), None)
        if failed is None:
            return fresh
        why = failed.reason
    logger.warning(f"embed: sentence encoder unavailable ({why}); comparing on words, entities and values only")
    return None


def _embed_key(texts: Sequence[str]) -> str:
    return stage_cache.embed_key(texts, encoder.MODEL_NAME, encoder.CACHE_VERSION)


def _document_rows(
    raws: Sequence[RawDocument], cleaned: Sequence[CleanDocument], failures: dict[str, Failure]
) -> list[DocumentRow]:
    by_id = {d.doc_id: d for d in cleaned}
    rows = []
    for raw in raws:
        doc = by_id.get(raw.doc_id)
        failure = failures.get(raw.doc_id)
        warning = "; ".join(raw.warnings)  # ingest's notes: how a legacy encoding was chosen, characters removed ...
        if doc is None:
            rows.append(DocumentRow(
                raw.doc_id, raw.source_file, raw.sha256,
                failure.status if failure else "error", failure.reason if failure else "not processed",
                raw.user_meta.title, "; ".join(raw.user_meta.authors), raw.user_meta.published,
                raw.user_meta.outlet, clean.count_words(raw.text), 0, url=raw.user_meta.url,
            ))
            continue
        meta = doc.meta
        note = "; ".join(filter(None, (clean.english_only_note(doc.language), warning)))
        rows.append(DocumentRow(
            doc.doc_id, raw.source_file, raw.sha256, "ok", note, meta.title, "; ".join(meta.authors),
            meta.published, meta.outlet, doc.words_raw, doc.words_clean, meta.published_basis, meta.url,
            sum(1 for b in doc.blocks if not b.kept), doc.language,
        ))
    return rows


def _recorded_outputs(folder: Path) -> set[str]:
    """The files the previous run into this folder recorded writing there, relative to it (none
    when unknown); the legacy record named clean texts only."""
    try:
        record = json.loads((folder / RUN_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(record, dict):
        return set()
    names = record.get(OUTPUTS_KEY)
    if not isinstance(names, list):
        legacy = record.get(LEGACY_CLEAN_TEXTS_KEY, [])
        names = [f"clean/{n}" for n in legacy if isinstance(n, str)] if isinstance(legacy, list) else []
    return {n for n in names if isinstance(n, str)}


def _publish_artifacts(payloads: report.ArtifactPayloads, pdf_path: Path) -> None:
    """Top findings, a summary and a link to the PDF, keyed so versions line up across runs in the UI."""
    create_table_artifact(table=payloads.table, key=payloads.table_key,
                          description="Top findings (all of them are in processed/findings.csv)")
    create_markdown_artifact(markdown=payloads.markdown, key=payloads.markdown_key,
                             description="Report summary")
    create_link_artifact(link=pdf_path.as_uri(), link_text="report.pdf", key="report-pdf",
                         description="The comparison report")
