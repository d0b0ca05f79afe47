"""The glossary, the index of people, places and organisations, and the topics, in the built site.

Expectations are computed here from the YAML files and the source texts by a search written
independently of scripts/mentions.py (plain `str.find` and a look at the neighbouring characters).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coalition_texts.model.errors import SourceError
from coalition_texts.pages.reference import glossary_page, index_page
from coalition_texts.sources.glossary import load_glossary
from coalition_texts.sources.index_entries import load_index
from coalition_texts.sources.texts import read_source
from coalition_texts.sources.topics import load_topics
from tests.base import SOURCES, catalog, copy_project, links, mkdocs_build, one_build_error, rendered, source_data


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def find_all(text: str, form: str) -> list[int]:
    """Start offsets of `form` in `text` as a whole word (no letter, digit or _ on either side)."""
    starts, at = [], text.find(form)
    while at != -1:
        before = text[at - 1] if at else " "
        end = at + len(form)
        after = text[end] if end < len(text) else " "
        if not is_word(before) and not is_word(after):
            starts.append(at)
        at = text.find(form, at + 1)
    return starts


def glossary_occurrences(text: str) -> list[tuple[str, str]]:
    """(form, tooltip) for each glossary term in `text`, left to right; a longer form hides those inside it."""
    spans = []
    for term in source_data("glossary.yml")["terms"]:
        tooltip = " ".join(term["explanation"].split())
        if term.get("expansion"):
            tooltip = f"{term['expansion']}: {tooltip}"
        for form in [term["term"], *term.get("variants", [])]:
            spans += [(start, start + len(form), form, tooltip) for start in find_all(text, form)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept, end = [], -1
    for start, stop, form, tooltip in spans:
        if start >= end:
            kept.append((form, tooltip))
            end = stop
    return kept


def built_paragraphs(site: Path, doc) -> list[tuple[str, str, BeautifulSoup]]:
    """(anchor, source text, element) for each paragraph of a document's built page."""
    source = read_source(SOURCES / doc.file, doc.strip, doc.id)
    shown = soup(site, f"documents/{doc.id}").select(".doc-text p.para")
    assert len(shown) == len(source.paragraphs)
    return [(p["id"], para.text, p) for p, para in zip(shown, source.paragraphs, strict=True)]


# Glossary ----------------------------------------------------------------------------------------


def test_every_glossary_term_in_a_document_is_explained_at_its_first_use(built_site, doc):
    seen: set[str] = set()
    marked = []
    for anchor, text, paragraph in built_paragraphs(built_site, doc):
        # A term is marked once per page, where the text first uses it (in any of its forms).
        expected = [(form, tip) for form, tip in glossary_occurrences(text) if tip not in seen and not seen.add(tip)]
        shown = [(abbr.get_text(), abbr.get("title")) for abbr in paragraph.find_all("abbr")]
        assert shown == expected, anchor
        assert not paragraph.select("abbr[tabindex]"), f"{anchor}: a term in running text is no tab stop"
        assert " ".join(paragraph.get_text().split()) == " ".join(text.split()), anchor
        marked += expected
    assert marked, "every text uses at least one glossary term"
    # Every term marked in the text is listed, with its explanation, right after the text.
    listing = soup(built_site, f"documents/{doc.id}").select_one(".doc-text ~ div .page-terms")
    explanations = [dd.find(string=True, recursive=False).strip() for dd in listing("dd")]
    listed = list(zip([dt.get_text() for dt in listing("dt")], explanations, strict=True))
    assert listed[: len(marked)] == marked


def test_terms_in_the_site_prose_are_marked_once_never_in_headings_nor_as_tab_stops(built_site):
    page = soup(built_site, "documents/canada-joint-statement-2022")
    assert page.find("h1").get_text().strip().startswith("Joint Statement") and not page.select("h1 abbr")
    # A hyphenated term in Markdown text is found whole, not as "ISIS" followed by "-Khorasan".
    topics = soup(built_site, "reference/topics")
    assert [a.get_text() for a in topics.select("abbr")].count("ISIS-Khorasan") == 1
    assert "ISIS" not in [a.get_text() for a in topics.select("abbr") if (a.next_sibling or "").startswith("-")]
    names = soup(built_site, "reference/names")
    assert names.select("abbr") and not names.select("abbr[tabindex]")
    for path in ("", "events/marrakesh-ministerial-2022", "overview/timeline", "overview/differences"):
        marks = soup(built_site, path).select("article abbr")
        titles = [abbr["title"] for abbr in marks]
        assert marks and len(titles) == len(set(titles)), path
        listed = [
            dd.find(string=True, recursive=False).strip() for dd in soup(built_site, path).select(".page-terms dd")
        ]
        assert listed == titles, path


