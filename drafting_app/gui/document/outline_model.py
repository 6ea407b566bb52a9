"""The outline of a draft: Preamble and Operative part, their paragraphs with derived numbers
(1., (a), (i)) and italic openers, sub-paragraphs nested; then each annex as a part of its
own ("Annex — Awaza Political Declaration") with its headings as rows between its
paragraphs, numbered again from 1. as the UN prints annexes. A text in lettered parts
(A/RES/78/122 A–B, decision 79/537 A, B and C) has a row for each part ("A — Information
in the service of humanity") over its paragraphs; they are shown to go to, not dragged.
Dragging a paragraph onto another place asks the controller for a :class:`MoveParagraph`;
the model itself never edits.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QObject, Qt, Signal

from drafting_app.gui.common.roles import CLAUSE_MIME, PARAGRAPH_ID_ROLE, ROOT, Index
from drafting_app.gui.common.segment_delegate import SEGMENTS_ROLE, Line
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.model.annex_edits import annex_name
from drafting_app.model.changes import ChangeSet
from drafting_app.model.document import Annex, DocumentPart, Heading, Paragraph, Part, Span
from drafting_app.model.edits import MoveParagraph
from drafting_app.model.tree import Location, locate

PART_ROLE = int(Qt.ItemDataRole.UserRole) + 3
ANNEX_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # the annex id of a row in an annex
HEADING_ROLE = int(Qt.ItemDataRole.UserRole) + 5  # the id of an annex heading row
MIME_TYPE = "application/x-drafting-app-paragraph"
PART_TITLES = {Part.PREAMBLE: "Preamble", Part.OPERATIVE: "Operative part"}
_SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")


@dataclass(eq=False)
class _Node:
    part: Part
    paragraph: Paragraph | None  # None: a part's or an annex's group row, or a heading
    parent: _Node | None
    row: int
    children: list[_Node] = field(default_factory=list)
    movable: bool = True
    annex: Annex | None = None  # the annex the row is in (or heads)
    heading: Heading | None = None
    # The lettered part the row is in (or heads). No edit moves a paragraph into or out of
    # a part (a Location names the main body's lists), so these rows are not dragged.
    lettered: DocumentPart | None = None


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

    ``clauseDropped(ref, Location)``: a clause from the picker was dropped at that place;
    whoever owns the picker resolves ``ref`` and inserts it."""

    clauseDropped = Signal(str, object)

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._groups: list[_Node] = []
        self._by_id: dict[str, _Node] = {}
        self._blocks: dict[str, _Node] = {}  # annex and heading rows by id
        self._labels: dict[str, str] = {}
        self._marks: dict[str, int] = {}
        self._build()
        controller.changed.connect(self._on_changed)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self._labels = self.controller.numbers.labels()
        self._marks = self.controller.numbers.footnotes()
        self._by_id = {}
        self._blocks = {}
        if not self._groups:  # the two body group rows live as long as the model
            parts = (Part.PREAMBLE, Part.OPERATIVE)
            self._groups = [_Node(p, None, None, row, movable=False) for row, p in enumerate(parts)]
        del self._groups[2:]
        for group in self._groups:
            group.children = []
            for row, item in enumerate(self._wanted(group)):
                group.children.append(self._node_for(group, row, item))
        for lettered in self.controller.doc.parts:
            group = _Node(Part.OPERATIVE, None, None, len(self._groups), movable=False)
            group.lettered = lettered
            self._groups.append(group)
            for row, item in enumerate(self._wanted(group)):
                group.children.append(self._node_for(group, row, item))
        for annex in self.controller.doc.annexes:
            group = _Node(Part.OPERATIVE, None, None, len(self._groups), movable=False, annex=annex)
            self._groups.append(group)
            self._blocks[annex.id] = group
            for row, item in enumerate(self._wanted(group)):
                group.children.append(self._node_for(group, row, item))

    def _wanted(self, node: _Node) -> list[Paragraph | Heading]:
        """What the draft has under ``node`` now: its rows' paragraphs and headings."""
        doc = self.controller.doc
        rows: list[Paragraph | Heading] = []
        if node.heading is not None:
            return rows
        if node.paragraph is not None:
            rows.extend(node.paragraph.children)
        elif node.annex is not None:
            rows.extend(node.annex.blocks)
        elif node.lettered is not None:
            part = node.lettered
            rows.extend([part.chapeau] if part.chapeau is not None else [])
            rows.extend([*part.preamble, *part.operative])
        elif node.part is Part.PREAMBLE:
            rows.extend([doc.chapeau] if doc.chapeau is not None else [])
            rows.extend(doc.preamble)
        else:
            rows.extend(doc.operative)
        return rows

    def _node_for(self, parent: _Node, row: int, item: Paragraph | Heading) -> _Node:
        """A row (with the rows under it) for a paragraph or an annex heading."""
        if isinstance(item, Heading):
            node = _Node(parent.part, None, parent, row, movable=False)
            node.annex, node.heading = parent.annex, item
            self._blocks[item.id] = node
            return node
        chapeau = self.controller.doc.chapeau is item
        node = _Node(parent.part, item, parent, row, movable=not chapeau)
        node.annex, node.lettered = parent.annex, parent.lettered
        node.movable = node.movable and node.lettered is None
        self._by_id[item.id] = node
        node.children = [self._node_for(node, r, c) for r, c in enumerate(item.children)]
        return node

    def _forget(self, node: _Node) -> None:
        if node.paragraph is not None:
            self._by_id.pop(node.paragraph.id, None)
        if node.heading is not None:
            self._blocks.pop(node.heading.id, None)
        for c in node.children:
            self._forget(c)

    # -- following the draft -----------------------------------------------------------------
    def _on_changed(self, changes: ChangeSet) -> None:
        marks = self._marks
        structural = changes.structure_changed or changes.inserted or changes.deleted
        if (structural or changes.moved) and not self._follow_structure():
            self.beginResetModel()
            self._build()
            self.endResetModel()
            return
        self._labels = self.controller.numbers.labels()
        self._marks = self.controller.numbers.footnotes()
        ids = set(changes.changed_ids)
        if self._marks != marks:  # renumbered notes: the marks of every row may read anew
            ids |= {pid for pid, n in self._by_id.items() if n.paragraph and n.paragraph.anchors}
        if changes.annexes_changed:  # a title or heading retyped
            ids |= set(self._blocks)
        for pid in ids:
            index = self.index_of(pid)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def _follow_structure(self) -> bool:
        """Rows inserted, removed or moved in one list, as the edit did (a Return, a
        paste, a deletion, Alt+Up/Down): the view keeps its expanded rows, selection and
        scroll, and the work is that list's. False for anything else (the model is then
        reset)."""
        doc = self.controller.doc
        if [g.annex.id for g in self._groups[2:] if g.annex] != [a.id for a in doc.annexes]:
            return False
        if [id(g.lettered) for g in self._groups[2:] if g.lettered] != [id(p) for p in doc.parts]:
            return False
        differing: list[tuple[_Node, list[Paragraph | Heading]]] = []
        stack = list(self._groups)
        while stack:
            node = stack.pop()
            want = self._wanted(node)
            have = [c.paragraph or c.heading for c in node.children]
            if [x.id for x in have if x] != [w.id for w in want]:
                differing.append((node, want))
                if len(differing) > 1:
                    return False
                kept = {w.id for w in want}
                stack.extend(
                    c for c, x in zip(node.children, have, strict=True) if x and x.id in kept
                )
                continue
            stack.extend(node.children)
        if not differing:
            return True
        node, want = differing[0]
        return self._splice(node, want)

    def _splice(self, node: _Node, want: list[Paragraph | Heading]) -> bool:
        old = [c.paragraph.id if c.paragraph else c.heading.id if c.heading else "" for c in
               node.children]  # fmt: skip
        new = [w.id for w in want]
        parent = self._index_of_node(node)
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        gone, came = old[head : len(old) - tail], new[head : len(new) - tail]
        if gone and came:
            return self._move_within(node, parent, old, new)
        if came:
            if set(came) & set(self._by_id):
                return False  # rows that exist elsewhere: a move across lists
            self.beginInsertRows(parent, head, head + len(came) - 1)
            rows = [self._node_for(node, head + k, want[head + k]) for k in range(len(came))]
            node.children[head:head] = rows
            self._renumber(node)
            self.endInsertRows()
        elif gone:
            self.beginRemoveRows(parent, head, head + len(gone) - 1)
            for c in node.children[head : head + len(gone)]:
                self._forget(c)
            del node.children[head : head + len(gone)]
            self._renumber(node)
            self.endRemoveRows()
        self._relabel(node)
        return True

    def _move_within(
        self, node: _Node, parent: QModelIndex, old: list[str], new: list[str]
    ) -> bool:
        """One row moved to another place in the same list (Alt+Up / Alt+Down)."""
        if sorted(old) != sorted(new) or len(old) < 2:
            return False
        for i in range(len(old)):
            moved = old[:i] + old[i + 1 :]
            for j in range(len(new)):
                if new[:j] + new[j + 1 :] == moved and new[j] == old[i]:
                    dest = j if j < i else j + 1  # Qt counts the place before the move
                    if dest in (i, i + 1):
                        continue
                    self.beginMoveRows(parent, i, i, parent, dest)
                    row = node.children.pop(i)
                    node.children.insert(j, row)
                    self._renumber(node)
                    self.endMoveRows()
                    self._relabel(node)
                    return True
        return False

    @staticmethod
    def _renumber(node: _Node) -> None:
        for row, c in enumerate(node.children):
            c.row = row

    def _relabel(self, node: _Node) -> None:
        """The numbers of a list's rows after rows came, went or moved (and the count on
        its part's row)."""
        self._labels = self.controller.numbers.labels()
        if node.children:
            parent = self._index_of_node(node)
            first, last = self.index(0, 0, parent), self.index(len(node.children) - 1, 0, parent)
            self.dataChanged.emit(first, last)
        group = node
        while group.parent is not None:
            group = group.parent
        index = self._index_of_node(group)
        self.dataChanged.emit(index, index)

    def _index_of_node(self, node: _Node) -> QModelIndex:
        return self.createIndex(node.row, 0, node)

    # -- lookup ------------------------------------------------------------------------------
    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def index_of(self, pid: str) -> QModelIndex:
        """The row of a paragraph, an annex or an annex heading (by id)."""
        node = self._by_id.get(pid) or self._blocks.get(pid)
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
        if node.lettered is None:
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
        if role == ANNEX_ROLE:
            return node.annex.id if node.annex is not None else ""
        if node.heading is not None:
            return self._heading_data(node.heading, role)
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
        title, subtitle = PART_TITLES[node.part], ""
        n = len(node.children)
        if node.annex is not None:
            title, subtitle = self._annex_titles(node.annex)
            n = len(node.annex.paragraphs())
        if node.lettered is not None:
            # "A — Information in the service of humanity" (a decision's part: "A").
            title, subtitle = node.lettered.label, node.lettered.title
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{title} — {subtitle}" if subtitle else title
        if role == Qt.ItemDataRole.ToolTipRole and node.annex is not None:
            return "\n".join([node.annex.title, *node.annex.lines]).strip()
        if role == SEGMENTS_ROLE:
            line: Line = [(title, "bold")]
            if subtitle:
                line.append((f" — {subtitle}", "plain"))
            return [[*line, (f"   {n} paragraph{'s' if n != 1 else ''}", "muted")]]
        return None

    def _annex_titles(self, annex: Annex) -> tuple[str, str]:
        """("Annex I", "Political declaration …"); a text adopted inline has no "Annex"
        line, so its own title heads the row."""
        name = annex_name(self.controller.doc, annex)
        lines = [line.strip() for line in annex.lines if line.strip()]
        return name, (lines[0] if annex.title.strip() and lines else "")

    def _heading_data(self, heading: Heading, role: int) -> Any:
        if role == HEADING_ROLE:
            return heading.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return heading.text
        if role == SEGMENTS_ROLE:
            return [[(heading.text, "bold")] if heading.text else [("(empty heading)", "muted")]]
        return None

    # -- drag and drop -----------------------------------------------------------------------
    def _drop_place(self, row: int, parent: Index) -> Location | None:
        """The place of a drop at ``row`` under ``parent``: onto a heading is just after
        it; between an annex's rows, that place among its blocks."""
        target = self._node(parent)
        if target is None or target.lettered is not None:
            return None
        annex = target.annex.id if target.annex is not None else None
        if target.heading is not None and target.parent is not None:
            return Location(target.part, None, target.row + 1, annex)
        parent_id = None if target.paragraph is None else target.paragraph.id
        siblings = len(target.children)
        index = siblings if row < 0 else min(row, siblings)
        first = target.children[0] if target.children else None
        if target.paragraph is None and target.annex is None and first and not first.movable:
            index = max(0, index - 1)  # the decision chapeau heads the list but is not in it
        return Location(target.part, parent_id, index, annex)

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
        if data.hasFormat(CLAUSE_MIME):
            # The picker resolves the clause and the controller inserts it (one undo step).
            self.clauseDropped.emit(bytes(data.data(CLAUSE_MIME).data()).decode(), place)
            return False
        pid = bytes(data.data(MIME_TYPE).data()).decode()
        if pid not in self._by_id:
            return False
        here = locate(self.controller.doc, pid)
        index = place.index
        same_list = (here.part, here.parent_id, here.annex) == (
            place.part,
            place.parent_id,
            place.annex,
        )
        if same_list and here.index < index:
            index -= 1  # MoveParagraph counts the list after the paragraph left it
        if same_list and here.index == index:
            return False
        self.controller.apply(MoveParagraph(pid, place.part, place.parent_id, index, place.annex))
        return False
