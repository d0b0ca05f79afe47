"""sources/files.py: only regular files inside sources/ are read; every other name is refused by name."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.errors import SourceError
from coalition_texts.sources.files import MAX_NAME, check_name, read_bytes, sources_root
from tests.base import source_error


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    (folder / "sub").mkdir(parents=True)
    (folder / "text.txt").write_bytes(b"words\n")
    (tmp_path / "secret.txt").write_text("not to be read")
    return folder


def test_a_regular_file_inside_is_read(sources):
    assert read_bytes(sources / "text.txt", "where") == b"words\n"
    os.symlink("../text.txt", sources / "sub" / "link.txt")  # a link that stays inside sources/ is followed
    assert read_bytes(sources / "sub" / "link.txt", "where") == b"words\n"
    assert sources_root(sources / "sub" / "link.txt") == sources


def test_a_link_out_of_sources_is_refused(sources):
    os.symlink(sources.parent / "secret.txt", sources / "link.txt")
    message = source_error(lambda: read_bytes(sources / "link.txt", "catalog.yml, line 3"))
    assert message.startswith(f"catalog.yml, line 3: {sources / 'link.txt'} leads outside sources/")


def test_a_folder_a_pipe_and_a_missing_file_are_refused_without_waiting(sources):
    os.mkfifo(sources / "pipe.txt")
    assert "is not a regular file" in source_error(lambda: read_bytes(sources / "pipe.txt", "w"))
    assert "is not a regular file" in source_error(lambda: read_bytes(sources / "sub", "w"))
    assert "does not exist" in source_error(lambda: read_bytes(sources / "absent.txt", "w"))


def test_a_loop_of_links_is_refused(sources):
    os.symlink("b.txt", sources / "a.txt")
    os.symlink("a.txt", sources / "b.txt")
    assert "cannot be read" in source_error(lambda: read_bytes(sources / "a.txt", "w"))


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../secret.txt", "must be a path inside sources/"),
        ("sub/../../secret.txt", "must be a path inside sources/"),
        ("/etc/passwd", "must be a path inside sources/"),
        ("a\\b.txt", "must be a path inside sources/"),
        ("a\x00b.txt", "holds a control character"),
        ("a\nb.txt", "holds a control character"),
        ("a\x7fb.txt", "holds a control character"),
        ("x" * (MAX_NAME + 1), "is too long"),
    ],
)
def test_bad_names_are_refused(name, problem):
    assert problem in source_error(lambda: check_name(name, "where"))


@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_an_accepted_name_stays_inside_sources(name):
    """Whatever name the data gives, check_name accepts it only if it cannot lead out of sources/."""
    try:
        check_name(name, "where")
    except SourceError:
        return
    assert not name.startswith("/") and ".." not in name.split("/") and "\\" not in name
    assert all(ord(c) >= 0x20 and ord(c) != 0x7F for c in name)
