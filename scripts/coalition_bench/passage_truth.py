"""Precision and recall of the shared-passage detection against sets of real reprint patterns.

Two sets, each the five texts of `sources/` plus the texts of one folder, made from them by the
patterns real reprints follow (quotation inside a report, a repost with the group renamed, a
paraphrase on the same skeleton, titles and headlines that share only names, stock phrases of the
field); each folder's `expected.yml` lists every pair of paragraphs that shares a passage:

- `tests/data/passages_ground_truth/` (GROUND_TRUTH), on which the detection's thresholds were set;
- `tests/data/passages_held_out/` (HELD_OUT), written afterwards from new patterns (a newswire
  repost with dateline and agency furniture, partial quotations, reordered paragraphs, renamed
  speakers ...) and labelled before the detection ran on it. Not wholly held out: its first eight
  texts were scored before any change (one label was corrected after that run), but its ninth, added
  after, showed a weakness that one rule (`_quoted_names` in analysis/passages.py) was added for.
  So the eight untouched texts are also scored alone (`untouched_only`, their collection as it
  was when first run): that score is the check that the detection holds beyond what it was set on.

The detection runs as the build runs it (the glossary's and the index's names, every title), and
is scored at the level of pairs of paragraphs. Used by tests/unit/analysis/test_passage_truth.py and by
coalition_bench.passages, which writes the scores to benchmarks/passages.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from coalition_bench.harness import project_root
from coalition_texts.analysis.passages import SharedPassages, Text, find_passages
from coalition_texts.build import render
from coalition_texts.model.urls import SOURCES
from coalition_texts.pages.compare import names as collection_names
from coalition_texts.sources.anchors import Registry
from coalition_texts.sources.glossary import load_glossary
from coalition_texts.sources.index_entries import load_index

GROUND_TRUTH = Path("tests") / "data" / "passages_ground_truth"  # in the checkout
HELD_OUT = Path("tests") / "data" / "passages_held_out"
SETS = {
    "Ground truth (thresholds set on it)": (GROUND_TRUTH, False),
    "Held-out set, all nine texts (one rule added after the ninth)": (HELD_OUT, False),
    "Held-out set, the eight texts scored before any change": (HELD_OUT, True),
}

ParagraphPair = tuple[str, int, str, int]  # (document, ¶ from 1, document, ¶ from 1), documents in order


@dataclass(frozen=True)
class GroundTruth:
    texts: tuple[Text, ...]
    names: tuple[str, ...]  # glossary and index forms, and every document's title
    expected: dict[ParagraphPair, str]  # -> "identical" or "edited"
    scored: frozenset[str] | None = None  # only pairs with one of these documents are scored (None: all)


@dataclass(frozen=True)
class Score:
    found: dict[ParagraphPair, str]
    expected: dict[ParagraphPair, str]

    @property
    def true_positives(self) -> set[ParagraphPair]:
        return set(self.found) & set(self.expected)

    @property
    def false_positives(self) -> set[ParagraphPair]:
        return set(self.found) - set(self.expected)

    @property
    def missed(self) -> set[ParagraphPair]:
        return set(self.expected) - set(self.found)

    @property
    def precision(self) -> float:
        return len(self.true_positives) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.true_positives) / len(self.expected) if self.expected else 1.0

    @property
    def wrong_labels(self) -> set[ParagraphPair]:
        """Pairs found with "identical" where the truth says "edited", or the reverse."""
        return {pair for pair in self.true_positives if self.found[pair] != self.expected[pair]}


def ordered(a: str, pa: int, b: str, pb: int) -> ParagraphPair:
    return (a, pa, b, pb) if (a, pa) <= (b, pb) else (b, pb, a, pa)


def paragraphs(path: Path) -> tuple[str, ...]:
    """A ground-truth text: paragraphs separated by blank lines, white space inside one made single."""
    blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
    return tuple(" ".join(block.split()) for block in blocks if block.strip())


def load(root: Path | None = None, folder: Path = GROUND_TRUTH, untouched_only: bool = False) -> GroundTruth:
    """The five texts of the checkout's sources as the build reads them, the texts of `folder` (a
    path in the checkout), the names as the build gives them (glossary, index, every title). With
    `untouched_only`, the folder's texts marked `untouched: false` (written or used after a change
    to the detection) are left out, with every pair they are in."""
    root = root or project_root()
    sources, folder = root / SOURCES, root / folder
    rendered = render(root, Registry(sources / "anchors.json")).documents
    names = collection_names(
        load_glossary(sources / "glossary.yml"), load_index(sources / "index-entries.yml"), rendered
    )
    data = yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))
    left_out = {entry["id"] for entry in data["documents"] if untouched_only and not entry.get("untouched", True)}
    data["documents"] = [entry for entry in data["documents"] if entry["id"] not in left_out]
    data["pairs"] = [pair for pair in data["pairs"] if not {pair[0], pair[2]} & left_out]
    texts = [Text(item.doc.id, tuple(p.text for p in item.source.paragraphs)) for item in rendered]
    titles = []
    for entry in data["documents"]:
        texts.append(Text(entry["id"], paragraphs(folder / entry["file"])))
        titles.append(entry["title"])
    expected = {ordered(a, pa, b, pb): status for a, pa, b, pb, status in data["pairs"]}
    own = frozenset(entry["id"] for entry in data["documents"])
    scored = own if data.get("scored") == "with-folder-texts" else None
    return GroundTruth(tuple(texts), (*names, *titles), expected, scored)


def found_pairs(shared: SharedPassages) -> dict[ParagraphPair, str]:
    """Every pair of paragraphs the detection joins, as the notes on document pages show them."""
    found = {}
    for doc, by_paragraph in shared.counterparts().items():
        for paragraph, counterparts in by_paragraph.items():
            for c in counterparts:
                found[ordered(doc, paragraph + 1, c.doc, c.paragraph + 1)] = "identical" if c.identical else "edited"
    return found


def evaluate(truth: GroundTruth | None = None) -> Score:
    truth = truth or load()
    found = found_pairs(find_passages(truth.texts, truth.names))
    if truth.scored is not None:
        found = {pair: label for pair, label in found.items() if {pair[0], pair[2]} & truth.scored}
    return Score(found, truth.expected)


def report(score: Score, title: str = "") -> str:
    """The scores as Markdown, with every false or missed pair named (under `title`, if given)."""
    lines = [
        *([f"{title}:", ""] if title else []),
        "| Paragraph pairs expected | Found | Correct | Precision | Recall | Labels wrong (identical/edited) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {len(score.expected)} | {len(score.found)} | {len(score.true_positives)} | {score.precision:.3f} "
        f"| {score.recall:.3f} | {len(score.wrong_labels)} |",
        "",
    ]
    for title, pairs in (("Found, not expected", score.false_positives), ("Expected, not found", score.missed)):
        lines.append(f"{title}: " + ("; ".join(f"{a} ¶ {pa} – {b} ¶ {pb}" for a, pa, b, pb in sorted(pairs)) or "none"))
        lines.append("")
    return "\n".join(lines)


def report_all(root: Path | None = None) -> str:
    """Both sets' scores, one after the other."""
    return "\n".join(
        report(evaluate(load(root, folder, untouched_only)), title) for title, (folder, untouched_only) in SETS.items()
    )


if __name__ == "__main__":
    print(report_all())
