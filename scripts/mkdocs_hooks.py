"""MkDocs hooks: run the conversion before every build, so one command builds everything.

`mkdocs serve` also watches `sources/`, so editing a text or the catalog rebuilds the site. Bad
input aborts the build with the conversion's one-line message (no traceback); the pages written
by the last good build stay in place.
"""

from __future__ import annotations

import logging
from pathlib import Path

from build_pages import ROOT, build
from errors import SourceError, relative_message
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.sources")


def on_config(config):
    # Snippets are looked up from the working directory by default; pin them to this checkout
    # so that `mkdocs build -f path/to/mkdocs.yml` works from anywhere.
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(Path(config.docs_dir) / "snippets")]
    return config


def on_pre_build(config):
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else ROOT
    try:
        result = build(root)
    except SourceError as error:
        raise PluginError(f"Bad input: {relative_message(error, root)}") from None
    for change in result.anchor_changes:
        log.info("paragraph anchor: %s", change)
    if result.anchor_changes:
        log.info("sources/anchors.json was extended; commit it with the source change.")


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).resolve().parent / "sources"))
    return server
