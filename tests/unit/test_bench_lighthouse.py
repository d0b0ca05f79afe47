"""coalition_bench.lighthouse: its section of the results file is replaced, never the rest; the page types
it audits are found in the built site (every page of the main navigation, the largest of each collection)."""

from __future__ import annotations

from coalition_bench.lighthouse import SECTION, kept_section, page_types, replace_section

REPORT = "# Build benchmark\n\nA table.\n\n## Lighthouse (three pages)\n\nOld scores.\n"


def test_the_section_is_added_then_replaced_and_nothing_else_changes(tmp_path):
    first = replace_section(REPORT, f"{SECTION}\n\nRun one.\n")
    assert first.startswith(REPORT) and first.endswith(f"{SECTION}\n\nRun one.\n")
    second = replace_section(first, f"{SECTION}\n\nRun two.\n")
    assert second.count(SECTION) == 1 and "Run one" not in second and second.startswith(REPORT)
    # A section that is not the last keeps what follows it.
    middle = replace_section(f"{SECTION}\n\nOld.\n\n## After\n\nKept.\n", f"{SECTION}\n\nNew.\n")
    assert middle == f"{SECTION}\n\nNew.\n\n## After\n\nKept.\n"
    path = tmp_path / "results.md"
    path.write_text(second, encoding="utf-8")
    assert kept_section(path) == f"{SECTION}\n\nRun two.\n"
    assert kept_section(tmp_path / "missing.md") == ""


def test_page_types_are_found_in_the_built_site(tmp_path):
    def page(path: str, body: str = "") -> None:
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")

    nav = (
        '<nav class="md-nav md-nav--primary"><a class="md-nav__link" href="./">Home</a>'
        '<nav class="md-nav"><a class="md-nav__link" href="docs/">Docs</a>'
        '<a class="md-nav__link" href="reference/glossary/">Glossary</a></nav></nav>'
        '<a href="docs/b/">not in the navigation</a>'
    )
    page("index.html", nav)
    page("404.html")
    page("docs/index.html")
    page("docs/a/index.html", "short")
    page("docs/b/index.html", "a longer page " * 10)
    page("reference/glossary/index.html")
    assert page_types(tmp_path) == {
        "home": "",
        "search results": "?q=Marrakesh",
        "docs": "docs/",
        "reference/glossary": "reference/glossary/",
        "docs/* (largest)": "docs/b/",
        "404": "404.html",
    }
