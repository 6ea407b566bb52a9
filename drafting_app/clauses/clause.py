"""A clause: one preambular or operative paragraph of agreed language, with its provenance.

Agreed language is what delegations reuse because it has already been adopted; a clause
remembers exactly where it was adopted (document, part, paragraph number) so that a drafter
can cite it in negotiations and see later where a draft departs from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting_app.model.document import Anchor, Footnote, Paragraph, Part, Span


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a clause was adopted: "Resolution 5/2, op 18." or "Decision 4/4, op (o) (i)".

    ``number`` is the label the paragraph carried: "18.", "13 (b)", "(o) (i)" in the
    operative part; "PP3" (third preambular paragraph, negotiation style) in the preamble.
    """

    doc_id: str
    doc_label: str
    part: Part
    number: str

    def label(self) -> str:
        where = "op" if self.part is Part.OPERATIVE else "preamble"
        number = self.number.rstrip(".")
        return f"{self.doc_label}, {where} {number}" if number else self.doc_label

    def as_dict(self) -> dict[str, str]:
        return {
            "doc_id": self.doc_id,
            "doc_label": self.doc_label,
            "part": str(self.part),
            "number": self.number,
        }

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Provenance:
        return cls(data["doc_id"], data["doc_label"], Part(data["part"]), data["number"])


@dataclass(frozen=True, slots=True)
class ClauseFootnote:
    """A footnote of a clause: its text and the offset of its mark in the clause text."""

    offset: int
    text: str
    italics: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Clause:
    """One paragraph or sub-paragraph of agreed language.

    ``opener`` is the base opening phrase ("Requests" for "Also requests"), ``category``
    a key of :data:`drafting_app.clauses.category.CATEGORIES`. ``children`` are the ids of
    its sub-paragraph clauses ("Encourages States to consider:" then (a)…(e)).
    """

    clause_id: str
    text: str
    italics: tuple[Span, ...]
    footnotes: tuple[ClauseFootnote, ...]
    provenance: Provenance
    opener: str
    category: str
    children: tuple[str, ...] = field(default=())

    @property
    def part(self) -> Part:
        return self.provenance.part

    def to_paragraph(self) -> tuple[Paragraph, list[Footnote]]:
        """A fresh model paragraph (new ids) with its footnotes, remembering its source."""
        return build_paragraph(
            self.text, self.italics, self.footnotes, self.provenance_record(), self.text
        )

    def provenance_record(self) -> dict[str, str]:
        """What an inserted paragraph stores: source and the agreed text it started from."""
        record = self.provenance.as_dict()
        record["clause_id"] = self.clause_id
        record["label"] = self.provenance.label()
        return record


def build_paragraph(
    text: str,
    italics: tuple[Span, ...] | list[Span],
    footnotes: tuple[ClauseFootnote, ...] | list[ClauseFootnote],
    provenance: dict[str, str] | None,
    agreed: str | None = None,
) -> tuple[Paragraph, list[Footnote]]:
    """A model paragraph and its footnotes (fresh ids), with an optional provenance record.

    ``agreed`` is kept in the record so the editor can diff the paragraph against the
    language it came from (:func:`drafting_app.clauses.deviation.word_diff`).
    """
    notes = [Footnote(text=f.text, italics=list(f.italics)) for f in footnotes]
    anchors = [Anchor(f.offset, n.id) for f, n in zip(footnotes, notes, strict=True)]
    record = None
    if provenance is not None:
        record = dict(provenance)
        if agreed is not None:
            record["agreed_text"] = agreed
    paragraph = Paragraph(text=text, italics=list(italics), anchors=anchors, provenance=record)
    return paragraph, notes
