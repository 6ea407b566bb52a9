"""Edits across paragraph boundaries, as a word processor makes them: Return splits a
paragraph, Backspace/Delete at a boundary joins two, a selection spanning paragraphs is
deleted or replaced (a paste of several paragraphs) — each one undo step.

They are made of the plain edits (SetText, InsertParagraph, MoveParagraph,
DeleteParagraph), so undo restores ids, order, italics and footnote marks exactly. The
text order is the page's: a paragraph, then its sub-paragraphs, then the next one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from drafting_app.errors import EditError
from drafting_app.model.changes import ChangeSet, Compound, Derived, Edit
from drafting_app.model.document import Anchor, Document, Footnote, Paragraph, Span
from drafting_app.model.paragraph_edits import (
    DeleteParagraph,
    InsertParagraph,
    MoveParagraph,
    check_new,
)
from drafting_app.model.text_edits import DeleteFootnote, SetText, paragraph_of
from drafting_app.model.tree import Location, find, locations, siblings


@dataclass(frozen=True)
class TextPoint:
    """A caret place: ``offset`` in the text of paragraph ``pid``."""

    pid: str
    offset: int


def _clip(spans: Sequence[Span], start: int, end: int, shift: int = 0) -> list[Span]:
    out = []
    for s in spans:
        a, b = max(s.start, start), min(s.end, end)
        if b > a:
            out.append(Span(a - start + shift, b - start + shift))
    return out


def _merge_spans(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start):
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


def head_of(p: Paragraph, offset: int) -> tuple[str, list[Span], list[Anchor]]:
    """Text, italics and marks of ``p`` before ``offset`` (a mark at the offset stays:
    it follows the last character kept, "Crime,¹")."""
    anchors = [a for a in p.anchors if a.offset <= offset]
    return p.text[:offset], _clip(p.italics, 0, offset), anchors


def tail_of(p: Paragraph, offset: int) -> tuple[str, list[Span], list[Anchor]]:
    anchors = [Anchor(a.offset - offset, a.footnote_id) for a in p.anchors if a.offset > offset]
    return p.text[offset:], _clip(p.italics, offset, len(p.text)), anchors


def page_order(doc: Document) -> list[tuple[Location, Paragraph]]:
    """Every movable paragraph in the order of the page (body, then each annex)."""
    return list(locations(doc))


def next_in_page(doc: Document, pid: str) -> Paragraph | None:
    """The paragraph after ``pid`` on the page, when it is in the same flow (the body, or
    the same annex with no heading between)."""
    order = page_order(doc)
    for i, (loc, p) in enumerate(order):
        if p.id == pid and i + 1 < len(order):
            nloc, q = order[i + 1]
            if nloc.annex != loc.annex:
                return None
            if loc.annex is not None and _heading_between(doc, pid, q.id):
                return None
            return q
    return None


def previous_in_page(doc: Document, pid: str) -> Paragraph | None:
    order = page_order(doc)
    for i, (_, p) in enumerate(order):
        if p.id == pid and i > 0:
            prev = order[i - 1][1]
            return prev if next_in_page(doc, prev.id) is p else None
    return None


def _heading_between(doc: Document, first: str, second: str) -> bool:
    """In an annex, a heading stands between the top-level paragraphs of ``first`` and
    ``second``."""
    for annex in doc.annexes:
        tops = []
        for i, b in enumerate(annex.blocks):
            if isinstance(b, Paragraph):
                ids = {q.id for q in b.walk()}
                if first in ids or second in ids:
                    tops.append(i)
        if len(tops) == 2 and tops[0] != tops[1]:
            return any(not isinstance(b, Paragraph) for b in annex.blocks[tops[0] + 1 : tops[1]])
    return False


class SplitParagraph(Derived):
    """Return at ``offset``: the text after it becomes a new paragraph just after, at the
    same level, and takes the sub-paragraphs (they followed that text on the page). At the
    very start of a non-empty paragraph a new empty paragraph goes before it, so the
    paragraph keeps its id (and its history) with its text."""

    label = "New paragraph"

    def __init__(self, pid: str, offset: int, new: Paragraph | None = None) -> None:
        super().__init__()
        self.pid, self.offset = pid, offset
        self.new = new or Paragraph("")

    def plan(self, doc: Document) -> list[Edit]:
        loc, p = find(doc, self.pid)
        if not 0 <= self.offset <= len(p.text):
            raise EditError("The caret is outside the paragraph.")
        q = self.new
        # In an annex, Return in a paragraph printed without a number (a convention's
        # preamble) gives another such paragraph, as Word carries the paragraph's style.
        q.unnumbered = p.unnumbered and loc.annex is not None and loc.parent_id is None
        if self.offset == 0 and p.text:
            q.text, q.italics, q.anchors = "", [], []
            return [InsertParagraph(loc.part, loc.parent_id, loc.index, q, annex=loc.annex)]
        text, italics, anchors = head_of(p, self.offset)
        q.text, q.italics, q.anchors = tail_of(p, self.offset)
        steps: list[Edit] = [
            SetText(p.id, text, italics, anchors, mergeable=False, label=self.label),
            InsertParagraph(loc.part, loc.parent_id, loc.index + 1, q, annex=loc.annex),
        ]
        steps += [MoveParagraph(c.id, loc.part, q.id, k) for k, c in enumerate(p.children)]
        return steps

    @property
    def caret(self) -> TextPoint:
        """Where typing goes on: the start of the paragraph after the break."""
        if self.offset == 0 and self._steps and len(self._steps) == 1:
            return TextPoint(self.pid, 0)
        return TextPoint(self.new.id, 0)


class JoinParagraphs(Derived):
    """Backspace at the start of ``second`` (or Delete at the end of ``first``): its text
    goes on at the end of ``first``, its sub-paragraphs keep their place on the page, and
    it is gone. ``first`` must be the paragraph just before ``second`` on the page. The
    ";" or "," that closed ``first`` goes: its end is no longer a paragraph's end (the
    conventions close the joined paragraph again)."""

    label = "Join paragraphs"

    def __init__(self, first: str, second: str) -> None:
        super().__init__()
        self.first, self.second = first, second
        self.join_at = 0

    def plan(self, doc: Document) -> list[Edit]:
        p = paragraph_of(doc, self.first)
        if next_in_page(doc, self.first) is not paragraph_of(doc, self.second):
            raise EditError("Only a paragraph and the one just after it can be joined.")
        qloc, q = find(doc, self.second)
        if q.headings and not _heir_of_headings(doc, qloc):
            # DeleteParagraph hands the headings to the paragraph after ``second``; with
            # none after it they would be lost with it.
            raise EditError(
                f"The section heading \u201c{q.headings[-1]}\u201d stands above this "
                "paragraph. Remove the heading first (right-click it), then join."
            )
        head = p.text
        if (
            q.text
            and head.endswith((";", ","))
            and not any(a.offset == len(head) for a in p.anchors)
        ):
            # The closing punctuation closed ``first``; joined, its end is mid-text.
            head = head[:-1]
        self.join_at = n = len(head)
        text = head + q.text
        own = _clip(p.italics, 0, n)
        italics = _merge_spans([*own, *(Span(s.start + n, s.end + n) for s in q.italics)])
        anchors = [*p.anchors, *(Anchor(a.offset + n, a.footnote_id) for a in q.anchors)]
        steps: list[Edit] = [
            SetText(p.id, text, italics, anchors, mergeable=False, label=self.label)
        ]
        ploc = find(doc, self.first)[0]
        # ``second``'s sub-paragraphs keep their level, as in Word: they go on under the
        # paragraph that survives at ``second``'s level — ``first`` itself, or the one of
        # its ancestors at that level — even across the preamble/operative boundary (they
        # used to become operative paragraphs, their own items a level up).
        holder = _holder_at_level(doc, p, _level(doc, q.id))
        if q.children and holder is not None:
            hloc_part = find(doc, holder.id)[0].part
            base = len(holder.children)
            steps += [MoveParagraph(c.id, hloc_part, holder.id, base + k)
                      for k, c in enumerate(q.children)]  # fmt: skip
        elif (
            qloc.parent_id == ploc.parent_id and qloc.annex == ploc.annex and qloc.part == ploc.part
        ):
            base = len(p.children)  # a sibling: its sub-paragraphs go on under ``first``
            steps += [MoveParagraph(c.id, ploc.part, p.id, base + k)
                      for k, c in enumerate(q.children)]  # fmt: skip
        else:  # at its own place on the page: where ``second`` stood
            steps += [
                MoveParagraph(c.id, qloc.part, qloc.parent_id, qloc.index + 1 + k, qloc.annex)
                for k, c in enumerate(q.children)
            ]
        steps.append(DeleteParagraph(q.id))
        return steps


def _heir_of_headings(doc: Document, loc: Location) -> bool:
    """Whether a paragraph follows the one at ``loc`` among its siblings, to take the
    section headings above it when it goes."""
    rest = siblings(doc, loc.part, loc.parent_id, loc.annex)
    return loc.index + 1 < len(rest) and isinstance(rest[loc.index + 1], Paragraph)


def _level(doc: Document, pid: str) -> int:
    """0 for a top-level paragraph, 1 for "(a)", 2 for "(i)"."""
    level, parent = 0, find(doc, pid)[0].parent_id
    while parent is not None:
        level += 1
        parent = find(doc, parent)[0].parent_id
    return level


def _holder_at_level(doc: Document, p: Paragraph, level: int) -> Paragraph | None:
    """``p`` or its ancestor at ``level`` (None when ``p`` is above that level)."""
    chain = [p]
    parent = find(doc, p.id)[0].parent_id
    while parent is not None:
        chain.append(paragraph_of(doc, parent))
        parent = find(doc, parent)[0].parent_id
    depth = len(chain) - 1  # the level of ``p``
    if depth < level:
        return None
    holder = chain[depth - level]
    if find(doc, holder.id)[0].annex != find(doc, p.id)[0].annex:
        return None
    return holder


class Sequence_(Edit):
    """Edits computed one after the other on the document as it becomes (each step sees
    the previous one applied); redo replays the same steps."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._done: list[Edit] | None = None

    def steps(self, doc: Document) -> Iterator[Edit]:
        raise NotImplementedError

    def apply(self, doc: Document) -> ChangeSet:
        if self._done is not None:
            return Compound(self._done).apply(doc)
        done: list[Edit] = []
        changes: list[ChangeSet] = []
        try:
            for e in self.steps(doc):
                changes.append(e.apply(doc))
                done.append(e)
        except Exception:
            for e in reversed(done):
                e.revert(doc)
            raise
        self._done = done
        return ChangeSet.union(changes)

    def revert(self, doc: Document) -> ChangeSet:
        assert self._done is not None, "revert before apply"
        return Compound(self._done).revert(doc)

    def involved_texts(self) -> list[str]:
        return [t for e in self._done or [] for t in e.involved_texts()]

    def retyped(self) -> list[tuple[str, str]]:
        return [t for e in self._done or [] for t in e.retyped()]


