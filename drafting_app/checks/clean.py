"""Which texts DATE, SYMBOL, CAPITALS and SPACING have nothing to say about — most texts of
a draft — told for all the texts a check has not seen yet at once.

The four families judge a text alone, and a cold check of a long draft asked each of them
about every one of its 1,100 texts: 11 ms of 55, spent in calls that found nothing. Here
the new texts are joined into one string and each family's *hint* — something every text
it has a finding for contains — is searched for once in the whole of it, by str.find and
patterns that open with a literal (scanned in C). Only the texts a hint lands in are asked
of the family itself; its answer, not the hint, decides. A hint may land where the family
finds nothing (it is only a necessary condition); it must never miss a text the family
has a finding for: tests/checks/test_clean_batch.py holds every hint to that on every real
text, random splices of them and the faults a drafter makes, and the batch to the family's
own answer text by text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from drafting_app.checks.capitalization import _FOLDS_APART, _NAMES, _correct
from drafting_app.checks.capitalization import _problems as capital_problems
from drafting_app.checks.context import _CLEAR_HOOKS
from drafting_app.checks.dates import _problems as date_problems
from drafting_app.checks.spacing import _slips as slips
from drafting_app.checks.symbols import _problems as symbol_problems

# Between two texts: no hint matches it, and like a string's edge it is neither a word
# character nor a space (a pattern's \b, \s and lookbehinds see it as they see the edge).
_SEP = "\x00"

# SPACING: its own tests before its patterns (a double space; "." or ";" before a capital).
_RUN_ON = (re.compile(r"\.[A-Z]"), re.compile(r";[A-Z]"))  # each opens with a literal
# SYMBOL finds a symbol that does not read as written after its parts are stripped of
# spaces, emptied parts dropped and "L4" / "rev1" given their full stop: a space or "/"
# beside a "/", a part of full stops only, or one of those suffixes right after a "/".
_SYMBOL_HINT = re.compile(
    r"/(?:(?<=\s/)|[\s/.]|(?:L|Rev|Add|Corr|CRP|CN|C|WG|CONF|PV|SR|l|rev|add|corr|crp)\.?\d)"
)

# DATE finds a date written otherwise than "17 October 2008" or one that cannot exist. Each
# match opens with a month's first three letters, so the hint does too (scanned in C like
# a literal); it lands where a month is followed by a day (month first), by "." or ","
# (an abbreviation, a comma before the year), where an abbreviation stands alone before a
# number, and where a month with a number after it follows an ordinal, "of", or a day
# that is not written plainly as 1 to 28 (29 to 31 where the month may not have them):
# "19 December 2006", the form nearly every dated text uses, is no hint. Its lookbehinds
# count the month's three letters (_MDAY: the day before them).
_MDAY = r"\s[A-Z][a-z]{2}"
_DATE_HINT = re.compile(
    r"(?:Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec)(?:"
    r"[a-z]*\.?\s\d{1,2}(?!\d)"
    r"|[a-z]*(?:\.,?|,)\s\d"
    r"|(?<!May)(?:(?<=Sep)t)?\s\d"
    rf"|(?:(?<=\d(?:st|nd|rd|th){_MDAY})|(?<=\d\sof{_MDAY})|(?<=\d(?:st|nd|rd|th)\sof{_MDAY})"
    rf"|(?<=\d{_MDAY})(?<!(?<!\w)[1-9]{_MDAY})(?<!(?<!\w)(?:1\d|2[0-8]){_MDAY})"
    rf"(?:(?<!(?<!\w)(?:29|30){_MDAY})|(?<=Feb))(?:(?<!(?<!\w)31{_MDAY})|(?<=Feb|Apr|Jun|Sep|Nov)))"
    r"[a-z]*\s\d)"
)

_KNOWN: dict[str, bool] = {}
_LIMIT = 16384


def clean_text(text: str) -> bool:
    """True when DATE, SYMBOL, CAPITALS and SPACING find nothing in ``text``."""
    known = _KNOWN.get(text)
    if known is None:
        learn((text,))
        known = _KNOWN[text]
    return known


def learn(texts: Iterable[str]) -> None:
    """Judge at once every one of ``texts`` not judged yet."""
    new = [t for t in dict.fromkeys(texts) if t not in _KNOWN]
    if not new:
        return
    if len(_KNOWN) + len(new) > _LIMIT:
        _KNOWN.clear()
    joined = _SEP.join(new)
    starts: list[int] = []
    at = 0
    for t in new:
        starts.append(at)
        at += len(t) + 1
    asked: dict[int, list[Callable[[str], tuple[object, ...]]]] = {}

    def ask(family: Callable[[str], tuple[object, ...]], positions: Iterable[int]) -> None:
        for pos in positions:
            families = asked.setdefault(bisect_right(starts, pos) - 1, [])
            if family not in families:
                families.append(family)

    ask(slips, _occurrences(joined, "  "))
    for run_on in _RUN_ON:
        ask(slips, (m.start() for m in run_on.finditer(joined)))
    ask(symbol_problems, (m.start() for m in _SYMBOL_HINT.finditer(joined)))
    ask(capital_problems, _capital_hints(joined, new, starts))
    # DATE: the texts its hint lands in are asked (its scan, not remembered: the family
    # asks again, remembered, only of the few texts found not clean).
    dated = {bisect_right(starts, m.start()) - 1 for m in _DATE_HINT.finditer(joined)}
    for i, t in enumerate(new):
        _KNOWN[t] = i not in dated or not _dates(t)
    for i, families in asked.items():
        t = new[i]
        if _KNOWN[t] and any(family(t) for family in families):
            _KNOWN[t] = False


_dates = date_problems.__wrapped__


def _occurrences(text: str, word: str) -> list[int]:
    out: list[int] = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _capital_hints(joined: str, texts: list[str], starts: list[int]) -> list[int]:
    """Where a name of the Organization may be written other than UN style: each place
    its first word stands (any case) that is not the form the family takes as right."""
    lower = joined.lower()
    if len(lower) != len(joined) or any(c in joined for c in _FOLDS_APART):
        # Lower-casing moved letters (or a letter folds to an ASCII one): every text with
        # a name's word is asked.
        return [s for s, t in zip(starts, texts, strict=True) if _any_key(t.lower())]
    out: list[int] = []
    for name in _NAMES:
        first, written = name.first, name.written
        at = lower.find(first)
        while at >= 0:
            if written:
                right = joined.startswith(written, at)
            elif first == "member":
                right = joined.startswith("Member State", at)
            else:  # "States parties": any form that opens with a capital S is right
                right = joined[at] == "S"
            if not right:
                m = name.pattern.match(joined, at)
                if m is not None and _correct(m.group(0), name, "") is not None:
                    out.append(at)
            at = lower.find(first, at + 1)
    out.sort()
    return out


def _any_key(lower: str) -> bool:
    return any(name.key in lower for name in _NAMES)


_CLEAR_HOOKS.append(_KNOWN.clear)
