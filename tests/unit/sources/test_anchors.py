"""sources/anchors.py: paragraph anchors that never break (the alignment across revisions, in-process)
and the registry file (read, checked, written atomically). Whole builds with revised texts:
tests/site/test_anchor_revisions.py."""

from __future__ import annotations

import difflib
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_texts.sources.anchors import SAME_PARAGRAPH, DocumentAnchors, Registry, Retired, align
from tests.base import source_error

# Property-based: any sequence of edits keeps every published anchor on the same (or corrected) words.

VOCABULARY = ["the", "coalition", "ministers", "met", "in", "africa", "iraq", "syria", "and", "niamey", "benin"]
WORDS = st.lists(st.sampled_from(VOCABULARY), min_size=4)
PARAGRAPH = WORDS.map(" ".join)


@st.composite
def revisions(draw):
    """A first version of a text, then a few revisions of it by inserts, deletes, typos, splits, merges."""
    versions = [draw(st.lists(PARAGRAPH, min_size=1, max_size=8))]
    for _ in range(draw(st.integers(1, 4))):
        current = list(versions[-1])
        for _ in range(draw(st.integers(1, 3))):
            edit = draw(st.sampled_from(["insert", "delete", "typo", "split", "merge", "restore"]))
            at = draw(st.integers(0, max(len(current) - 1, 0)))
            if edit == "insert" or not current:
                current.insert(at, draw(PARAGRAPH))
            elif edit == "delete" and len(current) > 1:
                del current[at]
            elif edit == "typo":
                current[at] = current[at][:-1] + "x"
            elif edit == "split" and len(current[at].split()) >= 8:
                words = current[at].split()
                current[at : at + 1] = [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]
            elif edit == "merge" and at + 1 < len(current):
                current[at : at + 2] = [current[at] + " " + current[at + 1]]
            elif edit == "restore" and len(versions) > 1:
                current.insert(at, draw(st.sampled_from(versions[0])))
        versions.append(current)
    return versions


@settings(max_examples=150, deadline=None)
@given(revisions())
def test_any_revision_history_keeps_anchors_on_their_words(versions):
    entry = DocumentAnchors()
    names: dict[str, list[str]] = {}  # anchor -> every text it has named, in order
    for number, paragraphs in enumerate(versions):
        anchors, entry, _ = align(entry, paragraphs, f"2026-01-{number + 1:02d}")
        assert len(anchors) == len(paragraphs) == len(set(anchors))
        retired = {r.anchor for r in entry.retired}
        assert not retired & set(anchors), "an anchor is both shown and retired"
        assert set(names) <= set(anchors) | retired, "a published anchor vanished"
        assert all(int(a[1:]) < entry.next for a in anchors)
        for anchor, text in zip(anchors, paragraphs, strict=True):
            seen = names.setdefault(anchor, [text])
            if text != seen[-1]:
                ratio = difflib.SequenceMatcher(None, seen[-1], text, autojunk=False).ratio()
                assert ratio >= SAME_PARAGRAPH or text in seen, f"#{anchor} moved to other words"
                seen.append(text)
        for anchor in retired:
            assert entry.successor_of(anchor) in anchors
    # What the registry writes, it reads back unchanged (and its own check accepts it).
    with tempfile.TemporaryDirectory() as folder:
        registry = Registry(Path(folder) / "anchors.json")
        registry.documents["doc"] = entry
        registry.write()
        assert Registry(Path(folder) / "anchors.json").documents["doc"] == entry


