"""Checks on the built site: one strict build per session (the `built_site` fixture), and scratch-copy builds."""
