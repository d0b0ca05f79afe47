"""Find the passages that two documents share, sentence by sentence, without comparing every pair.

A document is a list of paragraphs; each paragraph is cut into sentences, and each sentence into
words compared without case, punctuation, quotation marks or apostrophes ("Coalition’s" and
"coalition's" are the same word). Candidates come from an index of word shingles (runs of
SHINGLE words): only sentences that share at least MIN_SHARED_SHINGLES shingles are aligned, so
the work grows with the amount of shared text, not with the square of the corpus. A candidate is
kept when the aligned words number at least MIN_WORDS, cover at least MIN_OVERLAP of the shorter
sentence and include one unbroken run of at least MIN_RUN of it: that accepts a quotation with a
word changed or a clause cut, and refuses two sentences that only share names, titles and set
phrases scattered through them. Matched sentences that follow each other in
both documents, across paragraph boundaries and across small omissions, form one passage.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import repeat

import numpy as np

SHINGLE = 4  # words per shingle
MIN_SHARED_SHINGLES = 2  # a candidate pair of sentences shares at least this many shingles
MIN_WORDS = 10  # a shared passage has at least this many words in common per sentence pair
MIN_OVERLAP = 0.6  # ... covering at least this share of the shorter sentence
MIN_RUN = 1 / 3  # ... with one unbroken run of at least this share of the shorter sentence
# A shingle found in more sentences than this is a set phrase of the corpus, not a quotation: it
# is left out of the candidates so that a phrase repeated everywhere cannot make the work quadratic.
MAX_POSTINGS = 64
GAP = 2  # sentences one side may skip inside a passage (a clause left out, a sentence added)

# A word: letters or digits, with apostrophes inside or after it ("Coalition’s", "ISIS’").
_WORD = re.compile(r"\w+(?:['’‘ʼ]\w*)*")
_APOSTROPHES = re.compile(r"['’‘ʼ]")
_KEY = re.compile(r"\w+")
# Where a sentence may end: end punctuation, closing quotes or brackets, then white space, then
# what can start a sentence (a capital, a digit or an opening quote). A colon before an opening
# quote also ends one, so that a quotation is compared without the words that introduce it.
_BOUNDARY = re.compile(r"(?:[.!?]+[\"'”’»)\]]*|:)\s+(?=[\"'“‘«(\[]?[A-Z0-9À-Þ])")
_QUOTE_AFTER_COLON = re.compile(r":\s+[\"“‘«]")
# Abbreviations after which a full stop does not end a sentence ("Major-Gen. Babagana Monguno").
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "capt", "sgt", "adm", "gov", "sen",
    "rep", "amb", "hon", "rev", "st", "jr", "sr", "no", "nos", "vs", "etc", "e.g", "i.e", "inc",
    "ltd", "co", "corp", "dept", "univ", "art", "fig", "vol", "ch", "p", "pp", "para", "approx",
})  # fmt: skip


@lru_cache(maxsize=1 << 16)  # texts reuse a small vocabulary: most words are looked up, not folded
def word_key(word: str) -> str:
    """The form in which two words are compared: no case, no apostrophes, compatibility forms folded."""
    folded = unicodedata.normalize("NFKC", _APOSTROPHES.sub("", word)).casefold()
    return "".join(_KEY.findall(folded))


def words(text: str) -> list[tuple[str, int, int]]:
    """The words of `text` as (key, start, end); words whose key is empty are left out."""
    found = []
    for match in _WORD.finditer(text):
        key = word_key(match.group())
        if key:
            found.append((key, match.start(), match.end()))
    return found


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation or an initial rather than a sentence."""
    token = text[:stop].rsplit(None, 1)[-1] if text[:stop].strip() else ""
    last = re.split(r"[-/(\"“‘']", token)[-1]
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", last):  # "J", "U.S", "e.g"
        return True
    return last.casefold() in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph as (start, end) offsets, trailing white space excluded."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        if text[match.start()] == ":" and not _QUOTE_AFTER_COLON.match(text, match.start()):
            continue
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


