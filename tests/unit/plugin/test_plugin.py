"""The MkDocs plugin, loaded from the real mkdocs.yml in-process (as MkDocs' own tests load a config)."""

from __future__ import annotations

import calendar
import json
import logging
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.utils import CountHandler

from coalition_texts.plugin import build_date
from coalition_texts.plugin.plugin import CoalitionTextsPlugin
from coalition_texts.plugin.safe_links import SafeLinks
from tests.base import ROOT, write_sources


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


# --- The events, driven in-process in MkDocs' order on the minimal sources/ of tests/base.py ------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with the minimal sources/, this checkout's mkdocs.yml and hand-written pages; the build's
    date variable unset, so that what the plugin leaves behind shows."""
    monkeypatch.delenv(build_date.VARIABLE, raising=False)
    write_sources(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "docs").mkdir()
    for name in ["index.md", "about.md"]:
        shutil.copy(ROOT / "docs" / name, tmp_path / "docs" / name)
    return tmp_path


def alone(config: MkDocsConfig) -> tuple[CoalitionTextsPlugin, PluginCollection]:
    """The plugin of `config`, in a collection of its own made the config's (MkDocs runs its events, and
    their parts, in priority order; the other plugins' events are theirs to test)."""
    plugin = config.plugins["coalition-texts"]
    assert isinstance(plugin, CoalitionTextsPlugin)
    collection = PluginCollection()
    collection["coalition-texts"] = plugin
    config.plugins = collection
    return plugin, collection


def mkdocs_handlers() -> int:
    return sum(isinstance(handler, CountHandler) for handler in logging.getLogger("mkdocs").handlers)


def generated(project: Path) -> list[str]:
    return sorted(str(p.relative_to(project / "docs")) for p in (project / "docs").rglob("*.md"))


def test_a_build_converts_first_hands_its_results_on_and_commits_last(project):
    config = config_of(project)
    plugin, events = alone(config)
    handlers = mkdocs_handlers()
    events.run_event("startup", command="build", dirty=False)
    config = events.run_event("config", config)
    # The site is written beside site/ and swapped in at the end; the build is dated by the data
    # (the newest document, 12 May 2022); the snippets and the Markdown extensions are this project's.
    assert Path(config.site_dir) != project / "site" and Path(config.site_dir).parent == project
    assert os.environ[build_date.VARIABLE] == str(calendar.timegm((2022, 5, 12, 0, 0, 0)))
    assert config.mdx_configs["pymdownx.snippets"]["base_path"] == [str(project / "docs" / "snippets")]
    assert plugin.page_terms in config.markdown_extensions
    assert any(isinstance(extension, SafeLinks) for extension in config.markdown_extensions)

    events.run_event("pre_build", config=config)
    assert {"documents/text.md", "events/meeting.md", "reference/glossary.md"} <= set(generated(project))
    assert not (project / "sources" / "anchors.json").exists()  # the registry waits for the commit
    assert list(plugin.current.by_id) == ["text"] and mkdocs_handlers() == handlers + 1

    files = events.run_event("files", get_files(config), config=config)
    assert {"data/corpus.json", "data/paragraphs.csv", "data/sources/text.txt", "data/text/text.txt"} <= {
        file.src_uri for file in files if file.generated_by == "coalition-texts"
    }
    nav = events.run_event("nav", get_navigation(files, config), config=config, files=files)
    document, home = files.get_file_from_path("documents/text.md").page, files.get_file_from_path("index.md").page
    for page in (document, home):
        events.run_event("pre_page", page, config=config, files=files)
        page.meta = {"title": "<b>A & B</b>", "description": "x < y"}
        events.run_event("page_markdown", "Text.", page=page, config=config, files=files)
    assert document.parent is next(item for item in nav.items if item.title == "Documents")
    # Document pages get their search entries from the data; other pages are indexed by Material.
    assert document.meta == {"title": "<b>A & B</b>", "description": "x &lt; y", "search": {"exclude": True}}
    assert "search" not in home.meta and plugin.page_terms.page == "index.md"
    html = events.run_event("page_content", "<p>x</p>", page=document, config=config, files=files)
    assert html == "<p>x</p>" and document.meta["title"] == "&lt;b&gt;A &amp; B&lt;/b&gt;"

    (Path(config.site_dir) / "index.html").parent.mkdir(parents=True)
    (Path(config.site_dir) / "index.html").write_text("built")
    events.run_event("post_build", config=config)
    # Committed: the registry written, the staged site made site/; the build's date and logging let go.
    assert set(json.loads((project / "sources" / "anchors.json").read_text())["documents"]) == {"text"}
    assert (project / "site" / "index.html").read_text() == "built"
    assert build_date.VARIABLE not in os.environ and mkdocs_handlers() == handlers


