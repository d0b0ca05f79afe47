"""One writer per generated folder of `docs/`, and what several of them share: the lists of documents and
events (listings.py), the escaping of values into Markdown and HTML (markdown.py), marks, badges and wording."""
