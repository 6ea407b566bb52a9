"""Replacing a range of a paragraph's or footnote's text while keeping footnote marks and
italic spans where they belong (shifted after the edit, clipped inside it)."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

from drafting_app.model.document import Anchor, Document, Span


@dataclass(frozen=True)
class TextEdit:
    """Replace ``[start, end)`` of the text of paragraph or footnote ``target_id`` with
    ``new_text``; ``italics`` are spans of ``new_text`` (relative) set in italics."""

    target_id: str
    start: int
    end: int
    new_text: str
    italics: tuple[Span, ...] = ()
    footnote: bool = False


def _shift(pos: int, edit: TextEdit, delta: int) -> int:
    if pos <= edit.start:
        return pos
    if pos >= edit.end:
        return pos + delta
    return edit.start + len(edit.new_text)


def _spans(spans: list[Span], edit: TextEdit, delta: int) -> list[Span]:
    """Spans after the edit: a span covering the edited range stretches over the new text,
    one partly inside is clipped to what is left of it."""
    out: list[Span] = []
    for s in spans:
        if s.start <= edit.start:
            start = s.start
        else:
            start = s.start + delta if s.start >= edit.end else edit.start + len(edit.new_text)
        if s.end <= edit.start:
            end = s.end
        else:
            end = s.end + delta if s.end >= edit.end else edit.start
        if end > start:
            out.append(Span(start, end))
    out += [Span(edit.start + s.start, edit.start + s.end) for s in edit.italics]
    return _merged(sorted(set(out), key=lambda s: (s.start, s.end)))


def _merged(spans: list[Span]) -> list[Span]:
    """Spans that touch or overlap as one: a fix that rewrites the last letter of an
    italic title gives it back whole, not in two pieces."""
    out: list[Span] = []
    for s in spans:
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


def _check(text: str, edit: TextEdit) -> None:
    if not 0 <= edit.start <= edit.end <= len(text):
        raise ValueError(f"edit {edit.start}..{edit.end} outside a text of {len(text)} characters")


def apply_edit_in_place(doc: Document, edit: TextEdit) -> None:
    """Apply one edit to ``doc`` itself (raises KeyError for an unknown target)."""
    delta = len(edit.new_text) - (edit.end - edit.start)
    if edit.footnote:
        f = doc.footnote(edit.target_id)
        _check(f.text, edit)
        f.text = f.text[: edit.start] + edit.new_text + f.text[edit.end :]
        f.italics = _spans(f.italics, edit, delta)
        return
    p = doc.paragraph(edit.target_id)
    _check(p.text, edit)
    p.text = p.text[: edit.start] + edit.new_text + p.text[edit.end :]
    p.italics = _spans(p.italics, edit, delta)
    p.anchors = [Anchor(_shift(a.offset, edit, delta), a.footnote_id) for a in p.anchors]


def apply_edits(doc: Document, edits: Iterable[TextEdit]) -> Document:
    """A copy of ``doc`` with the edits applied (ids kept); ``doc`` is not changed.

    Edits of one target are applied from the end backwards so their ranges stay valid.
    """
    out = copy.deepcopy(doc)
    for edit in sorted(edits, key=lambda e: (e.target_id, -e.start)):
        apply_edit_in_place(out, edit)
    return out
