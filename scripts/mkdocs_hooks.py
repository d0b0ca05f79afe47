"""MkDocs hooks: run the conversion before every build, so one command builds everything.

`mkdocs serve` also watches `sources/`, so editing a text or the catalog rebuilds the site. Bad
input aborts the build with the conversion's one-line message (no traceback); the pages written
by the last good build stay in place.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

import open_data
import passage_pages
import search_index
import structured_data
from build_pages import ROOT, build
from errors import SourceError, relative_message
from glossary import PageTerms
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from site_paths import document_id

log = logging.getLogger("mkdocs.hooks.sources")
_page_terms = PageTerms()  # one instance: each page's Markdown uses it; the build gives it the glossary


def on_config(config):
    # Snippets are looked up from the working directory by default; pin them to this checkout
    # so that `mkdocs build -f path/to/mkdocs.yml` works from anywhere.
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(Path(config.docs_dir) / "snippets")]
    config.markdown_extensions.append(_page_terms)  # glossary terms: marked once, listed after the text
    return config


def on_pre_build(config):
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else ROOT
    try:
        # The search variants are read here, with the rest of sources/, so that bad data stops the
        # build before anything is written rather than after the site is.
        variants = search_index.load_variants(root / "sources")
        result = build(root, site_url=config.site_url)
    except SourceError as error:
        raise PluginError(f"Bad input: {relative_message(error, root)}") from None
    by_id = {item.doc.id: item for item in result.documents}
    if result.glossary is not None:
        _page_terms.use(result.glossary)
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


def on_page_markdown(markdown, page, config, files):
    _page_terms.page = page.file.src_uri  # the page the list of terms is rendered for (its evidence links)
    # Document pages get their search entries from the data (search_index.py), so Material's search
    # plugin is told to skip them rather than parse their HTML into sections that would be replaced.
    if document_id(page.file.src_uri) in _last_build["by_id"]:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_page_content(html, page, config, files):
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


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).resolve().parent / "sources"))
    return server