def _without_notes(doc: Document, fids: Sequence[str]) -> Iterator[Edit]:
    """Footnotes whose last mark went with deleted text go too (Word deletes the note
    with its reference mark)."""
    marked = {a.footnote_id for p in doc.all_paragraphs() for a in p.anchors}
    for fid in dict.fromkeys(fids):
        if fid not in marked and any(f.id == fid for f in doc.footnotes):
            yield DeleteFootnote(fid)


class ReplaceRange(Sequence_):
    """Replace the text from ``start`` to ``end`` (points in two paragraphs, ``start``
    first on the page) by ``paragraphs``: the first one's text continues ``start``'s
    paragraph, the last one's is followed by what stood after ``end``, the others become
    paragraphs in between, at the level of ``start``'s paragraph. No paragraphs: a plain
    delete of the range. ``drop_marks`` are footnotes whose marks were selected: they are
    deleted; other marks in the deleted text stay, at the cut, with their notes;
    ``notes`` are new footnotes the pasted marks point to."""

    def __init__(
        self,
        start: TextPoint,
        end: TextPoint,
        paragraphs: Sequence[Paragraph] = (),
        *,
        drop_marks: Sequence[str] = (),
        notes: Sequence[Footnote] = (),
        label: str = "",
    ) -> None:
        super().__init__(label or ("Paste" if paragraphs else "Delete"))
        self.start, self.end = start, end
        self.paragraphs = list(paragraphs)
        self.drop_marks = list(drop_marks)
        self.notes = list(notes)
        self.caret: TextPoint = start

    def steps(self, doc: Document) -> Iterator[Edit]:
        first = paragraph_of(doc, self.start.pid)
        last = paragraph_of(doc, self.end.pid)
        s, e = self.start.offset, self.end.offset
        same = first is last
        if same and e < s:
            raise EditError("The end of the range is before its start.")
        dropped = set(self.drop_marks)

        def keep(a: Anchor) -> bool:
            return a.footnote_id not in dropped

        # What stands after the range goes on after the new text; a mark at the end of
        # the range that was not selected stays with it.
        after = (
            last.text[e:],
            _clip(last.italics, e, len(last.text)),
            [Anchor(a.offset - e, a.footnote_id) for a in last.anchors
             if keep(a) and (a.offset > e or (a.offset == e and not (same and e == s)))],
        )  # fmt: skip
        inside = (lambda a: s < a.offset < e) if same else (lambda a: a.offset > s)
        head = (
            first.text[:s],
            _clip(first.italics, 0, s),
            [a for a in first.anchors if keep(a) and a.offset <= s]
            + [Anchor(s, a.footnote_id) for a in first.anchors if keep(a) and inside(a)],
        )
        gone = list(dropped)
        while not same:
            q = next_in_page(doc, first.id)
            if q is None:
                raise EditError("The selection crosses a heading or an annex: delete in parts.")
            # Marks in the deleted text keep their notes, at the cut (a citation is not
            # lost with the words around it; selecting the mark alone deletes it).
            head[2].extend(
                Anchor(s, a.footnote_id)
                for a in q.anchors
                if keep(a) and (q is not last or a.offset < e or (a.offset == e and e == 0))
            )
            yield SetText(q.id, "", [], [], mergeable=False, label=self.label)
            yield JoinParagraphs(first.id, q.id)
            if q is last:
                break
        yield from self._fill(doc, first, head, after)
        yield from _without_notes(doc, gone)

    def _fill(
        self,
        doc: Document,
        first: Paragraph,
        head: tuple[str, list[Span], list[Anchor]],
        after: tuple[str, list[Span], list[Anchor]],
    ) -> Iterator[Edit]:
        # One look for ids already in the draft, not one walk of the draft per paragraph.
        check_new(doc, frozenset(q.id for p in self.paragraphs[1:] for q in p.walk()))
        check_new(doc, frozenset(q.id for p in self.paragraphs[:1] for c in p.children
                                 for q in c.walk()))  # fmt: skip
        known = {f.id for f in doc.footnotes}
        fresh = [f for f in self.notes if f.id not in known]
        if fresh:
            yield AddFootnotes(fresh)
        new = self.paragraphs or [Paragraph("")]
        pieces = [head_piece(head, new[0])] + [(p.text, p.italics, p.anchors) for p in new[1:]]
        end_of_new = len(pieces[-1][0])
        pieces[-1] = head_piece(pieces[-1], Paragraph(after[0], after[1], after[2]))
        t, i, a = pieces[0]
        children = list(first.children)
        yield SetText(first.id, t, _merge_spans(i), a, mergeable=False, label=self.label)
        self.caret = TextPoint(first.id, end_of_new)
        loc = find(doc, first.id)[0]
        # The first pasted paragraph's own sub-paragraphs ("(a)", "(b)" after its colon)
        # follow its text, before those ``first`` already had.
        for j, c in enumerate(new[0].children):
            yield InsertParagraph(loc.part, first.id, j, c, checked=True)
        prev = first
        for k, (src, (t, i, a)) in enumerate(zip(new[1:], pieces[1:], strict=True)):
            q = Paragraph(t, _merge_spans(i), list(a), id=src.id, provenance=src.provenance)
            yield InsertParagraph(
                loc.part, loc.parent_id, loc.index + 1 + k, q, annex=loc.annex, checked=True
            )
            for j, c in enumerate(src.children):
                yield InsertParagraph(loc.part, q.id, j, c, checked=True)
            prev = q
        if prev is not first:
            # ``first``'s sub-paragraphs followed its text: now they follow the last pasted.
            base = len(prev.children)
            for j, c in enumerate(children):
                yield MoveParagraph(c.id, loc.part, prev.id, base + j)
            self.caret = TextPoint(prev.id, end_of_new)