@dataclass(frozen=True)
class Text:
    """A document as the detection sees it: an id and its paragraphs in order."""

    id: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Sentence:
    doc: str
    paragraph: int  # 0-based position of the paragraph in the document
    start: int  # offsets in the paragraph's text
    end: int
    index: int  # 0-based position of the sentence in the whole document
    keys: tuple[str, ...] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Match:
    """Two sentences that carry the same passage; `identical` when their words are the same."""

    left: Sentence
    right: Sentence
    identical: bool
    common: int  # words in common


@dataclass(frozen=True)
class Passage:
    """Consecutive matched sentences of two documents; `left` is the longer document of the two."""

    left: str
    right: str
    number: int  # 1-based, in the order of the left document
    matches: tuple[Match, ...]

    @property
    def identical(self) -> bool:
        """Every sentence matched word for word, and none was left out inside the passage."""
        lefts = [m.left.index for m in self.matches]
        rights = [m.right.index for m in self.matches]
        contiguous = lefts == list(range(lefts[0], lefts[0] + len(lefts))) and rights == list(
            range(rights[0], rights[0] + len(rights))
        )
        return contiguous and all(m.identical for m in self.matches)

    def paragraphs(self, side: str) -> tuple[int, ...]:
        return tuple(sorted({getattr(m, side).paragraph for m in self.matches}))


@dataclass(frozen=True)
class Counterpart:
    """A paragraph of another document that shares at least one sentence with a paragraph."""

    doc: str
    paragraph: int  # 0-based
    identical: bool  # every shared sentence between the two paragraphs is word for word the same
    pair: tuple[str, str]  # (left, right) of the comparison that shows it
    passage: int  # its number there


@dataclass
class SharedPassages:
    """The outcome for a corpus: passages per pair of documents, and their sentences."""

    passages: dict[tuple[str, str], tuple[Passage, ...]]
    sentences: dict[str, tuple[Sentence, ...]]
    word_counts: dict[str, int]

    def counterparts(self) -> dict[str, dict[int, list[Counterpart]]]:
        """For each document, each paragraph with a counterpart elsewhere: the counterparts, in order."""
        found: dict[tuple[str, int, str, int], list] = {}
        for pair, passages in self.passages.items():
            for passage in passages:
                for match in passage.matches:
                    for here, there in ((match.left, match.right), (match.right, match.left)):
                        key = (here.doc, here.paragraph, there.doc, there.paragraph)
                        entry = found.setdefault(key, [True, pair, passage.number])
                        entry[0] = entry[0] and match.identical
        result: dict[str, dict[int, list[Counterpart]]] = {}
        for (doc, paragraph, other, other_paragraph), (identical, pair, number) in sorted(found.items()):
            result.setdefault(doc, {}).setdefault(paragraph, []).append(
                Counterpart(other, other_paragraph, identical, pair, number)
            )
        return result

    def shared_words(self, pair: tuple[str, str], side: int) -> int:
        """How many words of one document of the pair (0: left, 1: right) lie in its shared sentences."""
        attribute = ("left", "right")[side]
        indices = {getattr(m, attribute).index for p in self.passages.get(pair, ()) for m in p.matches}
        return sum(len(self.sentences[pair[side]][i].keys) for i in indices)


def sentences_of(text: Text) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    for number, paragraph in enumerate(text.paragraphs):
        for start, end in split_sentences(paragraph):
            # The same words as words() gives, without their offsets, which only the comparisons need.
            keys = tuple(key for key in map(word_key, _WORD.findall(paragraph, start, end)) if key)
            if keys:
                found.append(Sentence(text.id, number, start, end, len(found), keys))
    return tuple(found)


