"""Negotiation mode in the model: frozen labels, statuses, brackets, alternatives,
proposals by delegation, comments, the record of changes to agreed paragraphs, the clean
and the final text — on the real resolution A/RES/80/6 (14 PP + 32 OP)."""

from __future__ import annotations

import copy

import pytest

from drafting_app.errors import EditError
from drafting_app.model.changes import Compound
from drafting_app.model.describe import describe
from drafting_app.model.document import Document, Paragraph, Part, Span
from drafting_app.model.negotiation import ProposalKind, Status, problems
from drafting_app.model.negotiation_edits import (
    AcceptNewParagraph,
    AcceptProposal,
    AddAlternative,
    AddBracket,
    AddComment,
    AddParagraphAlternative,
    ChooseAlternative,
    ChooseParagraphAlternative,
    DropNewParagraph,
    DropOption,
    DropProposal,
    EndNegotiation,
    LabelNewParagraphs,
    NewRound,
    Propose,
    ProposeParagraph,
    RemoveBracket,
    SetDelegations,
    SetStatus,
    StartNegotiation,
)
from drafting_app.model.negotiation_final import (
    UnresolvedError,
    clean_document,
    final_document,
    label_references,
    summary,
)
from drafting_app.model.negotiation_labels import full_labels, next_label, split_label
from drafting_app.model.negotiation_view import pieces, plain
from drafting_app.model.paragraph_edits import DeleteParagraph, InsertParagraph, MoveParagraph
from drafting_app.model.profiles import PROFILES
from drafting_app.model.text_edits import SetText, retype, splice
from tests.model.negotiation_setup import deterministic, icc_in_negotiation, state

GA = PROFILES["ga-main-committee"]


@pytest.fixture
def doc() -> Document:
    with deterministic():
        yield icc_in_negotiation()


def labels(doc: Document) -> list[str]:
    nego = doc.negotiation
    assert nego is not None
    full = full_labels(doc, nego)
    return [full[p.id] for p in (*doc.preamble, *doc.operative)]


def record(doc: Document, p: Paragraph):
    assert doc.negotiation is not None
    return doc.negotiation.records[p.id]


def view(doc: Document, p: Paragraph) -> str:
    return plain(pieces(p.text, record(doc, p)))


def at(p: Paragraph, words: str) -> tuple[int, int]:
    start = p.text.index(words)
    return start, start + len(words)


# -- labels -------------------------------------------------------------------------------------
def test_start_freezes_pp_and_op_labels(doc: Document):
    assert labels(doc)[:3] == ["PP1", "PP2", "PP3"]
    assert labels(doc)[13:16] == ["PP14", "OP1", "OP2"]
    assert labels(doc)[-1] == "OP32"
    assert all(r.status is Status.PENDING for r in doc.negotiation.records.values())
    with pytest.raises(EditError, match="already in negotiation"):
        StartNegotiation().apply(doc)


def test_inserted_paragraphs_take_bis_ter_and_labels_never_move(doc: Document):
    before = dict(zip([p.id for p in doc.operative], labels(doc)[14:], strict=True))
    for i, text in enumerate(["Decides one;", "Decides two;"]):
        ProposeParagraph(Part.OPERATIVE, None, 5 + i, Paragraph(text), "EU").apply(doc)
    assert labels(doc)[14 + 4 : 14 + 8] == ["OP5", "OP5 bis", "OP5 ter", "OP6"]
    ProposeParagraph(Part.OPERATIVE, None, 5, Paragraph("Decides zero;"), "CANZ").apply(doc)
    # Between OP5 and OP5 bis: the next free ordinal after OP5 (labels never shift).
    assert labels(doc)[14 + 5] == "OP5 quater"
    MoveParagraph(doc.operative[0].id, Part.OPERATIVE, None, 10).apply(doc)
    after = full_labels(doc, doc.negotiation)
    assert all(after[pid] == label for pid, label in before.items())
    first = Paragraph("Bearing in mind the Charter,")
    InsertParagraph(Part.PREAMBLE, None, 0, first).apply(doc)
    LabelNewParagraphs().apply(doc)
    assert labels(doc)[0] == "PP0" and record(doc, first).status is Status.NEW


