"""Property tests of negotiation mode: random sequences of proposals, accepts, drops,
brackets, alternatives, statuses, typing, new paragraphs and undos on the real
resolution A/RES/80/6 keep every bracket balanced and inside its text, never change a
label once given, and undo back to the start and redo to the same end."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from drafting_app.errors import EditError
from drafting_app.model.changes import Compound, Edit
from drafting_app.model.document import Document, Paragraph, Part
from drafting_app.model.negotiation import ProposalKind, Status, problems
from drafting_app.model.negotiation_edits import (
    AcceptProposal,
    AddAlternative,
    AddBracket,
    ChooseAlternative,
    DropOption,
    DropProposal,
    LabelNewParagraphs,
    NewRound,
    Propose,
    ProposeParagraph,
    RemoveBracket,
    SetStatus,
)
from drafting_app.model.negotiation_labels import full_labels
from drafting_app.model.negotiation_view import Role, pieces
from drafting_app.model.paragraph_edits import InsertParagraph, MoveParagraph
from drafting_app.model.text_edits import splice
from tests.model.negotiation_setup import deterministic, icc_in_negotiation, state

AUTHORS = ["EU", "G77 and China", "African Group", "CANZ", "United States", "Mexico"]
WORDS = ["", "x", " also", "within existing resources", "[", "Court"]


def _paragraph(data: st.DataObject, doc: Document) -> Paragraph:
    ids = [
        p.id for p in doc.all_paragraphs() if doc.negotiation and p.id in doc.negotiation.records
    ]
    return doc.paragraph(data.draw(st.sampled_from(ids)))


def _span(data: st.DataObject, p: Paragraph, empty: bool = False) -> tuple[int, int]:
    n = len(p.text)
    start = data.draw(st.integers(0, n))
    end = start if empty else data.draw(st.integers(start, min(n, start + 40)))
    return start, end


def _record(doc: Document, p: Paragraph):
    assert doc.negotiation is not None
    return doc.negotiation.records[p.id]


def _edit(data: st.DataObject, doc: Document) -> Edit:
    p = _paragraph(data, doc)
    r = _record(doc, p)
    kind = data.draw(
        st.sampled_from(
            ["insert", "delete", "replace", "delpara", "accept", "drop", "bracket", "unbracket",
             "alt", "choose", "dropopt", "status", "type", "newpara", "plain", "move", "round"]
        )
    )  # fmt: skip
    author = data.draw(st.sampled_from(AUTHORS))
    if kind == "insert":
        at = _span(data, p, empty=True)
        return Propose(
            p.id, ProposalKind.INSERT, author, *at, text=data.draw(st.sampled_from(WORDS))
        )
    if kind in ("delete", "replace"):
        kinds = {"delete": ProposalKind.DELETE, "replace": ProposalKind.REPLACE}
        text = data.draw(st.sampled_from(WORDS)) if kind == "replace" else ""
        return Propose(p.id, kinds[kind], author, *_span(data, p), text=text)
    if kind == "delpara":
        return Propose(p.id, ProposalKind.DELETE_PARAGRAPH, author)
    if kind in ("accept", "drop") and r.proposals:
        q = data.draw(st.sampled_from(r.proposals))
        return AcceptProposal(p.id, q.id) if kind == "accept" else DropProposal(p.id, q.id)
    if kind == "unbracket" and r.brackets:
        return RemoveBracket(p.id, data.draw(st.sampled_from(r.brackets)).id)
    if kind == "alt":
        return AddAlternative(p.id, *_span(data, p), data.draw(st.sampled_from(WORDS)), author)
    if kind in ("choose", "dropopt") and r.alternatives:
        a = data.draw(st.sampled_from(r.alternatives))
        index = data.draw(st.integers(0, len(a.options)))
        return (
            ChooseAlternative(p.id, a.id, index)
            if kind == "choose"
            else DropOption(p.id, a.id, index)
        )
    if kind == "status":
        return SetStatus(p.id, data.draw(st.sampled_from(list(Status))))
    if kind == "type":
        start, end = _span(data, p)
        return splice(p, start, end, data.draw(st.sampled_from(WORDS)), "Typing")
    if kind == "newpara":
        index = data.draw(st.integers(0, len(doc.operative)))
        return ProposeParagraph(Part.OPERATIVE, None, index, Paragraph("Decides;"), author)
    if kind == "plain":  # a paragraph typed in (Return in the editor) then labelled
        index = data.draw(st.integers(0, len(doc.preamble)))
        return Compound([InsertParagraph(Part.PREAMBLE, None, index, Paragraph("Noting,")),
                         LabelNewParagraphs()])  # fmt: skip
    if kind == "move":
        index = data.draw(st.integers(0, len(doc.operative) - 1))
        return MoveParagraph(doc.operative[0].id, Part.OPERATIVE, None, index)
    if kind == "round":
        return NewRound()
    return AddBracket(p.id, *_span(data, p))


def _assert_sound(doc: Document, seen: dict[str, str]) -> None:
    nego = doc.negotiation
    assert nego is not None
    labels = full_labels(doc, nego)
    for p in doc.all_paragraphs():
        r = nego.records.get(p.id)
        if r is None:
            continue
        assert problems(r, p.text) == []
        depth = 0
        for piece in pieces(p.text, r):
            if piece.role is Role.BRACKET:
                depth += 1 if piece.text == "[" else -1
                assert depth >= 0
        assert depth == 0, "brackets print balanced"
        assert seen.setdefault(p.id, labels[p.id]) == labels[p.id], "a label never changes"
    tops = [labels[p.id] for p in (*doc.preamble, *doc.operative)]
    assert len(tops) == len(set(tops)), "labels are unique"


@settings(
    max_examples=int(os.environ.get("NEGO_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_negotiations_keep_brackets_balanced_and_labels_stable(data: st.DataObject):
    with deterministic():
        doc = icc_in_negotiation()
        original = state(doc)
        seen: dict[str, str] = {}
        done: list[Edit] = []
        for _ in range(data.draw(st.integers(1, 25))):
            if done and data.draw(st.integers(0, 5)) == 0:
                done.pop().revert(doc)  # undo
                _assert_sound(doc, seen)
                continue
            before = state(doc)
            try:
                edit = _edit(data, doc)  # may be refused when made ("[" in proposed words)
                edit.apply(doc)
            except EditError:
                assert state(doc) == before, "a refused edit changes nothing"
                continue
            done.append(edit)
            _assert_sound(doc, seen)
        end = state(doc)
        event(f"edits kept: {min(len(done), 10)}{'+' if len(done) >= 10 else ''}")
        for edit in reversed(done):
            edit.revert(doc)
        assert state(doc) == original
        for edit in done:
            edit.apply(doc)
        assert state(doc) == end
