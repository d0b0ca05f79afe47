"""The registry of published paragraph anchors (`sources/anchors.json`): links that never break.

Each document's paragraphs get short anchors (`p1`, `p2`, …) the first time they are published. On
every later build the current paragraphs are aligned with the registered ones:

- a paragraph whose text is unchanged, or only corrected, keeps its anchor;
- a new paragraph gets the next unused number, and no other anchor moves;
- a paragraph that is gone has its anchor retired (never reused) with the date and the anchor of
  the nearest remaining paragraph, so that the page can say what happened.

The registry is only ever extended; every change is reported so that it is never rewritten silently.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coalition_texts.model.errors import SourceError

# Two versions of a paragraph count as the same paragraph (a correction) above this similarity.
SAME_PARAGRAPH = 0.6
# A retired paragraph leads to the current paragraph that holds at least this share of its words.
HOLDS_WORDS = 0.6
ANCHOR_PATTERN = re.compile(r"^p([1-9][0-9]*)$")
FORMAT_NOTE = (
    "Published paragraph anchors, one list per document. Written by every build (python -m coalition_texts), "
    "extended and never rewritten: do not edit by hand. See README.md, 'Paragraph anchors'."
)


@dataclass
class Retired:
    anchor: str
    text: str
    retired: str  # YYYY-MM-DD
    successor: str | None


@dataclass
class DocumentAnchors:
    next: int = 1
    active: list[tuple[str, str]] = field(default_factory=list)  # (anchor, text), reading order
    retired: list[Retired] = field(default_factory=list)

    def successor_of(self, anchor: str) -> str | None:
        """The active anchor a retired one now leads to (following chains of retirements)."""
        active = {a for a, _ in self.active}
        by_anchor = {r.anchor: r for r in self.retired}
        seen = set()
        while anchor not in active:
            if anchor in seen or anchor not in by_anchor:
                return self.active[0][0] if self.active else None
            seen.add(anchor)
            anchor = by_anchor[anchor].successor or ""
        return anchor


def today() -> str:
    """The build date: SOURCE_DATE_EPOCH when set, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch) if epoch else None))


