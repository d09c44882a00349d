"""Ingest: decoding, refusals with a reason, HTML to text, user metadata."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from pipeline import ingest


def read(name: str, raw: bytes, sidecar: bytes | None = None):
    return ingest.read_document(name, raw, doc_id="d", sidecar=sidecar)


def test_plain_utf8_text_is_read_with_its_hash():
    doc = read("a.txt", "Café owners said prices rose.\r\nSecond line.".encode())
    assert not doc.problem
    assert doc.text == "Café owners said prices rose.\nSecond line."
    assert doc.sha256 == ingest.sha256_hex("Café owners said prices rose.\r\nSecond line.".encode())


def test_empty_binary_and_huge_files_are_refused_with_a_reason():
    assert read("a.txt", b"").problem == "empty file"
    binary = read("a.txt", bytes(range(256)) * 20)
    assert binary.problem_status == "error" and "binary" in binary.problem
    huge = read("a.txt", b"x" * (ingest.MAX_BYTES + 1))
    assert huge.problem.startswith("file too large")
    assert read("a.pdf", b"%PDF-1.4").problem.startswith("not a text document")
    assert read("a.txt", b"   \n\n  ").problem.startswith("no text")


def test_cp1252_text_is_decoded_and_flagged():
    doc = read("a.txt", "The \u201ceuro\u201d fell 3\u2030.".encode("cp1252"))
    assert not doc.problem and doc.encoding == "cp1252"
    assert "\u201ceuro\u201d" in doc.text


def test_utf16_with_bom_is_decoded():
    doc = read("a.txt", "Hello world".encode("utf-16"))
    assert doc.text == "Hello world"


def test_full_html_page_becomes_visible_text_without_scripts():
    page = (b"<!doctype html><html><head><title>T</title><script>alert(1)</script></head>"
            b"<body><p>First paragraph.</p><div>Second <b>bold</b> one.</div></body></html>")
    doc = read("a.html", page)
    assert "alert" not in doc.text
    assert "First paragraph." in doc.text and "Second bold one." in doc.text


def test_a_few_tags_inside_scraped_text_stay_visible_text():
    text = 'Intro sentence.\n\n<img src="file:///etc/passwd"> and <link href="http://x.test/a.css">\n'
    doc = read("a.txt", text.encode())
    assert '<img src="file:///etc/passwd">' in doc.text


def test_front_matter_and_sidecar_metadata_sidecar_wins():
    text = "---\ntitle: From front matter\nauthors: [Ann Lee, Bo Chen]\npublished: 2024-03-01\n---\nBody text.\n"
    doc = read("a.md", text.encode())
    assert doc.text.strip() == "Body text."
    assert doc.user_meta.title == "From front matter"
    assert doc.user_meta.authors == ("Ann Lee", "Bo Chen")
    assert doc.user_meta.published == "2024-03-01"
    sidecar = json.dumps({"title": "From sidecar", "outlet": "Example News", "url": "https://e.test/a"})
    doc = read("a.md", text.encode(), sidecar.encode())
    assert doc.user_meta.title == "From sidecar"
    assert doc.user_meta.authors == ("Ann Lee", "Bo Chen")
    assert doc.user_meta.outlet == "Example News"


def test_broken_sidecar_is_an_error_for_that_document():
    doc = read("a.txt", b"Body.", b"{not json")
    assert doc.problem_status == "error" and "sidecar" in doc.problem


def test_doc_ids_are_stable_unique_and_safe():
    ids = ingest.assign_doc_ids(["b.txt", "a b.md", "a b.txt", "..weird name!.txt"])
    assert ids["b.txt"] == "b"
    assert len(set(ids.values())) == 4
    assert all(set(v) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") for v in ids.values())
    assert ingest.assign_doc_ids(["a b.txt", "a b.md"]) == {"a b.md": "a_b", "a b.txt": "a_b_2"}


@given(st.binary(max_size=2000))
def test_reading_never_raises_on_arbitrary_bytes(raw):
    doc = read("x.txt", raw)
    assert doc.problem or doc.text.strip()


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=8, unique=True))
def test_doc_ids_are_unique_for_any_names(names):
    ids = ingest.assign_doc_ids(names)
    assert len(set(ids.values())) == len(names)
