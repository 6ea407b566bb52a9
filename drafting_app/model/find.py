"""Find and Replace in a draft, as Word does it: every occurrence of a text in the
paragraphs (and, when asked, the footnotes and the title), matching case or not, whole
words or not; Replace All as one edit, so one Ctrl+Z takes every replacement back.

A paragraph's replacement is a :func:`~drafting_app.model.text_edits.splice`: its italic
spans and footnote marks are carried along (a mark after a replaced word stays after
its replacement). Occurrences are replaced from the last to the first, so the places of
those before stay true while the steps run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from drafting_app.model.changes import Edit
from drafting_app.model.document import Document, Paragraph, Span
from drafting_app.model.range_edits import Sequence_
from drafting_app.model.text_edits import (
    EditFootnote,
    SetAuthoringBody,
    SetText,
    SetTitle,
    splice,
)

Key = tuple[str, ...]  # ("p", pid), ("note", fid), ("title",), ("authoring",)


@dataclass(frozen=True)
class Match:
    """An occurrence: ``[start, end)`` of the text of block ``key``."""

    key: Key
    start: int
    end: int


def pattern(query: str, *, match_case: bool = False, whole_word: bool = False) -> re.Pattern[str]:
    """The search as a regular expression: the text itself (no wildcards), case folded
    unless ``match_case``; ``whole_word``: not inside a longer word ("act" finds "act",
    not "action")."""
    body = re.escape(query)
    if whole_word:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_all(
    blocks: Iterable[tuple[Key, str]],
    query: str,
    *,
    match_case: bool = False,
    whole_word: bool = False,
) -> list[Match]:
    """Every occurrence of ``query`` in ``blocks`` (key, text), in their order."""
    if not query:
        return []
    rx = pattern(query, match_case=match_case, whole_word=whole_word)
    return [Match(key, m.start(), m.end()) for key, text in blocks for m in rx.finditer(text)]


class ReplaceAll(Sequence_):
    """Replace each of ``matches`` by ``new``, as one edit. ``notes`` gives the text (and
    italics) a footnote's matches were found in, when that is not its stored text (an
    "Ibid." written out as its source)."""

    def __init__(
        self,
        matches: Sequence[Match],
        new: str,
        notes: Mapping[str, tuple[str, Sequence[Span]]] | None = None,
        label: str = "Replace All",
    ) -> None:
        super().__init__(label)
        self.matches = list(matches)
        self.new = new
        self.notes = dict(notes or {})

    def steps(self, doc: Document) -> Iterator[Edit]:
        by_block: dict[Key, list[Match]] = {}
        for m in self.matches:
            by_block.setdefault(m.key, []).append(m)
        for key, found in by_block.items():
            found = sorted(found, key=lambda m: m.start, reverse=True)
            kind = key[0]
            if kind == "p":
                for m in found:  # the splice of the live paragraph: marks carried along
                    yield splice(doc.paragraph(key[1]), m.start, m.end, self.new, self.label)
            elif kind == "note":
                f = doc.footnote(key[1])
                text, italics = self.notes.get(f.id, (f.text, f.italics))
                p = _replaced(Paragraph(text, list(italics)), found, self.new)
                yield EditFootnote(f.id, p.text, p.italics)
            elif kind in ("title", "authoring"):
                current = doc.title if kind == "title" else doc.authoring_body
                p = _replaced(Paragraph(current), found, self.new)
                yield SetTitle(p.text) if kind == "title" else SetAuthoringBody(p.text)


def _replaced(p: Paragraph, found: Sequence[Match], new: str) -> Paragraph:
    """``p`` with ``found`` (last first) replaced by ``new``, its italics carried."""
    for m in found:
        edit: SetText = splice(p, m.start, m.end, new, "Replace")
        p = Paragraph(edit.text, list(edit.italics), list(edit.anchors), id=p.id)
    return p