def test_sub_paragraph_labels_follow_their_parent(doc: Document):
    op5 = doc.operative[4]
    for i, text in enumerate(["first;", "second;"]):
        InsertParagraph(Part.OPERATIVE, op5.id, i, Paragraph(text)).apply(doc)
    LabelNewParagraphs().apply(doc)
    InsertParagraph(Part.OPERATIVE, op5.id, 1, Paragraph("between;")).apply(doc)
    LabelNewParagraphs().apply(doc)
    full = full_labels(doc, doc.negotiation)
    assert [full[c.id] for c in op5.children] == ["OP5 (a)", "OP5 (a bis)", "OP5 (b)"]


@pytest.mark.parametrize(
    ("previous", "used", "want"),
    [
        ("OP5", set(), "OP5 bis"),
        ("OP5", {"OP5 bis"}, "OP5 ter"),
        ("OP5 ter", {"OP5 bis", "OP5 ter"}, "OP5 quater"),
        (None, set(), "OP0"),
        (None, {"OP0"}, "OP0 bis"),
        ("(b)", {"(b)"}, "(b bis)"),
        ("Annex A", set(), "Annex A bis"),
    ],
)
def test_next_label(previous, used, want):
    assert next_label(previous, used, "OP0") == want
    assert split_label(want) is None or split_label(want)[0] in want


def test_twenty_insertions_after_one_paragraph_stay_unique(doc: Document):
    for _ in range(22):
        ProposeParagraph(Part.OPERATIVE, None, 1, Paragraph("Decides;"), "EU").apply(doc)
    got = labels(doc)
    assert len(set(got)) == len(got)
    assert "OP1 vicies" in got and "OP1 21" in got


# -- brackets -------------------------------------------------------------------------------------
def test_brackets_nest_and_never_cross(doc: Document):
    p = doc.operative[0]
    AddBracket(p.id, *at(p, "report of the International")).apply(doc)
    AddBracket(p.id, *at(p, "International")).apply(doc)
    with pytest.raises(EditError, match="crosses a bracket"):
        AddBracket(p.id, *at(p, "the report")).apply(doc)
    with pytest.raises(EditError, match="already in brackets"):
        AddBracket(p.id, *at(p, "International")).apply(doc)
    with pytest.raises(EditError, match="Select the words"):
        AddBracket(p.id, 3, 3).apply(doc)
    assert (
        view(doc, p) == "Welcomes the [report of the [International]] Criminal Court for 2024/25;"
    )
    RemoveBracket(p.id, record(doc, p).brackets[0].id).apply(doc)
    assert view(doc, p) == "Welcomes the report of the [International] Criminal Court for 2024/25;"


def test_brackets_follow_typing_and_go_when_their_words_go(doc: Document):
    p = doc.operative[0]
    AddBracket(p.id, *at(p, "Criminal Court")).apply(doc)
    retype(p, p.text.replace("Welcomes", "Welcomes with appreciation")).apply(doc)
    assert view(doc, p).startswith(
        "Welcomes with appreciation the report of the International [Criminal Court]"
    )
    # Typing just after the closing bracket stays outside it; inside grows it.
    start, end = at(p, "Criminal Court")
    splice(p, end, end, "'s", "Typing").apply(doc)
    splice(p, start + 3, start + 3, "-", "Typing").apply(doc)
    assert "[Cri-minal Court]'s" in view(doc, p)
    start, end = at(p, "Cri-minal Court")
    splice(p, start, end, "", "Typing").apply(doc)
    assert record(doc, p).brackets == () and "[" not in view(doc, p)