def test_strict_with_a_warning_commits_nothing_and_the_error_rolls_the_pages_back(project):
    before = generated(project)
    config = config_of(project, strict=True)
    _, events = alone(config)
    events.run_event("startup", command="build", dirty=False)
    config = events.run_event("config", config)
    events.run_event("pre_build", config=config)
    assert generated(project) != before
    logging.getLogger("mkdocs.structure.pages").warning("a link to a missing page")
    events.run_event("post_build", config=config)
    assert not (project / "sources" / "anchors.json").exists() and not (project / "site").exists()
    events.run_event("build_error", error=Abort("Aborted with 1 warnings in strict mode!"))
    assert generated(project) == before and not (project / "sources" / "anchors.json").exists()
    assert build_date.VARIABLE not in os.environ


def test_bad_input_stops_the_build_with_one_message_and_changes_nothing(project):
    before = generated(project)
    catalog = (project / "sources" / "catalog.yml").read_text().replace("kind: statement", "kind: speech")
    (project / "sources" / "catalog.yml").write_text(catalog)
    config = config_of(project)
    _, events = alone(config)
    with pytest.raises(PluginError) as caught:
        events.run_event("config", config)
    assert str(caught.value).startswith("Bad input: sources/catalog.yml, line 7 (document text, field 'kind'): ")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__  # no traceback of ours
    assert build_date.VARIABLE not in os.environ

    # Bad data read before the conversion (the search variants): nothing is written to docs/.
    write_sources(project, {"search-variants.yml": "variants:\n  - terms: [Daesh]\n"})
    config = config_of(project)
    _, events = alone(config)
    config = events.run_event("config", config)
    with pytest.raises(PluginError, match=r"^Bad input: sources/search-variants\.yml, line 2 "):
        events.run_event("pre_build", config=config)
    events.run_event("build_error", error=caught.value)
    assert generated(project) == before and build_date.VARIABLE not in os.environ


@pytest.mark.parametrize(("command", "dirty"), [("serve", False), ("build", True)])
def test_serve_and_dirty_builds_write_the_site_where_they_are_told(project, command, dirty):
    config = config_of(project)
    site_dir = config.site_dir
    _, events = alone(config)
    events.run_event("startup", command=command, dirty=dirty)
    assert events.run_event("config", config).site_dir == site_dir
    events.run_event("build_error", error=Abort("stopped"))


def test_serve_watches_the_sources(project):
    config = config_of(project)
    _, events = alone(config)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(project / "site"))
    try:
        events.run_event("serve", server, config=config, builder=lambda: None)
        assert str(project / "sources") in server._watched_paths
    finally:
        server.server_close()


def test_the_feed_channel_gets_the_site_icon_as_its_image(project):
    config = config_of(project, site_url="https://example.org/texts/")
    rss = config.plugins["rss"]
    assert not rss.config.image
    plugin = config.plugins["coalition-texts"]
    plugin.on_config(config)
    assert rss.config.image == "https://example.org/texts/" + (
        config.theme.get("favicon") or "assets/images/favicon.png"
    )
    plugin.on_build_error(error=Abort("stopped"))
