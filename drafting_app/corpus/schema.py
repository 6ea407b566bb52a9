"""The corpus database file: schema (versioned with ``PRAGMA user_version``), opening in WAL
mode, and recovery from a file that is not a usable corpus database.

The database is only an index of the corpus files, so an unusable one is never repaired:
it is moved aside (``corpus.sqlite.broken-<timestamp>``) and rebuilt from the files —
at opening when it is not a database of ours, and whenever a read finds it damaged
(:func:`is_damage`; the store heals).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from drafting_app.errors import CorpusError
from drafting_app.fulltext import upkeep

# 1: files, documents, paragraphs, footnotes, paragraphs_fts, meta.
# 2: + citations (references found at indexing time, for the registry).
# 3: + vocabulary, vocabulary_totals (search as you type without FTS5's full passes).
# 4: + documents.file_key, documents.text_index (a report volume is one file, many texts).
# 5: one index of the corpus for the search, the clause picker and the registry: footnotes
#    are passages of the full-text index (part "footnote"); the clause groups and the
#    registry's citations live here, updated with each document (no second database, no
#    mining pass); the full-text index keeps no positions (detail=none: a third of the size;
#    phrases are checked on the candidates) and no row lengths (columnsize=0: the ranking
#    is ours, bm25() is never asked).
# 6: the full-text index keeps prefixes of 2 and 3 letters only (a longer prefix is spelt
#    out through the vocabulary); a clause's category is its number in CATEGORIES.
# 7: the index at most twice the text (issue 21): prefix lists of 3 letters only (a one- or
#    two-letter prefix is spelt out as its 3-letter branches through the vocabulary), a
#    passage names its document by number (paragraphs.doc = documents.doc), the indexes a
#    bulk build fills in random order packed after it. (Pages of 8 or 16 KB would save
#    another 3 %, but slow the picker's search by a third: measured, not taken.)
# 8: + documents_rows (the text holding a passage, by its row) and the date in
#    citations_text: a registry look-up counts a text's citations by date and orders them
#    from these indexes alone, reading no passage (issue 21 item 4).
SCHEMA_VERSION = 8

TOKENIZE = "unicode61 remove_diacritics 2"
VOCABULARY = "vocabulary"
FOOTNOTE = "footnote"

# The indexes a bulk build fills in random order (hashes, group ids, numbers). A build
# into an empty index makes them once at the end, from the finished tables (sorted,
# packed), instead of inserting millions of entries at random places (at 10,000
# documents: the writer's CPU 9.6 -> 8.1 s, its REINDEX at the end no longer needed).
BULK_INDEXES = {
    "files_sha": "CREATE INDEX files_sha ON files(sha256)",
    "citations_text": "CREATE INDEX citations_text ON citations(number, canon, kind, date)",
    "clauses_group": "CREATE INDEX clauses_group ON clauses(group_id)",
    "clauses_key": "CREATE INDEX clauses_key ON clauses(key)",
}

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
CREATE TABLE documents (
    doc        INTEGER PRIMARY KEY,  -- what a passage names its document by (paragraphs.doc)
    doc_id     TEXT NOT NULL UNIQUE,
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
    text_index INTEGER NOT NULL,  -- 0 for a file's first text (a volume holds several)
    text_kind  TEXT NOT NULL,     -- "resolution" / "decision" as its heading says, or ""
    number     TEXT NOT NULL,     -- its number from the heading ("5/2"), or ""
    first_row  INTEGER NOT NULL,  -- its passages are paragraphs.id first_row..last_row
    last_row   INTEGER NOT NULL
);
CREATE INDEX documents_file ON documents(file_key, text_index);
CREATE INDEX documents_number ON documents(number);
CREATE INDEX documents_rows ON documents(first_row);  -- the text holding a passage
-- Paragraphs and footnotes ("passages") in document order, a document's ids consecutive.
-- A footnote row: part "footnote", label and position its number, paragraph_id the
-- paragraph carrying its mark.
CREATE TABLE paragraphs (
    id           INTEGER PRIMARY KEY,
    doc          INTEGER NOT NULL,  -- documents.doc (not its doc_id: 2 bytes, not 20)
    seq          INTEGER NOT NULL,
    paragraph_id TEXT NOT NULL,
    part         TEXT NOT NULL,
    label        TEXT NOT NULL,
    parents      TEXT NOT NULL,  -- JSON list of labels
    opener       INTEGER NOT NULL,  -- length of the italic opening phrase
    text         TEXT NOT NULL,
    footnotes    TEXT NOT NULL,  -- JSON list of footnote numbers
    position     INTEGER NOT NULL
);
-- The references a passage makes (what the registry is built from): the text as written
-- is the passage's text[start:end]; canon is the body in full (bodies.id, 0: none).
CREATE TABLE citations (
    row           INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    body          TEXT NOT NULL,
    canon         INTEGER NOT NULL,
    number        TEXT NOT NULL,
    date          TEXT NOT NULL,
    volumes       TEXT NOT NULL,  -- space-separated
    treaty_number TEXT NOT NULL,
    ibid          INTEGER NOT NULL,
    PRIMARY KEY (row, seq)
) WITHOUT ROWID;
-- citations_text (BULK_INDEXES), with the date: a registry look-up counts a text's
-- citations by date from this index alone.
CREATE TABLE bodies (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
-- Agreed language: each preambular and operative paragraph of a body is a clause (id: its
-- passage's); identical or near-identical ones share a group (group_id 0: not grouped
-- yet). key: a hash of the normalised text (exact duplicates share it).
CREATE TABLE clauses (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL,
    key      INTEGER NOT NULL,
    number   TEXT NOT NULL,
    opener   TEXT NOT NULL,
    category INTEGER NOT NULL,  -- its place in drafting_app.clauses.category.CATEGORIES
    italics  TEXT NOT NULL,  -- JSON [[start, end], …]
    notes    TEXT NOT NULL,  -- JSON [[offset, text, [[start, end], …]], …], Ibid. resolved
    children TEXT NOT NULL   -- JSON list of the sub-paragraphs' clause ids
);
-- clauses_group and clauses_key: BULK_INDEXES.
-- A group's id orders the groups by importance (most adopted first, as built); head is
-- its first clause in corpus order.
CREATE TABLE groups (
    group_id INTEGER PRIMARY KEY,
    head     INTEGER NOT NULL,
    size     INTEGER NOT NULL,
    part     TEXT NOT NULL,
    opener   TEXT NOT NULL,
    category INTEGER NOT NULL
);
CREATE INDEX groups_filter ON groups(part, opener);
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id',
    tokenize='{TOKENIZE}', detail=none, columnsize=0, prefix='3'
);
{upkeep.schema(VOCABULARY)}
{"".join(f"{sql};" for sql in BULK_INDEXES.values())}
-- New passages reach the full-text index a text at a time (IndexWriter: one INSERT …
-- SELECT costs a fifth of a trigger's row-by-row inserts); removed ones by this trigger.
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


# The clause index of schema 4 and before lived in a database of its own beside this one.
_OLD_CLAUSE_INDEX = "clauses.sqlite3"


def _remove_old_clause_index(path: Path) -> None:
    old = path.with_name(_OLD_CLAUSE_INDEX)
    for p in (old, old.with_name(old.name + "-wal"), old.with_name(old.name + "-shm")):
        p.unlink(missing_ok=True)


# SQLite's primary result codes that mean the file itself is damaged (not busy, not full).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_DAMAGE_WORDS = ("malformed", "corrupt", "not a database", "no such table", "no such column")


def is_damage(exc: BaseException) -> bool:
    """True when a SQLite error says the index file is damaged: random bytes in a page, a
    torn FTS5 segment, a missing table. A locked or full database is not damage."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return any(word in text for word in _DAMAGE_WORDS)


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA synchronous=NORMAL")
    # Temporary tables and sorts in files (SQLite keeps them in its page cache until it
    # is full): in memory, the bulk regrouping's UPDATE of every clause held a list of
    # all their row ids — 300 MB at 100,000 documents.
    conn.execute("PRAGMA temp_store=FILE")
    # A keystroke query touches the same hot pages: keep them in memory (32 MB at most).
    # No memory-mapped reads: every page a build or a scan touches would count as the
    # process's resident memory (hundreds of MB at 10,000 documents).
    conn.execute("PRAGMA cache_size=-32768")
    conn.execute("PRAGMA mmap_size=0")


