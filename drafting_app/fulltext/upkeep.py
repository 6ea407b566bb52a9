"""A vocabulary table kept equal to what FTS5 itself counts, row for row.

``vocabulary(term PRIMARY KEY, docs)`` holds, for every word of an FTS5 table, the number
of rows holding it — ``fts5vocab``'s ``doc`` column, read once instead of per keystroke
(a full ``fts5vocab`` scan of 400,000 paragraphs takes about 0.4 s). After a large change
it is recounted from ``fts5vocab``; after a small one the words of the rows that went and
came are counted by FTS5 itself — a scratch in-memory FTS5 table with the same tokenizer —
and subtracted and added, so no Python tokenizer can drift from the index's.

The table also keeps, in ``totals``, the number of rows and their total length in
characters: BM25's average row length, read without a pass over the rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

ROWS = "rows"
CHARACTERS = "characters"


def schema(table: str) -> str:
    """The SQL creating the vocabulary ``table`` and its ``<table>_totals``."""
    return (
        f"CREATE TABLE {table} (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;\n"
        f"CREATE TABLE {table}_totals (key TEXT PRIMARY KEY, value INTEGER NOT NULL);\n"
        f"INSERT INTO {table}_totals VALUES ('{ROWS}', 0), ('{CHARACTERS}', 0);\n"
    )


def recount(conn: sqlite3.Connection, fts: str, table: str, content: str) -> None:
    """Fill ``table`` from ``fts5vocab`` over the FTS5 table ``fts`` (in ``main``), and the
    totals from its ``content`` table's ``text`` column."""
    conn.execute(f"CREATE VIRTUAL TABLE temp.{table}_scan USING fts5vocab(main, {fts}, row)")
    try:
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} SELECT term, doc FROM temp.{table}_scan")
    finally:
        conn.execute(f"DROP TABLE temp.{table}_scan")
    rows, chars = conn.execute(
        f"SELECT count(*), coalesce(sum(length(text)), 0) FROM {content}"
    ).fetchone()
    conn.execute(f"DELETE FROM {table}_totals")
    conn.executemany(
        f"INSERT INTO {table}_totals VALUES (?, ?)", [(ROWS, rows), (CHARACTERS, chars)]
    )


def totals(conn: sqlite3.Connection, table: str) -> tuple[int, int]:
    """(rows, characters) of the indexed text."""
    found = dict(conn.execute(f"SELECT key, value FROM {table}_totals"))
    return int(found.get(ROWS, 0)), int(found.get(CHARACTERS, 0))


class VocabularyChange:
    """The texts of the rows an edit removes from and adds to an FTS5 table, applied to
    its vocabulary table in one step (:meth:`apply`) inside the same transaction.

    ``tokenize`` must be the FTS5 table's own ``tokenize`` option: the scratch table then
    splits the texts exactly as the index did."""

    def __init__(self, conn: sqlite3.Connection, table: str, tokenize: str) -> None:
        self._conn = conn
        self._table = table
        self._tokenize = tokenize
        self._scratch = f"{table}_change"
        self._open = False
        self._rows = 0
        self._chars = 0

    def _ensure(self) -> None:
        if not self._open:
            # In temp: never written to the corpus file; gone with the connection.
            self._conn.execute(
                f"CREATE VIRTUAL TABLE temp.{self._scratch} USING fts5(gone, came,"
                f" tokenize={self._tokenize!r}, detail=column)"
            )
            self._open = True

    def remove(self, texts: Iterable[str]) -> None:
        self._add(texts, "gone", -1)

    def add(self, texts: Iterable[str]) -> None:
        self._add(texts, "came", 1)

    def _add(self, texts: Iterable[str], column: str, sign: int) -> None:
        self._ensure()
        rows = [(t,) for t in texts]
        self._conn.executemany(f"INSERT INTO temp.{self._scratch}({column}) VALUES (?)", rows)
        self._rows += sign * len(rows)
        self._chars += sign * sum(len(t) for (t,) in rows)

    def apply(self) -> None:
        """Add the counts of the words that came, subtract those that went, drop the words
        no row holds any more, and forget the texts."""
        if not self._open:
            return
        conn, table = self._conn, self._table
        conn.execute(
            f"CREATE VIRTUAL TABLE temp.{self._scratch}_terms"
            f" USING fts5vocab(temp, {self._scratch}, col)"
        )
        try:
            conn.execute(
                f"INSERT INTO {table}(term, docs)"
                f" SELECT term, sum(CASE col WHEN 'came' THEN doc ELSE -doc END)"
                f" FROM temp.{self._scratch}_terms WHERE true GROUP BY term"
                f" ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs"
            )
            conn.execute(f"DELETE FROM {table} WHERE docs <= 0")
        finally:
            conn.execute(f"DROP TABLE temp.{self._scratch}_terms")
            conn.execute(f"DROP TABLE temp.{self._scratch}")
            self._open = False
        conn.executemany(
            f"UPDATE {table}_totals SET value = value + ? WHERE key = ?",
            [(self._rows, ROWS), (self._chars, CHARACTERS)],
        )
        self._rows = self._chars = 0
