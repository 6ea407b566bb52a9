"""Agreed language from the corpus into a draft: a copy of a corpus paragraph (with its
sub-paragraphs, italics and footnotes) under new ids, ready for an InsertParagraph. Delegations
reuse adopted wording because agreed language is what gets adopted."""

from __future__ import annotations

from drafting_app.model.document import Anchor, Document, Footnote, Paragraph, Part, Span
from drafting_app.model.tree import body_locations


def copy_with_notes(doc: Document, pid: str) -> tuple[Paragraph, list[Footnote]]:
    """Paragraph ``pid`` of ``doc`` copied with fresh ids, and copies of the footnotes its
    marks call (numbers are derived, so they follow the new place at once)."""
    source = doc.paragraph(pid)
    notes = {f.id: f for f in doc.footnotes}
    copies: dict[str, Footnote] = {}

    def copy(p: Paragraph) -> Paragraph:
        anchors = []
        for a in p.anchors:
            note = notes.get(a.footnote_id)
            if note is None:
                continue
            if note.id not in copies:
                copies[note.id] = Footnote(note.text, [Span(s.start, s.end) for s in note.italics])
            anchors.append(Anchor(a.offset, copies[note.id].id))
        italics = [Span(s.start, s.end) for s in p.italics]
        return Paragraph(p.text, italics, anchors, [copy(c) for c in p.children])

    return copy(source), list(copies.values())


def part_of(doc: Document, pid: str) -> Part:
    """The part a corpus paragraph sits in (annex paragraphs count as operative)."""
    for loc, p in body_locations(doc):
        if p.id == pid:
            return loc.part
    return Part.PREAMBLE if doc.chapeau is not None and doc.chapeau.id == pid else Part.OPERATIVE
