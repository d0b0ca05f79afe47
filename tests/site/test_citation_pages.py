"""Every document page offers the citation forms of analysis/citation.py, with the page's address."""

from __future__ import annotations

import os

from bs4 import BeautifulSoup

from coalition_texts.analysis import citation
from tests.base import catalog


def test_every_document_page_offers_the_forms_with_the_site_address(built_site):
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    for doc in catalog().documents:
        html = (built_site / "documents" / doc.id / "index.html").read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        heading = page.find(id="cite-this-document")
        assert heading is not None and heading.has_attr("data-search-exclude")
        labels = [label.get_text() for label in heading.find_next("div", class_="tabbed-labels").find_all("label")]
        assert labels == list(citation.FORMS)
        blocks = [block.get_text() for block in heading.find_next("div", class_="tabbed-content").select("pre code")]
        url = f"{site_url.rstrip('/')}/documents/{doc.id}/"
        assert [b.rstrip() for b in blocks] == [f.rstrip() for f in citation.forms(doc, url).values()]
        assert all(block.find_parent(class_="copy") for block in heading.find_next("div").select("pre code"))
        assert page.select_one(".doc-text")["data-cite"] == citation.plain_text_head(doc)
