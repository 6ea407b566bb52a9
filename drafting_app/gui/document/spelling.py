"""Spelling in the document view: a red wavy underline under misspelt words, the context
menu's suggestions, *Add to Dictionary* and *Ignore All*, as in Word.

:class:`SpellingService` is one per window: it reads the dictionary and mines the corpus's
UN terms on a worker thread (never before the first paint, never on the UI thread) and
holds the core :class:`~drafting_app.spelling.checker.SpellChecker`. :class:`SpellingUnderline`
joins one :class:`DocumentView` to it through the view's decoration API (an overlay source:
the underline follows every edit without a second copy of the text) and adds the spelling
entries to the view's context menu. A correction is a model edit on the draft's one undo
stack, like any other.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QMenu

from drafting_app.gui.common import turns
from drafting_app.gui.document.page_decorations import Overlay
from drafting_app.gui.document.page_typing import line_edit
from drafting_app.model.changes import Edit
from drafting_app.model.document import Span
from drafting_app.model.text_edits import EditFootnote, splice
from drafting_app.paths import user_data_dir
from drafting_app.spelling.checker import Misspelling, SpellChecker
from drafting_app.yielding import aside, checkpoint

if TYPE_CHECKING:
    from drafting_app.gui.document.page_view import DocumentView
    from drafting_app.model.document import Document

OWNER = "spelling"
SPELLING_RED = QColor("#d21f1f")
MENU_SUGGESTIONS = 6


def underline_format() -> QTextCharFormat:
    """Word's squiggle: a red wavy underline (Qt's spell-check underline style)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(SPELLING_RED)
    return fmt


# How long the window's turns stay free of queued work before the dictionary is read.
IDLE_MS = 150


