"""The clause index: agreed language of the corpus, searched as you type.

It is part of the corpus index (``corpus.sqlite``, :mod:`drafting_app.corpus.schema`):
each preambular and operative paragraph of a corpus text is a clause, identical or
near-identical clauses share a group (kept right as documents come and go by
:mod:`drafting_app.clauses.regroup`), and the words are the corpus's full-text index. So
there is nothing to mine again after a change: a document added is in the picker as soon
as it is in the corpus.

A search walks the full-text matches of the clause paragraphs in index order and takes the
first :data:`CANDIDATES` distinct groups (FTS5 walks its lists lazily, so this is cheap
even when a one-letter prefix matches most of the corpus), then ranks them by BM25
(:mod:`drafting_app.fulltext.ranking`). Below that many groups the ranking is exact.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting_app.clauses.category import category_key, category_number
from drafting_app.clauses.clause import Clause, ClauseFootnote, Provenance
from drafting_app.clauses.query import fts_query, terms
from drafting_app.errors import CorpusError
from drafting_app.fulltext import ranking, upkeep
from drafting_app.fulltext.vocabulary import TableVocabulary
from drafting_app.fulltext.words import fold
from drafting_app.model.document import Footnote, Paragraph, Part, Span

log = logging.getLogger(__name__)

CANDIDATES = 200
# Matching clause rows read at most to find the candidate groups (many rows of a large
# corpus are copies of the same language).
SCAN = 4000
# Rows matching the words looked at at most by a search with a filter (part, opener,
# category): without a bound a filter that few of them pass walked every match — at
# 100k documents "recalling" in the operative part read 486,000 rows, 0.3-0.9 s on the
# window's thread as the picker's part filter was typed in.
FILTERED_SCAN = 4 * SCAN
MAX_SOURCES = 12
_VOCABULARY = "vocabulary"

_CLAUSE = (
    "SELECT c.id, d.doc_id, d.label, p.part, c.number, p.text, c.italics, c.notes,"
    " c.opener, c.category, c.children FROM clauses c JOIN paragraphs p ON p.id = c.id"
    " JOIN documents d ON d.doc = p.doc"
)


@dataclass(frozen=True)
class ClauseHit:
    """A search result: the group's representative clause and the texts that adopted it
    (the first :data:`MAX_SOURCES`; ``size`` counts them all). Higher ``score`` is better."""

    group_id: int
    clause: Clause
    sources: tuple[Provenance, ...]
    score: float = 0.0
    size: int = 1


def _spans(raw: str) -> tuple[Span, ...]:
    return tuple(Span(a, b) for a, b in json.loads(raw)) if raw else ()


def clause_id_of(doc_id: str, part: str, number: str) -> str:
    return f"{doc_id}:{part}:{number}"


class ClauseIndex:
    """Agreed language in the corpus index (see module doc). Searching never raises on
    user input. One SQLite connection of its own (the window's thread)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self._conn = conn
        self.path = path
        self._ids: dict[int, str] = {}  # clause row → clause id ("doc:part:number")
        # Told when a read finds the corpus index damaged (the window rebuilds it).
        self.on_damage: Callable[[str], None] | None = None

    def _failed(self, what: str, exc: sqlite3.Error) -> None:
        from drafting_app.corpus.schema import is_damage

        log.warning("clause %s failed: %s", what, exc)
        if is_damage(exc) and self.on_damage is not None:
            self.on_damage(str(exc))

    @classmethod
    def open(cls, db_path: Path) -> ClauseIndex:
        """The clause index of the corpus index at ``db_path``."""
        from drafting_app.corpus import schema

        try:
            conn = schema.reconnect(Path(db_path))
            conn.execute("SELECT 1 FROM groups LIMIT 1").fetchall()
        except (sqlite3.Error, CorpusError) as exc:
            raise CorpusError(f"The clause index {db_path} could not be opened: {exc}.") from exc
        return cls(conn, Path(db_path))

    def close(self) -> None:
        self._conn.close()

    def refresh(self) -> None:
        """Open the connection again (the corpus index was rebuilt into a new file)."""
        if self.path is None:
            return
        from drafting_app.corpus import schema

        self._conn.close()
        self._conn = schema.reconnect(self.path)
        self._ids.clear()

    # -- reading ----------------------------------------------------------------------------
    def count(self) -> tuple[int, int]:
        """(clauses, groups) in the index."""
        clauses = self._conn.execute("SELECT count(*) FROM clauses").fetchone()[0]
        groups = self._conn.execute("SELECT count(*) FROM groups").fetchone()[0]
        return int(clauses), int(groups)

    def _clause(self, row: tuple[Any, ...]) -> Clause:
        _, doc_id, label, part, number, text, italics, notes, opener, category, kids = row
        children: tuple[str, ...] = ()
        if kids:
            children = tuple(self._id_of(int(k)) for k in json.loads(kids))
        return Clause(
            clause_id=clause_id_of(doc_id, part, number),
            text=text,
            italics=_spans(italics),
            footnotes=tuple(
                ClauseFootnote(o, t, tuple(Span(a, b) for a, b in it))
                for o, t, it in (json.loads(notes) if notes else ())
            ),
            provenance=Provenance(doc_id, label, Part(part), number),
            opener=opener,
            category=category_key(int(category)),
            children=children,
        )

    def _id_of(self, row: int) -> str:
        found = self._ids.get(row)
        if found is None:
            r = self._conn.execute(
                "SELECT d.doc_id, p.part, c.number FROM clauses c JOIN paragraphs p"
                " ON p.id = c.id JOIN documents d ON d.doc = p.doc WHERE c.id = ?",
                (row,),
            ).fetchone()
            found = clause_id_of(*r) if r else ""
            if len(self._ids) > 10_000:
                self._ids.clear()
            self._ids[row] = found
        return found

    def clause(self, clause_id: str) -> Clause:
        doc_id, part, number = _split_id(clause_id)
        rng = self._conn.execute(
            "SELECT first_row, last_row FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        if rng is None:
            raise KeyError(clause_id)
        row = self._conn.execute(
            _CLAUSE + " WHERE c.id BETWEEN ? AND ? AND p.part = ? AND c.number = ?",
            (rng[0], rng[1], part, number),
        ).fetchone()
        if row is None:
            raise KeyError(clause_id)
        return self._clause(row)

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
        rows = self._conn.execute(_CLAUSE + " WHERE c.group_id = ? ORDER BY c.id", (group_id,))
        return [self._clause(r) for r in rows]

    def openers(self, part: Part | None = None) -> list[tuple[str, int]]:
        """Openers with their number of clause groups, most used first (the browse tree)."""
        sql = "SELECT opener, count(*) FROM groups"
        args: tuple[str, ...] = ()
        if part is not None:
            sql, args = sql + " WHERE part = ?", (part.value,)
        try:
            rows = self._conn.execute(
                sql + " GROUP BY opener ORDER BY count(*) DESC, opener", args
            ).fetchall()
        except sqlite3.Error as exc:
            self._failed("browsing", exc)
            return []
        return [(str(o), int(n)) for o, n in rows if o]

    def browse(
        self, part: Part | None = None, opener: str | None = None, limit: int = 200
    ) -> list[ClauseHit]:
        """Clause groups of a part and opener, most adopted first (the browse tree)."""
        where, args = _filters(part, opener, None)
        try:
            rows = self._conn.execute(
                f"SELECT g.group_id FROM groups g {where} ORDER BY g.group_id LIMIT ?",
                (*args, limit),
            ).fetchall()
            return self._hits([(int(r[0]), 0.0) for r in rows])
        except sqlite3.Error as exc:
            self._failed("browsing", exc)
            return []

    def search(
        self,
        text: str,
        limit: int = 30,
        part: Part | None = None,
        opener: str | None = None,
        category: str | None = None,
    ) -> list[ClauseHit]:
        """Clause groups matching ``text`` (every word a prefix), best BM25 first."""
        vocabulary = TableVocabulary(self._conn, _VOCABULARY)
        try:
            match = fts_query(text, vocabulary)
            if match is None:
                return []
            candidates = self._candidates(match, terms(text), part, opener, category)
            rows, characters = upkeep.totals(self._conn, _VOCABULARY)
        except sqlite3.Error as exc:  # a query FTS5 refuses, or damage: no result, no crash
            self._failed(f"search {text!r}", exc)
            return []
        prefixes = terms(text)
        weights = [ranking.idf(rows, vocabulary.rows_with_prefix(p)) for p in prefixes]
        words = [" " + fold(body) for _, body in candidates]
        found = ranking.scores(
            words,
            [len(w) for w in words],
            prefixes,
            weights,
            characters / max(rows, 1),
        )
        scored = [(gid, score) for (gid, _), score in zip(candidates, found, strict=True)]
        scored.sort(key=lambda t: (-t[1], t[0]))
        try:
            return self._hits(scored[:limit])
        except sqlite3.Error as exc:
            self._failed(f"search {text!r}", exc)
            return []

    def _candidates(
        self,
        match: str,
        prefixes: list[str],
        part: Part | None,
        opener: str | None,
        category: str | None,
    ) -> list[tuple[int, str]]:
        """(group, text) of the first distinct groups whose clauses match, in index order."""
        where, args = _filters(part, opener, category)
        join = "JOIN groups g ON g.group_id = c.group_id " if where else ""
        extra = where.replace("WHERE", "AND", 1)
        # The matching rows give their groups only; a row's text is read just for a group
        # not yet found. Many rows of a large corpus are copies of one group's language,
        # and reading every row's paragraph was most of a search (at 100k documents 4,000
        # rows for 2-20 groups: 16-31 ms, now 5-8 ms).
        if where:
            cursor = self._conn.execute(
                "SELECT c.group_id, c.id FROM (SELECT rowid FROM paragraphs_fts"
                " WHERE paragraphs_fts MATCH ? LIMIT ?) f JOIN clauses c ON c.id = f.rowid"
                f" {join}WHERE c.group_id != 0 {extra}",
                (match, FILTERED_SCAN, *args),
            )
        else:
            cursor = self._conn.execute(
                "SELECT c.group_id, c.id FROM paragraphs_fts JOIN clauses c"
                " ON c.id = paragraphs_fts.rowid WHERE paragraphs_fts MATCH ? AND c.group_id != 0",
                (match,),
            )
        texts = self._conn.cursor()
        out: dict[int, str] = {}
        for n, (gid, clause) in enumerate(cursor):
            if gid not in out:
                row = texts.execute(
                    "SELECT text FROM paragraphs WHERE id = ?", (clause,)
                ).fetchone()
                # The index may have matched a wider prefix ("int"* for "inte"): check it.
                if row is not None and _holds(str(row[0]), prefixes):
                    out[int(gid)] = str(row[0])
                    if len(out) >= CANDIDATES:
                        break
            if n >= SCAN:
                break
        return list(out.items())

    def _hits(self, ranked: list[tuple[int, float]]) -> list[ClauseHit]:
        """Hits with the head clause in full and the sources' provenance only."""
        if not ranked:
            return []
        ids = [gid for gid, _ in ranked]
        marks = ",".join("?" * len(ids))
        heads: dict[int, tuple[Clause, int]] = {}
        for row in self._conn.execute(
            "SELECT g.group_id, g.size, c.id, d.doc_id, d.label, p.part, c.number, p.text,"
            " c.italics, c.notes, c.opener, c.category, c.children FROM groups g"
            " JOIN clauses c ON c.id = g.head JOIN paragraphs p ON p.id = c.id"
            f" JOIN documents d ON d.doc = p.doc WHERE g.group_id IN ({marks})",
            ids,
        ):
            heads[int(row[0])] = (self._clause(row[2:]), int(row[1]))
        sources: dict[int, list[Provenance]] = {gid: [] for gid in ids}
        for gid in ids:
            for doc_id, label, part, number in self._conn.execute(
                "SELECT d.doc_id, d.label, p.part, c.number FROM clauses c"
                " JOIN paragraphs p ON p.id = c.id JOIN documents d ON d.doc = p.doc"
                " WHERE c.group_id = ? ORDER BY c.id LIMIT ?",
                (gid, MAX_SOURCES),
            ):
                sources[gid].append(Provenance(doc_id, label, Part(part), number))
        return [
            ClauseHit(gid, heads[gid][0], tuple(sources[gid]), score, heads[gid][1])
            for gid, score in ranked
            if gid in heads
        ]


def _holds(text: str, prefixes: list[str]) -> bool:
    """Whether ``text`` has a word starting with each of ``prefixes``."""
    words = " " + fold(text)
    return all(" " + p in words for p in prefixes if p.isalnum())


def _split_id(clause_id: str) -> tuple[str, str, str]:
    doc_id, _, rest = clause_id.rpartition(":")
    doc_id, _, part = doc_id.rpartition(":")
    if not doc_id or part not in ("preamble", "operative"):
        raise KeyError(clause_id)
    return doc_id, part, rest


def _filters(
    part: Part | None, opener: str | None, category: str | None
) -> tuple[str, tuple[str | int, ...]]:
    conds: list[str] = []
    args: list[str | int] = []
    for column, value in (
        ("part", part.value if part else None),
        ("opener", opener),
        ("category", category_number(category) if category else None),
    ):
        if value is not None and value != "":
            conds.append(f"g.{column} = ?")
            args.append(value)
    return ("WHERE " + " AND ".join(conds) if conds else ""), tuple(args)
