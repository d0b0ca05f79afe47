"""References from the reference data (glossary, index) to a paragraph of a text or a public address.

A citation is written `<document id>#<anchor>` (such as `canada-joint-statement-2022#p6`) or as a
full http(s) address. Paragraph citations are checked against the anchors the build gave the
documents, so a citation can never point to a paragraph that was never published.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from catalog import URL_PATTERN
from markdown_text import md_escape

PARAGRAPH = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)#(p\d+)$")


@dataclass(frozen=True)
class Citation:
    doc_id: str | None  # set for a paragraph citation
    anchor: str | None
    number: int | None  # the paragraph's number in reading order (¶ n); None once the paragraph is removed
    url: str | None  # set for a citation of a public address

    def markdown(self, label_of: Callable[[str], str], prefix: str = "../") -> str:
        """A Markdown link; `label_of` names a document, `prefix` leads to the docs root."""
        if self.url:
            return f"[{md_escape(urlsplit(self.url).hostname or self.url)}](<{self.url}>)"
        where = f"¶ {self.number}" if self.number else f"paragraph #{self.anchor}, since removed"
        page = f"{prefix}documents/{self.doc_id}.md"
        return f"[{md_escape(label_of(self.doc_id))}, {where}]({page}#{self.anchor})"


def read_citations(reader, documents: dict, field: str = "cite") -> tuple[Citation, ...]:
    """Read and check the list of citations in `field` of an entry (a catalog._Entry reader).

    `documents` maps document ids to their RenderedDocument. A paragraph removed from its text
    since it was cited is still a valid citation: its anchor leads to the removal notice and on to
    the nearest remaining paragraph, as every published link does (see anchors.py).
    """
    citations = []
    for value in reader.texts(field):
        if URL_PATTERN.match(value):
            citations.append(Citation(None, None, None, value))
            continue
        match = PARAGRAPH.match(value)
        if not match:
            raise reader.fail(
                field, f"'{value}' is not a citation.", "Write <document id>#p<n> or a full http(s) address."
            )
        doc_id, anchor = match.groups()
        item = documents.get(doc_id)
        if item is None:
            raise reader.fail(
                field, f"'{value}' names an unknown document '{doc_id}'.", f"Known ids: {', '.join(sorted(documents))}."
            )
        if anchor in item.anchors:
            citations.append(Citation(doc_id, anchor, item.anchors.index(anchor) + 1, None))
        elif anchor in {retired[0] for retired in item.retired}:
            citations.append(Citation(doc_id, anchor, None, None))
        else:
            raise reader.fail(
                field, f"'{value}': the document has no paragraph {anchor}.", f"It has: {', '.join(item.anchors)}."
            )
    return tuple(citations)
