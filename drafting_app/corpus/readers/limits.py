"""How much work reading one file may cost: bounded by what it does, not only its bytes.

A small file can ask for enormous work: a 238 KB Word file whose custom XML part inflates
to 31 MB of tiny elements, 700,000 empty paragraphs in 108 KB, one PDF content stream of
200,000 operations shared by every page, a text of 100,000 single-newline lines joined
one by one. Every reader therefore counts what it does — XML elements visited, PDF
operations run, text lines, paragraphs handed to the structure builder — against the
limits below, and refuses the file with a :class:`WorkLimitError` naming the limit once it
is past one. The limits are far above any real UN text (the 60-page UNFCCC report volume
has 32,000 XML elements in its body and 787 paragraphs; an issued GA resolution page has
about 3,000 PDF operations) and low enough that a file at any of them is read in a few
seconds and a few hundred megabytes (benchmarks/hostile_files.py measures it).

A reading is also where a drafter's Cancel reaches a reader working on another thread:
:func:`reading` opens one for the current thread (with the Cancel flag, if any), the
readers call :func:`spend` as they go, and a cancelled reading stops at the next call
with :class:`ReadingCancelled`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from drafting_app.errors import DraftingError, FormatError, ProjectError
from drafting_app.model.document import Document

# Word: the markup of one XML part (its elements and attributes, counted as "<" and "="
# before parsing; the UN report volume's parts hold 80,000 together), all parts together,
# and the elements the readers visit in Python.
MAX_PART_MARKUP = 1_000_000
MAX_PACKAGE_MARKUP = 1_000_000
MAX_VISITS = 4_000_000
# Containers (tables, content controls, custom XML) inside each other.
MAX_NESTING = 32
# PDF: operations of the content streams of one page (with the forms it draws), and of
# the whole file.
MAX_PAGE_OPERATIONS = 30_000
MAX_PDF_OPERATIONS = 150_000
# Text forms: lines of the file.
MAX_TEXT_LINES = 500_000
# Paragraphs (and headings, masthead lines) of one file handed to the structure builder.
MAX_BLOCKS = 25_000
# Footnotes of one file.
MAX_FOOTNOTES = 10_000


class WorkLimitError(FormatError):
    """Reading the file would take more work than any resolution needs."""


class ReadingCancelled(DraftingError):
    """The drafter cancelled the reading."""


@dataclass
class Reading:
    """The work done so far reading one file (``name`` is how messages call it)."""

    name: str
    cancel: threading.Event | None = None
    visits: int = 0
    operations: int = 0
    notes: list[str] = field(default_factory=list)

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ReadingCancelled(f"Reading {self.name} was cancelled.")


_current: ContextVar[Reading | None] = ContextVar("reading", default=None)


@contextmanager
def reading(name: str, cancel: threading.Event | None = None) -> Iterator[Reading]:
    """The reading of ``name`` on this thread: a new one, or the one already open (a
    reader called by another counts into its caller's reading)."""
    outer = _current.get()
    if outer is not None:
        if cancel is not None and outer.cancel is None:
            outer.cancel = cancel
        yield outer
        return
    current = Reading(name, cancel)
    token = _current.set(current)
    try:
        yield current
    finally:
        _current.reset(token)


def current() -> Reading | None:
    return _current.get()


def spend(visits: int, what: str = "XML elements") -> None:
    """Count ``visits`` units of work of the current reading (nothing outside one)."""
    r = _current.get()
    if r is None:
        return
    r.check_cancel()
    r.visits += visits
    if r.visits > MAX_VISITS:
        raise too_much(r.name, f"more than {MAX_VISITS:,} {what} to read")


def too_much(name: str, what: str) -> WorkLimitError:
    """The refusal of a file past a work limit: what it would have cost, and why."""
    return WorkLimitError(
        f"{name} was not read: it has {what}, far more than any resolution or decision "
        "(a damaged or hostile file)."
    )


def check_count(name: str, count: int, limit: int, what: str) -> None:
    """Refuse ``name`` when it has more than ``limit`` ``what``."""
    if count > limit:
        raise too_much(name, f"more than {limit:,} {what}")


def check_blocks(source: str, blocks: Sized, notes: Sized) -> None:
    """Refuse a text of more paragraphs or footnotes than the structure builder is given
    for any resolution."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1] or "The text"
    check_count(name, len(blocks), MAX_BLOCKS, "paragraphs")
    check_count(name, len(notes), MAX_FOOTNOTES, "footnotes")


def check_fits(doc: Document, name: str) -> Document:
    """``doc`` when a project file could hold it (storage/validate.py: text sizes, counts,
    spans inside their text), so that what a reader gives can be saved and exported; a
    WorkLimitError naming what does not fit otherwise."""
    from drafting_app.storage.validate import check_document

    try:
        check_document(doc)
    except ProjectError as exc:
        raise WorkLimitError(
            f"{name or 'The file'} was not read: {str(exc).rstrip('.')}, more than a draft "
            "can hold."
        ) from None
    return doc


def note(text: str) -> None:
    """Say in the current reading's notes what a reader repaired (said once)."""
    r = _current.get()
    if r is not None and text not in r.notes:
        r.notes.append(text)


def cancelled() -> None:
    """Stop the current reading here if the drafter cancelled it."""
    r = _current.get()
    if r is not None:
        r.check_cancel()
