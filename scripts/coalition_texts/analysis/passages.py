"""Find the passages that two documents share, as a reprint detector does, without comparing every pair.

A document is a list of paragraphs, cut into sentences and words; words are compared without case,
punctuation, quotation marks or apostrophes ("Coalition’s" and "coalition's" are the same word).
Each piece of text between spaces is read once for the whole collection and becomes the ids of its
words (`_Pieces`); from there on the collection is arrays of ints, and sentences become records
only for the documents that share passages (`_Sentences`).
The detection follows passim and BLAST (seed, then extend):

1. Weights. A word weighs by its rarity in the collection: 1 for a word in few documents, less the
   more documents use it (`word_weights`); function words ("the", "of") and every word inside a
   name (a form of `names`: glossary terms and expansions, index names and variants, document
   titles) weigh 0 there.
2. Seeds. Every run of SEED words is a seed unless it holds only names and function words (a run
   wholly inside a name seeds nothing). Documents are candidates when they share MIN_SEEDS rare
   seeds; a seed found in more than `seed_limit` documents (a set phrase of the field) seeds
   nothing by itself, but joins the chains of documents that are candidates.
   Seeds are sorted by hash (numpy), so the documents that share one are neighbours: the work grows
   with the amount of shared text, never with the number of pairs of documents.
3. Regions. The seeds two documents share are chained along the diagonal; each chain of at least
   MIN_SEEDS seeds marks a region of each document.
4. Alignment. Each region is aligned word by word (`alignment.align`, Smith-Waterman with affine
   gaps): a renaming ("Daesh" -> "Daesh/ISIS", "The Ministers" -> "Member countries") is an edit
   inside the alignment, not an end of it.
5. Rows and the keep rule. The aligned words are grouped into rows of whole sentences. A row pairs
   sentences when at least MIN_ROW_WORDS words and MIN_SHARE of the shorter side are matched; an
   alignment is a shared passage when its rows' matched words that are neither names nor function
   words weigh at least MIN_WEIGHT together. Two texts that share only a long name, a title or set
   phrases share no passage. A name inside a quotation (an unbroken run of the same words carries
   on past it on both sides, `_quoted_names`) weighs as its words do.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import numpy.typing as npt

from coalition_texts.analysis.alignment import align

SEED = 4  # words per seed
MIN_SEEDS = 2  # seeds a chain needs before its region is aligned
SEED_GAP = 30  # words a chain may skip on either side between two seeds (edited or left-out words)
MARGIN = 4  # words aligned beyond the sentences of the first and last seed of a chain, on each side
MERGE_GAP = 30  # alignments of one pair this close on both sides, in order, form one passage
# A seed found in more documents than `seed_limit` may be a set phrase, not a quotation: it seeds
# nothing by itself. The limit is half the collection (most documents), at least 5 (in a small
# collection built around one text, a text and four copies of a sentence are not a set phrase),
# at most MAX_SEED_DOCUMENTS. A seed in more than MAX_SEED_DOCUMENTS is dropped, which bounds the
# work per seed (a passage quoted by more documents is found only through its rarer seeds, such as
# the words around an edit).
MIN_SEED_DOCUMENTS = 5
MAX_SEED_DOCUMENTS = 64
# A word's weight: log((N + PRIOR) / df) / log(PRIOR), at most 1, for a word in df of N documents.
# PRIOR is an imagined background of documents without the word: in a small collection every
# shared word is in at least two documents, and would otherwise weigh almost nothing.
PRIOR = 16
LINK_WORDS = 3  # two sentences are set in one row when at least this many of their words are matched ...
LINK_SHARE = 0.2  # ... making up at least this share of the shorter sentence
MIN_ROW_WORDS = 4  # a row pairs sentences when at least this many words are matched ...
MIN_SHARE = 0.5  # ... making up at least this share of the stretch they span on the shorter side ...
MIN_SENTENCE_SHARE = 0.25  # ... and at least this share of the shorter side's sentences
MIN_WEIGHT = 3.5  # an alignment is kept when its paired rows' matched words weigh this much together
SEED_WEIGHT = MIN_WEIGHT / 2  # a chain of seeds is aligned when the words of its seeds weigh this much
MAX_REGION = 1500  # words: a longer chain is cut into regions of this size (memory of the alignment)

# Function words: shared by any two English texts, they weigh nothing and seed nothing alone.
STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our ours out over own s same she should so some such than that the their them then there
these they this those through to too under until up upon very was we were what when where which while who
whom why will with would you your yours thus hence however therefore within without whether among amongst
shall may might must per via yet
""".split()  # noqa: SIM905 (a list of 150 short words reads better as text)
)

# A word: letters or digits, with apostrophes inside or after it ("Coalition’s", "ISIS’"); one
# character class, which the regular expression engine runs faster than a repeated group.
_WORD = re.compile(r"\w[\w'’‘ʼ]*")
_APOSTROPHES = re.compile(r"['’‘ʼ]")
_KEY = re.compile(r"\w+")
# Where a sentence may end: end punctuation, closing quotes or brackets, then white space, then
# what can start a sentence (a capital, a digit or an opening quote). A colon before an opening
# quote also ends one, so that a quotation is compared without the words that introduce it.
# (The sentence ends after the group; a full stop may yet close an abbreviation.) The pattern opens
# with one character class, so that the engine skips to the next [.!?:] instead of trying every
# position of the text.
_BOUNDARY = re.compile(r"([.!?:](?:(?<=[.!?])[.!?]*[\"'”’»)\]]*|(?<=:)(?=\s+[\"“‘«])))\s+(?=[\"'“‘«(\[]?[A-Z0-9À-Þ])")
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


