"""Unit tests of coalition_texts/sources/, one file per module."""
