"""Bad input stops the build with one clear message, no traceback, and the last good pages kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.base import copy_project, mkdocs_build, one_build_error, run_conversion, snapshot

CANADA = "sources/canada-joint-statement-2022.txt"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def not_utf8(project: Path) -> None:
    path = project / CANADA
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff\xfe" + data[100:])


def missing_file(project: Path) -> None:
    (project / CANADA).unlink()


def empty_text(project: Path) -> None:
    (project / CANADA).write_text("\n \n\n", encoding="utf-8")


def duplicate_id(project: Path) -> None:
    edit(
        project / "sources/catalog.yml", "- id: blog-repost-africa-communique-2022", "- id: canada-joint-statement-2022"
    )


def impossible_date(project: Path) -> None:
    edit(project / "sources/catalog.yml", "published: 2022-05-12", "published: 2022-02-30")


def unknown_event(project: Path) -> None:
    edit(project / "sources/catalog.yml", "events: [niamey-meeting-2023,", "events: [niamey-2099,")


def missing_field(project: Path) -> None:
    edit(project / "sources/catalog.yml", "    publisher: Global Affairs Canada\n", "")


def strip_not_in_text(project: Path) -> None:
    edit(project / "sources/catalog.yml", '- "Contacts"', '- "Contacts page"')


def invalid_yaml(project: Path) -> None:
    edit(project / "sources/catalog.yml", "    kind: repost\n", "    kind: [repost\n")


def unknown_date_part(project: Path) -> None:
    edit(project / "sources/catalog.yml", "date_supplied: [year]", "date_supplied: [decade]")


def date_part_the_date_lacks(project: Path) -> None:
    # The Sun's report is dated to the month: it has no day to supply.
    edit(
        project / "sources/catalog.yml",
        "published: 2022-05\n    date_supplied: true",
        "published: 2022-05\n    date_supplied: [day]",
    )


def url_supplied_not_a_flag(project: Path) -> None:
    edit(project / "sources/catalog.yml", "url_supplied: true", "url_supplied: maybe")


def url_supplied_without_url(project: Path) -> None:
    edit(
        project / "sources/catalog.yml",
        "    url: null\n    published: 2022-05-09",
        "    url: null\n    url_supplied: true\n    published: 2022-05-09",
    )


def control_character(project: Path) -> None:
    edit(project / CANADA, "Nasser Bourita", "Nasser\x02Bourita")


def point_file_at(project: Path, name: str) -> None:
    edit(project / "sources/catalog.yml", "file: canada-joint-statement-2022.txt", f"file: {name}")


def symlink_outside(project: Path) -> None:
    (project / CANADA).unlink()
    (project / CANADA).symlink_to("/etc/passwd")


def symlinked_folder(project: Path) -> None:
    (project / "sources/elsewhere").symlink_to("/etc", target_is_directory=True)
    point_file_at(project, "elsewhere/passwd")


def parent_path(project: Path) -> None:
    point_file_at(project, "../README.md")


def a_directory(project: Path) -> None:
    point_file_at(project, "editorial")


def named_pipe(project: Path) -> None:
    import os

    os.mkfifo(project / "sources/pipe.txt")
    point_file_at(project, "pipe.txt")


def nul_in_name(project: Path) -> None:
    point_file_at(project, '"canada\\0.txt"')  # YAML's escape for NUL


def long_name(project: Path) -> None:
    point_file_at(project, "a" * 300 + ".txt")


def list_as_key(project: Path) -> None:
    edit(project / "sources/catalog.yml", "    kind: repost\n", "    kind: repost\n    [a, b]: x\n")


def mapping_as_key(project: Path) -> None:
    edit(project / "sources/glossary.yml", "  - term: Daesh\n", "  - term: Daesh\n    {a: 1}: x\n")


def registry_wrong_type(project: Path) -> None:
    import json

    path = project / "sources/anchors.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"]["canada-joint-statement-2022"]["active"][2]["anchor"] = 3
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def year_zero(project: Path) -> None:
    edit(project / "sources/catalog.yml", "published: 2022-05-12", "published: 0000-05-12")


def far_future(project: Path) -> None:
    edit(project / "sources/events.yml", "start: 2022-05-11", "start: 9999-05-11")


CASES = {
    "not-utf8": (not_utf8, ["canada-joint-statement-2022.txt", "not valid UTF-8", "byte offset 100"]),
    "missing-file": (missing_file, ["canada-joint-statement-2022", "does not exist"]),
    "empty-text": (empty_text, ["canada-joint-statement-2022.txt", "empty"]),
    "duplicate-id": (duplicate_id, ["catalog.yml, line", "duplicate id 'canada-joint-statement-2022'"]),
    "impossible-date": (impossible_date, ["catalog.yml, line", "field 'published'", "2022-02-30", "impossible"]),
    "unknown-event": (unknown_event, ["catalog.yml, line", "field 'events'", "niamey-2099"]),
    "missing-field": (missing_field, ["catalog.yml, line", "document canada-joint-statement-2022", "'publisher'"]),
    "strip-not-in-text": (strip_not_in_text, ["canada-joint-statement-2022.txt", "'Contacts page'", "strip"]),
    "invalid-yaml": (invalid_yaml, ["catalog.yml, line", "not valid YAML"]),
    "unknown-date-part": (
        unknown_date_part,
        ["catalog.yml, line", "field 'date_supplied'", "'decade'", "day, month or year"],
    ),
    "date-part-the-date-lacks": (
        date_part_the_date_lacks,
        ["catalog.yml, line", "field 'date_supplied'", "has no day"],
    ),
    "url-supplied-not-a-flag": (
        url_supplied_not_a_flag,
        ["catalog.yml, line", "field 'url_supplied'", "true or false"],
    ),
    "url-supplied-without-url": (
        url_supplied_without_url,
        ["catalog.yml, line", "field 'url_supplied'", "'url' is null"],
    ),
    "control-character": (control_character, ["canada-joint-statement-2022.txt", "line 11", "U+0002"]),
    "symlink-outside": (symlink_outside, ["document canada-joint-statement-2022", "leads outside sources/"]),
    "symlinked-folder": (symlinked_folder, ["document canada-joint-statement-2022", "leads outside sources/"]),
    "parent-path": (parent_path, ["catalog.yml, line", "field 'file'", "inside sources/"]),
    "a-directory": (a_directory, ["document canada-joint-statement-2022", "is not a regular file"]),
    "named-pipe": (named_pipe, ["document canada-joint-statement-2022", "pipe.txt is not a regular file"]),
    "nul-in-name": (nul_in_name, ["catalog.yml, line", "field 'file'", "control character"]),
    "long-name": (long_name, ["catalog.yml, line", "field 'file'", "too long"]),
    "list-as-key": (list_as_key, ["catalog.yml, line", "a list is used as a key"]),
    "mapping-as-key": (mapping_as_key, ["glossary.yml, line 11", "a mapping is used as a key"]),
    "registry-wrong-type": (registry_wrong_type, ["anchors.json, line", "canada-joint-statement-2022", "active[2]"]),
    "year-zero": (year_zero, ["catalog.yml, line", "field 'published'", "outside the years 1900–2100"]),
    "far-future": (far_future, ["events.yml, line", "field 'start'", "outside the years 1900–2100"]),
}


@pytest.fixture(scope="module")
def good_project(tmp_path_factory) -> Path:
    """A copy that has been built once: its generated pages are the 'last good pages'."""
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    assert mkdocs_build(project, project / "site").returncode == 0
    return project


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_fails_clearly_and_keeps_the_last_good_pages(good_project, tmp_path, case):
    import shutil

    project = tmp_path / "project"
    shutil.copytree(good_project, project)
    breaker, expected = CASES[case]
    breaker(project)  # sources/ only: the pages, the site and (but for one case) the registry are the last good ones
    before = snapshot(project)

    error = one_build_error(mkdocs_build(project, project / "site"))
    for fragment in expected:
        assert fragment in error, (fragment, error)
    assert snapshot(project) == before

    script = run_conversion(project)
    assert script.returncode == 1
    assert "Traceback" not in script.stderr
    assert script.stderr.startswith("error: ") and script.stderr.count("\n") == 1
    assert snapshot(project) == before


def test_a_missing_registry_stops_the_build_unless_the_site_is_new_on_purpose(good_project, tmp_path):
    import shutil

    project = tmp_path / "project"
    shutil.copytree(good_project, project)
    registry = project / "sources" / "anchors.json"
    registry.unlink()
    before = snapshot(project)
    error = one_build_error(mkdocs_build(project, project / "site"))
    assert "sources/anchors.json" in error and "is missing" in error and "NEW_ANCHOR_REGISTRY=1" in error
    assert snapshot(project) == before and not registry.exists()

    refused = run_conversion(project)
    assert refused.returncode == 1 and "--new-registry" in refused.stderr and not registry.exists()
    assert run_conversion(project, "--new-registry").returncode == 0
    assert registry.exists()
    registry.unlink()
    assert mkdocs_build(project, project / "site", env={"NEW_ANCHOR_REGISTRY": "1"}).returncode == 0
    assert registry.exists()
