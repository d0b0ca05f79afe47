"""Evidence references in the site's own prose, resolved against the documents and the public sources.

Editorial text (in `sources/editorial/`) cites its evidence with `[[...]]` inside the sentence it
supports: `[[canada-joint-statement-2022#p3]]` for a paragraph of a document,
`[[canada-joint-statement-2022#p8, blog-repost-africa-communique-2022#p3]]` for several, and
`[[asi-africa-focus-group]]` for a public source listed in `sources/editorial/sources.yml` (facts
that none of the texts states). Every reference is checked against the catalog, the anchor
registry and that list, so a mistyped id or a retired anchor stops the build with its file and
line. This module resolves them; pages/evidence_links.py writes the links they become, which
MkDocs checks again in the strict build.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coalition_texts.model.errors import SourceError
from coalition_texts.model.records import EvidenceSources, PublicSource, RenderedDocument

REFERENCE = re.compile(r"\[\[([^\[\]]*?)\]\]")  # may wrap lines; may not hold brackets
TARGET = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:#(?P<anchor>p[0-9]+))?$")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph a reference points to: its document, anchor, reading-order number and words."""

    doc_id: str
    anchor: str
    number: int
    text: str


@dataclass(frozen=True)
class Group:
    """The references of one `[[...]]` to one document (its paragraphs, in the order written) or public source."""

    key: str  # the document id or the public source id
    paragraphs: tuple[Paragraph, ...]  # empty for a public source
    public: PublicSource | None = None


class Evidence:
    """Resolves references against the rendered documents and the public sources."""

    def __init__(self, documents: Sequence[RenderedDocument], sources: EvidenceSources):
        self.documents = {item.doc.id: item for item in documents}
        self.public = sources.public

    def label(self, doc_id: str) -> str:
        """The document's short name (catalog `short_name`), as every passing mention of a text uses."""
        return self.documents[doc_id].doc.short_name

    def paragraph(self, target: str, where: str) -> Paragraph:
        """The paragraph `document-id#pN` names; a SourceError at `where` if there is none."""
        match = TARGET.match(target)
        if not match or not match.group("anchor"):
            raise SourceError(where, f"'{target}' is not a paragraph reference.", "Write document-id#pN.")
        doc_id, anchor = match.group("id"), match.group("anchor")
        item = self.documents.get(doc_id)
        if item is None:
            raise SourceError(
                where, f"unknown document '{doc_id}'.", f"Known documents: {', '.join(sorted(self.documents))}."
            )
        if anchor not in item.anchors:
            retired = {r[0]: r[2] for r in item.retired}
            if anchor in retired:
                raise SourceError(
                    where,
                    f"'{target}' was removed from the source text.",
                    f"Cite the paragraph that now holds the words (perhaps #{retired[anchor]}).",
                )
            raise SourceError(
                where,
                f"document '{doc_id}' has no paragraph #{anchor}.",
                f"Its anchors are {item.anchors[0]} to {item.anchors[-1]} (see sources/anchors.json).",
            )
        number = item.anchors.index(anchor)
        return Paragraph(doc_id, anchor, number + 1, item.source.paragraphs[number].text)

    def groups(self, targets: Sequence[str], where: str) -> list[Group]:
        """One group per document or public source, in the order written; a SourceError if one is unknown."""
        if not targets:
            raise SourceError(where, "an evidence reference is empty.", "Write [[document-id#pN]].")
        found: dict[str, list[Paragraph]] = {}
        for target in targets:
            if target in self.public:
                found.setdefault(target, [])
                continue
            paragraph = self.paragraph(target, where)
            found.setdefault(paragraph.doc_id, []).append(paragraph)
        return [Group(key, tuple(paragraphs), self.public.get(key)) for key, paragraphs in found.items()]

    def targets(self, reference: str, where: str) -> list[str]:
        """The targets of one `[[...]]` (its inside), each checked to be a paragraph or a public source id."""
        targets = [t.strip() for t in reference.split(",") if t.strip()]
        for target in targets:
            if target not in self.public and not TARGET.match(target):
                shown = " ".join(target.split())
                shown = shown if len(shown) <= 60 else shown[:60] + "…"
                raise SourceError(
                    where,
                    f"'{shown}' is neither a paragraph (document-id#pN) nor a public source id.",
                    "Public sources are listed in sources/editorial/sources.yml.",
                )
        return targets
