"""The app's own PDF (File › Export as PDF, ``export --pdf``) imports as the text it was
made from. Before, every one was refused ("does not read as a resolution or decision"):
Qt's text layer separates words with tabs, breaks a line at every change of font (each
italic opening phrase, each mark) and gives no paragraph's first line a space, so no
paragraph could be told from a wrapped line. The reader now places Qt's runs by position
(corpus/readers/own_pdf.py).

Every real text of tests/data is exported with the app's PDF writer and read back: the
same parts, paragraphs, notes, title, heading and masthead, word for word — except where
the PDF itself prints something else, each named below with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_documents
from drafting_app.corpus.readers.pdf import read_pdf_bytes
from drafting_app.corpus.readers.text import FUNCTION_WORD_RE
from drafting_app.errors import FormatError
from drafting_app.gui.files.pdf_export import pdf_bytes
from drafting_app.model.document import Annex, Document, Heading
from drafting_app.model.numbering import paragraph_labels
from tests.conftest import REALDOCS, ROOT

TEXTS = sorted(
    [
        *(REALDOCS / "ga").glob("*.txt"),
        *(REALDOCS / "ga-more").glob("*.txt"),
        *(REALDOCS / "pdf").glob("*.pdf"),
        *(REALDOCS / "railcar").glob("A_RES_80_*.md"),
        *(ROOT / "tests" / "data" / "shapes").glob("*.txt"),
        *(ROOT / "resources" / "corpus").glob("*.txt"),
    ]
)

# What the PDF prints otherwise than the text it was made from: read as printed.
PRINTED_OTHERWISE = {
    # A note marked again further on is printed again with the next number (UN_FORMAT.md
    # §4, as Word does): the PDF has more notes than the text's list.
    "A_RES_73_6-EN.pdf": "a note printed again",
    "A_RES_73_7-EN.pdf": "a note printed again",
    # Characters Qt draws as space, not text: U+200D, U+202F; and a double space.
    "GA-decision-79-512_paros-oewg-2024.txt": "a zero-width joiner and a double space",
    "GA-decision-79-537-ABC_lldc-conference-2024.txt": "a narrow no-break space",
    # The source's own asterisks ("*Model Law …*" in the text) are printed as italics.
    "003_8415577429e917a7.txt": "italics written as asterisks in the source",
}


def _cut_title(doc: Document) -> bool:
    """A title the extraction cut in the middle ("… accelerating the", railcar's texts of
    A/RES/80/16, 80/39 …): read back, the line after it continues it, as the text reader
    joins any line after one that ends on a word no title or paragraph ends with."""
    return bool(FUNCTION_WORD_RE.search(doc.title.strip()))


def _front(doc: Document) -> tuple[object, ...]:
    mh = doc.masthead
    fields = None if mh is None else (mh.symbol, mh.body, mh.session, mh.agenda_item, mh.date)
    return (doc.heading, doc.title, doc.authoring_body, fields, doc.front_matter, doc.adoption)


def _blocks(annex: Annex) -> list[str]:
    return [b.text if isinstance(b, Heading) else "paragraph" for b in annex.blocks]


def test_the_suite_reads_every_real_text() -> None:
    assert len(TEXTS) == 10 + 3 + 4 + 53 + 5 + 12


@pytest.mark.slow
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_apps_own_pdf_reads_back_as_its_text(qtbot: QtBot, path: Path) -> None:
    doc = read_documents(path)[0]
    back = read_pdf_bytes(pdf_bytes(doc), path.stem + ".pdf")
    if _cut_title(doc):
        assert len(back.operative) == len(doc.operative)  # read, not refused
        return
    parts = (len(doc.preamble), len(doc.operative), len(list(doc.all_paragraphs())))
    assert (len(back.preamble), len(back.operative), len(list(back.all_paragraphs()))) == parts
    if path.name in PRINTED_OTHERWISE:
        return
    assert _front(back) == _front(doc)
    assert [p.text for p in back.all_paragraphs()] == [p.text for p in doc.all_paragraphs()]
    labels = paragraph_labels(doc)
    back_labels = paragraph_labels(back)
    assert [back_labels.get(p.id) for p in back.all_paragraphs()] == [
        labels.get(p.id) for p in doc.all_paragraphs()
    ]
    assert [f.text for f in back.footnotes] == [f.text for f in doc.footnotes]
    # The annexes' headings stand where they did ("Article 8" at the head of a page).
    assert [_blocks(a) for a in back.annexes] == [_blocks(a) for a in doc.annexes]
    # Each mark is where it was: after the same words.
    marks = [[a.offset for a in p.anchors] for p in doc.all_paragraphs()]
    assert [[a.offset for a in p.anchors] for p in back.all_paragraphs()] == marks


def test_an_empty_pdf_of_the_app_is_refused_with_a_message(qtbot: QtBot) -> None:
    """A PDF the app wrote with nothing of a resolution in it (a draft with no text)."""
    empty = read_documents(ROOT / "tests" / "data" / "shapes" / "ecosoc_resolution-form.txt")[0]
    empty.preamble, empty.operative, empty.footnotes = [], [], []
    empty.title = empty.heading = empty.authoring_body = ""
    empty.front_matter = []
    empty.masthead = None
    with pytest.raises(FormatError, match="resolution or decision"):
        read_pdf_bytes(pdf_bytes(empty), "empty.pdf")
