"""One writer per generated folder of `docs/`, and the escaping of values into Markdown and HTML."""
