"""What changed since the previous run on the same output folder: documents and findings.

Pure: the flow reads the previous run's ``documents.csv`` and ``findings.csv`` (as plain dicts)
before it overwrites them and passes them here with this run's rows. Documents are matched by
id and compared by content hash. Findings are matched by the claims they are made of (claim ids
are ``<doc_id>:<kind>:<offset>``, stable while a document is unchanged): a finding of this run
and one of the previous run that share at least half of the smaller one's claims are the same
finding; it has changed when its kind or its values did. Values are told with their outlets (or
titles), not S-labels, since labels move when documents come and go.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.schema import ChangeRow, DocumentRow, FindingRow

# Two findings are the same when this share of the smaller one's claims is common to both (a
# finding that lost one source and gained another is the same finding, changed).
SAME_FINDING_MIN = 0.5

Row = Mapping[str, str]


def run_changes(previous_documents: Sequence[Row] | None, previous_findings: Sequence[Row],
                documents: Sequence[DocumentRow], findings: Sequence[FindingRow]) -> list[ChangeRow]:
    """One row per change; a single ``first_run`` row when there is no previous run."""
    if previous_documents is None:
        return [ChangeRow("first_run", detail="no earlier run in this output folder: nothing to compare with")]
    return [*_document_changes(previous_documents, documents), *_finding_changes(previous_findings, findings)]


def _document_changes(previous: Sequence[Row], documents: Sequence[DocumentRow]) -> list[ChangeRow]:
    before = {r.get("doc_id", ""): r for r in previous if r.get("doc_id")}
    now = {d.doc_id: d for d in documents}
    out = []
    for doc_id in sorted(now.keys() - before.keys()):
        out.append(ChangeRow("document_added", doc_id=doc_id, topic=now[doc_id].title or now[doc_id].source_file))
    for doc_id in sorted(before.keys() - now.keys()):
        r = before[doc_id]
        out.append(ChangeRow("document_removed", doc_id=doc_id, topic=r.get("title", "") or r.get("source_file", "")))
    for doc_id in sorted(now.keys() & before.keys()):
        if before[doc_id].get("sha256", "") != now[doc_id].sha256:
            out.append(ChangeRow("document_changed", doc_id=doc_id, topic=now[doc_id].title or now[doc_id].source_file,
                                 detail="the file's content changed"))
    return out


def _finding_changes(previous: Sequence[Row], findings: Sequence[FindingRow]) -> list[ChangeRow]:
    old = _group((r.get("finding_id", ""), r) for r in previous)
    new = _group((f.finding_id, _as_row(f)) for f in findings)
    old_claims = {fid: _claim_ids(rows) for fid, rows in old.items()}
    holding: dict[str, set[str]] = {}  # claim id -> the previous findings made of it
    for fid, claims in old_claims.items():
        for claim in claims:
            holding.setdefault(claim, set()).add(fid)
    matched_old: set[str] = set()
    out = []
    for fid, rows in new.items():
        match = _best_match(_claim_ids(rows), old_claims, holding, matched_old)
        if match is None:
            out.append(ChangeRow("finding_new", finding_id=fid, kind=rows[0]["kind"], topic=rows[0]["topic"],
                                 detail=_values(rows)))
            continue
        matched_old.add(match)
        before = old[match]
        if before[0].get("kind") != rows[0]["kind"] or _values(before) != _values(rows):
            detail = f"was {before[0].get('kind', '')} ({_values(before)}), now {rows[0]['kind']} ({_values(rows)})"
            out.append(ChangeRow("finding_changed", finding_id=fid, kind=rows[0]["kind"], topic=rows[0]["topic"],
                                 detail=detail))
    for fid, rows in old.items():
        if fid not in matched_old:
            out.append(ChangeRow("finding_resolved", finding_id=fid, kind=rows[0].get("kind", ""),
                                 topic=rows[0].get("topic", ""), detail="no longer found: " + _values(rows)))
    return out


def _as_row(f: FindingRow) -> dict[str, str]:
    return {"finding_id": f.finding_id, "kind": f.kind, "topic": f.topic, "claim_id": f.claim_id,
            "doc_id": f.doc_id, "value": f.value, "unit": f.unit, "outlet": f.outlet, "title": f.title}


def _group(rows) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for fid, r in rows:
        if fid:
            out.setdefault(fid, []).append(r)
    return out


def _claim_ids(rows: Sequence[Row]) -> set[str]:
    return {r.get("claim_id", "") for r in rows} - {""}


def _best_match(claims: set[str], old_claims: Mapping[str, set[str]], holding: Mapping[str, set[str]],
                taken: set[str]) -> str | None:
    """The previous finding (not yet taken) sharing the largest share of the smaller one's claims,
    at least SAME_FINDING_MIN; among equals the first by id. Only findings sharing a claim can
    match, so those are the only ones scored (791 against 791 took 1.3 s scored all against all)."""
    best, best_score = None, 0.0
    for fid in sorted(set().union(*(holding.get(c, ()) for c in claims)) - taken):
        theirs = old_claims[fid]
        score = len(claims & theirs) / min(len(claims), len(theirs))
        if score > best_score:
            best, best_score = fid, score
    return best if best_score >= SAME_FINDING_MIN else None


def _values(rows: Sequence[Row]) -> str:
    """"10 people (S1, S3); 13 people (S2)": the values of a finding with their sources."""
    by_value: dict[str, list[str]] = {}
    for r in rows:
        value = f"{r.get('value', '')} {r.get('unit', '')}".strip()
        by_value.setdefault(value, []).append(_source(r))
    return "; ".join(f"{v} ({', '.join(sorted(set(s)))})" for v, s in sorted(by_value.items()))


def _source(row: Row, limit: int = 40) -> str:
    """The outlet, else the title (cut), else the document id: stable across runs, unlike S-labels."""
    title = row.get("title", "")
    short = title if len(title) <= limit else title[: limit - 1] + "…"
    return row.get("outlet", "") or short or row.get("doc_id", "")