def test_a_typing_burst_merges_with_its_negotiation_record(doc: Document):
    p = doc.operative[0]
    AddBracket(p.id, *at(p, "Court")).apply(doc)
    before = state(doc)
    first = retype(p, "X" + p.text)
    first.apply(doc)
    second = retype(p, "Y" + p.text)
    second.apply(doc)
    assert first.merge(second)
    after = state(doc)
    first.revert(doc)
    assert state(doc) == before
    first.apply(doc)
    assert state(doc) == after
    assert view(doc, p).startswith("YXWelcomes") and "[Court]" in view(doc, p)


# -- alternatives --------------------------------------------------------------------------------
def test_alternatives_print_as_adjacent_brackets_and_settle_on_a_choice(doc: Document):
    p = doc.operative[16]  # OP17 "Invites regional organizations to consider …"
    AddAlternative(p.id, *at(p, "Invites"), "Encourages", "EU").apply(doc)
    s = record(doc, p).alternatives[0]
    AddAlternative(p.id, s.start, s.end, "Calls upon", "African Group").apply(doc)
    assert view(doc, p).startswith(
        "[Invites][Encourages] (EU) [Calls upon] (African Group) regional"
    )
    DropOption(p.id, s.id, 2).apply(doc)
    DropOption(p.id, s.id, 1).apply(doc)
    assert record(doc, p).alternatives[0].options == ()  # one option left: a check reports it
    AddAlternative(p.id, s.start, s.end, "Calls upon", "African Group").apply(doc)
    ChooseAlternative(p.id, s.id, 1).apply(doc)
    assert p.text.startswith("Calls upon regional organizations")
    assert p.italics[0] == Span(0, len("Calls upon"))
    assert record(doc, p).alternatives == ()


def test_long_alternatives_are_numbered(doc: Document):
    p = doc.operative[0]
    long = "Takes note with appreciation of the report of the International Criminal Court"
    AddAlternative(
        p.id,
        *at(p, "Welcomes the report of the International Criminal Court"),
        long,
        "G77 and China",
    ).apply(doc)
    assert view(doc, p).startswith(
        "[Alt 1: Welcomes the report of the International Criminal Court] [Alt 2: Takes note"
    )
    assert "Court] (G77 and China) for 2024/25;" in view(doc, p)


def test_whole_alternative_paragraphs(doc: Document):
    p = doc.operative[31]
    AddParagraphAlternative(p.id, "Requests the Court to report annually.", "EU").apply(doc)
    with pytest.raises(EditError, match="already one of the alternatives"):
        AddParagraphAlternative(p.id, "Requests the Court to report annually.", "US").apply(doc)
    assert summary(doc).alternatives == 1
    ChooseParagraphAlternative(p.id, 1).apply(doc)
    assert p.text == "Requests the Court to report annually."
    assert p.italics == [Span(0, len("Requests"))]
    assert record(doc, p).paragraph_alternatives == ()


# -- proposals ------------------------------------------------------------------------------------
def test_proposals_print_with_their_authors_and_accept_into_the_text(doc: Document):
    p = doc.operative[0]
    Propose(p.id, ProposalKind.REPLACE, "EU", *at(p, "Welcomes"), text="Takes note of").apply(doc)
    Propose(p.id, ProposalKind.INSERT, "US", *[at(p, "Court")[1]] * 2, text=" and its work").apply(
        doc
    )
    Propose(p.id, ProposalKind.DELETE, "CANZ", *at(p, " for 2024/25")).apply(doc)
    AddComment(p.id, "G77 and China", "retain").apply(doc)
    assert view(doc, p) == (
        "~~Welcomes~~**Takes note of** (EU) the report of the International Criminal Court"
        "** and its work** (US)~~ for 2024/25~~ (CANZ); (G77 and China: retain)"
    )
    eu, us, canz = record(doc, p).proposals
    AcceptProposal(p.id, us.id).apply(doc)
    DropProposal(p.id, canz.id).apply(doc)
    assert (
        p.text
        == "Welcomes the report of the International Criminal Court and its work for 2024/25;"
    )
    AcceptProposal(p.id, eu.id).apply(doc)
    assert p.text.startswith("Takes note of the report")
    assert p.italics[0] == Span(0, len("Takes note of"))
    assert record(doc, p).proposals == ()


