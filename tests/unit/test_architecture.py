"""The package's shape holds: imports flow down the layers (import-linter), the types hold (mypy)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from coalition_texts.model import urls
from tests.base import ROOT

PACKAGES = ("coalition_texts", "coalition_bench")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)


def test_imports_keep_the_layers_and_the_conversion_free_of_mkdocs():
    """The contracts in pyproject.toml ([tool.importlinter]): layers, no MkDocs below the plugin, no benchmarks."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    command = [str(lint_imports)] if lint_imports.exists() else [sys.executable, "-m", "importlinter.cli"]
    result = run(*command)  # its cache (.import_linter_cache/) is keyed on the files' contents
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_mypy_finds_no_error():
    """mypy with the settings of pyproject.toml ([tool.mypy]: check_untyped_defs and more) on both packages."""
    result = run(sys.executable, "-m", "mypy")  # incremental: .mypy_cache/ makes a second run take seconds
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_folder_holds_more_than_a_dozen_modules():
    for package in PACKAGES:
        for folder in [ROOT / "scripts" / package, *(ROOT / "scripts" / package).glob("*/")]:
            modules = [path for path in folder.glob("*.py") if path.name != "__init__.py"]
            assert len(modules) <= 12, (folder, sorted(path.name for path in modules))


def test_every_module_says_its_job():
    """A docstring atop each module (the team's rule: one module, one job)."""
    for package in PACKAGES:
        for path in (ROOT / "scripts" / package).rglob("*.py"):
            assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path


def test_the_generated_folders_are_the_ones_git_ignores():
    """model/urls.py declares the generated folders of docs/ (the conversion writes them whole): .gitignore
    must ignore exactly those, so a new generated folder is never committed and a hand-written one never lost."""
    ignored = {
        line.removeprefix("docs/").rstrip("/")
        for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line.startswith("docs/") and line.endswith("/") and "*" not in line
    }
    assert ignored == set(urls.GENERATED)
