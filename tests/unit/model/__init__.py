"""Unit tests of coalition_texts/model/, one file per module."""
