"""plugin/safe_links.py: a link or image whose address could run script becomes text (hypothesis: any
spelling of a scheme browsers would follow)."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.plugin.safe_links import SafeLinks, allowed

# What browsers ignore in a scheme: tabs and line breaks anywhere, control characters and spaces before it.
NOISE = st.sampled_from(["", "\t", "\n", "\r"])


def rendered(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=[SafeLinks()]), "html.parser")


@st.composite
def script_schemes(draw) -> str:
    """`javascript:` as a browser still reads it: any letter case, tabs and line breaks between the
    letters, control characters and spaces before it."""
    letters = [draw(st.sampled_from([letter, letter.upper()])) + draw(NOISE) for letter in "javascript"]
    return draw(st.sampled_from(["", "\x00", " ", "\x00 ", "\x01\x1f "])) + "".join(letters) + ":alert(1)"


@given(script_schemes())
def test_a_script_address_is_refused_however_it_is_written(address):
    assert not allowed(address)
    # In Markdown, what is left a link is no script to a browser (which drops tabs and line breaks and
    # what comes before the scheme; Python-Markdown turns tabs into spaces, which end a scheme).
    for link in rendered(f"[x](<{address}>)").find_all("a", href=True):
        as_read = "".join(c for c in link["href"] if c not in "\t\n\r").lstrip("".join(map(chr, range(33))))
        assert not as_read.lower().startswith("javascript:"), link


def test_web_mail_and_relative_addresses_stay_links():
    for address in ["https://example.org/", "http://a.b/c?d#e", "mailto:a@example.org", "../documents/a/#p1", "#p2"]:
        assert allowed(address), address
    for address in ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "JaVaScRiPt:x", "\x00 javascript:x"]:
        assert not allowed(address), address


def test_refused_links_and_images_become_their_text():
    page = rendered("[a link](javascript:alert(1)) ![an image](data:image/png,x) [fine](https://example.org/)")
    assert [a["href"] for a in page.find_all("a")] == ["https://example.org/"]
    assert page.find("img") is None
    assert [span.get_text() for span in page.find_all("span")] == ["a link", "an image"]
