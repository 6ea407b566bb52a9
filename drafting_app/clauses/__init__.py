"""Agreed language and clause templates (the only jinja2 user besides the HTML preview).

- :mod:`.extract`, :mod:`.library` — every preambular/operative paragraph and sub-paragraph
  of the corpus as a :class:`.clause.Clause` with its provenance, grouped when identical or
  near-identical (:mod:`.grouping`), categorised (:mod:`.category`).
- :mod:`.index` — the FTS5 index in ``user_data_dir()/clauses.sqlite3``; :mod:`.query` (with
  :mod:`drafting_app.fulltext`) turns what is typed into a ranked, prefix search that never
  raises.
- :mod:`.templates`, :mod:`.params`, :mod:`.render` — parameterised clauses
  (templates/clauses/*.j2) filled from the registry, rendered in a sandbox.
- :mod:`.deviation` — word diff from the agreed language; :mod:`.collection` — My clauses.
"""
