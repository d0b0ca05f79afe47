"""plugin/note_links.py on pages MkDocs makes: the shared-passage notes' links to .md files become the
addresses of those pages, a document's topics link to the anchors Material's tags plugin gives them, and
every other link is left as it was."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from material.plugins.tags.config import TagsConfig
from mkdocs.exceptions import PluginError

from coalition_texts.pages.compare import PASSAGE_NOTE_CLASS
from coalition_texts.pages.markdown import RAW_LINKS_CLASS
from coalition_texts.plugin.note_links import resolve_note_links, topic_anchor
from tests.base import mkdocs_config, site_structure

PAGES = {
    "index.md": "# Home\n",
    "documents/a.md": "# A\n",
    "documents/b & c.md": "# B and C\n",
    "compare/a--b.md": "# A and B\n",
    "reference/topics.md": "# Topics\n",
}


def resolved(tmp_path, html: str, page: str = "documents/a.md", **options) -> str:
    files, _ = site_structure(mkdocs_config(tmp_path, PAGES, **options))
    return resolve_note_links(html, files.get_file_from_path(page).page, files)


def note(links: str) -> str:
    return f'<div class="{PASSAGE_NOTE_CLASS}" data-x="1"><p>Also in {links}.</p></div>'


def hrefs(html: str) -> list[str]:
    return [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]


@pytest.mark.parametrize(("directory_urls", "expected"), [(True, "../b%20%26%20c/#p3"), (False, "b%20%26%20c.html#p3")])
def test_a_note_links_to_the_page_mkdocs_makes_of_the_md_file(tmp_path, directory_urls, expected):
    html = note('<a href="b &amp; c.md#p3">B</a> and <a href="../compare/a--b.md">the comparison</a>')
    comparison = "../../compare/a--b/" if directory_urls else "../compare/a--b.html"
    assert hrefs(resolved(tmp_path, html, use_directory_urls=directory_urls)) == [expected, comparison]


def test_links_outside_the_notes_are_left_alone(tmp_path):
    """MkDocs itself resolves the links of Markdown; only the raw HTML of the notes is this module's."""
    html = '<p><a href="b.md#p3">B</a></p><div class="other"><a href="a.md">A</a></div>'
    assert resolved(tmp_path, html) == html


def test_a_note_linking_to_no_page_stops_the_build_naming_both(tmp_path):
    with pytest.raises(PluginError, match=r"documents/a\.md: .* links to documents/gone\.md, which is not a page"):
        resolved(tmp_path, note('<a href="gone.md#p1">gone</a>'))


def test_a_document_s_topics_link_to_their_anchors_on_the_topics_page(tmp_path):
    html = (
        f'<span class="{RAW_LINKS_CLASS}"><a href="../../reference/topics/" data-topic="Foreign &amp; fighters">'
        "Foreign &amp; fighters</a></span>"
    )
    (link,) = BeautifulSoup(resolved(tmp_path, html), "html.parser").find_all("a")
    # The name as the page shows it ("&", not "&amp;"), slugified as Material does (the property below).
    assert link["href"] == "../../reference/topics/#tag:foreign--fighters"
    assert link["data-topic"] == "Foreign & fighters" and link.get_text() == "Foreign & fighters"


@given(st.text(min_size=1, max_size=30))
def test_a_topic_s_anchor_is_the_one_material_s_tags_plugin_gives_it(name):
    config = TagsConfig()
    config.load_dict({})
    config.validate()
    slug = config.tags_slugify(name, config.tags_slugify_separator)
    assert topic_anchor(name) == config.tags_slugify_format.format(slug=slug)
