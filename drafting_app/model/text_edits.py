"""Edits of text: a paragraph's characters with its italic spans and footnote marks
(typing bursts merge into one undo step), footnotes, the masthead and the front lines
(heading, title, authoring-body line).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Edit
from drafting_app.model.document import (
    Anchor,
    BrokenRef,
    Document,
    Footnote,
    Masthead,
    Paragraph,
    Span,
)
from drafting_app.model.negotiation import Record, Stretch, after_text_change

MASTHEAD_FIELDS = tuple(f.name for f in fields(Masthead))


def paragraph_of(doc: Document, pid: str) -> Paragraph:
    try:
        return doc.paragraph(pid)
    except KeyError:
        raise EditError(f"No paragraph {pid} in the document.") from None


def footnote_of(doc: Document, fid: str) -> Footnote:
    try:
        return doc.footnote(fid)
    except KeyError:
        raise EditError(f"No footnote {fid} in the document.") from None


def changed_stretch(old: str, new: str) -> tuple[int, int, int]:
    """The one stretch a retype changed, from the common start and end:
    ``(start, end in old, end in new)``."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, len(old) - tail, len(new) - tail


def keep_broken_refs(old: str, new: str, refs: Sequence[BrokenRef]) -> list[BrokenRef]:
    """The broken-reference marks after ``old`` became ``new``: those before or after the
    changed stretch stay (shifted); one the change touches is dropped — the drafter has
    retyped that reference, so it is no longer the one that lost its paragraph."""
    if not refs or old == new:
        return list(refs)
    head, old_end, _ = changed_stretch(old, new)
    shift = len(new) - len(old)
    out: list[BrokenRef] = []
    for r in refs:
        if r.end <= head and r.end < old_end:
            out.append(r)
        elif r.start >= old_end and r.start > head:
            out.append(BrokenRef(r.start + shift, r.end + shift, r.target_label))
    return out


def _check_spans(text: str, italics: Sequence[Span]) -> None:
    for s in italics:
        if s.end > len(text):
            raise EditError(f"Italic span {s.start}–{s.end} runs past the end of the text.")


def trimmed_italics(text: str, italics: Sequence[Span]) -> list[Span]:
    """Italic spans that neither begin nor end on a space: a selection dragged over
    "Urges " sets the phrase in italics, not the space after it (an italic space before
    roman text is a stray mark in the printed document); a span of spaces only goes."""
    out: list[Span] = []
    for s in italics:
        start, end = s.start, s.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start, end))
    return out


def toggled_italics(p: Paragraph, start: int, end: int) -> list[Span]:
    """Italic spans after Ctrl+I on ``[start, end)``: its words set in italics unless all
    of them already are, in which case they become roman. Spaces at the ends of the
    selection count for neither (a double-click selects "Urges " with its space)."""
    chars: set[int] = set()
    for s in p.italics:
        chars.update(range(s.start, s.end))
    (word,) = trimmed_italics(p.text, [Span(start, end)]) or [Span(start, start)]
    selected = set(range(word.start, word.end))
    chars = chars - selected if selected <= chars else chars | selected
    spans: list[Span] = []
    for i in sorted(chars):
        if spans and spans[-1].end == i:
            spans[-1] = Span(spans[-1].start, i + 1)
        else:
            spans.append(Span(i, i + 1))
    return trimmed_italics(p.text, spans)


