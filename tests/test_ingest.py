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
    assert [w for w in doc.warnings if "decoded as cp1252" in w]  # said once, in ingest's own words


def test_utf16_with_bom_is_decoded():
    doc = read("a.txt", "Hello world".encode("utf-16"))
    assert doc.text == "Hello world" and doc.warnings == ("decoded as utf-16 (byte-order mark)",)
    assert read("b.txt", "\ufeffHello".encode()).warnings == ()  # UTF-8 with a BOM is UTF-8


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Harbour fire injures 12 | The Tarrow Post</title>
<meta property="og:title" content="Harbour fire injures 12">
<meta name="author" content="Mira Okafor">
<meta property="article:published_time" content="2024-03-11T08:00:00Z">
<meta property="og:site_name" content="The Tarrow Post">
<link rel="canonical" href="https://tarrowpost.example/news/harbour-fire">
<script>document.write("tracking")</script><style>p{color:red}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour fire injures 12</h1>
<p>Twelve people were injured when a fire broke out in a warehouse near Tarrow harbour early on Monday, police said.</p>
<p>The fire started at about 3 a.m. and took firefighters <b>four hours</b> to bring under control,
according to the city's fire service.</p>
<p>Officials said the cause of the blaze was not yet known and that an investigation had been opened.</p>
<p>Residents of nearby streets were told to keep their windows closed because of the smoke.</p></article>
<aside><h3>Most read</h3><ul><li><a href="/a">Council approves new budget</a></li>
<li><a href="/b">Local team wins cup</a></li></ul></aside>
<footer><p>Subscribe to our newsletter</p><p>Copyright 2024 The Tarrow Post. All rights reserved.</p></footer>
</body></html>"""


def test_an_html_page_is_read_through_trafilatura_with_its_metadata():
    doc = read("a.html", PAGE.encode())
    assert doc.extractor == "trafilatura" and doc.fmt == "html"
    assert doc.text.startswith("Harbour fire injures 12\n\n")
    assert "took firefighters four hours to bring under control" in " ".join(doc.text.split())
    assert "tracking" not in doc.text and "color:red" not in doc.text and "Subscribe" not in doc.text
    assert doc.page_meta.authors == ("Mira Okafor",) and doc.page_meta.published == "2024-03-11"
    assert doc.page_meta.outlet == "The Tarrow Post"
    assert doc.page_meta.url == "https://tarrowpost.example/news/harbour-fire"
    left_out = " ".join(doc.left_out)
    assert "Subscribe to our newsletter" in left_out and "Council approves new budget" in left_out
    assert "Twelve people were injured" not in left_out


def test_what_trafilatura_left_out_is_recorded_in_blocks_and_user_metadata_wins():
    from pipeline.clean import clean_document

    sidecar = json.dumps({"title": "Fire at the harbour", "outlet": "Wire copy"}).encode()
    cleaned = clean_document(read("a.html", PAGE.encode(), sidecar))
    assert cleaned.meta.title == "Fire at the harbour" and cleaned.meta.outlet == "Wire copy"
    assert cleaned.meta.authors == ("Mira Okafor",)
    assert cleaned.meta.published == "2024-03-11" and cleaned.meta.published_basis == "page metadata"
    outside = [b for b in cleaned.blocks if b.label == "outside_article"]
    assert outside and not any(b.kept for b in outside) and all(b.reason for b in outside)
    assert any("Subscribe to our newsletter" in b.text for b in outside)
    numbers = [b.block_no for b in cleaned.blocks]
    assert numbers == list(range(len(numbers)))
    assert "Residents of nearby streets" in cleaned.body


def test_a_page_too_small_for_an_article_is_cleaned_from_its_visible_text():
    page = (b"<!doctype html><html><head><title>T</title><script>alert(1)</script></head>"
            b"<body><div>Second <b>bold</b> one.</div></body></html>")
    doc = read("a.html", page)
    assert "alert" not in doc.text and "bold" in doc.text
    if doc.extractor != "trafilatura":
        assert any("visible text" in w for w in doc.warnings)


def test_legacy_encodings_are_detected():
    russian = "Министр заявил, что цены на нефть выросли на пять процентов в понедельник. " * 3
    doc = read("a.txt", russian.encode("cp1251"))
    assert doc.text.strip() == russian.strip() and doc.encoding == "cp1251"
    assert any("cp1251" in w for w in doc.warnings)
    polish = "Minister powiedział, że ceny wzrosły o pięć procent w poniedziałek. " * 3
    assert read("a.txt", polish.encode("cp1250")).text.strip() == polish.strip()
    declared = ('<html><head><meta charset="koi8-r"></head><body><p>' + russian + "</p></body></html>")
    doc = read("a.html", declared.encode("koi8-r"))
    assert "Министр заявил" in doc.text and doc.encoding == "koi8-r"


@given(st.text(max_size=300))
def test_any_utf8_text_decodes_to_itself(text):
    decoded, encoding, note = ingest._decode(text.encode("utf-8"))
    assert encoding == "utf-8" and not note
    assert decoded is None or decoded == text


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
