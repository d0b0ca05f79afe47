"""The committed registry of paragraph anchors is current with the sources."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_registry_is_current_with_the_sources():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_pages.py"), "--check-anchors"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
