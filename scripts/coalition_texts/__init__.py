"""The Coalition texts pipeline: `sources/` in, the generated pages of `docs/` out, and the MkDocs plugin.

Layers, each importing only those listed before it (checked by import-linter, see pyproject.toml):
`model` (records, dates, errors, site addresses), `sources` (one reader per input), `analysis`
(pure computations on the records), `pages` (one writer per generated folder of docs/), `build`
(the conversion), `postbuild` (what works on the built site) and `plugin` (the MkDocs glue). Only
`postbuild` and `plugin` may import MkDocs.
"""
