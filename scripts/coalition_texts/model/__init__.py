"""The records every layer shares: catalog entries, texts, dates, errors and site addresses."""