def head_piece(
    head: tuple[str, list[Span], list[Anchor]], p: Paragraph
) -> tuple[str, list[Span], list[Anchor]]:
    """``head`` continued by the text of ``p``."""
    text, italics, anchors = head
    n = len(text)
    return (
        text + p.text,
        [*italics, *(Span(s.start + n, s.end + n) for s in p.italics)],
        [*anchors, *(Anchor(a.offset + n, a.footnote_id) for a in p.anchors)],
    )


class AddFootnotes(Edit):
    """Footnotes a pasted text or an accepted annex brings along (their marks come with
    the paragraphs inserted in the same step)."""

    label = "Add footnotes"

    def __init__(self, notes: Sequence[Footnote]) -> None:
        self.notes = list(notes)

    def apply(self, doc: Document) -> ChangeSet:
        doc.footnotes.extend(self.notes)
        return ChangeSet(footnotes_changed=True)

    def revert(self, doc: Document) -> ChangeSet:
        gone = {f.id for f in self.notes}
        doc.footnotes[:] = [f for f in doc.footnotes if f.id not in gone]
        return ChangeSet(footnotes_changed=True)


def slice_of(
    doc: Document, start: TextPoint, end: TextPoint, carried: Sequence[str] = ()
) -> list[Paragraph]:
    """The text from ``start`` to ``end`` as new paragraphs (fresh ids), their italics
    and the marks inside it with the same notes; a mark at either end comes along only
    when ``carried`` names its note (the drafter's selection took its figure)."""
    order = [p for _, p in page_order(doc)]
    ids = [p.id for p in order]
    first, last = ids.index(start.pid), ids.index(end.pid)
    keep = set(carried)
    out: list[Paragraph] = []
    for p in order[first : last + 1]:
        a = start.offset if p.id == start.pid else 0
        b = end.offset if p.id == end.pid else len(p.text)
        marks = [
            Anchor(x.offset - a, x.footnote_id)
            for x in p.anchors
            if a < x.offset < b or (x.offset in (a, b) and x.footnote_id in keep)
        ]
        out.append(Paragraph(p.text[a:b], _clip(p.italics, a, b), marks))
    return out