class SpellingService(QObject):
    """The window's spell checker, loaded in the background.

    ``ready`` once the dictionary is read (the checker exists from then on); ``changed``
    when verdicts may have changed (a word added or ignored, the corpus's terms mined);
    ``message(text)`` for the status bar (a damaged dictionary or user dictionary).
    ``reopen_corpus`` gives a connection of its own to the corpus for the worker thread."""

    ready = Signal()
    changed = Signal()
    message = Signal(str)

    def __init__(
        self,
        reopen_corpus: Callable[[], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.checker: SpellChecker | None = None
        self._reopen = reopen_corpus
        self._thread: threading.Thread | None = None
        self._warm: list[str] = []

    @property
    def is_ready(self) -> bool:
        return self.checker is not None

    def start(self, texts: Sequence[str] = ()) -> None:
        """Read the dictionary on a worker thread (once); ``texts`` are checked there too, so
        the first underlines cost the UI thread nothing."""
        self._warm.extend(texts)
        if self._thread is not None:
            return
        # Its texts' spelling checked while the window waits for events (drafting_app.yielding).
        self._thread = threading.Thread(target=aside(self._load), name="spelling", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker (tests, shutdown); True when it has finished."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _load(self) -> None:
        from drafting_app import collector
        from drafting_app.errors import DraftingError
        from drafting_app.spelling.dictionary import shared_dictionary
        from drafting_app.spelling.terms import un_terms
        from drafting_app.spelling.user_dictionary import FILE_NAME, UserDictionary

        try:
            # Hundreds of thousands of objects that live as long as the window: built
            # with the collector paused, then out of its sight (gc.freeze), else every
            # full pass after it scans them all while holding the interpreter lock — a
            # 60–300 ms stall of the window at a moment nobody chose (opening a long
            # draft, issue 21 §6).
            with collector.paused():
                dictionary = shared_dictionary()
                user = UserDictionary(user_data_dir() / FILE_NAME)
                checker = SpellChecker(dictionary, un_terms(), user)
            for text in list(self._warm):
                checkpoint()
                checker.misspellings(text)
        except (DraftingError, OSError) as exc:
            self._emit(self.message, f"Spell checking is off: {exc}")
            return
        self.checker = checker
        if user.problem:
            self._emit(self.message, user.problem)
        self._emit(self.ready)
        self._mine_corpus(checker)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        """Emit from the worker; the window may have closed meanwhile (nothing to tell)."""
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def _mine_corpus(self, checker: SpellChecker) -> None:
        """The registry's instrument names and the corpus's words, then ``changed``."""
        from drafting_app.errors import DraftingError
        from drafting_app.spelling.terms import TermCache, Terms, corpus_terms_of, instrument_names

        with contextlib.suppress(DraftingError, OSError, ValueError):
            from drafting_app.corpus.registry import Registry

            checker.add_terms(Terms(instrument_names(Registry.load_curated().instruments())))
        if self._reopen is None:
            self._emit(self.changed)
            return

        try:
            corpus = self._reopen()
        except (DraftingError, OSError):
            return
        try:
            cache = TermCache(user_data_dir() / "spelling-terms.json")
            mined = corpus_terms_of(corpus, checker.dictionary.check, cache)
        except (DraftingError, OSError, ValueError):
            return  # an unreadable corpus: UN terms from the shipped list only
        finally:
            with contextlib.suppress(Exception):
                corpus.close()
        checker.add_terms(mined)
        self._emit(self.changed)

    # -- the drafter's choices ---------------------------------------------------------------
    def ignore_all(self, word: str) -> None:
        if self.checker is not None:
            self.checker.ignore_all(word)
            self.changed.emit()

    def add_to_dictionary(self, word: str) -> None:
        if self.checker is None:
            return
        if not self.checker.add_to_dictionary(word):
            problem = self.checker.user.problem if self.checker.user is not None else ""
            self.message.emit(problem or f"“{word}” is accepted for this session only.")
        self.changed.emit()


@dataclass(frozen=True)
class WordAt:
    """A misspelling under the mouse: the view's block key and the word's model range."""

    key: tuple[str, ...]
    misspelling: Misspelling
    text: str


class SpellingUnderline(QObject):
    """Underlines the misspellings of one document view and offers its context-menu
    entries (suggestions, Ignore All, Add to Dictionary)."""

    def __init__(self, view: DocumentView, service: SpellingService) -> None:
        super().__init__(view)
        self.view = view
        self.service = service
        self.enabled = True
        self._fmt = underline_format()
        if service.is_ready:
            self._install()
        service.ready.connect(self._install, Qt.ConnectionType.QueuedConnection)
        service.changed.connect(self._redraw, Qt.ConnectionType.QueuedConnection)
        self._painted = False
        self._quiet_since: float | None = None  # when the turns were last seen free
        self._idle = QTimer(self)
        self._idle.setInterval(25)
        self._idle.timeout.connect(self._when_idle)
        view.viewport().installEventFilter(self)

    # -- underline ---------------------------------------------------------------------------
    def _install(self) -> None:
        if self.enabled:
            self.view.decorations.add_overlay_source(OWNER, self._overlays)

    def _redraw(self) -> None:
        if self.enabled and self.service.is_ready:
            self.view.decorations.add_overlay_source(OWNER, self._overlays)  # restyles all

    def set_enabled(self, on: bool) -> None:
        """Check spelling as you type (on) or not (off)."""
        self.enabled = on
        if not on:
            self.view.decorations.remove_overlay_source(OWNER)
        elif self.service.is_ready:
            self._install()

    def _overlays(self, _block_id: str, text: str) -> list[Overlay]:
        checker = self.service.checker
        if checker is None or not text:
            return []
        return [Overlay(m.start, m.end, self._fmt) for m in checker.misspellings(text)]

    # -- context menu ------------------------------------------------------------------------
    def word_at(self, point: QPoint) -> WordAt | None:
        """The misspelling under a viewport point, if any."""
        checker = self.service.checker
        if checker is None or not self.enabled or not self.view.specs:
            return None
        cursor = self.view.cursorForPosition(point)
        _, spec, pos = self.view.spec_at(cursor.position())
        offset = spec.model_offset(pos)
        for m in checker.misspellings(spec.text):
            if m.start <= offset <= m.end:
                return WordAt(tuple(spec.key), m, spec.text)
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            # The dictionary is read once the page has painted, and once the open's work
            # on the window's turns is done (page slices, restyling, preview): the read is
            # 190 ms of Python on a thread, and each Qt call of those turns waited for the
            # interpreter lock meanwhile (issue 21 §6).
            self._painted = True
            self._quiet_since = None
            self._idle.start()
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            found = self.word_at(event.pos())
            if found is not None:
                menu = self.view.createStandardContextMenu(event.pos())
                self.add_actions(menu, found)
                menu.exec(event.globalPos())
                menu.deleteLater()
                return True
        return super().eventFilter(watched, event)

    def _when_idle(self) -> None:
        """Start the dictionary's reading once the window's turns have had nothing queued
        (no job, no slice) for :data:`IDLE_MS`."""
        # Timed by the clock, not by counting ticks: six ticks of 25 ms were 125 ms after
        # the first free one (less with Qt's coarse timers), not IDLE_MS.
        now = time.monotonic()
        if turns.busy():
            self._quiet_since = None
            return
        if self._quiet_since is None:
            self._quiet_since = now
        if (now - self._quiet_since) * 1000 >= IDLE_MS:
            self._idle.stop()
            self.service.start(_texts(self.view.controller.doc))

    def add_actions(self, menu: QMenu, found: WordAt) -> list[QAction]:
        """Word's spelling entries at the top of ``menu``: the suggestions (bold), then
        Ignore All and Add to Dictionary."""
        checker = self.service.checker
        assert checker is not None
        word = found.misspelling.word
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        suggestions = checker.suggestions(word, MENU_SUGGESTIONS)
        for s in suggestions:
            action = QAction(s, menu)
            bold = action.font()
            bold.setBold(True)
            action.setFont(bold)
            action.triggered.connect(lambda _c=False, s=s: self.replace(found, s))
            added.append(action)
        if not suggestions:
            none = QAction("(no spelling suggestions)", menu)
            none.setEnabled(False)
            added.append(none)
        ignore = QAction("&Ignore All", menu)
        ignore.triggered.connect(lambda _c=False: self.service.ignore_all(word))
        add = QAction("&Add to Dictionary", menu)
        add.triggered.connect(lambda _c=False: self.service.add_to_dictionary(word))
        added += [ignore, add]
        for action in added:
            menu.insertAction(first, action)  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)
        return added

    def replace(self, found: WordAt, new: str) -> bool:
        """Put ``new`` in place of the misspelt word: one edit on the undo stack."""
        edit = correction(
            self.view.controller.doc, found.key, found.misspelling, new, shown=found.text
        )
        if edit is None:
            return False
        return bool(self.view.controller.apply(edit))


def correction(
    doc: Document,
    key: Sequence[str],
    m: Misspelling,
    new: str,
    label: str = "Spelling",
    shown: str | None = None,
) -> Edit | None:
    """The edit replacing misspelling ``m`` of block ``key`` (a paragraph, a footnote, or
    a line the page shows, ``shown`` being its text: the title, the authoring formula, a
    masthead line) by ``new``; None when the text there is no longer the word (it changed
    meanwhile) or the block is not one a correction can change."""
    kind, ident = key[0], key[1] if len(key) > 1 else ""
    if kind not in ("p", "note"):
        if shown is None or shown[m.start : m.end] != m.word:
            return None
        return line_edit(doc, tuple(key), shown[: m.start] + new + shown[m.end :])
    if kind == "p":
        try:
            p = doc.paragraph(ident)
        except KeyError:
            return None
        if p.text[m.start : m.end] != m.word:
            return None
        return splice(p, m.start, m.end, new, label)
    if kind == "note":
        try:
            f = doc.footnote(ident)
        except KeyError:
            return None
        if f.text[m.start : m.end] != m.word:
            return None
        text = f.text[: m.start] + new + f.text[m.end :]
        return EditFootnote(f.id, text, _shifted(f.italics, m, len(new)))
    return None


def _shifted(spans: Sequence[Span], m: Misspelling, new_len: int) -> list[Span]:
    """Italic spans after the word at ``m`` became ``new_len`` characters long: what stood
    after it shifts, a span covering it covers its replacement."""
    delta = new_len - (m.end - m.start)

    def at(pos: int, is_end: bool) -> int:
        if pos < m.start or (pos == m.start and not is_end):
            return pos
        if pos >= m.end:
            return pos + delta
        return m.start + new_len if is_end else m.start

    out = [Span(at(s.start, False), at(s.end, True)) for s in spans]
    return [s for s in out if s.end > s.start]


def _texts(doc: Document) -> list[str]:
    """The draft's paragraph and footnote texts (strings: safe to hand to the worker)."""
    return [p.text for p in doc.all_paragraphs()] + [f.text for f in doc.footnotes]
