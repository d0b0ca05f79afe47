"""Reading comes first, in the built HTML of every page: the document page's order, glossary marks
once per page, one word count, "¶" kept with its number, no glyph that needs an emoji font.

The browser side (first screen, Tab count, copying, buttons, menus, 404) is in
tests/browser/test_reader_first_browser.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from coalition_texts.model.records import word_count
from coalition_texts.sources.texts import read_source
from tests.base import ROOT, catalog

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def document_pages(site: Path) -> dict[str, Path]:
    """Every document page the built site holds (not only the catalog's of today)."""
    return {path.parent.name: path for path in sorted((site / "documents").glob("*/index.html"))}


def test_document_page_is_title_byline_then_text_then_provenance(built_site):
    pages = document_pages(built_site)
    assert len(pages) >= len(catalog().documents)
    for doc_id, path in pages.items():
        article = soup(path).select_one("article")
        blocks = [el for el in article.find_all(recursive=False) if el.name not in ("a", "nav")]
        # The title, one byline, the (visually hidden) "Text" heading, then the paragraphs.
        assert [el.name for el in blocks[:4]] == ["h1", "p", "h2", "div"], doc_id
        assert "doc-byline" in blocks[1]["class"] and "doc-text" in blocks[3]["class"], doc_id
        # Everything else, provenance included, comes after the text.
        after = " ".join(el.get_text(" ") for el in blocks[4:])
        for fact in ("SHA-256", "Source file", "Download", "Length", "Plain text", "BibTeX"):
            assert fact in after, (doc_id, fact)
        assert not article.select(".doc-text ~ * .doc-text"), doc_id


def test_byline_keeps_the_supplied_marks(built_site):
    for doc in catalog().documents:
        byline = soup(built_site / "documents" / doc.id / "index.html").select_one(".doc-byline")
        parts = [" ".join(part.get_text().split()) for part in byline.select(":scope > .doc-byline__part")]
        text = " ".join(parts)
        assert parts[0].startswith("title supplied: the text has no title") == doc.title_supplied, doc.id
        assert parts[doc.title_supplied] == doc.kind_label, doc.id  # the kind's badge, on its own
        assert " ".join(doc.publisher.split()) in text, doc.id
        expected_marks = (
            doc.title_supplied
            + doc.publisher_supplied
            + bool(doc.date_supplied_parts and doc.published)
            + bool(doc.url and doc.url_supplied)
        )
        marks = byline.select(".supplied")
        assert len(marks) == expected_marks, doc.id
        # Each mark says what it means to screen readers (the words after "supplied" are visually hidden).
        for mark in marks:
            assert mark.select_one(".visually-hidden").get_text().startswith(": "), (doc.id, mark)
        # The separators are drawn by CSS: no "·" in the text, so none can start a wrapped line.
        assert "·" not in byline.get_text(), doc.id
        assert (doc.published.human() if doc.published else "undated") in text, doc.id
        if doc.published:  # a date never wraps inside ("12 / May 2022" on a phone)
            assert "\u00a0".join(doc.published.human().split()) in byline.get_text(), doc.id
        if doc.url:
            assert byline.select_one(f'a[href="{doc.url}"]').get_text().startswith("original address"), doc.id


def test_glossary_marks_once_per_page_never_in_headings_nor_tab_stops(built_site):
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        page = soup(path)
        article = page.select_one("article")
        if article is None:
            continue
        marks = article.find_all("abbr")
        titles = [mark["title"] for mark in marks]
        where = path.relative_to(built_site).as_posix()
        assert len(titles) == len(set(titles)), f"{where}: a term is marked more than once"
        assert not [m for m in marks if m.find_parent(HEADINGS)], f"{where}: a term is marked in a heading"
        assert not article.select("abbr[tabindex]"), f"{where}: a term is a tab stop"
        listing = article.select_one("dl.page-terms")
        if marks and not article.select(".page-terms-none"):
            # The page's terms, explained after the text, for keyboard and screen-reader users.
            # Each explanation, then the evidence for it (as on the glossary page).
            assert [dd.find(string=True, recursive=False).strip() for dd in listing("dd")] == titles, where
            assert all(dd.select(".evidence a[href]") for dd in listing("dd")), where
            assert page.select_one("#terms-on-this-page"), where
            checked += 1
    assert checked > 10
    # The lists repeat the glossary: search finds the explanations on the glossary page, not on every page.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [entry["location"] for entry in index if "Terms on this page" in entry["title"] + entry["text"]]


def test_daesh_isis_is_one_term(built_site):
    found = 0
    for path in document_pages(built_site).values():
        for paragraph in soup(path).select(".doc-text p.para"):
            for mark in paragraph.find_all("abbr"):
                after, before = str(mark.next_sibling or ""), str(mark.previous_sibling or "")
                assert not (mark.get_text() == "Daesh" and after.startswith("/ISIS")), paragraph["id"]
                assert not (mark.get_text() == "ISIS" and before.endswith("Daesh/")), paragraph["id"]
                found += mark.get_text() == "Daesh/ISIS"
    assert found, "some text marks 'Daesh/ISIS' as one term"


def test_one_word_count_on_document_and_comparison_pages(built_site):
    for doc in catalog().documents:
        source = read_source(ROOT / "sources" / doc.file, doc.strip, doc.id)
        expected = sum(word_count(p.text) for p in source.paragraphs)
        meta = soup(built_site / "documents" / doc.id / "index.html").select_one(".doc-meta").get_text(" ")
        assert f"{len(source.paragraphs)} paragraphs, {expected:,} words" in meta, doc.id
        for compare in (built_site / "compare").glob(f"*{doc.id}*/index.html"):
            line = next(li for li in soup(compare).select("article li") if li.find("a", href=re.compile(doc.id)))
            assert f"({expected:,} words)" in line.get_text(), (doc.id, compare.parent.name)


def test_word_count_definition():
    assert word_count("Daesh/ISIS – the 83-member Coalition, 11.05.2022 …") == 5
    assert word_count("") == 0 and word_count(" – — ") == 0


def test_paragraph_sign_stays_with_its_number(built_site):
    for path in sorted(built_site.rglob("*.html")):
        page = soup(path)
        for code in page.select("pre, code, script"):
            code.decompose()
        broken = re.findall(r"¶[ \t\n]+\d+", page.get_text())
        assert not broken, f"{path.relative_to(built_site)}: {broken[:3]}"


def test_no_glyph_needs_an_emoji_font():
    """Pictographs (U+1F000 and up, dingbats and symbols with emoji presentation) are drawn only by emoji
    fonts; the site's own styles and scripts use SVG icons and plain text instead."""
    emoji = re.compile("[\U0001f000-\U0001ffff\u2600-\u27bf\ufe0f]|\\\\1F[0-9A-F]{3}|\\\\2[67][0-9A-F]{2}", re.I)
    for path in [*(ROOT / "docs" / "stylesheets").glob("*.css"), ROOT / "docs" / "javascripts" / "paragraphs.js"]:
        assert not emoji.findall(path.read_text(encoding="utf-8")), path.name
