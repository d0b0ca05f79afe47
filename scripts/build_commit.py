"""MkDocs hook: commit the build's transaction (build_transaction.py) as the very last step.

A hook module has one priority per event, and the commit must come after every other post-build
step (the search index rewrite, the feeds, the offline copy), so it has a module of its own, listed
after `mkdocs_hooks.py` in mkdocs.yml. With `--strict`, a build that logged a warning is not
committed: MkDocs aborts right after this step, and `mkdocs_hooks.on_build_error` rolls back.
"""

from __future__ import annotations

from build_transaction import CURRENT, finish
from errors import SourceError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(-1000)
def on_post_build(config):
    warnings = CURRENT.get("warnings")
    if config.strict and warnings is not None and warnings.get_counts():
        return  # MkDocs aborts next; its on_build_error rolls the pages back
    try:
        CURRENT["transaction"].commit(CURRENT["registry"].write)
    except SourceError as error:  # the registry could not be written: the transaction rolled back
        raise PluginError(f"Bad input: {error}") from None
    finish()
