"""Fast tests, in-process, one file per module of the pipeline (no MkDocs build)."""
