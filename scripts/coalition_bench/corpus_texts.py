"""Generate large corpora of varied texts, with passages planted from one text into others, for benchmarks.

The words come from the five real texts plus made-up names, drawn with Zipf-like frequencies, so
texts read as statement-like word salad that is never the same twice; the same seed always gives
the same corpus. `plant_passages` copies runs of sentences from one text into another, word for
word or with a word changed, and returns what it planted, so a benchmark can check what a detector
finds. Usable by any benchmark (`generate(count, seed)`), not only the passages one.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from itertools import accumulate

from coalition_bench.harness import project_root
from coalition_texts.model.urls import SOURCES

SYLLABLES = ["ka", "ro", "mi", "ta", "zu", "le", "no", "bi", "sa", "dra", "ke", "lo", "va", "ni", "gor", "tun"]


@dataclass
class GeneratedText:
    id: str
    title: str
    paragraphs: list[str]


@dataclass(frozen=True)
class Planted:
    """Sentences `source_sentences` of `source` copied into `target` (identical or with one word changed)."""

    source: str
    target: str
    source_sentences: tuple[str, ...]
    identical: bool


def vocabulary(seed: int, made_up: int = 20_000) -> list[str]:
    """The real texts' words, most frequent first, then made-up names (ordered, so Zipf weights apply)."""
    counts: dict[str, int] = {}
    for path in sorted((project_root() / SOURCES).glob("*.txt")):  # the checkout's five texts
        # Hyphens split words: the capture of one text keeps its address as a line of hyphenated words.
        for word in re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", path.read_text(encoding="utf-8-sig")):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    rng = random.Random(seed)
    seen = set(words)
    while len(words) < len(counts) + made_up:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if name.lower() not in seen:
            seen.add(name.lower())
            words.append(name)
    return words


class _Writer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.words = vocabulary(seed)
        self.cumulative = list(accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(self.words))))

    def sentence(self) -> str:
        length = self.rng.randint(12, 40)
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        for position in range(2, length - 1, self.rng.randint(6, 12)):
            words[position] += ","
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 5)))


def generate(count: int, seed: int = 1) -> list[GeneratedText]:
    """`count` varied texts of 3 to 10 paragraphs (about 450 words on average)."""
    writer = _Writer(seed)
    texts = []
    for number in range(count):
        paragraphs = [writer.paragraph() for _ in range(writer.rng.randint(3, 10))]
        title = writer.sentence().rstrip(".")
        texts.append(GeneratedText(f"generated-{number:06d}", title[:80], paragraphs))
    return texts


def _edit(sentence: str, rng: random.Random) -> str:
    """One word replaced and the case of the first word changed: a light rewording."""
    words = sentence.split()
    position = rng.randrange(1, len(words) - 1)
    words[position] = "reportedly" if words[position] != "reportedly" else "allegedly"
    return " ".join(words).upper() if rng.random() < 0.3 else " ".join(words)


def plant_passages(texts: list[GeneratedText], share: float = 0.1, seed: int = 2) -> list[Planted]:
    """Copy 1 to 4 consecutive sentences of an earlier text into `share` of the texts; half are edited.

    A copy of several sentences is split over two paragraphs where it is long enough, so that a
    passage crosses a paragraph boundary in one text and not in the other.
    """
    rng = random.Random(seed)
    planted = []
    for index in range(1, len(texts)):
        if rng.random() >= share:
            continue
        source = texts[rng.randrange(index)]
        sentences = [s for p in source.paragraphs for s in re.split(r"(?<=\.) (?=[A-Z])", p)]
        start = rng.randrange(len(sentences))
        run = tuple(sentences[start : start + rng.randint(1, 4)])
        identical = rng.random() < 0.5
        copied = list(run) if identical else [_edit(s, rng) for s in run]
        target = texts[index]
        position = rng.randint(0, len(target.paragraphs))
        cut = len(copied) // 2 if len(copied) > 1 else len(copied)
        blocks = [" ".join(copied[:cut]), " ".join(copied[cut:])]
        target.paragraphs[position:position] = [block for block in blocks if block]
        planted.append(Planted(source.id, target.id, run, identical))
    return planted
