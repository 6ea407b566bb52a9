"""Which corpus files changed since the index last saw them, and what they now hold.

A file is re-hashed only when its size or modification time changed, and re-read only when
its SHA-256 changed (a touched but unchanged file costs one hash). Files that failed to
read, and every file after the readers changed version, are read again.

A file may hold several texts (a session report with every decision adopted at the
session): the first keeps the file's document id, the n-th is ``<id>#n`` (:func:`text_id`).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.records import TextRecord, text_record
from drafting_app.corpus.rows import Origin
from drafting_app.errors import DraftingError
from drafting_app.model.document import Document
from drafting_app.model.ids import deterministic_ids

Stat = tuple[int, int]
SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx", ".pdf")


@dataclass(frozen=True)
class SyncItem:
    """A file the sync added, updated, removed or could not read (``message`` says why);
    ``doc_id`` is its first text's."""

    path: str
    doc_id: str = ""
    message: str = ""


@dataclass
class SyncReport:
    """What one sync did. ``hashed``: files whose bytes were read to compare checksums;
    ``parsed``: files read into documents; ``unchanged``: files left as they were;
    ``recovered_from``: where an unusable database was moved (first sync after it)."""

    added: list[SyncItem] = field(default_factory=list)
    updated: list[SyncItem] = field(default_factory=list)
    removed: list[SyncItem] = field(default_factory=list)
    failed: list[SyncItem] = field(default_factory=list)
    unchanged: int = 0
    hashed: int = 0
    parsed: int = 0
    recovered_from: str = ""
    stopped: bool = False  # cancelled: the rest is read by the next sync

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class Source(NamedTuple):
    """A corpus file; ``key`` is origin + relative path, so the index survives the
    installation folder moving.

    The scan holds every corpus file as a flat plain tuple (:data:`Scanned`); the sync
    makes a Source of each only as it looks at it."""

    key: str
    location: str  # the file's path as text: the scan makes no Path for files unchanged
    origin: Origin
    stat: Stat | None = None  # (size, mtime_ns) as the scan saw them

    @property
    def path(self) -> Path:
        return Path(self.location)


class FileRow(NamedTuple):
    """What the index knows of a file."""

    key: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    doc_id: str | None
    error: str


# A sync holds a row for every file the index knows and every file the scan finds: at
# 100,000 documents, 200,000 objects. Python's collector stops tracking a plain tuple of
# strings and numbers once it has seen it, but never an instance of a class (a dataclass
# or a named tuple): with them, each full collection on the sync's thread held the
# interpreter lock — the window stalled — for 45-55 ms. So both are held as plain tuples
# and made into a FileRow or a Source only while one is looked at.
# A corpus file as the scan found it: key, location, origin, size, mtime_ns. Flat: the
# collector lets a tuple go only once what it holds is let go, and it may look at the
# outer tuple first.
Scanned = tuple[str, str, Origin, int, int]


