"""The corpus store: an embedded SQLite index (with FTS5 full-text search) of the bundled
corpus and the documents the user added.

The files are the corpus; the database only indexes them. It is built on first start and
kept up to date incrementally: a file is re-hashed only when its size or modification time
changed, and re-read only when its SHA-256 changed. ``document()`` re-reads the file (with
deterministic ids, so paragraph ids match the index) rather than keeping a second copy of
the model in the database: the index stays small and there is one source of truth.

A file is indexed as every text it holds: a session report volume (each decision adopted
at the session) gives one document per decision, all removed or replaced with the file.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from drafting_app import __version__, paths
from drafting_app.corpus import schema
from drafting_app.corpus.query import Needle, Query
from drafting_app.corpus.rows import (
    CitationRow,
    DocumentInfo,
    DocumentRows,
    FootnoteRow,
    ParagraphRow,
    place_of,
)
from drafting_app.corpus.sync import (
    SUFFIXES,
    FileRow,
    SyncItem,
    SyncPlan,
    SyncReport,
    parse_texts,
    plan_sync,
    scan,
    sha256,
)

__all__ = [
    "MARK_END",
    "MARK_START",
    "PARTS",
    "SUFFIXES",
    "CitationRow",
    "CorpusStore",
    "DocumentInfo",
    "FootnoteRow",
    "ParagraphRow",
    "SearchHit",
    "SyncItem",
    "SyncReport",
]
from drafting_app.errors import CorpusError, DraftingError, FormatError
from drafting_app.fulltext import ranking, upkeep
from drafting_app.fulltext.vocabulary import TableVocabulary
from drafting_app.fulltext.words import fold
from drafting_app.model.document import Document
from drafting_app.storage.atomic import atomic_create

DB_NAME = "corpus.sqlite"
# The index records which readers built it; a new version re-reads every file. Bump the
# revision when what is indexed from a document changes within a version (2: the parts of
# a multi-part decision and the body and date of an "At its … meeting" opening).
INDEXING_REVISION = 2
READER_VERSION = f"{__version__}+{INDEXING_REVISION}"
PARTS = ("preamble", "operative", "annex")
# Match markers in SearchHit.snippet: control characters never found in corpus text, so a
# view can escape the text and then turn them into highlighting.
MARK_START = "\x02"
MARK_END = "\x03"
MAX_LIMIT = 1000
# Matches ranked per search, in index order: a keystroke's budget (10,000 documents: 200
# keep the median near a millisecond, 1000 cost four).
CANDIDATES = 200
BULK_MIN = 500

_DOC_COLUMNS = (
    "doc_id, path, kind, form, heading, title, symbol, body, date, paragraphs, footnotes, origin,"
    " label"
)


@dataclass(frozen=True)
class SearchHit:
    """A paragraph matching a search, best first (``rank``: minus its BM25 score, lower is
    better, as FTS5's bm25()).

    ``snippet`` marks matches with :data:`MARK_START` … :data:`MARK_END`; ``place`` says
    where the paragraph is ("preamble 2", "operative 7 (a)")."""

    doc_id: str
    paragraph_id: str
    heading: str
    title: str
    part: str
    label: str
    opener: str
    snippet: str
    rank: float
    place: str = ""


class CorpusStore:
    """The corpus index. Open with :meth:`open`; use as a context manager or call close().

    One SQLite connection, not shared between threads at the same time (it may be handed
    to a worker thread).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        db_path: Path,
        sources: Sequence[Path],
        user_dir: Path,
        recovered_from: Path | None = None,
    ) -> None:
        self._conn = conn
        self.db_path = db_path
        self.sources = list(sources)
        self.user_dir = user_dir
        self.recovered_from = recovered_from
        self._unreported_recovery = str(recovered_from or "")
        self._first_sync = True
        # The texts of the volume read last (path, sha256): opening its decisions one
        # after another (the clause library reads every document) reads the file once.
        self._volume: tuple[str, str, list[Document]] | None = None

    # -- life cycle --------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        db_path: Path | None = None,
        sources: Sequence[Path] | None = None,
        *,
        user_dir: Path | None = None,
        sync: bool = True,
    ) -> CorpusStore:
        """Open (or create, or rebuild) the index and bring it up to date with the files.

        ``sources`` are the folders indexed (default: the bundled corpus and the user's
        corpus folder); ``user_dir`` is where :meth:`add_document` copies files (default
        ``paths.user_corpus_dir()``; always indexed, its documents have origin "user").
        """
        db_path = Path(db_path) if db_path else paths.user_data_dir() / DB_NAME
        user_dir = Path(user_dir) if user_dir else paths.user_corpus_dir()
        if sources is None:
            sources = [paths.bundled_corpus_dir(), user_dir]
        conn, moved = schema.connect(db_path)
        store = cls(conn, db_path, [Path(s) for s in sources], user_dir, moved)
        if sync:
            try:
                store.sync()
            except BaseException:
                store.close()
                raise
        return store

    def reopen(self, *, take_first_sync: bool = False) -> CorpusStore:
        """Another connection to this index, for a worker thread (WAL mode: this one keeps
        reading while the other writes). With ``take_first_sync`` the new store does what
        the first sync does (retry the files no reader could read, report a recovered
        database) and this one no longer will."""
        conn = schema.reconnect(self.db_path)
        other = type(self)(conn, self.db_path, self.sources, self.user_dir, self.recovered_from)
        other._first_sync, other._unreported_recovery = False, ""
        if take_first_sync:
            other._first_sync, self._first_sync = self._first_sync, False
            other._unreported_recovery, self._unreported_recovery = self._unreported_recovery, ""
        return other

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise CorpusError(
                f"The corpus database failed ({exc}); run `drafting-app corpus rebuild`."
            ) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._guard():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def rebuild(self) -> SyncReport:
        """Throw the index away and build it again from the files."""
        self._conn.close()
        schema.remove_database(self.db_path)
        self._conn, _ = schema.connect(self.db_path)
        return self.sync()

    # -- sync ----------------------------------------------------------------------------
    def _roots(self) -> list[Path]:
        user = self.user_dir.resolve()
        roots = [*self.sources]
        if all(r.resolve() != user for r in roots):
            roots.append(self.user_dir)
        return roots

    def sync(self) -> SyncReport:
        """Bring the index up to date with the files: new, changed and removed files."""
        with self._guard():
            known = {
                r[0]: FileRow(*r)
                for r in self._conn.execute(
                    "SELECT key, path, size, mtime_ns, sha256, doc_id, error FROM files"
                )
            }
            reader = self._conn.execute("SELECT value FROM meta WHERE key = 'reader'").fetchone()
        new_reader = reader is None or reader[0] != READER_VERSION
        if new_reader:
            retry = set(known)  # the readers changed: what they make of a file may too
        elif self._first_sync:
            retry = {k for k, r in known.items() if r.error}  # a newer reader may cope now
        else:
            retry = set()
        plan = plan_sync(scan(self._roots(), self.user_dir), known, retry)
        plan.report.recovered_from = self._unreported_recovery
        self._unreported_recovery, self._first_sync = "", False
        if plan.read or plan.touched or plan.gone or new_reader:
            with self._transaction() as conn:
                self._write(conn, plan)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('reader', ?)", (READER_VERSION,))
        return plan.report

    def _write(self, conn: sqlite3.Connection, plan: SyncPlan) -> None:
        indexed = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if len(plan.read) >= BULK_MIN and len(plan.read) >= indexed:
            # A first build (or one that more than doubles the corpus): FTS5 merges its
            # segments again and again when fed row by row; one 'rebuild' after the rows
            # are in builds the index once (the 10,000-document build: 3.5× less writing).
            conn.execute("DROP TRIGGER paragraphs_ai")
            self._write_rows(conn, plan, None)
            conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')")
            conn.execute(schema.INSERT_TRIGGER)
        elif len(plan.read) + len(plan.gone) < BULK_MIN:
            # A few documents: count the words of the paragraphs that went and came.
            change = upkeep.VocabularyChange(conn, schema.VOCABULARY, schema.TOKENIZE)
            self._write_rows(conn, plan, change)
            change.apply()
            return
        else:
            self._write_rows(conn, plan, None)
        upkeep.recount(conn, "paragraphs_fts", schema.VOCABULARY, "paragraphs")

    def _write_rows(
        self, conn: sqlite3.Connection, plan: SyncPlan, change: upkeep.VocabularyChange | None
    ) -> None:
        for r in plan.gone:
            conn.execute("DELETE FROM files WHERE key = ?", (r.key,))
            if r.doc_id:
                self._delete_texts(conn, r.key, change)
        conn.executemany(
            "UPDATE files SET path = ?, size = ?, mtime_ns = ? WHERE key = ?",
            [(path, size, mtime, key) for key, path, size, mtime in plan.touched],
        )
        for f in plan.read:
            src = f.source
            old = conn.execute("SELECT doc_id FROM files WHERE key = ?", (src.key,)).fetchone()
            if old and old[0]:
                self._delete_texts(conn, src.key, change)
            conn.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (src.key, src.location, src.origin, f.size, f.mtime_ns, f.sha256, f.doc_id,
                 f.error),
            )  # fmt: skip
            for index, rows in enumerate(f.texts):
                self._insert_document(conn, src.key, index, rows)
                if change:
                    change.add(p.text for p in rows.paragraphs)

    @staticmethod
    def _delete_texts(
        conn: sqlite3.Connection, file_key: str, change: upkeep.VocabularyChange | None
    ) -> None:
        """Remove every text of a file: documents, paragraphs (and their words from the
        vocabulary), footnotes, citations."""
        ids = [
            d
            for (d,) in conn.execute("SELECT doc_id FROM documents WHERE file_key = ?", (file_key,))
        ]
        for doc_id in ids:
            if change:
                texts = conn.execute("SELECT text FROM paragraphs WHERE doc_id = ?", (doc_id,))
                change.remove(t for (t,) in texts)
            for table in ("paragraphs", "footnotes", "citations"):
                conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE file_key = ?", (file_key,))

    @staticmethod
    def _insert_document(
        conn: sqlite3.Connection, file_key: str, index: int, rows: DocumentRows
    ) -> None:
        i = rows.info
        conn.execute(
            f"INSERT INTO documents ({_DOC_COLUMNS}, file_key, text_index)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                i.doc_id,
                i.path,
                i.kind,
                i.form,
                i.heading,
                i.title,
                i.symbol,
                i.body,
                i.date,
                i.paragraphs,
                i.footnotes,
                i.origin,
                i.label,
                file_key,
                index,
            ),
        )
        conn.executemany(
            "INSERT INTO paragraphs (doc_id, seq, paragraph_id, part, label, parents, opener,"
            " text, footnotes, position) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    p.doc_id,
                    seq,
                    p.paragraph_id,
                    p.part,
                    p.label,
                    json.dumps(p.parents),
                    p.opener,
                    p.text,
                    json.dumps(p.footnotes),
                    p.position,
                )
                for seq, p in enumerate(rows.paragraphs)
            ],
        )
        conn.executemany(
            "INSERT INTO footnotes VALUES (?, ?, ?, ?)",
            [(f.doc_id, f.number, f.text, f.paragraph_id) for f in rows.footnotes],
        )
        conn.executemany(
            "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c.doc_id, seq, c.part, c.label, c.paragraph_id, c.kind, c.text, c.body,
                 c.number, c.date, " ".join(c.volumes), c.treaty_number, int(c.ibid))
                for seq, c in enumerate(rows.citations)
            ],
        )  # fmt: skip

    # -- reading -------------------------------------------------------------------------
    def documents(self, start: int = 0, limit: int | None = None) -> list[DocumentInfo]:
        """Every indexed document, bundled first, in file order (a volume's texts in their
        order); or ``limit`` of them from position ``start`` (the browser lists a large
        corpus a page at a time)."""
        sql = f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY file_key, text_index"
        args: tuple[int, ...] = ()
        if start or limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args = (-1 if limit is None else max(limit, 0), max(start, 0))
        with self._guard():
            rows = self._conn.execute(sql, args)
            return [DocumentInfo(*r) for r in rows]

    def document_count(self) -> int:
        """How many documents are indexed."""
        with self._guard():
            return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def info(self, doc_id: str) -> DocumentInfo:
        """The listing entry of one document (CorpusError when there is none)."""
        with self._guard():
            row = self._conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
        if row is None:
            raise CorpusError(f"There is no document {doc_id!r} in the corpus.")
        return DocumentInfo(*row)

    def failures(self) -> list[SyncItem]:
        """Files in the corpus folders that could not be read, with the reason."""
        with self._guard():
            rows = self._conn.execute(
                "SELECT path, error FROM files WHERE doc_id IS NULL ORDER BY key"
            )
            return [SyncItem(path, "", error) for path, error in rows]

    def texts_of_file(self, doc_id: str) -> list[DocumentInfo]:
        """Every text of the file holding ``doc_id``, in order (one for most files; each
        decision of a report volume)."""
        self.info(doc_id)
        with self._guard():
            rows = self._conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE file_key ="
                " (SELECT file_key FROM documents WHERE doc_id = ?) ORDER BY text_index",
                (doc_id,),
            )
            return [DocumentInfo(*r) for r in rows]

    def _file_of(self, doc_id: str) -> tuple[str, int]:
        with self._guard():
            row = self._conn.execute(
                "SELECT f.sha256, d.text_index FROM documents d JOIN files f ON f.key = d.file_key"
                " WHERE d.doc_id = ?",
                (doc_id,),
            ).fetchone()
        if row is None:
            raise CorpusError(f"There is no document {doc_id!r} in the corpus.")
        return row[0], row[1]

    def document(self, doc_id: str) -> Document:
        """The full model of a corpus document, read again from its file."""
        info = self.info(doc_id)
        path = Path(info.path)
        sha, index = self._file_of(doc_id)
        try:
            current = sha256(path.read_bytes())
        except OSError as exc:
            raise CorpusError(f"{path.name} ({doc_id}) cannot be read: {exc}") from exc
        if current != sha:  # changed since the last sync: index it first so ids agree
            self.sync()
            info = self.info(doc_id)
            sha, index = self._file_of(doc_id)
        if self._volume and self._volume[:2] == (info.path, sha):
            return copy.deepcopy(self._volume[2][index])
        try:
            texts = parse_texts(Path(info.path))
        except DraftingError as exc:
            raise CorpusError(f"{doc_id} can no longer be read: {exc}") from exc
        if index >= len(texts):
            raise CorpusError(f"{doc_id} can no longer be read: its file holds fewer texts.")
        if len(texts) > 1:  # kept unchanged for the next text: callers get copies
            self._volume = (info.path, sha, texts)
            return copy.deepcopy(texts[index])
        return texts[index]

    def _rows_of(self, doc_id: str, sql: str) -> list[tuple[Any, ...]]:
        self.info(doc_id)
        with self._guard():
            return self._conn.execute(sql, (doc_id,)).fetchall()

    def paragraphs(self, doc_id: str) -> list[ParagraphRow]:
        """The paragraphs of a document in order, with derived labels."""
        rows = self._rows_of(
            doc_id,
            "SELECT doc_id, paragraph_id, part, label, parents, opener, text, footnotes,"
            " position FROM paragraphs WHERE doc_id = ? ORDER BY seq",
        )
        return [
            ParagraphRow(
                d, pid, part, label, tuple(json.loads(par)), op, text, tuple(json.loads(fn)), pos
            )
            for d, pid, part, label, par, op, text, fn, pos in rows
        ]

    def footnotes(self, doc_id: str | None = None) -> list[FootnoteRow]:
        """The footnotes of a document (of every document when None) by number, with the
        paragraph carrying each mark."""
        sql = "SELECT doc_id, number, text, paragraph_id FROM footnotes"
        if doc_id is None:
            with self._guard():
                cursor = self._conn.execute(sql + " ORDER BY doc_id, number")
                return [FootnoteRow(*r) for r in cursor]
        return [
            FootnoteRow(*r)
            for r in self._rows_of(doc_id, sql + " WHERE doc_id = ? ORDER BY number")
        ]

    def each_document_rows(
        self,
    ) -> Iterator[tuple[DocumentInfo, list[CitationRow], list[FootnoteRow]]]:
        """Every document with its citations and footnotes, one document at a time (the
        registry is built from this: at 10,000 documents, holding every row at once cost
        more memory than the registry itself)."""
        with self._guard():
            cites = self._conn.cursor().execute(
                "SELECT doc_id, part, label, paragraph_id, kind, text, body, number, date,"
                " volumes, treaty_number, ibid FROM citations ORDER BY doc_id, seq"
            )
            notes = self._conn.cursor().execute(
                "SELECT doc_id, number, text, paragraph_id FROM footnotes ORDER BY doc_id, number"
            )
            next_cite, next_note = next(cites, None), next(notes, None)
            docs = self._conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY doc_id")
            for info in (DocumentInfo(*r) for r in docs.fetchall()):
                doc_cites: list[CitationRow] = []
                while next_cite is not None and next_cite[0] <= info.doc_id:
                    if next_cite[0] == info.doc_id:
                        doc_cites.append(_citation_row(next_cite))
                    next_cite = next(cites, None)
                doc_notes: list[FootnoteRow] = []
                while next_note is not None and next_note[0] <= info.doc_id:
                    if next_note[0] == info.doc_id:
                        doc_notes.append(FootnoteRow(*next_note))
                    next_note = next(notes, None)
                yield info, doc_cites, doc_notes

    def citations(self, doc_id: str | None = None) -> list[CitationRow]:
        """Resolutions, decisions, symbols and treaties cited in a document (in every
        document when None), in document order: paragraphs, then footnotes."""
        sql = (
            "SELECT doc_id, part, label, paragraph_id, kind, text, body, number, date, volumes,"
            " treaty_number, ibid FROM citations"
        )
        if doc_id is None:
            # Rows are turned into CitationRows as the cursor yields them: at 10,000
            # documents a fetchall() first would hold every citation twice.
            with self._guard():
                cursor = self._conn.execute(sql + " ORDER BY doc_id, seq")
                return [_citation_row(r) for r in cursor]
        return [
            _citation_row(r) for r in self._rows_of(doc_id, sql + " WHERE doc_id = ? ORDER BY seq")
        ]

    def search(self, query: str, limit: int = 50, part: str | None = None) -> list[SearchHit]:
        """Paragraphs matching ``query``, best first (see :mod:`drafting_app.corpus.query`).

        A short prefix typed into the box matches most of a large corpus, so the first
        :data:`CANDIDATES` matches in index order are ranked (BM25, with each word's
        paragraph count from the vocabulary), not all of them: at 10,000 documents "traff"
        matches 335,000 paragraphs. Snippets are cut for the returned paragraphs only."""
        if part is not None and part not in PARTS:
            raise CorpusError(f"Unknown part {part!r}: use one of {', '.join(PARTS)}.")
        if limit <= 0:
            return []
        limit = min(limit, MAX_LIMIT)
        parsed = Query.parse(query)
        vocabulary = TableVocabulary(self._conn, schema.VOCABULARY)
        with self._guard():
            match = parsed.match(vocabulary)
            if not match:
                return []
            part_sql, part_args = (" AND p.part = ?", [part]) if part else ("", [])
            candidates = self._conn.execute(
                "SELECT p.id, p.text FROM paragraphs_fts"
                " JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
                f" WHERE paragraphs_fts MATCH ?{part_sql} LIMIT ?",
                [match, *part_args, max(CANDIDATES, limit)],
            ).fetchall()
            needles = parsed.needles(vocabulary)
            rows, characters = upkeep.totals(self._conn, schema.VOCABULARY)
        best = _best(candidates, needles, rows, characters / max(rows, 1), limit)
        return self._hits(match, best)

    def _hits(self, match: str, best: list[tuple[int, float]]) -> list[SearchHit]:
        if not best:
            return []
        ids = [i for i, _ in best]
        # The range lets FTS5 walk only the stretch of its lists the hits lie in.
        sql = (
            "SELECT p.id, p.doc_id, p.paragraph_id, d.heading, d.title, p.part, p.label,"
            f" p.opener, snippet(paragraphs_fts, 0, '{MARK_START}', '{MARK_END}', '…', 16),"
            " p.parents, p.position"
            " FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
            " JOIN documents d ON d.doc_id = p.doc_id"
            " WHERE paragraphs_fts MATCH ? AND paragraphs_fts.rowid BETWEEN ? AND ?"
            f" AND p.id IN ({','.join('?' * len(ids))})"
        )
        with self._guard():
            rows = {r[0]: r[1:] for r in self._conn.execute(sql, [match, min(ids), max(ids), *ids])}
        hits = []
        for i, score in best:
            doc_id, pid, heading, title, part, label, opener, snippet, parents, position = rows[i]
            place = place_of(part, label, tuple(json.loads(parents)), position)
            hits.append(
                SearchHit(doc_id, pid, heading, title, part, label, opener, snippet, -score, place)
            )
        return hits

    # -- adding --------------------------------------------------------------------------
    def add_document(self, path: Path) -> list[DocumentInfo]:
        """Add a file to the user's corpus: read it (a FormatError leaves nothing behind),
        copy it under a name no other file has, index it. Returns its texts: one, or each
        decision of a report volume. A file whose content is already in the corpus is not
        copied again: the texts it gave are returned."""
        src = Path(path)
        if src.suffix.lower() not in SUFFIXES:
            raise FormatError(
                f"{src.name}: only {', '.join(SUFFIXES)} files can be added to the corpus."
            )
        parse_texts(src)
        data = src.read_bytes()
        with self._guard():
            row = self._conn.execute(
                "SELECT doc_id FROM files WHERE sha256 = ? AND doc_id IS NOT NULL",
                (sha256(data),),
            ).fetchone()
        if row:
            return self.texts_of_file(row[0])
        dest = self._copy_unique(src.name, data)
        self.sync()
        with self._guard():
            row = self._conn.execute(
                "SELECT doc_id, error FROM files WHERE path = ?", (str(dest),)
            ).fetchone()
        if not row or not row[0]:
            dest.unlink(missing_ok=True)  # our copy; the user's original is untouched
            self.sync()
            reason = row[1] if row else "it was not found in the corpus folder"
            raise CorpusError(f"{src.name} could not be indexed: {reason}")
        return self.texts_of_file(row[0])

    def _copy_unique(self, name: str, data: bytes) -> Path:
        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CorpusError(
                f"The corpus folder {self.user_dir} cannot be created: {exc}"
            ) from exc
        stem, suffix = Path(name).stem, Path(name).suffix.lower()
        if stem.lower() == "readme" or stem.startswith((".", "~$")):
            stem = f"document-{stem.lstrip('.~$')}"  # names the sync would skip
        stems = {p.stem.lower() for p in self.user_dir.iterdir()}
        candidate, n = stem, 1
        while True:
            if candidate.lower() not in stems:
                dest = self.user_dir / f"{candidate}{suffix}"
                # Whole or not at all, and never over a user's file: a crash while
                # copying must not leave a torn document for the next sync to index.
                if atomic_create(dest, data, error=CorpusError):
                    return dest
            n += 1
            candidate = f"{stem}-{n}"


def _citation_row(r: tuple[Any, ...]) -> CitationRow:
    d, part, label, pid, kind, text, body, number, date, volumes, treaty, ibid = r
    return CitationRow(
        d,
        part,
        label,
        pid,
        kind,
        text,
        body,
        number,
        date,
        tuple(volumes.split()),
        treaty,
        bool(ibid),
    )


def _best(
    candidates: list[tuple[int, str]],
    needles: list[Needle],
    rows: int,
    average_length: float,
    limit: int,
) -> list[tuple[int, float]]:
    """The ``limit`` best candidates (paragraph id, BM25 score), ties in index order. A
    paragraph's length is counted in characters, as is the average."""
    texts = [n.text for n in needles]
    words = [" " + fold(text) for _, text in candidates]
    if any(" " in t for t in texts):
        # A phrase matches across punctuation ("trafficking, in persons"): one space only.
        words = [" " + " ".join(w.split()) + " " for w in words]
    found = ranking.scores(
        words,
        [len(text) for _, text in candidates],
        texts,
        [ranking.idf(rows, n.docs) for n in needles],
        average_length,
    )
    scored = sorted(
        zip((pid for pid, _ in candidates), found, strict=True), key=lambda t: (-t[1], t[0])
    )
    return scored[:limit]
