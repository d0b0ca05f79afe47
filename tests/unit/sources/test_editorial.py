"""sources/editorial.py: the site's own prose (event texts, timeline, differences, public sources), each
problem named by file and line; references kept with where they were written (checked by analysis/evidence.py)."""

from __future__ import annotations

import pytest

from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.editorial import PageText, load_editorial, load_evidence_sources
from tests.base import MINIMAL_SOURCES, minimal_catalog, source_error, write_sources

DIFFERENCES = MINIMAL_SOURCES["editorial/differences.yml"]
PUBLIC = (
    "public_sources:\n  - id: asi\n    label: ASI\n    description: A news agency.\n    url: https://example.org/asi\n"
)


def test_event_texts_timeline_and_differences_as_written(tmp_path):
    sources = write_sources(tmp_path, {"editorial/events/meeting.md": "Summary [[text#p1]].\n\n## More\n\nBody.\n"})
    editorial = load_editorial(sources, load_catalog(sources))
    text = editorial.events["meeting"]
    assert (text.lead, text.body) == ("Summary [[text#p1]].", "## More\n\nBody.\n")
    assert text.body_at(text.body.index("Body")) == f"{sources / 'editorial/events/meeting.md'}, line 5"
    (entry,) = editorial.timeline
    assert (entry.start.iso(), entry.evidence) == ("2022-05-11", ("text#p1",))
    assert entry.evidence_at.startswith(f"{sources / 'editorial/timeline.yml'}, line 4")
    assert editorial.differences[0].text == "The texts agree [[text#p2]]."
    # What each page says of itself is read from its file, whitespace folded as in the other fields.
    assert (editorial.timeline_page.description, editorial.timeline_page.summary) == (
        "The meeting, dated.",
        "The meeting.",
    )
    assert editorial.differences_page == PageText("What the texts state about the dates.", "The dates.")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("editorial/events/meeting.md", "## A heading first\n\nThen text.\n",
         "editorial/events/meeting.md, line 1: must start with a summary paragraph."),
        ("editorial/events/meeting.md", None,
         "editorial/events/meeting.md: is missing: event 'meeting' needs its page text."),
        ("editorial/events/summit.md", "Text.\n",
         "editorial/events/summit.md: no event 'summit' in sources/events.yml."),
        ("editorial/timeline.yml", "entries:\n  - date: 2022-13\n    text: x\n    evidence: [text#p1]\n",
         "editorial/timeline.yml, line 2 (timeline entry 1, field 'date'): '2022-13' is an impossible date"),
        ("editorial/differences.yml", "topics:\n  - id: dates\n    title: The dates\n",
         "editorial/differences.yml, line 2 (topic dates): has neither 'rows' nor 'text'."),
        # The page's own description and summary, beside the list: required, plain text, no other field.
        ("editorial/timeline.yml", "entries:\n  - date: 2022\n    text: x\n    evidence: [text#p1]\nsummary: S.\n",
         "editorial/timeline.yml, line 1 (the timeline page): the required field 'description' is missing."),
        ("editorial/differences.yml", DIFFERENCES + "descripton: typo\n",
         "editorial/differences.yml, line 7 (the differences page, field 'descripton'): unknown field 'descripton'."),
        ("editorial/differences.yml", ("summary: The dates.", "summary: ''"),
         "editorial/differences.yml, line 6 (the differences page, field 'summary'): must be a non-empty text."),
    ],
)  # fmt: skip
def test_bad_prose_is_located(tmp_path, name, content, problem):
    """`content`: the file's new text, None to leave it out, or (old, new) to change the minimal file."""
    if isinstance(content, tuple):
        content = MINIMAL_SOURCES[name].replace(*content)
    sources = write_sources(tmp_path, {name: content})
    message = source_error(lambda: load_editorial(sources, minimal_catalog()))
    assert message.startswith(f"{sources}/{problem}"), message


def test_public_sources(tmp_path):
    sources = write_sources(tmp_path, {"editorial/sources.yml": PUBLIC})
    public = load_evidence_sources(sources, minimal_catalog()).public
    assert list(public) == ["asi"] and public["asi"].url == "https://example.org/asi"
    clash = write_sources(tmp_path / "clash", {"editorial/sources.yml": PUBLIC.replace("id: asi", "id: text")})
    assert "field 'id'): 'text' is not a new id." in source_error(
        lambda: load_evidence_sources(clash, minimal_catalog())
    )  # a document's id: a reference to it would be ambiguous
    labels = write_sources(tmp_path / "labels", {"editorial/sources.yml": PUBLIC + "document_labels: {text: T}\n"})
    assert "short names of documents are no longer read here" in source_error(
        lambda: load_evidence_sources(labels, minimal_catalog())
    )


def test_the_minimal_prose_is_complete():
    assert {name for name in MINIMAL_SOURCES if name.startswith("editorial/")} == {
        "editorial/sources.yml", "editorial/timeline.yml", "editorial/differences.yml", "editorial/events/meeting.md"
    }  # fmt: skip
