"""Published paragraph anchors survive revisions of the sources: corrections, insertions, deletions
and a changed `strip` list, in the real built site (the alignment itself, for open-ended edit
sequences: tests/unit/sources/test_anchors.py)."""

from __future__ import annotations

import difflib
import json
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coalition_texts.sources.anchors import SAME_PARAGRAPH
from tests.base import copy_project, mkdocs_build, repoint_citations, run_conversion

DOC = "canada-joint-statement-2022"
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
INSERTED = "Editor's note: this statement was revised after publication."
DELETED_START = "In Syria, the Coalition stands with the Syrian people"
TYPO = ("including the Peshmerga, and local partners", "including the Peshmerga and local partners")
# A line the revision adds to the `strip` list (a whole paragraph, so its anchor retires). The site's
# own prose quotes several paragraphs word for word, and the build checks those quotes: the deleted
# and stripped paragraphs are ones it does not quote.
STRIPPED = "The Ministers emphasized the need to address the global Daesh/ISIS threat"


def published(site: Path, doc_id: str) -> dict[str, tuple[str, BeautifulSoup]]:
    """Every anchor on a document page: ('para', its words) or ('retired', the notice)."""
    html = (site / "documents" / doc_id / "index.html").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "html.parser").select_one(".doc-text")
    found = {p["id"]: ("para", " ".join(p.get_text().split())) for p in text.select("p.para")}
    for notice in text.select(".para-retired"):
        found[notice["id"]] = ("retired", notice)
    return found


def check_anchors(project: Path) -> subprocess.CompletedProcess:
    return run_conversion(project, "--check-anchors")


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    """The site built before and after a revision of the Canadian statement, in a scratch copy."""
    project = copy_project(tmp_path_factory.mktemp("revised") / "project")
    before = project / "site-before"
    result = mkdocs_build(project, before, env=EPOCH)
    assert result.returncode == 0, result.stderr
    registry_before = json.loads((project / "sources" / "anchors.json").read_text(encoding="utf-8"))

    source = project / "sources" / f"{DOC}.txt"
    text = source.read_text(encoding="utf-8")
    assert TYPO[0] in text and DELETED_START in text
    stripped = next(line for line in text.splitlines() if line.startswith(STRIPPED))
    paragraphs = text.split("\n\n")
    paragraphs = [p for p in paragraphs if not p.startswith(DELETED_START)]  # delete one
    text = INSERTED + "\n\n" + "\n\n".join(paragraphs)  # insert one at the top
    source.write_text(text.replace(*TYPO), encoding="utf-8")  # correct one
    catalog = project / "sources" / "catalog.yml"
    yaml_text = catalog.read_text(encoding="utf-8")
    # The strip list changes both ways: "Statement" is shown again, another line is now removed.
    old_strip = '      - "Statement"\n'
    assert old_strip in yaml_text and '"' not in stripped
    catalog.write_text(yaml_text.replace(old_strip, f'      - "{stripped}"\n'), encoding="utf-8")
    assert len(repoint_citations(project, DOC)) == 2
    stale = check_anchors(project)
    after = project / "site-after"
    result = mkdocs_build(project, after, env=EPOCH)
    assert result.returncode == 0, result.stderr
    return {
        "project": project,
        "before": published(before, DOC),
        "after": published(after, DOC),
        "registry_before": registry_before,
        "stale": stale,
        "log": result.stderr,
    }


def test_every_published_anchor_lands_on_its_words_or_on_a_removal_notice(revised):
    before, after = revised["before"], revised["after"]
    assert all(kind == "para" for kind, _ in before.values())
    outcomes = {}
    for anchor, (_, old_words) in before.items():
        assert anchor in after, f"#{anchor} was published and is gone"
        kind, value = after[anchor]
        if kind == "para":
            ratio = difflib.SequenceMatcher(None, old_words, value, autojunk=False).ratio()
            assert ratio >= SAME_PARAGRAPH, f"#{anchor} now names other words: {value[:80]!r}"
            outcomes[anchor] = "same" if value == old_words else "corrected"
        else:
            notice = value.get_text(" ")
            assert "removed from the source text on 2026-01-01" in notice
            successor = value.find("a")["href"].lstrip("#")
            assert after[successor][0] == "para", f"#{anchor} leads to #{successor}, which is not a paragraph"
            outcomes[anchor] = "retired"
    deleted = next(a for a, (_, w) in before.items() if w.startswith(DELETED_START))
    corrected = next(a for a, (_, w) in before.items() if TYPO[0] in w)
    stripped = next(a for a, (_, w) in before.items() if w.startswith(STRIPPED))
    assert outcomes[stripped] == outcomes[deleted] == "retired"
    assert outcomes[corrected] == "corrected" and TYPO[1] in after[corrected][1]
    assert sorted(outcomes.values()).count("corrected") == 1
    assert list(outcomes.values()).count("same") == len(before) - 3


def test_new_paragraphs_get_new_anchors_and_nothing_else_moves(revised):
    before, after = revised["before"], revised["after"]
    registry = revised["registry_before"]["documents"][DOC]
    new = {anchor: words for anchor, (kind, words) in after.items() if kind == "para" and anchor not in before}
    assert sorted(new.values()) == sorted([INSERTED, "Statement"])
    numbers = sorted(int(anchor[1:]) for anchor in new)
    assert numbers == [registry["next"], registry["next"] + 1]  # never a reused number
    # In reading order, the inserted paragraph comes first and carries the first new number.
    order = [anchor for anchor, (kind, _) in after.items() if kind == "para"]
    assert order[0] == f"p{registry['next']}"


def test_retired_notice_sits_before_the_paragraph_it_leads_to(revised):
    html = (revised["project"] / "site-after" / "documents" / DOC / "index.html").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "html.parser").select_one(".doc-text")
    for notice in text.select(".para-retired"):
        following = notice.find_next_sibling("p", class_="para")
        assert following is not None and following["id"] == notice["data-successor"]
        number = following["data-n"]
        assert f"¶\u00a0{number}" in notice.get_text()


def test_the_registry_is_extended_never_rewritten(revised):
    project = revised["project"]
    old = revised["registry_before"]["documents"]
    new = json.loads((project / "sources" / "anchors.json").read_text(encoding="utf-8"))["documents"]
    assert {k: v for k, v in new.items() if k != DOC} == {k: v for k, v in old.items() if k != DOC}
    old_anchors = {p["anchor"] for p in old[DOC]["active"]}
    new_anchors = {p["anchor"] for p in new[DOC]["active"]} | {r["anchor"] for r in new[DOC]["retired"]}
    assert old_anchors < new_anchors
    assert {r["retired"] for r in new[DOC]["retired"]} == {"2026-01-01"}
    # The build said what it changed; before the build, the check said the registry was stale.
    assert "paragraph anchor:" in revised["log"] and "is retired" in revised["log"]
    assert revised["stale"].returncode == 1 and "anchors out of date" in revised["stale"].stderr
    assert check_anchors(project).returncode == 0


def test_a_hand_edited_registry_is_refused_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "sources" / "anchors.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"][DOC]["active"][1]["anchor"] = data["documents"][DOC]["active"][0]["anchor"]
    path.write_text(json.dumps(data), encoding="utf-8")
    result = check_anchors(project)
    assert result.returncode == 1
    assert "sources/anchors.json" in result.stderr and DOC in result.stderr
    assert "more than once" in result.stderr and "Traceback" not in result.stderr