class SetText(Edit):
    """Replace a paragraph's text, italic spans and footnote marks. Consecutive typing in
    one paragraph merges into one undo step (``mergeable``); fixes of the ladder and of
    punctuation are not mergeable, so they stay their own step inside a macro.

    In a negotiated draft the paragraph's brackets, alternatives and proposals follow the
    text over ``stretch`` (``(start, end in old, end in new)``, found from the texts when
    not given), and a change of an agreed paragraph is recorded as made by ``author``
    (the facilitator when empty)."""

    label = "Typing"

    def __init__(
        self,
        pid: str,
        text: str,
        italics: Sequence[Span],
        anchors: Sequence[Anchor],
        *,
        mergeable: bool = True,
        label: str = "",
        stretch: Stretch | None = None,
        author: str = "",
    ) -> None:
        _check_spans(text, italics)
        for a in anchors:
            if not 0 <= a.offset <= len(text):
                raise EditError(f"Footnote mark at {a.offset} is outside the text.")
        self.pid, self.text = pid, text
        self.italics, self.anchors = trimmed_italics(text, italics), list(anchors)
        self.mergeable = mergeable
        self.label = label or self.label
        self.stretch, self.author = stretch, author
        self._old: tuple[str, list[Span], list[Anchor]] | None = None
        self._old_broken: list[BrokenRef] = []
        # (before, after) negotiation records, computed once: redo on the same state gives
        # the same record (with the same recorded time).
        self._records: tuple[Record, Record] | None = None

    def apply(self, doc: Document) -> ChangeSet:
        p = paragraph_of(doc, self.pid)
        self._old = (p.text, list(p.italics), list(p.anchors))
        self._old_broken = list(p.broken_refs)
        marks_moved = _mark_order(p.anchors) != _mark_order(self.anchors)
        negotiated = self._follow(doc, p.text)
        p.broken_refs = keep_broken_refs(p.text, self.text, p.broken_refs)
        p.text, p.italics, p.anchors = self.text, list(self.italics), list(self.anchors)
        return self._changes(marks_moved, negotiated)

    def _follow(self, doc: Document, old: str) -> bool:
        nego = doc.negotiation
        if nego is None or self.pid not in nego.records:
            return False
        if self._records is None:
            stretch = self.stretch or changed_stretch(old, self.text)
            before = nego.records[self.pid]
            after = after_text_change(nego, self.pid, old, self.text, stretch, self.author)
            self._records = (before, after or before)
        nego.records[self.pid] = self._records[1]
        return self._records[0] != self._records[1]

    def _changes(self, marks_moved: bool, negotiated: bool) -> ChangeSet:
        return ChangeSet(
            changed_ids=frozenset({self.pid}),
            footnotes_changed=marks_moved,
            negotiation_ids=frozenset({self.pid}) if negotiated else frozenset(),
            negotiation_changed=negotiated,
        )

    def revert(self, doc: Document) -> ChangeSet:
        assert self._old is not None, "revert before apply"
        p = paragraph_of(doc, self.pid)
        marks_moved = _mark_order(p.anchors) != _mark_order(self._old[2])
        p.text, p.italics, p.anchors = self._old[0], list(self._old[1]), list(self._old[2])
        p.broken_refs = list(self._old_broken)
        negotiated = False
        if self._records is not None and doc.negotiation is not None:
            doc.negotiation.records[self.pid] = self._records[0]
            negotiated = self._records[0] != self._records[1]
        return self._changes(marks_moved, negotiated)

    def merge(self, other: Edit) -> bool:
        if not (
            isinstance(other, SetText)
            and other.pid == self.pid
            and self.mergeable
            and other.mergeable
        ):
            return False
        self.text, self.italics, self.anchors = other.text, other.italics, other.anchors
        if other._records is not None:
            first = self._records[0] if self._records is not None else other._records[0]
            self._records = (first, other._records[1])
        self.stretch = None  # a burst may change several places: the records are kept
        return True

    def retyped(self) -> list[tuple[str, str]]:
        return [(self._old[0], self.text)] if self._old else []


