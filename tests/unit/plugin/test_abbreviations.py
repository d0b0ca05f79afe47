"""plugin/abbreviations.py in Python-Markdown: a glossary term marked once per page at its first use (a
document's own marks first), never in a heading, "Daesh/ISIS" one term, and the page's terms listed after
the text with their explanations and evidence, addressed from the page."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.pages.markdown import NO_PAGE_TERMS, PAGE_TERMS_HERE
from coalition_texts.plugin.abbreviations import PageTerms

NAME = "A name for the group."
OTHER = "Another name for the group."
# As the glossary snippet defines them (sources/glossary.yml): Daesh/ISIS is a variant of Daesh.
GLOSSARY = f"\n\n*[Daesh]: {NAME}\n*[Daesh/ISIS]: {NAME}\n*[ISIS]: {OTHER}\n"
EVIDENCE = {
    NAME: '<span class="evidence">([Statement ¶ 3](documents/a.md#p3); '
    '<a href="https://example.org/" title="A source">ASI</a>)</span>'
}


def rendered(text: str, page: str = "documents/b.md") -> BeautifulSoup:
    """`text` with the glossary, rendered as the site's pages are (abbr, then the page's terms)."""
    terms = PageTerms()
    terms.use(EVIDENCE)
    terms.page = page
    md = markdown.Markdown(extensions=["abbr", "attr_list", "md_in_html", "toc", terms])
    return BeautifulSoup(md.convert(text + GLOSSARY), "html.parser")


def marks(html: BeautifulSoup) -> list[tuple[str, str]]:
    return [(abbr.get_text(), abbr["title"]) for abbr in html.find_all("abbr")]


def listed(html: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (dt.get_text(), dd.get_text())
        for dt, dd in zip(html.select("dl.page-terms dt"), html.select("dl.page-terms dd"), strict=True)
    ]


def test_a_term_is_marked_once_per_page_at_its_first_use():
    html = rendered("ISIS spread. ISIS was defeated.\n\nThen ISIS again.")
    assert marks(html) == [("ISIS", OTHER)]
    assert html.p.find("abbr").next_sibling == " spread. ISIS was defeated."
    assert not html.find(attrs={"tabindex": True})  # no tab stop


def test_a_term_is_never_marked_in_a_heading():
    html = rendered("# About ISIS\n\n## Daesh\n\nThe text names ISIS.")
    assert not html.h1.find("abbr") and not html.h2.find("abbr")
    assert html.h1.get_text() == "About ISIS"
    assert marks(html) == [("ISIS", OTHER)] and html.p.abbr is not None


def test_daesh_isis_is_one_term():
    """The joined form is one mark; "Daesh" later on the page shares its explanation and is not marked
    again; "ISIS", a term of its own, is."""
    html = rendered("The Coalition against Daesh/ISIS. Daesh lost ground. ISIS too.")
    assert marks(html) == [("Daesh/ISIS", NAME), ("ISIS", OTHER)]
    assert listed(html)[0][0] == "Daesh/ISIS"


def test_a_document_s_own_marks_come_first():
    """A document's text is raw HTML with its marks (pages/reference.GlossaryMarks); a term it marks is not
    marked again in the Markdown around it, and is listed as the text writes it."""
    raw = f'<p>The <abbr class="term" title="{OTHER}">ISIS</abbr> text.</p>'
    text = f'<div class="doc-text" markdown="0">\n{raw}\n</div>\n\nAbout ISIS and Daesh.'
    html = rendered(text)
    assert marks(html) == [("ISIS", OTHER), ("Daesh", NAME)]
    assert [term for term, _ in listed(html)] == ["ISIS", "Daesh"]


def test_the_page_lists_its_terms_with_their_explanations_and_evidence():
    html = rendered("Daesh and ISIS.")
    heading = html.find("h2", id="terms-on-this-page")
    assert heading.get_text() == "Terms on this page" and heading.has_attr("data-search-exclude")
    assert heading.find_next_sibling("dl")["class"] == ["page-terms"]
    assert listed(html) == [("Daesh", f"{NAME} (Statement ¶ 3; ASI)"), ("ISIS", OTHER)]
    links = [(a["href"], a.get("title")) for a in html.select("dl.page-terms a")]
    # Addressed from documents/b.md: the page's own folder is left; outside addresses stay as they are.
    assert links == [("../documents/a.md#p3", None), ("https://example.org/", "A source")]


def test_evidence_is_addressed_from_the_page_being_rendered():
    for page, href in [("index.md", "documents/a.md#p3"), ("reference/x/y.md", "../../documents/a.md#p3")]:
        assert rendered("Daesh.", page).select_one("dl.page-terms a")["href"] == href


def test_the_list_goes_where_the_page_asks_or_nowhere():
    here = rendered(f'Daesh.\n\n<div class="{PAGE_TERMS_HERE}" markdown>\n</div>\n\nAfter the list.')
    assert here.select_one(f".{PAGE_TERMS_HERE} > dl.page-terms") is not None
    none = rendered(f"Daesh and ISIS.\n{{: .{NO_PAGE_TERMS} }}")
    assert not none.select("dl.page-terms") and not none.find(id="terms-on-this-page")
    assert marks(none) == [("Daesh", NAME), ("ISIS", OTHER)]  # still marked, once
    assert not rendered("No term here.").select("dl.page-terms")


FORMS = {"Daesh": NAME, "Daesh/ISIS": NAME, "ISIS": OTHER}


@given(
    st.lists(
        st.tuples(st.booleans(), st.lists(st.sampled_from(sorted(FORMS)), min_size=1, max_size=4)),
        min_size=1,
        max_size=6,
    )
)
def test_each_explanation_is_marked_at_its_first_use_outside_headings(blocks):
    """Any sequence of headings and paragraphs naming the terms: one mark per explanation, at its first
    use in a paragraph, and the list names the terms in that order."""
    text = "\n\n".join(("## " if heading else "") + " and ".join(forms) + "." for heading, forms in blocks)
    expected: dict[str, str] = {}
    for heading, forms in blocks:
        for form in forms if not heading else ():
            expected.setdefault(FORMS[form], form)
    html = rendered(text)
    assert marks(html) == [(form, title) for title, form in expected.items()]
    assert [term for term, _ in listed(html)] == list(expected.values())
