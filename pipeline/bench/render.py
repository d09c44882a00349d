"""Rendering-time benchmark: a synthetic corpus of realistic size through context, HTML and PDF.

``python -m pipeline bench render [--docs 50] [--words 800] [--findings 40] [--repeat 1]``
Synthetic, deterministic text (seeded), ~12 mentions per 100 words and quotes spread over the
documents, so the layout work (highlight spans, footnotes, cards, TOC passes) matches a real run.
"""

from __future__ import annotations

import io
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.documents import CleanDocument, Comparison, DocumentMeta, Finding, Mentions, Statement
from pipeline.report.context import build_context, print_view
from pipeline.report.paged import render_pdf
from pipeline.report.render import render_html
from pipeline.resources import templates_dir as packaged_templates
from pipeline.schema import BlockRow, ClaimRow, DateRow, DocumentRow, EntityRow, NumberRow
from pipeline.vocab import kinds

_NAMES = [
    ("Acme Corp", "ORG"),
    ("Jane Doe", "PERSON"),
    ("Berlin", "GPE"),
    ("Northwind", "ORG"),
    ("Li Wei", "PERSON"),
    ("Shanghai", "GPE"),
    ("the European Union", "ORG"),
    ("Contoso", "ORG"),
    ("Maria Silva", "PERSON"),
    ("Texas", "GPE"),
]
_WORDS = ("market growth company report analysts investment policy supply demand plant engineers chips rules "
          "officials government export model research capacity funding launch quarter staff revenue").split()
_MONTHS = ["January", "March", "May", "July", "September", "November"]
_KINDS = list(kinds.NAMES)  # every finding kind, so every card style is laid out


def synthetic_corpus(
    n_docs: int = 50, *, words: int = 800, n_findings: int = 40, seed: int = 7
) -> tuple[list[DocumentRow], list[CleanDocument], list[Mentions], Comparison]:
    rng = random.Random(seed)
    documents, cleaned, mentions = [], [], []
    sentences_by_doc: dict[str, list[tuple[int, int, str, int, int, str]]] = {}
    for d in range(n_docs):
        doc_id = f"doc{d:03d}"
        parts: list[str] = []
        ents, nums, dates, sents = [], [], [], []
        pos, count = 0, 0
        while count < words:
            para_sentences = []
            for _ in range(rng.randint(3, 5)):
                name, label = rng.choice(_NAMES)
                value = rng.choice([120, 4_200, 35, 2.5, 13_500])
                year = rng.randint(2015, 2026)
                month = rng.choice(_MONTHS)
                filler = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 14)))
                num_text = f"{value:,}" if value >= 100 else f"{value}%"
                tail = f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}"
                sentence = f"{name} said the {filler} reached {num_text} in {month} {year}, {tail}."
                para_sentences.append((sentence, name, label, num_text, value, f"{month} {year}", year, month))
            paragraph = " ".join(s[0] for s in para_sentences)
            for sentence, name, label, num_text, value, date_text, year, month in para_sentences:
                start = pos + paragraph.index(sentence)
                sent_no = len(sents)
                sents.append((start, start + len(sentence)))
                ents.append(EntityRow(doc_id, sent_no, start, start + len(name), name, label, name))
                n0 = start + sentence.index(num_text)
                nums.append(
                    NumberRow(
                        doc_id,
                        sent_no,
                        n0,
                        n0 + len(num_text),
                        num_text,
                        float(value),
                        None,
                        "percent" if num_text.endswith("%") else "",
                        "",
                        "count",
                        "reached",
                        "",
                        sentence,
                    )
                )
                d0 = start + sentence.index(date_text)
                value_iso = f"{year}-{_MONTHS.index(month) * 2 + 1:02d}"
                dates.append(
                    DateRow(doc_id, sent_no, d0, d0 + len(date_text), date_text, value_iso, "month", "", "", sentence)
                )
                sentences_by_doc.setdefault(doc_id, []).append(
                    (start, start + len(sentence), sentence, n0, n0 + len(num_text), num_text)
                )
            parts.append(paragraph)
            pos += len(paragraph) + 2
            count += len(paragraph.split())
        text = "\n\n".join(parts) + "\n"
        blocks = (
            BlockRow(doc_id, 0, "boilerplate", False, "navigation words only", "Home | World | Business | Markets"),
            BlockRow(doc_id, 1, "body", True, "body: kept", text[:200]),
        )
        published = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = f"{rng.choice(_NAMES)[0]} {rng.choice(_WORDS)} {rng.choice(_WORDS)} story {d}"
        meta = DocumentMeta(title=title, authors=("A. Writer",), published=published, outlet=f"Outlet {d % 7}")
        cleaned.append(CleanDocument(doc_id, text, blocks, meta, count + 60, count))
        documents.append(DocumentRow(doc_id, f"{doc_id}.txt", "0" * 64, "ok", "", title, "A. Writer", published,
                                     f"Outlet {d % 7}", count + 60, count, "text", "", 1))
        mentions.append(Mentions(doc_id, tuple(ents), tuple(nums), tuple(dates), tuple(sents)))

    claims, findings = [], []
    for f in range(n_findings):
        kind = _KINDS[f % len(_KINDS)]
        statements = []
        for k, doc_no in enumerate(rng.sample(range(n_docs), 3 if kind == "corroboration" else 2)):
            doc_id = f"doc{doc_no:03d}"
            qs, qe, quote, ns, ne, num_text = rng.choice(sentences_by_doc[doc_id])
            claim_id = f"{doc_id}:number:{ns}"
            value = num_text.replace(",", "").rstrip("%")
            unit = "percent" if num_text.endswith("%") else ""
            claims.append(ClaimRow(claim_id, doc_id, "number", 0, ns, ne, num_text, "Acme", "reached", value,
                                   "", unit, "", "", "", "", quote))
            statements.append(Statement(doc_id, claim_id, "number", value, unit, "", quote, qs, qe, num_text, ns, ne,
                                        documents[doc_no].published, "A" if kind == "corroboration" else "AB"[k % 2],
                                        float(value)))
        findings.append(Finding(f"F{f + 1:03d}", kind, f"topic {f}", f"Synthetic note {f}: values differ by source.",
                                f + 1, 1.0 / (f + 1), tuple(statements)))
    return documents, cleaned, mentions, Comparison(tuple(claims), tuple(findings))


