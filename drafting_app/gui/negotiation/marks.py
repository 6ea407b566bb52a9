"""The compilation text drawn on the page, as facilitators mark it in Word: the frozen
label (PP1, OP5 bis) in the left margin, the paragraph's status as a tag in the right
margin (text and colour: "Agreed ad ref" in green), square brackets and the other options
of an alternative set where they stand, a delegation's proposal like a tracked change
tagged with its author — words to add underlined in bold, words to delete struck through,
"(EU)" after them — and the notes after the paragraph.

Everything comes from :func:`drafting_app.model.negotiation_view.pieces`, the rendering
the Word compilation prints, through the page's decorations: the text itself never holds
a bracket. Each paragraph's marks are redrawn only when its record or text changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat

from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.page_decorations import InlineSegment, Overlay
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Document
from drafting_app.model.negotiation import Negotiation, Record, Status
from drafting_app.model.negotiation_labels import full_labels
from drafting_app.model.negotiation_view import Piece, Role, alternative_rows, pieces

OWNER = "negotiation"
STATUS_COLORS = {
    Status.AGREED: QColor("#2e7d32"),
    Status.CONSULTATION: QColor("#b26a00"),
    Status.PENDING: QColor("#616161"),
    Status.DELETED: QColor("#8d2424"),
    Status.NEW: QColor("#1565c0"),
}
# A pale tint behind the paragraph goes with the tag (the tag's words say the status).
STATUS_TINTS = {
    Status.AGREED: QColor("#eaf5ea"),
    Status.CONSULTATION: QColor("#fff6e0"),
    Status.DELETED: QColor("#f1eded"),
    Status.NEW: QColor("#e8f0fb"),
}
BRACKET_COLOR = QColor("#1f4e79")
NOTE_COLOR = QColor("#555555")
AUTHOR_COLORS = ("#b5179e", "#c05600", "#00838f", "#6a1b9a", "#2e7d32", "#ad1457", "#1565c0")


def author_color(negotiation: Negotiation, author: str) -> QColor:
    """One colour per delegation, in the order of the negotiation's list (others after)."""
    names = list(negotiation.delegations)
    k = names.index(author) if author in names else len(names) + sum(map(ord, author))
    return QColor(AUTHOR_COLORS[k % len(AUTHOR_COLORS)])


