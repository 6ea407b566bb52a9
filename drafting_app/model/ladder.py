"""The verb ladder (UN_FORMAT.md §2): a repeated opening verb climbs "Requests → Also
requests → Further requests" in the operative part (adverb before, verb lower-cased) and
"Recalling → Recalling also → Recalling further" in the preamble (adverb after), or "Also
recalling" where the body says so (UNFCCC).

Adopted texts are not always strict: the same verb may simply repeat (resolution 10/3,
operative paragraphs 14–15; decision 3/3 (b)–(d)). So only what is wrong is fixed: an
adverb on the first use of a verb, "further" before any "also". The families an edit
touched (a verb inserted, deleted, moved or retyped) are recomputed strictly. Only the
opening phrase changes; the rest of the paragraph is kept to the character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from drafting_app.model.changes import Edit
from drafting_app.model.document import Document, Paragraph, Part
from drafting_app.model.profiles import BodyProfile, Position
from drafting_app.model.text_edits import Splice
from drafting_app.phrases import ADVERBS, PhraseBook, default_phrasebook

LADDER = "Verb ladder"
_PREPOSITION_RE = re.compile(r"^(?P<head>.+) (?P<prep>of|with|to|that|upon|on|for|at|in)$")


@dataclass(frozen=True)
class Rung:
    """The opening phrase of one paragraph read as (base verb, adverb)."""

    start: int
    end: int
    base: str
    adverb: str
    position: str

    @property
    def family(self) -> str:
        """The verb family: "Taking note of" and "Taking note also" are one family."""
        m = _PREPOSITION_RE.match(self.base)
        return (m.group("head") if m else self.base).lower()


def read_rung(text: str, part: Part | None, phrases: PhraseBook) -> Rung | None:
    """The opening phrase of ``text`` as a rung of the ladder (None: no known opener).
    Only the start of a text matters, so readings are cached by it: the ladder is
    recomputed on every structural edit."""
    return _read_head(text[:_HEAD], part, phrases)


_HEAD = 80  # longer than any opening phrase with its adverb and the character after it


@lru_cache(maxsize=8192)
def _read_head(text: str, part: Part | None, phrases: PhraseBook) -> Rung | None:
    opener = phrases.split(text, part)
    if opener is None:
        return None
    lead = len(text) - len(text.lstrip())
    base, adverb, position = opener.base, opener.adverb, opener.position
    for adv in ADVERBS:  # "Noting also" is listed as a phrase of its own
        if not adverb and base.endswith(" " + adv):
            base, adverb, position = base[: -len(adv) - 1], adv, Position.AFTER.value
    return Rung(lead, lead + len(opener.text), base, adverb, position)


def rung_text(base: str, adverb: str, position: Position) -> str:
    """ "Requests" + also, before → "Also requests"; "Taking note of" + also, after →
    "Taking note also of" (the adverb stays before a closing preposition)."""
    if not adverb:
        return base
    if position is Position.BEFORE:
        return f"{adverb.capitalize()} {base[0].lower()}{base[1:]}"
    m = _PREPOSITION_RE.match(base)
    if m:
        return f"{m.group('head')} {adverb} {m.group('prep')}"
    return f"{base} {adverb}"


def _strict(index: int) -> str:
    return "" if index == 0 else "also" if index == 1 else "further"


def _tolerated(index: int, adverb: str, had_also: bool) -> str:
    """The adverb to write for a use the text may keep as it is, except what is wrong."""
    if index == 0:
        return ""
    if adverb == "further" and not had_also:
        return "also"
    return adverb


def _part_fixes(
    paras: list[Paragraph],
    part: Part,
    position: Position,
    touched: set[str] | None,
    phrases: PhraseBook,
    untouched: bool,
) -> list[Edit]:
    fixes: list[Edit] = []
    seen: dict[str, int] = {}
    had_also: set[str] = set()
    for p in paras:
        rung = read_rung(p.text, part, phrases)
        if rung is None:
            continue
        fam = rung.family
        index = seen.get(fam, 0)
        seen[fam] = index + 1
        strict = touched is None or fam in touched
        if not strict and not untouched:
            continue
        adverb = _strict(index) if strict else _tolerated(index, rung.adverb, fam in had_also)
        if adverb == "also":
            had_also.add(fam)
        keep = not strict and rung.adverb and adverb
        new = rung_text(rung.base, adverb, Position(rung.position) if keep else position)
        old = p.text[rung.start : rung.end]
        if new != old:
            fixes.append(Splice(p.id, rung.start, old, new, kind=LADDER))
    return fixes


def touched_families(edit: Edit, phrases: PhraseBook | None = None) -> set[str]:
    """The verb families an (applied) edit touched: those of the paragraphs it inserted,
    deleted or moved, and those of an opening phrase it retyped. Typing elsewhere in a
    paragraph touches nothing, so the ladder of an adopted text is not rewritten for it."""
    phrases = phrases or default_phrasebook()

    def rung(text: str) -> Rung | None:
        return read_rung(text, None, phrases)

    found = [rung(t) for t in edit.involved_texts()]
    for old, new in edit.retyped():
        before, after = rung(old), rung(new)
        if before != after or (
            before and old[before.start : before.end] != new[before.start : before.end]
        ):
            found += [before, after]
    return {r.family for r in found if r is not None}


def ladder_fixes(
    doc: Document,
    profile: BodyProfile,
    touched: Iterable[str] | None = (),
    phrases: PhraseBook | None = None,
    *,
    untouched: bool = True,
) -> list[Edit]:
    """The edits that put the ladder right, preamble and operative part each on its own.

    ``touched``: verb families (see :func:`touched_families`) to recompute strictly;
    the others are only corrected where wrong, or not looked at when ``untouched`` is
    False (an edit cannot make another family wrong). ``None`` recomputes every family
    strictly (the "apply the ladder everywhere" command).
    """
    phrases = phrases or default_phrasebook()
    fams = None if touched is None else set(touched)
    if fams is not None and not fams and not untouched:
        return []
    conv = profile.ladder
    pre = _part_fixes(doc.preamble, Part.PREAMBLE, conv.preamble, fams, phrases, untouched)
    ops = _part_fixes(doc.operative, Part.OPERATIVE, conv.operative, fams, phrases, untouched)
    return pre + ops
