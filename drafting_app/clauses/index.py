"""The clause index: a SQLite file with an FTS5 full-text index of agreed language.

It lives in its own file, ``paths.user_data_dir()/clauses.sqlite3`` (not in the corpus
store's database), so that it can be rebuilt from the corpus at any time without touching
the user's corpus. One row per clause group (identical or near-identical language adopted
in several texts); group ids are assigned most-adopted first, so FTS5's rowid order is an
order of importance.

Search is ranked by bm25 among the first :data:`CANDIDATES` matches in that order: a
one-letter prefix can match most of a large corpus, and ranking all of it would cost
a keystroke's budget many times over.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting_app.clauses.clause import Clause, ClauseFootnote, Provenance
from drafting_app.clauses.query import fts_query
from drafting_app.errors import CorpusError
from drafting_app.model.document import Part, Span
from drafting_app.paths import user_data_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
CANDIDATES = 2000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS groups(
    group_id INTEGER PRIMARY KEY, clause_id TEXT NOT NULL, size INTEGER NOT NULL,
    part TEXT NOT NULL, opener TEXT NOT NULL, category TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clauses(
    clause_id TEXT PRIMARY KEY, group_id INTEGER NOT NULL, ord INTEGER NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS clauses_group ON clauses(group_id, ord);
CREATE INDEX IF NOT EXISTS groups_filter ON groups(part, opener);
CREATE VIRTUAL TABLE IF NOT EXISTS group_fts USING fts5(
    text, content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
"""


@dataclass(frozen=True)
class ClauseHit:
    """A search result: the group's representative clause and every text that adopted it."""

    group_id: int
    clause: Clause
    sources: tuple[Provenance, ...]
    score: float = 0.0


def default_index_path() -> Path:
    return user_data_dir() / "clauses.sqlite3"


def clause_to_json(c: Clause) -> str:
    return json.dumps(
        {
            "id": c.clause_id,
            "text": c.text,
            "italics": [[s.start, s.end] for s in c.italics],
            "footnotes": [
                [f.offset, f.text, [[s.start, s.end] for s in f.italics]] for f in c.footnotes
            ],
            "provenance": c.provenance.as_dict(),
            "opener": c.opener,
            "category": c.category,
            "children": list(c.children),
        },
        ensure_ascii=False,
    )


def clause_from_json(raw: str) -> Clause:
    d: dict[str, Any] = json.loads(raw)
    return Clause(
        clause_id=d["id"],
        text=d["text"],
        italics=tuple(Span(a, b) for a, b in d["italics"]),
        footnotes=tuple(
            ClauseFootnote(o, t, tuple(Span(a, b) for a, b in it)) for o, t, it in d["footnotes"]
        ),
        provenance=Provenance.from_dict(d["provenance"]),
        opener=d["opener"],
        category=d["category"],
        children=tuple(d["children"]),
    )


