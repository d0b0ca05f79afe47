"""sources/index_entries.py: the index of people, places and organisations; kinds, duplicates, citations."""

from __future__ import annotations

import pytest

from coalition_texts.sources.index_entries import load_index
from tests.base import source_error, write_sources

ENTRIES = """entries:
  - name: Nasser Bourita
    kind: person
    variants: [Bourita]
    description: A minister.
    cite: [text#p1]
  - name: Niamey
    kind: place
"""


def test_entries_and_their_forms(tmp_path):
    path = write_sources(tmp_path, {"index-entries.yml": ENTRIES}) / "index-entries.yml"
    bourita, niamey = load_index(path)
    assert bourita.forms == ("Nasser Bourita", "Bourita") and bourita.cites == ("text#p1",)
    assert (niamey.kind, niamey.description, niamey.cites, niamey.line) == ("place", None, (), 7)


@pytest.mark.parametrize(
    ("old", "new", "where", "problem"),
    [
        ("kind: place", "kind: city", "line 8 (entry Niamey, field 'kind')", "unknown kind 'city'."),
        ("name: Niamey", "name: Bourita", "line 7 (entry Bourita, field 'name')",
         "duplicate entry 'Bourita' (already listed on line 4)."),
        ("    cite: [text#p1]\n", "", "line 2 (entry Nasser Bourita, field 'cite')",  # no such field: the entry's line
         "is missing: a description must cite its source."),
    ],
)  # fmt: skip
def test_bad_entries_are_located(tmp_path, old, new, where, problem):
    path = write_sources(tmp_path, {"index-entries.yml": ENTRIES.replace(old, new)}) / "index-entries.yml"
    assert source_error(lambda: load_index(path)).startswith(f"{path}, {where}: {problem}")
