"""plugin/template_values.py: the values Material's templates print as HTML are escaped exactly once, and
html.unescape gives them back (what postbuild/head_metadata.py relies on)."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.plugin.template_values import escape_description, escape_tags, escape_title


@given(st.text(), st.text(), st.lists(st.text(), max_size=3))
def test_titles_descriptions_and_tags_are_html_that_shows_the_text(title, description, tags):
    meta: dict = {"title": title, "description": description, "tags": list(tags), "other": "<b>"}
    escape_title(meta)
    escape_description(meta)
    escape_tags(meta)
    assert html.unescape(meta["title"]) == title and html.unescape(meta["description"]) == description
    assert [html.unescape(tag) for tag in meta["tags"]] == tags
    for value in [meta["title"], meta["description"], *meta["tags"]]:
        assert not set(value) & set("<>\"'")
    assert meta["other"] == "<b>"  # only these three are the templates' to print


def test_missing_or_non_text_values_are_left_alone():
    meta: dict = {"tags": [1, None], "description": None}
    escape_title(meta)
    escape_description(meta)
    escape_tags(meta)
    assert meta == {"tags": [1, None], "description": None}