def test_glossary_page_lists_every_term_with_its_sources(built_site):
    page = soup(built_site, "reference/glossary")
    headings = {" ".join(h.get_text().replace("#", "").split()): h for h in page.select("article h2")}
    for term in source_data("glossary.yml")["terms"]:
        assert term["term"] in headings, term["term"]
        section = []
        for sibling in headings[term["term"]].find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(sibling)
        hrefs = {a["href"] for part in section for a in part.find_all("a")}
        for cite in term["cite"]:
            if "#" not in cite:  # a public source, by its id
                public = source_data("editorial/sources.yml")["public_sources"]
                assert next(p["url"] for p in public if p["id"] == cite) in hrefs, cite
            else:
                doc_id, anchor = cite.split("#")
                assert f"../../documents/{doc_id}/#{anchor}" in hrefs, cite


@pytest.mark.browser
def test_a_term_shows_its_explanation_on_hover_and_in_the_list_the_keyboard_reaches(page, site_url):
    page.goto(f"{site_url}/documents/canada-joint-statement-2022/")
    term = next(t for t in source_data("glossary.yml")["terms"] if t["term"] == "Peshmerga")
    explanation = " ".join(term["explanation"].split())
    page.focus("#p6 .para-link")
    page.keyboard.press("Tab")  # the next tab stop after paragraph 6's link: its copy buttons, not a term
    assert page.evaluate("document.activeElement.closest('.para-tools') !== null")
    page.mouse.move(0, 0)
    page.locator("#p6 abbr", has_text="Peshmerga").hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert explanation in tooltip.inner_text()
    page.mouse.move(0, 0)
    page.locator("#p10 abbr", has_text="ISIS-Khorasan").first.hover()
    page.locator(".md-tooltip2--active", has_text="South and Central Asia").wait_for(state="visible")
    # Without a mouse: the contents link to the page's terms, and the list gives the explanation.
    link = page.locator('.md-sidebar--secondary a[href="#terms-on-this-page"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#terms-on-this-page'")
    listed = page.locator(".page-terms dt", has_text="Peshmerga").locator("xpath=following-sibling::dd[1]")
    assert explanation in listed.inner_text()
    # Material fetches the sitemap from site_url (another address when served by the tests): not ours to check.
    assert [error for error in page.console_errors if "Failed to load resource" not in error] == []


# Index of people, places and organisations ----------------------------------------------------------


def index_sections(site: Path) -> dict[str, set[str]]:
    """Entry name -> the paragraph links listed under it on the index page."""
    page = soup(site, "reference/names")
    sections = {}
    for heading in page.select("article h3"):
        links = set()
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            if sibling.name == "ul":
                links |= {a["href"] for a in sibling.find_all("a") if "#p" in a["href"]}
        sections[" ".join(heading.get_text().replace("#", "").split())] = links
    return sections


def test_index_finds_every_mention_of_every_entry(built_site):
    sections = index_sections(built_site)
    paragraphs = [
        (doc, anchor, text) for doc in catalog().documents for anchor, text, _ in built_paragraphs(built_site, doc)
    ]
    assert set(sections) == {entry["name"] for entry in source_data("index-entries.yml")["entries"]}
    for entry in source_data("index-entries.yml")["entries"]:
        forms = [entry["name"], *entry.get("variants", [])]
        expected = {
            f"../../documents/{doc.id}/#{anchor}"
            for doc, anchor, text in paragraphs
            if any(find_all(text, form) for form in forms)
        }
        assert expected, f"{entry['name']} is named in no paragraph: check its spelling"
        assert sections[entry["name"]] == expected, entry["name"]


def test_index_includes_variants_and_respects_word_boundaries(built_site):
    sections = index_sections(built_site)
    niamey_report = "../../documents/einpresswire-niamey-action-plan-2023/"
    assert niamey_report + "#p2" in sections["Marrakesh"]  # written "Marrakech" there
    assert "../../documents/morocco-mfa-announcement-2022/#p1" in sections["Nasser Bourita"]  # "Mr. Nasser Bourita"
    assert "../../documents/sun-nigeria-nsa-delegation-2022/#p6" in sections["Nigeria"]  # "Nigerian delegation"
    assert not any("sun-nigeria" in link for link in sections["Niger"])  # "Nigerian" is not "Niger"
    assert niamey_report + "#p1" in sections["Niger"]


# Topics --------------------------------------------------------------------------------------------


def test_topics_page_lists_the_documents_of_each_tag(built_site):
    page = soup(built_site, "reference/topics")
    tags = {tag for doc in catalog().documents for tag in doc.tags}
    assert tags, "the catalog tags documents"
    for tag in tags:
        slug = re.sub(r"[^\w]+", "-", tag.lower()).strip("-")
        heading = page.find(id=f"tag:{slug}")
        assert heading is not None, tag
        listed = {a["href"].split("/")[-2] for a in heading.find_next_sibling("ul").find_all("a")}
        assert listed == {doc.id for doc in catalog().documents if tag in doc.tags}, tag


def test_document_page_shows_its_topics_linking_to_the_listing(built_site, doc):
    page = soup(built_site, f"documents/{doc.id}")
    # After the text, with the document's other details; not as chips above the text.
    assert not page.select("nav.md-tags:not([hidden]) a.md-tag")
    links = page.select('.doc-meta a[href^="../../reference/topics/#tag:"]')
    assert sorted(link.get_text().strip() for link in links) == sorted(doc.tags)


# Bad data --------------------------------------------------------------------------------------------


def edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    path = tmp_path / name
    text = (SOURCES / name).read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


BAD_DATA = {
    "glossary-unknown-field": (
        "glossary.yml", "    explanation: >-", "    explanaton: >-",
        ["glossary.yml, line", "term Daesh", "field 'explanaton'", "unknown field"],
    ),
    "glossary-duplicate-term": (
        "glossary.yml", "  - term: GCTF", "  - term: NSA",
        ["glossary.yml, line", "field 'term'", "duplicate term 'NSA'", "already defined on line"],
    ),
    "glossary-duplicate-variant": (
        "glossary.yml", "variants: [ISIS-K]", "variants: [ISIS-K, Daesh]",
        ["glossary.yml, line", "field 'variants'", "duplicate term 'Daesh'"],
    ),
    "glossary-missing-paragraph": (
        "glossary.yml", "canada-joint-statement-2022#p10", "canada-joint-statement-2022#p99",
        ["glossary.yml, line", "term ISIS-Khorasan", "field 'cite'", "no paragraph #p99"],
    ),
    "glossary-no-citation": (
        "glossary.yml", "    cite:\n      - canada-joint-statement-2022#p10\n", "    cite: []\n",
        ["glossary.yml, line", "term ISIS-Khorasan", "field 'cite'", "cites nothing"],
    ),
    "index-duplicate-entry": (
        "index-entries.yml", "  - name: Rome\n", "  - name: Brussels\n",
        ["index-entries.yml, line", "field 'name'", "duplicate entry 'Brussels'", "already listed on line"],
    ),
    "index-unknown-field": (
        "index-entries.yml", "    variants: [Marrakech]", "    spellings: [Marrakech]",
        ["index-entries.yml, line", "entry Marrakesh", "unknown field 'spellings'"],
    ),
    "index-unknown-kind": (
        "index-entries.yml", "kind: place\n    variants: [Marrakech]", "kind: city\n    variants: [Marrakech]",
        ["index-entries.yml, line", "field 'kind'", "unknown kind 'city'"],
    ),
    "index-unknown-public-source": (
        "index-entries.yml", "cite: [canada-joint-statement-2022#p5]", "cite: [some-blog]",
        ["index-entries.yml, line", "entry Al-Sinaa", "field 'cite'", "'some-blog'"],
    ),
    "topics-duplicate": (
        "topics.yml", "  - name: membership", "  - name: Africa",
        ["topics.yml, line", "duplicate topic 'Africa'"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_reference_data_gives_one_clear_message(tmp_path, case):
    """Read, and (for the glossary and the index) made into their page, whose citations are then checked."""
    name, old, new, fragments = BAD_DATA[case]
    path = edited(tmp_path, name, old, new)
    load = {
        "glossary.yml": lambda: glossary_page(load_glossary(path), rendered(), links()),
        "index-entries.yml": lambda: index_page(load_index(path), rendered(), links()),
        "topics.yml": lambda: load_topics(path, catalog()),
    }[name]
    with pytest.raises(SourceError) as error:
        load()
    message = str(error.value)
    for fragment in fragments:
        assert fragment in message, (fragment, message)


@pytest.mark.parametrize(
    ("file", "old", "new", "fragments"),
    [
        ("glossary.yml", "  - term: Peshmerga\n", "  - term: Peshmerga\n    plural: Peshmergas\n",
         ["sources/glossary.yml, line", "term Peshmerga", "unknown field 'plural'"]),
        ("catalog.yml", "tags: [Africa, Iraq and Syria, stabilization", "tags: [Afrika, Iraq and Syria, stabilization",
         ["sources/catalog.yml, line", "blog-repost-africa-communique-2022", "field 'tags'", "unknown topic 'Afrika'"]),
    ],
    ids=["glossary-unknown-field", "catalog-unknown-tag"],
)  # fmt: skip
def test_bad_reference_data_stops_the_build_with_one_line(tmp_path, file, old, new, fragments):
    project = copy_project(tmp_path / "project")
    path = project / "sources" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    error = one_build_error(mkdocs_build(project, tmp_path / "site"))
    for fragment in fragments:
        assert fragment in error, (fragment, error)
    shutil.rmtree(project)
