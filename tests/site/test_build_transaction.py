"""A failed build changes nothing: docs/, sources/anchors.json and site/ stay as the last good build left them,
whatever fails (a step after the pages were swapped, --strict, the registry's write, a full disk), a
killed build is recovered by the next one, and two builds of one folder at once do not collide."""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_bench.harness import build_environment
from coalition_texts.build import build, transaction
from coalition_texts.model.errors import SourceError
from tests.base import copy_project, mkdocs_build, one_build_error, snapshot

CANADA = "sources/canada-joint-statement-2022.txt"
NEW_PARAGRAPH = "\n\nA paragraph added by the test, which gives the registry and the pages something to change.\n"


@pytest.fixture(scope="module")
def good_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    assert mkdocs_build(project, project / "site").returncode == 0
    return project


@pytest.fixture
def project(good_project, tmp_path) -> Path:
    """A built copy whose sources now change the pages and the registry (a paragraph is added)."""
    copy = tmp_path / "project"
    shutil.copytree(good_project, copy)
    with open(copy / CANADA, "a", encoding="utf-8") as file:
        file.write(NEW_PARAGRAPH)
    return copy


def add_failing_hook(project: Path, code: str) -> None:
    """A hook that fails after the search index is rewritten (post-build, priority -60)."""
    (project / "scripts" / "failing_hook.py").write_text(
        "from mkdocs.plugins import event_priority\n\n\n@event_priority(-60)\ndef on_post_build(config):\n"
        f"    {code}\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - scripts/failing_hook.py\n", encoding="utf-8")


def leftovers(project: Path) -> list[str]:
    names = [p.name for p in (project / "docs").iterdir() if p.name.startswith(".")]
    names += [p.name for p in project.iterdir() if p.name in (".site-new", ".site-old")]
    return names + [p.name for p in (project / "sources").glob("*.tmp")]


def test_a_failure_after_the_pages_were_swapped_changes_nothing(project):
    add_failing_hook(project, "raise OSError(28, 'No space left on device')")
    before = snapshot(project)
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert snapshot(project) == before and leftovers(project) == []


def test_strict_warnings_after_the_swap_commit_nothing(project):
    add_failing_hook(project, "import logging; logging.getLogger('mkdocs.test').warning('a feed problem')")
    before = snapshot(project)
    result = mkdocs_build(project, project / "site")  # --strict
    assert result.returncode == 1 and "a feed problem" in result.stderr
    assert snapshot(project) == before and leftovers(project) == []


def test_a_registry_that_cannot_be_written_leaves_pages_and_site_as_they_were(project):
    (project / "sources" / "anchors.json.tmp").mkdir()  # the temporary file cannot be created
    before = snapshot(project)
    error = one_build_error(mkdocs_build(project, project / "site"))
    assert "sources/anchors.json" in error and "cannot be written" in error
    assert snapshot(project) == before
    (project / "sources" / "anchors.json.tmp").rmdir()
    assert leftovers(project) == []


def test_the_build_commits_pages_registry_and_site_together(project):
    before = snapshot(project)
    assert mkdocs_build(project, project / "site").returncode == 0
    after = snapshot(project)
    changed = {
        path.split("/")[0] if not path.startswith("sources") else path
        for path in after
        if after[path] != before.get(path)
    }
    assert {"docs", "sources/anchors.json", "site"} <= changed
    assert leftovers(project) == [] and not (project / "docs" / ".build-journal.json").exists()


def test_a_build_killed_between_renames_is_recovered_by_the_next(project):
    docs = project / "docs"
    good = snapshot(project)
    # What a kill between the two renames of a swap leaves: the old folder put aside, the new one staged.
    (docs / "documents").rename(docs / ".documents-old")
    staged = docs / ".documents-new-x1"
    staged.mkdir()
    (staged / "half.md").write_text("# half\n", encoding="utf-8")
    (docs / ".build-journal.json").write_text(json.dumps({"phase": "staged", "swapped": ["documents"]}))
    (project / ".site-new").mkdir()
    recovery = transaction(project, project / "site")
    recovery.lock()  # what the next build does first
    recovery.release()
    assert snapshot(project) == good and leftovers(project) == []
    assert mkdocs_build(project, project / "site").returncode == 0 and leftovers(project) == []


def test_two_builds_of_one_folder_at_once_both_finish(project):
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
               "-d", str(project / "site")]  # fmt: skip
    env = build_environment(project)
    first = subprocess.Popen(command, cwd=project, stderr=subprocess.PIPE, text=True, env=env)
    second = subprocess.Popen(command, cwd=project, stderr=subprocess.PIPE, text=True, env=env)
    errors = [first.communicate(timeout=300)[1], second.communicate(timeout=300)[1]]
    assert first.returncode == 0 and second.returncode == 0, errors
    assert not any("Traceback" in error for error in errors)
    assert leftovers(project) == [] and (project / "site" / "index.html").exists()


def test_a_full_disk_while_staging_rolls_back_with_one_message(project, monkeypatch):
    before = snapshot(project)
    real = Path.write_bytes

    def full(self, data):
        if ".documents-new-" in str(self):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(SourceError) as caught:
        build(project)
    assert "No space left on device" in str(caught.value) and "Free some disk space" in str(caught.value)
    assert snapshot(project) == before and leftovers(project) == []
