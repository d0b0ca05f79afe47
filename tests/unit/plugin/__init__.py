"""Unit tests of coalition_texts/plugin/, one file per module."""