_TOKEN_PART = re.compile(r"[-/(\"“‘']")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation or an initial rather than a sentence."""
    tokens = text[:stop].rsplit(None, 1)
    last = _TOKEN_PART.split(tokens[-1])[-1] if tokens else ""
    if _INITIALS.fullmatch(last):  # "J", "U.S", "e.g"
        return True
    return last.casefold() in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph as (start, end) offsets, trailing white space excluded."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        stop, end = match.span(1)
        if text[stop] == "." and _is_abbreviation(text, stop):
            continue
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
    first: int = 0  # position of its first word among the document's words


@dataclass(frozen=True)
class Row:
    """Sentences of the left document set against the sentences of the right one that the alignment
    joins to them (one side is empty for a sentence the other document does not carry).

    `changed_left`/`changed_right` are the positions (over the row's words on that side, in order)
    of the words the alignment did not match with the same word: the words a comparison marks.
    """

    left: tuple[Sentence, ...]
    right: tuple[Sentence, ...]
    changed_left: frozenset[int]
    changed_right: frozenset[int]
    links: tuple[tuple[int, int], ...]  # (left ¶, right ¶), 0-based, that matched words join

    @property
    def paired(self) -> bool:
        return bool(self.left and self.right)

    @property
    def identical(self) -> bool:
        """Paired, and every word of both sides matched with the same word."""
        return self.paired and not self.changed_left and not self.changed_right


@dataclass(frozen=True)
class Passage:
    """One alignment of two documents, as rows; `left` is the longer document of the two."""

    left: str
    right: str
    number: int  # 1-based, in the order of the left document
    rows: tuple[Row, ...]

    @property
    def identical(self) -> bool:
        """Every row pairs sentences word for word; none is left without counterpart."""
        return all(row.identical for row in self.rows)

    @property
    def paired_rows(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.paired)

    def paragraphs(self, side: str) -> tuple[int, ...]:
        return tuple(sorted({s.paragraph for row in self.rows for s in getattr(row, side)}))


@dataclass(frozen=True)
class Counterpart:
    """A paragraph of another document that shares at least one sentence with a paragraph."""

    doc: str
    paragraph: int  # 0-based
    identical: bool  # every row that joins the two paragraphs is word for word the same
    pair: tuple[str, str]  # (left, right) of the comparison that shows it
    passage: int  # its number there


@dataclass
class SharedPassages:
    """The outcome for a corpus: passages per pair of documents, and their sentences."""

    passages: dict[tuple[str, str], tuple[Passage, ...]]
    sentences: Mapping[str, tuple[Sentence, ...]]
    word_counts: dict[str, int]
    aligned: int = 0  # regions aligned word by word (for the benchmark)

    def counterparts(self) -> dict[str, dict[int, list[Counterpart]]]:
        """For each document, each paragraph with a counterpart elsewhere: the counterparts, in order."""
        found: dict[tuple[str, int, str, int], list] = {}
        for pair, passages in self.passages.items():
            for passage in passages:
                for row in passage.paired_rows:
                    for left_paragraph, right_paragraph in row.links:
                        for key in (
                            (pair[0], left_paragraph, pair[1], right_paragraph),
                            (pair[1], right_paragraph, pair[0], left_paragraph),
                        ):
                            entry = found.setdefault(key, [True, pair, passage.number])
                            entry[0] = entry[0] and row.identical
        result: dict[str, dict[int, list[Counterpart]]] = {}
        for (doc, paragraph, other, other_paragraph), (identical, pair, number) in sorted(found.items()):
            result.setdefault(doc, {}).setdefault(paragraph, []).append(
                Counterpart(other, other_paragraph, identical, pair, number)
            )
        return result

    def shared_words(self, pair: tuple[str, str], side: int) -> int:
        """How many words of one document of the pair (0: left, 1: right) lie in its paired sentences."""
        attribute = ("left", "right")[side]
        indices = {
            s.index for p in self.passages.get(pair, ()) for row in p.paired_rows for s in getattr(row, attribute)
        }
        return sum(len(self.sentences[pair[side]][i].keys) for i in indices)


def sentences_of(text: Text) -> tuple[Sentence, ...]:
    """The sentences of a document that hold a word, in order (as the detection counts them)."""
    found: list[Sentence] = []
    first = 0
    for number, paragraph in enumerate(text.paragraphs):
        for start, end in split_sentences(paragraph):
            # The same words as words() gives, without their offsets, which only the comparisons need.
            keys = tuple(filter(None, map(word_key, _WORD.findall(paragraph, start, end))))
            if keys:
                found.append(Sentence(text.id, number, start, end, len(found), keys, first))
                first += len(keys)
    return tuple(found)


class _Pieces(dict[str, int]):
    """Each piece of text between white space ("Coalition’s", "(Daesh/ISIS),") -> its number; and
    for each piece, the ids of its words' compared forms.

    A word never spans white space, so a sentence's words are its pieces' words in order; a piece is
    read with the word pattern once, the first time it is met. Ids are given to compared forms in
    the order they first occur.
    """

    def __init__(self) -> None:
        super().__init__()
        self.vocabulary: dict[str, int] = {}
        self.words: list[int] = []  # the word ids of every piece, one piece after another
        self.sizes: list[int] = []  # words per piece

    def __missing__(self, piece: str) -> int:
        vocabulary = self.vocabulary
        if piece.isascii():
            # The common case: no compatibility forms, folding is lower(), and an apostrophe only
            # ever joins the letters around it or is left out, so it can go first.
            keys = _WORD.findall(piece.lower().replace("'", ""))
        else:
            keys = list(filter(None, map(word_key, _WORD.findall(piece))))
        self.words.extend([vocabulary.setdefault(key, len(vocabulary)) for key in keys])
        self.sizes.append(len(keys))
        number = self[piece] = len(self.sizes) - 1
        return number


class _Sentences(Mapping[str, tuple[Sentence, ...]]):
    """Each document's sentences as records, made when first asked for from what the detection
    found (of a large collection, only the documents that share passages need them)."""

    def __init__(self, corpus: _Corpus):
        self._corpus = corpus
        self._made: dict[str, tuple[Sentence, ...]] = {}

    def __getitem__(self, doc: str) -> tuple[Sentence, ...]:
        made = self._made.get(doc)
        if made is None:
            made = self._made[doc] = self._corpus.sentence_records(doc)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._corpus.ids)

    def __len__(self) -> int:
        return len(self._corpus.ids)


def name_keys(names: Iterable[str]) -> set[tuple[str, ...]]:
    """The names as sequences of compared words ("Daesh/ISIS" -> ("daesh", "isis"))."""
    result = set()
    for name in names:
        keys = tuple(key for key in map(word_key, _WORD.findall(name)) if key)
        if keys:
            result.add(keys)
    return result


def word_weights(document_frequency: npt.NDArray[np.int64], documents: int) -> npt.NDArray[np.float64]:
    """The rarity weight of each word id, from the number of documents it occurs in (0 to 1)."""
    df = np.maximum(document_frequency, 1).astype(np.float64)
    return np.clip(np.log((documents + PRIOR) / df) / math.log(PRIOR), 0.0, 1.0)


def seed_limit(documents: int) -> int:
    """The most documents a seed may be found in: half the collection, within the bounds above."""
    return max(MIN_SEED_DOCUMENTS, min(MAX_SEED_DOCUMENTS, documents // 2))


class _Corpus:
    """The collection as arrays: every word of every document as an id, its weight and name flag."""

    def __init__(self, texts: Sequence[Text], names: Iterable[str]):
        self.ids = [text.id for text in texts]
        self.number = {doc: number for number, doc in enumerate(self.ids)}
        pieces = _Pieces()
        number_of = pieces.__getitem__
        sequence: list[int] = []  # every piece of text of the collection, by number
        # Per sentence: its paragraph and offsets and where its pieces end; per document: its sentences.
        spans: list[tuple[int, int, int]] = []
        ends: list[int] = []
        sentence_counts: list[int] = []
        for text in texts:
            before = len(spans)
            for number, paragraph in enumerate(text.paragraphs):
                for start, end in split_sentences(paragraph):
                    sequence.extend(map(number_of, paragraph[start:end].split()))
                    ends.append(len(sequence))
                    spans.append((number, start, end))
            sentence_counts.append(len(spans) - before)
        # The words: each piece's word ids, in the order of the pieces.
        piece_sizes = np.array(pieces.sizes, dtype=np.int64)
        piece_starts = np.concatenate(([0], np.cumsum(piece_sizes)))
        flat = np.array(pieces.words, dtype=np.int64)
        numbers = np.fromiter(sequence, dtype=np.int64, count=len(sequence))
        sizes_in_order = piece_sizes[numbers]
        total = np.concatenate(([0], np.cumsum(sizes_in_order)))
        self.words = flat[np.repeat(piece_starts[numbers] - total[:-1], sizes_in_order) + np.arange(int(total[-1]))]
        # A sentence without a word (a dash, a number sign) is no sentence here, as in sentences_of().
        piece_ends = np.array(ends, dtype=np.int64)
        sentence_words = np.diff(np.concatenate(([0], total[piece_ends])))
        has_words = sentence_words > 0
        self._spans = [span for span, kept in zip(spans, has_words.tolist(), strict=True) if kept]
        sizes = sentence_words[has_words]
        document_of_sentence = np.repeat(np.arange(len(texts), dtype=np.int64), sentence_counts)
        counts = np.bincount(document_of_sentence[has_words], minlength=len(texts)).astype(np.int64)
        lengths_ = np.bincount(document_of_sentence, weights=sentence_words, minlength=len(texts)).astype(np.int64)
        lengths = lengths_.tolist()
        self.vocabulary = vocabulary = pieces.vocabulary
        self.starts = np.concatenate(([0], np.cumsum(lengths_)))
        self.doc_of = np.repeat(np.arange(len(self.ids), dtype=np.int64), lengths_)
        # Document frequencies: the distinct (document, word) pairs, sorted, counted per word.
        pairs = np.sort(self.doc_of * max(len(vocabulary), 1) + self.words)
        distinct = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))] if len(pairs) else pairs
        df = np.bincount(distinct % max(len(vocabulary), 1), minlength=len(vocabulary))
        weights = word_weights(df, len(self.ids))
        self.function_word = np.zeros(len(vocabulary), dtype=bool)  # per word id
        for word in STOPWORDS:
            if word in vocabulary:
                weights[vocabulary[word]] = 0.0
                self.function_word[vocabulary[word]] = True
        self.in_name = self._names(name_keys(names))
        self.rarity = weights[self.words]  # per word of the collection (function words 0) ...
        self.weight = np.where(self.in_name, 0.0, self.rarity)  # ... and 0 inside a name too
        # For every word: its sentence (index in its document), where that sentence starts and ends.
        firsts = np.concatenate(([0], np.cumsum(sizes)[:-1])) if len(sizes) else sizes
        self.sentence_start = np.repeat(firsts, sizes)
        self.sentence_end = self.sentence_start + np.repeat(sizes, sizes)
        self._first_sentence = np.concatenate(([0], np.cumsum(counts)))  # per document
        in_document = np.arange(len(sizes), dtype=np.int64) - np.repeat(self._first_sentence[:-1], counts)
        self.sentence_of = np.repeat(in_document, sizes)
        self._sentence_first = firsts
        self._sentence_size = sizes
        self.word_counts = dict(zip(self.ids, lengths, strict=True))
        self.sentences = _Sentences(self)
        self._forms: list[str] | None = None

    def sentence_records(self, doc: str) -> tuple[Sentence, ...]:
        """A document's sentences as records, their words in compared form."""
        number = self.number[doc]
        if self._forms is None:
            self._forms = list(self.vocabulary)  # id -> compared form
        offset, end_of_document = int(self.starts[number]), int(self.starts[number + 1])
        keys = list(map(self._forms.__getitem__, self.words[offset:end_of_document].tolist()))
        first_sentence, end_sentence = int(self._first_sentence[number]), int(self._first_sentence[number + 1])
        found = []
        for index, (paragraph, start, end), first, size in zip(
            itertools.count(),
            self._spans[first_sentence:end_sentence],
            (self._sentence_first[first_sentence:end_sentence] - offset).tolist(),
            self._sentence_size[first_sentence:end_sentence].tolist(),
            strict=False,
        ):
            found.append(Sentence(doc, paragraph, start, end, index, tuple(keys[first : first + size]), first))
        return tuple(found)

    def _names(self, names: set[tuple[str, ...]]) -> npt.NDArray[np.bool_]:
        """Which words of the collection lie inside an occurrence of a name."""
        in_name = np.zeros(len(self.words), dtype=bool)
        sequences = sorted(
            tuple(self.vocabulary[k] for k in name) for name in names if all(k in self.vocabulary for k in name)
        )
        if not sequences:
            return in_name
        candidates = np.flatnonzero(np.isin(self.words, [sequence[0] for sequence in sequences]))
        for sequence in sequences:
            size = len(sequence)
            found = candidates[self.words[candidates] == sequence[0]]
            found = found[found + size <= len(self.words)]
            for offset in range(1, size):
                found = found[self.words[found + offset] == sequence[offset]]
            found = found[self.doc_of[found] == self.doc_of[found + size - 1]]
            for offset in range(size):
                in_name[found + offset] = True
        return in_name

    def seeds(self) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """For each pair of documents (by number) that share seeds: the shared seeds as word positions."""
        count = len(self.words) - SEED + 1
        if count <= 0:
            return {}
        positions = np.arange(count, dtype=np.int64)
        same_document = self.doc_of[:count] == self.doc_of[SEED - 1 :]
        carries = np.zeros(count, dtype=bool)
        hashes = np.zeros(count, dtype=np.uint64)
        multiplier = np.uint64(0x9E3779B97F4A7C15)  # any large odd constant: a fixed, deterministic hash
        for offset in range(SEED):
            carries |= self.weight[offset : offset + count] > 0
            hashes = hashes * multiplier + self.words[offset : offset + count].astype(np.uint64)
        keep = same_document & carries
        positions, hashes = positions[keep], hashes[keep]
        if not len(hashes):
            return {}
        order, new_hash = _seed_groups(_mix(hashes), _packed_bits(len(hashes)))
        positions = positions[order]
        documents = self.doc_of[positions]
        new_document = new_hash | np.r_[True, documents[1:] != documents[:-1]]
        starts = np.flatnonzero(new_hash)
        sizes = np.diff(np.r_[starts, len(hashes)])
        spread = np.add.reduceat(new_document.astype(np.int64), starts)  # documents per seed
        # Rare seeds make candidates; a seed in more documents than seed_limit (a set phrase, or a
        # passage most documents reprint) seeds nothing by itself, but joins the chains of pairs of
        # documents that rare seeds made candidates. Beyond MAX_SEED_DOCUMENTS a seed is dropped.
        useful = (spread >= 2) & (spread <= MAX_SEED_DOCUMENTS) & (sizes <= 2 * MAX_SEED_DOCUMENTS)
        rare_seed = spread <= seed_limit(len(self.ids))
        # Every two occurrences of a useful seed in different documents, built group size by group
        # size with numpy (each group is sorted by document, so the first is the lower document).
        firsts, seconds, rares = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0, bool)]
        for size in np.unique(sizes[useful]).tolist():
            chosen = useful & (sizes == size)
            i, j = np.triu_indices(size, 1)
            firsts.append((starts[chosen][:, None] + i).ravel())
            seconds.append((starts[chosen][:, None] + j).ravel())
            rares.append(np.repeat(rare_seed[chosen], len(i)))
        first, second, rare = np.concatenate(firsts), np.concatenate(seconds), np.concatenate(rares)
        a_docs, b_docs = documents[first], documents[second]
        apart = a_docs != b_docs
        a_docs, b_docs, rare = a_docs[apart], b_docs[apart], rare[apart]
        a_words, b_words = positions[first[apart]], positions[second[apart]]
        # Only pairs of documents that share MIN_SEEDS rare seeds or more go on (most share one by chance).
        # The shared seeds are grouped by pair of documents: the pair's number and the seed's place
        # packed in one integer and sorted (the order within a pair does not matter: _chains sorts).
        pair = a_docs * len(self.ids) + b_docs
        if not len(pair):
            return {}
        bits = np.uint64(max(1, len(pair).bit_length()))
        packed = np.sort((pair.astype(np.uint64) << bits) | np.arange(len(pair), dtype=np.uint64))
        order = (packed & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.int64)
        pair, a_words, b_words, rare = pair[order], a_words[order], b_words[order], rare[order]
        pair_starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
        pair_ends = np.r_[pair_starts[1:], len(pair)]
        candidates = np.add.reduceat(rare.astype(np.int64), pair_starts) >= MIN_SEEDS
        shared: dict[tuple[int, int], list[tuple[int, int]]] = {}
        a_list, b_list = a_words.tolist(), b_words.tolist()
        for start, end in zip(pair_starts[candidates].tolist(), pair_ends[candidates].tolist(), strict=True):
            key = divmod(int(pair[start]), len(self.ids))
            shared[key] = list(zip(a_list[start:end], b_list[start:end], strict=True))
        return shared


