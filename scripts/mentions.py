"""Find where given words occur in the texts (whole words, exact case, longest form first) and list them.

"Whole word" means the form is neither preceded nor followed by a letter, digit or underscore, so
"Niger" is not found in "Nigeria" but is in "Niger's"; at one position the longest form wins, so
"ISIS-Khorasan" is found as itself, not as "ISIS". The glossary and the index both use this rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_text import md_escape

Found = list[tuple[object, list[tuple[str, int]]]]  # [(RenderedDocument, [(anchor, ¶ number), …]), …]


# The literal forms behind each compiled pattern. A substring test is far cheaper than the
# whole-word regex, and most paragraphs hold none of an entry's forms: at 1,000 documents the
# regex alone was the largest cost of the conversion.
_FORMS: dict[re.Pattern[str], tuple[str, ...]] = {}


def pattern(forms: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in ordered) + r")(?!\w)")
    _FORMS[regex] = tuple(ordered)
    return regex


def _may_match(regex: re.Pattern[str], text: str) -> bool:
    forms = _FORMS.get(regex)
    return forms is None or any(form in text for form in forms)


def mentions(regex: re.Pattern[str], documents) -> Found:
    """For each rendered document with a match: (document, [(anchor, paragraph number), …]), in reading order."""
    found = []
    for item in documents:
        pairs = zip(item.anchors, item.source.paragraphs, strict=True)
        paragraphs = [
            (anchor, n)
            for n, (anchor, paragraph) in enumerate(pairs, start=1)
            if _may_match(regex, paragraph.text) and regex.search(paragraph.text)
        ]
        if paragraphs:
            found.append((item, paragraphs))
    return found


def forms_found(regex: re.Pattern[str], documents) -> list[str]:
    """The distinct forms the texts actually use, in order of first appearance."""
    seen: dict[str, None] = {}
    for item in documents:
        for paragraph in item.source.paragraphs:
            if not _may_match(regex, paragraph.text):
                continue
            seen.update((match.group(0), None) for match in regex.finditer(paragraph.text))
    return list(seen)


def mentions_markdown(found: Found, prefix: str = "../") -> str:
    """A Markdown list: one line per document, with a link to each paragraph."""
    lines = []
    for item, paragraphs in found:
        page = f"{prefix}documents/{item.doc.id}.md"
        links = ", ".join(f"[¶ {number}]({page}#{anchor})" for anchor, number in paragraphs)
        lines.append(f"- [{md_escape(item.doc.title)}]({page}): {links}\n")
    return "".join(lines)
