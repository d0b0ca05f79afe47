"""Plant one value in every data field of a scratch project, and find what of it became markup.

Shared by the hostile-input tests (tests/site/test_hostile_values.py and, in Chromium,
tests/browser/test_hostile_browser.py, which share one build through the `hostile_site` fixture of
tests/conftest.py): the values an attacker with write access to `sources/` controls are the texts'
metadata, the events, the glossary, the topics, the public sources and the file names; each is set
to the same value so that one build tries them all.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.base import copy_project, mkdocs_build

DOC = "canada-joint-statement-2022"
EVENT = "marrakesh-ministerial-2022"
# Markup, template syntax, Markdown, entities, a request to another host, quotes that end attributes.
HOSTILE = (
    "\"'><img src=x onerror=alert(1)>`<script>alert(2)</script></title><svg/onload=alert(3)>"
    " {{ 7*7 }} {% raw %} *b* [l](javascript:alert(4)) &amp; &lt;i&gt; <img src=http://evil.example/x.png>"
    " ``<b>code</b>`` ]: x ??? |"
)
HOSTILE_URL = "https://example.org/>)<svg/onload=alert(5)>\"'"
HOSTILE_PROSE = (
    "<img src=x onerror=alert(7)> [a link](javascript:alert(8)) <script>alert(9)</script>"
    " [another](<jav\tascript:alert(10)>) <div onclick=alert(11)>x</div>"
)
HOSTILE_FILE = "a`b<img src=x onerror=alert(6)>`.html"


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def plant(project: Path, value: str, *, url: str = HOSTILE_URL, file_name: str = HOSTILE_FILE) -> None:
    """Set `value` in every free-text field a contributor controls (one build tries them all)."""
    sources = project / "sources"
    catalog = yaml.safe_load((sources / "catalog.yml").read_text(encoding="utf-8"))
    doc = next(d for d in catalog["documents"] if d["id"] == DOC)
    (sources / doc["file"]).rename(sources / file_name)
    doc.update(
        file=file_name, original_file=value, title=value, short_name=value, publisher=value, place=value, notes=value,
        date_note=f"{value} {url}", url=url, tags=[*doc["tags"], value],
    )  # fmt: skip
    for other in catalog["documents"]:
        other["published"] = str(other["published"]) if other["published"] is not None else None
    _dump(sources / "catalog.yml", catalog)

    events = yaml.safe_load((sources / "events.yml").read_text(encoding="utf-8"))
    for event in events["events"]:
        for key in ("start", "end"):
            event[key] = str(event[key]) if event.get(key) is not None else None
    event = next(e for e in events["events"] if e["id"] == EVENT)
    event.update(name=value, short_name=value, description=value, place=value, date_note=value)
    _dump(sources / "events.yml", events)

    topics = yaml.safe_load((sources / "topics.yml").read_text(encoding="utf-8"))
    topics["topics"].append({"name": value, "description": value})
    _dump(sources / "topics.yml", topics)

    glossary = yaml.safe_load((sources / "glossary.yml").read_text(encoding="utf-8"))
    for term in glossary["terms"]:
        term.update(expansion=value, explanation=value)
    _dump(sources / "glossary.yml", glossary)

    editorial = yaml.safe_load((sources / "editorial" / "sources.yml").read_text(encoding="utf-8"))
    for source in editorial["public_sources"]:
        source.update(label=value, description=value, url=url)
    _dump(sources / "editorial" / "sources.yml", editorial)

    # The site's own prose is Markdown (emphasis, links), but holds no raw HTML and runs nothing.
    prose = sources / "editorial" / "events" / f"{EVENT}.md"
    prose.write_text(prose.read_text(encoding="utf-8") + f"\n\n{HOSTILE_PROSE}\n", encoding="utf-8")

    entries = yaml.safe_load((sources / "index-entries.yml").read_text(encoding="utf-8"))
    for entry in entries["entries"]:
        if "description" in entry:
            entry["description"] = value
    _dump(sources / "index-entries.yml", entries)


# What markup from a value would become: an element that runs or fetches, an event handler, or a
# javascript: address (template syntax left unevaluated is checked by the tests' literal comparisons).
_RUNS = re.compile(r"alert\(|evil\.example|javascript:")
_SCRIPT_ADDRESS = re.compile(r"^\s*javascript:(?!void\(0\)$)", re.IGNORECASE)  # Material's own: void(0)


def markup_found(html: str) -> list[str]:
    """Elements or attributes in `html` that came from a hostile value rather than from the site."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        if element.name in ("img", "svg", "iframe", "object", "embed") and _RUNS.search(str(element)):
            found.append(str(element)[:120])
        if (
            element.name == "script"
            and _RUNS.search(element.get_text())
            and element.get("type") != "application/ld+json"
        ):
            found.append(str(element)[:120])
        for attribute, content in element.attrs.items():
            text = " ".join(content) if isinstance(content, list) else str(content)
            if attribute.startswith("on") or (attribute in ("href", "src") and _SCRIPT_ADDRESS.search(text)):
                found.append(f"{element.name} {attribute}={text[:80]}")
    return found


def json_ld_values(html: str) -> list:
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


SITE_NAME = "Defeat-Daesh Coalition texts: Marrakesh 2022 and the Africa Focus Group"


def normal(text: str) -> str:
    return " ".join(text.split())


def build_with(value: str, folder: Path) -> Path:
    project = copy_project(folder / "project")
    plant(project, value)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def hostile_build(tmp_path_factory) -> Path:
    """The site built with HOSTILE in every field (also driven in Chromium: tests/browser/test_hostile_browser.py)."""
    return build_with(HOSTILE, tmp_path_factory.mktemp("hostile"))
