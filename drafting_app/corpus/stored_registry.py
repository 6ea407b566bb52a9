"""The registry read from the corpus index, a text at a time.

The citations the registry is made of are written with each document (the ``citations``
table, the body of every cited text already in full), so nothing is built when a command
or the window needs the registry: opening it is one connection, and a check's look-up
("decision 4/4 of the Conference") is one indexed query for that text's citations — the
same answer as :class:`~drafting_app.corpus.registry.Registry` built in memory from the
same documents, at any corpus size.

A look-up counts a text's citations by date and reads them (their paragraphs, from all
over the file) only when they are listed: a check asks whether a text is cited and which
date most citations give, so its look-ups cost the same at 10,000 and 100,000 documents.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from drafting_app.corpus.facts import canonical_body, load_instruments, load_sessions
from drafting_app.corpus.opening_verbs import AdoptedOpener, clause_key, stored_opener
from drafting_app.corpus.registry import (
    COP,
    Citation,
    CitedText,
    Registry,
    TreatyCitation,
    _compact,
    _number_key,
)
from drafting_app.corpus.rows import FOOTNOTE, place_of
from drafting_app.errors import CorpusError, IndexDamaged
from drafting_app.model.references import RefKind

_CITED = (
    "SELECT c.kind, c.canon, c.number, c.date, d.doc_id, d.label, p.part, p.label,"
    " p.parents, p.position, p.paragraph_id, substr(p.text, c.start + 1, c.end - c.start),"
    " c.volumes, c.treaty_number, c.ibid FROM citations c JOIN paragraphs p ON p.id = c.row"
    " JOIN documents d ON d.doc = p.doc"
)
_ORDER = " ORDER BY d.doc_id, c.row, c.seq"
# A text's citations by date (from the index citations_text alone).
_COUNTED = (
    "SELECT date, count(*) FROM citations WHERE number = ? AND canon = ? AND kind = ? GROUP BY date"
)
# The dates of a text's citations in the order _ORDER first gives them.
_FIRST_SEEN = (
    "SELECT date FROM (SELECT c.date, min((SELECT d.doc_id FROM documents d"
    " WHERE d.first_row <= c.row ORDER BY d.first_row DESC LIMIT 1)"
    " || char(31) || printf('%012d %06d', c.row, c.seq)) AS first FROM citations c"
    " WHERE c.number = ? AND c.canon = ? AND c.kind = ? AND c.date != '' GROUP BY c.date)"
    " ORDER BY first"
)
_OPENERS_KEPT = 512  # clause look-ups remembered (a draft has a few verbless paragraphs)
_TEXT_KINDS = (str(RefKind.RESOLUTION), str(RefKind.DECISION))


class _Cited(list[Citation]):
    """The citations of one text, read from the index when first listed (``load``); until
    then its length is the ``count`` the look-up found, so ``len`` and truth read nothing."""

    def __init__(self, count: int, load: Callable[[], list[Citation]]) -> None:
        super().__init__()
        self._count = count
        self._load: Callable[[], list[Citation]] | None = load

    def _read(self) -> None:
        if self._load is not None:
            load, self._load = self._load, None
            super().extend(load())

    def __len__(self) -> int:
        return self._count if self._load is not None else super().__len__()

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[Citation]:
        self._read()
        return super().__iter__()

    def __reversed__(self) -> Iterator[Citation]:
        self._read()
        return super().__reversed__()

    def __getitem__(self, index: Any) -> Any:
        self._read()
        return super().__getitem__(index)

    def __contains__(self, item: object) -> bool:
        self._read()
        return super().__contains__(item)

    def __eq__(self, other: object) -> bool:
        self._read()
        if isinstance(other, _Cited):
            other._read()
        return super().__eq__(other)

    __hash__ = None  # a list: unhashable

    def __repr__(self) -> str:
        self._read()
        return super().__repr__()


class _Reading:
    """Reads a text's citations once, for the list of all and the lists by date."""

    def __init__(self, load: Callable[[], list[Citation]]) -> None:
        self._load = load
        self._found: list[Citation] | None = None

    def all(self) -> list[Citation]:
        if self._found is None:
            self._found = self._load()
        return self._found

    def dated(self, date: str) -> list[Citation]:
        return [c for c in self.all() if c.date == date]


def _where(row: tuple[Any, ...]) -> Citation:
    _, _, _, date, doc_id, doc_label, part, label, parents, position, pid, text = row[:12]
    if part != FOOTNOTE:
        label = place_of(part, label, tuple(json.loads(parents)), position)
        label = label.removeprefix(part).strip()
    return Citation(doc_id, doc_label, part, label, pid, text, date)


