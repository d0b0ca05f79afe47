"""sources/glossary.py: terms, their forms and tooltips; forms that cannot be found, twice-defined, uncited."""

from __future__ import annotations

import pytest

from coalition_texts.sources.glossary import load_glossary
from tests.base import source_error, write_sources

GLOSSARY = """terms:
  - term: ISIS
    expansion: Islamic State of Iraq and Syria
    variants: [ISIS-K,  "Islamic  State"]
    explanation: >-
      A group.
    cite: [text#p1]
  - term: AFG
    explanation: The Africa Focus Group.
    cite: [public-source]
"""


def test_terms_forms_tooltips_and_where_their_citations_are(tmp_path):
    path = write_sources(tmp_path, {"glossary.yml": GLOSSARY}) / "glossary.yml"
    glossary = load_glossary(path)
    isis, afg = glossary.terms
    assert isis.forms == ("ISIS", "ISIS-K", "Islamic State")
    assert isis.tooltip == "Islamic State of Iraq and Syria: A group." and afg.tooltip == "The Africa Focus Group."
    assert (isis.cites, isis.cites_at) == (("text#p1",), f"{path}, line 7 (term ISIS, field 'cite')")
    assert glossary.by_form["ISIS-K"] is isis and (isis.line, afg.line) == (2, 8)


@pytest.mark.parametrize(
    ("old", "new", "where", "problem"),
    [
        ("term: AFG", "term: ISIS-K", "line 8 (term ISIS-K, field 'term')",
         "duplicate term 'ISIS-K' (already defined on line 4)."),
        ("term: AFG", "term: '[AFG]'", "line 8 (term [AFG], field 'term')", "'[AFG]' cannot be found as a word."),
        ("cite: [public-source]", "cite: []", "line 10 (term AFG, field 'cite')", "cites nothing."),
        ("    explanation: The", "    explanaton: The", "line 9 (term AFG, field 'explanaton')",
         "unknown field 'explanaton'."),
    ],
)  # fmt: skip
def test_bad_terms_are_located(tmp_path, old, new, where, problem):
    path = write_sources(tmp_path, {"glossary.yml": GLOSSARY.replace(old, new)}) / "glossary.yml"
    assert source_error(lambda: load_glossary(path)).startswith(f"{path}, {where}: {problem}")
