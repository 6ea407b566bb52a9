"""Search as you type over an FTS5 index, shared by the corpus store and the clause index.

- :mod:`.vocabulary` — the index's words with the number of rows holding each, and the
  expansion of a typed prefix into the few words it completes to (FTS5 then walks their
  lists lazily instead of merging every list of the prefix up front).
- :mod:`.upkeep` — a vocabulary table kept equal to FTS5's own (``fts5vocab``) count, by a
  full recount or by adding and subtracting the words of the rows that changed.
- :mod:`.ranking` — Okapi BM25 over a bounded set of candidate rows, with the document
  frequencies taken from the vocabulary instead of FTS5's full pass over every list.
"""
