"""sources/yaml_lines.py: YAML as plain data with the line of every mapping and key; located errors."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.errors import SourceError
from coalition_texts.sources.yaml_lines import LineDict, load_yaml
from tests.base import source_error

KEY = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True).filter(
    lambda k: k not in {"y", "n", "yes", "no", "on", "off"}
)


def write(tmp_path, text: str | bytes, name: str = "data.yml"):
    path = tmp_path / "sources" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_every_mapping_and_key_knows_its_line(tmp_path):
    data = load_yaml(write(tmp_path, "# a comment\nitems:\n  - id: a\n\n    title: A\n  - id: b\n    title: B\n"))
    first, second = data["items"]
    assert isinstance(first, LineDict) and (first.line, second.line) == (3, 6)
    assert (first.line_of("title"), second.line_of("title")) == (5, 7)
    assert first.line_of("missing") == 3  # a field that is not there: the entry's own line


@given(keys=st.lists(KEY, min_size=1, max_size=8, unique=True), blank_lines=st.lists(st.integers(0, 3), min_size=8))
def test_key_lines_for_any_layout(tmp_path_factory, keys, blank_lines):
    lines, expected = ["entry:"], {}
    for key, blanks in zip(keys, blank_lines, strict=False):
        lines += [""] * blanks
        lines.append(f"  {key}: value of {key}")
        expected[key] = len(lines)
    data = load_yaml(write(tmp_path_factory.mktemp("y"), "\n".join(lines) + "\n"))
    assert data["entry"].key_lines == expected
    assert data["entry"] == {key: f"value of {key}" for key in keys}


def test_dates_stay_text_for_the_readers_to_check(tmp_path):
    """Without the timestamp resolver, an impossible date reaches the catalog's check instead of PyYAML's."""
    assert load_yaml(write(tmp_path, "start: 2022-05-11\nend: 2022-02-30\n")) == {
        "start": "2022-05-11",
        "end": "2022-02-30",
    }


def test_a_key_twice_names_its_second_line(tmp_path):
    path = write(tmp_path, "entry:\n  id: a\n  title: A\n  id: b\n")
    assert (
        source_error(lambda: load_yaml(path))
        == f"{path}, line 4: the key 'id' appears twice in one entry. Keep one of them."
    )


@pytest.mark.parametrize(
    ("text", "kind", "line"), [("? [a, b]\n: x\n", "list", 1), ("a: 1\n{b: 1}: x\n", "mapping", 2)]
)
def test_a_list_or_mapping_as_key_is_refused(tmp_path, text, kind, line):
    path = write(tmp_path, text)
    message = source_error(lambda: load_yaml(path))
    assert message.startswith(f"{path}, line {line}: a {kind} is used as a key")


def test_invalid_yaml_names_line_and_column(tmp_path):
    path = write(tmp_path, "items:\n  - id: a\n   title: [unclosed\n")
    message = source_error(lambda: load_yaml(path))
    assert message.startswith(f"{path}, line 3, column ") and "is not valid YAML" in message
    assert message.endswith("Fix the syntax there.")


def test_not_utf8_names_the_byte(tmp_path):
    path = write(tmp_path, b"title: caf\xe9\n")
    assert source_error(lambda: load_yaml(path)) == f"{path}: is not UTF-8 (byte 10). Save it as UTF-8."


def test_a_missing_file_says_so(tmp_path):
    path = tmp_path / "sources" / "absent.yml"
    assert "the file does not exist" in source_error(lambda: load_yaml(path))


def test_a_link_out_of_sources_is_refused(tmp_path):
    outside = tmp_path / "secret.yml"
    outside.write_text("a: 1\n")
    path = write(tmp_path, "placeholder")
    path.unlink()
    os.symlink(outside, path)
    with pytest.raises(SourceError, match="leads outside sources/"):
        load_yaml(path)
