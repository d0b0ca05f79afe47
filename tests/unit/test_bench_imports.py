"""The benchmarks start on a machine with only `pip install '.[bench]'`: they import neither pytest nor tests/."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.base import ROOT

BENCHMARKS = ("build", "search", "passages", "open_data", "lighthouse", "corpus_generator", "harness")


def test_the_benchmarks_need_nothing_from_the_tests(tmp_path):
    check = (
        "import sys\n"
        + "".join(f"import coalition_bench.{name}\n" for name in BENCHMARKS)
        + "found = sorted(m for m in sys.modules if m.split('.')[0] in ('pytest', '_pytest', 'tests', 'conftest'))\n"
        + "assert not found, found\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    # From outside the checkout, so that tests/ cannot be found on the current folder either.
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=tmp_path, capture_output=True, text=True, env=environment
    )
    assert result.returncode == 0, result.stderr


def test_each_benchmark_explains_itself():
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    for name in ("build", "search", "passages", "open_data"):
        command = [sys.executable, "-m", f"coalition_bench.{name}", "--help"]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)
        assert result.returncode == 0 and "--sizes" in result.stdout, (name, result.stderr)


def test_generated_corpora_draw_on_the_real_texts(monkeypatch):
    """corpus_texts finds the checkout's texts from the current folder, wherever the package is installed."""
    monkeypatch.chdir(ROOT / "docs")  # inside the checkout, not at its top
    from coalition_bench.corpus_texts import vocabulary

    words = vocabulary(seed=1, made_up=0)
    assert {"coalition", "daesh", "marrakesh"} <= set(words)
