"""MkDocs hooks: run the conversion before every build, so one command builds everything.

`mkdocs serve` also watches `sources/`, so editing a text or the catalog rebuilds the site. Bad
input aborts the build with the conversion's one-line message (no traceback). The build is one
transaction (build_transaction.py): the pages are staged before rendering, the site is written
into a staging folder, and both are committed with the anchor registry only at the very end, after
every step that can fail (including `--strict`); any error puts back the last good pages.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

import build_transaction
import open_data
import passage_pages
import search_index
import structured_data
import template_values
from build_pages import ROOT, build, transaction
from errors import SourceError, relative_message
from glossary import FocusableAbbreviations
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler
from safe_links import SafeLinks
from site_paths import document_id

log = logging.getLogger("mkdocs.hooks.sources")


# This build's command, its transaction and its warning counter; shared with build_commit.py (the hook
# that commits the transaction last) through build_transaction.CURRENT.
_run = build_transaction.CURRENT


def on_startup(command, dirty):
    _run.update(command=command, dirty=dirty)


def on_config(config):
    # Snippets are looked up from the working directory by default; pin them to this checkout
    # so that `mkdocs build -f path/to/mkdocs.yml` works from anywhere.
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(Path(config.docs_dir) / "snippets")]
    config.markdown_extensions.append(FocusableAbbreviations())  # glossary terms reachable by keyboard
    config.markdown_extensions.append(SafeLinks())  # no javascript: (or other scheme) link from Markdown
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else ROOT
    # `mkdocs build` writes the site beside site/ and swaps it in at the end; `serve` (a temporary
    # folder) and `--dirty` (which updates site/ in place on purpose) write where they are told.
    staged = _run["command"] == "build" and not _run["dirty"]
    site = Path(config.site_dir).resolve() if staged else None
    _run["transaction"] = transaction(root, site)
    if site is not None:
        config.site_dir = str(_run["transaction"].staged_site)
    return config


def on_pre_build(config):
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else ROOT
    current = _run["transaction"]
    _run["warnings"] = CountHandler()  # --strict aborts after the post-build steps if any warning was logged
    _run["warnings"].setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(_run["warnings"])
    try:
        current.lock(log.info)  # a second build of this folder waits for the first
        # The search variants are read here, with the rest of sources/, so that bad data stops the
        # build before anything is written rather than after the site is.
        variants = search_index.load_variants(root / "sources")
        result = build(root, site_url=config.site_url, within=current)
    except SourceError as error:
        raise PluginError(f"Bad input: {relative_message(error, root)}") from None
    by_id = {item.doc.id: item for item in result.documents}
    _run["registry"] = result.registry  # written when build_commit.py commits
    # For the open data, the page head metadata and the search index below.
    _last_build.update(root=root, result=result, by_id=by_id, variants=variants)
    # The conversion's results live until the build ends: the garbage collector need not go through
    # them again at every full collection while MkDocs renders (about 0.4 s at 1,000 documents).
    gc.freeze()
    for change in result.anchor_changes:
        log.info("paragraph anchor: %s", change)
    if result.anchor_changes:
        log.info("sources/anchors.json was extended; commit it with the source change.")


_last_build: dict = {}


def on_files(files, config):
    result = _last_build["result"]
    return open_data.add_to_site(files, config, _last_build["root"], result.documents, result.catalog)


# Before every plugin: the RSS plugin copies the description as the feed item's HTML, the tags plugin the tags.
@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    template_values.escape_description(page.meta)
    template_values.escape_tags(page.meta)
    # Document pages get their search entries from the data (search_index.py), so Material's search
    # plugin is told to skip them rather than parse their HTML into sections that would be replaced.
    if document_id(page.file.src_uri) in _last_build["by_id"]:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


@event_priority(-100)  # after every plugin has read the title as text (the RSS plugin's feed item title)
def on_page_content(html, page, config, files):
    # Every page's content is rendered before any template: the navigation shows other pages' titles
    # escaped too.
    template_values.escape_title(page.meta)
    # MkDocs leaves links in raw HTML alone: the shared-passage notes name .md files, made addresses here.
    return passage_pages.resolve_note_links(html, page, files)


def on_page_context(context, page, config, nav):
    result = _last_build["result"]
    # Handed to the template in its context, not in page.meta: plugins that keep or copy every page's
    # meta (the RSS plugin holds it for each feed item, and its compact output deep-copies it) need not
    # carry it.
    context["machine"] = structured_data.head_metadata(page, config, result.catalog, _last_build["by_id"])
    return context


@event_priority(-50)  # after Material's search plugin writes the index (0), before offline copies it (-100)
def on_post_build(config):
    result = _last_build["result"]
    search_index.write_search_index(
        Path(config.site_dir), _last_build["variants"], result.documents, result.catalog, config.use_directory_urls
    )
    gc.unfreeze()  # so that `mkdocs serve` frees one build's results at the next


def on_build_error(error):
    gc.unfreeze()
    _run["transaction"].rollback()  # the last good pages come back; the registry and site/ were not touched
    _finish()


def _finish() -> None:
    build_transaction.finish()


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).resolve().parent / "sources"))
    return server
