"""plugin/breadcrumbs.py on a navigation MkDocs makes: a page left out of `nav` gets the section whose index
page shares its folder (breadcrumbs, the current tab), is listed in that section only while it is rendered,
and pages in `nav` are left as MkDocs made them."""

from __future__ import annotations

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from coalition_texts.plugin.breadcrumbs import Breadcrumbs
from tests.base import mkdocs_config, site_structure

PAGES = {
    "index.md": "# Home\n",
    "about.md": "# About\n",
    "documents/index.md": "# Documents\n",
    "documents/statement.md": "# A statement\n",
    "documents/reprint.md": "# A reprint\n",
    "events/index.md": "# Events\n",
    "events/meeting.md": "# A meeting\n",
    "loose/page.md": "# A page of a folder without a section\n",
    "reference/index.md": "# Reference\n",
    "reference/glossary.md": "# Glossary\n",
}
NAV = [
    {"Home": "index.md"},
    {"About": "about.md"},
    {"Documents": ["documents/index.md", {"The statement": "documents/statement.md"}]},
    {"Events": ["events/index.md"]},
    {"Reference": ["reference/index.md"]},
    {"Glossary": "reference/glossary.md"},  # at the top level, beside the section of its folder
]
# As mkdocs.yml declares the pages it leaves out of the navigation.
NOT_IN_NAV = "/documents/*.md\n/events/*.md\n/loose/*.md\n"


def structure(tmp_path):
    config = mkdocs_config(tmp_path, PAGES, nav=NAV, not_in_nav=NOT_IN_NAV)
    files, nav = site_structure(config)
    pages = {file.src_uri: file.page for file in files.documentation_pages()}
    assert all(isinstance(page, Page) for page in pages.values())
    return nav, pages


def section(nav, title: str) -> Section:
    return next(item for item in nav.items if isinstance(item, Section) and item.title == title)


def test_a_page_outside_the_navigation_is_placed_in_the_section_of_its_folder(tmp_path):
    nav, pages = structure(tmp_path)
    breadcrumbs = Breadcrumbs()
    breadcrumbs.collect(nav)
    for uri in ["documents/reprint.md", "events/meeting.md", "loose/page.md"]:
        assert pages[uri].parent is None
        breadcrumbs.place(pages[uri])
    assert pages["documents/reprint.md"].parent is section(nav, "Documents")
    assert pages["events/meeting.md"].parent is section(nav, "Events")
    assert pages["loose/page.md"].parent is None  # no section has its index in that folder
    # The ancestors Material's breadcrumbs show, and the tab it marks as current.
    assert [item.title for item in pages["documents/reprint.md"].ancestors] == ["Documents"]


def test_pages_in_the_navigation_keep_their_place(tmp_path):
    nav, pages = structure(tmp_path)
    before = {uri: page.parent for uri, page in pages.items()}
    breadcrumbs = Breadcrumbs()
    breadcrumbs.collect(nav)
    in_nav = ["index.md", "about.md", "documents/index.md", "documents/statement.md", "reference/glossary.md"]
    assert before["reference/glossary.md"] is None
    for uri in in_nav:
        breadcrumbs.place(pages[uri])
        assert pages[uri].parent is before[uri], uri
    assert section(nav, "Documents").children == [pages["documents/index.md"], pages["documents/statement.md"]]


def test_a_page_is_listed_in_its_section_only_while_it_is_rendered(tmp_path):
    nav, pages = structure(tmp_path)
    documents = section(nav, "Documents")
    own = list(documents.children)
    breadcrumbs = Breadcrumbs()
    breadcrumbs.collect(nav)
    reprint = pages["documents/reprint.md"]
    breadcrumbs.place(reprint)
    breadcrumbs.list_while_rendered(reprint)
    assert documents.children == [*own, reprint]  # after the section's own pages
    breadcrumbs.unlist()
    assert documents.children == own
    # A page the section already lists, or one without a section, is not listed again.
    for uri in ["documents/statement.md", "loose/page.md"]:
        breadcrumbs.place(pages[uri])
        breadcrumbs.list_while_rendered(pages[uri])
        assert documents.children == own and not breadcrumbs.listed
        breadcrumbs.unlist()
    assert documents.children == own


def test_each_build_collects_its_own_sections(tmp_path):
    """`mkdocs serve` rebuilds with a new navigation: the sections of the last build are forgotten."""
    nav, pages = structure(tmp_path / "first")
    breadcrumbs = Breadcrumbs()
    breadcrumbs.collect(nav)
    assert set(breadcrumbs.sections) == {"documents", "events", "reference"}
    without_events = mkdocs_config(tmp_path / "second", PAGES, nav=NAV[:3], not_in_nav=NOT_IN_NAV)
    breadcrumbs.collect(site_structure(without_events)[1])
    assert set(breadcrumbs.sections) == {"documents"}
    meeting = pages["events/meeting.md"]
    breadcrumbs.place(meeting)
    assert meeting.parent is None
