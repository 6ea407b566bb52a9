"""Revisions of a text against its base: the word-level comparison that understands UN
structure (paragraphs matched across renumbering and moves), and accepting or rejecting
each pending change as an undoable edit. Pure Python: no Qt, no python-docx."""
