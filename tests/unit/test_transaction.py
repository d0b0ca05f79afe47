"""transaction.py: the generated folders of docs/, the registry and site/ change together or not at all,
in-process on a scratch folder (the whole builds that fail at each step: tests/site/test_build_transaction.py)."""

from __future__ import annotations

import json

import pytest

from coalition_texts.model.errors import SourceError
from coalition_texts.transaction import JOURNAL, LOCK, Transaction


def tree(folder) -> dict[str, str]:
    """Every file under `folder` (hidden ones included) and its text."""
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs" / "a").mkdir(parents=True)
    (tmp_path / "docs" / "a" / "page.md").write_text("old a")
    (tmp_path / "docs" / "b").mkdir()
    (tmp_path / "docs" / "b" / "page.md").write_text("old b")
    (tmp_path / "docs" / "index.md").write_text("hand-written")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old site")
    return tmp_path


def staged(project, pages) -> Transaction:
    transaction = Transaction(project, ("a", "b"), project / "site")
    transaction.lock()
    transaction.stage_pages(pages)
    return transaction


def test_commit_makes_the_new_pages_registry_and_site_current_together(project):
    transaction = staged(project, {"a/page.md": "new a", "b/page.md": "old b"})
    assert transaction.swapped == ["a"]  # an unchanged folder is not rewritten
    transaction.staged_site.mkdir()
    (transaction.staged_site / "index.html").write_text("new site")
    written = []
    transaction.commit(lambda: written.append("registry"))
    transaction.release()
    assert written == ["registry"]
    assert tree(project / "docs") == {"a/page.md": "new a", "b/page.md": "old b", "index.md": "hand-written"}
    assert tree(project / "site") == {"index.html": "new site"}
    assert sorted(p.name for p in project.iterdir()) == sorted(["docs", "site", LOCK])


def test_a_registry_that_cannot_be_written_rolls_everything_back(project):
    before = tree(project)
    transaction = staged(project, {"a/page.md": "new a", "b/page.md": "new b", "b/more.md": "more"})
    transaction.staged_site.mkdir()

    def refuse():
        raise SourceError("sources/anchors.json", "cannot be written.")

    with pytest.raises(SourceError, match="cannot be written"):
        transaction.commit(refuse)
    transaction.release()
    assert tree(project) == before | {LOCK: ""}
    assert not transaction.staged_site.exists()


def test_nothing_to_change_writes_nothing(project):
    transaction = Transaction(project, ("a", "b"))
    transaction.lock()
    assert transaction.stage_pages({"a/page.md": "old a", "b/page.md": "old b"}) is False
    transaction.release()


@pytest.mark.parametrize(("phase", "expected"), [("staged", "old a"), ("committed", "new a")])
def test_a_killed_build_is_undone_before_its_commit_and_finished_after_it(project, phase, expected):
    """What a build killed after the swap leaves: the new folder, the old one beside it, the journal."""
    docs = project / "docs"
    (docs / "a").rename(docs / ".a-old")
    (docs / "a").mkdir()
    (docs / "a" / "page.md").write_text("new a")
    (docs / ".b-new-x1").mkdir()  # a folder being written when the build was killed
    (docs / JOURNAL).write_text(json.dumps({"phase": phase, "swapped": ["a"]}))
    transaction = Transaction(project, ("a", "b"), project / "site")
    transaction.lock()  # the next build recovers first
    transaction.release()
    assert tree(docs) == {"a/page.md": expected, "b/page.md": "old b", "index.md": "hand-written"}


def test_a_journal_cut_short_counts_as_not_committed(project):
    docs = project / "docs"
    (docs / "a").rename(docs / ".a-old")
    (docs / "a").mkdir()
    (docs / "a" / "page.md").write_text("new a")
    (docs / JOURNAL).write_text('{"phase": "comm')
    transaction = Transaction(project, ("a", "b"))
    transaction.lock()
    transaction.release()
    assert tree(docs)["a/page.md"] == "old a" and not (docs / JOURNAL).exists()


def test_a_site_swapped_out_and_not_back_is_restored(project):
    (project / "site").rename(project / ".site-old")
    transaction = Transaction(project, ("a", "b"), project / "site")
    transaction.lock()
    transaction.release()
    assert tree(project / "site") == {"index.html": "old site"} and not (project / ".site-old").exists()


def test_a_second_build_waits_for_the_lock_and_says_so(project, monkeypatch):
    import coalition_texts.transaction as module

    first = Transaction(project, ("a", "b"))
    first.lock()
    monkeypatch.setattr(module, "WAIT_SECONDS", 0.3)
    said: list[str] = []
    second = Transaction(project, ("a", "b"))
    with pytest.raises(SourceError, match="held the lock for over 0.3 s"):
        second.lock(said.append)
    assert said == ["another build of this folder is running: waiting for it to finish"]
    second.rollback()  # never locked: it must not touch what the first build staged
    first.release()
    second.lock()
    second.release()
