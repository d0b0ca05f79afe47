"""Addresses from the data are parsed and rebuilt (web_address.py); Markdown links keep web schemes only
(safe_links.py). In-process and quick: any string in, an address that can break out of nothing out."""

from __future__ import annotations

from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_texts.model.web_address import rebuild
from coalition_texts.plugin.safe_links import allowed

PIECES = ["https://", "http://", "javascript:", "example.org", "/", "?", "#", "<", ">", '"', "'", "`", "(", ")",
          " ", "\t", "@", ":", "%", "[", "]", "\\", "&", "ü", "xn--", "..", "data:"]  # fmt: skip
ADDRESS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=12).map("".join)


@settings(max_examples=250)
@given(ADDRESS)
def test_a_rebuilt_address_is_http_names_its_host_and_holds_no_markup(value):
    address = rebuild(value)
    if address is None:
        return
    parts = urlsplit(address)
    assert parts.scheme in ("http", "https") and parts.hostname
    assert parts.hostname == urlsplit(value.strip()).hostname.encode("idna").decode("ascii").lower()
    assert not set(address) & set("<>\"'`()[]\\ \t\n{}|^")
    assert rebuild(address) == address  # rebuilding is stable


def test_real_addresses_are_kept_as_written():
    for address in [
        "https://www.canada.ca/en/global-affairs/news/2022/05/joint-statement.html",
        "https://apanews.net/en/news/anti-daesh-global-coalition-to-meet-in-marrakech",
        "https://example.org/search?q=a&b=c#part-2",
        "http://example.org:8080/a%20b",
    ]:
        assert rebuild(address) == address


def test_what_is_refused():
    refused = ["javascript:alert(1)", "data:text/html,x", "//example.org/", "https:///x", "https://a b/",
               "https://user:pw@example.org/", "http://[::1", "https://ex<ample.org/", "ftp://x.org/"]  # fmt: skip
    for value in refused:
        assert rebuild(value) is None, value


def test_links_keep_web_schemes_and_relative_addresses_only():
    for address in ["https://example.org/", "http://x.y/", "mailto:a@b.c", "../documents/x/", "#p3", "page.md"]:
        assert allowed(address), address
    for address in ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:x",
                    "\x00javascript:x", "data:text/html,x", "vbscript:x"]:  # fmt: skip
        assert not allowed(address), address
