"""The comparison a penholder reads: paragraphs matched across renumbering and moves,
changes at word boundaries with punctuation and footnote marks kept with their words, a
moved paragraph a move, renumbered footnotes no change (issue 17 item 2)."""

from __future__ import annotations

import copy

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.model import Paragraph, Part, Span
from drafting_app.model.edits import InsertParagraph, MoveParagraph, retype
from drafting_app.revisions.compare import ChangeKind, Target, compare
from drafting_app.revisions.tokens import rebuild, tokenize
from tests.revisions.pairs import REAL_ROLLOVERS, SOURCES, fresh_ids, make_rollover

ICC_2018, ICC_2025 = REAL_ROLLOVERS["icc_2018_2025"]


def _summary(doc_pair: tuple) -> list[tuple[str, str]]:
    base, new = doc_pair
    return [(c.label, c.description) for c in compare(base, new).changes]


@pytest.mark.parametrize("key", sorted(SOURCES))
@pytest.mark.parametrize("same_ids", [True, False], ids=["in-app", "two-files"])
def test_a_rollover_shows_exactly_what_was_done(key: str, same_ids: bool):
    r = make_rollover(key)
    new = r.new if same_ids else fresh_ids(r.new)
    got = _summary((r.base, new))
    assert got == [
        ("PP2", "reworded"),
        ("OP2", "reworded"),
        (r.added, "added"),
        (r.deleted, "deleted"),
        (f"{r.moved[0]} → {r.moved[1]}", "moved"),
        (r.footnote, "reworded"),
    ]


def test_a_new_op3_does_not_mark_the_paragraphs_after_it():
    base = read_document(ICC_2025)
    for same_ids in (True, False):
        new = copy.deepcopy(base)
        InsertParagraph(
            Part.OPERATIVE, None, 2, Paragraph("Decides to remain seized of the matter.")
        ).apply(new)
        new = new if same_ids else fresh_ids(new)
        changes = compare(base, new).changes
        assert [(c.label, c.kind) for c in changes] == [("OP3", ChangeKind.ADDED)]


def test_a_moved_paragraph_is_one_move_with_its_sub_paragraphs():
    base = read_document(SOURCES["resolution_10_3"])
    parent = next(p for p in base.operative if p.children)
    k = base.operative.index(parent)
    for same_ids in (True, False):
        new = copy.deepcopy(base)
        MoveParagraph(new.operative[k].id, Part.OPERATIVE, None, 0).apply(new)
        new = new if same_ids else fresh_ids(new)
        changes = compare(base, new).changes
        assert [(c.label, c.description) for c in changes] == [(f"OP{k + 1} → OP1", "moved")]


def test_words_keep_their_punctuation_and_footnote_marks():
    base = read_document(ICC_2025)
    new = copy.deepcopy(base)
    op1 = new.operative[0]  # "Welcomes the report of … Court for 2024/25;⁴"
    assert op1.text.endswith("for 2024/25;") and op1.anchors
    retype(op1, op1.text.replace("for 2024/25;", "for 2025/26;")).apply(new)
    (change,) = compare(base, new).changes
    assert change.diff is not None
    (hunk,) = change.diff.hunks
    deleted = change.diff.base[hunk.a0 : hunk.a1]
    inserted = change.diff.new[hunk.b0 : hunk.b1]
    assert [t.text for t in deleted] == [" 2024/25;"]
    assert [t.text for t in inserted] == [" 2025/26;"]
    assert deleted[0].notes and inserted[0].notes  # the mark goes with its word


def test_a_rewording_is_one_change_not_one_per_word():
    base = read_document(ICC_2025)
    new = copy.deepcopy(base)
    p = new.operative[27]
    old = "Acknowledges the report of the Secretary-General on the work"
    assert p.text.startswith(old)
    retype(p, p.text.replace(old, "Acknowledges a note by the President on the work", 1)).apply(new)
    (change,) = compare(base, new).changes
    assert change.diff is not None and len(change.diff.hunks) == 1
    assert change.diff.deleted_text() == "the report of the Secretary-General"
    assert change.diff.inserted_text() == "a note by the President"


def test_tokens_rebuild_every_real_paragraph_exactly():
    for path in [*SOURCES.values(), ICC_2018]:
        doc = read_document(path)
        for p in doc.all_paragraphs():
            text, italics, anchors = rebuild(tokenize(p.text, p.italics, p.anchors))
            assert text == p.text
            assert _chars(italics) == _chars(p.italics)
            assert sorted(anchors, key=lambda a: a.offset) == sorted(
                p.anchors, key=lambda a: a.offset
            )


def _chars(spans: list[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def test_the_real_icc_rollover_2018_to_2025():
    """A/RES/73/7 (2018) against A/RES/80/6 (2025), read from the PDF and the text: what a
    reader of the two finds by hand."""
    base, new = read_document(ICC_2018), read_document(ICC_2025)
    changes = compare(base, new).changes
    by_label = {c.label: c for c in changes}
    added = [c.label for c in changes if c.kind is ChangeKind.ADDED]
    assert added == ["PP11", "OP9", "OP26", "OP27", "OP29"]
    assert not [c for c in changes if c.kind in (ChangeKind.DELETED, ChangeKind.MOVED)]
    # 2018's OP9 "Calls upon States parties …" is 2025's OP10 (after the new OP9).
    assert by_label["OP9 → OP10"].diff.deleted_text() == "parties parties"  # type: ignore[union-attr]
    # Unchanged paragraphs renumbered are no change: OP13 of 2018 is OP14 of 2025.
    assert base.operative[12].text == new.operative[13].text
    assert not any(c.base_name == "OP13" for c in changes)
    notes = [(c.label, c.diff.deleted_text(), c.diff.inserted_text())  # type: ignore[union-attr]
             for c in changes if c.target is Target.FOOTNOTE]  # fmt: skip
    assert notes == [
        ("footnote 4", "A/73/334.", "A/80/342."),
        ("footnote 7", "A/67/828 S/2013/210,", "A/67/828-S/2013/210,"),
        ("footnote 8", "A/73/335.", "A/80/344."),
    ]
    assert by_label["Heading"].diff.inserted_text() == "80/6."  # type: ignore[union-attr]


def test_the_real_cuba_rollover_2018_to_2025():
    base, new = (read_document(p) for p in REAL_ROLLOVERS["cuba_2018_2025"])
    changes = compare(base, new).changes
    paragraphs = [(c.label, c.description) for c in changes if c.target is Target.PARAGRAPH]
    # Each year the list of recalled resolutions grows and the Secretary-General's report
    # and the next session change; the structure stays.
    assert all(kind == "reworded" for _, kind in paragraphs)
    assert len(base.operative) == len(new.operative)
    labels = [label for label, _ in paragraphs]
    assert "PP2" in labels and "OP4" in labels
