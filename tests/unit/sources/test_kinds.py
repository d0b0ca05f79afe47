"""sources/kinds.py: the kinds of source, every field required, a known origin."""

from __future__ import annotations

import pytest

from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.kinds import KIND_FIELDS, load_kinds
from tests.base import MINIMAL_SOURCES, source_error, write_sources

KINDS = MINIMAL_SOURCES["kinds.yml"]


def test_a_kind_reads_as_written(tmp_path):
    (kind,) = load_kinds(write_sources(tmp_path) / "kinds.yml")
    assert (kind.id, kind.label, kind.origin, kind.csl_type, kind.author_is_publisher) == (
        "statement", "Statement", "first-hand", "document", True
    )  # fmt: skip


@pytest.mark.parametrize("field", sorted(KIND_FIELDS - {"id"}))
def test_every_field_is_required(tmp_path, field):
    text = "".join(line + "\n" for line in KINDS.splitlines() if not line.strip().startswith(f"{field}:"))
    path = write_sources(tmp_path, {"kinds.yml": text}) / "kinds.yml"
    assert source_error(lambda: load_kinds(path)) == (
        f"{path}, line 2 (kind statement): the required field '{field}' is missing. Add it."
    )


def test_an_unknown_origin_and_an_empty_list(tmp_path):
    path = write_sources(tmp_path, {"kinds.yml": KINDS.replace("first-hand", "secondhand")}) / "kinds.yml"
    assert source_error(lambda: load_kinds(path)).startswith(
        f"{path}, line 5 (kind statement, field 'origin'): unknown origin 'secondhand'. Use one of: first-hand,"
    )
    path.write_text("kinds: []\n")
    assert "a non-empty list under 'kinds:'" in source_error(lambda: load_kinds(path))


def test_the_catalog_names_only_declared_kinds(tmp_path):
    sources = write_sources(tmp_path, {"kinds.yml": KINDS.replace("id: statement", "id: news-report")})
    assert source_error(lambda: load_catalog(sources)).startswith(
        f"{sources / 'catalog.yml'}, line 7 (document text, field 'kind'): unknown kind 'statement'. "
        "Use one of the ids of sources/kinds.yml: news-report."
    )