def _normal(text: str) -> str:
    return " ".join(text.split())


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pair_block(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Order-preserving pairs (i, j) of old and new paragraphs that are versions of each other.

    Dynamic programming over the block maximises the summed similarity of the pairs kept.
    """
    score = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    sims = [[_similarity(o, n) for n in new] for o in old]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            pair = sims[i][j] + score[i + 1][j + 1] if sims[i][j] >= SAME_PARAGRAPH else -1.0
            score[i][j] = max(pair, score[i + 1][j], score[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < len(old) and j < len(new):
        if sims[i][j] >= SAME_PARAGRAPH and score[i][j] == sims[i][j] + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def align(entry: DocumentAnchors, paragraphs: list[str], date: str) -> tuple[list[str], DocumentAnchors, list[str]]:
    """Anchors for `paragraphs`, the updated entry, and a sentence for each change made."""
    texts = [_normal(p) for p in paragraphs]
    old_anchors = [a for a, _ in entry.active]
    old_texts = [_normal(t) for _, t in entry.active]
    if texts == old_texts:
        return old_anchors, entry, []
    matched: dict[int, int] = {}  # new index -> old index
    matcher = difflib.SequenceMatcher(None, old_texts, texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched.update({j1 + k: i1 + k for k in range(i2 - i1)})
        elif tag == "replace":
            matched.update({j1 + j: i1 + i for i, j in _pair_block(old_texts[i1:i2], texts[j1:j2])})
    # A paragraph moved elsewhere, word for word, keeps its anchor too.
    free_old = {old_texts[i]: i for i in range(len(old_texts)) if i not in matched.values()}
    for j, text in enumerate(texts):
        if j not in matched and text in free_old:
            matched[j] = free_old.pop(text)

    revivable = {r.text: r.anchor for r in reversed(entry.retired)}  # the earliest retirement wins
    changes, anchors, next_number = [], [], entry.next
    for j, text in enumerate(texts):
        if j in matched:
            anchor = old_anchors[matched[j]]
            if old_texts[matched[j]] != text:
                changes.append(f"#{anchor} keeps its anchor; its text was corrected")
        elif text in revivable:
            # The very words of a retired paragraph are back (a deletion undone): the old links
            # name these words, so they lead here again rather than to a notice.
            anchor = revivable.pop(text)
            changes.append(f"#{anchor} is restored (its paragraph is back, word for word)")
        else:
            anchor = f"p{next_number}"
            next_number += 1
            changes.append(f"#{anchor} is new")
        anchors.append(anchor)

    retired = [r for r in entry.retired if r.anchor not in anchors]
    kept = set(matched.values())
    for i, anchor in enumerate(old_anchors):
        if i in kept:
            continue
        successor = _successor(i, old_texts[i], texts, anchors, matched)
        retired.append(Retired(anchor, old_texts[i], date, successor))
        changes.append(f"#{anchor} is retired (its paragraph is gone); it now leads to #{successor}")
    return anchors, DocumentAnchors(next_number, list(zip(anchors, paragraphs, strict=True)), retired), changes


def _containment(part: str, whole: str) -> float:
    """The share of `part`'s words found in `whole` in runs of at least three words in a row (single
    common words found here and there do not make a paragraph hold another's words)."""
    words, other = part.split(), whole.split()
    blocks = difflib.SequenceMatcher(None, words, other, autojunk=False).get_matching_blocks()
    run = min(3, len(words))
    return sum(block.size for block in blocks if block.size >= run) / max(len(words), 1)


def _successor(old: int, old_text: str, texts: list[str], anchors: list[str], matched: dict[int, int]) -> str | None:
    """Where a retired anchor leads: the paragraph that now holds most of its words (two paragraphs
    merged, or one split in pieces), else the nearest remaining paragraph (the first kept one after
    it, else the last kept one before it, else the one now in its place)."""
    holders = [(_containment(old_text, text), -j) for j, text in enumerate(texts)]
    best = max(holders, default=(0.0, 0))
    if best[0] >= HOLDS_WORDS:
        return anchors[-best[1]]
    later = [j for j, o in sorted(matched.items()) if o > old]
    earlier = [j for j, o in sorted(matched.items()) if o < old]
    if later or earlier:
        return anchors[later[0]] if later else anchors[earlier[-1]]
    return anchors[min(old, len(anchors) - 1)] if anchors else None  # every paragraph is new: the one in its place


class Registry:
    """All documents' anchors, read from and written to one JSON file."""

    def __init__(self, path: Path):
        self.path = path
        self.documents: dict[str, DocumentAnchors] = {}
        if path.exists():
            self._read()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for doc_id, entry in data["documents"].items():
                self.documents[doc_id] = DocumentAnchors(
                    next=int(entry["next"]),
                    active=[(p["anchor"], p["text"]) for p in entry["active"]],
                    retired=[Retired(**r) for r in entry["retired"]],
                )
        except (ValueError, KeyError, TypeError) as error:
            raise SourceError(
                str(self.path),
                f"is not a valid anchor registry ({error.__class__.__name__}: {error}).",
                "Restore it from git: it records published links and must not be edited by hand.",
            ) from None
        for doc_id, entry in self.documents.items():
            self._check(doc_id, entry)

    def _check(self, doc_id: str, entry: DocumentAnchors) -> None:
        """Refuse a registry that could make an anchor name other words: reused, malformed or
        unallocated anchors, or a retired anchor leading nowhere."""

        def fail(problem: str) -> SourceError:
            return SourceError(
                f"{self.path} (document {doc_id})",
                problem,
                "Restore the file from git: it records published links and must not be edited by hand.",
            )

        every = [a for a, _ in entry.active] + [r.anchor for r in entry.retired]
        for anchor in every:
            match = ANCHOR_PATTERN.match(anchor)
            if not match:
                raise fail(f"'{anchor}' is not an anchor of the form p1, p2, ….")
            if int(match.group(1)) >= entry.next:
                raise fail(f"'{anchor}' is at or beyond 'next' ({entry.next}), so it could be given out again.")
        duplicates = sorted(anchor for anchor, count in Counter(every).items() if count > 1)
        if duplicates:
            raise fail(f"{', '.join(duplicates)} appear more than once (an anchor names one paragraph only).")
        known = set(every)
        for record in entry.retired:
            if record.successor is not None and record.successor not in known:
                raise fail(f"retired '{record.anchor}' leads to '{record.successor}', which it does not record.")

    def serialise(self) -> str:
        documents = {
            doc_id: {
                "next": entry.next,
                "active": [{"anchor": a, "text": t} for a, t in entry.active],
                "retired": [vars(r) for r in entry.retired],
            }
            for doc_id, entry in sorted(self.documents.items())
        }
        return json.dumps({"about": FORMAT_NOTE, "documents": documents}, ensure_ascii=False, indent=1) + "\n"

    def write(self) -> bool:
        """Write the file if its content changed (atomically); say whether it did."""
        content = self.serialise()
        if self.path.exists() and self.path.read_text(encoding="utf-8") == content:
            return False
        temporary = self.path.with_suffix(".json.tmp")
        temporary.write_text(content, encoding="utf-8")
        os.replace(temporary, self.path)
        return True

    def assign(self, doc_id: str, paragraphs: list[str], date: str | None = None) -> tuple[list[str], list[str]]:
        """Anchors for one document's paragraphs; updates the registry in memory."""
        entry = self.documents.get(doc_id, DocumentAnchors())
        anchors, updated, changes = align(entry, paragraphs, date or today())
        self.documents[doc_id] = updated
        return anchors, [f"{doc_id}: {change}" for change in changes]