def candidates(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Pairs of sentences (of different documents) that share enough shingles, from a shingle index.

    The index is two flat arrays (shingle hash, sentence) sorted by hash: sentences that share a
    shingle are neighbours, so finding them costs a sort, not a comparison of every pair.
    """
    hashes, owners = array("q"), array("q")  # flat machine integers: a tenth of the memory of lists
    for number, sentence in enumerate(sentences):
        keys = sentence.keys
        if len(keys) < MIN_WORDS:
            continue
        # Python's hash is salted per process, which only changes which pairs collide; every
        # candidate is then aligned word by word, so the result does not depend on it.
        shingles = {hash(keys[i : i + SHINGLE]) for i in range(len(keys) - SHINGLE + 1)}
        hashes.extend(shingles)
        owners.extend(repeat(number, len(shingles)))
    if not hashes:
        return []
    hash_array = np.frombuffer(hashes, dtype=np.int64)
    owner_array = np.frombuffer(owners, dtype=np.int64)
    order = np.argsort(hash_array, kind="stable")
    hash_array, owner_array = hash_array[order], owner_array[order]
    starts = np.flatnonzero(np.r_[True, hash_array[1:] != hash_array[:-1]])
    sizes = np.diff(np.r_[starts, len(hash_array)])
    keep = (sizes >= 2) & (sizes <= MAX_POSTINGS)
    docs = [sentence.doc for sentence in sentences]
    counts: dict[tuple[int, int], int] = {}
    for start, size in zip(starts[keep].tolist(), sizes[keep].tolist(), strict=True):
        group = owner_array[start : start + size].tolist()
        for a_position, a in enumerate(group):
            for b in group[a_position + 1 :]:
                if docs[a] != docs[b]:
                    pair = (a, b) if a < b else (b, a)
                    counts[pair] = counts.get(pair, 0) + 1
    return sorted(pair for pair, count in counts.items() if count >= MIN_SHARED_SHINGLES)


def compare_sentences(a: Sentence, b: Sentence) -> Match | None:
    """Align two sentences word by word; a Match when they carry the same passage."""
    matcher = SequenceMatcher(None, a.keys, b.keys, autojunk=False)
    blocks = matcher.get_matching_blocks()
    common = sum(block.size for block in blocks)
    shorter = min(len(a.keys), len(b.keys))
    if common < MIN_WORDS or common < MIN_OVERLAP * shorter or max(b.size for b in blocks) < MIN_RUN * shorter:
        return None
    return Match(a, b, a.keys == b.keys, common)


def _chain(left: str, right: str, matches: list[Match]) -> tuple[Passage, ...]:
    """Group the matches of one pair into passages: runs that advance together on both sides."""
    chains: list[list[Match]] = []
    for match in sorted(matches, key=lambda m: (m.left.index, m.right.index)):
        best, best_step = None, None
        for chain in chains:
            last = chain[-1]
            step_left = match.left.index - last.left.index
            step_right = match.right.index - last.right.index
            if 0 <= step_left <= GAP + 1 and 0 <= step_right <= GAP + 1 and step_left + step_right > 0:
                step = step_left + step_right
                if best_step is None or step < best_step:
                    best, best_step = chain, step
        if best is None:
            chains.append([match])
        else:
            best.append(match)
    chains.sort(key=lambda chain: (chain[0].left.index, chain[0].right.index))
    return tuple(Passage(left, right, number, tuple(chain)) for number, chain in enumerate(chains, start=1))


def find_passages(texts: Sequence[Text]) -> SharedPassages:
    """All passages shared between any two of `texts` (whose ids must be unique)."""
    by_doc = {text.id: sentences_of(text) for text in texts}
    word_counts = {doc: sum(len(s.keys) for s in sentences) for doc, sentences in by_doc.items()}
    flat = [sentence for text in texts for sentence in by_doc[text.id]]
    by_pair: dict[tuple[str, str], list[Match]] = {}
    for a, b in candidates(flat):
        match = compare_sentences(flat[a], flat[b])
        if match is None:
            continue
        first, second = match.left.doc, match.right.doc
        # The longer document is shown on the left; ties go to the id that sorts first.
        if (-word_counts[second], second) < (-word_counts[first], first):
            match = Match(match.right, match.left, match.identical, match.common)
        by_pair.setdefault((match.left.doc, match.right.doc), []).append(match)
    passages = {pair: _chain(*pair, matches) for pair, matches in sorted(by_pair.items())}
    return SharedPassages(passages, by_doc, word_counts)
