"""The corpus database file: schema (versioned with ``PRAGMA user_version``), opening in WAL
mode, and recovery from a file that is not a usable corpus database.

The database is only an index of the corpus files, so an unusable one is never repaired:
it is moved aside (``corpus.sqlite.broken-<timestamp>``) and rebuilt from the files.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from drafting_app.errors import CorpusError
from drafting_app.fulltext import upkeep

# 1: files, documents, paragraphs, footnotes, paragraphs_fts, meta.
# 2: + citations (references found at indexing time, for the registry).
# 3: + vocabulary, vocabulary_totals (search as you type without FTS5's full passes).
# 4: + documents.file_key, documents.text_index (a report volume is one file, many texts).
SCHEMA_VERSION = 4

TOKENIZE = "unicode61 remove_diacritics 2"
VOCABULARY = "vocabulary"

INSERT_TRIGGER = """CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END"""

_SCHEMA = f"""
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE files (
    key      TEXT PRIMARY KEY,  -- origin/relative path: survives the install folder moving
    path     TEXT NOT NULL,
    origin   TEXT NOT NULL,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256   TEXT NOT NULL,
    doc_id   TEXT UNIQUE,       -- its first text's; NULL when the file could not be read
    error    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX files_sha ON files(sha256);
CREATE TABLE documents (
    doc_id     TEXT PRIMARY KEY,
    path       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    form       TEXT NOT NULL,
    heading    TEXT NOT NULL,
    title      TEXT NOT NULL,
    symbol     TEXT NOT NULL,
    body       TEXT NOT NULL,
    date       TEXT NOT NULL,
    paragraphs INTEGER NOT NULL,
    footnotes  INTEGER NOT NULL,
    origin     TEXT NOT NULL,
    label      TEXT NOT NULL,
    file_key   TEXT NOT NULL,     -- files.key: the file holding the text
    text_index INTEGER NOT NULL   -- 0 for a file's first text (a volume holds several)
);
CREATE INDEX documents_file ON documents(file_key, text_index);
CREATE TABLE paragraphs (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    paragraph_id TEXT NOT NULL,
    part         TEXT NOT NULL,
    label        TEXT NOT NULL,
    parents      TEXT NOT NULL,  -- JSON list of labels
    opener       TEXT NOT NULL,
    text         TEXT NOT NULL,
    footnotes    TEXT NOT NULL,  -- JSON list of footnote numbers
    position     INTEGER NOT NULL
);
CREATE INDEX paragraphs_doc ON paragraphs(doc_id, seq);
CREATE TABLE footnotes (
    doc_id       TEXT NOT NULL,
    number       INTEGER NOT NULL,
    text         TEXT NOT NULL,
    paragraph_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, number)
);
CREATE TABLE citations (
    doc_id        TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    part          TEXT NOT NULL,
    label         TEXT NOT NULL,
    paragraph_id  TEXT NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    body          TEXT NOT NULL,
    number        TEXT NOT NULL,
    date          TEXT NOT NULL,
    volumes       TEXT NOT NULL,  -- space-separated
    treaty_number TEXT NOT NULL,
    ibid          INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id',
    tokenize='{TOKENIZE}', prefix='2 3 4'
);
{upkeep.schema(VOCABULARY)}
{INSERT_TRIGGER};
CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""


class _Unusable(Exception):
    """The file at the database path cannot serve as this version's corpus index."""


def check_fts5() -> None:
    """Full-text search needs SQLite's FTS5 module (present in CPython's builds)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError as exc:
        raise CorpusError(
            f"This Python's SQLite ({sqlite3.sqlite_version}) has no FTS5 full-text search; "
            "the corpus cannot be indexed."
        ) from exc
    finally:
        conn.close()


def _sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    for src in _sidecars(path):
        if src.exists():
            src.replace(target.with_name(target.name + src.name[len(path.name) :]))
    return target


def remove_database(path: Path) -> None:
    for p in _sidecars(path):
        p.unlink(missing_ok=True)


def _whole(path: Path) -> bool:
    """True when the file was closed cleanly and is as long as its header says.

    A full ``PRAGMA quick_check`` reads every page (about a second for a 10,000-document
    index), so it runs only when this cheap test fails: a write-ahead log left behind by
    a crash, or a file shorter than the page count in its header (SQLite's header field is
    trusted only when its "version-valid-for" number matches the change counter). Damage
    inside a whole file still surfaces as a CorpusError asking for a rebuild."""
    if any(side.exists() for side in _sidecars(path)[1:]):
        return False
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100:
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    return valid and pages > 0 and size == pages * page_size


def _open_checked(path: Path) -> sqlite3.Connection:
    whole = _whole(path)  # before connecting: reading a WAL database creates its sidecars
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (one transaction per sync).
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _Unusable(f"made by a newer version (schema {version})")
        if tables and version < SCHEMA_VERSION:
            conn.close()
            remove_database(path)  # an older index: rebuilt from the files, nothing lost
            return _open_checked(path)
        if tables and not whole:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise _Unusable(f"damaged ({result})")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA temp_store=MEMORY")  # the vocabulary's scratch FTS5 table
        if not tables:
            conn.executescript(f"BEGIN; {_SCHEMA} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")
    except (sqlite3.DatabaseError, _Unusable):
        conn.close()
        raise
    return conn


def connect(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """A connection to a usable corpus database at ``path``, and where a broken file was
    moved to (None when the file was fine)."""
    check_fts5()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"The corpus folder {path.parent} cannot be created: {exc}") from exc
    try:
        return _open_checked(path), None
    except (sqlite3.DatabaseError, _Unusable):
        pass
    try:
        moved = _move_aside(path)
        return _open_checked(path), moved
    except (OSError, sqlite3.Error, _Unusable) as exc:
        raise CorpusError(f"The corpus database {path} cannot be created: {exc}") from exc


def reconnect(path: Path) -> sqlite3.Connection:
    """Another connection to a database this process has open already (checked, in WAL
    mode): no checks again — its write-ahead log being there is not a sign of a crash, and
    a full check of a 10,000-document index is a third of a second."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as exc:
        raise CorpusError(f"The corpus database {path} cannot be opened: {exc}") from exc
    return conn
