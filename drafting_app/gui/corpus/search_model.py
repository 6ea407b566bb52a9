"""Corpus search results as a list model: each hit with its provenance (document, part,
paragraph number) and the matching words highlighted in a snippet of the paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QObject, Qt

from drafting_app.gui.common.roles import DOC_ID_ROLE, PARAGRAPH_ID_ROLE, ROOT, Index
from drafting_app.gui.common.segment_delegate import SEGMENTS_ROLE, Line
from drafting_app.gui.corpus.corpus_port import SearchResult

MATCH_START = "\x02"
MATCH_END = "\x03"


def snippet_runs(snippet: str, start: str = MATCH_START, end: str = MATCH_END) -> Line:
    """Split a snippet with match markers into plain and "match" runs (markers removed)."""
    runs: Line = []
    rest = snippet
    while rest:
        i = rest.find(start)
        if i < 0:
            runs.append((rest.replace(end, ""), "plain"))
            break
        if i:
            runs.append((rest[:i], "plain"))
        j = rest.find(end, i + len(start))
        if j < 0:
            runs.append((rest[i + len(start) :], "match"))
            break
        runs.append((rest[i + len(start) : j], "match"))
        rest = rest[j + len(end) :]
    return [(t, s) for t, s in runs if t]


def plain_snippet(snippet: str) -> str:
    return snippet.replace(MATCH_START, "").replace(MATCH_END, "")


@dataclass(frozen=True)
class Row:
    """A hit with its provenance spelled out: the document's name and the paragraph's
    place as a drafter cites it ("preamble 2", "operative 9 (b)")."""

    hit: SearchResult
    document: str
    place: str


class SearchResultsModel(QAbstractListModel):
    """The hits of the last search, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def hit(self, row: int) -> SearchResult:
        return self._rows[row].hit

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        hit = row.hit
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.document} — {row.place}: {plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"<b>{escape(row.document)}, {escape(row.place)}</b><br/>{escape(hit.title)}"
        if role == SEGMENTS_ROLE:
            head: Line = [(row.document, "bold"), ("  " + row.place, "label")]
            if hit.title:
                head.append(("  " + hit.title, "muted"))
            return [head, snippet_runs(hit.snippet)]
        if role == DOC_ID_ROLE:
            return hit.doc_id
        if role == PARAGRAPH_ID_ROLE:
            return hit.paragraph_id
        return None
