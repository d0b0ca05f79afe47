"""A build never rewrites a committed file unless the sources changed.

A scratch copy of the checkout is made a git repository of its own (committing what git would commit
here: ignored, generated files stay out), built, and `git status` must be clean. The counter-check edits
a source text: then the build must extend the committed anchor registry, which `git status` shows.
(Byte-identical rebuilds are tests/site/test_pages.py::test_rebuilds_are_byte_identical.)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from coalition_texts.sources.catalog import load_catalog
from tests.base import copy_project, mkdocs_build

GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@localhost", "-c", "commit.gpgsign=false"]
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def git(project: Path, *args: str) -> str:
    result = subprocess.run([*GIT, *args], cwd=project, capture_output=True, text=True, check=True)
    return result.stdout


def committed_copy(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "snapshot")
    assert git(project, "status", "--porcelain") == ""
    return project


def test_a_build_leaves_committed_files_untouched(tmp_path):
    project = committed_copy(tmp_path)
    for _ in range(2):  # the first build from a clean state, and a rebuild over its own output
        result = mkdocs_build(project, project / "site", env=EPOCH)
        assert result.returncode == 0, result.stderr
        assert git(project, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_changed_source_shows_in_git_status(tmp_path):
    """The check above can fail: a new paragraph extends sources/anchors.json, and git sees it."""
    project = committed_copy(tmp_path)
    doc = load_catalog(project / "sources").documents[0]
    with (project / "sources" / doc.file).open("a", encoding="utf-8") as text:
        text.write("\n\nA paragraph added to check that the registry records it.\n")
    result = mkdocs_build(project, project / "site", env=EPOCH)
    assert result.returncode == 0, result.stderr
    changed = {line[3:] for line in git(project, "status", "--porcelain").splitlines()}
    assert changed == {f"sources/{doc.file}", "sources/anchors.json"}
