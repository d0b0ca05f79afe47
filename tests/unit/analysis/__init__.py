"""Unit tests of coalition_texts/analysis/, one file per module."""
