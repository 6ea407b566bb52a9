"""Titles of UN series that footnotes print in italics (UN_FORMAT.md §5): "United Nations,
*Treaty Series*, vol. 2225, No. 39574." and "*Official Records of the General Assembly,
Seventy-third Session, Supplement No. 25* (A/73/25)."

A plain-text or PDF source has no italics, and a drafter typing a note types roman, so a
note read or typed that way would print the series roman beside the notes the citation tool
inserted in italics. The spans are derived here, in one place, for the readers and for typing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafting_app.model.document import Span

__all__ = ["series_title_spans", "with_series_titles"]

# "United Nations, Treaty Series": only the two words of the series are italic.
_TREATY_SERIES = re.compile(r"\bUnited Nations,\s+(Treaty Series)\b")
# The Official Records of a principal organ, through its supplement number: the words up to
# and including "Supplement No. 25" (or "53A") are the title; the symbol in brackets and "and
# corrigendum" after it are roman. Bounded so that a sentence without a supplement number
# never makes a long italic run.
_OFFICIAL_RECORDS = re.compile(
    r"\bOfficial Records of the (?:General Assembly|Economic and Social Council"
    r"|Security Council|Trusteeship Council)"
    r"(?:,\s+[^,()\n]{1,60}?){0,3},\s+Supplement No\.\s*\d+[A-Z]?\b"
)


def series_title_spans(text: str) -> list[Span]:
    """The spans of ``text`` that UN style prints in italics as series titles."""
    spans = [Span(m.start(1), m.end(1)) for m in _TREATY_SERIES.finditer(text)]
    spans += [Span(m.start(), m.end()) for m in _OFFICIAL_RECORDS.finditer(text)]
    return sorted(spans, key=lambda s: s.start)


def with_series_titles(
    text: str, italics: Sequence[Span], near: tuple[int, int] | None = None
) -> list[Span]:
    """``italics`` with the series titles of ``text`` set in italics (an italic span that
    covers part of a title grows to the whole title: "Supplement No. 2" typed on to "25").
    With ``near`` (the range an edit changed) only a title overlapping it is added: typing
    elsewhere in a note leaves alone a title the drafter set roman by hand."""
    out = list(italics)
    for title in series_title_spans(text):
        if near is not None and not (title.start <= near[1] and near[0] <= title.end):
            continue
        if any(s.start <= title.start and title.end <= s.end for s in out):
            continue
        touching = [s for s in out if s.start < title.end and title.start < s.end]
        out = [s for s in out if s not in touching]
        out.append(
            Span(min([title.start, *(s.start for s in touching)]),
                 max([title.end, *(s.end for s in touching)]))
        )  # fmt: skip
    return sorted(out, key=lambda s: s.start)