def _pages(pdf: bytes) -> int | str:
    try:
        from pypdf import PdfReader  # a test dependency; the page count is only informative here
    except ImportError:
        return "?"
    return len(PdfReader(io.BytesIO(pdf)).pages)


def run_render_bench(
    *, n_docs: int = 50, words: int = 800, n_findings: int = 40, repeat: int = 1,
    templates_dir: Path | None = None, log: Callable[[str], None] = print, out: Path | None = None,
) -> int:
    """Render the synthetic report ``repeat`` times and log the time of each step."""
    templates_dir = templates_dir or packaged_templates()
    corpus = synthetic_corpus(n_docs, words=words, n_findings=n_findings)
    totals, cpu = [], []
    for i in range(repeat):
        c0 = time.process_time()
        t0 = time.perf_counter()
        ctx = build_context(*corpus)
        t1 = time.perf_counter()
        html = render_html(print_view(ctx), templates_dir)  # what the flow lays out
        t2 = time.perf_counter()
        pdf = render_pdf(html, templates_dir, workers=1)  # in this process: its CPU time is the steady figure
        t3 = time.perf_counter()
        totals.append(t3 - t0)
        cpu.append(time.process_time() - c0)
        # Wall time on a shared machine varies; CPU time of this process is the steadier figure.
        log(f"run {i + 1}: context {t1 - t0:.2f}s, html {t2 - t1:.2f}s, pdf {t3 - t2:.2f}s, total {t3 - t0:.2f}s "
            f"(cpu {cpu[-1]:.2f}s); {_pages(pdf)} pages, {len(pdf) / 1e6:.2f} MB pdf, {len(html) / 1e6:.2f} MB html")
        if out is not None:
            out.write_bytes(pdf)
    log(f"{n_docs} docs x ~{words} words, {n_findings} findings: median total {statistics.median(totals):.2f}s "
        f"(cpu {statistics.median(cpu):.2f}s) over {repeat} run(s)")
    return 0