def _fmt(color: QColor, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    return fmt


def inserted_format(color: QColor) -> QTextCharFormat:
    """Words a delegation proposes to add: bold and underlined in its colour."""
    fmt = _fmt(color, bold=True)
    fmt.setFontUnderline(True)
    fmt.setUnderlineColor(color)
    return fmt


def struck_format(color: QColor) -> QTextCharFormat:
    """Words a delegation proposes to delete (or a deleted paragraph): struck through."""
    fmt = _fmt(color)
    fmt.setFontStrikeOut(True)
    return fmt


def _segment(nego: Negotiation, piece: Piece) -> InlineSegment | None:
    role = piece.role
    if role is Role.STATUS or not piece.text:
        return None  # the tag in the margin says the status
    if role is Role.BRACKET:
        return InlineSegment(piece.start, piece.text, _fmt(BRACKET_COLOR, bold=True), "nego-br")
    if role is Role.INSERTION:
        color = author_color(nego, piece.author)
        return InlineSegment(
            piece.start, piece.text, inserted_format(color), f"nego-ins-{color.name()}"
        )
    if role in (Role.AUTHOR, Role.OPTION):
        color = author_color(nego, piece.author) if piece.author else BRACKET_COLOR
        fmt = _fmt(color, italic=role is Role.AUTHOR)
        return InlineSegment(piece.start, piece.text, fmt, f"nego-{role}-{color.name()}")
    # option labels ("Alt 2: "), notes, the space between long options
    return InlineSegment(piece.start, piece.text, _fmt(NOTE_COLOR, italic=True), "nego-note")


def paragraph_marks(
    nego: Negotiation, record: Record, text: str
) -> tuple[list[InlineSegment], list[Overlay]]:
    """The inline segments and overlays of one paragraph."""
    inline: list[InlineSegment] = []
    overlays: list[Overlay] = []
    for piece in pieces(text, record):
        if piece.role is Role.TEXT and piece.end > piece.start:
            if piece.struck:
                q = next((q for q in record.proposals if q.id == piece.proposal_id), None)
                color = author_color(nego, q.author) if q is not None else NOTE_COLOR
                overlays.append(Overlay(piece.start, piece.end, struck_format(color)))
            continue
        seg = _segment(nego, piece)
        if seg is not None:
            inline.append(seg)
    n = len(text)
    for i, option in alternative_rows(record):
        who = f" ({option.author})" if option.author else ""
        color = author_color(nego, option.author) if option.author else BRACKET_COLOR
        inline.append(
            InlineSegment(
                n, f"\u2028[Alt {i}: {option.text}]{who}", _fmt(color), f"nego-palt-{color.name()}"
            )
        )
    if record.status is Status.DELETED:
        overlays = [Overlay(0, n, struck_format(STATUS_COLORS[Status.DELETED]))]
    return inline, overlays


def _key(inline: Iterable[InlineSegment], overlays: Iterable[Overlay]) -> tuple[object, ...]:
    return (
        tuple((s.offset, s.text, s.key) for s in inline),
        tuple(
            (o.start, o.end, o.fmt.foreground().color().name(), o.fmt.fontStrikeOut())
            for o in overlays
        ),
    )


class NegotiationMarks(QObject):
    """The compilation marks of one draft on its page. ``updated(pids)`` after each redraw:
    the paragraphs redrawn, or None when all were (the panel's counts follow)."""

    updated = Signal(object)

    def __init__(self, controller: DocumentController, view: DocumentView) -> None:
        super().__init__(view)
        self.controller, self.view = controller, view
        self.labels: dict[str, str] = {}
        self._drawn: dict[str, tuple[object, ...]] = {}  # pid → what its marks are
        self._status: dict[str, Status] = {}
        controller.changed.connect(self._on_changed)
        self.refresh()

    @property
    def doc(self) -> Document:
        return self.controller.doc

    def _on_changed(self, changes: ChangeSet) -> None:
        whole = changes.structure_changed or bool(changes.inserted or changes.deleted)
        if whole or (changes.negotiation_changed and not changes.negotiation_ids):
            self.refresh()
            return
        touched = changes.negotiation_ids | changes.changed_ids
        if touched:
            self.refresh(touched)

    def refresh(self, pids: frozenset[str] | None = None) -> None:
        """Redraw the marks of these paragraphs (None: every paragraph, the labels too)."""
        deco = self.view.decorations
        nego = self.doc.negotiation
        if nego is None:
            with deco.batch():
                self._clear()
            self.updated.emit(None)
            return
        with deco.batch():  # one redraw of the page, however many paragraphs
            if pids is None:
                labels = full_labels(self.doc, nego)
                if labels != self.labels:
                    self.labels = labels
                    deco.set_margin_labels(labels)
            present = {p.id: p for p in self.doc.all_paragraphs()}
            wanted = set(present) if pids is None else set(pids) & set(present)
            for pid in set(self._drawn) - set(present):
                self._draw(pid, [], [], None)
            for pid in wanted:
                record = nego.records.get(pid)
                if record is None:
                    self._draw(pid, [], [], None)
                    continue
                inline, overlays = paragraph_marks(nego, record, present[pid].text)
                self._draw(pid, inline, overlays, record.status)
        self.updated.emit(pids)

    def _draw(
        self, pid: str, inline: list[InlineSegment], overlays: list[Overlay], status: Status | None
    ) -> None:
        deco = self.view.decorations
        owner = f"{OWNER}/{pid}"  # one owner per paragraph: only its block is redrawn
        key = _key(inline, overlays)
        if self._drawn.get(pid, ((), ())) != key:
            # The inline segments first: the page rewrites the block, and overlays drawn
            # before that would be lost with the old text.
            deco.set_inline(owner, {pid: inline})
            deco.set_overlays(owner, {pid: overlays})
            if inline or overlays:
                self._drawn[pid] = key
            else:
                self._drawn.pop(pid, None)
        if self._status.get(pid) is not status:
            if status is None:
                deco.set_badge(pid, None)
                deco.set_background(pid, None)
                self._status.pop(pid, None)
            else:
                deco.set_badge(pid, status.words, STATUS_COLORS[status])
                deco.set_background(pid, STATUS_TINTS.get(status))
                self._status[pid] = status

    def _clear(self) -> None:
        for pid in list(self._drawn):
            self._draw(pid, [], [], None)
        for pid in list(self._status):
            self._draw(pid, [], [], None)
        if self.labels:
            self.labels = {}
            self.view.decorations.set_margin_labels({})