def _mix(hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The seeds' polynomial hashes mixed by splitmix64's finaliser: the polynomial hash keeps the
    last word in its low bits, and the sort below keys on the high bits. A one-to-one map, so two
    seeds have one mixed hash exactly when they had one hash before."""
    hashes = (hashes ^ (hashes >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    hashes = (hashes ^ (hashes >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return hashes ^ (hashes >> np.uint64(31))


def _packed_bits(count: int) -> int:
    """The low bits of the sort key that hold an index into `count` seeds (the rest, at least one,
    hold the hash's high bits)."""
    return min(63, max(1, count.bit_length()))


def _seed_groups(hashes: npt.NDArray[np.uint64], bits: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """The order that sorts seeds by their full hash, and seeds of one hash by index (so by
    position); and, in that order, where a new hash begins.

    The hash's high 64 - `bits` bits and the index are packed in one integer, which `np.sort` sorts
    several times faster than an argsort. At five million words only about 41 bits of the hash
    survive, so in a large collection a few different seeds share their key (a few pairs at ten
    thousand documents). Neighbours whose keys tie are compared by full hash; where two differ, that
    key's seeds are sorted again by (full hash, index) in place, so that no two seeds are ever taken
    for one (a rare seed counted with a common one could be dropped, and its pair of documents lost)."""
    shift = np.uint64(bits)
    packed = np.sort((hashes >> shift << shift) | np.arange(len(hashes), dtype=np.uint64))
    order = (packed & ((np.uint64(1) << shift) - np.uint64(1))).astype(np.int64)
    key = packed >> shift
    new_hash = np.r_[True, key[1:] != key[:-1]]
    tied = np.flatnonzero(~new_hash[1:])  # i where seeds i and i + 1 share their key
    clash = hashes[order[tied]] != hashes[order[tied + 1]]
    if clash.any():
        # A key's seeds are one block of the order; sorted by full hash they stay in it, since the
        # key is the full hash's high bits.
        run = np.cumsum(new_hash)
        slots = np.flatnonzero(np.isin(run, run[tied[clash]]))
        resorted = np.lexsort((order[slots], hashes[order[slots]]))
        order[slots] = order[slots][resorted]
        full = hashes[order[slots]]
        new_hash[slots[1:]] = full[1:] != full[:-1]  # slots of another key differ in the key too
    return order, new_hash


def _chains(hits: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group shared seeds (positions in the two documents) into chains that advance together."""
    chains: list[list[tuple[int, int]]] = []
    for a, b in sorted(hits):
        best, best_step = None, None
        for chain in chains:
            last_a, last_b = chain[-1]
            step_a, step_b = a - last_a, b - last_b
            advances = 0 <= step_a <= SEED_GAP and 0 <= step_b <= SEED_GAP and step_a + step_b > 0
            if advances and (best_step is None or step_a + step_b < best_step):
                best, best_step = chain, step_a + step_b
        if best is None:
            chains.append([(a, b)])
        else:
            best.append((a, b))
    result = []
    for chain in chains:  # a very long chain is cut, so that no alignment matrix grows without bound
        piece: list[tuple[int, int]] = []
        for hit in chain:
            if piece and (hit[0] - piece[0][0] > MAX_REGION or hit[1] - piece[0][1] > MAX_REGION):
                result.append(piece)
                piece = []
            piece.append(hit)
        result.append(piece)
    return result


@dataclass(frozen=True)
class _Alignment:
    score: int
    columns: tuple[tuple[int, int], ...]  # global word positions (or -1 for a gap)

    @cached_property  # asked for again and again when alignments are selected and merged
    def box(self) -> tuple[int, int, int, int]:
        a = [i for i, _ in self.columns if i >= 0]
        b = [j for _, j in self.columns if j >= 0]
        return a[0], a[-1] + 1, b[0], b[-1] + 1


Box = tuple[int, int, int, int]  # word positions [a_low, a_high) and [b_low, b_high)


def _boxes(
    corpus: _Corpus, chains: list[list[tuple[int, int]]], bounds: Box
) -> list[tuple[Box, list[tuple[int, int]]]]:
    """The region around each chain: its sentences and MARGIN words more on each side; overlapping
    regions are one (so that a repeated phrase does not cut a passage in two)."""
    a_start, a_end, b_start, b_end = bounds
    sentence_start, sentence_end = corpus.sentence_start, corpus.sentence_end
    boxes = []
    for chain in chains:
        first_a, last_a = min(a for a, _ in chain), max(a for a, _ in chain) + SEED - 1
        first_b, last_b = min(b for _, b in chain), max(b for _, b in chain) + SEED - 1
        box = (
            max(a_start, int(sentence_start[first_a]) - MARGIN),
            min(a_end, int(sentence_end[last_a]) + MARGIN),
            max(b_start, int(sentence_start[first_b]) - MARGIN),
            min(b_end, int(sentence_end[last_b]) + MARGIN),
        )
        boxes.append((box, list(chain)))
    merged: list[tuple[Box, list[tuple[int, int]]]] = []
    for box, chain in sorted(boxes):
        for number, (other, seeds) in enumerate(merged):
            union = (min(box[0], other[0]), max(box[1], other[1]), min(box[2], other[2]), max(box[3], other[3]))
            overlaps = box[0] < other[1] and other[0] < box[1] and box[2] < other[3] and other[2] < box[3]
            if overlaps and union[1] - union[0] <= MAX_REGION and union[3] - union[2] <= MAX_REGION:
                merged[number] = (union, seeds + chain)
                break
        else:
            merged.append((box, chain))
    return merged


def _promising(corpus: _Corpus, chains: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """The chains worth aligning: MIN_SEEDS seeds or more, whose words weigh at least SEED_WEIGHT.

    Nearly every word an alignment matches lies in a seed, so a chain whose seeds' words weigh little
    would not make a passage; among unrelated texts most chance chains are such (a run of five common
    words), and leaving them out keeps the alignments to the regions that matter.
    """
    found = []
    for chain in chains:
        if len(chain) < MIN_SEEDS:
            continue
        covered = sorted({a + k for a, _ in chain for k in range(SEED)})
        if float(corpus.weight[covered].sum()) >= SEED_WEIGHT:
            found.append(chain)
    return found


def _align_pair(corpus: _Corpus, a_doc: int, b_doc: int, hits: list[tuple[int, int]]) -> tuple[list[_Alignment], int]:
    """The alignments of two documents around their shared seeds (global positions); and how many were run."""
    bounds = (
        int(corpus.starts[a_doc]),
        int(corpus.starts[a_doc + 1]),
        int(corpus.starts[b_doc]),
        int(corpus.starts[b_doc + 1]),
    )
    found: list[_Alignment] = []
    runs = 0
    pending = _boxes(corpus, _promising(corpus, _chains(hits)), bounds)
    while pending:
        (a_low, a_high, b_low, b_high), seeds = pending.pop(0)
        score, columns = align(corpus.words[a_low:a_high], corpus.words[b_low:b_high])
        runs += 1
        if not columns:
            continue
        alignment = _extend(
            corpus,
            _Alignment(score, tuple((i + a_low if i >= 0 else -1, j + b_low if j >= 0 else -1) for i, j in columns)),
        )
        found.append(alignment)
        a0, a1, b0, b1 = alignment.box
        # Seeds the alignment left out (a second passage in the same region) are aligned again.
        rest = [(a, b) for a, b in seeds if not (a0 <= a < a1 or b0 <= b < b1)]
        if len(rest) < len(seeds):
            pending.extend(_boxes(corpus, _promising(corpus, _chains(rest)), bounds))
    return found, runs


def _extend(corpus: _Corpus, alignment: _Alignment) -> _Alignment:
    """The alignment carried on to the ends of the sentences it starts and ends in.

    A local alignment stops before an edit that does not pay for itself ("defeat of Daesh/ISIS."
    against "defeat of ISIS." ends at "of"); what is left of the two sentences is aligned on its
    own, and joined when it matches a word that is not a function word.
    """
    a0, a1, b0, b1 = alignment.box
    columns = list(alignment.columns)
    starts, ends = corpus.sentence_start, corpus.sentence_end
    head_a, head_b = int(starts[a0]), int(starts[b0])
    if head_a < a0 and head_b < b0:
        _, head = align(corpus.words[head_a:a0], corpus.words[head_b:b0])
        if any(j >= 0 and not corpus.function_word[corpus.words[head_a + i]] for i, j in head if i >= 0):
            head = [(i + head_a if i >= 0 else -1, j + head_b if j >= 0 else -1) for i, j in head]
            end_a = max(i for i, _ in head) + 1
            end_b = max(j for _, j in head) + 1
            columns = head + [(i, -1) for i in range(end_a, a0)] + [(-1, j) for j in range(end_b, b0)] + columns
    tail_a, tail_b = int(ends[a1 - 1]), int(ends[b1 - 1])
    if a1 < tail_a and b1 < tail_b:
        _, tail = align(corpus.words[a1:tail_a], corpus.words[b1:tail_b])
        if any(j >= 0 and not corpus.function_word[corpus.words[a1 + i]] for i, j in tail if i >= 0):
            tail = [(i + a1 if i >= 0 else -1, j + b1 if j >= 0 else -1) for i, j in tail]
            start_a = min(i for i, _ in tail if i >= 0)
            start_b = min(j for _, j in tail if j >= 0)
            columns += [(i, -1) for i in range(a1, start_a)] + [(-1, j) for j in range(b1, start_b)] + tail
    return _Alignment(alignment.score, tuple(columns))


def _select(alignments: list[_Alignment]) -> list[_Alignment]:
    """Best alignments first; one that overlaps a better one on both sides is the same passage."""
    kept: list[_Alignment] = []
    for alignment in sorted(alignments, key=lambda x: (-x.score, x.box)):
        a0, a1, b0, b1 = alignment.box
        if not any(a0 < k1 and k0 < a1 and b0 < l1 and l0 < b1 for k0, k1, l0, l1 in (k.box for k in kept)):
            kept.append(alignment)
    merged: list[_Alignment] = []
    for alignment in sorted(kept, key=lambda x: x.box):
        a0, _, b0, _ = alignment.box
        # The alignment it continues, if any: ended shortly before it on both sides (the nearest).
        gaps = [
            (a0 - box[1] + b0 - box[3], number)
            for number, box in enumerate(m.box for m in merged)
            if 0 <= a0 - box[1] <= MERGE_GAP and 0 <= b0 - box[3] <= MERGE_GAP
        ]
        if not gaps:
            merged.append(alignment)
            continue
        number = min(gaps)[1]
        previous = merged[number]
        _, p1, _, q1 = previous.box
        bridge = tuple((i, -1) for i in range(p1, a0)) + tuple((-1, j) for j in range(q1, b0))
        merged[number] = _Alignment(previous.score + alignment.score, previous.columns + bridge + alignment.columns)
    return merged


def _pairs_sentences(pairs: list[tuple[int, int]], left_words: int, right_words: int) -> bool:
    """Whether matched words (global positions) are enough to set two sides' sentences in one row.

    Enough words (MIN_ROW_WORDS), dense enough in the stretch they span on the shorter side
    (MIN_SHARE: not a few words scattered through long sentences), and a fair part of the shorter
    side's sentences (MIN_SENTENCE_SHARE: a quotation may be part of a longer sentence).
    """
    if len(pairs) < MIN_ROW_WORDS:
        return False
    left_span = max(i for i, _ in pairs) - min(i for i, _ in pairs) + 1
    right_span = max(j for _, j in pairs) - min(j for _, j in pairs) + 1
    return len(pairs) >= MIN_SHARE * min(left_span, right_span) and len(pairs) >= MIN_SENTENCE_SHARE * min(
        left_words, right_words
    )


def _quoted_names(corpus: _Corpus, alignment: _Alignment) -> set[int]:
    """The words (left positions) of names that an unbroken run of the same words carries on past on
    both sides, to a word that is neither a name nor a function word.

    A name matched alone, or next to other names and function words ("the Global Coalition to Defeat
    Daesh/ISIS, the Africa Focus Group"), is what texts of the field share without quoting each other:
    it weighs nothing. Inside a quotation ("a growing threat to the South and Central Asian region")
    the name is quoted with the rest, and weighs as its words do.
    """
    found: set[int] = set()
    run: list[int] = []  # left positions of the current run of the same words, one after the other
    words, in_name, function_word = corpus.words, corpus.in_name, corpus.function_word
    for i, j in (*alignment.columns, (-1, -1)):
        same = i >= 0 and j >= 0 and words[i] == words[j]
        if same and run and i == run[-1] + 1:
            run.append(i)
            continue
        kinds = ["name" if in_name[k] else "function" if function_word[words[k]] else "word" for k in run]
        if "name" in kinds and "word" in kinds:
            first, last = kinds.index("word"), len(kinds) - 1 - kinds[::-1].index("word")
            found.update(run[k] for k in range(first + 1, last) if kinds[k] == "name")
        run = [i] if same else []
    return found


def _rows(corpus: _Corpus, a_doc: str, b_doc: str, alignment: _Alignment) -> tuple[list[Row], float]:
    """The rows of an alignment (global positions), trimmed, and the weight of their matched words."""
    a_sentences, b_sentences = corpus.sentences[a_doc], corpus.sentences[b_doc]
    a_offset = int(corpus.starts[corpus.number[a_doc]])
    b_offset = int(corpus.starts[corpus.number[b_doc]])
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    quoted_names = _quoted_names(corpus, alignment)
    order: list[tuple[int, int]] = []  # sentences (side, index) in the order the alignment meets them
    links: dict[tuple[int, int], list[tuple[int, int]]] = {}  # matched words per pair of sentences
    for i, j in alignment.columns:
        for node in (
            (0, int(corpus.sentence_of[i])) if i >= 0 else None,
            (1, int(corpus.sentence_of[j])) if j >= 0 else None,
        ):
            if node is not None and node not in parent:
                order.append(node)
                find(node)
        if i >= 0 and j >= 0 and corpus.words[i] == corpus.words[j]:
            links.setdefault((int(corpus.sentence_of[i]), int(corpus.sentence_of[j])), []).append((i, j))
    # Two sentences share a row when enough of their words are matched: a stray "the" or a name
    # matched across the end of a sentence does not join it to the next one.
    joined: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for (a, b), pairs in links.items():
        shorter = min(len(a_sentences[a].keys), len(b_sentences[b].keys))
        if len(pairs) >= LINK_WORDS and len(pairs) >= LINK_SHARE * shorter:
            parent[find((0, a))] = find((1, b))
            joined[(a, b)] = pairs
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in order:
        groups.setdefault(find(node), []).append(node)
    matched_by_group: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for (a, _), pairs in joined.items():
        matched_by_group.setdefault(find((0, a)), []).extend(pairs)
    rows: list[tuple[Row, float] | tuple[Row, None]] = []
    for root, nodes in groups.items():
        left = tuple(a_sentences[n] for side, n in sorted(nodes) if side == 0)
        right = tuple(b_sentences[n] for side, n in sorted(nodes) if side == 1)
        pairs = matched_by_group.get(root, [])
        left_words = [a_offset + s.first + k for s in left for k in range(len(s.keys))]
        right_words = [b_offset + s.first + k for s in right for k in range(len(s.keys))]
        strong = bool(left and right) and _pairs_sentences(pairs, len(left_words), len(right_words))
        if not strong:
            # Too little in common to pair: each side is shown as having no counterpart.
            if left:
                rows.append((Row(left, (), frozenset(), frozenset(), ()), None))
            if right:
                rows.append((Row((), right, frozenset(), frozenset(), ()), None))
            continue
        hit_left = {i for i, _ in pairs}
        hit_right = {j for _, j in pairs}
        paragraph_links = sorted(
            {
                (a_sentences[int(corpus.sentence_of[i])].paragraph, b_sentences[int(corpus.sentence_of[j])].paragraph)
                for i, j in pairs
            }
        )
        weight = float(sum(corpus.weight[i] for i, j in pairs if not corpus.in_name[j]))
        weight += float(sum(corpus.rarity[i] for i, _ in pairs if i in quoted_names))
        row = Row(
            left,
            right,
            frozenset(k for k, w in enumerate(left_words) if w not in hit_left),
            frozenset(k for k, w in enumerate(right_words) if w not in hit_right),
            tuple(paragraph_links),
        )
        rows.append((row, weight))
    # Rows without counterpart at either end are no part of the passage.
    while rows and rows[0][1] is None:
        rows.pop(0)
    while rows and rows[-1][1] is None:
        rows.pop()
    return [row for row, _ in rows], sum(weight for _, weight in rows if weight is not None)


def find_passages(texts: Sequence[Text], names: Iterable[str] = ()) -> SharedPassages:
    """All passages shared between any two of `texts` (whose ids must be unique).

    `names` are the names of the collection (glossary and index forms, document titles): words
    inside them neither seed a candidate nor count towards keeping one.
    """
    corpus = _Corpus(texts, names)
    word_counts = corpus.word_counts
    by_pair: dict[tuple[str, str], list[tuple[list[Row], tuple[int, int]]]] = {}
    aligned = 0
    for (a_number, b_number), hits in sorted(corpus.seeds().items()):
        if len(hits) < MIN_SEEDS:
            continue
        a_doc, b_doc = corpus.ids[a_number], corpus.ids[b_number]
        # The longer document is shown on the left (ties: the id that sorts first), and is aligned as
        # the first sequence, so that the outcome does not depend on the order of `texts`.
        if (-word_counts[b_doc], b_doc) < (-word_counts[a_doc], a_doc):
            a_number, b_number, a_doc, b_doc = b_number, a_number, b_doc, a_doc
            hits = [(b, a) for a, b in hits]
        left, right = a_doc, b_doc
        alignments, runs = _align_pair(corpus, a_number, b_number, hits)
        aligned += runs
        for alignment in _select(alignments):
            rows, weight = _rows(corpus, left, right, alignment)
            if rows and weight >= MIN_WEIGHT:
                first = rows[0]
                key = (first.left[0].index if first.left else -1, first.right[0].index if first.right else -1)
                by_pair.setdefault((left, right), []).append((rows, key))
    passages = {}
    for pair, found in sorted(by_pair.items()):
        ordered = sorted(found, key=lambda item: item[1])
        passages[pair] = tuple(Passage(pair[0], pair[1], n, tuple(rows)) for n, (rows, _) in enumerate(ordered, 1))
    return SharedPassages(passages, corpus.sentences, word_counts, aligned)
