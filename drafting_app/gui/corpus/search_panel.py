"""The corpus search box: search as you type (debounced) over the corpus full-text index;
hits list their provenance; activating one asks the window to show that paragraph."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from drafting_app.errors import DraftingError
from drafting_app.gui.common.segment_delegate import SegmentDelegate
from drafting_app.gui.corpus.corpus_port import Corpus, SearchResult, document_label
from drafting_app.gui.corpus.search_model import Row, SearchResultsModel

DEBOUNCE_MS = 150
RESULT_LIMIT = 100


class SearchPanel(QWidget):
    """Search box + results. ``hit_activated(doc_id, paragraph_id)`` on click or Enter."""

    hit_activated = Signal(str, str)
    searched = Signal(str, int)

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._names: dict[str, str] = {}
        self.box = QLineEdit(self)
        self.box.setPlaceholderText('Search the corpus — words or a "quoted phrase"')
        self.box.setClearButtonEnabled(True)
        self.box.setObjectName("corpusSearchBox")
        self.summary = QLabel(self)
        self.summary.setObjectName("corpusSearchSummary")
        self.summary.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("corpusSearchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SegmentDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setAlternatingRowColors(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self._enter)
        self.results.activated.connect(self._activate)
        self.results.clicked.connect(self._activate)
        self._show_summary("")

    def run_search(self) -> None:
        """Search now for the box's text (the debounce timer calls this)."""
        self._timer.stop()
        query = self.box.text().strip()
        if not query:
            self.model.set_rows([])
            self._show_summary("")
            return
        try:
            hits = self._corpus.search(query, limit=RESULT_LIMIT)
            rows = [Row(h, self._document_name(h), self._place(h)) for h in hits]
        except DraftingError as exc:
            self.model.set_rows([])
            self.summary.setText(str(exc))
            return
        self.model.set_rows(rows)
        self._show_summary(query)
        self.searched.emit(query, len(hits))

    def corpus_changed(self) -> None:
        """Forget cached names and places, then search again."""
        self._names.clear()
        self.run_search()

    def _document_name(self, hit: SearchResult) -> str:
        # One look-up per document the results name (not a listing of a corpus of ten
        # thousand at the first keystroke), kept until the corpus changes.
        name = self._names.get(hit.doc_id)
        if name is None:
            name = self._names[hit.doc_id] = document_label(self._corpus.info(hit.doc_id))
        return name or hit.heading or hit.title

    @staticmethod
    def _place(hit: SearchResult) -> str:
        # Where a drafter would cite it: "operative 9 (b)", not the bare label "(b)".
        return hit.place or f"{hit.part} {hit.label}".strip()

    def _show_summary(self, query: str) -> None:
        if not query:
            self.summary.setText("Type to search every paragraph of the corpus.")
            return
        n = self.model.rowCount()
        more = "+" if n >= RESULT_LIMIT else ""
        if n == 0:
            self.summary.setText(f"No paragraph matches “{query}”.")
        elif n == 1:
            self.summary.setText("1 paragraph matches.")
        else:
            self.summary.setText(f"{n}{more} paragraphs match.")

    def _enter(self) -> None:
        self.run_search()
        if self.model.rowCount():
            first = self.model.index(0, 0)
            self.results.setCurrentIndex(first)
            self._activate(first)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hit(index.row())
            self.hit_activated.emit(hit.doc_id, hit.paragraph_id)

    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
