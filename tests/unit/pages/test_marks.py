"""pages/marks.py: the "supplied" mark shows its label and explanation as text, whatever they hold (where
the site shows it: tests/site/test_dates_and_supplied.py, tests/site/test_reader_first.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.pages.marks import supplied_mark
from tests.base import SYNTAX

# Words to show: not empty, not only white space (an empty explanation is no explanation, tested below; and
# the HTML parser that reads the mark back drops a text node of white space alone).
TEXT = (
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=8)), min_size=1, max_size=8)
    .map("".join)
    .filter(str.strip)
)


@given(label=TEXT, explanation=TEXT)
def test_the_mark_shows_its_label_then_its_explanation_for_screen_readers(label, explanation):
    mark = BeautifulSoup(supplied_mark(label, explanation), "html.parser")
    (outer,) = mark.find_all(recursive=False)
    assert outer.name == "span" and outer["class"] == ["supplied"]
    (hidden,) = outer.find_all(True)
    assert hidden.name == "span" and hidden["class"] == ["visually-hidden"]
    assert outer.get_text() == f"{label}: {explanation}" and hidden.get_text() == f": {explanation}"


def test_without_an_explanation_the_mark_is_its_label_alone():
    assert supplied_mark("(supplied)") == '<span class="supplied">(supplied)</span>'
    assert supplied_mark("a < b & c") == '<span class="supplied">a &lt; b &amp; c</span>'
