"""build.py: the whole conversion in-process on the minimal sources/ of tests/base.py: every generated
folder written once, anchors assigned and committed, bad input stopping it with nothing changed.
(The real site through MkDocs: tests/site/.)"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from coalition_texts.build import build, render
from coalition_texts.model import urls
from coalition_texts.model.errors import SourceError
from coalition_texts.sources.anchors import Registry
from tests.base import MINIMAL_SOURCES, snapshot, write_sources

SITE_URL = "https://example.org/"


@pytest.fixture
def project(tmp_path):
    write_sources(tmp_path)
    return tmp_path


def test_every_page_is_in_a_generated_folder_and_each_folder_gets_pages(project):
    conversion = render(project, Registry(project / urls.ANCHORS), SITE_URL)
    folders = {path.split("/", 1)[0] for path in conversion.pages}
    assert folders == set(urls.GENERATED)
    for page in (
        urls.document_page("text"),
        urls.event_page("meeting"),
        urls.DOCUMENTS_INDEX,
        urls.EVENTS_INDEX,
        urls.TIMELINE,
        urls.DIFFERENCES,
        urls.GLOSSARY,
        urls.NAMES,
        urls.TOPICS,
        urls.ABBREVIATIONS_SNIPPET,
    ):
        assert page in conversion.pages, page  # fmt: skip
    assert conversion.anchor_changes == ["text: #p1 is new", "text: #p2 is new"]


def test_the_document_page_shows_each_paragraph_under_its_anchor(project):
    page = render(project, Registry(project / urls.ANCHORS), SITE_URL).pages[urls.document_page("text")]
    html = BeautifulSoup(page.split("---\n", 2)[2], "html.parser")
    paragraphs = [(p["id"], " ".join(p.get_text(" ").split())) for p in html.select(".doc-text p.para")]
    assert [anchor for anchor, _ in paragraphs] == ["p1", "p2"]
    assert "First paragraph, on two lines." in paragraphs[0][1] and "Second paragraph." in paragraphs[1][1]
    assert "https://example.org/documents/text/" in page  # the citations name the configured site


def test_a_build_commits_pages_and_registry_and_a_second_changes_nothing(project):
    first = build(project, site_url=SITE_URL)
    assert first.changed and (project / urls.ANCHORS).is_file()
    written = snapshot(project)
    assert {path.split("/")[1] for path in written if path.startswith("docs/")} == set(urls.GENERATED)
    second = build(project, site_url=SITE_URL)
    assert not second.changed and snapshot(project) == written


@pytest.mark.parametrize(
    ("name", "old", "new", "problem"),
    [
        ("editorial/events/meeting.md", "[[text#p1]]", "[[text#p9]]", "document 'text' has no paragraph #p9."),
        ("catalog.yml", "kind: statement", "kind: other", "unknown kind 'other'."),
        ("text.txt", "Second", "Sec\x02ond", "holds the control character U+0002"),
    ],
)
def test_bad_input_stops_the_build_and_changes_nothing(project, name, old, new, problem):
    build(project, site_url=SITE_URL)
    before = snapshot(project)
    text = MINIMAL_SOURCES[name]
    assert old in text
    write_sources(project, {name: text.replace(old, new)})
    with pytest.raises(SourceError, match=re.escape(problem)):
        build(project, site_url=SITE_URL)
    assert snapshot(project) == before


def test_a_new_registry_is_refused_once_pages_were_published(project):
    build(project, site_url=SITE_URL)
    (project / urls.ANCHORS).unlink()
    with pytest.raises(SourceError, match="is missing, but document pages were already published"):
        build(project, site_url=SITE_URL)
    assert build(project, site_url=SITE_URL, new_registry=True).registry.documents["text"].next == 3
