"""`mkdocs serve` runs the conversion and rebuilds when a file in sources/ changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.base import copy_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, condition, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and condition(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show the expected content within {seconds} s")


def test_serve_rebuilds_when_a_source_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/documents/canada-joint-statement-2022/"
    try:
        wait_for(url, lambda body: "Nasser Bourita" in body)
        source = project / "sources" / "canada-joint-statement-2022.txt"
        source.write_bytes(source.read_bytes().replace(b"Nasser Bourita", b"Nasser BOURITA"))
        body = wait_for(url, lambda body: "Nasser BOURITA" in body)
        assert "Nasser Bourita" not in body
    finally:
        server.terminate()
        server.wait(timeout=30)
