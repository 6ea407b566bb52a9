"""Agreed language: for the paragraph being edited, where its text departs from the clause
it was inserted from (struck-through words were agreed and are gone; underlined words are
new). Negotiators ask of every proposal "is this agreed language?" — this answers it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser, QWidget

from drafting_app.model.document import Paragraph

if TYPE_CHECKING:
    from drafting_app.gui.document.draft_editor import DraftEditor


def deviation_html(paragraph: Paragraph | None) -> str:
    """The paragraph's text with its departures from agreed language marked up."""
    if paragraph is None:
        return "<p><i>No paragraph selected.</i></p>"
    record = paragraph.provenance or {}
    agreed = record.get("agreed_text")
    label = html.escape(record.get("label", ""))
    if agreed is None:
        source = f" (from template: {label})" if record.get("template") else ""
        return f"<p><i>This paragraph was not inserted from agreed language{source}.</i></p>"
    from drafting_app.clauses.deviation import word_diff  # difflib: with the first paragraph

    ops = word_diff(agreed, paragraph.text)
    changed = [op for op in ops if op.op != "equal" and (op.agreed.strip() or op.current.strip())]
    if not changed:
        return f"<p><b>Agreed language</b> — {label}, unchanged.</p>"
    parts: list[str] = []
    for op in ops:
        if op.op == "equal":
            parts.append(html.escape(op.current))
            continue
        if op.agreed.strip():
            parts.append(f"<s style='color:#a40000'>{html.escape(op.agreed)}</s>")
        if op.current.strip():  # the spaces around new words stay unmarked
            core = op.current.strip()
            lead, tail = (
                op.current[: op.current.index(core)],
                op.current[op.current.index(core) + len(core) :],
            )
            parts.append(f"{lead}<u style='color:#204a87'>{html.escape(core)}</u>{tail}")
    count = len(changed)
    head = (
        f"<p><b>Departs from agreed language</b> — {label}: {count} change{'s' * (count > 1)}</p>"
    )
    return head + "<p>" + "".join(parts) + "</p>"


class DeviationView(QTextBrowser):
    """Follows the current paragraph of the current draft (see module doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviationView")
        self._editor: DraftEditor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # typing: refresh once the burst pauses
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def follow(self, editor: DraftEditor | None) -> None:
        if editor is self._editor:
            return
        if self._editor is not None:
            self._editor.outline.selectionModel().selectionChanged.disconnect(self._later)
            self._editor.controller.changed.disconnect(self._later)
        self._editor = editor
        if editor is not None:
            editor.outline.selectionModel().selectionChanged.connect(self._later)
            editor.controller.changed.connect(self._later)
        self.refresh()

    def _later(self, *_args: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        editor = self._editor
        pid = editor.current_pid() if editor is not None else ""
        paragraph = None
        if editor is not None and pid:
            try:
                paragraph = editor.controller.doc.paragraph(pid)
            except KeyError:
                paragraph = None
        self.setHtml(deviation_html(paragraph))
