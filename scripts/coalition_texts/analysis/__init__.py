"""Pure computations on the records: shared passages, mentions, evidence references, citations."""
