"""Shared set-up for negotiation tests: the real 46-paragraph resolution A/RES/80/6 (14 PP,
32 OP) started in negotiation with deterministic ids and a fixed clock, and the state of a
draft as plain JSON (text and negotiation) to compare before and after."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from drafting_app.corpus.readers import read_document
from drafting_app.model.document import Document
from drafting_app.model.ids import deterministic_ids
from drafting_app.model.negotiation import set_clock
from drafting_app.model.negotiation_edits import StartNegotiation
from drafting_app.storage.codec import document_to_json
from tests.conftest import CORPUS_FILES, REALDOCS

ICC = REALDOCS / "ga" / "A-RES-80-6_icc-report-2025.txt"


@contextmanager
def fixed_time() -> Iterator[None]:
    """Times "2025-10-01T10:00:01Z", "…:02Z" … in the order they are asked for."""
    seconds = itertools.count(1)
    set_clock(lambda: f"2025-10-01T10:{next(seconds) // 60:02d}:{next(seconds) % 60:02d}Z")
    try:
        yield
    finally:
        set_clock(None)


def icc_in_negotiation() -> Document:
    doc = read_document(ICC)
    StartNegotiation().apply(doc)
    return doc


def state(doc: Document) -> dict[str, Any]:
    """Everything of the draft that an edit may change (text, marks, negotiation)."""
    return document_to_json(doc)


@contextmanager
def deterministic() -> Iterator[None]:
    with deterministic_ids(), fixed_time():
        yield


def france_in_negotiation() -> Document:
    """The France draft (CTOC/COP 2008, 4 PP, 9 OP, OP9 with (a)–(d)) after a first round:
    brackets (one nested), alternatives short and long, a whole alternative paragraph,
    proposals of four delegations (insert, delete, replace, delete the paragraph), a
    comment, a new paragraph OP5 bis, one paragraph agreed, one deleted. Call it inside
    :func:`deterministic`."""
    from drafting_app.model.document import Paragraph, Part, Span
    from drafting_app.model.negotiation import ProposalKind, Status
    from drafting_app.model.negotiation_edits import (
        AddAlternative,
        AddBracket,
        AddComment,
        AddParagraphAlternative,
        Propose,
        ProposeParagraph,
        SetStatus,
    )

    doc = read_document(CORPUS_FILES["france_draft"])
    StartNegotiation().apply(doc)
    pre, op = list(doc.preamble), list(doc.operative)

    def at(p: Paragraph, words: str) -> tuple[int, int]:
        start = p.text.index(words)
        return start, start + len(words)

    SetStatus(pre[0].id, Status.AGREED).apply(doc)
    AddBracket(pre[2].id, *at(pre[2], "held in the Assembly in June 2008")).apply(doc)
    AddBracket(pre[2].id, *at(pre[2], "in June 2008")).apply(doc)
    AddAlternative(op[0].id, *at(op[0], "Urges"), "Calls upon", "EU").apply(doc)
    long = "to consider becoming parties to the Protocols as soon as possible"
    AddAlternative(op[0].id, *at(op[0], "to become parties to the Protocol"), long, "CANZ").apply(
        doc
    )
    Propose(op[1].id, ProposalKind.DELETE, "G77 and China", *at(op[1], "the fact that ")).apply(doc)
    Propose(op[2].id, ProposalKind.REPLACE, "EU", *at(op[2], "Urges"), text="Encourages").apply(doc)
    end = len(op[4].text) - 1
    Propose(op[4].id, ProposalKind.INSERT, "United States", end, end,
            " within existing resources").apply(doc)  # fmt: skip
    AddComment(op[4].id, "African Group", "retain").apply(doc)
    Propose(op[5].id, ProposalKind.DELETE_PARAGRAPH, "CANZ").apply(doc)
    AddParagraphAlternative(
        op[6].id, "Requests the Secretariat to share information on successful practices;", "EU"
    ).apply(doc)
    new = Paragraph("Invites States parties to share good practices;", [Span(0, 7)])
    ProposeParagraph(Part.OPERATIVE, None, 5, new, "African Group").apply(doc)
    SetStatus(op[7].id, Status.DELETED).apply(doc)
    SetStatus(op[3].id, Status.CONSULTATION).apply(doc)
    return doc
