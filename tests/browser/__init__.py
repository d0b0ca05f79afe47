"""Tests that drive the built site in Chromium (marked `browser`)."""
