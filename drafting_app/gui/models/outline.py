"""The outline of a draft: Preamble and Operative part, their paragraphs with derived numbers
(1., (a), (i)) and italic openers, sub-paragraphs nested. Dragging a paragraph onto another
place asks the controller for a :class:`MoveParagraph`; the model itself never edits.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, Qt, Signal

from drafting_app.gui.document_controller import DocumentController
from drafting_app.gui.models.roles import CLAUSE_MIME, PARAGRAPH_ID_ROLE, ROOT, Index
from drafting_app.gui.segment_delegate import SEGMENTS_ROLE, Line
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Paragraph, Part, Span
from drafting_app.model.edits import MoveParagraph
from drafting_app.model.numbering import footnote_numbers, paragraph_labels
from drafting_app.model.tree import locate

PART_ROLE = int(Qt.ItemDataRole.UserRole) + 3
MIME_TYPE = "application/x-drafting-app-paragraph"
PART_TITLES = {Part.PREAMBLE: "Preamble", Part.OPERATIVE: "Operative part"}
_SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")


@dataclass(eq=False)
class _Node:
    part: Part
    paragraph: Paragraph | None  # None: the part's group row
    parent: _Node | None
    row: int
    children: list[_Node] = field(default_factory=list)
    movable: bool = True


def styled_runs(text: str, italics: list[Span], marks: dict[int, str]) -> Line:
    """The paragraph text as runs: italic spans in italics, footnote marks as superscripts."""
    cuts = sorted({0, len(text), *marks, *(x for s in italics for x in (s.start, s.end))})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    runs: Line = []
    for start, end in itertools.pairwise(cuts):
        if start in marks and start:
            runs.append((marks[start].translate(_SUPERSCRIPT), "plain"))
        italic = any(s.start <= start and end <= s.end for s in italics)
        runs.append((text[start:end], "italic" if italic else "plain"))
    if len(text) in marks:
        runs.append((marks[len(text)].translate(_SUPERSCRIPT), "plain"))
    return runs


class OutlineModel(QAbstractItemModel):
    """A read-only tree of the draft's body that follows the controller's changes.

    ``clauseDropped(ref, (part, parent_id, index))``: a clause from the picker was dropped
    at that place; whoever owns the picker resolves ``ref`` and inserts it."""

    clauseDropped = Signal(str, object)

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._groups: list[_Node] = []
        self._by_id: dict[str, _Node] = {}
        self._labels: dict[str, str] = {}
        self._marks: dict[str, int] = {}
        self._build()
        controller.changed.connect(self._on_changed)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        doc = self.controller.doc
        self._labels = paragraph_labels(doc)
        self._marks = footnote_numbers(doc)
        self._by_id = {}
        if not self._groups:  # the two group rows live as long as the model
            parts = (Part.PREAMBLE, Part.OPERATIVE)
            self._groups = [_Node(p, None, None, row, movable=False) for row, p in enumerate(parts)]
        for group in self._groups:
            group.children = []
            paras = doc.preamble if group.part is Part.PREAMBLE else doc.operative
            if group.part is Part.PREAMBLE and doc.chapeau is not None:
                self._add(group, doc.chapeau, movable=False)
            for p in paras:
                self._add(group, p)

    def _add(self, parent: _Node, p: Paragraph, movable: bool = True) -> None:
        node = _Node(parent.part, p, parent, len(parent.children), movable=movable)
        parent.children.append(node)
        self._by_id[p.id] = node
        for child in p.children:
            self._add(node, child)

    def _on_changed(self, changes: ChangeSet) -> None:
        structural = changes.structure_changed or changes.inserted or changes.deleted
        if structural or changes.moved:
            self.beginResetModel()
            self._build()
            self.endResetModel()
            return
        doc = self.controller.doc
        self._marks = footnote_numbers(doc)
        ids = set(self._by_id) if changes.footnotes_changed else set(changes.changed_ids)
        for pid in ids:
            index = self.index_of(pid)
            if index.isValid():
                self.dataChanged.emit(index, index)

    # -- lookup ------------------------------------------------------------------------------
    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def index_of(self, pid: str) -> QModelIndex:
        node = self._by_id.get(pid)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def group_index(self, part: Part) -> QModelIndex:
        row = 0 if part is Part.PREAMBLE else 1
        return self.createIndex(row, 0, self._groups[row])

    def paragraph_ids(self) -> list[str]:
        """Every paragraph id in outline order (depth first)."""
        return list(self._by_id)

    # -- QAbstractItemModel ------------------------------------------------------------------
    def _children(self, parent: Index) -> list[_Node]:
        node = self._node(parent)
        return self._groups if node is None else node.children

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        children = self._children(parent)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        if node.movable and node.paragraph is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if role == PART_ROLE:
            return node.part.value
        p = node.paragraph
        if p is None:
            return self._group_data(node, role)
        if role == PARAGRAPH_ID_ROLE:
            return p.id
        label = self._labels.get(p.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{label} {p.text}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.text
        if role == SEGMENTS_ROLE:
            marks: dict[int, str] = {}
            for a in p.anchors:
                number = str(self._marks.get(a.footnote_id, "?"))
                marks[a.offset] = f"{marks[a.offset]},{number}" if a.offset in marks else number
            line: Line = [(label, "number")]
            if not p.text:
                return [[*line, ("(empty paragraph — type its text)", "muted")]]
            return [[*line, *styled_runs(p.text, p.italics, marks)]]
        return None

    def _group_data(self, node: _Node, role: int) -> Any:
        title = PART_TITLES[node.part]
        n = len(node.children)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == SEGMENTS_ROLE:
            return [[(title, "bold"), (f"   {n} paragraph{'s' if n != 1 else ''}", "muted")]]
        return None

    # -- drag and drop -----------------------------------------------------------------------
    def _drop_place(self, row: int, parent: Index) -> tuple[Part, str | None, int] | None:
        """(part, parent paragraph id, index) of a drop at ``row`` under ``parent``."""
        target = self._node(parent)
        if target is None:
            return None
        parent_id = None if target.paragraph is None else target.paragraph.id
        siblings = len(target.children)
        index = siblings if row < 0 else min(row, siblings)
        if target.paragraph is None and target.children and not target.children[0].movable:
            index = max(0, index - 1)  # the decision chapeau heads the list but is not in it
        return target.part, parent_id, index

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE, CLAUSE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        ids = [i.data(PARAGRAPH_ID_ROLE) for i in indexes if i.data(PARAGRAPH_ID_ROLE)]
        data.setData(MIME_TYPE, "\n".join(ids[:1]).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if data.hasFormat(CLAUSE_MIME):
            return action in (Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask the controller to move the dragged paragraph; the reset that follows shows
        it. Returns False so the view does not also remove the source row itself."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        place = self._drop_place(row, parent)
        if place is None:
            return False
        part, parent_id, index = place
        if data.hasFormat(CLAUSE_MIME):
            # The picker resolves the clause and the controller inserts it (one undo step).
            self.clauseDropped.emit(bytes(data.data(CLAUSE_MIME).data()).decode(), place)
            return False
        pid = bytes(data.data(MIME_TYPE).data()).decode()
        if pid not in self._by_id:
            return False
        here = locate(self.controller.doc, pid)
        if here.parent_id == parent_id and here.part is part and here.index < index:
            index -= 1  # MoveParagraph counts the list after the paragraph left it
        if (here.part, here.parent_id, here.index) == (part, parent_id, index):
            return False
        self.controller.apply(MoveParagraph(pid, part, parent_id, index))
        return False
