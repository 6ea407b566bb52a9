"""Short titles of instruments (UN_FORMAT.md §3): the first mention gives the full title (with
its footnote), later mentions the short title ("Trafficking in Persons Protocol").

After paragraphs move, a short title can end up before the full one; the fix rewrites the
first mention to the full title (and the later full mention to the short title).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from drafting_app.citations.textedit import TextEdit
from drafting_app.model.document import Document


class Titled(Protocol):
    """An instrument as the registry describes it."""

    @property
    def key(self) -> str: ...
    @property
    def full_title(self) -> str: ...
    @property
    def short_titles(self) -> Sequence[str]: ...


_SUPPLEMENTING = (
    ", supplementing the United Nations Convention against Transnational Organized Crime"
)


@dataclass(frozen=True)
class Mention:
    """An instrument named in a paragraph at ``[start, end)``; ``full`` for its full title."""

    key: str
    paragraph_id: str
    start: int
    end: int
    text: str
    full: bool


class InstrumentNames:
    """Full and distinctive short titles of instruments, matched longest first.

    Generic short forms ("the Convention", "the Protocol") are not matched: they depend on
    context and are never a first mention.
    """

    def __init__(self, instruments: Iterable[Titled]) -> None:
        self.instruments = {i.key: i for i in instruments}
        self._names: dict[str, tuple[str, bool]] = {}
        for i in self.instruments.values():
            self._names[i.full_title] = (i.key, True)
            base = i.full_title.removesuffix(_SUPPLEMENTING)
            self._names.setdefault(base, (i.key, True))
            if base != i.full_title:  # "…, supplementing the Convention" (Resolution 10/3)
                self._names.setdefault(base + ", supplementing the Convention", (i.key, True))
            for short in i.short_titles:
                if short[:1].isupper():
                    self._names.setdefault(short, (i.key, False))
        self._found: dict[str, tuple[tuple[int, int, str, str, bool], ...]] = {}
        # A word every name contains ("Convention", "Protocol"): texts without one are skipped.
        self._keywords = {max(n.split(), key=len) for n in self._names}
        names = sorted(self._names, key=len, reverse=True)
        self.pattern = re.compile(names_pattern(names)) if names else None

    def lookup(self, name: str) -> tuple[str, bool] | None:
        return self._names.get(name)

    def find(self, text: str) -> tuple[tuple[int, int, str, str, bool], ...]:
        """(start, end, name, key, is_full) for each instrument named in ``text``
        (remembered by text: most paragraphs are unchanged from one check to the next)."""
        found = self._found.get(text)
        if found is None:
            found = self._scan(text)
            if len(self._found) > 16384:
                self._found.clear()
            self._found[text] = found
        return found

    def forget(self) -> None:
        self._found.clear()

    def _scan(self, text: str) -> tuple[tuple[int, int, str, str, bool], ...]:
        if self.pattern is None:
            return ()
        for word in self._keywords:  # a loop, not any(): most texts have none of them
            if word in text:
                break
        else:
            return ()
        out = []
        for m in self.pattern.finditer(text):
            key, full = self._names[m.group(0)]
            out.append((m.start(), m.end(), m.group(0), key, full))
        return tuple(out)

    def match_at(self, text: str, pos: int) -> tuple[int, str] | None:
        """(end, key) of an instrument name starting exactly at ``pos``."""
        if self.pattern is None:
            return None
        m = self.pattern.match(text, pos)
        return (m.end(), self._names[m.group(0)][0]) if m else None

    def short_title(self, key: str) -> str:
        i = self.instruments[key]
        shorts = [s for s in i.short_titles if s[:1].isupper()]
        return shorts[0] if shorts else i.full_title


def names_pattern(names: Sequence[str]) -> str:
    """``\\b(?:name|…)\\b``, written so that the engine scans for the names' first letters: the
    boundary before each name is asked after its first character, as a lookbehind (a
    pattern that opens with ``\\b`` is tried at every character of every text)."""
    return "(?:" + "|".join(_alternative(n) for n in names) + r")\b"


def _alternative(name: str) -> str:
    if not name:
        return r"\b"
    first = re.escape(name[0])
    # \b before a word character: none before it; before any other: one before it
    guard = "(?<!" if re.match(r"\w", name[0]) else "(?<="
    return first + guard + r"\w" + first + ")" + re.escape(name[1:])


def mentions(doc: Document, names: InstrumentNames) -> list[Mention]:
    """Instrument mentions in the body, in document order (title and annexes excluded)."""
    out: list[Mention] = []
    for _, p in doc.body_paragraphs():
        out += [Mention(key, p.id, s, e, n, full) for s, e, n, key, full in names.find(p.text)]
    return out


@dataclass(frozen=True)
class ShortTitleIssue:
    """An instrument first mentioned by its short title. ``edits`` rewrite that mention to
    the full title and, when the full title comes later, that mention to the short title."""

    key: str
    first: Mention
    full_later: Mention | None
    edits: tuple[TextEdit, ...]


def short_title_findings(
    doc: Document, names: InstrumentNames | Iterable[Titled]
) -> list[ShortTitleIssue]:
    """Instruments whose first mention in the body is a short title."""
    index = names if isinstance(names, InstrumentNames) else InstrumentNames(names)
    seen: set[str] = set()
    found: list[Mention] = mentions(doc, index)
    out: list[ShortTitleIssue] = []
    for i, m in enumerate(found):
        if m.key in seen:
            continue
        seen.add(m.key)
        if m.full:
            continue
        full_title = index.instruments[m.key].full_title
        later = next((x for x in found[i + 1 :] if x.key == m.key and x.full), None)
        edits = [TextEdit(m.paragraph_id, m.start, m.end, full_title)]
        if later is not None:
            edits.append(TextEdit(later.paragraph_id, later.start, later.end, m.text))
        out.append(ShortTitleIssue(m.key, m, later, tuple(edits)))
    return out
