"""Structured sources of footnotes (UN Editorial Manual, UN_FORMAT.md §4).

A footnote's *source* is held as one of these values so that Ibid. and repeated notes can be
recomputed from the model after every edit; the text shown is always rendered from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TreatyCitation:
    """A treaty in the United Nations *Treaty Series*: "vol. 2225, No. 39574".

    ``instruments`` are registry keys of the instruments the volumes hold, when known; they
    are derived from the volumes and never change how the citation reads.
    """

    volumes: tuple[str, ...]
    number: str
    instruments: tuple[str, ...] = ()

    def same_source(self, other: object) -> bool:
        return isinstance(other, TreatyCitation) and (self.volumes, self.number) == (
            other.volumes,
            other.number,
        )


@dataclass(frozen=True, slots=True)
class UNPublication:
    """A United Nations sales publication: "United Nations publication, Sales No. E.09.V.11."

    ``title`` is the italic title when the note names it (empty for the bare form).
    """

    sales_no: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class OfficialRecords:
    """*Official Records of the General Assembly, Sixty-fifth Session, Supplement No. 49*
    (A/65/49)."""

    body: str
    session: str
    supplement: str
    symbol: str = ""


@dataclass(frozen=True, slots=True)
class DocumentSymbols:
    """One or more UN documents cited by symbol: "CTOC/COP/2010/5 and CTOC/COP/2010/6."."""

    symbols: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TextCitation:
    """A resolution or decision cited as a source: "General Assembly resolution 55/25, annex
    I." or, for a body footnoting its own texts, "Resolution 70/1."

    ``body`` is empty when the note omits it; ``part`` is the cited part ("annex I").
    """

    kind: str
    body: str
    number: str
    date: str = ""
    part: str = ""


@dataclass(frozen=True, slots=True)
class FreeText:
    """Any other note, kept verbatim with its italic ranges ``(start, end)``."""

    text: str
    italics: tuple[tuple[int, int], ...] = ()


Citation = (
    TreatyCitation | UNPublication | OfficialRecords | DocumentSymbols | TextCitation | FreeText
)
