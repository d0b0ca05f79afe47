"""The tests: unit/ (in-process), site/ (the built site), browser/ (Chromium); helpers in base.py."""
