"""The "supplied" mark: how any page says that a value (a title, a publisher, a date, an address, an
event's dates) is the site's, not the text's own. One writer, so that the mark is the same in a document's
byline, the document lists and the event pages (its look: docs/stylesheets/site.css, `.supplied`)."""

from __future__ import annotations

from coalition_texts.pages.markdown import html_text


def supplied_mark(label: str, explanation: str = "") -> str:
    """A quiet textual mark ("supplied", "(supplied)"): not a label like the kind badge, a note on the words
    before it. Its `explanation` follows for screen readers (visually hidden); the details after the text
    ("About this document") give it to every reader."""
    hidden = f'<span class="visually-hidden">: {html_text(explanation)}</span>' if explanation else ""
    return f'<span class="supplied">{html_text(label)}{hidden}</span>'
