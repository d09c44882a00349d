"""Hand-built stage outputs for the report tests: three sources, one failed file, four findings."""

from __future__ import annotations

from pipeline.documents import CleanDocument, Comparison, DocumentMeta, Finding, Mentions, Statement
from pipeline.schema import BlockRow, ClaimRow, DateRow, DocumentRow, EntityRow, NumberRow

HOSTILE = '<img src="file:///etc/passwd"> <link rel="attachment" href="http://169.254.169.254/latest"> <style>body{background:url(file:///etc/hostname)}</style>'

TEXTS = {
    "alpha": (
        "Acme Corp said on 3 March 2024 that it employs 4,200 engineers in Berlin.\n\n"
        "Jane Doe, the chief executive, expects revenue of $13.5bn in 2025.\n"
    ),
    "beta": (
        "Acme Corp now employs 3,900 engineers, according to a filing in March 2024.\n\n"
        "The Berlin plant opened in 2019, Jane Doe said.\n"
    ),
    "gamma": (
        "Analysts at Northwind Bank put Acme Corp's engineering staff at 4,200.\n\n"
        "A reader pasted this: " + HOSTILE + "\n\n"
        "The Berlin plant opened in 2018.\n"
    ),
}
TITLES = {
    "alpha": "Acme expands its Berlin engineering team",
    "beta": "Acme staff numbers fall, filing shows",
    "gamma": "What analysts say about Acme <b>not bold</b>",
}
PUBLISHED = {"alpha": "2024-03-04", "beta": "2024-03-20", "gamma": "2024-04-02"}


def _span(doc_id: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    text = TEXTS[doc_id]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _sentence(doc_id: str, needle: str) -> tuple[int, int, str]:
    text = TEXTS[doc_id]
    pos = text.index(needle)
    start = text.rfind("\n", 0, pos) + 1
    end = text.index("\n", pos)
    return start, end, text[start:end]


def _ent(doc_id: str, needle: str, label: str, canonical: str, occurrence: int = 0) -> EntityRow:
    s, e = _span(doc_id, needle, occurrence)
    return EntityRow(doc_id, 0, s, e, needle, label, canonical)


def _num(doc_id: str, needle: str, value: float, unit: str, kind: str) -> NumberRow:
    s, e = _span(doc_id, needle)
    return NumberRow(doc_id, 0, s, e, needle, value, None, unit, "", kind, "engineers", "", "")


def _date(doc_id: str, needle: str, value: str, gran: str) -> DateRow:
    s, e = _span(doc_id, needle)
    return DateRow(doc_id, 0, s, e, needle, value, gran, "", "", "")


def documents() -> list[DocumentRow]:
    rows = [
        DocumentRow(d, f"{d}.txt", "0" * 64, "ok", "", TITLES[d], "Jane Roe", PUBLISHED[d], f"{d.title()} News",
                    len(TEXTS[d].split()) + 40, len(TEXTS[d].split()), published_basis="text", blocks_removed=1)
        for d in TEXTS
    ]
    rows.append(DocumentRow("broken", "broken.pdf", "1" * 64, "skipped", "not a text document (expected .txt)",
                            "", "", "", "", 0, 0))
    return rows


def cleaned() -> list[CleanDocument]:
    return [
        CleanDocument(
            d,
            TEXTS[d],
            (
                BlockRow(
                    d, 0, "boilerplate", False, "navigation words only", "Home | World | Business <script>x</script>"
                ),
                BlockRow(d, 1, "body", True, "body: kept", TEXTS[d]),
            ),
            DocumentMeta(title=TITLES[d], published=PUBLISHED[d]),
            len(TEXTS[d].split()) + 40,
            len(TEXTS[d].split()),
        )
        for d in TEXTS
    ]


def mentions() -> list[Mentions]:
    return [
        Mentions(
            "alpha",
            entities=(
                _ent("alpha", "Acme Corp", "ORG", "Acme"),
                _ent("alpha", "Berlin", "GPE", "Berlin"),
                _ent("alpha", "Jane Doe", "PERSON", "Jane Doe"),
            ),
            numbers=(_num("alpha", "4,200", 4200, "people", "count"), _num("alpha", "$13.5bn", 13.5e9, "USD", "money")),
            dates=(_date("alpha", "3 March 2024", "2024-03-03", "day"), _date("alpha", "2025", "2025", "year")),
        ),
        Mentions(
            "beta",
            entities=(
                _ent("beta", "Acme Corp", "ORG", "Acme"),
                _ent("beta", "Berlin", "GPE", "Berlin"),
                _ent("beta", "Jane Doe", "PERSON", "Jane Doe"),
            ),
            numbers=(_num("beta", "3,900", 3900, "people", "count"),),
            dates=(_date("beta", "March 2024", "2024-03", "month"), _date("beta", "2019", "2019", "year")),
        ),
        Mentions(
            "gamma",
            entities=(
                _ent("gamma", "Northwind Bank", "ORG", "Northwind Bank"),
                _ent("gamma", "Acme Corp", "ORG", "Acme"),
                _ent("gamma", "Berlin", "GPE", "Berlin"),
            ),
            numbers=(_num("gamma", "4,200", 4200, "people", "count"),),
            dates=(_date("gamma", "2018", "2018", "year"),),
        ),
    ]


def _claim(doc_id: str, kind: str, needle: str, value: str, unit: str = "") -> ClaimRow:
    s, e = _span(doc_id, needle)
    _qs, _qe, quote = _sentence(doc_id, needle)
    return ClaimRow(f"{doc_id}:{kind}:{s}", doc_id, kind, 0, s, e, needle, "Acme", "engineers", value, "", unit, "", "",
                    "", PUBLISHED[doc_id], quote)


def _statement(claim: ClaimRow, side: str) -> Statement:
    qs, qe, quote = _sentence(claim.doc_id, claim.text)
    number = float(claim.value) if claim.kind == "number" else None
    return Statement(claim.doc_id, claim.claim_id, claim.kind, claim.value, claim.unit, "", quote, qs, qe, claim.text,
                     claim.start, claim.end, PUBLISHED[claim.doc_id], side, number)


def _finding(fid: str, kind: str, topic: str, sides: list[tuple[ClaimRow, str]], note: str, rank: int) -> Finding:
    return Finding(fid, kind, topic, note, rank, 1.0 / rank, tuple(_statement(c, side) for c, side in sides))


def comparison() -> Comparison:
    a = _claim("alpha", "number", "4,200", "4200", "people")
    b = _claim("beta", "number", "3,900", "3900", "people")
    g = _claim("gamma", "number", "4,200", "4200", "people")
    bd = _claim("beta", "date", "2019", "2019")
    gd = _claim("gamma", "date", "2018", "2018")
    claims = (a, b, g, bd, gd)
    findings = (
        _finding(
            "F001",
            "numeric_conflict",
            "Acme engineers",
            [(a, "A"), (b, "B")],
            "4,200 vs 3,900: beta is later and cites a filing.",
            1,
        ),
        _finding(
            "F002", "date_conflict", "Berlin plant opened", [(bd, "A"), (gd, "B")], "2019 vs 2018: one year apart.", 2
        ),
        _finding("F003", "corroboration", "Acme engineers", [(a, "A"), (g, "A")], "Two sources give 4,200.", 3),
        _finding("F004", "superseded", "Acme engineers", [(a, "A")], "The later filing (beta) replaces 4,200.", 4),
    )
    return Comparison(claims=claims, findings=findings)
