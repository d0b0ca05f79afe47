"""The MkDocs plugin that runs the conversion and hands its results to the built site."""
