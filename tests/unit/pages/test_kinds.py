"""pages/kinds.py: a text's kind of source as one badge, its label text whatever it holds, and the About
page's list of kinds (the badge the same on every page of the real site: tests/site/test_kinds.py)."""

from __future__ import annotations

import dataclasses

from bs4 import BeautifulSoup
from hypothesis import assume, given
from hypothesis import strategies as st

from coalition_texts.model.records import Catalog
from coalition_texts.pages.kinds import kind_badge, kinds_section
from tests.base import catalog, minimal_catalog


@given(label=st.text(min_size=1), data=st.data())
def test_badge_shows_any_label_as_text(label, data):
    """A label from sources/ is text: whatever it holds, the badge shows exactly it and adds no markup."""
    label = " ".join(label.split())  # as the reader gives it (sources/schema.py: whitespace runs are one space)
    assume(label)
    kind = data.draw(st.sampled_from(catalog().kinds), label="kind")  # each kind of the checkout
    doc = dataclasses.replace(minimal_catalog().documents[0], kind_info=dataclasses.replace(kind, label=label))
    badge = BeautifulSoup(kind_badge(doc), "html.parser")
    assert [tag.name for tag in badge.find_all(True)] == ["span"]
    assert badge.span.get_text() == label
    assert badge.span["data-kind"] == kind.id and f"kind-badge--{kind.origin}" in badge.span["class"]


def test_the_about_page_counts_the_texts_of_each_kind():
    minimal = minimal_catalog()
    other = dataclasses.replace(minimal.kinds[0], id="other", label="Other")
    section = kinds_section(Catalog(minimal.documents, minimal.events, (*minimal.kinds, other)))
    assert "(Issued by the body that wrote it; 1 text of the collection.)" in section and "no text yet.)" in section
    assert section.index(">Statement</span>") < section.index(">Other</span>")  # in the order of kinds.yml
