"""pages/compare.py: two texts of the minimal sources/ sharing a passage get a comparison page, listed in
the overview, and each document notes where else its words appear (the five real texts against a
ground truth: tests/site/test_passages.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.sources.anchors import Registry
from tests.base import MINIMAL_SOURCES, write_sources

SHARED = (
    "The ministers of the coalition met in the city and agreed on a plan to support their partners across"
    " the region with training, funding and shared information about threats."
)


def copy_entry() -> str:
    """A second catalog entry, for copy.txt, published a day later by another publisher."""
    entry = MINIMAL_SOURCES["catalog.yml"].split("\n", 1)[1]
    for old, new in [("id: text", "id: copy"), ("file: text.txt", "file: copy.txt"), ("2022-05-12", "2022-05-13"),
                     ("A publisher", "A blog")]:  # fmt: skip
        entry = entry.replace(old, new)
    return entry


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    write_sources(folder, {
        "catalog.yml": MINIMAL_SOURCES["catalog.yml"] + copy_entry(),
        "text.txt": f"Opening words here.\n\n{SHARED}\n",
        "copy.txt": f"A blog post.\n\n{SHARED.replace('funding', 'money')}\n\nThe end.\n",
    })  # fmt: skip
    return render(folder, Registry(folder / urls.ANCHORS), "https://example.org/").pages


def test_the_pair_gets_one_comparison_listed_in_the_overview(pages):
    comparisons = {path for path in pages if path.startswith(urls.COMPARE + "/")}
    assert comparisons == {urls.COMPARE_INDEX, urls.compare_page(("copy", "text"))}
    assert "1 (0 identical, 1 edited)" in pages[urls.COMPARE_INDEX]


def test_the_comparison_marks_the_changed_word(pages):
    page = BeautifulSoup(pages[urls.compare_page(("copy", "text"))].split("---\n", 2)[2], "html.parser")
    changed = sorted(" ".join(mark.get_text().split()) for mark in page.select("del, ins, mark"))
    assert changed == ["[deleted: money]", "[inserted: funding]"]  # only the word that differs


def test_each_document_notes_where_its_words_appear_again(pages):
    for doc_id, other in [("text", "copy"), ("copy", "text")]:
        assert f"../{urls.compare_page(tuple(sorted((doc_id, other))))}" in pages[urls.document_page(doc_id)]
