"""The clause index: a SQLite file with an FTS5 full-text index of agreed language.

It lives in its own file, ``paths.user_data_dir()/clauses.sqlite3`` (not in the corpus
store's database), so that it can be rebuilt from the corpus at any time without touching
the user's corpus. One row per clause group (identical or near-identical language adopted
in several texts); group ids are assigned most-adopted first, so FTS5's rowid order is an
order of importance.

A search takes the first :data:`CANDIDATES` matches in that order (FTS5 walks its lists
lazily, so this is cheap even when a one-letter prefix matches most of the corpus) and
ranks them by BM25 (:mod:`drafting_app.fulltext.ranking`). Below that many matches the
ranking is exact BM25 over every match.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting_app.clauses.clause import Clause, ClauseFootnote, Provenance
from drafting_app.clauses.query import fts_query, terms
from drafting_app.errors import CorpusError
from drafting_app.fulltext import ranking
from drafting_app.fulltext.vocabulary import SortedVocabulary
from drafting_app.fulltext.words import tokens, word_string
from drafting_app.model.document import Footnote, Paragraph, Part, Span
from drafting_app.paths import user_data_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION = "6"
CANDIDATES = 200
MAX_SOURCES = 12
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS groups(
    group_id INTEGER PRIMARY KEY, clause_id TEXT NOT NULL, size INTEGER NOT NULL,
    part TEXT NOT NULL, opener TEXT NOT NULL, category TEXT NOT NULL, words TEXT NOT NULL,
    length INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS clauses(
    clause_id TEXT PRIMARY KEY, group_id INTEGER NOT NULL, ord INTEGER NOT NULL,
    doc_id TEXT NOT NULL, doc_label TEXT NOT NULL, part TEXT NOT NULL, number TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS clauses_group ON clauses(group_id, ord);
CREATE INDEX IF NOT EXISTS groups_filter ON groups(part, opener);
CREATE TABLE IF NOT EXISTS vocabulary(term TEXT PRIMARY KEY, docs INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS group_fts USING fts5(
    text, content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
"""


@dataclass(frozen=True)
class ClauseHit:
    """A search result: the group's representative clause and the texts that adopted it
    (the first :data:`MAX_SOURCES`; ``size`` counts them all). Higher ``score`` is better."""

    group_id: int
    clause: Clause
    sources: tuple[Provenance, ...]
    score: float = 0.0
    size: int = 1


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


def _connect(path: Path) -> sqlite3.Connection:
    for attempt in (1, 2):
        conn = sqlite3.connect(str(path))
        try:
            conn.executescript(_SCHEMA)
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] == SCHEMA_VERSION:
                # a keystroke query touches the same hot pages: keep them in memory
                conn.execute("PRAGMA cache_size = -32768")
                conn.execute("PRAGMA mmap_size = 268435456")
                # The window searches while a worker thread mines the corpus again and
                # rewrites the index: in WAL mode neither waits for the other. (Switching
                # needs the file to itself: if another process has it open, it is done
                # next time — "locked" is not damage.)
                with contextlib.suppress(sqlite3.OperationalError):
                    conn.execute("PRAGMA journal_mode = WAL")
                return conn
            log.info("clause index %s has schema %s: rebuilt", path, row[0])
        except sqlite3.DatabaseError as exc:
            if attempt == 2:
                conn.close()
                raise
            log.warning("clause index %s is damaged (%s): rebuilt", path, exc)
        conn.close()
        for stale in (
            path,
            path.with_name(path.name + "-journal"),
            path.with_name(path.name + "-wal"),
        ):
            stale.unlink(missing_ok=True)
    return sqlite3.connect(str(path))  # not reached: the second attempt returns or raises


def _clause_row(c: Clause, group_id: int, ord_: int) -> tuple[object, ...]:
    p = c.provenance
    return (
        c.clause_id,
        group_id,
        ord_,
        p.doc_id,
        p.doc_label,
        p.part.value,
        p.number,
        clause_to_json(c),
    )


