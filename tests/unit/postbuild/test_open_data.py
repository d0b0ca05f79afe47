"""postbuild/open_data.py: the dataset made in-process from the minimal sources/ of tests/base.py, read
back with the csv and jsonschema libraries (the real site's files: tests/site/test_open_data.py)."""

from __future__ import annotations

import csv
import io
import json
from types import SimpleNamespace

import jsonschema
import pytest

from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.postbuild.open_data import corpus, site_files
from coalition_texts.sources.anchors import Registry
from tests.base import ROOT, write_sources


@pytest.fixture
def converted(tmp_path):
    write_sources(tmp_path, {"text.txt": 'First paragraph,\non "two" lines.\n\nSecond, with a comma.\n'})
    return tmp_path, render(tmp_path, Registry(tmp_path / urls.ANCHORS), "https://example.org/site/")


def config(**changes):
    return SimpleNamespace(**{"site_name": "Texts", "site_url": "https://example.org/site/",
                              "use_directory_urls": True, "copyright": "CC BY 4.0", **changes})  # fmt: skip


def test_the_files_are_the_texts_exactly_and_the_schema_holds(converted):
    root, conversion = converted
    files = site_files(root, conversion.documents, conversion.catalog, config())
    assert sorted(files) == sorted(
        [urls.CORPUS_JSON, urls.PARAGRAPHS_CSV, "data/sources/text.txt", "data/text/text.txt"]
    )
    assert files["data/sources/text.txt"] == (root / "sources" / "text.txt").read_bytes()
    assert files["data/text/text.txt"] == b'First paragraph, on "two" lines.\n\nSecond, with a comma.\n'
    data = json.loads(files[urls.CORPUS_JSON])
    schema = json.loads((ROOT / "docs" / urls.CORPUS_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    (doc,) = data["documents"]
    assert [(p["anchor"], p["number"], p["url"]) for p in doc["paragraphs"]] == [
        ("p1", 1, "https://example.org/site/documents/text/#p1"),
        ("p2", 2, "https://example.org/site/documents/text/#p2"),
    ]
    assert data["events"][0]["documents"] == ["text"] and data["rights"] == "CC BY 4.0"


def test_the_csv_reads_back_as_the_paragraphs(converted):
    root, conversion = converted
    files = site_files(root, conversion.documents, conversion.catalog, config())
    rows = list(csv.reader(io.StringIO(files[urls.PARAGRAPHS_CSV].decode("utf-8"), newline="")))
    assert rows[0] == ["document_id", "number", "anchor", "url", "text"]
    assert [row[4] for row in rows[1:]] == ['First paragraph, on "two" lines.', "Second, with a comma."]


def test_offline_addresses(converted):
    _, conversion = converted
    data = corpus(conversion.documents, conversion.catalog, "Texts", urls.SiteUrls("", False), "")
    assert data["documents"][0]["paragraphs"][0]["url"] == "/documents/text.html#p1"
