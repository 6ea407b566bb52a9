"""From what the drafter typed to a :class:`SetText`: italic spans and footnote marks carried
along the change, and the italic opening phrase kept equal to the known opener (UN style:
only the opening phrase of a preambular or operative paragraph is italic)."""

from __future__ import annotations

from dataclasses import dataclass

from drafting_app.model.document import Anchor, Paragraph, Part, Span
from drafting_app.model.text_edits import SetText
from drafting_app.model.text_edits import toggled_italics as toggle_italics
from drafting_app.phrases import Opener, PhraseBook

# While no opener is italic, typing in the first characters may still be writing one.
_OPENER_ZONE = 48

__all__ = ["Change", "carry", "diff", "known_opener", "located", "toggle_italics", "typed"]


@dataclass(frozen=True)
class Change:
    """``old[start:old_end]`` became ``new[start:new_end]``."""

    start: int
    old_end: int
    new_end: int

    @property
    def delta(self) -> int:
        return self.new_end - self.old_end


def diff(old: str, new: str) -> Change:
    """The one changed region between two texts (typing, deleting, pasting, replacing)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return Change(start, len(old) - tail, len(new) - tail)


def _moved(pos: int, c: Change) -> int:
    if pos <= c.start:
        return pos
    if pos >= c.old_end:
        return pos + c.delta
    return c.start  # inside text that was replaced


def located(old: str, new: str, hint: Change | None) -> Change:
    """The change from ``old`` to ``new``: where the editor says it happened (``hint``)
    when that accounts for the two texts, else the smallest difference between them.

    The difference alone is ambiguous next to repeated characters: a comma typed before
    the comma of "Crime,⁵" looks like one typed after it, and the mark would jump."""
    if hint is not None and _accounts_for(hint, old, new):
        return hint
    return diff(old, new)


def _accounts_for(c: Change, old: str, new: str) -> bool:
    # The editor counts UTF-16 units and may report a wider region than what changed; a
    # hint that does not fit the texts exactly is not used.
    if not (0 <= c.start <= c.old_end <= len(old) and c.start <= c.new_end <= len(new)):
        return False
    if len(new) - len(old) != c.delta:
        return False
    return old[: c.start] == new[: c.start] and old[c.old_end :] == new[c.new_end :]


def carry(
    p: Paragraph, new: str, hint: Change | None = None
) -> tuple[list[Span], list[Anchor], Change]:
    """Italic spans and marks of ``p`` moved with the change to ``new`` (at ``hint`` when the
    editor said where). Typing right after an italic span stays roman (the words after an
    opener are not italic)."""
    c = located(p.text, new, hint)
    spans = [Span(_moved(s.start, c), _moved(s.end, c)) for s in p.italics]
    anchors = [Anchor(_moved(a.offset, c), a.footnote_id) for a in p.anchors]
    return [s for s in spans if s.end > s.start], anchors, c


def known_opener(text: str, part: Part, phrases: PhraseBook) -> Opener | None:
    found = phrases.split(text, part)
    return found if found is not None and found.known else None


def typed(
    p: Paragraph,
    new: str,
    part: Part,
    top_level: bool,
    phrases: PhraseBook,
    hint: Change | None = None,
) -> SetText:
    """The edit for typing ``new`` into ``p`` (at ``hint`` when the editor said where):
    marks carried; while the change is in the opening words, the italic opener follows the
    known phrase ("Recalling" grows into "Recalling also"). An opener the drafter set in
    italics by hand is left alone."""
    spans, anchors, c = carry(p, new, hint)
    opener_end = next((s.end for s in p.italics if s.start == 0), 0)
    before = known_opener(p.text, part, phrases)
    automatic = opener_end == 0 or (before is not None and len(before.text) == opener_end)
    if top_level and automatic and c.start <= max(opener_end, _OPENER_ZONE):
        spans = [s for s in spans if s.start != 0]
        found = known_opener(new, part, phrases)
        if found is not None:
            end = len(found.text)
            spans = [Span(0, end), *(s for s in spans if s.start >= end)]
    return SetText(p.id, new, sorted(spans, key=lambda s: s.start), anchors)
