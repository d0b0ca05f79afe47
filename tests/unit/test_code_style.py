"""ruff (lint and format check) passes on the code."""

from __future__ import annotations

import subprocess
import sys

from tests.base import ROOT


def test_ruff_lint():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "scripts", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "scripts", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
