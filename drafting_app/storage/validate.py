"""What a project file may hold beyond its JSON types: paragraph nesting no deeper than any
UN document goes, paragraphs of sane size, ids that are strings with content, italics and
footnote anchors inside the text they mark, and sizes the writers can write: no text of
more than MAX_PARAGRAPH_CHARS (a 50 MB title opened, then froze the export), no more
paragraphs, footnotes or list entries than the readers give (drafting_app/corpus/readers/
limits.py). A file that breaks these was not written by the app (hand-edited, damaged,
hostile); it is refused with the place named, before a broken document reaches the editor
or an export. The same check runs before every save, so what opens can be saved."""

from __future__ import annotations

import dataclasses
from typing import Any

from drafting_app.errors import ProjectError
from drafting_app.model.document import MAX_PARAGRAPH_CHARS, Document, Paragraph, Span

# Issued texts go three levels down (1., (a), (i)); eight leaves room for any drafter.
MAX_DEPTH = 8
# The readers' limits (corpus/readers/limits.py): what a file may give is what may be saved.
MAX_PARAGRAPHS = 25_000
MAX_FOOTNOTES = 10_000
MAX_LIST_ITEMS = 25_000


def _damaged(where: str, what: str) -> ProjectError:
    return ProjectError(f"{where} {what}.")


def check_depth(depth: int, where: str) -> None:
    """Called by the codec while it descends, so deep nesting never recurses far."""
    if depth > MAX_DEPTH:
        raise _damaged(where, f"nests paragraphs more than {MAX_DEPTH} levels deep")


def _spans(spans: list[Span], size: int, where: str) -> None:
    for s in spans:
        if not 0 <= s.start <= s.end <= size:
            raise _damaged(where, f"has italics ({s.start}–{s.end}) outside its text")


def _item(item_id: str, text: str, italics: list[Span], where: str) -> None:
    if not item_id.strip():
        raise _damaged(where, "has no id")
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise _damaged(where, f"has more than {MAX_PARAGRAPH_CHARS:,} characters")
    _spans(italics, len(text), where)


def _paragraph(p: Paragraph, where: str) -> None:
    _item(p.id, p.text, p.italics, where)
    for a in p.anchors:
        if not 0 <= a.offset <= len(p.text):
            raise _damaged(where, f"has a footnote mark at {a.offset}, outside its text")


# A place in the document, built into words only when something there does not fit: the
# parent's place and the step to this one (a list entry's number, a field's name, a key).
_Place = tuple[Any, str, Any]
_SCALARS = (int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _where(place: _Place | None) -> str:
    steps: list[str] = []
    while place is not None:
        place, kind, step = place
        if kind == "root":
            steps.append(step)
        elif kind == "item":
            steps.append(f" {step + 1}")
        elif kind == "key":
            steps.append(f".{step}")
        elif kind == "a key":
            steps.append(" (a key)")
        else:
            steps.append(f": {step.replace('_', ' ')}")
    return "".join(reversed(steps))


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


# Per class: its fields' names, or None for a class that is not a dataclass.
_CLASS_FIELDS: dict[type, tuple[str, ...] | None] = {}
_SEQUENCES = (list, tuple)


def _fits(doc: Document) -> bool:
    """Whether every text and list of ``doc`` is within the sizes (:func:`check_sizes`),
    the same walk without the places: it runs on every document a corpus build reads, and
    making a place for each of its values was half its cost."""
    stack: list[Any] = [doc]
    pop, push = stack.pop, stack.append
    while stack:
        value = pop()
        cls = type(value)
        if cls is str:
            if len(value) > MAX_PARAGRAPH_CHARS:
                return False
        elif cls is list or cls is tuple or isinstance(value, _SEQUENCES):
            if len(value) > MAX_LIST_ITEMS:
                return False
            stack.extend(value)
        elif isinstance(value, str):  # a StrEnum
            if len(value) > MAX_PARAGRAPH_CHARS:
                return False
        elif isinstance(value, dict):
            if len(value) > MAX_LIST_ITEMS:
                return False
            stack.extend(value.items())
        elif not isinstance(value, _SCALARS):
            if cls not in _CLASS_FIELDS:
                is_data = dataclasses.is_dataclass(value) and not isinstance(value, type)
                _CLASS_FIELDS[cls] = _field_names(cls) if is_data else None
            for name in _CLASS_FIELDS[cls] or ():
                field = getattr(value, name)
                kind = type(field)
                if kind is str:  # most fields: checked here, not pushed and popped
                    if len(field) > MAX_PARAGRAPH_CHARS:
                        return False
                elif kind is not int and field is not None:
                    push(field)
    return True


def check_sizes(doc: Document) -> None:
    """Every text of the document (title, masthead fields, sponsors, annex lines, passages
    an importer could not place …) and every list within the sizes the writers can write.
    Walks the model's dataclasses, so a field added later is held to the same sizes. The
    place of each value is put into words only for the one that does not fit (the walk
    runs on every document a corpus build reads)."""
    if _fits(doc):
        return
    stack: list[tuple[Any, _Place]] = [(doc, (None, "root", "the document"))]

    def visit(value: Any, place: _Place) -> None:
        if isinstance(value, str):
            if len(value) > MAX_PARAGRAPH_CHARS:
                raise _damaged(_where(place), f"has more than {MAX_PARAGRAPH_CHARS:,} characters")
        elif not isinstance(value, _SCALARS):
            stack.append((value, place))

    while stack:
        value, place = stack.pop()
        if isinstance(value, list | tuple):
            if len(value) > MAX_LIST_ITEMS:
                raise _damaged(_where(place), f"has more than {MAX_LIST_ITEMS:,} entries")
            for i, v in enumerate(value):
                visit(v, (place, "item", i))
        elif isinstance(value, dict):
            if len(value) > MAX_LIST_ITEMS:
                raise _damaged(_where(place), f"has more than {MAX_LIST_ITEMS:,} entries")
            for k, v in value.items():
                visit(v, (place, "key", k))
                visit(k, (place, "a key", k))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for name in _field_names(type(value)):
                visit(getattr(value, name), (place, "field", name))


def check_document(doc: Document, where: str = "") -> None:
    """Refuse a decoded document that the editor and the exports could not work with (and
    the same of the base text a revision remembers)."""
    paragraphs = list(doc.all_paragraphs())
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise _damaged(f"{where}the document", f"has more than {MAX_PARAGRAPHS:,} paragraphs")
    if len(doc.footnotes) > MAX_FOOTNOTES:
        raise _damaged(f"{where}the document", f"has more than {MAX_FOOTNOTES:,} footnotes")
    if not where:
        check_sizes(doc)
    for i, p in enumerate(paragraphs):
        _paragraph(p, f"{where}paragraph {i + 1} (id {p.id[:20]!r})")
    for i, f in enumerate(doc.footnotes):
        _item(f.id, f.text, f.italics, f"{where}footnote {i + 1}")
    for i, c in enumerate(doc.comments):
        _item(c.id, c.text, [], f"{where}comment {i + 1}")
    if doc.revision_base is not None:
        check_document(doc.revision_base.document, "the base text's ")