def test_accepting_overtakes_proposals_on_the_same_words(doc: Document):
    p = doc.operative[0]
    Propose(p.id, ProposalKind.DELETE, "EU", *at(p, "International Criminal")).apply(doc)
    Propose(p.id, ProposalKind.REPLACE, "US", *at(p, "Criminal"), text="Penal").apply(doc)
    Propose(p.id, ProposalKind.INSERT, "CANZ", *[at(p, "Welcomes")[1]] * 2, text=" warmly").apply(
        doc
    )
    eu = record(doc, p).proposals[0]
    AcceptProposal(p.id, eu.id).apply(doc)
    kept = record(doc, p).proposals
    assert [q.author for q in kept] == ["CANZ"] and kept[0].start == len("Welcomes")


def test_a_proposal_on_words_changed_since_is_refused(doc: Document):
    p = doc.operative[0]
    Propose(p.id, ProposalKind.DELETE, "EU", *at(p, "for 2024/25")).apply(doc)
    retype(p, p.text.replace("2024/25", "2025/26")).apply(doc)
    q = record(doc, p).proposals[0]
    with pytest.raises(EditError, match="were changed since"):
        AcceptProposal(p.id, q.id).apply(doc)


@pytest.mark.parametrize(
    ("kind", "span", "text", "message"),
    [
        (ProposalKind.INSERT, (3, 5), "x", "insertion needs a place"),
        (ProposalKind.INSERT, (3, 3), " ", "insertion needs a place"),
        (ProposalKind.DELETE, (3, 3), "", "Select the words"),
        (ProposalKind.REPLACE, (0, 8), "Welcomes", "different words"),
        (ProposalKind.DELETE, (0, 999), "", "outside the paragraph"),
    ],
)
def test_bad_proposals_are_refused(doc: Document, kind, span, text, message):
    p = doc.operative[0]
    before = state(doc)
    with pytest.raises(EditError, match=message):
        Propose(p.id, kind, "EU", *span, text=text).apply(doc)
    assert state(doc) == before
    with pytest.raises(EditError, match="needs the delegation"):
        Propose(p.id, kind, "  ", *span, text=text)


def test_deleting_and_new_paragraph_proposals(doc: Document):
    op3 = doc.operative[2]
    Propose(op3.id, ProposalKind.DELETE_PARAGRAPH, "EU").apply(doc)
    assert view(doc, op3).endswith("(EU: delete the paragraph)")
    AcceptProposal(op3.id, record(doc, op3).proposals[0].id).apply(doc)
    assert record(doc, op3).status is Status.DELETED
    with pytest.raises(EditError, match="is deleted"):
        AddBracket(op3.id, 0, 4).apply(doc)
    new = Paragraph("Requests the Secretary-General to report;", [Span(0, 8)])
    ProposeParagraph(Part.OPERATIVE, None, 3, new, "African Group").apply(doc)
    r = record(doc, new)
    assert (r.label, r.status, r.open_new_paragraph) == ("OP3 bis", Status.NEW, True)
    assert view(doc, new).endswith("report; (African Group) — New")
    assert summary(doc).proposals_by_author == {"African Group": 1}
    AcceptNewParagraph(new.id).apply(doc)
    assert record(doc, new).status is Status.CONSULTATION and summary(doc).proposals == 0
    other = Paragraph("Decides something;")
    ProposeParagraph(Part.OPERATIVE, None, 4, other, "US").apply(doc)
    DropNewParagraph(other.id).apply(doc)
    assert record(doc, other).status is Status.DELETED and record(doc, other).label == "OP3 ter"


