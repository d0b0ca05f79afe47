"""Addresses from `sources/` (a document's `url`, a public source's `url`, links in notes): parsed and rebuilt.

An address is never trusted as written: it is split with `urllib.parse`, refused unless it is an
absolute http(s) address with a host name, and rebuilt from its parts with every character that has
a meaning in HTML, Markdown or JavaScript percent-encoded. What comes out can be written into an
`href` (escaped for the attribute, as every value is) or a Markdown `<...>` link and only ever
names that host; it can open no element and end no attribute.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

# A host name once turned into ASCII (IDNA): labels of letters, digits and hyphens; or an IPv4 address.
_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
# What may stay as written in a path, query or fragment (RFC 3986's unreserved and sub-delimiters, less
# the quote and parentheses that end Markdown links and attributes, plus "%" for existing escapes).
_SAFE = "/:@!$&*+,;=%-._~"


def rebuild(value: str) -> str | None:
    """The address rebuilt from its parts, or None if it is not an absolute http(s) address with a host."""
    if any(character.isspace() or ord(character) < 0x20 or ord(character) == 0x7F for character in value):
        return None
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError for a port that is not a number in range
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or parts.username or parts.password:
        return None
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if not _HOST.match(host):
        return None
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=_SAFE) or "/",
            quote(parts.query, safe=_SAFE + "?"),
            quote(parts.fragment, safe=_SAFE + "?"),
        )
    )
