"""Writing texts into the corpus index and taking them out, inside the caller's transaction.

A text's passages take consecutive ids (``documents.first_row .. last_row``), so its
paragraphs, footnotes, clauses and citations are removed by one range each. Full-text
rows follow by trigger; the vocabulary is kept by counting the words that went and came
(:class:`~drafting_app.fulltext.upkeep.VocabularyChange`) or, after a bulk build, recounted
once. New clauses are written ungrouped (group 0) and the groups a removal touched are
remembered: :func:`drafting_app.clauses.regroup.settle` puts both right at the end.
"""

from __future__ import annotations

import json
import sqlite3

from drafting_app.corpus.records import TextRecord
from drafting_app.fulltext import upkeep

TOKENIZE = "unicode61 remove_diacritics 2"
VOCABULARY = "vocabulary"

_DOC_INSERT = (
    "INSERT INTO documents (doc_id, path, kind, form, heading, title, symbol, body, date,"
    " paragraphs, footnotes, origin, label, file_key, text_index, text_kind, number,"
    " first_row, last_row) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_PASSAGE_INSERT = (
    "INSERT INTO paragraphs (id, doc, seq, paragraph_id, part, label, parents, opener,"
    " text, footnotes, position) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)
_CLAUSE_INSERT = "INSERT INTO clauses VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)"
_CITATION_INSERT = "INSERT INTO citations VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"


class IndexWriter:
    """Writes and removes texts on ``conn`` (inside the caller's transaction). With
    ``count_words`` the vocabulary follows each change; without (a bulk build) the caller
    recounts it once at the end."""

    def __init__(self, conn: sqlite3.Connection, *, count_words: bool) -> None:
        self._conn = conn
        self.count_words = count_words
        self._change = upkeep.VocabularyChange(conn, VOCABULARY, TOKENIZE) if count_words else None
        self.touched_groups: set[int] = set()
        self.added_clauses = 0
        row = conn.execute("SELECT coalesce(max(id), 0) FROM paragraphs").fetchone()
        self._next_id = int(row[0]) + 1
        self._unindexed = self._next_id  # passages from here on are not in the full text yet
        self._bodies: dict[str, int] = {
            str(name): int(i) for i, name in conn.execute("SELECT id, name FROM bodies")
        }

    # -- removing ------------------------------------------------------------------------
    def remove_file(self, file_key: str) -> None:
        """Take every text of a file out of the index."""
        rows = self._conn.execute(
            "SELECT doc_id, first_row, last_row FROM documents WHERE file_key = ?", (file_key,)
        ).fetchall()
        for doc_id, first, last in rows:
            self._remove_text(str(doc_id), int(first), int(last))

    def _remove_text(self, doc_id: str, first: int, last: int) -> None:
        conn = self._conn
        if self._change is not None:
            texts = conn.execute(
                "SELECT text FROM paragraphs WHERE id BETWEEN ? AND ?", (first, last)
            )
            self._change.remove(t for (t,) in texts)
        self.touched_groups.update(
            int(g)
            for (g,) in conn.execute(
                "SELECT DISTINCT group_id FROM clauses WHERE id BETWEEN ? AND ? AND group_id != 0",
                (first, last),
            )
        )
        conn.execute("DELETE FROM clauses WHERE id BETWEEN ? AND ?", (first, last))
        conn.execute("DELETE FROM citations WHERE row BETWEEN ? AND ?", (first, last))
        conn.execute("DELETE FROM paragraphs WHERE id BETWEEN ? AND ?", (first, last))
        conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    # -- adding --------------------------------------------------------------------------
    def _body(self, name: str) -> int:
        if not name:
            return 0
        found = self._bodies.get(name)
        if found is None:
            cursor = self._conn.execute("INSERT INTO bodies (name) VALUES (?)", (name,))
            found = self._bodies[name] = int(cursor.lastrowid or 0)
        return found

    def add_text(self, file_key: str, index: int, record: TextRecord) -> None:
        """Write one text: its listing, passages, clauses (ungrouped) and citations."""
        conn, i = self._conn, record.info
        first = self._next_id
        last = first + len(record.passages) - 1
        self._next_id = last + 1
        doc = conn.execute(
            _DOC_INSERT,
            (
                i.doc_id, i.path, i.kind, i.form, i.heading, i.title, i.symbol, i.body, i.date,
                i.paragraphs, i.footnotes, i.origin, i.label, file_key, index, i.text_kind,
                i.number, first, last,
            ),
        ).lastrowid  # fmt: skip
        conn.executemany(
            _PASSAGE_INSERT,
            [(first + seq, doc, seq, *p) for seq, p in enumerate(record.passages)],
        )

        conn.executemany(
            _CLAUSE_INSERT,
            [
                (first + seq, key, number, opener, category, italics, notes,
                 json.dumps([first + c for c in children], separators=(",", ":"))
                 if children else "")
                for seq, key, number, opener, category, italics, notes, children in record.clauses
            ],
        )  # fmt: skip
        conn.executemany(
            _CITATION_INSERT,
            [
                (first + seq, n, start, end, kind, body, self._body(full), number, date, vols,
                 treaty, ibid)
                for seq, n, start, end, kind, body, full, number, date, vols, treaty, ibid
                in record.citations
            ],
        )  # fmt: skip
        self.added_clauses += len(record.clauses)
        if self._change is not None:
            self._change.add(record.paragraph_texts)

    # -- finishing -----------------------------------------------------------------------
    def index_text(self) -> None:
        """Put the passages written since the last call into the full-text index, in one
        statement (a fifth of the cost of a trigger's row-by-row inserts; a text could not
        be removed before this: a sync removes a file's old texts before it adds)."""
        if self._next_id > self._unindexed:
            self._conn.execute(
                "INSERT INTO paragraphs_fts(rowid, text)"
                " SELECT id, text FROM paragraphs WHERE id >= ?",
                (self._unindexed,),
            )
            self._unindexed = self._next_id

    def finish_words(self) -> None:
        """Apply the counted words to the vocabulary (nothing after a bulk build)."""
        if self._change is not None:
            self._change.apply()


def recount_words(conn: sqlite3.Connection) -> None:
    """The vocabulary counted again from the full-text index (after a bulk build)."""
    upkeep.recount(conn, "paragraphs_fts", VOCABULARY, "paragraphs")
