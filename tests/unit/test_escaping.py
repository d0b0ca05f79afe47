"""Property tests: any text, however much it looks like Markdown or HTML, renders as itself."""

from __future__ import annotations

import functools
import re
from html import unescape

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import Catalog, Document, Event, Kind, RenderedDocument, SourceText
from coalition_texts.pages.documents import document_page, paragraph_html
from coalition_texts.pages.markdown import md_escape
from coalition_texts.pages.reference import GlossaryMarks
from coalition_texts.sources.glossary import Glossary, Term
from coalition_texts.sources.kinds import KINDS_FILE, load_kinds
from coalition_texts.sources.texts import decode, split_text
from tests.base import ROOT, SYNTAX, site_markdown

# Text as a source may hold it: any character but surrogates and control characters (which
# decode() rejects with a message), plus tabs and line breaks; with Markdown and HTML syntax mixed in.
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"))
TEXT = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(CHARACTERS, max_size=12)), min_size=1, max_size=30).map(
    "".join
)


@functools.cache
def repost_kind() -> Kind:
    """The checkout's kind `repost` (sources/kinds.yml), read on first use."""
    return next(kind for kind in load_kinds(ROOT / "sources" / KINDS_FILE) if kind.id == "repost")


def render(markdown_text: str) -> BeautifulSoup:
    site_markdown().reset()
    return BeautifulSoup(site_markdown().convert(markdown_text), "html.parser")


def normal(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150)
@given(TEXT)
def test_any_source_text_renders_word_for_word(text):
    text = decode(text.encode("utf-8"), "property")
    if not text.strip():
        return
    paragraphs, _ = split_text(text, (), "property")
    assert all("\n" not in p.text for p in paragraphs)
    doc = Document(
        id="d", file="d.txt", original_file=None, title="T", title_supplied=False, publisher="P",
        publisher_supplied=False, url=None, published=PartialDate(2022, 5, 11), date_supplied=False,
        date_note=None, place=None, kind="repost", events=("e",), language="en", strip=(), notes=None,
        tags=(), short_name="P", kind_info=repost_kind(), line=1,
    )  # fmt: skip
    anchors = tuple(f"p{n}" for n in range(1, len(paragraphs) + 1))
    item = RenderedDocument(doc, SourceText("0" * 64, paragraphs, ()), anchors, ())
    event = Event("e", "An event", "Event", PartialDate(2022), None, None, None, "Description.")
    page = document_page(item, Catalog((doc,), (event,))).split("---\n", 2)[2]
    shown = render(page).select(".doc-text p.para")
    assert [normal(p.get_text()) for p in shown] == [normal(p.text) for p in paragraphs]
    assert normal(" ".join(p.get_text() for p in shown)) == normal(text)


@settings(max_examples=150)
@given(TEXT)
def test_any_metadata_value_renders_as_itself(value):
    value = normal(value)
    if not value:
        return
    html = render(
        f"# {md_escape(value)}\n\nLabel: {md_escape(value)}\n\n| A | B |\n| --- | --- |\n| {md_escape(value)} | x |\n\n"
        f"Term\n:   {md_escape(value)}\n\n[{md_escape(value)}](https://example.org/)\n"
    )
    for permalink in html.select(".headerlink"):
        permalink.decompose()
    assert normal(html.h1.get_text()) == value
    assert normal(html.find_all("p")[0].get_text()) == f"Label: {value}"
    assert normal(html.td.get_text()) == value
    assert normal(html.dd.get_text()) == value
    assert normal(html.find("a", href="https://example.org/").get_text()) == value


# Glossary terms as they might be written, with Markdown and HTML characters inside and around them.
def glossary() -> Glossary:
    return Glossary(
        (
            Term("ISIS", "Islamic State", ("ISIS-K",), 'An "explanation" with <b>tags</b> & ampersands.', (), 1),
            Term("ISIS-Khorasan", None, (), "Longer than ISIS, so it wins where both fit.", (), 2),
            Term("Q&A *x*", None, ("a<b>c",), "Forms with markup characters inside.", (), 3),
        )
    )


FORMS = ["ISIS", "ISIS-K", "ISIS-Khorasan", "Q&A *x*", "a<b>c"]  # every form of glossary()'s terms
TEXT_WITH_TERMS = st.lists(st.one_of(st.sampled_from(SYNTAX + FORMS), st.text(CHARACTERS, max_size=12)), min_size=1,
                           max_size=30).map("".join)  # fmt: skip


@settings(max_examples=150)
@given(TEXT_WITH_TERMS)
def test_explained_terms_leave_every_paragraph_word_for_word(text):
    """GlossaryMarks.mark wraps terms in <abbr>, and the paragraph's text stays exactly the source's."""
    text = decode(text.encode("utf-8"), "property")
    if not text.strip():
        return
    paragraphs, _ = split_text(text, (), "property")
    terms = glossary()
    tooltips = {form: term.tooltip for term in terms.terms for form in term.forms}
    assert sorted(tooltips) == sorted(FORMS)
    html = "".join(
        paragraph_html(f"p{n}", n, p.text, GlossaryMarks(terms).mark) for n, p in enumerate(paragraphs, start=1)
    )
    shown = render(f'<div class="doc-text" markdown="0">\n\n{html}\n</div>\n').select("p.para")
    assert [normal(p.get_text()) for p in shown] == [normal(p.text) for p in paragraphs]
    words = re.compile(r"(?<!\w)(?:ISIS-Khorasan|Q&A \*x\*|ISIS-K|a<b>c|ISIS)(?!\w)")
    for p, paragraph in zip(shown, paragraphs, strict=True):
        assert [a.get_text() for a in p.find_all("abbr")] == words.findall(paragraph.text)
        # Material's tooltips draw the title as HTML: its value is the explanation escaped once.
        assert all(unescape(a["title"]) == tooltips[a.get_text()] for a in p.find_all("abbr"))