class KnownFiles(Mapping[str, FileRow]):
    """What the index knows of the files, by key: the rows as read from SQLite."""

    def __init__(self, rows: Iterable[tuple[str, str, int, int, str, str | None, str]]) -> None:
        self._rows = {r[0]: r for r in rows}

    def __getitem__(self, key: str) -> FileRow:
        return FileRow._make(self._rows[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def marked_unread(self) -> KnownFiles:
        """Every file to be read again (the readers changed): no time, no checksum."""
        return KnownFiles((*r[:3], -1, "", *r[5:]) for r in self._rows.values())


@dataclass(frozen=True)
class FileState:
    """A file as read in this sync: the rows of each of its texts (none when it could not
    be read, and ``error`` says why)."""

    source: Source
    size: int
    mtime_ns: int
    sha256: str
    texts: list[TextRecord]
    error: str = ""

    @property
    def doc_id(self) -> str | None:
        return self.texts[0].info.doc_id if self.texts else None


@dataclass
class SyncPlan:
    report: SyncReport
    pending: list[_Pending] = field(default_factory=list)  # files to read
    touched: list[tuple[str, str, int, int]] = field(default_factory=list)  # key, path, size, mtime
    gone: list[FileRow] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse(path: Path) -> Document:
    """Read a corpus file with deterministic ids (p-1, p-2 …): an unchanged file gives the
    same paragraph ids every time. A volume gives its first text."""
    return parse_texts(path)[0]


def parse_texts(path: Path) -> list[Document]:
    """Every text of a corpus file, with deterministic paragraph ids running on through
    the whole file (the second decision of a volume starts where the first ended)."""
    with deterministic_ids():
        return read_documents(path)


# Ids the n-th text of a volume takes: a file's own id never ends so (see _doc_id_for).
_TEXT_SUFFIX_RE = re.compile(r"#\d+$")


def text_id(file_id: str, n: int) -> str:
    """The id of the ``n``-th text (from 1) of the file whose id is ``file_id``: the first
    text keeps the file's id (a file holding one text is named as it always was), the
    others are ``<file id>#n`` — by position, so a rebuild gives the same ids."""
    return file_id if n == 1 else f"{file_id}#{n}"


def file_records(file_id: str, path: str, origin: Origin, docs: list[Document]) -> list[TextRecord]:
    """The records of every text of a file, each under its :func:`text_id`."""
    return [text_record(text_id(file_id, n), path, origin, d) for n, d in enumerate(docs, 1)]


def _hidden(name: str) -> bool:
    # Dot files and Word's "~$" lock files are never corpus documents.
    return name.startswith((".", "~$"))


def _wanted(name: str) -> bool:
    stem, dot, suffix = name.rpartition(".")
    return bool(dot) and f".{suffix.lower()}" in SUFFIXES and stem.lower() != "readme"


def _walk(
    folder: str, rel: tuple[str, ...], folders: dict[str, int]
) -> Iterator[tuple[tuple[str, ...], Stat]]:
    """Relative paths of the corpus files under ``folder`` with their size and mtime
    (os.scandir); the time of every folder seen goes into ``folders``."""
    try:
        folders[folder] = os.stat(folder).st_mtime_ns
        entries = os.scandir(folder)
    except OSError:
        return
    # Entry by entry, never list(os.scandir(…)): listing 100,000 files in one call held
    # Python's lock for 50-80 ms, a stall of the window whose worker thread scans.
    with entries:
        while True:
            try:
                entry = next(entries, None)
            except OSError:  # the folder went away while it was read
                return
            if entry is None:
                return
            if _hidden(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    yield from _walk(entry.path, (*rel, entry.name), folders)
                elif entry.is_file() and _wanted(entry.name):
                    st = entry.stat()
                    yield (*rel, entry.name), (st.st_size, st.st_mtime_ns)
            except OSError:
                continue


def scan(
    roots: Sequence[Path], user_dir: Path, folders: dict[str, int] | None = None
) -> list[Scanned]:
    """The corpus files under ``roots``; those under ``user_dir`` have origin "user".
    ``folders`` receives each folder's modification time (what :meth:`CorpusStore.
    folders_changed` compares)."""
    folders = {} if folders is None else folders
    found: dict[str, Scanned] = {}
    user = user_dir.resolve()
    for i, root in enumerate(roots):
        if not root.is_dir():
            continue
        origin: Origin = "user" if root.resolve() == user else "bundled"
        top = str(root)
        # Strings, not Paths: at 10,000 files making a Path for each was a third of the
        # time of an incremental update (same text as str(root.joinpath(*parts))). In the
        # order the folder lists them: sorting 100,000 files here held Python's lock for
        # 0.7 s, the window's stall at start-up; the files to read are sorted instead
        # (plan_sync), which gives the same ids.
        for parts, (size, mtime) in _walk(top, (), folders):
            rel = "/".join(parts)
            key = f"{origin}/{rel}"
            if key in found:  # the same name in two bundled folders
                key = f"{origin}{i}/{rel}"
            found[key] = (key, os.path.join(top, *parts), origin, size, mtime)
    return list(found.values())


def _doc_id_for(key: str, taken: set[str] | TakenIds) -> str:
    """ "bundled/000_fcca33238787d02e" for "bundled/000_fcca33238787d02e.txt"; the key with
    its suffix when another file has the same stem."""
    name = key.rsplit("/", 1)[-1]
    base = key.rsplit(".", 1)[0] if "." in name else key
    if _TEXT_SUFFIX_RE.search(base):  # "report#2.docx": "report#2" is a volume's text
        base = key
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = key if n == 2 else f"{base}~{n}"
    taken.add(candidate)
    return candidate


class TakenIds:
    """The document ids of the files the index holds, asked of it one id at a time
    (``held``): a sync of one added file reads no other file's row — at 100,000 documents
    reading every row was most of the time an add took. Ids given out in this sync are
    remembered here."""

    def __init__(self, held: Callable[[str], bool], given: Iterable[str] = ()) -> None:
        self._held = held
        self._given = set(given)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._given or (isinstance(doc_id, str) and self._held(doc_id))

    def add(self, doc_id: str) -> None:
        self._given.add(doc_id)

    def copy(self) -> TakenIds:
        return TakenIds(self._held, self._given)


Taken = set[str] | TakenIds


class _Planner:
    def __init__(
        self,
        known: Mapping[str, FileRow],
        retry: Iterable[str],
        seen: set[str],
        taken: TakenIds | None = None,
    ) -> None:
        self.known = known
        self.retry = set(retry)
        # Ids of files still present stay theirs; a removed file's id may go to a new file
        # (its rows are deleted before anything is written).
        self.taken: Taken = (
            {r.doc_id for k, r in known.items() if r.doc_id and k in seen}
            if taken is None
            else taken
        )
        self.plan = SyncPlan(SyncReport())

    def visit(self, src: Source) -> None:
        report, row = self.plan.report, self.known.get(src.key)
        fresh = src.key in self.retry
        try:
            if src.stat is None:
                st = src.path.stat()
                size, mtime = st.st_size, st.st_mtime_ns
            else:
                size, mtime = src.stat
            same = row and (row.size, row.mtime_ns, row.path) == (size, mtime, src.location)
            if same and not fresh:
                report.unchanged += 1
                return
            if row is None:
                # A file the index does not know is read whatever its checksum: the reader
                # hashes it (in the worker processes of a first build, not here before
                # they start: at 100,000 files that was 8 s of one core, the other idle).
                report.hashed += 1
                self.plan.pending.append(_Pending(src, row, size, mtime, ""))
                return
            digest = _file_sha256(src.location)
        except OSError as exc:
            report.failed.append(SyncItem(src.location, message=f"cannot be read: {exc}"))
            return
        report.hashed += 1
        if row and row.sha256 == digest and not fresh:
            self.plan.touched.append((src.key, src.location, size, mtime))
            report.unchanged += 1
            return
        self.plan.pending.append(_Pending(src, row, size, mtime, digest))

    def read(
        self, batch: int, cancel: Callable[[], bool] | None = None
    ) -> Iterator[list[FileState]]:
        """Read the changed files in file order — in worker processes when there are many
        (a first build of thousands of documents) — and yield them a batch at a time: ids
        and the report come out as if read one by one, and only a batch is ever held."""
        pending = self.plan.pending
        tentative = self._tentative_ids(pending)
        pairs = zip(pending, tentative, strict=True)
        jobs = [(p.src.location, p.src.origin, doc_id, not p.digest) for p, doc_id in pairs]
        out: list[FileState] = []
        results = _read_many(jobs, cancel, ahead=batch)
        # strict=False: a stop ends the results early
        for p, doc_id, (texts, error, digest) in zip(pending, tentative, results, strict=False):
            self.plan.report.parsed += 1
            out.append(self._record(p, doc_id, texts, error, digest or p.digest))
            if len(out) >= batch:
                yield out
                out = []
        if out:
            yield out

    def _tentative_ids(self, pending: list[_Pending]) -> list[str]:
        taken = self.taken.copy()
        out = []
        for p in pending:
            old = p.row.doc_id if p.row else None
            out.append(old or _doc_id_for(p.src.key, taken))
        return out

    def _record(
        self, p: _Pending, tentative: str, texts: list[TextRecord], error: str, digest: str
    ) -> FileState:
        report = self.plan.report
        old_id = p.row.doc_id if p.row else None
        state = (p.src, p.size, p.mtime, digest)
        if not texts:
            report.failed.append(SyncItem(p.src.location, old_id or "", error))
            return FileState(*state, [], error)
        doc_id = old_id or _doc_id_for(p.src.key, self.taken)
        if doc_id != tentative:  # a file before it with the same name could not be read
            texts = file_records(doc_id, p.src.location, p.src.origin, parse_texts(p.src.path))
        (report.updated if old_id else report.added).append(SyncItem(p.src.location, doc_id))
        return FileState(*state, texts)


@dataclass(frozen=True, slots=True)
class _Pending:
    src: Source
    row: FileRow | None
    size: int
    mtime: int
    digest: str  # "" for a file the index does not know: its reader hashes it


def _file_sha256(location: str) -> str:
    # In blocks: a corpus file is hashed without being held whole.
    digest = hashlib.sha256()
    with open(location, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


# Below this many files a worker process costs more than it saves (each one starts Python
# and imports the readers: about half a second).
PARALLEL_MIN = 200
# Files handed to a worker at once. The workers read ahead of the writer by a batch and
# a few chunks more: while the writer writes one batch they read the next (with 64 files
# ahead for batches of 250 they idled most of each write, a quarter of a 10,000-document
# build's time); what is held stays bounded by the batch at any corpus size.
_CHUNK = 8
_SPARE = 2  # chunks per worker beyond the batch
# (path, origin, document id, whether to hash the file)
_Job = tuple[str, Origin, str, bool]
# (records of its texts, why it could not be read, its checksum when asked for)
_Result = tuple[list[TextRecord], str, str]


def _read_one(job: _Job) -> _Result:
    path, origin, doc_id, hashed = job
    try:
        digest = _file_sha256(path) if hashed else ""
    except OSError as exc:
        return [], f"cannot be read: {exc}", ""
    try:
        return file_records(doc_id, path, origin, parse_texts(Path(path))), "", digest
    except DraftingError as exc:
        return [], str(exc), digest


def _read_chunk(jobs: list[_Job]) -> list[_Result]:
    return [_read_one(job) for job in jobs]


def _end_with_parent(parent: int) -> None:
    """A worker's start: it ends when the process that started it has gone. A worker
    waits for its next task on a pipe it holds both ends of, so when the app crashed
    mid-build (or was killed) its workers waited forever."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="end with parent", daemon=True).start()


def _read_many(
    jobs: list[_Job], cancel: Callable[[], bool] | None = None, ahead: int = 0
) -> Iterator[_Result]:
    """The results of ``jobs`` in order, the workers reading up to ``ahead`` files (and a
    few chunks) beyond what was taken; stops early when ``cancel()`` turns true."""
    workers = min(os.cpu_count() or 1, 4)
    done = 0
    if len(jobs) >= PARALLEL_MIN and workers >= 2:
        # Imported here: the app's start (a sync of unchanged files) never needs them.
        import multiprocessing
        from collections import deque
        from concurrent.futures import Future, ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # "spawn", never fork: the GUI process runs Qt threads, which a fork would copy
        # half-way through whatever they were doing.
        context = multiprocessing.get_context("spawn")
        chunks = [jobs[i : i + _CHUNK] for i in range(0, len(jobs), _CHUNK)]
        try:
            with ProcessPoolExecutor(
                workers, mp_context=context, initializer=_end_with_parent, initargs=(os.getpid(),)
            ) as pool:
                waiting: deque[Future[list[_Result]]] = deque()
                following = iter(chunks)
                waiting_at_most = -(-ahead // _CHUNK) + workers * _SPARE
                for chunk in itertools.islice(following, waiting_at_most):
                    waiting.append(pool.submit(_read_chunk, chunk))
                while waiting:
                    results = waiting.popleft().result()
                    nxt = next(following, None)
                    if nxt is not None and not (cancel and cancel()):
                        waiting.append(pool.submit(_read_chunk, nxt))
                    for result in results:
                        yield result
                        done += 1
                    if cancel and cancel():
                        for future in waiting:
                            future.cancel()
                        return
            return
        except (BrokenProcessPool, OSError):
            pass  # no worker could start (a script without a __main__ guard): read here
    for job in jobs[done:]:
        if cancel and cancel():
            return
        yield _read_one(job)


def _source(entry: Scanned | Source) -> Source:
    if isinstance(entry, Source):
        return entry
    key, location, origin, size, mtime = entry
    return Source(key, location, origin, (size, mtime))


def plan_sync(
    sources: Sequence[Scanned] | Sequence[Source],
    known: Mapping[str, FileRow],
    retry: Iterable[str],
    *,
    complete: bool = True,
    taken: TakenIds | None = None,
) -> _Planner:
    """Compare the files with what the index knows (a file whose size or time changed is
    hashed); what changed is read by the planner's :meth:`_Planner.read`. ``retry``: keys
    to read again even when unchanged (failed files, or all after a reader upgrade).
    ``complete``: ``sources`` are every corpus file (the others are gone); else only
    these files are looked at, ``known`` may hold only their rows and ``taken`` says
    which ids the other files hold."""
    seen = {s[0] for s in sources} if complete else set(known) | {s[0] for s in sources}
    planner = _Planner(known, retry, seen, None if complete else taken)
    for src in sources:
        planner.visit(_source(src))
    plan = planner.plan
    if len(plan.pending) > 1:  # in file order, folder by folder: ids do not depend on the scan
        plan.pending.sort(key=lambda p: p.src.key.split("/"))
    plan.gone = [r for k, r in known.items() if k not in seen]
    plan.report.removed = [SyncItem(r.path, r.doc_id or "") for r in plan.gone if r.doc_id]
    return planner
