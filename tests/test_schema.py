"""The output contract: the schema module, its CSV formatting and the README tables."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import schema

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
README = Path(__file__).resolve().parents[1] / "README.md"

# Columns promised by the first issue; later work may add columns, never drop or rename these.
CONTRACT = {
    "documents.csv": ["doc_id", "source_file", "sha256", "status", "status_reason", "title", "authors",
                      "published", "outlet", "words_raw", "words_clean"],
    "blocks.csv": ["doc_id", "block_no", "label", "kept", "reason", "text"],
    "entities.csv": ["doc_id", "sent_no", "start", "end", "text", "label", "canonical"],
    "numbers.csv": ["doc_id", "sent_no", "start", "end", "text", "value", "value_max", "unit", "qualifier",
                    "kind", "measure", "as_of", "sentence"],
    "dates.csv": ["doc_id", "sent_no", "start", "end", "text", "value", "granularity", "anchor", "qualifier",
                  "sentence"],
    "findings.csv": ["finding_id", "kind", "topic", "doc_id", "quote", "value", "unit", "as_of", "note"],
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_columns_come_first_in_order(name):
    cols = schema.columns(schema.CSV_SCHEMAS[name])
    assert cols[: len(CONTRACT[name])] == CONTRACT[name]


def test_every_column_has_a_type_and_meaning():
    for row_type in schema.CSV_SCHEMAS.values():
        for f in dataclasses.fields(row_type):
            assert f.metadata["type"] in {"str", "int", "float", "bool", "date"}, f.name
            assert len(f.metadata["meaning"]) > 5, f.name


def test_readme_tables_match_the_schema_module():
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- schema:start -->", "<!-- schema:end -->"
    embedded = text[text.index(start) + len(start): text.index(end)].strip()
    assert embedded == schema.schema_markdown().strip(), "run: python -m pipeline schema, paste into README"


def test_to_frame_keeps_headers_when_empty_and_sorts_stably():
    assert list(schema.to_frame([], schema.DateRow).columns) == schema.columns(schema.DateRow)
    rows = [schema.BlockRow("b", 1, "body", True, "r", "x"), schema.BlockRow("a", 2, "body", False, "r", "=1+1"),
            schema.BlockRow("a", 0, "title", True, "r", "y")]
    frame = schema.to_frame(rows, schema.BlockRow)
    assert list(zip(frame.doc_id, frame.block_no, strict=False)) == [("a", 0), ("a", 2), ("b", 1)]
    assert frame.text.tolist()[1] == "'=1+1"  # a formula never runs in a spreadsheet
    assert frame.kept.tolist() == ["true", "false", "true"]


def test_floats_are_written_without_noise():
    assert schema._cell(13_500_000_000.0) == "13500000000"
    assert schema._cell(2.5) == "2.5"
    assert schema._cell(None) == ""


_CELL_TEXT = st.text(alphabet=st.sampled_from(list('ab ,;"\'\n\r\t=-+@é0.')), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_CELL_TEXT, st.integers(-3, 3), _CELL_TEXT, st.booleans(),
                          st.one_of(st.none(), _CELL_TEXT), _CELL_TEXT), max_size=6))
def test_csv_bytes_are_what_pandas_writes(cells):
    """The flow writes CSVs without pandas; a spreadsheet or pandas reads the same bytes as before."""
    rows = [schema.BlockRow(*c) for c in cells]
    expected = schema.to_frame(rows, schema.BlockRow).to_csv(index=False, lineterminator="\n").encode("utf-8")
    assert schema.to_csv_bytes(rows, schema.BlockRow) == expected


def test_csv_bytes_of_floats_and_empty_tables():
    defaults = [f.default for f in dataclasses.fields(schema.NumberRow)][13:]
    rows = [schema.NumberRow("d", 1, 0, 3, "2.5m", 2500000.0, None, "USD", "", "money", "", "", "s", *defaults)]
    for rows_, row_type in ((rows, schema.NumberRow), ([], schema.DateRow)):
        expected = schema.to_frame(rows_, row_type).to_csv(index=False, lineterminator="\n").encode("utf-8")
        assert schema.to_csv_bytes(rows_, row_type) == expected
