"""The links that evidence references become: Markdown links to paragraphs and to public sources.

`Links` wraps the resolved evidence (analysis/evidence.py) for the pages that cite it (events,
timeline, differences, glossary, index); `prefix` leads from the page's folder to the docs root.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coalition_texts.analysis.evidence import REFERENCE, Evidence, Paragraph
from coalition_texts.model.errors import SourceError
from coalition_texts.model.urls import document_page
from coalition_texts.pages.markdown import md_escape
from coalition_texts.sources.editorial import Locator


class Links:
    """Markdown for the references of the site's own prose, checked as they are written."""

    def __init__(self, evidence: Evidence):
        self.evidence = evidence

    def paragraph_link(self, paragraph: Paragraph, prefix: str, *, labelled: bool = True, text: str = "") -> str:
        """A Markdown link to one paragraph; its text is `text`, or 'Label ¶ N' (or '¶ N')."""
        label = f"{md_escape(self.evidence.label(paragraph.doc_id))} " if labelled else ""
        text = text or f"{label}¶ {paragraph.number}"
        return f"[{text}]({prefix}{document_page(paragraph.doc_id)}#{paragraph.anchor})"

    def links(self, targets: Sequence[str], where: str, prefix: str) -> str:
        """Markdown for one group of references: `(Joint statement ¶ 8, ¶ 9; ASI)`, each part a link."""
        parts = []
        for group in self.evidence.groups(targets, where):
            if group.public is not None:
                title = group.public.description.replace('"', "'")
                parts.append(f'[{md_escape(group.public.label)}](<{group.public.url}> "{title}")')
            else:
                parts.append(
                    ", ".join(
                        self.paragraph_link(paragraph, prefix, labelled=index == 0)
                        for index, paragraph in enumerate(group.paragraphs)
                    )
                )
        return '<span class="evidence">(' + "; ".join(parts) + ")</span>"

    def expand(self, text: str, where_line: Locator, prefix: str) -> str:
        """`text` with every `[[...]]` replaced by its links; `where_line(offset)` locates errors."""

        def replace(match: re.Match[str]) -> str:
            where = where_line(match.start())
            return self.links(self.evidence.targets(match.group(1), where), where, prefix)

        expanded = REFERENCE.sub(replace, text)
        for bracket in ("[[", "]]"):
            if bracket in expanded:
                offset = text.find(bracket) if bracket in text else 0
                raise SourceError(where_line(offset), f"an unmatched '{bracket}'.", "Close it or remove it.")
        return expanded
