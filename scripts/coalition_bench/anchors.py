"""Benchmark paragraph-anchor matching (anchors.py) on the corrections that used to be slow.

    python -m coalition_bench.anchors                          # the rows below, this checkout's anchors.py
    python -m coalition_bench.anchors --out benchmarks/anchors.md
    python -m coalition_bench.anchors --anchors old/anchors.py --timeout 300   # another version, for before/after

Rows: one character corrected in the middle of a single paragraph of `--lengths` characters (default
40,000 and 2,000,000: a 2 MB paragraph), and every paragraph of a `--paragraphs`-paragraph text
(default 200) corrected by one character. The text is statement-like word salad from corpus_texts.py
(same seed, same text). Each row runs in a child process stopped after `--timeout` seconds; the
table gives the best CPU time of `--repeat` runs and whether every paragraph kept its anchor.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import sys
import time
from pathlib import Path

from coalition_bench import corpus_texts
from coalition_bench.report import write_table

# The matching under test: this checkout's, unless --anchors names another anchors.py (an older one).
ANCHORS = Path(__file__).resolve().parent.parent / "coalition_texts" / "sources" / "anchors.py"


def _load(path: Path):
    spec = importlib.util.spec_from_file_location("anchors_under_test", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path} cannot be loaded as a module")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))  # an old flat anchors.py imports its neighbours (errors)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def _paragraphs(seed: int) -> list[str]:
    return [p for text in corpus_texts.generate(60, seed) for p in text.paragraphs]


def _correct(text: str, at: int) -> str:
    """One character changed (a letter becomes another), as a typo fix would."""
    at = next(i for i in range(at, len(text)) if text[i].isalpha())
    return text[:at] + ("x" if text[at] != "x" else "y") + text[at + 1 :]


def case(kind: str, size: int, seed: int) -> tuple[list[str], list[str]]:
    pool = _paragraphs(seed)
    if kind == "long":
        long, index = "", 0
        while len(long) < size:
            long += pool[index % len(pool)] + " "
            index += 1
        long = long[:size].strip()
        return [long], [_correct(long, len(long) // 2)]
    old = [pool[i % len(pool)] + f" ({i})" for i in range(size)]
    return old, [_correct(text, len(text) // 3) for text in old]


def _run(anchors_path: str, kind: str, size: int, seed: int, repeat: int, queue) -> None:
    anchors = _load(Path(anchors_path))
    old, new = case(kind, size, seed)
    best, kept = None, False
    for _ in range(repeat):
        entry = anchors.DocumentAnchors(len(old) + 1, [(f"p{i}", t) for i, t in enumerate(old, start=1)], [])
        if hasattr(anchors._similarity, "cache_clear"):
            anchors._similarity.cache_clear()  # each run starts cold: no result kept from the last
        start = time.process_time()
        result, _, _ = anchors.align(entry, new, "2026-01-01")
        elapsed = time.process_time() - start
        best = elapsed if best is None else min(best, elapsed)
        kept = result == [f"p{i}" for i in range(1, len(old) + 1)]
    queue.put((best, kept))


def measure(anchors_path: Path, kind: str, size: int, seed: int, repeat: int, timeout: float) -> dict:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=_run, args=(str(anchors_path), kind, size, seed, repeat, queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return {"kind": kind, "size": size, "seconds": None, "kept": None, "timeout": timeout}
    if process.exitcode != 0:
        raise SystemExit(f"the {kind} row failed (exit code {process.exitcode}); see the message above")
    seconds, kept = queue.get()
    return {"kind": kind, "size": size, "seconds": seconds, "kept": kept, "timeout": timeout}


def table(rows: list[dict], anchors_path: Path) -> str:
    lines = [
        f"Anchor matching with `{anchors_path.parent.name}/{anchors_path.name}`; CPU seconds, best run.\n",
        "| Correction | Size | CPU time | Every anchor kept |",
        "| --- | ---: | ---: | --- |",
    ]
    for row in rows:
        label = "one character in one paragraph" if row["kind"] == "long" else "one character in every paragraph"
        size = f"{row['size']:,} characters" if row["kind"] == "long" else f"{row['size']:,} paragraphs"
        seconds = f"{row['seconds']:.3f} s" if row["seconds"] is not None else f"> {row['timeout']:.0f} s (stopped)"
        kept = "—" if row["kept"] is None else "yes" if row["kept"] else "no"
        lines.append(f"| {label} | {size} | {seconds} | {kept} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[40_000, 2_000_000])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[200])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a row is stopped")
    parser.add_argument("--anchors", type=Path, default=ANCHORS, help="the anchors.py to measure")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    rows = []
    for kind, sizes in (("long", args.lengths), ("every", args.paragraphs)):
        for size in sorted(sizes):
            rows.append(measure(args.anchors.resolve(), kind, size, args.seed, args.repeat, args.timeout))
            print(rows[-1], file=sys.stderr)
    write_table(table(rows, args.anchors), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
