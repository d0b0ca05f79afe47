"""sources/topics.py: the topics documents may be tagged with; an undeclared tag is refused at its document."""

from __future__ import annotations

from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.topics import Topic, load_topics
from tests.base import MINIMAL_SOURCES, source_error, write_sources

TOPICS = "topics:\n  - name: Finance\n    description: Money.\n  - name: Borders\n    description: Lines.\n"


def test_topics_and_tags(tmp_path):
    catalog_text = MINIMAL_SOURCES["catalog.yml"] + "    tags: [Finance]\n"
    sources = write_sources(tmp_path, {"topics.yml": TOPICS, "catalog.yml": catalog_text})
    assert load_topics(sources / "topics.yml", load_catalog(sources)) == (
        Topic("Finance", "Money."), Topic("Borders", "Lines.")
    )  # fmt: skip


def test_an_undeclared_tag_is_named_at_its_document(tmp_path):
    catalog_text = MINIMAL_SOURCES["catalog.yml"] + "    tags: [Finances]\n"
    sources = write_sources(tmp_path, {"topics.yml": TOPICS, "catalog.yml": catalog_text})
    assert source_error(lambda: load_topics(sources / "topics.yml", load_catalog(sources))) == (
        f"{sources / 'catalog.yml'}, line 2 (document text, field 'tags'): unknown topic 'Finances'. "
        "Declare it in sources/topics.yml or use one of: Borders, Finance."
    )


def test_a_topic_twice_whatever_its_case(tmp_path):
    sources = write_sources(tmp_path, {"topics.yml": TOPICS.replace("Borders", "finance")})
    assert source_error(lambda: load_topics(sources / "topics.yml", load_catalog(sources))).startswith(
        f"{sources / 'topics.yml'}, line 4 (topic finance, field 'name'): duplicate topic 'finance' (first on line 2)."
    )
