"""Footnote marks as the text layer of a UN PDF gives them: bare digits, usually glued to the
word or punctuation they follow ("Crime,2", "Development1", "20243" = 2024 + mark 3),
sometimes spaced ("Crime 5", "2024/25; 4").

A digit is only a mark where the numbering expects one: marks are looked for in the order
1, 2, 3 … of the footnote texts, and digits that belong to numbers are refused — symbols
(A/80/L.2/Rev.1), dates (5 September), citations (resolution 58/318, paragraph 3, article
12, vol. 2225), ranges (1 to 10) and quantities (30 years).
"""

from __future__ import annotations

import bisect
import re

from drafting_app.corpus.readers.blocks import Mark
from drafting_app.model.references import MONTHS

_MONTHS = {m.lower() for m in MONTHS}

# Words after which a spaced number is a number of that thing, never a footnote mark.
_NUMBER_WORDS_RE = re.compile(
    r"(?:resolutions?|decisions?|(?:sub)?paragraphs?|paras?|articles?|art|vols?|volumes?|nos?"
    r"|numbers?|chap|chapters?|items?|rules?|parts?|sections?|annex(?:es)?|pages?|pp?|goal"
    r"|target|principles?|recommendations?|table|figure|box|appendix|step|level|phase"
    r"|option|category|class|grade|sdgs?|cop|cmp|cma"
    r"|the|an?|of|to|and|or|from|between|by|in|on|at|since|until|till|over|under|than|about"
    r"|some|nearly|almost|approximately|least|most|first|last|top|every|each|per|via|with"
    r"|for|within|around|during|after|before|as|only)"
)
# Abbreviations that end with a full stop and take a number ("No. 39", "Rev.1").
_ABBREVIATIONS_RE = re.compile(
    r"(?:rev|add|corr|nos?|vols?|paras?|chap|art|pp?|sess|suppl|crp|pv|inf|ser|sales)"
)
_UNITS_RE = re.compile(
    r"^(?:years?|days?|months?|weeks?|hours?|per\b|percent|%|million|billion|thousand|times"
    r"|countries|members|States)\b",
)
_RANGE_RE = re.compile(r"^(?:to|and|or|through|–|-)\s*\d")
_DIGITS_RE = re.compile(r"\d+")
_YEAR_RANGE_RE = re.compile(r"(?:19|20)\d\d[–-](?:19|20)\d\d")
_CONTEXT = 60  # characters looked at around a digit run (keeps the search linear)


def _token_before(text: str, pos: int) -> str:
    """The run of non-space characters ending at ``pos`` (skipping spaces before it)."""
    head = text[max(0, pos - _CONTEXT) : pos].rstrip()
    cut = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
    return head[cut + 1 :]


def _word(token: str) -> str:
    return token.strip("“”‘’\"'()[],;:.").lower()


def _after_ok(text: str, end: int) -> bool:
    """A mark is followed by a space or the end of the paragraph, and the next words are
    not a month (a date), a range ("to 10") or a unit ("30 years")."""
    after = text[end : end + 1]
    if after and not after.isspace():
        return False
    rest = text[end : end + _CONTEXT].lstrip()
    first = rest.split(" ", 1)[0].strip(",;:.").lower()
    if first in _MONTHS:
        return False
    return not (_range_after(text, end, rest) or _UNITS_RE.match(rest))


def _range_after(text: str, end: int, rest: str) -> bool:
    """ "paragraphs 9 and 10", "1 to 10": the number is the first of a range — not when the
    next number is of another magnitude ("of 1990 3 and 1995, 4": a mark before a year)."""
    m = _RANGE_RE.match(rest)
    if not m:
        return False
    nxt = re.match(r"\d+", rest[m.end() - 1 :])
    run = re.search(r"\d+$", text[:end])
    if nxt is None or run is None:
        return True
    return len(nxt.group(0)) - len(run.group(0)) <= 1


