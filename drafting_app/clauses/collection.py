"""My clauses: a drafter's personal collection of paragraphs, shared within a delegation.

The collection is a versioned JSON file (``paths.user_data_dir()/my_clauses.json``),
written atomically (drafting_app.storage.atomic). A collection file from a colleague is
validated completely before anything is added: a wrong format or version, wrong types,
an oversized or malformed file gives a :class:`CollectionError` and the existing collection
is left exactly as it was. The drafter's own collection found damaged at start is set aside
under a dated name and reported; the app goes on with an empty one (issue 22 §7).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drafting_app.clauses.clause import ClauseFootnote, build_paragraph
from drafting_app.errors import DraftingError
from drafting_app.model.characters import xml_legal
from drafting_app.model.document import Footnote, Paragraph, Part, Span
from drafting_app.paths import user_data_dir
from drafting_app.storage.atomic import atomic_write
from drafting_app.storage.data_files import DamagedFile, parse_json, set_aside

FORMAT = "drafting-app/clause-collection"
VERSION = 1
MAX_FILE_BYTES = 5 * 2**20
MAX_CLAUSES = 5000
MAX_TEXT = 20_000
MAX_FOOTNOTES = 50


class CollectionError(DraftingError):
    """A clause collection file could not be read or written."""


@dataclass(frozen=True)
class SavedClause:
    """A paragraph kept in the collection, with its footnotes and (if any) provenance."""

    clause_id: str
    title: str
    part: Part
    text: str
    italics: tuple[Span, ...] = ()
    footnotes: tuple[ClauseFootnote, ...] = ()
    provenance: Mapping[str, str] | None = None
    note: str = ""
    saved: str = field(default="", compare=False)

    @classmethod
    def from_paragraph(
        cls,
        paragraph: Paragraph,
        footnotes: Iterable[Footnote],
        part: Part,
        title: str = "",
        note: str = "",
    ) -> SavedClause:
        """Keep ``paragraph`` (``footnotes`` are the notes of its document)."""
        by_id = {f.id: f for f in footnotes}
        notes = tuple(
            ClauseFootnote(a.offset, by_id[a.footnote_id].text, tuple(by_id[a.footnote_id].italics))
            for a in sorted(paragraph.anchors, key=lambda a: a.offset)
            if a.footnote_id in by_id
        )
        return cls(
            clause_id=f"my-{uuid.uuid4().hex[:12]}",
            title=title or " ".join(paragraph.text.split()[:8]),
            part=part,
            text=paragraph.text,
            italics=tuple(paragraph.italics),
            footnotes=notes,
            provenance=dict(paragraph.provenance) if paragraph.provenance else None,
            note=note,
            saved=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )

    def to_paragraph(self) -> tuple[Paragraph, list[Footnote]]:
        """A fresh paragraph (new ids) with its footnotes; it keeps its provenance."""
        record = (
            dict(self.provenance) if self.provenance else {"label": f"My clauses: {self.title}"}
        )
        record["part"] = self.part.value  # where the picker inserts it
        return build_paragraph(self.text, self.italics, self.footnotes, record)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.clause_id,
            "title": self.title,
            "part": self.part.value,
            "text": self.text,
            "italics": [[s.start, s.end] for s in self.italics],
            "footnotes": [
                {
                    "offset": f.offset,
                    "text": f.text,
                    "italics": [[s.start, s.end] for s in f.italics],
                }
                for f in self.footnotes
            ],
            "provenance": dict(self.provenance) if self.provenance else None,
            "note": self.note,
            "saved": self.saved,
        }


# -- validation -------------------------------------------------------------------------------
def _want(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CollectionError(f"{where} should be {kind.__name__}, not {type(value).__name__}.")
    return value


def _text(d: Mapping[str, Any], key: str, where: str, limit: int = MAX_TEXT) -> str:
    value = _want(d.get(key, ""), str, f"{where}.{key}")
    if len(value) > limit:
        raise CollectionError(f"{where}.{key} is longer than {limit} characters.")
    # A character no Word document holds (a pasted control character, half a pair) is
    # repaired as the project loader repairs it: an inserted clause must save and export.
    return xml_legal(value)[0]


def _spans(raw: Any, length: int, where: str) -> tuple[Span, ...]:
    out = []
    for pair in _want(raw, list, where):
        if not isinstance(pair, list) or len(pair) != 2:
            raise CollectionError(f"{where} should hold [start, end] pairs.")
        start, end = (_want(x, int, where) for x in pair)
        if not 0 <= start <= end <= length:
            raise CollectionError(f"{where} has a span {start}..{end} outside the text.")
        out.append(Span(start, end))
    return tuple(out)


def _footnotes(raw: Any, length: int, where: str) -> tuple[ClauseFootnote, ...]:
    items = _want(raw, list, where)
    if len(items) > MAX_FOOTNOTES:
        raise CollectionError(f"{where} has more than {MAX_FOOTNOTES} footnotes.")
    out = []
    for n, item in enumerate(items):
        w = f"{where}[{n}]"
        d = _want(item, dict, w)
        offset = _want(d.get("offset"), int, f"{w}.offset")
        if not 0 <= offset <= length:
            raise CollectionError(f"{w}.offset {offset} is outside the text.")
        text = _text(d, "text", w, 2000)
        out.append(ClauseFootnote(offset, text, _spans(d.get("italics", []), len(text), w)))
    return tuple(out)


def _clause(raw: Any, where: str) -> SavedClause:
    d = _want(raw, dict, where)
    text = _text(d, "text", where)
    if not text.strip():
        raise CollectionError(f"{where} has no text.")
    part = _text(d, "part", where)
    if part not in ("preamble", "operative"):
        raise CollectionError(f"{where}.part should be 'preamble' or 'operative'.")
    prov = d.get("provenance")
    if prov is not None:
        prov = _want(prov, dict, f"{where}.provenance")
        for key, value in prov.items():
            _want(value, str, f"{where}.provenance.{key}")
            if len(value) > MAX_TEXT:
                raise CollectionError(f"{where}.provenance.{key} is too long.")
    clause_id = _text(d, "id", where, 100)
    if not clause_id:
        raise CollectionError(f"{where} has no id.")
    return SavedClause(
        clause_id=clause_id,
        title=_text(d, "title", where, 300),
        part=Part(part),
        text=text,
        italics=_spans(d.get("italics", []), len(text), f"{where}.italics"),
        footnotes=_footnotes(d.get("footnotes", []), len(text), f"{where}.footnotes"),
        provenance=prov,
        note=_text(d, "note", where, 2000),
        saved=_text(d, "saved", where, 40),
    )


def parse_collection(data: bytes, name: str = "the file") -> list[SavedClause]:
    """The clauses of a collection file; CollectionError on anything wrong."""
    if len(data) > MAX_FILE_BYTES:
        raise CollectionError(f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
    try:
        doc = parse_json(data)
    except DamagedFile as exc:
        raise CollectionError(f"{name} is not a clause collection ({exc}).") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CollectionError(f"{name} is not a clause collection of this app.")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise CollectionError(f"{name} has no valid version number.")
    if version > VERSION:
        raise CollectionError(
            f"{name} was written by a newer version of the app (collection version {version}); "
            "update the app to read it."
        )
    if version < 1:
        raise CollectionError(f"{name} has an unknown collection version {version}.")
    items = _want(doc.get("clauses"), list, f"{name}: clauses")
    if len(items) > MAX_CLAUSES:
        raise CollectionError(f"{name} holds more than {MAX_CLAUSES} clauses.")
    clauses = [_clause(item, f"clauses[{n}]") for n, item in enumerate(items)]
    ids = [c.clause_id for c in clauses]
    if len(set(ids)) != len(ids):
        raise CollectionError(f"{name} holds two clauses with the same id.")
    return clauses


def serialize(clauses: Iterable[SavedClause]) -> bytes:
    doc = {"format": FORMAT, "version": VERSION, "clauses": [c.to_json() for c in clauses]}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def default_path() -> Path:
    return user_data_dir() / "my_clauses.json"


class Collection:
    """The drafter's own clauses, kept in one file."""

    def __init__(self, path: Path, clauses: list[SavedClause], notice: str = "") -> None:
        self.path = path
        self.clauses = clauses
        self.notice = notice  # said once to the drafter: the file was damaged, set aside

    @classmethod
    def load(cls, path: Path | None = None) -> Collection:
        """The collection at ``path`` (empty when there is none yet). A damaged file is
        set aside, never deleted, and the collection starts empty with a ``notice``; a
        file that cannot be read at all raises CollectionError (nothing is moved)."""
        path = path or default_path()
        if not path.exists():
            return cls(path, [])
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise CollectionError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
            data = path.read_bytes()
        except OSError as exc:
            raise CollectionError(f"{path.name} could not be read: {exc.strerror}.") from exc
        except CollectionError as exc:
            return cls._damaged(path, str(exc))
        try:
            return cls(path, parse_collection(data, path.name))
        except CollectionError as exc:
            return cls._damaged(path, str(exc))

    @classmethod
    def _damaged(cls, path: Path, why: str) -> Collection:
        moved = set_aside(path)
        kept = f" It was kept as {moved.name}." if moved else ""
        return cls(path, [], f"My clauses could not be read: {why.rstrip('.')}.{kept} "
                             "The collection starts empty.")  # fmt: skip

    def __len__(self) -> int:
        return len(self.clauses)

    def get(self, clause_id: str) -> SavedClause:
        for c in self.clauses:
            if c.clause_id == clause_id:
                return c
        raise KeyError(clause_id)

    def add(self, clause: SavedClause) -> None:
        if len(self.clauses) >= MAX_CLAUSES:
            raise CollectionError(f"The collection already holds {MAX_CLAUSES} clauses.")
        self.clauses.append(clause)
        self.save()

    def remove(self, clause_id: str) -> None:
        self.clauses = [c for c in self.clauses if c.clause_id != clause_id]
        self.save()

    def save(self) -> None:
        self._write(self.path, self.clauses)

    def export(self, path: Path, ids: Iterable[str] | None = None) -> int:
        """Write the collection (or the clauses ``ids``) to ``path`` to share; the count."""
        wanted = set(ids) if ids is not None else None
        chosen = [c for c in self.clauses if wanted is None or c.clause_id in wanted]
        self._write(path, chosen, backup=False)
        return len(chosen)

    def import_file(self, path: Path) -> tuple[int, int]:
        """Add the clauses of a shared file: (added, already present). Nothing changes on error."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CollectionError(f"{path.name} could not be read: {exc.strerror}.") from exc
        incoming = parse_collection(data, path.name)
        have = {c.clause_id for c in self.clauses}
        have_text = {(c.part, c.text) for c in self.clauses}
        new = [c for c in incoming if c.clause_id not in have and (c.part, c.text) not in have_text]
        if len(self.clauses) + len(new) > MAX_CLAUSES:
            raise CollectionError(f"The collection would hold more than {MAX_CLAUSES} clauses.")
        if new:
            self._write(self.path, self.clauses + new)
            self.clauses = self.clauses + new
        return len(new), len(incoming) - len(new)

    @staticmethod
    def _write(path: Path, clauses: list[SavedClause], backup: bool = True) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, serialize(clauses), backup=backup)
        except (OSError, DraftingError) as exc:
            raise CollectionError(f"{path.name} could not be written: {exc}") from exc