def _open_checked(path: Path) -> sqlite3.Connection:
    """Open without reading the whole file: a write-ahead log left by a crash is SQLite's
    own crash recovery (replayed on first read), and damage inside the file surfaces as a
    DatabaseError when it is read, which the store heals (:func:`is_damage`). The full
    check (:func:`verify`) runs in the background, never before a window or a command."""
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (one transaction per batch).
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _Unusable(f"made by a newer version (schema {version})")
        if tables and version < SCHEMA_VERSION:
            conn.close()
            remove_database(path)  # an older index: rebuilt from the files, nothing lost
            _remove_old_clause_index(path)
            return _open_checked(path)
        if not tables:
            # Incremental vacuum (set before anything is written): the pages a bulk build's
            # work tables used go back to the file system after it (give_back_free_pages).
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
        conn.execute("PRAGMA journal_mode=WAL")
        _configure(conn)
        if not tables:
            _remove_old_clause_index(path)
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
    conn, moved = fresh(path)
    return conn, moved


def fresh(path: Path) -> tuple[sqlite3.Connection, Path]:
    """Move the database at ``path`` aside (``<name>.broken-<time>``) and create an empty
    one: the new connection and where the old file went."""
    try:
        moved = _move_aside(path)
        return _open_checked(path), moved
    except (OSError, sqlite3.Error, _Unusable) as exc:
        raise CorpusError(f"The corpus database {path} cannot be created: {exc}") from exc


