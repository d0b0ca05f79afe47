"""Citation forms (analysis/citation.py) read back by real parsers; the pages: site/test_citation_pages.py."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import bibtexparser
import citeproc
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_texts.analysis import citation
from coalition_texts.model.dates import PartialDate
from tests.base import catalog

SITE = "https://example.org/coalition/"


def harvard_style() -> Path:
    """The Harvard style bundled with citeproc-py."""
    return next(Path(citeproc.__file__).parent.glob("data/styles/harvard*.csl"))


def url_of(doc) -> str:
    return f"{SITE}documents/{doc.id}/"


def bibtex_fields(text: str) -> dict[str, str]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    (entry,) = library.entries
    return {"ENTRYTYPE": entry.entry_type, "ID": entry.key, **{f.key: f.value for f in entry.fields}}


def test_plain_text_names_title_publisher_date_paragraph_and_address():
    doc = next(d for d in catalog().documents if d.id == "canada-joint-statement-2022")
    assert citation.plain_text(doc, url_of(doc) + "#p9", 9) == (
        "“Joint Statement by Ministers of the Global Coalition against Daesh.” Global Affairs Canada, "
        f"12 May 2022, ¶ 9. {url_of(doc)}#p9"
    )
    # What the site supplied is in square brackets; an unknown date is "n.d."
    supplied = next(d for d in catalog().documents if d.id == "morocco-mfa-announcement-2022")
    assert citation.plain_text(supplied, url_of(supplied)).startswith(f"[{supplied.title}]. [{supplied.publisher}], [")
    undated = next(d for d in catalog().documents if d.published is None)
    assert citation.plain_text(undated, "u", 2) == f"{citation.plain_text_head(undated)}, ¶ 2. u"
    assert citation.plain_text(undated, "u").endswith(", n.d. u")


def test_bibtex_ris_and_csl_json_read_back(doc):
    url = url_of(doc)
    fields = bibtex_fields(citation.bibtex(doc, url))
    assert fields["ID"] == doc.id and fields["ENTRYTYPE"] == "misc"
    assert fields["url"] == url
    assert fields["title"].strip("{}") == doc.title
    assert fields.get("year") == (str(doc.published.year) if doc.published else None)

    (record,) = rispy.loads(citation.ris(doc, url))
    assert record["title"] == doc.title and record["urls"] == [url] and record["publisher"] == doc.publisher
    assert record["type_of_reference"] == doc.kind_info.ris_type

    items = json.loads(citation.csl_json_text(doc, url))
    assert items == [citation.csl_json(doc, url)]
    # A CSL processor formats the item with a bundled style: title and address appear.
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(str(harvard_style()), validate=False), source, formatter.plain
    )
    bibliography.register(Citation([CitationItem(doc.id)]))
    rendered = str(bibliography.bibliography()[0])
    assert doc.title.split(":")[-1].strip()[:30] in rendered and url in rendered


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip),
    publisher=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip),
)
def test_any_title_and_publisher_survive_every_form(title, publisher):
    doc = replace(catalog().documents[0], title=title, publisher=publisher, published=PartialDate(2022, 5))
    one_line = " ".join(title.split())
    fields = bibtex_fields(citation.bibtex(doc, SITE))
    # The title field holds the title with TeX's special characters escaped, nothing lost or added.
    unescaped = re.sub(r"\\textbackslash\{\}", "\\\\", fields["title"][1:-1])
    unescaped = unescaped.replace(r"\textasciitilde{}", "~").replace(r"\textasciicircum{}", "^")
    assert re.sub(r"\\([{}&%$#_])", r"\1", unescaped) == one_line
    (record,) = rispy.loads(citation.ris(doc, SITE))
    assert record["title"] == one_line.strip()
    assert json.loads(citation.csl_json_text(doc, SITE))[0]["title"] == one_line
    assert "\n" not in citation.plain_text(doc, SITE, 1)