class ClauseIndex:
    """The FTS5 clause index (see module doc). Searching never raises on user input."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self.path = path
        self._vocabulary: SortedVocabulary | None = None
        self._stats: tuple[int, float] | None = None

    @classmethod
    def open(cls, db_path: Path | None = None) -> ClauseIndex:
        """Open (or create) the index. The index is derived from the corpus, so a damaged
        file or one of another schema version is discarded and built anew."""
        path = db_path or default_index_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(path)
        except (sqlite3.Error, OSError) as exc:
            raise CorpusError(f"The clause index {path} could not be opened: {exc}.") from exc
        index = cls(conn, path)
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

    def vocabulary(self) -> SortedVocabulary:
        if self._vocabulary is None:
            rows = self._conn.execute("SELECT term, docs FROM vocabulary")
            self._vocabulary = SortedVocabulary((str(t), int(n)) for t, n in rows)
        return self._vocabulary

    def _statistics(self) -> tuple[int, float]:
        """(rows, average row length in words) for BM25, read once."""
        if self._stats is None:
            rows = self._conn.execute("SELECT max(group_id) FROM groups").fetchone()[0]
            self._stats = (int(rows or 0), float(self.meta("average_length") or 1.0))
        return self._stats

    def clear(self) -> None:
        self._vocabulary = None
        self._stats = None
        with self._conn:
            for table in ("groups", "clauses", "meta", "vocabulary"):
                self._conn.execute(f"DELETE FROM {table}")
            self._conn.execute("INSERT INTO group_fts(group_fts) VALUES ('delete-all')")

    def rebuild(self, groups: Iterable[list[Clause]], fingerprint: str) -> None:
        """Replace the whole index with ``groups`` (most important first)."""
        self.clear()
        with self._conn:
            for group_id, members in enumerate(groups, start=1):
                head = members[0]
                self._conn.execute(
                    "INSERT INTO groups VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        group_id,
                        head.clause_id,
                        len(members),
                        head.part.value,
                        head.opener,
                        head.category,
                        word_string(head.text),
                        len(tokens(head.text)),
                    ),
                )
                self._conn.execute(
                    "INSERT INTO group_fts(rowid, text) VALUES (?, ?)", (group_id, head.text)
                )
                self._conn.executemany(
                    "INSERT OR REPLACE INTO clauses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [_clause_row(c, group_id, n) for n, c in enumerate(members)],
                )
            self._conn.execute("INSERT INTO group_fts(group_fts) VALUES ('optimize')")
            self._conn.execute(
                "CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, group_fts, row)"
            )
            self._conn.execute("INSERT INTO vocabulary SELECT term, doc FROM temp.fts_terms")
            self._conn.execute("DROP TABLE temp.fts_terms")
            average = self._conn.execute("SELECT avg(length) FROM groups").fetchone()[0]
            self._conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('average_length', ?)", (str(average or 1.0),)
            )
            self._conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,)
            )
        self._vocabulary = None
        self._stats = None

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

    def paragraph(self, clause_id: str, depth: int = 0) -> tuple[Paragraph, list[Footnote]]:
        """The clause as a fresh model paragraph with its sub-paragraphs ("Encourages States
        to consider:" comes with its (a)–(e)) and all their footnotes."""
        clause = self.clause(clause_id)
        paragraph, notes = clause.to_paragraph()
        for child_id in clause.children if depth < 4 else ():
            try:
                child, child_notes = self.paragraph(child_id, depth + 1)
            except KeyError:
                continue
            paragraph.children.append(child)
            notes += child_notes
        return paragraph, notes

    def group(self, group_id: int) -> list[Clause]:
        rows = self._conn.execute(
            "SELECT data FROM clauses WHERE group_id = ? ORDER BY ord", (group_id,)
        )
        return [clause_from_json(r[0]) for r in rows]

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
        """Clause groups of a part and opener, most adopted first (the browse tree)."""
        where, args = _filters(part, opener, None)
        rows = self._conn.execute(
            f"SELECT g.group_id FROM groups g {where} ORDER BY g.group_id LIMIT ?",
            (*args, limit),
        ).fetchall()
        return self._hits([(int(r[0]), 0.0) for r in rows])

    def search(
        self,
        text: str,
        limit: int = 30,
        part: Part | None = None,
        opener: str | None = None,
        category: str | None = None,
    ) -> list[ClauseHit]:
        """Clause groups matching ``text`` (every word a prefix), best BM25 first."""
        vocabulary = self.vocabulary()
        match = fts_query(text, vocabulary)
        if match is None:
            return []
        try:
            candidates = self._candidates(match, part, opener, category)
        except sqlite3.Error as exc:  # a query FTS5 still refuses: no result, never a crash
            log.warning("clause search %r failed: %s", text, exc)
            return []
        prefixes = terms(text)
        rows, average = self._statistics()
        weights = [ranking.idf(rows, vocabulary.rows_with_prefix(p)) for p in prefixes]
        found = ranking.scores(
            [body for _, body, _ in candidates],
            [length for _, _, length in candidates],
            prefixes,
            weights,
            average,
        )
        scored = [(gid, score) for (gid, _, _), score in zip(candidates, found, strict=True)]
        scored.sort(key=lambda t: (-t[1], t[0]))
        return self._hits(scored[:limit])

    def _candidates(
        self, match: str, part: Part | None, opener: str | None, category: str | None
    ) -> list[tuple[int, str, int]]:
        where, args = _filters(part, opener, category)
        extra = where.replace("WHERE", "AND", 1)
        rows = self._conn.execute(
            "SELECT g.group_id, g.words, g.length FROM group_fts JOIN groups g "
            f"ON g.group_id = group_fts.rowid WHERE group_fts MATCH ? {extra} LIMIT ?",
            (match, *args, CANDIDATES),
        )
        return [(int(gid), str(body), int(n)) for gid, body, n in rows]

    def _hits(self, ranked: list[tuple[int, float]]) -> list[ClauseHit]:
        """Hits with the head clause in full and the sources' provenance only."""
        if not ranked:
            return []
        ids = [gid for gid, _ in ranked]
        marks = ",".join("?" * len(ids))
        heads: dict[int, tuple[Clause, int]] = {}
        for gid, data, size in self._conn.execute(
            f"SELECT c.group_id, c.data, g.size FROM clauses c JOIN groups g "
            f"ON g.group_id = c.group_id WHERE c.group_id IN ({marks}) AND c.ord = 0",
            ids,
        ):
            heads[int(gid)] = (clause_from_json(data), int(size))
        sources: dict[int, list[Provenance]] = {gid: [] for gid in ids}
        for gid, doc_id, label, part, number in self._conn.execute(
            f"SELECT group_id, doc_id, doc_label, part, number FROM clauses "
            f"WHERE group_id IN ({marks}) AND ord < ? ORDER BY group_id, ord",
            (*ids, MAX_SOURCES),
        ):
            sources[int(gid)].append(Provenance(doc_id, label, Part(part), number))
        return [
            ClauseHit(gid, heads[gid][0], tuple(sources[gid]), score, heads[gid][1])
            for gid, score in ranked
            if gid in heads
        ]


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
