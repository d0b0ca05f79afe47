"""pages/snippets.py: what the home page includes (the newest documents, a link to all of them past the
limit, the events) and the glossary's abbreviations appended to every page."""

from __future__ import annotations

import dataclasses

from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import Catalog
from coalition_texts.pages.snippets import HOME_TABLE_LIMIT, abbreviations, collection_summary, home_table
from coalition_texts.sources.glossary import Glossary, Term
from tests.base import minimal_catalog


def catalog_of(count: int) -> Catalog:
    minimal = minimal_catalog()
    documents = tuple(
        dataclasses.replace(minimal.documents[0], id=f"t{n}", published=PartialDate(2000 + n)) for n in range(count)
    )
    return Catalog(documents, minimal.events, minimal.kinds)


def test_the_home_page_says_what_the_collection_holds_in_the_catalogs_numbers():
    """The introduction counts the texts and their kinds from the catalog: it stays true as texts arrive."""
    minimal = minimal_catalog()
    (kind,) = minimal.kinds
    other = dataclasses.replace(kind, id="repost", label="Anonymous repost")
    unused = dataclasses.replace(kind, id="unused", label="Never used")
    texts = catalog_of(3).documents + (dataclasses.replace(minimal.documents[0], id="r", kind="repost"),)
    summary = collection_summary(Catalog(texts, minimal.events, (kind, other, unused)))
    assert summary == (
        f"The collection holds 4 texts; by [kind of source](about.md#kinds-of-source): {kind.label} (3); "
        "Anonymous repost (1).\n"
    )  # in the order of kinds.yml, and no kind without a text
    assert collection_summary(catalog_of(1)).startswith("The collection holds 1 text;")
    assert collection_summary(catalog_of(0)) == "The collection holds no text yet.\n"


def test_the_home_page_lists_the_newest_documents_and_links_the_rest():
    assert "documents/index.md" not in home_table(catalog_of(HOME_TABLE_LIMIT))
    table = home_table(catalog_of(HOME_TABLE_LIMIT + 2))
    assert table.count('<li class="doc-card"') == HOME_TABLE_LIMIT
    assert f"[All {HOME_TABLE_LIMIT + 2} documents](documents/index.md)" in table
    assert "(documents/t26.md)" in table and "(documents/t0.md)" not in table  # the two oldest are left out


def test_every_form_gets_one_definition_escaped_for_the_tooltip():
    glossary = Glossary((Term("AFG", "Africa Focus Group", ("A.F.G",), "A <group> & more.", ("x#p1",), 1),))
    assert abbreviations(glossary) == (  # sorted by form, so the snippet never changes with the YAML's order
        "*[A.F.G]: Africa Focus Group: A &amp;lt;group&amp;gt; &amp;amp; more.\n"
        "*[AFG]: Africa Focus Group: A &amp;lt;group&amp;gt; &amp;amp; more.\n"
    )
