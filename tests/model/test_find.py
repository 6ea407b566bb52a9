"""Find and Replace in a draft (issue 18 item 3), on the France draft: occurrences with and
without matching case, whole words, in the footnotes; Replace All as one edit that carries
italics and footnote marks and is undone exactly."""

from __future__ import annotations

from drafting_app.corpus.readers import read_document
from drafting_app.model.describe import describe
from drafting_app.model.document import Document, Span
from drafting_app.model.find import Match, ReplaceAll, find_all
from tests.conftest import CORPUS_FILES

OP6 = (
    "Reminds States parties of their obligations under article 8 of the Trafficking in "
    "Persons Protocol and under article 18 of the Migrants Protocol;"
)


def france() -> Document:
    return read_document(CORPUS_FILES["france_draft"])


def test_case_and_whole_words() -> None:
    block = [(("p", "op6"), OP6)]
    assert find_all(block, "protocol") == [
        Match(("p", "op6"), OP6.index("Protocol and"), OP6.index("Protocol and") + 8),
        Match(("p", "op6"), OP6.rindex("Protocol"), OP6.rindex("Protocol") + 8),
    ]
    assert find_all(block, "protocol", match_case=True) == []
    assert len(find_all(block, "article")) == 2
    action = [(("p", "x"), "The action taken by the Secretariat to act,")]
    assert [m.start for m in find_all(action, "act")] == [4, 39]
    assert [m.start for m in find_all(action, "act", whole_word=True)] == [39]
    assert find_all(block, "") == []
    assert find_all(block, "(a)") == []  # the text itself, no pattern


def test_replace_all_carries_marks_and_italics_and_undoes() -> None:
    doc = france()
    before = describe(doc)
    op1 = doc.operative[0]
    first = op1.anchors[0].offset  # after "Crime," (the mark of note 2)
    assert op1.text[first - 6 : first] == "Crime,"
    note1 = doc.footnotes[0]
    assert note1.text == "United Nations, Treaty Series, vol. 2225, No. 39574."
    assert note1.italics == [Span(16, 29)]  # Treaty Series
    blocks = [(("p", p.id), p.text) for p in doc.all_paragraphs()]
    blocks += [(("note", f.id), f.text) for f in doc.footnotes]
    crime = find_all(blocks, "Organized Crime", match_case=True)
    # Preamble 1 once, operative 1 twice, operative 3 once, operative 9 twice (read).
    assert len(crime) == 6 and [m.key for m in crime].count(("p", op1.id)) == 2
    edit = ReplaceAll(crime, "Organized Crime (UNTOC)")
    edit.apply(doc)
    assert op1.text[: op1.anchors[0].offset].endswith("Organized Crime (UNTOC),")
    assert op1.text[: op1.anchors[1].offset].endswith("Organized Crime (UNTOC);")
    united = find_all(
        [(("note", f.id), f.text) for f in doc.footnotes], "United Nations", match_case=True
    )
    assert [m.key for m in united] == [("note", note1.id)]
    notes = ReplaceAll(united, "UN")
    notes.apply(doc)
    assert note1.text == "UN, Treaty Series, vol. 2225, No. 39574."
    assert note1.italics == [Span(4, 17)]  # still exactly "Treaty Series"
    notes.revert(doc)
    edit.revert(doc)
    assert describe(doc) == before
    edit.apply(doc)  # redo replays the same steps
    assert op1.text[: op1.anchors[0].offset].endswith("Organized Crime (UNTOC),")
