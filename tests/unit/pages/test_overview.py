"""pages/overview.py: the timeline and the differences from small editorial files: entries by year with
their evidence, the texts' own words checked against the paragraph they quote."""

from __future__ import annotations

import pytest

from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.model.errors import SourceError
from coalition_texts.sources.anchors import Registry
from tests.base import write_sources

DIFFERENCES = """topics:
  - id: dates
    title: The dates
    intro: Two texts [[text#p1]].
    rows:
      - ref: text#p2
        quote: Second paragraph
        note: A note.
description: What the texts state differently about the dates.
summary: The dates.
"""
TIMELINE = """entries:
  - date: 2023
    text: Later.
    evidence: [text#p2]
  - date: 2022-05-11
    text: The meeting is held.
    evidence: [text#p1]
    event: meeting
description: From the meeting in 2022 to 2023.
summary: The meeting, then later.
"""


def pages(folder, **changes: str) -> dict[str, str]:
    write_sources(folder, {"editorial/differences.yml": DIFFERENCES, "editorial/timeline.yml": TIMELINE, **changes})
    return render(folder, Registry(folder / urls.ANCHORS), "https://example.org/").pages


def test_the_timeline_runs_in_time_order_under_its_years(tmp_path):
    page = pages(tmp_path)[urls.TIMELINE]
    assert page.index("## 2022") < page.index("11 May 2022\n:   The meeting is held") < page.index("## 2023")
    assert "(../documents/text.md#p1)" in page and "../events/meeting.md" in page


def test_the_differences_quote_the_texts_with_a_link_to_each_paragraph(tmp_path):
    page = pages(tmp_path)[urls.DIFFERENCES]
    assert "## The dates { #dates }" in page
    assert (
        "| [A publisher ¶\u00a02](../documents/text.md#p2) | [“Second paragraph”](../documents/text.md#p2) | A note. |"
        in page
    )


def test_a_quote_the_paragraph_does_not_hold_is_refused(tmp_path):
    with pytest.raises(SourceError, match=r"differences\.yml, line 7 .*field 'quote'"):
        pages(tmp_path, **{"editorial/differences.yml": DIFFERENCES.replace("Second paragraph", "Third paragraph")})
