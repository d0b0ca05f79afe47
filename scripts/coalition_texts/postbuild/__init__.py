"""What works on the built site: the search index, the open data and each page's head metadata."""
