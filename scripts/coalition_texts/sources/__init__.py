"""One reader per input of `sources/`: each checks its file and returns records, never Markdown."""