# -- statuses and changes of agreed paragraphs --------------------------------------------------
def test_a_change_of_an_agreed_paragraph_is_recorded_with_who_and_when(doc: Document):
    p = doc.operative[0]
    Propose(p.id, ProposalKind.INSERT, "US", *[at(p, "Court")[1]] * 2, text=" and its work").apply(
        doc
    )
    SetStatus(p.id, Status.AGREED).apply(doc)
    agreed = record(doc, p).agreed
    assert agreed is not None and agreed.round == 1 and agreed.text == p.text
    NewRound().apply(doc)
    AcceptProposal(p.id, record(doc, p).proposals[0].id).apply(doc)
    retype(p, p.text + " ").apply(doc)
    retype(p, p.text + " ").apply(doc)  # the same burst: one change
    changes = record(doc, p).changes
    assert [(c.who, c.round) for c in changes] == [("US", 2), ("Facilitator", 2)]
    assert changes[0].at > agreed.at
    SetStatus(p.id, Status.CONSULTATION).apply(doc)
    assert record(doc, p).agreed is None and record(doc, p).changes == ()


def test_status_shows_in_words_at_the_end(doc: Document):
    p = doc.operative[1]
    for status, words in [
        (Status.AGREED, "Agreed ad ref"),
        (Status.CONSULTATION, "Under consultation"),
    ]:
        SetStatus(p.id, status).apply(doc)
        assert view(doc, p).endswith(f" — {words}")
    with pytest.raises(EditError, match="already marked"):
        SetStatus(p.id, Status.CONSULTATION).apply(doc)


def test_summary_counts(doc: Document):
    SetStatus(doc.operative[0].id, Status.AGREED).apply(doc)
    SetStatus(doc.operative[1].id, Status.DELETED).apply(doc)
    p = doc.operative[2]
    AddBracket(p.id, 0, 10).apply(doc)
    Propose(p.id, ProposalKind.DELETE, "EU", 0, 5).apply(doc)
    Propose(p.id, ProposalKind.DELETE, "EU", 5, 9).apply(doc)
    Propose(p.id, ProposalKind.INSERT, "US", 0, 0, "Also ").apply(doc)
    s = summary(doc)
    assert s.by_status["Agreed ad ref"] == 1 and s.by_status["Deleted"] == 1
    assert s.by_status["Pending"] == 44 and len(s.open_paragraphs) == 44
    assert s.bracketed == ["OP3"] and s.brackets == 1 and s.proposals == 3
    assert s.proposals_by_author == {"EU": 2, "US": 1}
    assert s.blockers == ["OP3: 1 bracket, 3 open proposals (EU, US)"]


def test_negotiation_level_edits_undo(doc: Document):
    before = state(doc)
    edits = [NewRound(), SetDelegations(["EU", " G77  and China ", "EU", ""]), EndNegotiation()]
    for e in edits:
        e.apply(doc)
    assert doc.negotiation is None
    for e in reversed(edits):
        e.revert(doc)
    assert state(doc) == before
    edits[1].apply(doc)
    assert doc.negotiation.delegations == ["EU", "G77 and China"]


# -- clean and final texts -----------------------------------------------------------------------
def test_final_text_of_an_untouched_negotiation_is_the_text(doc: Document):
    original = copy.deepcopy(doc)
    original.negotiation = None
    assert describe(final_document(doc, GA)) == describe(original)


def test_final_text_is_refused_with_the_list_of_what_remains(doc: Document):
    p, q = doc.operative[0], doc.preamble[2]
    AddBracket(p.id, 0, 8).apply(doc)
    AddAlternative(q.id, *at(q, "Recognizing"), "Acknowledging", "EU").apply(doc)
    Propose(q.id, ProposalKind.DELETE_PARAGRAPH, "US").apply(doc)
    ProposeParagraph(Part.OPERATIVE, None, 1, Paragraph("Decides;"), "CANZ").apply(doc)
    with pytest.raises(UnresolvedError) as caught:
        final_document(doc, GA)
    assert caught.value.blockers == [
        "PP3: 1 alternative set, 1 open proposal (US)",
        "OP1: 1 bracket",
        "OP1 bis: a new paragraph proposed by CANZ not yet accepted",
    ]
    assert "cannot be made while brackets" in str(caught.value)


