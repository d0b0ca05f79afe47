"""The MkDocs plugin, loaded from the real mkdocs.yml in-process (as MkDocs' own tests load a config)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from coalition_texts.plugin.plugin import CoalitionTextsPlugin
from tests.base import ROOT


def config_of(folder: Path = ROOT, **options: object) -> MkDocsConfig:
    return load_config(str(folder / "mkdocs.yml"), **options)


def owner(method: object) -> str:
    """The plugin class a bound event method belongs to."""
    return type(getattr(method, "__self__", None)).__name__


def test_the_entry_point_gives_mkdocs_the_plugin():
    config = config_of()
    plugin = config.plugins["coalition-texts"]
    assert isinstance(plugin, CoalitionTextsPlugin)
    assert plugin.config == {}


def test_its_events_run_where_the_hooks_ran():
    """Last among the handlers of equal priority, as the hooks it replaces were (MkDocs adds hooks after
    every plugin); the search index is rewritten after the search plugin and before the offline plugin."""
    events = config_of().plugins.events
    for name, handlers in events.items():
        ours = [index for index, method in enumerate(handlers) if owner(method) == "CoalitionTextsPlugin"]
        for index in ours:  # an event can have several handlers of ours, at different priorities
            priority = getattr(handlers[index], "mkdocs_priority", 0)
            peers = [i for i, method in enumerate(handlers) if getattr(method, "mkdocs_priority", 0) == priority]
            assert index == peers[-1], name
    post_build = [owner(method) for method in events["post_build"]]
    ours = [index for index, name in enumerate(post_build) if name == "CoalitionTextsPlugin"]
    # The search index is rewritten between the search and offline plugins; the build is committed last.
    assert post_build.index("SearchPlugin") < ours[0] < post_build.index("OfflinePlugin"), post_build
    assert ours[-1] == len(post_build) - 1, post_build


def test_a_misspelt_option_is_refused(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - coalition-texts\n" in text
    (project / "mkdocs.yml").write_text(
        text.replace("  - coalition-texts\n", "  - coalition-texts:\n      sourcs: x\n")
    )
    (project / "docs").mkdir()
    with pytest.raises(Abort):
        config_of(project, strict=True)


def test_the_project_is_the_folder_of_mkdocs_yml_wherever_the_package_is(tmp_path):
    """The plugin reads sources/ beside mkdocs.yml, not beside its own code."""
    project = tmp_path / "elsewhere"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs").mkdir()
    (project / "overrides").mkdir()
    assert CoalitionTextsPlugin.root(config_of(project)) == project.resolve()
