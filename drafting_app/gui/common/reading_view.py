"""The central reading view: a corpus document as the UN prints it, with footnotes below;
a chosen paragraph is shaded and scrolled into view."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTextBrowser, QWidget

from drafting_app.gui.common.reading_html import anchor_name, document_html
from drafting_app.model.document import Document

BASE_POINT_SIZE = 12.5
MIN_POINT_SIZE = 7.5
MAX_POINT_SIZE = 32.5
_WELCOME = (
    '<html><body style="font-family: sans-serif; font-size: 10pt; color: #555;">'
    "<h3>No document open</h3>"
    "<p>Choose a document in the <b>Corpus</b> panel, or search the corpus "
    "(<b>Ctrl+F</b>) and pick a paragraph.</p>"
    "<p>Add the official texts you work with through <b>Corpus › Add Documents…</b> "
    "(Word, PDF or text files).</p>"
    "<p>To write a draft: <b>File › New from Template…</b> (<b>Ctrl+N</b>); to continue "
    "one, or to work on a Word, PDF or text draft from another delegation: "
    "<b>File › Open…</b> (<b>Ctrl+O</b>).</p></body></html>"
)


class ReadingView(QTextBrowser):
    """Read-only page of one corpus document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(28)
        self.point_size = BASE_POINT_SIZE
        self._apply_font()
        self.doc_id = ""
        self.paragraph_id = ""
        self.title = ""
        self._doc: Document | None = None
        self.setHtml(_WELCOME)

    def show_document(self, doc_id: str, doc: Document, paragraph_id: str = "") -> None:
        """Show ``doc``; shade and scroll to ``paragraph_id`` when given."""
        same = doc_id == self.doc_id and paragraph_id == self.paragraph_id
        if same and self._doc is doc:
            return
        self.doc_id, self.paragraph_id, self._doc = doc_id, paragraph_id, doc
        self.title = " ".join(x for x in (doc.heading, doc.title) if x) or "Corpus document"
        self.setHtml(document_html(doc, paragraph_id or None))
        if paragraph_id:
            self.scrollToAnchor(anchor_name(paragraph_id))
            # Leave the paragraph before it in view: a drafter reads a clause in context.
            bar = self.verticalScrollBar()
            bar.setValue(max(0, bar.value() - self.viewport().height() // 4))
        else:
            self.verticalScrollBar().setValue(0)

    def zoom(self, steps: int) -> None:
        """Larger (+) or smaller (-) text; 0 goes back to the normal size."""
        size = self.point_size + steps if steps else BASE_POINT_SIZE
        self.point_size = min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, size))
        self._apply_font()

    def _apply_font(self) -> None:
        font = QFont("Times New Roman")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(self.point_size)
        self.document().setDefaultFont(font)

    def clear_document(self) -> None:
        self.doc_id = self.paragraph_id = self.title = ""
        self._doc = None
        self.setHtml(_WELCOME)
