"""The committed anchor registry is current with the sources (`python -m coalition_texts --check-anchors`)."""

from __future__ import annotations

from coalition_texts.build import main
from tests.base import ROOT


def test_registry_is_current_with_the_sources(capsys):
    assert main(["--root", str(ROOT), "--check-anchors"]) == 0, capsys.readouterr().err
