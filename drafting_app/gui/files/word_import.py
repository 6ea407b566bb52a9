"""File › Open of a Word draft: the .docx is imported (never edited in place), the import
report is shown BEFORE editing, and the chosen text opens as a new, unsaved draft named
"name.docx (imported)". Saving it asks for a project file, so the delegation's Word file
is never overwritten by the project format (issue 8 §4)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from drafting_app.corpus.readers.import_report import ImportReport
from drafting_app.corpus.readers.limits import ReadingCancelled
from drafting_app.errors import DraftingError, FormatError
from drafting_app.gui.files.file_reading import read_in_worker
from drafting_app.gui.files.import_dialog import ImportDialog
from drafting_app.model.document import Document, Masthead
from drafting_app.model.profiles import PROFILES, BodyProfile, profile

if TYPE_CHECKING:
    from drafting_app.gui.files.drafts import Drafts, OpenDraft

WORD_SUFFIXES = (".docx",)
# A Word draft is a few hundred kilobytes; the UN report volume with pictures is 250 kB.
MAX_WORD_BYTES = 64 * 1024 * 1024
# Share of a body's own words the text must carry to be taken as that body's.
_SAME_BODY = 0.9


def is_word_file(path: Path) -> bool:
    return path.suffix.lower() in WORD_SUFFIXES


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def body_profile_of(doc: Document, volume: Masthead | None = None) -> BodyProfile | None:
    """The body profile named by the imported text's authoring-body line or masthead (or
    the masthead of the volume it came from), or None when no known body is named.

    Matched on words, not the exact line: Word drafts write "The United Nations General
    Assembly," and UNFCCC volumes "the meeting of Parties" as well as "of the Parties".
    """
    masthead = doc.masthead or volume
    head = _words(" ".join([doc.authoring_body, masthead.body if masthead else ""]))
    best: tuple[float, int, BodyProfile | None] = (0.0, 0, None)
    for p in PROFILES.values():
        own = _words(p.authoring_body) - {"the"}
        found = len(own & head) / len(own)
        best = max(best, (found, len(own), p), key=lambda b: (b[0], b[1]))
    return best[2] if best[0] >= _SAME_BODY else None


def read_word_texts(path: Path) -> tuple[list[Document], ImportReport]:
    """Every text of the Word file and its import report; a FormatError (never another
    exception) for a file that is missing, empty, too large, or not a Word document."""
    from drafting_app.corpus.readers.docx import import_docx_texts

    try:
        size = path.stat().st_size
        if size > MAX_WORD_BYTES:
            raise FormatError(
                f"{path.name} is larger than {MAX_WORD_BYTES // 2**20} MB; "
                "it is not a draft resolution."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"{path.name} could not be read: {exc.strerror or exc}.") from exc
    if not data:
        raise FormatError(f"{path.name} is empty (0 bytes): there is nothing to import.")
    try:
        return import_docx_texts(data, path.name)
    except DraftingError:
        raise
    except (ValueError, KeyError, IndexError, AttributeError, TypeError, RecursionError) as exc:
        # python-docx or the XML layer choking on a damaged package: still the user's file
        # at fault, said so, not a traceback.
        raise FormatError(f"{path.name} is damaged and cannot be imported ({exc}).") from exc


class WordImport(QObject):
    """Imports a Word file into a new draft of ``drafts`` after the report was seen.
    ``imported(path)`` once the report is shown (the file goes in Open Recent)."""

    imported = Signal(object)

    def __init__(self, drafts: Drafts) -> None:
        super().__init__(drafts)
        self.drafts = drafts
        self.window: QWidget = drafts.window
        self.dialog: ImportDialog | None = None
        self.last_error: QMessageBox | None = None

    def open(self, path: Path) -> ImportDialog | None:
        """Import ``path`` and show the report (non-blocking); None with a message when
        the file cannot be imported. "Open as Draft" opens the chosen text."""
        read = read_in_worker(self.window, path.name, read_word_texts, path)
        if isinstance(read.error, ReadingCancelled):
            self.drafts.message.emit(f"Importing {path.name} was cancelled.")
            return None
        if isinstance(read.error, DraftingError):
            self._refuse(path, str(read.error))
            return None
        if read.error is not None:
            raise read.error
        assert read.value is not None
        texts, report = read.value
        dialog = ImportDialog(path.name, texts, report, self.window)
        volume = texts[0].masthead  # the later decisions of a volume have none of their own
        dialog.accepted.connect(lambda: self.open_as_draft(dialog.chosen(), path, volume))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        self.imported.emit(path)
        return dialog

    def open_as_draft(self, doc: Document, path: Path, volume: Masthead | None = None) -> OpenDraft:
        """A new draft tab for an imported text: no file yet (Save asks where), unsaved,
        named after the Word file it came from."""
        body = body_profile_of(doc, volume) or profile(self.drafts.settings.default_profile)
        draft = self.drafts.add(doc, None, body, None)
        draft.controller.imported_from = path
        # Not saved anywhere yet: the tab shows it, closing asks, a crash can recover it.
        draft.controller.stack.resetClean()
        self.drafts.write_snapshot(draft)
        self.drafts.message.emit(
            f"Imported {path.name}; save it as a draft file to keep your changes."
        )
        return draft

    def _refuse(self, path: Path, reason: str) -> None:
        # The drafts' own warning: window-modal, not blocking, read by tests.
        self.drafts._warn(
            "The Word file could not be imported", f"{path.name} was not opened.\n\n{reason}"
        )
        self.last_error = self.drafts.last_warning