def test_final_text_renumbers_recomputes_the_ladder_and_punctuation(doc: Document):
    op = doc.operative
    # EU's new paragraph after OP1 opens with "Welcomes": in the final text it is the
    # second of the family, "Also welcomes", and the old OP2/OP3 move on the ladder.
    new = Paragraph("Welcomes the work of the Court;", [Span(0, 8)])
    ProposeParagraph(Part.OPERATIVE, None, 1, new, "EU").apply(doc)
    AcceptNewParagraph(new.id).apply(doc)
    # "paragraph 1 bis above" in OP3 names the new paragraph by its label.
    op3 = op[3]
    retype(op3, op3.text[:-1] + ", as set out in paragraph 1 bis above;").apply(doc)
    last = op[-1]
    SetStatus(last.id, Status.DELETED).apply(doc)
    final = final_document(doc, GA)
    texts = [p.text for p in final.operative]
    assert texts[1] == "Also welcomes the work of the Court;"
    assert texts[2].startswith("Further welcomes the States that have become Parties")
    assert texts[3].startswith("Further welcomes the States Parties as well as")
    assert texts[3].endswith("as set out in paragraph 2 above;")
    assert len(final.operative) == 32 and texts[-1].endswith(".")
    assert final.negotiation is None and doc.negotiation is not None


def test_label_references():
    text = "as in paragraph 5 bis above and paragraph 3 of resolution 58/318 and paragraph 7 below"
    five, seven = text.index("5 bis"), text.index("7 below")
    assert label_references(text) == [(five, five + 5, "OP5 bis"), (seven, seven + 1, "OP7")]
    assert label_references("subparagraph (a) of paragraph 12 ter of the present resolution") == [
        (30, 36, "OP12 ter")
    ]


def test_clean_text_drops_proposals_comments_and_deleted_paragraphs(doc: Document):
    p = doc.operative[0]
    AddBracket(p.id, 0, 8).apply(doc)
    Propose(p.id, ProposalKind.DELETE, "EU", 0, 8).apply(doc)
    AddComment(p.id, "US", "flexible").apply(doc)
    SetStatus(doc.operative[1].id, Status.DELETED).apply(doc)
    clean = clean_document(doc)
    assert len(clean.operative) == 31
    r = clean.negotiation.records[p.id]
    assert r.brackets and not r.proposals and not r.comments and r.label == "OP1"
    assert full_labels(clean, clean.negotiation)[clean.operative[1].id] == "OP3"
    assert record(doc, p).proposals  # the negotiated draft itself is untouched


# -- undo of compound negotiation edits ------------------------------------------------------------
def test_every_negotiation_edit_reverts_exactly(doc: Document):
    p = doc.operative[0]
    Propose(p.id, ProposalKind.REPLACE, "EU", *at(p, "Welcomes"), text="Notes").apply(doc)
    AddAlternative(p.id, *at(p, "2024/25"), "2025/26", "US").apply(doc)
    r = record(doc, p)
    edits = [
        AcceptProposal(p.id, r.proposals[0].id),
        ChooseAlternative(p.id, r.alternatives[0].id, 1),
        SetStatus(p.id, Status.AGREED),
        AddComment(p.id, "CANZ", "fine"),
        ProposeParagraph(Part.OPERATIVE, None, 0, Paragraph("Decides;"), "EU"),
        DeleteParagraph(doc.operative[5].id),
    ]
    history = []
    for e in edits:
        history.append(state(doc))
        e.apply(doc)
    end = state(doc)
    for e, snapshot in zip(reversed(edits), reversed(history), strict=True):
        e.revert(doc)
        assert state(doc) == snapshot
    Compound(edits).apply(doc)
    assert state(doc) == end
    assert all(
        not problems(rec, doc.paragraph(pid).text)
        for pid, rec in doc.negotiation.records.items()
        if pid in {q.id for q in doc.all_paragraphs()}
    )


def test_set_text_outside_negotiation_is_unchanged():
    p = Paragraph("Requests the secretariat;", [Span(0, 8)])
    doc = Document(operative=[p])
    edit = SetText(p.id, "Requests the Secretariat;", p.italics, [])
    assert not edit.apply(doc).negotiation_changed
