"""model/errors.py: the one message bad input gets (where, the problem, what to do), and its paths as a
reader types them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.errors import SourceError, relative_message
from coalition_texts.sources.catalog import load_catalog
from tests.base import MINIMAL_SOURCES, write_sources

# One line of a message: no line breaks (a message is one line of the build's output).
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


def test_the_message_reads_where_then_the_problem_then_the_fix():
    error = SourceError("sources/catalog.yml, line 3 (document text, field 'file')", "must be a path.", "Fix it.")
    assert str(error) == "sources/catalog.yml, line 3 (document text, field 'file'): must be a path. Fix it."
    assert (error.where, error.problem, error.fix) == (
        "sources/catalog.yml, line 3 (document text, field 'file')",
        "must be a path.",
        "Fix it.",
    )


def test_without_a_fix_the_message_ends_with_the_problem():
    assert str(SourceError("sources/glossary.yml", "the file does not exist.")) == (
        "sources/glossary.yml: the file does not exist."
    )


@given(where=LINE, problem=LINE, fix=st.one_of(st.just(""), LINE))
def test_the_parts_are_kept_whole_and_in_order(where, problem, fix):
    message = str(SourceError(where, problem, fix))
    assert message == f"{where}: {problem}" + (f" {fix}" if fix else "")
    assert message.count("\n") == (where + problem + fix).count("\n")


def test_a_reader_s_message_names_file_line_field_and_what_to_do(tmp_path):
    """As the readers raise it: the path in sources/, the line, the record and field, the problem, the fix."""
    catalog = MINIMAL_SOURCES["catalog.yml"].replace("published: 2022-05-12", "published: 12 May 2022")
    sources = write_sources(tmp_path, {"catalog.yml": catalog})
    with pytest.raises(SourceError) as caught:
        load_catalog(sources)
    error = caught.value
    assert error.where == f"{sources / 'catalog.yml'}, line 6 (document text, field 'published')"
    assert error.problem and str(error).startswith(f"{error.where}: {error.problem}")
    assert relative_message(error, tmp_path).startswith("sources/catalog.yml, line 6 (document text, field")
    assert str(tmp_path) not in relative_message(error, tmp_path)


def test_paths_are_shown_from_the_project_folder(tmp_path):
    error = SourceError(f"{tmp_path}/sources/a.yml", f"see {tmp_path}/sources/b.yml.", "Fix it.")
    assert relative_message(error, tmp_path) == "sources/a.yml: see sources/b.yml. Fix it."
    # A folder whose name merely starts like the project's is another folder: it stays whole.
    other = SourceError(f"{tmp_path}-old/sources/a.yml", "is stale.")
    assert relative_message(other, tmp_path) == f"{tmp_path}-old/sources/a.yml: is stale."
