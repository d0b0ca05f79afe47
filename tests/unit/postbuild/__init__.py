"""Unit tests of coalition_texts/postbuild/, one file per module."""
