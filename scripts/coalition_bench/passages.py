"""Benchmark shared-passage detection on generated corpora: time, growth, and what it finds.

    python3 -m coalition_bench.passages                 # 1,000 and 10,000 documents
    python3 -m coalition_bench.passages --sizes 500 2000 --out benchmarks/out/passages.md
    python3 -m coalition_bench.passages --out benchmarks/passages.md   # the committed results

Corpora come from corpus_texts.py (varied texts, with passages planted in 10 % of them). For each
size the table gives the detection time (generation excluded; wall clock, and CPU time, which a
busy machine disturbs less), the CPU time per document, the growth against the previous size (CPU
time ratio over size ratio: 1.0 is linear), the regions aligned word by word, the rows that pair
sentences, how many planted sentences were found, and the pairs of documents found that were
not planted: expected when both hold a copy from one third text, "unexplained" otherwise (a false
match). Best of `--repeat` runs.

Then the precision and recall, at the level of pairs of paragraphs, on the two sets of real reprint
patterns (passage_truth.py): the ground truth the thresholds were set on
(tests/data/passages_ground_truth/) and the held-out set (tests/data/passages_held_out/), whole and
its eight texts scored before any change alone.
"""

from __future__ import annotations

import sys
import time

from coalition_bench import corpus_texts, passage_truth
from coalition_bench.report import main_over_sizes
from coalition_texts.analysis import passages


def found_planted(shared: passages.SharedPassages, texts, planted) -> tuple[int, int]:
    """(planted sentences found, planted sentences): a sentence is found when a match of the two
    documents covers it on the side it was copied from."""
    by_id = {text.id: text for text in texts}
    total = found = 0
    for plant in planted:
        pair = next(
            (p for p in ((plant.source, plant.target), (plant.target, plant.source)) if p in shared.passages), None
        )
        covered = []
        if pair:
            side = "left" if pair[0] == plant.source else "right"
            for passage in shared.passages[pair]:
                for row in passage.paired_rows:
                    for sentence in getattr(row, side):
                        covered.append(
                            by_id[plant.source].paragraphs[sentence.paragraph][sentence.start : sentence.end]
                        )
        for sentence in plant.source_sentences:
            total += 1
            found += any(sentence in text or text in sentence for text in covered)
    return found, total


def run(size: int, repeat: int, seed: int) -> dict:
    texts = corpus_texts.generate(size, seed)
    planted = corpus_texts.plant_passages(texts, share=0.1, seed=seed + 1)
    inputs = [passages.Text(text.id, tuple(text.paragraphs)) for text in texts]
    best = cpu = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        shared = passages.find_passages(inputs)
        elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        best = elapsed if best is None else min(best, elapsed)
        cpu = elapsed_cpu if cpu is None else min(cpu, elapsed_cpu)
    sentences = sum(len(s) for s in shared.sentences.values())
    words = sum(shared.word_counts.values())
    candidates = shared.aligned
    matches = sum(len(p.paired_rows) for ps in shared.passages.values() for p in ps)
    found, total = found_planted(shared, inputs, planted)
    planted_pairs = {tuple(sorted((p.source, p.target))) for p in planted}
    found_pairs = {tuple(sorted(pair)) for pair in shared.passages}
    # A pair that was not planted is still expected when both copied from, or into, one third text.
    neighbours: dict[str, set[str]] = {}
    for a, b in planted_pairs:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    others = found_pairs - planted_pairs
    unexplained = [(a, b) for a, b in others if not neighbours.get(a, set()) & neighbours.get(b, set())]
    return {
        "documents": size,
        "words": words,
        "sentences": sentences,
        "seconds": best,
        "cpu": cpu,
        "candidates": candidates,
        "matches": matches,
        "pairs": len(found_pairs),
        "other_pairs": len(others),
        "unexplained": len(unexplained),
        "found": found,
        "planted": total,
    }


def table(results: list[dict]) -> str:
    lines = [
        "| Documents | Words | Sentences | Detection (s, wall) | CPU (s) | CPU ms per document | Growth "
        "| Regions aligned | Rows pairing sentences | Planted sentences found "
        "| Document pairs (not planted; unexplained) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    previous = None
    for r in results:
        growth = "—"
        if previous:
            growth = f"{(r['cpu'] / previous['cpu']) / (r['documents'] / previous['documents']):.2f}"
        lines.append(
            f"| {r['documents']:,} | {r['words']:,} | {r['sentences']:,} | {r['seconds']:.2f} | {r['cpu']:.2f} "
            f"| {1000 * r['cpu'] / r['documents']:.2f} | {growth} | {r['candidates']:,} | {r['matches']:,} "
            f"| {r['found']:,} / {r['planted']:,} | {r['pairs']:,} ({r['other_pairs']:,}; {r['unexplained']:,}) |"
        )
        previous = r
    truth = passage_truth.report_all()
    return "\n".join(lines) + "\n\nReal reprint patterns, scored by pairs of paragraphs.\n\n" + truth


def main(argv: list[str] | None = None) -> int:
    return main_over_sizes(__doc__.splitlines()[0], run, table, lambda r: f"{r['seconds']:.2f} s", argv)


if __name__ == "__main__":
    sys.exit(main())
