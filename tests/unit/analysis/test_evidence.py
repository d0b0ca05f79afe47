"""analysis/evidence.py: references to paragraphs and public sources resolved, or refused naming where
they were written."""

from __future__ import annotations

import pytest

from coalition_texts.analysis.evidence import Evidence, Paragraph
from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.model.records import EvidenceSources, PublicSource
from coalition_texts.sources.anchors import Registry
from tests.base import source_error, write_sources


def public() -> PublicSource:
    return PublicSource("asi", "Agenzia Stampa Italia", "A news agency.", "https://example.org/asi")


@pytest.fixture
def evidence(tmp_path):
    write_sources(tmp_path)
    documents = render(tmp_path, Registry(tmp_path / urls.ANCHORS), "https://example.org/").documents
    return Evidence(documents, EvidenceSources({"asi": public()}))


def test_references_resolve_in_the_order_written_one_group_per_source(evidence):
    groups = evidence.groups(evidence.targets(" text#p2, asi,text#p1 ", "where"), "where")
    assert [(group.key, group.public) for group in groups] == [("text", None), ("asi", public())]
    assert groups[0].paragraphs == (
        Paragraph("text", "p2", 2, "Second paragraph."), Paragraph("text", "p1", 1, "First paragraph, on two lines.")
    )  # fmt: skip
    assert evidence.label("text") == "A publisher"


@pytest.mark.parametrize(
    ("reference", "problem"),
    [
        ("text#p3",
         "where: document 'text' has no paragraph #p3. Its anchors are p1 to p2 (see sources/anchors.json)."),
        ("other#p1", "where: unknown document 'other'. Known documents: text."),
        ("text", "where: 'text' is not a paragraph reference. Write document-id#pN."),
    ],
)  # fmt: skip
def test_a_reference_to_nothing_is_named(evidence, reference, problem):
    assert source_error(lambda: evidence.groups([reference], "where")) == problem


def test_malformed_and_empty_references(evidence):
    assert "'Text #p1' is neither a paragraph (document-id#pN) nor a public source id." in source_error(
        lambda: evidence.targets("Text #p1", "where")
    )
    assert source_error(lambda: evidence.groups([], "where")) == (
        "where: an evidence reference is empty. Write [[document-id#pN]]."
    )
