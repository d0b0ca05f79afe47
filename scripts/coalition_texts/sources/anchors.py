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
import functools
import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coalition_texts.model.errors import SourceError
from coalition_texts.sources.files import read_bytes

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


# Differing middles of two versions up to this many characters (together) are aligned character by
# character; longer ones word by word, after a bound that is cheap to compute (difflib's alignment
# is quadratic in the worst case, and most pairs a build compares are unrelated paragraphs).
CHARACTER_LEVEL = 200


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """The lengths of the common prefix and (not overlapping it) common suffix, found by halving."""
    limit = min(len(a), len(b))
    low, high = 0, limit
    while low < high:  # slice comparisons run in C: a few dozen of them for megabytes of text
        middle = (low + high + 1) // 2
        low, high = (middle, high) if a[:middle] == b[:middle] else (low, middle - 1)
    prefix = low
    low, high = 0, limit - prefix
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if a[len(a) - middle :] == b[len(b) - middle :] else (low, middle - 1)
    return prefix, low


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> Counter[str]:
    return Counter(text.split())


def _bag_overlap(a: str, b: str) -> int:
    """Characters in the words `a` and `b` have in common (as multisets): an upper bound on the
    characters a word-by-word alignment can match."""
    words_a, words_b = _words(a), _words(b)
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a
    return sum(len(word) * min(count, words_b[word]) for word, count in words_a.items() if word in words_b)


@functools.lru_cache(maxsize=1 << 16)  # kept for the build (mkdocs serve rebuilds with most pairs unchanged)
def _similarity(a: str, b: str) -> float:
    """How much of two versions of a paragraph is the same (1.0: identical), as difflib's ratio:
    twice the characters matched over the characters of both.

    Cheap bounds come first, so that unrelated paragraphs cost little and a long paragraph with a
    small correction costs one pass: the length ratio, then the common prefix and suffix; only the
    differing middles are aligned, character by character when they are short (a corrected word or
    two), else word by word (a changed word counts as unmatched), and only when the words they share
    (an upper bound on what the alignment can match) could make the pair similar enough.
    """
    if a == b:
        return 1.0
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) < SAME_PARAGRAPH * total:
        return 0.0  # even if every character of the shorter matched, the pair would not be similar
    prefix, suffix = _common_ends(a, b)
    middle_a, middle_b = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    if not middle_a or not middle_b:
        return 2 * (prefix + suffix) / total
    if len(middle_a) + len(middle_b) <= CHARACTER_LEVEL:
        matched = sum(block.size for block in difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
                      .get_matching_blocks())  # fmt: skip
        return 2 * (prefix + suffix + matched) / total
    if 2 * (prefix + suffix + _bag_overlap(middle_a, middle_b)) < SAME_PARAGRAPH * total:
        return 0.0
    words_a, words_b = middle_a.split(), middle_b.split()
    blocks = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks()
    matched = sum(len(word) for block in blocks for word in words_a[block.a : block.a + block.size])
    return 2 * (prefix + suffix + matched) / total


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


RESTORE = "Restore it from git: it records published links and must not be edited by hand."


def _type_error(path: Path, text: str, doc_id: str, field: str, problem: str) -> SourceError:
    """A located message for a wrong value in the registry: the line is the document's entry's, or
    the field's first line within it (JSON parsers give no line for a value)."""
    start = text.find(json.dumps(doc_id, ensure_ascii=False) + ":")
    key = field.split("[")[0].split(".")[0]
    at = text.find(f'"{key}"', max(start, 0)) if start >= 0 else -1
    line = text.count("\n", 0, at if at >= 0 else max(start, 0)) + 1
    return SourceError(f"{path}, line {line} (document {doc_id}, field '{field}')", problem, RESTORE)


def _entry(entry, fail) -> DocumentAnchors:
    """One document's entry, every value checked for its type (a hand edit must not become a traceback)."""
    if not isinstance(entry, dict):
        raise fail("", "must be an object with 'next', 'active' and 'retired'.")
    number = entry.get("next")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise fail("next", f"must be a whole number of at least 1, not {json.dumps(number)[:40]}.")
    active, retired = entry.get("active"), entry.get("retired")
    if not isinstance(active, list):
        raise fail("active", "must be a list.")
    if not isinstance(retired, list):
        raise fail("retired", "must be a list.")
    pairs = []
    for index, item in enumerate(active):
        if not isinstance(item, dict) or set(item) != {"anchor", "text"}:
            raise fail(f"active[{index}]", "must be an object with exactly 'anchor' and 'text'.")
        if not isinstance(item["anchor"], str) or not isinstance(item["text"], str):
            raise fail(f"active[{index}]", "'anchor' and 'text' must be texts.")
        pairs.append((item["anchor"], item["text"]))
    records = []
    for index, item in enumerate(retired):
        if not isinstance(item, dict) or set(item) != {"anchor", "text", "retired", "successor"}:
            raise fail(f"retired[{index}]", "must be an object with 'anchor', 'text', 'retired' and 'successor'.")
        if not all(isinstance(item[key], str) for key in ("anchor", "text", "retired")) or not (
            item["successor"] is None or isinstance(item["successor"], str)
        ):
            raise fail(f"retired[{index}]", "'anchor', 'text' and 'retired' must be texts, 'successor' a text or null.")
        records.append(Retired(**item))
    return DocumentAnchors(next=number, active=pairs, retired=records)


class Registry:
    """All documents' anchors, read from and written to one JSON file."""

    def __init__(self, path: Path):
        self.path = path
        self.documents: dict[str, DocumentAnchors] = {}
        if path.exists():
            self._read()

    def _read(self) -> None:
        try:
            text = read_bytes(self.path, str(self.path)).decode("utf-8")
        except UnicodeDecodeError as error:
            raise SourceError(str(self.path), f"is not UTF-8 (byte {error.start}).", RESTORE) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise SourceError(
                f"{self.path}, line {error.lineno}", f"is not valid JSON: {error.msg}.", RESTORE
            ) from None
        documents = data.get("documents") if isinstance(data, dict) else None
        if not isinstance(documents, dict):
            raise SourceError(f"{self.path}, line 1", "must be an object with 'documents': {…}.", RESTORE)
        for doc_id, entry in documents.items():

            def fail(field: str, problem: str, doc_id: str = doc_id) -> SourceError:
                return _type_error(self.path, text, doc_id, field, problem)

            self.documents[doc_id] = _entry(entry, fail)
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
        """Write the file if its content changed (atomically); say whether it did.

        The new content goes to a temporary file, flushed to disk, then renamed over the registry:
        a failure (disk full, read-only folder) leaves the registry as it was and says so.
        """
        content = self.serialise().encode("utf-8")
        if self.path.exists() and self.path.read_bytes() == content:
            return False
        temporary = self.path.with_suffix(".json.tmp")
        try:
            with open(temporary, "wb") as file:
                file.write(content)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            if temporary.is_file():
                temporary.unlink()
            raise SourceError(
                str(self.path), f"cannot be written ({error.strerror}).", "Free disk space or make sources/ writable."
            ) from None
        return True

    def assign(self, doc_id: str, paragraphs: list[str], date: str | None = None) -> tuple[list[str], list[str]]:
        """Anchors for one document's paragraphs; updates the registry in memory."""
        entry = self.documents.get(doc_id, DocumentAnchors())
        anchors, updated, changes = align(entry, paragraphs, date or today())
        self.documents[doc_id] = updated
        return anchors, [f"{doc_id}: {change}" for change in changes]