class SetMasthead(Edit):
    """Set masthead fields (symbol, session, place and dates, agenda item, sponsors …);
    a document without a masthead gets one (and loses it again on revert)."""

    label = "Edit masthead"

    def __init__(self, values: Mapping[str, str | list[str]]) -> None:
        for key, value in values.items():
            if key not in MASTHEAD_FIELDS:
                raise EditError(f"The masthead has no field {key!r}.")
            want_list = key == "sponsors"
            if want_list != isinstance(value, list) or (
                want_list and not all(isinstance(v, str) for v in value)
            ):
                raise EditError(
                    f"Masthead field {key!r} takes {'a list of names' if want_list else 'text'}."
                )
        self.values = {k: list(v) if isinstance(v, list) else v for k, v in values.items()}
        self._old: dict[str, str | list[str]] = {}
        self._created = False

    def apply(self, doc: Document) -> ChangeSet:
        self._created = doc.masthead is None
        mh = doc.masthead = doc.masthead or Masthead()
        self._old = {k: getattr(mh, k) for k in self.values}
        for k, v in self.values.items():
            setattr(mh, k, list(v) if isinstance(v, list) else v)
        return ChangeSet(masthead_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        assert doc.masthead is not None, "revert before apply"
        for k, v in self._old.items():
            setattr(doc.masthead, k, v)
        if self._created:
            doc.masthead = None
        return ChangeSet(masthead_changed=True)

    def merge(self, other: Edit) -> bool:
        """Typing in one masthead line is one step (the first value is what undo gives
        back)."""
        if not isinstance(other, SetMasthead) or set(other.values) != set(self.values):
            return False
        self.values = dict(other.values)
        return True


class _SetFront(Edit):
    attribute = ""

    def __init__(self, text: str) -> None:
        self.text = text
        self._old = ""

    def apply(self, doc: Document) -> ChangeSet:
        self._old = getattr(doc, self.attribute)
        setattr(doc, self.attribute, self.text)
        return ChangeSet(masthead_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        setattr(doc, self.attribute, self._old)
        return ChangeSet(masthead_changed=True)

    def merge(self, other: Edit) -> bool:
        if type(other) is not type(self):
            return False
        assert isinstance(other, _SetFront)
        self.text = other.text
        return True


class SetTitle(_SetFront):
    """The title of the resolution (bold, above the authoring-body line)."""

    label, attribute = "Edit title", "title"


class SetAuthoringBody(_SetFront):
    """The authoring-body line ("The Conference of the Parties …,")."""

    label, attribute = "Edit authoring body", "authoring_body"


class SetHeading(_SetFront):
    """The number line ("Resolution 5/2", "Decision 4/4")."""

    label, attribute = "Edit heading", "heading"


def _insert_anchor(p: Paragraph, anchor: Anchor) -> int:
    """Place a mark after those at or before its offset ("reports,1,2" keeps order)."""
    index = sum(1 for a in p.anchors if a.offset <= anchor.offset)
    p.anchors.insert(index, anchor)
    return index


class AddFootnote(Edit):
    """A new footnote marked at ``offset`` of a paragraph (after the punctuation in
    English, UN_FORMAT.md §4)."""

    label = "Add footnote"

    def __init__(self, pid: str, offset: int, footnote: Footnote) -> None:
        self.pid, self.offset, self.footnote = pid, offset, footnote
        self._index = -1

    def apply(self, doc: Document) -> ChangeSet:
        p = paragraph_of(doc, self.pid)
        if not 0 <= self.offset <= len(p.text):
            raise EditError(f"Footnote mark at {self.offset} is outside the paragraph text.")
        if any(f.id == self.footnote.id for f in doc.footnotes):
            raise EditError("This footnote is already in the document.")
        self._index = _insert_anchor(p, Anchor(self.offset, self.footnote.id))
        doc.footnotes.append(self.footnote)
        return ChangeSet(changed_ids=frozenset({self.pid}), footnotes_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        p = paragraph_of(doc, self.pid)
        p.anchors.pop(self._index)
        doc.footnotes.remove(self.footnote)
        return ChangeSet(changed_ids=frozenset({self.pid}), footnotes_changed=True)


class EditFootnote(Edit):
    """Change the text (and italic spans) of a footnote; bursts merge like typing."""

    label = "Edit footnote"

    def __init__(self, fid: str, text: str, italics: Sequence[Span] = ()) -> None:
        _check_spans(text, italics)
        self.fid, self.text, self.italics = fid, text, trimmed_italics(text, italics)
        self._old: tuple[str, list[Span]] | None = None

    def apply(self, doc: Document) -> ChangeSet:
        f = footnote_of(doc, self.fid)
        self._old = (f.text, list(f.italics))
        f.text, f.italics = self.text, list(self.italics)
        return ChangeSet(footnotes_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._old is not None, "revert before apply"
        f = footnote_of(doc, self.fid)
        f.text, f.italics = self._old[0], list(self._old[1])
        return ChangeSet(footnotes_changed=True)

    def merge(self, other: Edit) -> bool:
        if not (isinstance(other, EditFootnote) and other.fid == self.fid):
            return False
        self.text, self.italics = other.text, other.italics
        return True


class DeleteFootnote(Edit):
    """Delete a footnote and every mark pointing to it."""

    label = "Delete footnote"

    def __init__(self, fid: str) -> None:
        self.fid = fid
        self._index = -1
        self._note: Footnote | None = None
        self._marks: list[tuple[str, int, Anchor]] = []

    def apply(self, doc: Document) -> ChangeSet:
        self._note = footnote_of(doc, self.fid)
        self._index = doc.footnotes.index(self._note)
        self._marks = []
        for p in doc.all_paragraphs():
            for i, a in enumerate(p.anchors):
                if a.footnote_id == self.fid:
                    self._marks.append((p.id, i, a))
            p.anchors[:] = [a for a in p.anchors if a.footnote_id != self.fid]
        doc.footnotes.pop(self._index)
        return ChangeSet(changed_ids=self._pids(), footnotes_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._note is not None, "revert before apply"
        doc.footnotes.insert(self._index, self._note)
        for pid, i, a in self._marks:
            paragraph_of(doc, pid).anchors.insert(i, a)
        return ChangeSet(changed_ids=self._pids(), footnotes_changed=True)

    def _pids(self) -> frozenset[str]:
        return frozenset(pid for pid, _, _ in self._marks)


def _mark_order(anchors: Sequence[Anchor]) -> list[str]:
    """Which notes are marked, in text order: what their numbers and Ibid. follow (a mark
    carried along by typing changes neither)."""
    return [a.footnote_id for a in sorted(anchors, key=lambda a: a.offset)]


def splice(p: Paragraph, start: int, end: int, new: str, label: str, author: str = "") -> SetText:
    """A :class:`SetText` replacing ``text[start:end]`` by ``new`` in ``p``, with italic
    spans and footnote marks carried along: what stood after ``end`` shifts; a span that
    covered the replaced range covers its replacement (the italic opener stays exactly
    the opener); a mark just after the replaced range stays after it ("Crime;²")."""
    delta = len(new) - (end - start)

    def at(pos: int, is_end: bool) -> int:
        if pos < start or (pos == start and not is_end):
            return pos
        if pos >= end:
            return pos + delta
        return start + len(new) if is_end else start

    italics = [Span(at(s.start, False), at(s.end, True)) for s in p.italics]
    anchors = [Anchor(a.offset if a.offset <= start else at(a.offset, True), a.footnote_id)
               for a in p.anchors]  # fmt: skip
    text = p.text[:start] + new + p.text[end:]
    return SetText(p.id, text, [s for s in italics if s.end > s.start], anchors,
                   mergeable=False, label=label, stretch=(start, end, start + len(new)),
                   author=author)  # fmt: skip


class Splice(Edit):
    """Replace ``old`` by ``new`` at a place counted from the start of the paragraph (the
    opening phrase: the verb ladder) or from its end (``from_end``: closing punctuation).
    Fixes at the two ends commute, so suggestions can be taken in any order; a fix whose
    text changed meanwhile is refused rather than applied blindly."""

    def __init__(
        self, pid: str, start: int, old: str, new: str, *, from_end: bool = False, kind: str = ""
    ) -> None:
        self.pid, self.start, self.old, self.new = pid, start, old, new
        self.from_end, self.kind = from_end, kind
        self.label = kind or "Edit text"
        self._inner: SetText | None = None

    def apply(self, doc: Document) -> ChangeSet:
        p = paragraph_of(doc, self.pid)
        start = len(p.text) - self.start if self.from_end else self.start
        end = start + len(self.old)
        if start < 0 or p.text[start:end] != self.old:
            raise EditError("The text changed since this correction was proposed.")
        self._inner = splice(p, start, end, self.new, self.label)
        return self._inner.apply(doc)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._inner is not None, "revert before apply"
        return self._inner.revert(doc)

    def retyped(self) -> list[tuple[str, str]]:
        return self._inner.retyped() if self._inner else []


def retype(p: Paragraph, new_text: str) -> SetText:
    """The typing edit that turns ``p.text`` into ``new_text`` (one keystroke, a paste, a
    cut: one changed stretch, found from the common start and end). Italic spans and
    footnote marks outside the stretch keep their characters; consecutive retypes of one
    paragraph merge into one undo step."""
    start, old_end, new_end = changed_stretch(p.text, new_text)
    edit = splice(p, start, old_end, new_text[start:new_end], "Typing")
    edit.mergeable = True
    return edit
