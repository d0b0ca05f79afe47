"""Find where given words occur in the texts (whole words, exact case, longest form first).

"Whole word" means the form is neither preceded nor followed by a letter, digit or underscore, so
"Niger" is not found in "Nigeria" but is in "Niger's"; at one position the longest form wins, so
"ISIS-Khorasan" is found as itself, not as "ISIS". The glossary and the index both use this rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coalition_texts.model.records import RenderedDocument

Found = list[tuple[RenderedDocument, list[tuple[str, int]]]]  # [(document, [(anchor, ¶ number), …]), …]


def pattern(forms: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in ordered) + r")(?!\w)")


@dataclass(frozen=True)
class Mentions:
    found: Found  # the documents and paragraphs that use one of the forms, in reading order
    forms: list[str]  # the distinct forms the texts actually use, in order of first appearance


class Texts:
    """The paragraphs of the rendered documents, to be searched for many lists of forms.

    A substring test is far cheaper than the whole-word regex, and most documents and paragraphs hold
    none of an entry's forms: the regex runs only on paragraphs that hold one of them as a substring,
    and only in documents whose whole text does (at 1,000 documents the regex alone was once the
    largest cost of the conversion).
    """

    def __init__(self, documents: Sequence[RenderedDocument]):
        self.documents = [(item, "\n".join(p.text for p in item.source.paragraphs)) for item in documents]

    def mentions(self, forms: Iterable[str]) -> Mentions:
        forms = tuple(dict.fromkeys(forms))
        regex = pattern(forms)
        found, seen = [], {}
        for item, whole in self.documents:
            if not any(form in whole for form in forms):
                continue
            paragraphs = []
            pairs = zip(item.anchors, item.source.paragraphs, strict=True)
            for number, (anchor, paragraph) in enumerate(pairs, start=1):
                if not any(form in paragraph.text for form in forms):
                    continue
                used = [match.group(0) for match in regex.finditer(paragraph.text)]
                if used:
                    paragraphs.append((anchor, number))
                    seen.update(dict.fromkeys(used))
            if paragraphs:
                found.append((item, paragraphs))
        return Mentions(found, list(seen))
