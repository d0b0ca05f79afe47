"""The command line shared by the benchmarks that measure one step over several corpus sizes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def write_table(table: str, out: Path | None) -> None:
    """Print the Markdown table, and keep it in `out` when given."""
    print(table)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(table, encoding="utf-8")


def main_over_sizes(
    description: str,
    run: Callable[[int, int, int], dict],
    table: Callable[[list[dict]], str],
    summary: Callable[[dict], str],
    argv: list[str] | None = None,
) -> int:
    """Run `run(size, repeat, seed)` for each size, smallest first, and report the table."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    results = []
    for size in sorted(args.sizes):
        results.append(run(size, args.repeat, args.seed))
        print(f"{size:,} documents: {summary(results[-1])}", file=sys.stderr)
    write_table(table(results), args.out)
    return 0
