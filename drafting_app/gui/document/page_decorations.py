"""The decoration API of the document view: what other features draw over the page
without touching the model's text.

Every decoration is keyed by a *block id*: a paragraph's id, a footnote's id, an annex
heading's id, or ``"title"`` / ``"authoring"`` / ``"heading"`` for the front lines.
Offsets are the model's (``Paragraph.text``), never the view's: the view maps them past
numbers and footnote marks.

- :meth:`Decorations.set_margin_label` — text in the left page margin ("PP1", "OP5 bis").
- :meth:`Decorations.set_badge` — a coloured tag with text in the right margin (a
  paragraph's status: "Agreed", "Open") and :meth:`Decorations.set_background` — a tint
  behind the whole paragraph.
- :meth:`Decorations.set_overlays` — character formats over model ranges (an inserted
  span underlined in colour, a bracketed span, a spelling error's wavy underline);
  :meth:`Decorations.add_overlay_source` computes them from a block's text when drawn
  (spell checking), so they follow every edit without a second copy of the text.
- :meth:`Decorations.set_inline` — derived, non-editable inline segments at model
  offsets (deleted text struck through, a proposal): the caret skips them like numbers.
- :meth:`Decorations.show_only` — show only these paragraphs (``None``: all).
- :meth:`Decorations.batch` — many changes, one redraw (a feature decorating every
  paragraph at once).

Each ``owner`` (a feature's name) replaces only its own overlays and segments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat

from drafting_app.gui.document.page_blocks import InlineSegment

__all__ = ["Badge", "Decorations", "InlineSegment", "Overlay", "OverlaySource"]


@dataclass(frozen=True)
class Overlay:
    """A character format drawn over ``[start, end)`` of a block's model text."""

    start: int
    end: int
    fmt: QTextCharFormat


@dataclass(frozen=True)
class Badge:
    """A status tag in the right margin: its text and colour (text and colour both, so the
    status is not told by colour alone)."""

    text: str
    color: QColor


OverlaySource = Callable[[str, str], Sequence[Overlay]]  # (block id, text) → overlays


class Decorations(QObject):
    """Decorations of one document view. ``restyled(ids)`` asks the view to redraw the
    looks of these blocks (None: every block); ``reflowed(ids)`` to rebuild their content
    (inline segments changed); ``filtered()`` to apply :meth:`show_only`."""

    restyled = Signal(object)
    reflowed = Signal(object)
    filtered = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.margin_labels: dict[str, str] = {}
        self.badges: dict[str, Badge] = {}
        self.backgrounds: dict[str, QColor] = {}
        self._overlays: dict[str, dict[str, list[Overlay]]] = {}
        self._sources: dict[str, OverlaySource] = {}
        self._inline: dict[str, dict[str, list[InlineSegment]]] = {}
        self.visible: frozenset[str] | None = None
        self._batching = 0
        self._held: dict[str, set[str] | None] = {}  # signal → ids held (None: all)

    # -- batching ----------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one redraw: ``restyled`` and ``reflowed`` are sent once, at the
        end, for every block changed inside (each change alone rebuilds the page)."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching:
                held, self._held = self._held, {}
                if "reflowed" in held:
                    ids = held["reflowed"]
                    self.reflowed.emit(None if ids is None else frozenset(ids))
                if "restyled" in held:
                    ids = held["restyled"]
                    self.restyled.emit(None if ids is None else frozenset(ids))

    def _emit(self, name: str, ids: frozenset[str] | None) -> None:
        if not self._batching:
            getattr(self, name).emit(ids)
            return
        if name not in self._held:
            self._held[name] = None if ids is None else set(ids)
        else:
            kept = self._held[name]
            if kept is not None:
                if ids is None:
                    self._held[name] = None
                else:
                    kept.update(ids)

    # -- margins and status ------------------------------------------------------------------
    def set_margin_label(self, block_id: str, text: str | None) -> None:
        """Text in the left margin beside the block ("PP1"); None or "" removes it."""
        if text:
            self.margin_labels[block_id] = text
        else:
            self.margin_labels.pop(block_id, None)
        self._emit("restyled", frozenset({block_id}))

    def set_margin_labels(self, labels: Mapping[str, str]) -> None:
        """Replace every margin label at once."""
        self.margin_labels = {k: v for k, v in labels.items() if v}
        self._emit("restyled", None)

    def set_badge(self, block_id: str, text: str | None, color: QColor | None = None) -> None:
        """A status tag in the right margin; None removes it."""
        if text:
            self.badges[block_id] = Badge(text, color or QColor("#555555"))
        else:
            self.badges.pop(block_id, None)
        self._emit("restyled", frozenset({block_id}))

    def set_background(self, block_id: str, color: QColor | None) -> None:
        """A tint behind the whole block; None removes it."""
        if color is not None:
            self.backgrounds[block_id] = QColor(color)
        else:
            self.backgrounds.pop(block_id, None)
        self._emit("restyled", frozenset({block_id}))

    # -- character overlays ------------------------------------------------------------------
    def set_overlays(self, owner: str, overlays: Mapping[str, Iterable[Overlay]]) -> None:
        """Replace ``owner``'s overlays: block id → formats over model ranges."""
        old = set(self._overlays.get(owner, {}))
        self._overlays[owner] = {k: list(v) for k, v in overlays.items() if v}
        self._emit("restyled", frozenset(old | set(self._overlays[owner])))

    def add_overlay_source(self, owner: str, source: OverlaySource) -> None:
        """Overlays computed from a block's text each time it is drawn (spell checking)."""
        self._sources[owner] = source
        self._emit("restyled", None)

    def remove_overlay_source(self, owner: str) -> None:
        if self._sources.pop(owner, None) is not None:
            self._emit("restyled", None)

    def overlays_for(self, block_id: str, text: str) -> list[Overlay]:
        out = [o for by_block in self._overlays.values() for o in by_block.get(block_id, ())]
        for source in self._sources.values():
            out.extend(source(block_id, text))
        return out

    # -- derived inline segments -------------------------------------------------------------
    def set_inline(self, owner: str, segments: Mapping[str, Iterable[InlineSegment]]) -> None:
        """Replace ``owner``'s inline segments: paragraph id → segments at model offsets."""
        old = set(self._inline.get(owner, {}))
        self._inline[owner] = {k: list(v) for k, v in segments.items() if v}
        self._emit("reflowed", frozenset(old | set(self._inline[owner])))

    def inline_for(self, block_id: str) -> list[InlineSegment]:
        if not self._inline:
            return []
        out = [s for by_block in self._inline.values() for s in by_block.get(block_id, ())]
        return sorted(out, key=lambda s: s.offset)

    # -- filter ------------------------------------------------------------------------------
    def show_only(self, block_ids: Iterable[str] | None) -> None:
        """Show only these paragraphs (the front lines, headings and notes stay); None
        shows every paragraph again."""
        self.visible = None if block_ids is None else frozenset(block_ids)
        self.filtered.emit()
