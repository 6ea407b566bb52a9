"""Word-level deviation of a paragraph from its agreed language."""

from __future__ import annotations

from drafting_app.clauses.deviation import changes, is_agreed, paragraph_deviation, word_diff
from drafting_app.clauses.library import ClauseLibrary

AGREED = (
    "Invites Member States and other donors to provide extrabudgetary resources for these "
    "purposes in accordance with the rules and procedures of the United Nations."
)


def test_word_diff_marks_insertions_deletions_and_replacements() -> None:
    current = (
        AGREED.replace("provide", "provide voluntary")
        .replace("rules and procedures", "rules")
        .replace("Invites", "Urges")
    )
    found = [(op.op, op.agreed.strip(), op.current.strip()) for op in changes(AGREED, current)]
    assert found == [
        ("replace", "Invites", "Urges"),
        ("insert", "", "voluntary"),
        ("delete", "and procedures", ""),
    ]
    for op in changes(AGREED, current):
        assert current[op.start : op.end] == op.current


def test_word_diff_reconstructs_both_texts() -> None:
    current = "Invites States, donors and others to provide resources."
    ops = word_diff(AGREED, current)
    assert "".join(op.agreed for op in ops) == AGREED
    assert "".join(op.current for op in ops) == current


def test_identical_text_has_no_changes() -> None:
    assert changes(AGREED, AGREED) == []
    assert is_agreed(AGREED, AGREED.replace(" ", "  "))
    assert changes(AGREED, AGREED.replace("donors ", "donors  ")) == []


def test_inserted_clause_remembers_and_diffs(library: ClauseLibrary) -> None:
    clause = library.clause("bundled/002_ecb4862eedf5f58e:operative:18.")
    paragraph, _ = clause.to_paragraph()
    assert paragraph_deviation(paragraph) == []
    paragraph.text = paragraph.text.replace("other donors", "other interested donors")
    (op,) = paragraph_deviation(paragraph) or []
    assert (op.op, op.current.strip()) == ("insert", "interested")
    paragraph.provenance = None
    assert paragraph_deviation(paragraph) is None
