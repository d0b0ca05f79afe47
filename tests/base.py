"""Helpers the tests share (as MkDocs' tests/base.py): the checkout, scratch copies and builds, sources read once.

Builds, scratch copies, the static-file server and Chromium's arguments come from the harness the
benchmarks use too (coalition_bench/harness.py); this module binds them to this checkout. Nothing
here runs at import time: the catalog and the conversion are read on first use and kept.
"""

from __future__ import annotations

import calendar
import functools
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import Navigation, get_navigation

from coalition_bench import harness
from coalition_bench.harness import CHROMIUM, CHROMIUM_ARGS, build_environment, mkdocs_build, serve
from coalition_texts.analysis.evidence import Evidence
from coalition_texts.build import render
from coalition_texts.model.dates import PartialDate
from coalition_texts.model.errors import SourceError
from coalition_texts.model.records import Catalog, Document, RenderedDocument
from coalition_texts.pages.evidence_links import Links
from coalition_texts.sources.anchors import Registry
from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.editorial import load_evidence_sources
from coalition_texts.sources.search_variants import VariantGroup, load_variants
from coalition_texts.sources.texts import read_source

ROOT = Path(__file__).parents[1]  # __file__ is absolute: nothing to resolve
SOURCES = ROOT / "sources"

# Markdown, HTML and template syntax a value from `sources/` may hold, mixed into generated text and
# values by the escaping and hostile-value property tests.
SYNTAX = [
    "*", "_", "#", "-", ">", "1.", "`", "|", "<script>alert(1)</script>", "[x](y)", "&amp;", "&lt;",
    "{: #x }", "<!--", "-->", "![i](j)", "**b**", "~~", "==", "^^", ":smile:", "\\", "[^1]", "*[HTML]: x",
    "    ", "\t", "\n", "\n\n", "\r\n", "<div markdown>", "</p>", "&#x41;", "---", "===", "!!! note", "???",
    "--8<-- \"x.md\"", "<http://a.b>", "\u00a0", "\u2028", "\ufeff", "$$", "{{ x }}", "{% x %}",
]  # fmt: skip

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "SOURCES", "mkdocs_build", "serve"]


# The smallest valid sources/ folder (one kind, one event, one document and its text), as MkDocs'
# tests/base.py `load_config` starts from the defaults: a unit test overrides only the file it is about.
MINIMAL_SOURCES: dict[str, str] = {
    "kinds.yml": """kinds:
  - id: statement
    label: Statement
    description: A statement.
    origin: first-hand
    csl_type: document
    ris_type: GOVDOC
    schema_type: Article
    author_is_publisher: true
""",
    "events.yml": """events:
  - id: meeting
    name: The meeting
    start: 2022-05-11
    description: A meeting.
""",
    "catalog.yml": """documents:
  - id: text
    file: text.txt
    title: A text
    publisher: A publisher
    published: 2022-05-12
    kind: statement
    events: [meeting]
    language: en
""",
    "text.txt": "First paragraph,\non two lines.\n\nSecond paragraph.\n",
    # What the rest of the conversion reads: empty lists, and the event's page text citing the text.
    "glossary.yml": "terms: []\n",
    "index-entries.yml": "entries: []\n",
    "topics.yml": "topics: []\n",
    "editorial/sources.yml": "public_sources: []\n",
    "editorial/timeline.yml": """entries:
  - date: 2022-05-11
    text: The meeting is held.
    evidence: [text#p1]
description: The meeting, dated.
summary: The meeting.
""",
    "editorial/differences.yml": """topics:
  - id: dates
    title: The dates
    text: The texts agree [[text#p2]].
description: What the texts state about the dates.
summary: The dates.
""",
    "editorial/events/meeting.md": "The meeting was held [[text#p1]].\n",
}


def write_sources(folder: Path, changes: Mapping[str, str | bytes | None] | None = None) -> Path:
    """A `sources/` folder in `folder` holding MINIMAL_SOURCES with `changes` made: a file name (relative to
    sources/) maps to its new content, or to None to leave the file out. Returns the folder."""
    sources = folder / "sources"
    wanted = {**MINIMAL_SOURCES, **(changes or {})}
    for name, content in wanted.items():
        if content is None:
            continue
        path = sources / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return sources


def mkdocs_config(folder: Path, pages: Mapping[str, str] | None = None, **options: Any) -> MkDocsConfig:
    """A validated MkDocs configuration of a project in `folder`, made as MkDocs' own tests/base.py
    `load_config` makes one: `site_name`, `docs_dir` (folder/docs), `site_dir` and no plugins unless
    `options` say otherwise, `config_file_path` in `folder`. `pages` (path under docs/ -> Markdown) are
    written first. A configuration MkDocs refuses fails the test."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in (pages or {}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    options = {
        "site_name": "Example",
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "plugins": [],
        **options,
    }
    config = MkDocsConfig(config_file_path=str(folder / "mkdocs.yml"))
    config.load_dict(options)
    errors, _ = config.validate()
    assert not errors, errors
    return config


def site_structure(config: MkDocsConfig) -> tuple[Files, Navigation]:
    """The files and the navigation MkDocs makes of a configuration's docs/ (every page has its Page)."""
    files = get_files(config)
    return files, get_navigation(files, config)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Any real date from 1900 to 2100, known to the year, the month or the day (a hypothesis strategy)."""
    year = draw(st.integers(1900, 2100))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


PARTIAL_DATES = partial_dates()


@functools.cache
def minimal_catalog() -> Catalog:
    """The catalog of MINIMAL_SOURCES (one kind, one event, one document), written to a temporary folder once."""
    return load_catalog(write_sources(Path(tempfile.mkdtemp(prefix="minimal-"))))


def source_error(call: Callable[[], object]) -> str:
    """The message of the SourceError `call` raises (it must raise one), paths relative to the temporary folder."""
    try:
        call()
    except SourceError as error:
        return str(error)
    raise AssertionError(f"{call} raised no SourceError")


def copy_project(target: Path) -> Path:
    """A scratch copy of this checkout (without generated or cached files) to change freely."""
    return harness.copy_project(ROOT, target)


def one_document_build(folder: Path) -> Path:
    """The site of a scratch copy whose sources/ are the minimal ones (one event, one document of one
    paragraph), built into `folder`/site: where the site's words must read in the singular."""
    project = copy_project(folder / "project")
    shutil.rmtree(project / "sources")
    differences = MINIMAL_SOURCES["editorial/differences.yml"].replace("text#p2", "text#p1")
    write_sources(project, {"text.txt": "Alone.\n", "editorial/differences.yml": differences})
    site = folder / "site"
    result = mkdocs_build(project, site, env={"NEW_ANCHOR_REGISTRY": "1"})  # a new collection, on purpose
    assert result.returncode == 0, result.stderr
    return site


