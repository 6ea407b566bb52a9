"""The corpus browser: the documents of the corpus and their numbered paragraphs in a tree;
selecting a document or a paragraph asks the window to show it in the reading view."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from drafting_app.gui.common.roles import DOC_ID_ROLE, PARAGRAPH_ID_ROLE
from drafting_app.gui.common.segment_delegate import SegmentDelegate
from drafting_app.gui.corpus.corpus_port import Corpus
from drafting_app.gui.corpus.tree_model import CorpusTreeModel


class CorpusBrowser(QWidget):
    """Tree of documents → paragraphs. ``selected(doc_id, paragraph_id or "")``."""

    selected = Signal(str, str)

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CorpusTreeModel(corpus, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("corpusTree")
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(SegmentDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def reload(self) -> None:
        self.model.reload()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        index = indexes[0]
        self.selected.emit(index.data(DOC_ID_ROLE), index.data(PARAGRAPH_ID_ROLE) or "")

    def select(self, doc_id: str, paragraph_id: str = "") -> bool:
        """Select (and reveal) a document or one of its paragraphs; False if unknown."""
        if paragraph_id:
            index = self.model.paragraph_index(doc_id, paragraph_id)
        else:
            index = self.model.document_index(doc_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def current(self) -> QModelIndex:
        return self.tree.currentIndex()