class StoredRegistry(Registry):
    """The registry of a corpus index (see module doc); ``conn`` is a connection of its
    own to the corpus database."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(load_instruments(), load_sessions())
        self._conn = conn
        self._body_ids: dict[str, int] = {}
        # A registry is replaced, never changed, when the corpus changes: a text looked
        # up once is the same object the next time (bounded: a check asks a few hundred).
        self._found: dict[tuple[str, str, str], CitedText | None] = {}
        self._openers_found: dict[tuple[str, ...], AdoptedOpener | None] = {}
        # Told when a look-up finds the index damaged (the window rebuilds it).
        self.on_damage: Callable[[str], None] | None = None
        self._memo_identity: str | None = None
        # One thread at a time on the connection: the window checks a draft on a worker
        # while its own thread may list the texts for a form.
        self._lock = threading.RLock()

    def memo_identity(self) -> str:
        """What names this corpus across processes, for the checks' memo of a draft
        (:mod:`drafting_app.checks.memo`): the database, its indexing state (``meta``) and
        its files and documents — their number, sizes, times and rows (a file added,
        removed, changed or read again changes it). Asked once per registry (a registry
        is replaced, never changed, when the corpus changes)."""
        if self._memo_identity is None:
            with self._guard():
                meta = self._conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
                files = self._conn.execute(
                    "SELECT count(*), total(size), total(mtime_ns), total(rowid), max(rowid)"
                    " FROM files"
                ).fetchone()
                docs = self._conn.execute(
                    "SELECT count(*), total(rowid), max(rowid) FROM documents"
                ).fetchone()
                db = self._conn.execute("PRAGMA database_list").fetchone()[2]
            self._memo_identity = repr((db, meta, tuple(files), tuple(docs)))
        return self._memo_identity

    @contextmanager
    def _guard(self) -> Iterator[None]:
        from drafting_app.corpus.schema import is_damage

        try:
            with self._lock:
                yield
        except sqlite3.Error as exc:
            if is_damage(exc):
                if self.on_damage is not None:
                    self.on_damage(str(exc))
                raise IndexDamaged(
                    f"The corpus index is damaged ({exc}); it is rebuilt from the documents."
                ) from exc
            raise CorpusError(f"The corpus database failed ({exc}).") from exc

    def _body_id(self, name: str) -> int:
        found = self._body_ids.get(name)
        if found is None:
            row = self._conn.execute("SELECT id FROM bodies WHERE name = ?", (name,)).fetchone()
            found = self._body_ids[name] = int(row[0]) if row else -1
        return found

    def _own(self, kind: str, body: str, number: str) -> tuple[str, str] | None:
        row = self._conn.execute(
            "SELECT doc_id, date FROM documents WHERE number = ? AND text_kind = ? AND body = ?"
            " ORDER BY doc_id DESC LIMIT 1",
            (number, kind, body),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def _settled(
        self, text: CitedText, own: tuple[str, str] | None, *, compact: bool = True
    ) -> CitedText:
        if own is not None:
            text.doc_id, text.date = own
            text.date_source = "corpus" if text.date else ""
        curated = self._curated_date(text.kind, text.body, text.number)
        if curated:
            text.date, text.date_source = curated, "curated"
        elif not text.date and text.dates_seen:
            # The date most citations give; on a tie, the first seen.
            text.date = max(text.dates_seen, key=lambda d: len(text.dates_seen[d]))
            text.date_source = "citations"
        if compact:
            _compact(text)
        return text

    def clause_with_opener(self, text: str) -> AdoptedOpener | None:
        """One search of the clause index per clause (the checks ask again as the user
        types; a registry is replaced, never changed, so an answer stays right)."""
        key = clause_key(text)
        if key is None:
            return None
        if key not in self._openers_found:
            if len(self._openers_found) >= _OPENERS_KEPT:
                self._openers_found.pop(next(iter(self._openers_found)))
            with self._guard():
                self._openers_found[key] = stored_opener(self._conn, text)
        return self._openers_found[key]

    def cited_text(
        self, body: str, number: str, kind: str, *, author: str = COP
    ) -> CitedText | None:
        kind = kind.lower().rstrip("s")
        full = canonical_body(body, author)
        key = (kind, full, number)
        if key not in self._found:
            if len(self._found) > 65536:
                self._found.clear()
            with self._guard():
                self._found[key] = self._look_up(kind, full, number)
        return self._found[key]

    def _look_up(self, kind: str, full: str, number: str) -> CitedText | None:
        text = CitedText(kind, full, number, "")
        body_id = self._body_id(full)
        counts: dict[str, int] = {}
        if body_id >= 0:
            # The citations counted by date from the citations table alone (its index):
            # their paragraphs are read only if someone lists them (_Cited).
            counts = {
                str(d): int(n) for d, n in self._conn.execute(_COUNTED, (number, body_id, kind))
            }
        own = self._own(kind, full, number)
        adopting = kind == "resolution" and (full, number) in self._adopting
        if own is None and not counts and not adopting:
            date = self._curated_date(kind, full, number)
            return CitedText(kind, full, number, date, date_source="curated") if date else None
        if counts:
            reading = _Reading(lambda: self._citations_of(number, body_id, kind))
            text.citations = _Cited(sum(counts.values()), reading.all)
            dated = {d: n for d, n in counts.items() if d}
            most = max(dated.values(), default=0)
            if list(dated.values()).count(most) > 1 and own is None:
                # Two dates given equally often: the first seen wins (_settled), so the
                # dates go in corpus order (document, then passage) — the document of a
                # passage found by its row range, without reading the passage.
                order = self._conn.execute(_FIRST_SEEN, (number, body_id, kind)).fetchall()
                dated = {str(d): dated[str(d)] for (d,) in order}
            text.dates_seen = {
                d: _Cited(n, lambda d=d: reading.dated(d))  # type: ignore[misc]
                for d, n in dated.items()
            }
        return self._settled(text, own, compact=False)

    def _citations_of(self, number: str, body_id: int, kind: str) -> list[Citation]:
        with self._guard():
            return [
                _where(row)
                for row in self._conn.execute(
                    _CITED + " WHERE c.number = ? AND c.canon = ? AND c.kind = ?" + _ORDER,
                    (number, body_id, kind),
                )
            ]

    def _all(self) -> Iterator[CitedText]:
        names = dict(self._conn.execute("SELECT id, name FROM bodies"))
        texts: dict[tuple[str, str, str], CitedText] = {}
        cursor = self._conn.execute(
            _CITED
            + f" WHERE c.kind IN ({','.join('?' * len(_TEXT_KINDS))}) AND c.canon != 0"
            + _ORDER,
            _TEXT_KINDS,
        )
        for row in cursor:
            key = (str(row[0]), str(names[row[1]]), str(row[2]))
            text = texts.get(key)
            if text is None:
                text = texts[key] = CitedText(*key, "")
            where = _where(row)
            text.citations.append(where)
            if where.date:
                text.dates_seen.setdefault(where.date, []).append(where)
        own: dict[tuple[str, str, str], tuple[str, str]] = {}
        for doc_id, kind, body, number, date in self._conn.execute(
            "SELECT doc_id, text_kind, body, number, date FROM documents"
            " WHERE text_kind != '' AND body != '' ORDER BY doc_id"
        ):
            own[(str(kind), str(body), str(number))] = (str(doc_id), str(date))
        for key in own:
            texts.setdefault(key, CitedText(*key, ""))
        for body, number in self._adopting:
            texts.setdefault(
                ("resolution", body, number), CitedText("resolution", body, number, "")
            )
        for key, text in texts.items():
            yield self._settled(text, own.get(key))

    def texts(self) -> list[CitedText]:
        """Every text known, by body then number (a pass over every citation: for lists
        and reports, not for a check's look-up)."""
        with self._guard():
            found = list(self._all())
        return sorted(found, key=lambda t: (t.body, t.kind, _number_key(t.number)))

    def treaty_citations(self) -> list[TreatyCitation]:
        with self._guard():
            return self._treaty_citations()

    def _treaty_citations(self) -> list[TreatyCitation]:
        out: list[TreatyCitation] = []
        for row in self._conn.execute(
            _CITED + " WHERE c.kind = ?" + _ORDER, (str(RefKind.TREATY),)
        ):
            volumes = tuple(str(row[12]).split())
            keys = tuple(i.key for v in volumes if (i := self.instrument_by_volume(v)) is not None)
            where = _where(row)
            out.append(
                TreatyCitation(
                    "unts", where.text, volumes, str(row[13]), bool(row[14]), keys, where
                )
            )
        for doc_id, label, number, text, pid in self._conn.execute(
            "SELECT d.doc_id, d.label, p.position, p.text, p.paragraph_id FROM paragraphs p"
            " JOIN documents d ON d.doc = p.doc WHERE p.part = ? ORDER BY d.doc_id, p.id",
            (FOOTNOTE,),
        ):
            for inst in self._instruments.values():
                m = re.search(re.escape(inst.adopted_by) + r"(?![\w/])", text)
                if m:
                    where = Citation(doc_id, label, FOOTNOTE, str(number), pid, m.group(0))
                    out.append(
                        TreatyCitation("adoption", m.group(0), (), "", False, (inst.key,), where)
                    )
        return _corpus_order(out)

    def symbols(self) -> dict[str, list[Citation]]:
        found: dict[str, list[Citation]] = {}
        with self._guard():
            for row in self._conn.execute(
                _CITED + " WHERE c.kind = ?" + _ORDER, (str(RefKind.SYMBOL),)
            ):
                found.setdefault(str(row[2]), []).append(_where(row))
        return dict(sorted(found.items()))


def _corpus_order(cites: list[TreatyCitation]) -> list[TreatyCitation]:
    """As the registry built in memory lists them: document by document, a document's
    treaty citations (in its order) before its footnotes citing an adopting resolution."""
    return sorted(cites, key=lambda c: (c.citation.doc_id, c.form == "adoption"))
