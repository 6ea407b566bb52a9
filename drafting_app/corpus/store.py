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

import contextlib
import copy
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from drafting_app import __version__, paths
from drafting_app.clauses import regroup
from drafting_app.corpus import schema
from drafting_app.corpus.query import Needle, Query
from drafting_app.corpus.rows import (
    CitationRow,
    DocumentInfo,
    FootnoteRow,
    ParagraphRow,
    place_of,
)
from drafting_app.corpus.sync import (
    SUFFIXES,
    FileRow,
    FileState,
    KnownFiles,
    Source,
    SyncItem,
    SyncPlan,
    SyncReport,
    TakenIds,
    parse_texts,
    plan_sync,
    scan,
    sha256,
)
from drafting_app.corpus.writer import IndexWriter, recount_words

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
from drafting_app.errors import CorpusError, DraftingError, FormatError, IndexDamaged
from drafting_app.fulltext import ranking, upkeep
from drafting_app.fulltext.vocabulary import TableVocabulary
from drafting_app.fulltext.words import fold
from drafting_app.model.document import Document
from drafting_app.storage.atomic import atomic_create

DB_NAME = "corpus.sqlite"
# The index records which readers built it; a new version re-reads every file. Bump the
# revision when what is indexed from a document changes within a version (2: the parts of
# a multi-part decision and the body and date of an "At its … meeting" opening; 3: the clause
# groups and the registry's citations are indexed with the text, so extraction or
# grouping changes bump it too; 4: a GA number line is labelled "Resolution 73/7"; 5: the
# opening phrases of the Security Council and of adopted GA texts the phrase book lacked,
# the Council's symbol with its year and its adoption line).
INDEXING_REVISION = 5
READER_VERSION = f"{__version__}+{INDEXING_REVISION}"
PARTS = ("preamble", "operative", "annex", "footnote")
# Match markers in SearchHit.snippet: control characters never found in corpus text, so a
# view can escape the text and then turn them into highlighting.
MARK_START = "\x02"
MARK_END = "\x03"
MAX_LIMIT = 1000
# Matches ranked per search, in index order: a keystroke's budget (10,000 documents: 200
# keep the median near a millisecond, 1000 cost four).
CANDIDATES = 200
# Rows a phrase search reads at most to find its candidates (the index knows words only).
PHRASE_SCAN = 20_000
BULK_MIN = 500
# Files written (and committed) together in a large sync: the progress and the point where
# a stop takes effect; what is held in memory is one batch.
BATCH_FILES = 250

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

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
        self.damaged = ""  # what SQLite said when a read found the file damaged
        # Told (with what SQLite said) when a read finds the file damaged: the window
        # then rebuilds the index on its worker.
        self.on_damage: Callable[[str], None] | None = None
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
            if schema.is_damage(exc):
                self.damaged = str(exc)
                if self.on_damage is not None:
                    self.on_damage(str(exc))
                raise IndexDamaged(
                    f"The corpus index is damaged ({exc}); it is rebuilt from the documents."
                ) from exc
            raise CorpusError(f"The corpus database failed ({exc}).") from exc

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

    def rebuild(self, progress: Progress | None = None, cancel: Cancel | None = None) -> SyncReport:
        """Throw the index away and build it again from the files (one pass: the search,
        the clause groups and the registry's citations are written together)."""
        self._conn.close()
        schema.remove_database(self.db_path)
        self._conn, _ = schema.connect(self.db_path)
        self.damaged = ""
        return self.sync(progress, cancel)

    def heal(self, progress: Progress | None = None, cancel: Cancel | None = None) -> SyncReport:
        """The index was found damaged: move it aside and build it again from the files.
        The report's ``recovered_from`` says where the damaged file went."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
        self._conn, moved = schema.fresh(self.db_path)
        self.recovered_from, self.damaged = moved, ""
        self._unreported_recovery = str(moved)
        return self.sync(progress, cancel)

    def refresh_connection(self) -> None:
        """Open this store's connection again (another connection healed or rebuilt the
        file: this one still reads the file that was moved aside)."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
        self._conn = schema.reconnect(self.db_path)
        self.damaged = ""

    def verify(self) -> str:
        """The full integrity check ("ok" or what is wrong): seconds on a large corpus, so
        the window runs it on a worker, never before it paints."""
        return schema.verify(self._conn)

    # -- sync ----------------------------------------------------------------------------
    def _roots(self) -> list[Path]:
        user = self.user_dir.resolve()
        roots = [*self.sources]
        if all(r.resolve() != user for r in roots):
            roots.append(self.user_dir)
        return roots

    def _meta(self, key: str) -> str | None:
        with self._guard():
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def folders_changed(self) -> bool:
        """Whether a corpus folder changed since the last sync: a file added, removed or
        renamed, or replaced by a program that saves through a new file (as editors and
        downloads do). A few stat() calls, not a scan of every file."""
        raw = self._meta("folders")
        if raw is None or self._meta("reader") != READER_VERSION or self._meta("words"):
            return True
        try:
            seen: dict[str, int] = json.loads(raw)
        except ValueError:
            return True
        if {str(r) for r in self._roots() if r.is_dir()} - set(seen):
            return True
        for folder, mtime in seen.items():
            try:
                if os.stat(folder).st_mtime_ns != mtime:
                    return True
            except OSError:
                return True
        return False

    def sync(self, progress: Progress | None = None, cancel: Cancel | None = None) -> SyncReport:
        """Bring the index up to date with the files: new, changed and removed files.

        A large change (a first build) is written a batch of files at a time, each batch
        committed: ``progress(done, total)`` follows it and ``cancel()`` stops it between
        batches — what was written stays, and the next sync goes on from there."""
        return self._sync(None, progress, cancel)

    def _sync(
        self,
        only: list[Source] | None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> SyncReport:
        """A sync of every corpus file, or of the files ``only`` (no scan, nothing removed:
        a document just added)."""
        with self._guard():
            known = self._known(None if only is None else [s.key for s in only])
        if self._meta("reader") != READER_VERSION:
            # The readers changed: what they make of a file may too. Every file is marked
            # to be read again, so a sync stopped half-way goes on where it was.
            with self._transaction() as conn:
                conn.execute("UPDATE files SET mtime_ns = -1, sha256 = ''")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('reader', ?)", (READER_VERSION,))
            known = known.marked_unread()
        first_sync = self._first_sync and only is None
        retry = {k for k, r in known.items() if r.error} if first_sync else set()
        folders: dict[str, int] = {}
        if only is None:
            planner = plan_sync(scan(self._roots(), self.user_dir, folders), known, retry)
        else:
            taken = TakenIds(self._holds_id)
            planner = plan_sync(only, known, retry, complete=False, taken=taken)
            folders = self._folders_after_adding()
        plan = planner.plan
        plan.report.recovered_from = self._unreported_recovery
        self._unreported_recovery = ""
        if only is None:
            self._first_sync = False
        stale = self._meta("words") is not None
        total = len(plan.pending)
        small = total + len(plan.gone) < BULK_MIN
        # A bulk build into an empty index makes the indexes it would fill at random once,
        # at its end (schema.BULK_INDEXES); any other sync keeps them (and makes them again
        # first if a build that dropped them was stopped by a crash).
        fresh = not small and not known
        batches = planner.read(total if small else BATCH_FILES, cancel)
        touched: set[int] = set()
        first, done = True, 0
        while True:
            states = next(batches, None)  # read before taking the write lock
            with self._transaction() as conn:
                writer = IndexWriter(conn, count_words=small and not stale)
                if first:
                    if fresh:
                        schema.drop_indexes(conn)
                    else:
                        schema.make_indexes(conn)
                    self._write_first(conn, writer, plan, small)
                for state in states or ():
                    self._write_file(conn, writer, state, known.get(state.source.key))
                writer.index_text()
                touched |= writer.touched_groups
                if writer.count_words:
                    writer.finish_words()
                if fresh and states is None:
                    schema.make_indexes(conn)
                if states is None or small:
                    self._settle(conn, touched, folders)
            first = False
            done += len(states or ())
            if progress is not None and total:
                progress(done, total)
            if states is None or small:
                if not small:
                    with self._guard():
                        schema.give_back_free_pages(self._conn, pack=not fresh)
                break
            if cancel is not None and cancel():
                # What was written stays, its indexes made; the next sync reads the rest,
                # then recounts the words and groups the clauses (the marks say so).
                if fresh:
                    with self._transaction() as conn:
                        schema.make_indexes(conn)
                plan.report.stopped = True
                break
        return plan.report

    def _known(self, keys: list[str] | None) -> KnownFiles:
        """What the index knows of every file, or of the files ``keys`` only."""
        sql = "SELECT key, path, size, mtime_ns, sha256, doc_id, error FROM files"
        if keys is None:
            return KnownFiles(self._conn.execute(sql))
        chunks = (keys[start : start + 500] for start in range(0, len(keys), 500))
        where = f"{sql} WHERE key IN "
        return KnownFiles(
            row
            for chunk in chunks
            for row in self._conn.execute(f"{where}({','.join('?' * len(chunk))})", chunk)
        )

    def _holds_id(self, doc_id: str) -> bool:
        with self._guard():
            found = self._conn.execute("SELECT 1 FROM files WHERE doc_id = ?", (doc_id,))
            return found.fetchone() is not None

    def _write_first(
        self, conn: sqlite3.Connection, writer: IndexWriter, plan: SyncPlan, small: bool
    ) -> None:
        """What a sync writes before the files it read: removals, moved files' new times,
        and the mark that the vocabulary must be recounted (a bulk build)."""
        for r in plan.gone:
            conn.execute("DELETE FROM files WHERE key = ?", (r.key,))
            if r.doc_id:
                writer.remove_file(r.key)
        conn.executemany(
            "UPDATE files SET path = ?, size = ?, mtime_ns = ? WHERE key = ?",
            [(path, size, mtime, key) for key, path, size, mtime in plan.touched],
        )
        if not small:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('words', 'stale')")

    @staticmethod
    def _write_file(
        conn: sqlite3.Connection, writer: IndexWriter, f: FileState, old: FileRow | None
    ) -> None:
        src = f.source
        if old is not None and old.doc_id:
            writer.remove_file(src.key)
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (src.key, src.location, src.origin, f.size, f.mtime_ns, f.sha256, f.doc_id, f.error),
        )
        for index, record in enumerate(f.texts):
            writer.add_text(src.key, index, record)

    def _folders_after_adding(self) -> dict[str, int]:
        """The folder times recorded, the user's corpus folder's brought up to date (a
        file was copied into it); empty when none were recorded (the next command scans)."""
        try:
            seen: dict[str, int] = json.loads(self._meta("folders") or "{}")
            seen[str(self.user_dir)] = os.stat(self.user_dir).st_mtime_ns
        except (OSError, ValueError):
            return {}
        return seen if len(seen) > 1 or str(self.user_dir) in seen else {}

    @staticmethod
    def _settle(conn: sqlite3.Connection, touched: set[int], folders: dict[str, int]) -> None:
        """The end of a sync: the vocabulary recounted after a bulk build, the clause
        groups put right, the folders' times recorded (:meth:`folders_changed`)."""
        if conn.execute("SELECT 1 FROM meta WHERE key = 'words'").fetchone():
            recount_words(conn)
            conn.execute("DELETE FROM meta WHERE key = 'words'")
        regroup.settle(conn, touched)
        if folders:
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('folders', ?)", (json.dumps(folders),)
            )
        else:
            conn.execute("DELETE FROM meta WHERE key = 'folders'")

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

    def _range(self, doc_id: str) -> tuple[int, int]:
        with self._guard():
            row = self._conn.execute(
                "SELECT first_row, last_row FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
        if row is None:
            raise CorpusError(f"There is no document {doc_id!r} in the corpus.")
        return int(row[0]), int(row[1])

    def paragraphs(self, doc_id: str) -> list[ParagraphRow]:
        """The paragraphs of a document in order, with derived labels."""
        first, last = self._range(doc_id)
        with self._guard():
            rows = self._conn.execute(
                "SELECT paragraph_id, part, label, parents, opener, text, footnotes,"
                " position FROM paragraphs WHERE id BETWEEN ? AND ? AND part != ? ORDER BY id",
                (first, last, schema.FOOTNOTE),
            ).fetchall()
            (expected,) = self._conn.execute(
                "SELECT paragraphs FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            if len(rows) != expected:
                # Random bytes over a page can end a range scan early without an error
                # (the keys read are out of order): fewer rows than written is damage.
                raise sqlite3.DatabaseError(
                    f"database disk image is malformed ({len(rows)} of {expected} paragraphs)"
                )
        return [
            ParagraphRow(
                doc_id, pid, part, label, tuple(json.loads(par)), text[:op], text,
                tuple(json.loads(fn)), pos,
            )
            for pid, part, label, par, op, text, fn, pos in rows
        ]  # fmt: skip

    def footnotes(self, doc_id: str | None = None) -> list[FootnoteRow]:
        """The footnotes of a document (of every document when None) by number, with the
        paragraph carrying each mark."""
        sql = (
            "SELECT d.doc_id, p.position, p.text, p.paragraph_id FROM paragraphs p"
            " JOIN documents d ON d.doc = p.doc WHERE p.part = ?"
        )
        if doc_id is None:
            with self._guard():
                cursor = self._conn.execute(
                    sql + " ORDER BY d.doc_id, p.position", (schema.FOOTNOTE,)
                )
                return [FootnoteRow(*r) for r in cursor]
        first, last = self._range(doc_id)
        with self._guard():
            rows = self._conn.execute(
                sql + " AND p.id BETWEEN ? AND ? ORDER BY p.position",
                (schema.FOOTNOTE, first, last),
            ).fetchall()
        return [FootnoteRow(*r) for r in rows]

    def citations(self, doc_id: str | None = None) -> list[CitationRow]:
        """Resolutions, decisions, symbols and treaties cited in a document (in every
        document when None), in document order: paragraphs, then footnotes."""
        sql = (
            "SELECT d.doc_id, p.part, p.label, p.parents, p.position, p.paragraph_id, c.kind,"
            " substr(p.text, c.start + 1, c.end - c.start), c.body, c.number, c.date, c.volumes,"
            " c.treaty_number, c.ibid FROM citations c JOIN paragraphs p ON p.id = c.row"
            " JOIN documents d ON d.doc = p.doc"
        )
        if doc_id is None:
            with self._guard():
                # Rows become CitationRows as the cursor yields them: a fetchall() first
                # would hold every citation of a large corpus twice.
                cursor = self._conn.execute(sql + " ORDER BY d.doc_id, c.row, c.seq")
                return [_citation_row(r) for r in cursor]
        first, last = self._range(doc_id)
        with self._guard():
            rows = self._conn.execute(
                sql + " WHERE c.row BETWEEN ? AND ? ORDER BY c.row, c.seq", (first, last)
            ).fetchall()
        return [_citation_row(r) for r in rows]

    def connection(self) -> sqlite3.Connection:
        """The store's SQLite connection, for the readers of its other tables (the clause
        index, the registry) on the same thread."""
        return self._conn

    def vocabulary_words(self, min_rows: int = 1) -> list[tuple[str, int]]:
        """The words of the full-text index held by at least ``min_rows`` paragraphs, with
        that number (FTS5's tokens: lower case, diacritics removed) — spelling takes the
        corpus's words from here instead of reading every paragraph again."""
        with self._guard():
            rows = self._conn.execute(
                f"SELECT term, docs FROM {schema.VOCABULARY} WHERE docs >= ?", (min_rows,)
            ).fetchall()
        return [(str(t), int(n)) for t, n in rows]

    def search(self, query: str, limit: int = 50, part: str | None = None) -> list[SearchHit]:
        """Paragraphs and footnotes matching ``query``, best first (see
        :mod:`drafting_app.corpus.query`).

        A short prefix typed into the box matches most of a large corpus, so the first
        :data:`CANDIDATES` matches in index order are ranked (BM25, with each word's
        paragraph count from the vocabulary), not all of them: at 10,000 documents "traff"
        matches 335,000 paragraphs. A quoted phrase is matched word by word by the index
        and as a phrase on the candidates. Snippets are cut for the returned rows only."""
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
            cursor = self._conn.execute(
                "SELECT p.id, p.text FROM paragraphs_fts"
                " JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
                f" WHERE paragraphs_fts MATCH ?{part_sql}",
                [match, *part_args],
            )
            checked = parsed.phrases_folded() + parsed.prefixes_folded()
            candidates = phrase_candidates(cursor, checked, max(CANDIDATES, limit))
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
            "SELECT p.id, d.doc_id, p.paragraph_id, d.heading, d.title, p.part, p.label,"
            f" p.opener, snippet(paragraphs_fts, 0, '{MARK_START}', '{MARK_END}', '…', 16),"
            " p.parents, p.position, p.text"
            " FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
            " JOIN documents d ON d.doc = p.doc"
            " WHERE paragraphs_fts MATCH ? AND paragraphs_fts.rowid BETWEEN ? AND ?"
            f" AND p.id IN ({','.join('?' * len(ids))})"
        )
        with self._guard():
            rows = {r[0]: r[1:] for r in self._conn.execute(sql, [match, min(ids), max(ids), *ids])}
        hits = []
        for i, score in best:
            doc_id, pid, heading, title, part, label, opener, snippet, parents, position, text = (
                rows[i]
            )
            place = place_of(part, label, tuple(json.loads(parents)), position)
            hits.append(
                SearchHit(
                    doc_id, pid, heading, title, part, label, text[:opener], snippet, -score, place
                )
            )
        return hits

    # -- adding --------------------------------------------------------------------------
    def holds_content_of(self, path: Path) -> bool:
        """Whether a file with the same bytes as ``path`` is already indexed (OSError when
        ``path`` cannot be read)."""
        try:
            digest = sha256(Path(path).read_bytes())
        except OSError as exc:
            raise CorpusError(f"{Path(path).name} cannot be read: {exc}") from exc
        with self._guard():
            row = self._conn.execute(
                "SELECT 1 FROM files WHERE sha256 = ? AND doc_id IS NOT NULL", (digest,)
            ).fetchone()
        return row is not None

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
        self._sync([self._user_source(dest)])
        with self._guard():
            row = self._conn.execute(
                "SELECT doc_id, error FROM files WHERE path = ?", (str(dest),)
            ).fetchone()
        if not row or not row[0]:
            dest.unlink(missing_ok=True)  # our copy; the user's original is untouched
            with self._transaction() as conn:
                conn.execute("DELETE FROM files WHERE path = ?", (str(dest),))
            reason = row[1] if row else "it was not found in the corpus folder"
            raise CorpusError(f"{src.name} could not be indexed: {reason}")
        return self.texts_of_file(row[0])

    def _user_source(self, path: Path) -> Source:
        """The corpus file just copied into the user's folder, as a scan would see it."""
        st = path.stat()
        rel = path.relative_to(self.user_dir).as_posix()
        return Source(f"user/{rel}", str(path), "user", (st.st_size, st.st_mtime_ns))

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
        # The folder's names as one text, searched for each candidate stem (no Path, no
        # set of a large corpus folder's names: at 100,000 files that was 80 ms an add).
        listing = "\n" + "\n".join(os.listdir(self.user_dir)).lower() + "\n"
        candidate, n = stem, 1
        while True:
            if not _has_stem(listing, candidate):
                dest = self.user_dir / f"{candidate}{suffix}"
                # Whole or not at all, and never over a user's file: a crash while
                # copying must not leave a torn document for the next sync to index.
                if atomic_create(dest, data, error=CorpusError):
                    return dest
            n += 1
            candidate = f"{stem}-{n}"


def _has_stem(listing: str, stem: str) -> bool:
    """Whether a name in ``listing`` (lower-case names, each between new lines) has the
    stem ``stem`` in any case: it with one suffix (".txt"), or the name itself when the
    stem has no dot (a name's stem ends at its last dot)."""
    suffix = r"\.[^.\n]*" if "." in stem else r"(?:\.[^.\n]*)?"
    pattern = "\n" + re.escape(stem.lower()) + suffix + "\n"
    return re.search(pattern, listing) is not None


def _citation_row(r: tuple[Any, ...]) -> CitationRow:
    (
        d,
        part,
        label,
        parents,
        position,
        pid,
        kind,
        text,
        body,
        number,
        date,
        volumes,
        treaty,
        ibid,
    ) = r
    if part != schema.FOOTNOTE:  # the place within its part: "2", "7 (a)", "chapeau"
        label = place_of(part, label, tuple(json.loads(parents)), position)
        label = label.removeprefix(part).strip()
    return CitationRow(
        d, part, label, pid, kind, text, body, number, date, tuple(volumes.split()), treaty,
        bool(ibid),
    )  # fmt: skip


def phrase_candidates(
    rows: Iterable[tuple[int, str]], phrases: list[str], wanted: int
) -> list[tuple[int, str]]:
    """The first ``wanted`` rows (id, text) holding every phrase (folded words between
    single spaces, " trafficking in persons "; a typed prefix " traff"): the index matched
    their words (or a wider prefix), each is checked here. A phrase of common words may be
    rare as a phrase, so at most :data:`PHRASE_SCAN` rows are looked at."""
    out: list[tuple[int, str]] = []
    for n, (rid, text) in enumerate(rows):
        if phrases:
            if n >= PHRASE_SCAN:
                break
            words = " " + " ".join(fold(text).split()) + " "
            if not all(phrase in words for phrase in phrases):
                continue
        out.append((rid, text))
        if len(out) >= wanted:
            break
    return out


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