class ClauseIndex:
    """The FTS5 clause index (see module doc). Searching never raises on user input."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, db_path: Path | None = None) -> ClauseIndex:
        path = db_path or default_index_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path))
            conn.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise CorpusError(f"The clause index {path} could not be opened: {exc}.") from exc
        index = cls(conn, path)
        if index.meta("schema") not in (None, SCHEMA_VERSION):
            index.clear()
        index._set_meta("schema", SCHEMA_VERSION)
        return index

    def close(self) -> None:
        self._conn.close()

    # -- building ---------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        with self._conn:
            self._conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def clear(self) -> None:
        with self._conn:
            for table in ("groups", "clauses", "meta"):
                self._conn.execute(f"DELETE FROM {table}")
            self._conn.execute("INSERT INTO group_fts(group_fts) VALUES ('delete-all')")

    def rebuild(self, groups: Iterable[list[Clause]], fingerprint: str) -> None:
        """Replace the whole index with ``groups`` (most important first)."""
        self.clear()
        with self._conn:
            for group_id, members in enumerate(groups, start=1):
                head = members[0]
                self._conn.execute(
                    "INSERT INTO groups VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        group_id,
                        head.clause_id,
                        len(members),
                        head.part.value,
                        head.opener,
                        head.category,
                    ),
                )
                self._conn.execute(
                    "INSERT INTO group_fts(rowid, text) VALUES (?, ?)", (group_id, head.text)
                )
                self._conn.executemany(
                    "INSERT OR REPLACE INTO clauses VALUES (?, ?, ?, ?)",
                    [(c.clause_id, group_id, n, clause_to_json(c)) for n, c in enumerate(members)],
                )
            self._conn.execute("INSERT INTO group_fts(group_fts) VALUES ('optimize')")
            self._conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,)
            )

    # -- reading ----------------------------------------------------------------------------
    def count(self) -> tuple[int, int]:
        """(clauses, groups) in the index."""
        clauses = self._conn.execute("SELECT count(*) FROM clauses").fetchone()[0]
        groups = self._conn.execute("SELECT count(*) FROM groups").fetchone()[0]
        return int(clauses), int(groups)

    def clause(self, clause_id: str) -> Clause:
        row = self._conn.execute(
            "SELECT data FROM clauses WHERE clause_id = ?", (clause_id,)
        ).fetchone()
        if row is None:
            raise KeyError(clause_id)
        return clause_from_json(row[0])

    def group(self, group_id: int) -> list[Clause]:
        rows = self._conn.execute(
            "SELECT data FROM clauses WHERE group_id = ? ORDER BY ord", (group_id,)
        )
        return [clause_from_json(r[0]) for r in rows]

    def hit(self, group_id: int, score: float = 0.0) -> ClauseHit:
        members = self.group(group_id)
        return ClauseHit(group_id, members[0], tuple(c.provenance for c in members), score)

    def openers(self, part: Part | None = None) -> list[tuple[str, int]]:
        """Openers with their number of clause groups, most used first (the browse tree)."""
        sql = "SELECT opener, count(*) FROM groups"
        args: tuple[str, ...] = ()
        if part is not None:
            sql, args = sql + " WHERE part = ?", (part.value,)
        rows = self._conn.execute(sql + " GROUP BY opener ORDER BY count(*) DESC, opener", args)
        return [(str(o), int(n)) for o, n in rows if o]

    def browse(
        self, part: Part | None = None, opener: str | None = None, limit: int = 200
    ) -> list[ClauseHit]:
        where, args = _filters(part, opener, None)
        rows = self._conn.execute(
            f"SELECT g.group_id FROM groups g {where} ORDER BY g.group_id LIMIT ?",
            (*args, limit),
        ).fetchall()
        return [self.hit(int(r[0])) for r in rows]

    def search(
        self,
        text: str,
        limit: int = 30,
        part: Part | None = None,
        opener: str | None = None,
        category: str | None = None,
    ) -> list[ClauseHit]:
        """Clause groups matching ``text`` (every word a prefix), best bm25 first."""
        match = fts_query(text)
        if match is None:
            return []
        try:
            ranked = list(self._ranked(match, limit, part, opener, category))
        except sqlite3.Error as exc:  # a query FTS5 still refuses: no result, never a crash
            log.warning("clause search %r failed: %s", text, exc)
            return []
        return [self.hit(gid, score) for gid, score in ranked]

    def _ranked(
        self,
        match: str,
        limit: int,
        part: Part | None,
        opener: str | None,
        category: str | None,
    ) -> Iterator[tuple[int, float]]:
        where, args = _filters(part, opener, category)
        join = "JOIN groups g ON g.group_id = group_fts.rowid" if args else ""
        cond = "group_fts MATCH ?"
        extra = where.replace("WHERE", "AND", 1) if where else ""
        bound_row = self._conn.execute(
            f"SELECT group_fts.rowid FROM group_fts {join} WHERE {cond} {extra} LIMIT 1 OFFSET ?",
            (match, *args, CANDIDATES - 1),
        ).fetchone()
        bound = int(bound_row[0]) if bound_row else None
        rowid_cond = "AND group_fts.rowid <= ?" if bound is not None else ""
        bound_args: tuple[int, ...] = (bound,) if bound is not None else ()
        rows = self._conn.execute(
            f"SELECT group_fts.rowid, bm25(group_fts) AS score FROM group_fts {join} "
            f"WHERE {cond} {extra} {rowid_cond} ORDER BY score LIMIT ?",
            (match, *args, *bound_args, limit),
        )
        for rowid, score in rows:
            yield int(rowid), float(score)


def _filters(
    part: Part | None, opener: str | None, category: str | None
) -> tuple[str, tuple[str, ...]]:
    conds: list[str] = []
    args: list[str] = []
    for column, value in (
        ("part", part.value if part else None),
        ("opener", opener),
        ("category", category),
    ):
        if value:
            conds.append(f"g.{column} = ?")
            args.append(value)
    return ("WHERE " + " AND ".join(conds) if conds else ""), tuple(args)


def open_index(db_path: Path | None = None) -> closing[ClauseIndex]:
    """``with open_index() as index:`` — closed at the end of the block."""
    return closing(ClauseIndex.open(db_path))
