"""The corpus browser's tree: documents (heading, title, symbol and date) → their paragraphs
with derived numbers and italic openers → sub-paragraphs (a), (i).

Documents are listed a page at a time as the view scrolls, and a document's paragraphs are
fetched only when it is expanded (both through ``fetchMore``), so the browser opens at once
on a corpus of ten thousand resolutions: the view lays out, and asks Python about, only the
rows it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt

from drafting_app.errors import DraftingError
from drafting_app.gui.common.roles import DOC_ID_ROLE, PARAGRAPH_ID_ROLE, ROOT, Index
from drafting_app.gui.common.segment_delegate import SEGMENTS_ROLE, Line
from drafting_app.gui.corpus.corpus_port import (
    Corpus,
    DocumentSummary,
    ParagraphEntry,
    document_label,
)

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Documents listed per page: a few screens' worth, so a page is read in a millisecond.
PAGE = 200
# Combined once: an enum "|" in flags(), called for every row the view lays out, is slow.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


@dataclass(eq=False)
class _Node:
    """A tree node: a document (``entry`` is a summary) or a paragraph (a paragraph entry)."""

    entry: Any
    parent: _Node | None
    row: int
    children: list[_Node] = field(default_factory=list)
    fetched: bool = False

    @property
    def is_document(self) -> bool:
        return self.parent is None


def paragraph_line(p: ParagraphEntry) -> Line:
    """Label, italic opener, the rest of the text and the footnote marks, as styled runs."""
    line: Line = [(p.label or "", "number")]
    text = p.text
    opener = p.opener if p.opener and text.startswith(p.opener) else ""
    if opener:
        line.append((opener, "italic"))
    rest = text[len(opener) :]
    if rest:
        line.append((rest, "plain"))
    marks = ",".join(str(n) for n in p.footnotes)
    if marks:
        line.append((marks.translate(_SUPERSCRIPT), "plain"))
    return line


def document_lines(d: DocumentSummary) -> list[Line]:
    """Two lines: the document's name in bold with its symbol, date and size in grey; then
    its title."""
    facts = [x for x in (d.symbol if d.heading else "", d.date) if x]
    facts.append(f"{d.paragraphs} paragraph{'s' if d.paragraphs != 1 else ''}")
    first: Line = [(document_label(d), "bold"), ("   " + " · ".join(facts), "muted")]
    return [first, [(d.title or "(untitled)", "plain")]]


class CorpusTreeModel(QAbstractItemModel):
    """Documents at the top level; their paragraph tree below, loaded on expansion."""

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._docs: list[_Node] = []
        self._total = 0
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the document list again (after adding documents or rebuilding the index):
        its first page now, the rest as the view scrolls."""
        self.beginResetModel()
        try:
            self._total = self._corpus.document_count()
            self._docs = self._page(0, PAGE)
        except DraftingError:  # a damaged index: empty until it is rebuilt (IndexHealth)
            self._total, self._docs = 0, []
        self.endResetModel()

    def document_count(self) -> int:
        """Documents in the corpus (listed or not yet)."""
        return self._total

    def _page(self, start: int, count: int) -> list[_Node]:
        try:
            docs = self._corpus.documents(start, count)
        except DraftingError:  # a damaged index: nothing listed until it is rebuilt
            return []
        return [_Node(d, None, start + i) for i, d in enumerate(docs)]

    def _fetch_documents(self, count: int) -> None:
        start = len(self._docs)
        page = self._page(start, count)
        if not page:  # the corpus shrank under us: nothing more to list
            self._total = start
            return
        self.beginInsertRows(ROOT, start, start + len(page) - 1)
        self._docs.extend(page)
        self.endInsertRows()

    def _build_children(self, node: _Node) -> list[_Node]:
        # Rows come in document order, depth first: a row's parent is the last row seen one
        # level up (its depth is the number of labels above it).
        top: list[_Node] = []
        open_levels: list[_Node] = []
        try:
            rows = self._corpus.paragraphs(node.entry.doc_id)
        except DraftingError:  # gone or damaged: shown without paragraphs
            rows = []
        for p in rows:
            depth = min(len(p.parents), len(open_levels))
            parent = open_levels[depth - 1] if depth else None
            siblings = parent.children if parent is not None else top
            child = _Node(p, parent if parent is not None else node, len(siblings))
            siblings.append(child)
            del open_levels[depth:]
            open_levels.append(child)
        return top

    # -- lookup ------------------------------------------------------------------------------
    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def document_index(self, doc_id: str) -> QModelIndex:
        """The index of a document, listing the rest of the corpus if it is not listed yet
        (going to a search hit in the last document of a large corpus)."""
        for node in self._docs:
            if node.entry.doc_id == doc_id:
                return self.createIndex(node.row, 0, node)
        listed = len(self._docs)
        if listed < self._total:
            self._fetch_documents(self._total - listed)
            for node in self._docs[listed:]:
                if node.entry.doc_id == doc_id:
                    return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def paragraph_index(self, doc_id: str, paragraph_id: str) -> QModelIndex:
        """The index of a paragraph, loading its document's paragraphs if needed."""
        doc = self.document_index(doc_id)
        if not doc.isValid():
            return QModelIndex()
        if self.canFetchMore(doc):
            self.fetchMore(doc)
        stack = list(self._doc_node(doc).children)
        while stack:
            node = stack.pop()
            if node.entry.paragraph_id == paragraph_id:
                return self.createIndex(node.row, 0, node)
            stack.extend(node.children)
        return QModelIndex()

    def _doc_node(self, index: Index) -> _Node:
        node = self._node(index)
        assert node is not None
        return node

    # -- QAbstractItemModel ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children_of(parent)
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def _children_of(self, parent: Index) -> list[_Node]:
        node = self._node(parent)
        return self._docs if node is None else node.children

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children_of(parent))

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    def hasChildren(self, parent: Index = ROOT) -> bool:
        node = self._node(parent)
        if node is None:
            return self._total > 0
        if node.is_document and not node.fetched:
            return node.entry.paragraphs > 0
        return bool(node.children)

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        if node is None:
            return len(self._docs) < self._total
        return node.is_document and not node.fetched

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node is None:
            self._fetch_documents(PAGE)
            return
        if node.fetched:
            return
        children = self._build_children(node)
        node.fetched = True
        if not children:
            return
        self.beginInsertRows(parent, 0, len(children) - 1)
        node.children = children
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and section == 0 and role == Qt.ItemDataRole.DisplayRole:
            return "Document / paragraph"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if node.is_document:
            return self._document_data(node.entry, role)
        return self._paragraph_data(node, role)

    def _document_data(self, d: DocumentSummary, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{document_label(d)} {d.title}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = ", ".join(x for x in (d.symbol, d.date) if x)
            return f"{document_label(d)}\n{d.title}" + (f"\n{facts}" if facts else "")
        if role == SEGMENTS_ROLE:
            return document_lines(d)
        if role == DOC_ID_ROLE:
            return d.doc_id
        return None

    def _paragraph_data(self, node: _Node, role: int) -> Any:
        p: ParagraphEntry = node.entry
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{p.label} {p.text}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"<b>{escape(p.place)}</b><br/>{escape(p.text)}"
        if role == SEGMENTS_ROLE:
            return [paragraph_line(p)]
        if role == DOC_ID_ROLE:
            doc = node
            while doc.parent is not None:
                doc = doc.parent
            return doc.entry.doc_id
        if role == PARAGRAPH_ID_ROLE:
            return p.paragraph_id
        return None
