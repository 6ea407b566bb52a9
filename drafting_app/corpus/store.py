"""The corpus store: an embedded SQLite index (with FTS5 full-text search) of the bundled
corpus and the documents the user added.

The files are the corpus; the database only indexes them. It is built on first start and
kept up to date incrementally: a file is re-hashed only when its size or modification time
changed, and re-read only when its SHA-256 changed. ``document()`` re-reads the file (with
deterministic ids, so paragraph ids match the index) rather than keeping a second copy of
the model in the database: the index stays small and there is one source of truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from drafting_app import paths
from drafting_app.corpus import schema
from drafting_app.corpus.query import fts_query
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.rows import (
    DocumentInfo,
    DocumentRows,
    FootnoteRow,
    Origin,
    ParagraphRow,
    document_rows,
)
from drafting_app.errors import CorpusError, DraftingError
from drafting_app.model.document import Document
from drafting_app.model.ids import deterministic_ids

DB_NAME = "corpus.sqlite"
SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx", ".pdf")
PARTS = ("preamble", "operative", "annex")
# Match markers in SearchHit.snippet: control characters never found in corpus text, so a
# view can escape the text and then turn them into highlighting.
MARK_START = "\x02"
MARK_END = "\x03"
MAX_LIMIT = 1000

_DOC_COLUMNS = (
    "doc_id, path, kind, form, heading, title, symbol, body, date, paragraphs, footnotes, origin,"
    " label"
)


@dataclass(frozen=True)
class SyncItem:
    """A file the sync added, updated, removed or could not read (``message`` says why)."""

    path: str
    doc_id: str = ""
    message: str = ""


@dataclass
class SyncReport:
    """What one sync did. ``hashed``: files whose bytes were read to compare checksums;
    ``parsed``: files read into documents; ``unchanged``: files left as they were."""

    added: list[SyncItem] = field(default_factory=list)
    updated: list[SyncItem] = field(default_factory=list)
    removed: list[SyncItem] = field(default_factory=list)
    failed: list[SyncItem] = field(default_factory=list)
    unchanged: int = 0
    hashed: int = 0
    parsed: int = 0
    recovered_from: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass(frozen=True)
class SearchHit:
    """A paragraph matching a search, best first (``rank``: FTS5 bm25, lower is better).

    ``snippet`` marks matches with :data:`MARK_START` … :data:`MARK_END`."""

    doc_id: str
    paragraph_id: str
    heading: str
    title: str
    part: str
    label: str
    opener: str
    snippet: str
    rank: float


@dataclass(frozen=True)
class _Source:
    key: str
    path: Path
    origin: Origin


@dataclass(frozen=True)
class _FileRow:
    key: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    doc_id: str | None
    error: str


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _wanted(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    if any(p.startswith((".", "~$")) for p in rel):
        return False
    return path.suffix.lower() in SUFFIXES and path.stem.lower() != "readme"


def _parse(path: Path) -> Document:
    # Deterministic ids (p-1, p-2 …) make paragraph ids stable for an unchanged file.
    with deterministic_ids():
        return read_document(path)


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
            store.sync()
        return store

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
    def _scan(self) -> list[_Source]:
        found: dict[str, _Source] = {}
        user = self.user_dir.resolve()
        roots = [*self.sources]
        if all(r.resolve() != user for r in roots):
            roots.append(self.user_dir)
        for i, root in enumerate(roots):
            if not root.is_dir():
                continue
            origin: Origin = "user" if root.resolve() == user else "bundled"
            for path in sorted(root.rglob("*")):
                if not path.is_file() or not _wanted(path, root):
                    continue
                key = f"{origin}/{path.relative_to(root).as_posix()}"
                if key in found:  # same name in two bundled folders
                    key = f"{origin}{i}/{path.relative_to(root).as_posix()}"
                found[key] = _Source(key, path, origin)
        return list(found.values())

    def _file_rows(self) -> dict[str, _FileRow]:
        rows = self._conn.execute(
            "SELECT key, path, size, mtime_ns, sha256, doc_id, error FROM files"
        )
        return {r[0]: _FileRow(*r) for r in rows}

    def _doc_id_for(self, key: str, taken: set[str]) -> str:
        base = key.rsplit(".", 1)[0] if "." in key.rsplit("/", 1)[-1] else key
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = key if n == 2 else f"{base}~{n}"
        taken.add(candidate)
        return candidate

    def sync(self) -> SyncReport:
        """Bring the index up to date with the files: new, changed and removed files."""
        report = SyncReport(recovered_from=str(self.recovered_from or ""))
        self.recovered_from = None
        with self._guard():
            known = self._file_rows()
        taken = {r.doc_id for r in known.values() if r.doc_id}
        writes: list[tuple[_Source, int, int, str, DocumentRows | None, str]] = []
        touched: list[tuple[str, str, int, int]] = []
        seen: set[str] = set()
        for src in self._scan():
            seen.add(src.key)
            row = known.get(src.key)
            try:
                st = src.path.stat()
                if row and (row.size, row.mtime_ns, row.path) == (
                    st.st_size,
                    st.st_mtime_ns,
                    str(src.path),
                ):
                    report.unchanged += 1
                    continue
                data = src.path.read_bytes()
            except OSError as exc:
                report.failed.append(SyncItem(str(src.path), message=f"cannot be read: {exc}"))
                continue
            report.hashed += 1
            sha = _sha256(data)
            if row and row.sha256 == sha:
                touched.append((src.key, str(src.path), st.st_size, st.st_mtime_ns))
                report.unchanged += 1
                continue
            report.parsed += 1
            old_id = row.doc_id if row else None
            try:
                doc = _parse(src.path)
            except DraftingError as exc:
                if old_id:
                    taken.discard(old_id)
                writes.append((src, st.st_size, st.st_mtime_ns, sha, None, str(exc)))
                report.failed.append(SyncItem(str(src.path), old_id or "", str(exc)))
                continue
            doc_id = old_id or self._doc_id_for(src.key, taken)
            rows = document_rows(doc_id, str(src.path), src.origin, doc)
            writes.append((src, st.st_size, st.st_mtime_ns, sha, rows, ""))
            item = SyncItem(str(src.path), doc_id)
            (report.updated if old_id else report.added).append(item)
        gone = [r for k, r in known.items() if k not in seen]
        report.removed = [SyncItem(r.path, r.doc_id or "") for r in gone if r.doc_id]
        if writes or touched or gone:
            with self._transaction() as conn:
                self._write(conn, writes, touched, gone)
        return report

    def _write(
        self,
        conn: sqlite3.Connection,
        writes: list[tuple[_Source, int, int, str, DocumentRows | None, str]],
        touched: list[tuple[str, str, int, int]],
        gone: list[_FileRow],
    ) -> None:
        for r in gone:
            conn.execute("DELETE FROM files WHERE key = ?", (r.key,))
            if r.doc_id:
                self._delete_document(conn, r.doc_id)
        conn.executemany(
            "UPDATE files SET path = ?, size = ?, mtime_ns = ? WHERE key = ?",
            [(path, size, mtime, key) for key, path, size, mtime in touched],
        )
        for src, size, mtime, sha, rows, error in writes:
            old = conn.execute("SELECT doc_id FROM files WHERE key = ?", (src.key,)).fetchone()
            if old and old[0]:
                self._delete_document(conn, old[0])
            doc_id = rows.info.doc_id if rows else None
            conn.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (src.key, str(src.path), src.origin, size, mtime, sha, doc_id, error),
            )
            if rows:
                self._insert_document(conn, rows)

    @staticmethod
    def _delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
        for table in ("documents", "paragraphs", "footnotes"):
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    @staticmethod
    def _insert_document(conn: sqlite3.Connection, rows: DocumentRows) -> None:
        i = rows.info
        conn.execute(
            f"INSERT INTO documents ({_DOC_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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

    # -- reading -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """Every indexed document, bundled first, in file order."""
        with self._guard():
            rows = self._conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY doc_id")
            return [DocumentInfo(*r) for r in rows]

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

    def document(self, doc_id: str) -> Document:
        """The full model of a corpus document, read again from its file."""
        info = self.info(doc_id)
        path = Path(info.path)
        with self._guard():
            sha = self._conn.execute(
                "SELECT sha256 FROM files WHERE doc_id = ?", (doc_id,)
            ).fetchone()[0]
        try:
            current = _sha256(path.read_bytes())
        except OSError as exc:
            raise CorpusError(f"{path.name} ({doc_id}) cannot be read: {exc}") from exc
        if current != sha:  # changed since the last sync: index it first so ids agree
            self.sync()
            info = self.info(doc_id)
        try:
            return _parse(Path(info.path))
        except DraftingError as exc:
            raise CorpusError(f"{doc_id} can no longer be read: {exc}") from exc

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

    def footnotes(self, doc_id: str) -> list[FootnoteRow]:
        """The footnotes of a document by number, with the paragraph carrying each mark."""
        rows = self._rows_of(
            doc_id,
            "SELECT doc_id, number, text, paragraph_id FROM footnotes WHERE doc_id = ?"
            " ORDER BY number",
        )
        return [FootnoteRow(*r) for r in rows]

    def search(self, query: str, limit: int = 50, part: str | None = None) -> list[SearchHit]:
        """Paragraphs matching ``query``, best first (see :mod:`drafting_app.corpus.query`)."""
        if part is not None and part not in PARTS:
            raise CorpusError(f"Unknown part {part!r}: use one of {', '.join(PARTS)}.")
        match = fts_query(query)
        if not match or limit <= 0:
            return []
        sql = (
            "SELECT p.doc_id, p.paragraph_id, d.heading, d.title, p.part, p.label, p.opener,"
            f" snippet(paragraphs_fts, 0, '{MARK_START}', '{MARK_END}', '…', 16),"
            " bm25(paragraphs_fts) AS rank"
            " FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
            " JOIN documents d ON d.doc_id = p.doc_id"
            " WHERE paragraphs_fts MATCH ?"
        )
        args: list[object] = [match]
        if part:
            sql += " AND p.part = ?"
            args.append(part)
        sql += " ORDER BY rank, p.doc_id, p.seq LIMIT ?"
        args.append(min(limit, MAX_LIMIT))
        with self._guard():
            return [SearchHit(*r) for r in self._conn.execute(sql, args)]

    # -- adding --------------------------------------------------------------------------
    def add_document(self, path: Path) -> DocumentInfo:
        """Add a document to the user's corpus: read it (a FormatError leaves nothing
        behind), copy it under a name no other file has, index it. A file whose content
        is already in the corpus is not copied again: its entry is returned."""
        src = Path(path)
        _parse(src)
        data = src.read_bytes()
        with self._guard():
            row = self._conn.execute(
                "SELECT doc_id FROM files WHERE sha256 = ? AND doc_id IS NOT NULL",
                (_sha256(data),),
            ).fetchone()
        if row:
            return self.info(row[0])
        dest = self._copy_unique(src.name, data)
        self.sync()
        with self._guard():
            row = self._conn.execute(
                "SELECT doc_id, error FROM files WHERE path = ?", (str(dest),)
            ).fetchone()
        if not row or not row[0]:
            raise CorpusError(f"{src.name} was copied but could not be indexed: {row and row[1]}")
        return self.info(row[0])

    def _copy_unique(self, name: str, data: bytes) -> Path:
        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CorpusError(
                f"The corpus folder {self.user_dir} cannot be created: {exc}"
            ) from exc
        stem, suffix = Path(name).stem, Path(name).suffix.lower()
        stems = {p.stem.lower() for p in self.user_dir.iterdir()}
        candidate, n = stem, 1
        while True:
            if candidate.lower() not in stems:
                dest = self.user_dir / f"{candidate}{suffix}"
                try:
                    fh = dest.open("xb")  # "x": never overwrite a user's file
                except FileExistsError:
                    fh = None
                except OSError as exc:
                    raise CorpusError(f"{name} could not be copied: {exc}") from exc
                if fh is not None:
                    self._write_new(fh, dest, data)
                    return dest
            n += 1
            candidate = f"{stem}-{n}"

    @staticmethod
    def _write_new(fh: BinaryIO, dest: Path, data: bytes) -> None:
        try:
            with fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            dest.unlink(missing_ok=True)  # our own half-written copy, nobody else's
            raise CorpusError(f"{dest.name} could not be written: {exc}") from exc