def test_unchanged_and_moved_paragraphs_keep_their_anchors():
    first = ["alpha beta gamma delta", "one two three four five", "the last paragraph of all"]
    anchors, entry, _ = align(DocumentAnchors(), first, "2026-01-01")
    assert anchors == ["p1", "p2", "p3"]
    moved, _, _ = align(entry, [first[2], first[0], first[1]], "2026-01-02")
    assert moved == ["p3", "p1", "p2"]
    # Two paragraphs merged: the one that disappears leads to the paragraph that now holds its words.
    merged = first[0] + " " + first[1]
    anchors, entry, changes = align(entry, [merged, first[2]], "2026-01-03")
    assert anchors == ["p2", "p3"]
    assert entry.retired == [Retired("p1", first[0], "2026-01-03", "p2")]
    # Split again, the first piece word for word: the retired anchor is restored, not a new one.
    anchors, entry, changes = align(entry, first, "2026-01-04")
    assert anchors == ["p1", "p2", "p3"] and entry.next == 4 and entry.retired == []
    assert changes == [
        "#p1 is restored (its paragraph is back, word for word)",
        "#p2 keeps its anchor; its text was corrected",
    ]
    # Every paragraph replaced by new words: the retired anchors lead to the paragraph in their place.
    anchors, entry, _ = align(entry, ["something else entirely", "and more unrelated words here"], "2026-01-05")
    assert anchors == ["p4", "p5"]
    assert [(r.anchor, r.successor) for r in entry.retired] == [("p1", "p4"), ("p2", "p5"), ("p3", "p5")]


def registry_file(tmp_path, documents: dict) -> Path:
    path = tmp_path / "sources" / "anchors.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"documents": documents}, indent=1), encoding="utf-8")
    return path


def entry(active: list[str], retired: list[dict] | None = None, next_anchor: int = 4) -> dict:
    return {"next": next_anchor, "active": [{"anchor": a, "text": f"words of {a}"} for a in active],
            "retired": retired or []}  # fmt: skip


def test_the_registry_reads_back_what_it_writes_and_rewrites_only_a_change(tmp_path):
    path = tmp_path / "sources" / "anchors.json"
    path.parent.mkdir()
    registry = Registry(path)
    anchors, _ = registry.assign("doc", ["one two three", "four five six"], "2026-01-01")
    assert anchors == ["p1", "p2"] and registry.documents["doc"].next == 3
    assert registry.write() is True and registry.write() is False
    again = Registry(path)
    assert again.documents == registry.documents and again.serialise() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("active", "retired", "problem"),
    [
        (["p1", "p1"], [], "p1 appear more than once (an anchor names one paragraph only)."),
        (["p1", "p4"], [], "'p4' is at or beyond 'next' (4), so it could be given out again."),
        (["p1", "x2"], [], "'x2' is not an anchor of the form p1, p2, …."),
        (["p1"], [{"anchor": "p2", "text": "t", "retired": "2026-01-01", "successor": "p3"}],
         "retired 'p2' leads to 'p3', which it does not record."),
    ],
)  # fmt: skip
def test_a_registry_that_could_move_an_anchor_is_refused(tmp_path, active, retired, problem):
    path = registry_file(tmp_path, {"doc": entry(active, retired)})
    message = source_error(lambda: Registry(path))
    assert message.startswith(f"{path} (document doc): {problem}"), message
    assert message.endswith("Restore the file from git: it records published links and must not be edited by hand.")


def test_a_registry_that_is_not_json_names_its_line(tmp_path):
    path = tmp_path / "sources" / "anchors.json"
    path.parent.mkdir()
    path.write_text('{"documents": {\n  "doc": [\n}\n')
    assert source_error(lambda: Registry(path)).startswith(f"{path}, line 3: is not valid JSON")


def test_a_registry_that_cannot_be_written_is_left_as_it_was(tmp_path):
    path = registry_file(tmp_path, {"doc": entry(["p1"], next_anchor=2)})
    before = path.read_bytes()
    registry = Registry(path)
    registry.assign("doc", ["new words entirely"], "2026-01-01")
    (path.parent / "anchors.json.tmp").mkdir()  # where the new content would go first: it cannot be opened
    assert "cannot be written" in source_error(registry.write)
    assert path.read_bytes() == before
