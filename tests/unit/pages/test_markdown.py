"""pages/markdown.py: values from sources/ escaped for each place they are written (rendered with Python-Markdown;
the whole site's Markdown and templates: tests/unit/test_escaping.py and tests/site/test_hostile_values.py)."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.pages.markdown import (
    front_matter,
    html_attr,
    md_breakable,
    md_code,
    md_escape,
    md_with_links,
    pilcrow,
    tooltip_attr,
)
from tests.base import SYNTAX, site_markdown

CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"))
VALUE = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(CHARACTERS, max_size=8)), min_size=1, max_size=12).map(
    "".join
)
ADDRESS = st.sampled_from(["https://example.org/a_b*c", "http://example.org/x?y=(1)", "https://a.example/p.html"])


def rendered(text: str) -> BeautifulSoup:
    """`text` rendered with the site's Markdown extensions."""
    site_markdown().reset()
    return BeautifulSoup(site_markdown().convert(text), "html.parser")


def normal(text: str) -> str:
    return " ".join(text.split())


@given(VALUE.map(lambda value: " ".join(value.split())).filter(bool))  # one line, as sources/schema.py reads it
def test_a_tooltip_shows_exactly_its_text_once_drawn_as_html(value):
    """Material's content.tooltips draws the title as HTML: unescaped twice, the value comes back."""
    attribute = tooltip_attr(value)
    assert html.unescape(html.unescape(attribute)) == value
    assert not re.search(r"[<>\"`\\\[\]()*_{}]", attribute)  # nothing ends the attribute or starts Markdown
    page = rendered(f'<p><abbr title="{attribute}">x</abbr></p>')
    assert html.unescape(page.abbr["title"]) == value


@given(VALUE)
def test_code_and_breakable_values_read_as_themselves(value):
    assert normal(rendered(md_code(value)).get_text()) == normal(value)
    breakable = md_breakable(value)
    assert breakable.replace("<wbr>", "") == md_escape(value).replace("<wbr>", "")
    assert normal(rendered(breakable).get_text()) == normal(value)


@given(st.lists(st.one_of(VALUE, ADDRESS), min_size=1, max_size=5).map(" ".join))
def test_addresses_in_notes_become_links_and_the_words_stay(value):
    page = rendered(md_with_links(value))
    assert normal(page.get_text()) == normal(value)
    for link in page.find_all("a"):
        assert link["href"].startswith(("https://", "http://")), link


def test_examples():
    assert html_attr('"<&>') == "&quot;&lt;&amp;&gt;"
    assert pilcrow(3) == "¶\u00a03"
    assert (
        md_with_links("See https://example.org/a_b.") == r"See [https://example\.org/a\_b](<https://example.org/a_b>)\."
    )
    assert front_matter({"title": 'A: "b"', "n": 1}) == "---\ntitle: 'A: \"b\"'\nn: 1\n---\n"