def _spaced_ok(text: str, start: int) -> bool:
    """A mark standing after a space ("Rights, 1 the", "2024/25; 4", "Crime 5")."""
    token = _token_before(text, start)
    if not token:
        return False
    last = token[-1]
    if last in ",;:":
        return True
    if last == ".":
        return _after_sentence(token)
    if last in '”’")]':
        return True
    if last.isdigit():  # "of 12 February 2013 9 in which": after a date's year
        if _YEAR_RANGE_RE.fullmatch(token):  # "Disaster Risk Reduction 2015–2030 3 and"
            return True
        before = _token_before(text, start - 1 - len(token))
        if len(token) == 4 and _word(before) in _MONTHS:
            return True
        # "the reports of the Secretary-General of 1990 3 and 1995, 4": after a year
        return token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2099
    if last.isalpha():
        word = _word(token)
        return not (_NUMBER_WORDS_RE.fullmatch(word) or word in _MONTHS or _acronym(token))
    return False


def _after_sentence(token: str) -> bool:
    """A mark after a full stop ends a sentence ("Future. 16"), unless the stop ends an
    abbreviation that takes a number ("No. 39", "Rev.1") or is a decimal point ("69.2")."""
    word = token[:-1]
    return not (
        len(word) <= 1
        or "/" in word
        or word[-1:].isdigit()
        or _ABBREVIATIONS_RE.fullmatch(_word(word))
    )


def _acronym(token: str) -> bool:
    letters = token.strip("“”‘’\"'()[]")
    return letters.isalpha() and letters.isupper() and len(letters) <= 3


def _glued_ok(text: str, start: int, run: str) -> bool:
    """A mark glued to what it follows ("Development1", "Crime,2", "79/7;1", "Act”3")."""
    b = text[start - 1]
    token = _token_before(text, start)
    if b.isalpha():
        found = re.search(r"[^\W\d_]+$", token)
        word = found.group(0) if found else token
        body = token[: len(token) - len(word)]
        if any(ch.isdigit() for ch in body) or "/" in body or "-" in body:
            return False  # H5N1, A/AC105, COVID-19
        return not _acronym(word)
    if b in ",;:":
        # "3,500": a thousands separator, not a mark after a comma
        return not (b == "," and text[start - 2 : start - 1].isdigit() and len(run) == 3)
    if b == ".":
        return _after_sentence(token)
    return b in '”’")]'


def _year_split_ok(text: str, start: int) -> bool:
    """ "Decade 2014–20243", "Declarations of 20172": a year with its mark glued on."""
    b = text[start - 1] if start else ""
    if b and not (b.isspace() or b in "–-("):
        return False
    token = _token_before(text, start) if b.isspace() else ""
    return _word(token) not in {"no", "nos", "vol", "vols", "p", "pp", "resolution", "para"}


def _candidate(text: str, start: int, end: int, label: str) -> tuple[int, int, int] | None:
    """(start, end, offset) of mark ``label`` in the digit run ``text[start:end]``."""
    run = text[start:end]
    after = text[end : end + 1]
    if run == label and after.islower() and start > 0 and text[start - 1].isspace():
        # "States Parties, 8and welcomes": the text layer lost the space after the mark;
        # the mark stands after "Parties," and the space before it stays
        word = re.match(r"[a-z]+", text[end:])
        if word and word.group(0) not in ("st", "nd", "rd", "th") and _spaced_ok(text, start):
            return start, end, start - 1
        return None
    if after and not after.isspace():
        return None
    if run == label:
        if start == 0 or not _after_ok(text, end):
            return None
        if text[start - 1].isspace():
            return (start - 1, end, start - 1) if _spaced_ok(text, start) else None
        return (start, end, start) if _glued_ok(text, start, run) else None
    year, rest = run[:4], run[4:]
    if rest == label and 1900 <= int(year) <= 2099 and _year_split_ok(text, start):
        return start + 4, end, start + 4
    return None