def one_build_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single ERROR line of a build that bad input stopped cleanly (exit 1, no traceback)."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    return errors[0]


@functools.cache
def catalog() -> Catalog:
    """The checkout's catalog, read on first use."""
    return load_catalog(SOURCES)


def document(doc_id: str) -> Document:
    """One document of the checkout's catalog, by id."""
    return next(doc for doc in catalog().documents if doc.id == doc_id)


def snapshot(project: Path) -> dict[str, bytes]:
    """Every byte a build may change: the generated pages, the anchor registry and the built site."""
    folders = [project / "docs", project / "sources" / "anchors.json", project / "site"]
    files = [p for f in folders for p in ([f] if f.is_file() else f.rglob("*")) if p.is_file()]
    return {str(p.relative_to(project)): p.read_bytes() for p in files}


@functools.cache
def source_data(name: str) -> Any:
    """A YAML file of the checkout's sources/ as plain data (read on first use), for expectations computed
    independently of the pipeline's readers."""
    return yaml.safe_load((SOURCES / name).read_text(encoding="utf-8"))


@functools.cache
def variant_groups() -> tuple[VariantGroup, ...]:
    """The checkout's search variants (sources/search-variants.yml), read on first use."""
    return load_variants(SOURCES)


@functools.cache
def links() -> Links:
    """The checkout's evidence references, resolved against its documents and made links (built on first use)."""
    return Links(Evidence(rendered(), load_evidence_sources(SOURCES, catalog())))


@functools.cache
def rendered() -> tuple[RenderedDocument, ...]:
    """The checkout's documents with their anchors (the conversion in memory; the registry is not written)."""
    return tuple(render(ROOT, Registry(SOURCES / "anchors.json")).documents)


@functools.cache
def site_markdown() -> markdown.Markdown:
    """A Markdown converter with exactly the extensions mkdocs.yml enables and the plugin's PageTerms
    (made on first use), to render generated Markdown as the site does without a build."""
    from coalition_texts.plugin.abbreviations import PageTerms

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(glossary_snippets())]
    return markdown.Markdown(extensions=[*names, PageTerms()], extension_configs=configs)


def glossary_snippets() -> Path:
    """A folder with the glossary snippet the build appends to every page (so no build is needed first)."""
    pages = render(ROOT, Registry(SOURCES / "anchors.json")).pages
    folder = Path(tempfile.mkdtemp(prefix="snippets-"))
    (folder / "abbreviations.md").write_text(pages["snippets/abbreviations.md"], encoding="utf-8")
    return folder


def run_conversion(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m coalition_texts --root <project> ...` as a person runs it, with the copy's own pipeline."""
    return subprocess.run(
        [sys.executable, "-m", "coalition_texts", "--root", str(project), *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env=build_environment(project),
    )


def index_of(site: Path) -> dict:
    """The built site's search index."""
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def repoint_citations(project: Path, doc_id: str) -> dict[str, str]:
    """Do in a scratch copy what the build asks editors to do when a cited paragraph is removed:
    cite the paragraph its anchor now leads to. Returns {retired anchor: successor}.

    The site's own prose and data cite paragraphs as `<id>#pN` or `<id>.md#pN`; every such citation
    in `sources/` (but the texts and the registry) and in the hand-written pages is re-pointed.
    """
    registry = Registry(project / "sources" / "anchors.json")
    doc = next(d for d in load_catalog(project / "sources").documents if d.id == doc_id)
    source = read_source(project / "sources" / doc.file, doc.strip, doc_id)
    registry.assign(doc_id, [p.text for p in source.paragraphs], "2026-01-01")
    entry = registry.documents[doc_id]
    moved = {r.anchor: entry.successor_of(r.anchor) for r in entry.retired}
    citation = re.compile(rf"({re.escape(doc_id)}(?:\.md)?#)(p[0-9]+)\b")
    texts = {project / "sources" / d.file for d in load_catalog(project / "sources").documents}
    for path in [*(project / "sources").rglob("*"), *(project / "docs").glob("*.md")]:
        if not path.is_file() or path in texts or path.name == "anchors.json":
            continue
        text = path.read_text(encoding="utf-8")
        changed = citation.sub(lambda m: m.group(1) + moved.get(m.group(2), m.group(2)), text)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
    return moved