class MoveRange(Sequence_):
    """Drag and drop of a selection (``start`` to ``end``) to ``to``, a place outside it:
    the text goes there with its italics and its footnote marks — the same notes, moved,
    not copied — as one undo step. The text is cut first; a place after it is counted
    again as the cut leaves it (the rest of ``end``'s paragraph goes on ``start``'s)."""

    def __init__(
        self, start: TextPoint, end: TextPoint, to: TextPoint, carried: Sequence[str] = ()
    ) -> None:
        super().__init__("Move text")
        self.start, self.end, self.to = start, end, to
        self.carried = list(carried)
        self.caret: TextPoint = to

    def steps(self, doc: Document) -> Iterator[Edit]:
        ids = [p.id for _, p in page_order(doc)]
        if not {self.start.pid, self.end.pid, self.to.pid} <= set(ids):
            raise EditError("Text can be moved only among the paragraphs.")

        def place(pt: TextPoint) -> tuple[int, int]:
            return ids.index(pt.pid), pt.offset

        if place(self.start) <= place(self.to) <= place(self.end):
            raise EditError("The text cannot be dropped inside itself.")
        pieces = slice_of(doc, self.start, self.end, self.carried)
        moved = {a.footnote_id for p in pieces for a in p.anchors}
        notes = [f for f in doc.footnotes if f.id in moved]
        to = self.to
        if to.pid == self.end.pid and place(to) > place(self.end):
            to = TextPoint(self.start.pid, self.start.offset + to.offset - self.end.offset)
        yield ReplaceRange(self.start, self.end, [], drop_marks=sorted(moved))
        paste = ReplaceRange(to, to, pieces, notes=notes, label=self.label)
        yield paste
        self.caret = paste.caret