def _runs(texts: list[str], first: int) -> tuple[list[tuple[int, int, int]], dict[str, list[int]]]:
    """Every digit run (text index, start, end) from ``texts[first:]`` in document order,
    and for each possible label the indexes of the runs that could hold it: the run itself
    ("12") or a year with the label glued on ("20243" → "3")."""
    runs: list[tuple[int, int, int]] = []
    by_label: dict[str, list[int]] = {}
    for i in range(first, len(texts)):
        for m in _DIGITS_RE.finditer(texts[i]):
            run = m.group(0)
            by_label.setdefault(run, []).append(len(runs))
            if 5 <= len(run) <= 7 and run[:2] in ("19", "20"):
                by_label.setdefault(run[4:], []).append(len(runs))
            runs.append((i, m.start(), m.end()))
    return runs, by_label


def find_marks(
    texts: list[str], labels: list[str], first: int = 0, repeats: bool = False
) -> tuple[list[str], list[list[Mark]]]:
    """Take the footnote marks ``labels`` (in order) out of ``texts[first:]``.

    Returns the texts without the mark digits and, per text, the marks found. A label that
    cannot be found is skipped (its footnote then has no mark and is reported unplaced).
    With ``repeats`` (older PDFs, which repeat a note's mark at a later mention), digits
    glued to a word or punctuation that repeat an earlier label are marks too.
    Each label only looks at the runs that could hold it, after the previous mark: the
    search stays linear in the length of the text.
    """
    runs, by_label = _runs(texts, first)
    cuts: list[list[tuple[int, int, str, int]]] = [[] for _ in texts]  # start, end, label, at
    cursor = 0
    for label in labels:
        indexes = by_label.get(label, [])
        for k in range(bisect.bisect_left(indexes, cursor), len(indexes)):
            i, start, end = runs[indexes[k]]
            hit = _candidate(texts[i], start, end, label)
            if hit is not None:
                cuts[i].append((hit[0], hit[1], label, hit[2]))
                cursor = indexes[k] + 1
                break
    out: list[str] = []
    marks: list[list[Mark]] = []
    for text, block_cuts in zip(texts, cuts, strict=True):
        pieces: list[str] = []
        block_marks: list[Mark] = []
        pos = removed = 0
        for start, end, label, at in sorted(block_cuts):
            pieces.append(text[pos:start])
            block_marks.append(Mark(at - removed, label))
            removed += end - start
            pos = end
        pieces.append(text[pos:])
        out.append("".join(pieces))
        marks.append(block_marks)
    placed = {label for block_cuts in cuts for _, _, label, _ in block_cuts}
    if repeats and placed:
        _repeated(out, marks, first, placed)
    return out, marks


def _repeated(texts: list[str], marks: list[list[Mark]], first: int, labels: set[str]) -> None:
    """Glued repeats of labels already placed ("Court,1" again in operative paragraph 2)."""
    seen: set[str] = set()
    for i in range(first, len(texts)):
        text = texts[i]
        known = sorted(marks[i], key=lambda mk: mk.offset)
        kept: list[Mark] = []
        pieces: list[str] = []
        cursor = 0
        removed = 0
        for m in _DIGITS_RE.finditer(text):
            while known and known[0].offset <= m.start():
                mk = known.pop(0)
                seen.add(mk.label)
                kept.append(Mark(mk.offset - removed, mk.label))
            label = m.group(0)
            if (
                label in seen
                and label in labels
                and m.start() > 0
                and not text[m.start() - 1].isspace()
                and _after_ok(text, m.end())
                and _glued_ok(text, m.start(), label)
            ):
                pieces.append(text[cursor : m.start()])
                kept.append(Mark(m.start() - removed, label))
                removed += m.end() - m.start()
                cursor = m.end()
        for mk in known:
            seen.add(mk.label)
            kept.append(Mark(mk.offset - removed, mk.label))
        pieces.append(text[cursor:])
        texts[i] = "".join(pieces)
        marks[i] = sorted(kept, key=lambda mk: mk.offset)
