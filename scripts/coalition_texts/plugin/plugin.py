"""The MkDocs plugin: run the conversion before every build, so one command builds everything.

`mkdocs serve` also watches `sources/`, so editing a text or the catalog rebuilds the site. Bad
input aborts the build with the conversion's one-line message (no traceback). The build is one
transaction (transaction.py): the pages are staged before rendering, `mkdocs build` writes the site
into a staging folder, and both are committed with the anchor registry only at the very end, after
every step that can fail (including `--strict`); any error puts back the last good pages. The
project folder is the one holding `mkdocs.yml` (`config.config_file_path`), wherever this package is
installed.

Registered as `coalition-texts` (pyproject.toml, entry point `mkdocs.plugins`) and named last in
`plugins:` of mkdocs.yml, so that at equal priority its events run after those of the plugins
listed before it, as the `hooks:` it replaces did.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from mkdocs.utils.templates import TemplateContext

from coalition_texts.build import BuildResult, build, transaction
from coalition_texts.model.errors import SourceError, relative_message
from coalition_texts.model.records import Catalog
from coalition_texts.model.urls import SNIPPETS, SOURCES, document_id
from coalition_texts.plugin import build_date, template_values
from coalition_texts.plugin.abbreviations import PageTerms
from coalition_texts.plugin.breadcrumbs import Breadcrumbs
from coalition_texts.plugin.note_links import resolve_note_links
from coalition_texts.plugin.safe_links import SafeLinks
from coalition_texts.postbuild import head_metadata, open_data, search_index
from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.search_variants import VariantGroup, load_variants
from coalition_texts.transaction import Transaction

log = logging.getLogger("mkdocs.plugins.coalition_texts")


class CoalitionTextsConfig(base.Config):
    """The plugin takes no options: everything it needs is in `sources/` beside mkdocs.yml.

    A config class all the same, so that a misspelt option under `- coalition-texts:` is reported
    by MkDocs rather than ignored.
    """


class _Build:
    """What one conversion hands to the later events of the same MkDocs build."""

    def __init__(self, root: Path, result: BuildResult, variants: tuple[VariantGroup, ...]):
        self.root = root
        self.result = result
        self.variants = variants
        self.by_id = {item.doc.id: item for item in result.documents}


class CoalitionTextsPlugin(BasePlugin[CoalitionTextsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.breadcrumbs = Breadcrumbs()
        # One instance: each page's Markdown uses it; the conversion gives it the glossary's evidence.
        self.page_terms = PageTerms()
        self._build: _Build | None = None
        self._catalog: Catalog | None = None  # read in on_config, converted in on_pre_build
        self._epoch_before: tuple[str | None] | None = None  # SOURCE_DATE_EPOCH before pinning, if pinned
        self.command, self.dirty = "build", False
        self.transaction: Transaction | None = None
        self.warnings: CountHandler | None = None  # --strict aborts after the post-build steps on any warning

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    @property
    def current(self) -> _Build:
        if self._build is None:  # pragma: no cover - MkDocs always runs on_pre_build first
            raise PluginError("coalition-texts: the conversion has not run in this build.")
        return self._build

    @staticmethod
    def root(config: MkDocsConfig) -> Path:
        """The project folder: the one holding mkdocs.yml, never where this package is installed."""
        if not config.config_file_path:
            raise PluginError("coalition-texts: the project folder is the one of mkdocs.yml; none was given.")
        return Path(config.config_file_path).resolve().parent

    @event_priority(100)  # before mkdocs-rss-plugin's on_config, which dates the feeds' channel
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.root(config)
        try:
            self._catalog = load_catalog(root / SOURCES)
        except SourceError as error:
            raise PluginError(f"Bad input: {relative_message(error, root)}") from None
        # Dates come from the data, never the clock (build_date.py): the feeds' channel dates, the
        # sitemap's <lastmod> and sitemap.xml.gz. Released when the build ends.
        self._epoch_before = (build_date.pin(self._catalog),)
        rss = config.plugins.get("rss")
        if rss is not None and not rss.config.image and config.site_url:
            # The plugin writes `<image><url>None</url>` without an image: the channel's image is the
            # site's favicon (the theme's, an absolute address as RSS requires).
            favicon = config.theme.get("favicon") or "assets/images/favicon.png"
            rss.config.image = config.site_url.rstrip("/") + "/" + favicon.lstrip("/")
        # The iframe-worker shim (extra.polyfills) lets search run from file://, in the offline build only;
        # served over http(s) it does nothing, yet as a script in the head it holds up the first paint.
        offline = config.plugins.get("material/offline") or config.plugins.get("offline")
        if offline is None or not offline.config.enabled:
            polyfills = config.extra.get("polyfills") or []
            config.extra["polyfills"] = [script for script in polyfills if "iframe-worker" not in str(script)]
        # Snippets are looked up from the working directory by default; pin them to this checkout
        # so that `mkdocs build -f path/to/mkdocs.yml` works from anywhere.
        snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
        snippets["base_path"] = [str(Path(config.docs_dir) / SNIPPETS)]
        # An Extension instance is accepted where a name is (Python-Markdown's own rule; MkDocs types it as str).
        # Glossary terms: marked once per page, listed after the text with their explanations.
        config.markdown_extensions.append(self.page_terms)  # type: ignore[arg-type]
        config.markdown_extensions.append(SafeLinks())  # type: ignore[arg-type]  # no javascript: links
        # `mkdocs build` writes the site beside site/ and swaps it in at the end; `serve` (a temporary
        # folder) and `--dirty` (which updates site/ in place on purpose) write where they are told.
        site = Path(config.site_dir).resolve() if self.command == "build" and not self.dirty else None
        self.transaction = transaction(self.root(config), site)
        if site is not None and self.transaction.staged_site is not None:
            config.site_dir = str(self.transaction.staged_site)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        root = self.root(config)
        current = self.transaction or transaction(root)
        self.transaction = current
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        try:
            current.lock(log.info)  # a second build of this folder waits for the first
            # The search variants are read here, with the rest of sources/, so that bad data stops the
            # build before anything is written rather than after the site is.
            variants = load_variants(root / SOURCES)
            # The registry dates a removed paragraph by the day of the build, not by the data (build_date.py).
            with build_date.unpinned(self._epoch_before[0] if self._epoch_before else None):
                result = build(root, site_url=config.site_url, catalog=self._catalog, within=current)
            self._catalog = None
        except SourceError as error:
            raise PluginError(f"Bad input: {relative_message(error, root)}") from None
        # For the open data, the page head metadata and the search index below.
        self._build = _Build(root, result, variants)
        self.page_terms.use(result.term_evidence)
        # The conversion's results live until the build ends: the garbage collector need not go through
        # them again at every full collection while MkDocs renders (about 0.4 s at 1,000 documents).
        gc.freeze()
        for change in result.anchor_changes:
            log.info("paragraph anchor: %s", change)
        if result.anchor_changes:
            log.info("sources/anchors.json was extended; commit it with the source change.")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        current = self.current
        return open_data.add_to_site(files, config, current.root, current.result.documents, current.result.catalog)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.breadcrumbs.collect(nav)
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.breadcrumbs.place(page)
        return page

    # Before every plugin: the RSS plugin copies the description as the feed item's HTML, the tags plugin
    # the tag names; Material prints both as HTML (template_values.py).
    @event_priority(100)
    def _escape_for_templates(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        template_values.escape_description(page.meta)
        template_values.escape_tags(page.meta)
        return markdown

    def _exclude_from_search(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.page_terms.page = page.file.src_uri  # the page its list of terms is rendered for (evidence links)
        # Document pages get their search entries from the data (search_index.py), so Material's search
        # plugin is told to skip them rather than parse their HTML into sections that would be replaced.
        if document_id(page.file.src_uri) in self.current.by_id:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    on_page_markdown = CombinedEvent(_escape_for_templates, _exclude_from_search)

    def _note_links(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs leaves links in raw HTML alone: the shared-passage notes name .md files, made addresses here.
        return resolve_note_links(html, page, files)

    # After every plugin has read the title as text (the RSS plugin's feed item title), before any template
    # is rendered (every page's content is rendered first: the navigation shows other pages' titles too).
    @event_priority(-100)
    def _escape_title(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        template_values.escape_title(page.meta)
        return html

    on_page_content = CombinedEvent(_note_links, _escape_title)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        current = self.current
        self.breadcrumbs.list_while_rendered(page)  # the page and its sections in the menu
        # Handed to the template in its context, not in page.meta: plugins that keep or copy every page's
        # meta (the RSS plugin holds it for each feed item, and its compact output deep-copies it) need not
        # carry it.
        context["machine"] = head_metadata.head_metadata(  # type: ignore[typeddict-unknown-key]  # for overrides/main.html
            page, config, current.result.catalog, current.by_id
        )
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.breadcrumbs.unlist()
        return output

    @event_priority(-50)  # after Material's search plugin writes the index (0), before offline copies it (-100)
    def _rewrite_search_index(self, *, config: MkDocsConfig) -> None:
        current = self.current
        search_index.write_search_index(
            Path(config.site_dir),
            current.variants,
            current.result.documents,
            current.result.catalog,
            config.use_directory_urls,
        )
        gc.unfreeze()  # so that `mkdocs serve` frees one build's results at the next
        self._release_build_date()

    @event_priority(-1000)  # the very last step: after the feeds, the search index and the offline copy
    def _commit(self, *, config: MkDocsConfig) -> None:
        if config.strict and self.warnings is not None and self.warnings.get_counts():
            return  # MkDocs aborts next (--strict); on_build_error rolls the pages back
        if self.transaction is not None and self._build is not None:
            try:
                self.transaction.commit(self._build.result.registry.write)
            except SourceError as error:  # the registry could not be written: the transaction rolled back
                raise PluginError(f"Bad input: {relative_message(error, self._build.root)}") from None
        self._finish()

    on_post_build = CombinedEvent(_rewrite_search_index, _commit)

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self._release_build_date()
        if self.transaction is not None:
            self.transaction.rollback()  # the last good pages come back; the registry and site/ were not touched
        self._finish()

    def _finish(self) -> None:
        if self.transaction is not None:
            self.transaction.release()
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            self.warnings = None

    def _release_build_date(self) -> None:
        if self._epoch_before is not None:
            build_date.release(self._epoch_before[0])
            self._epoch_before = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.root(config) / SOURCES))
        return server