def drop_indexes(conn: sqlite3.Connection, names: Iterable[str] = BULK_INDEXES) -> None:
    """Drop the :data:`BULK_INDEXES` ``names`` (before a bulk build into an empty index)."""
    for name in names:
        conn.execute(f"DROP INDEX IF EXISTS {name}")


def make_indexes(conn: sqlite3.Connection, names: Iterable[str] = BULK_INDEXES) -> None:
    """Make those of the :data:`BULK_INDEXES` ``names`` that are missing (a build dropped
    them; a crash may have left them so: every sync calls this before it writes)."""
    have = {str(n) for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    for name in names:
        if name not in have:
            conn.execute(BULK_INDEXES[name])


def give_back_free_pages(conn: sqlite3.Connection, *, pack: bool = True) -> None:
    """After a bulk build (outside a transaction): with ``pack``, the indexes it filled in
    random order built again from sorted keys (their pages end up a seventh empty: 3.4 MB
    of 280 at 10,000 documents; not needed when the build made them at its end), and the
    file shrunk by its free pages (the clause groups' work tables leave a tenth of it free)."""
    if pack:
        for name in BULK_INDEXES:
            conn.execute(f"REINDEX {name}")
    conn.execute("PRAGMA incremental_vacuum")


def verify(conn: sqlite3.Connection) -> str:
    """SQLite's check of every page and FTS5's of its index: "ok", or what is wrong.
    Seconds on a large corpus: run on a worker, never before the window paints."""
    try:
        result = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        if result != "ok":
            return result
        conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "ok"


def reconnect(path: Path) -> sqlite3.Connection:
    """Another connection to a database this process has open already (checked, in WAL
    mode): no checks again — its write-ahead log being there is not a sign of a crash."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        _configure(conn)
    except sqlite3.Error as exc:
        raise CorpusError(f"The corpus database {path} cannot be opened: {exc}") from exc
    return conn
