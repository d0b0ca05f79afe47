"""Unit tests of coalition_texts/pages/, one file per module."""
