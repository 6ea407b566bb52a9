"""What changed against the base, drawn on the page as a drafter reads it in Word:
inserted words underlined in colour, deleted words struck through where they stood, a
moved paragraph in green with where it came from, a deleted paragraph struck through where
it was, changed footnotes and front lines marked — through the document view's
decorations (:mod:`page_decorations`), never in the text itself.

The comparison is recomputed a moment after the typing stops (at once when the base
itself changed: a change accepted); :meth:`RevisionMarks.set_shown` shows the clean text.
Imported changes take their author's colour.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat

from drafting_app.errors import DraftingError
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.page_decorations import InlineSegment, Overlay
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.model.adoption import adoption_lines
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Paragraph
from drafting_app.model.text_edits import MASTHEAD_FIELDS
from drafting_app.revisions.compare import Change, ChangeKind, Comparison, Target
from drafting_app.revisions.decisions import comparison_of
from drafting_app.revisions.tokens import Token

OWNER = "revisions"
RECOMPUTE_MS = 250
USER_COLOR = QColor("#1f5fbf")  # the drafter's own changes
AUTHOR_COLORS = ("#b5179e", "#c05600", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457")
DELETED_COLOR = QColor("#b71c1c")
MOVED_COLOR = QColor("#2e7d32")
# Masthead fields as the page names their lines ("mh/symbol").
_MH_LINES = tuple(
    f for f in MASTHEAD_FIELDS if f not in ("sponsors", "sponsor_note", "symbol_note")
)


def inserted_format(color: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    fmt.setFontUnderline(True)
    fmt.setUnderlineColor(color)
    return fmt


def deleted_format(color: QColor = DELETED_COLOR) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    fmt.setFontStrikeOut(True)
    return fmt


def moved_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(MOVED_COLOR)
    fmt.setFontUnderline(True)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(MOVED_COLOR)
    return fmt


def _offsets(tokens: Iterable[Token]) -> list[int]:
    out = [0]
    for t in tokens:
        out.append(out[-1] + len(t.text))
    return out


class RevisionMarks(QObject):
    """The changes of one draft against its base on its page. ``updated()`` after each
    recomputation (the changes list follows)."""

    updated = Signal()

    def __init__(self, controller: DocumentController, view: DocumentView) -> None:
        super().__init__(view)
        self.controller, self.view = controller, view
        self.shown = True
        self.comparison: Comparison | None = None
        self.error = ""
        self._badges: set[str] = set()
        self._inline_key: dict[str, list[tuple[int, str, str]]] = {}
        self._overlay_key: dict[str, list[tuple[int, int, str, bool]]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_MS)
        self._timer.timeout.connect(self.refresh)
        controller.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.revisions_changed or changes.structure_changed:
            self.refresh()  # a decision: the list and the marks follow at once
        else:
            self._timer.start()

    def refresh(self) -> None:
        """Compare the draft with its base again, and redraw the marks."""
        self._timer.stop()
        doc = self.controller.doc
        self.error = ""
        self.comparison = None
        if doc.revision_base is not None:
            try:
                self.comparison = comparison_of(doc)
            except DraftingError as exc:  # never fails on a sound draft; say so if it does
                self.error = str(exc)
        self._decorate()
        self.updated.emit()

    def set_shown(self, shown: bool) -> None:
        """Changes shown (True) or the clean text of the draft (False)."""
        self.shown = shown
        self._decorate()

    # -- drawing ---------------------------------------------------------------------------
    def color_of(self, change: Change) -> QColor:
        base = self.controller.doc.revision_base
        if not change.authors or base is None:
            return USER_COLOR
        authors = base.authors()
        k = authors.index(change.authors[0]) if change.authors[0] in authors else 0
        return QColor(AUTHOR_COLORS[k % len(AUTHOR_COLORS)])

    def _decorate(self) -> None:
        deco = self.view.decorations
        overlays: dict[str, list[Overlay]] = {}
        inline: dict[str, list[InlineSegment]] = {}
        badges: dict[str, tuple[str, QColor]] = {}
        cmp = self.comparison
        if self.shown and cmp is not None:
            for change in cmp.changes:
                self._mark(cmp, change, overlays, inline, badges)
        # Only what changed is redrawn (a pause in typing usually changes one paragraph's
        # marks). The inline segments first: the page rewrites those blocks, and overlays
        # drawn before that would be lost with the old text.
        inline_key = {k: [(g.offset, g.text, g.key) for g in v] for k, v in inline.items()}
        overlay_key = {
            k: [(o.start, o.end, o.fmt.foreground().color().name(), o.fmt.fontUnderline())
                for o in v]
            for k, v in overlays.items()
        }  # fmt: skip
        reflowed = inline_key != self._inline_key
        if reflowed:
            deco.set_inline(OWNER, inline)
        if reflowed or overlay_key != self._overlay_key:
            deco.set_overlays(OWNER, overlays)
        self._inline_key, self._overlay_key = inline_key, overlay_key
        for block in self._badges - set(badges):
            deco.set_badge(block, None)
        for block, (text, color) in badges.items():
            old = deco.badges.get(block)
            if old is None or old.text != text or old.color != color:
                deco.set_badge(block, text, color)
        self._badges = set(badges)

    def _mark(
        self,
        cmp: Comparison,
        change: Change,
        overlays: dict[str, list[Overlay]],
        inline: dict[str, list[InlineSegment]],
        badges: dict[str, tuple[str, QColor]],
    ) -> None:
        color = self.color_of(change)
        who = f" ({', '.join(change.authors)})" if change.authors else ""
        if change.target is Target.FOOTNOTE and change.new_id and change.diff is not None:
            self._words(change, change.new_id, color, overlays, None)
            was = " ".join(change.base_text.split())[:60]
            badges[change.new_id] = (f"Note changed{who} — was “{was}”", color)
        elif change.target in (Target.FRONT, Target.ANNEX):
            self._front(cmp, change, color, overlays, badges, who)
        elif change.kind is ChangeKind.ADDED and change.new_id:
            item = cmp.new_unit(change.new_id).item
            texts = list(item.walk()) if isinstance(item, Paragraph) else [item]
            for q in texts:
                overlays.setdefault(q.id, []).append(
                    Overlay(0, len(q.text), inserted_format(color))
                )
            badges[change.new_id] = (f"Added{who}", color)
        elif change.kind is ChangeKind.DELETED and change.base_id:
            self._deleted(cmp, change, inline, color)
        elif change.new_id:
            if change.kind is ChangeKind.MOVED:
                overlays.setdefault(change.new_id, []).append(
                    Overlay(0, len(cmp.new_unit(change.new_id).text), moved_format())
                )
                badges[change.new_id] = (f"Moved from {change.base_name}{who}", MOVED_COLOR)
            self._words(change, change.new_id, color, overlays, inline)
            if change.kind is ChangeKind.REWORDED and change.base_name != change.new_name:
                badges.setdefault(change.new_id, (f"Reworded (was {change.base_name}){who}", color))

    def _words(
        self,
        change: Change,
        block: str,
        color: QColor,
        overlays: dict[str, list[Overlay]],
        inline: dict[str, list[InlineSegment]] | None,
    ) -> None:
        """Inserted words underlined; the words they replace struck through after them
        (an overlay starting where an inline segment stands would cover it too)."""
        d = change.diff
        if d is None:
            return
        at = _offsets(d.new)
        for h in d.hunks:
            start, end = at[h.b0], at[h.b1]
            if end > start:
                overlays.setdefault(block, []).append(Overlay(start, end, inserted_format(color)))
            gone = "".join(t.text for t in d.base[h.a0 : h.a1])
            if gone.strip() and inline is not None:
                seg = InlineSegment(end, gone, deleted_format(), key="revision-deleted")
                inline.setdefault(block, []).append(seg)

    def _deleted(
        self, cmp: Comparison, change: Change, inline: dict[str, list[InlineSegment]], color: QColor
    ) -> None:
        """A deleted paragraph struck through where it stood: after the draft paragraph
        before it (or before the first)."""
        assert change.base_id is not None
        unit = cmp.base_unit(change.base_id)
        item = unit.item
        texts = [q.text for q in item.walk()] if isinstance(item, Paragraph) else [item.text]
        body = "\u2028".join(texts)
        host = None
        for u in reversed(cmp.base_units[: unit.index]):
            host = cmp.new_of_base.get(u.id)
            if host is not None:
                break
        fmt = deleted_format()
        if host is not None and not cmp.new_unit(host).is_heading:
            end = len(cmp.new_unit(host).text)
            seg = InlineSegment(
                end, f"\u2028{change.base_name} deleted: {body}", fmt, "revision-gone"
            )
            inline.setdefault(host, []).append(seg)
            return
        first = next((u for u in cmp.new_units if not u.is_heading), None)
        if first is not None:
            seg = InlineSegment(
                0, f"{change.base_name} deleted: {body}\u2028", fmt, "revision-gone"
            )
            inline.setdefault(first.id, []).append(seg)

    def _front(
        self,
        cmp: Comparison,
        change: Change,
        color: QColor,
        overlays: dict[str, list[Overlay]],
        badges: dict[str, tuple[str, QColor]],
        who: str,
    ) -> None:
        name = change.key.split(":", 1)[1]
        doc, base = cmp.new, cmp.base
        if name in ("title", "authoring_body", "heading") and change.diff is not None:
            block = {"authoring_body": "authoring"}.get(name, name)
            self._words(change, block, color, overlays, None)
            badges[block] = (f"{change.label} changed{who}", color)
        elif name == "masthead" and doc.masthead is not None:
            old = base.masthead
            for field in _MH_LINES:
                now = getattr(doc.masthead, field)
                if now and (old is None or getattr(old, field) != now):
                    overlays.setdefault(f"mh/{field}", []).append(
                        Overlay(0, len(now), inserted_format(color))
                    )
            first = next((f for f in _MH_LINES if getattr(doc.masthead, f)), "symbol")
            badges[f"mh/{first}"] = (f"Masthead changed{who}", color)
        elif name == "adoption" and doc.adoption:
            meeting, record = adoption_lines(doc.adoption)
            keys = ["adoption"] + [f"adoption/{i}" for i in range(1, len(meeting))]
            keys += [f"vote_record/{i}" for i in range(len(record))]
            for key, line in zip(keys, meeting + record, strict=True):
                overlays[key] = [Overlay(0, len(line), inserted_format(color))]
        elif name == "front_matter":
            for i, line in enumerate(doc.front_matter):
                if i >= len(base.front_matter) or base.front_matter[i] != line:
                    overlays[f"front/{i}"] = [Overlay(0, len(line), inserted_format(color))]
