"""An issued UN PDF's text layer saved as plain text, every printed line a line (poppler's
``pdftotext``, a PDF viewer's "save as text"; tests/data/realdocs/pdftotext): read as the
PDF itself is read — the same paragraphs, footnotes, masthead, title and adoption, and so
the same check findings. It was read as a page-by-page extract before, which lost most
paragraph breaks (A/RES/73/8: 6 of 8 preambular paragraphs, no operative paragraph) and
made the checker report 47 false errors on these four texts."""

from __future__ import annotations

import pytest

from drafting_app.checks.findings import Severity
from drafting_app.checks.runner import run_checks
from drafting_app.corpus.readers import decode_text, read_document
from drafting_app.corpus.readers.textlayer import is_text_layer, mend_glyph_gaps
from drafting_app.corpus.registry import Registry
from drafting_app.model.document import Document, Paragraph
from tests.conftest import CORPUS_FILES, REALDOCS

LAYER = REALDOCS / "pdftotext"

# By hand from the PDFs (tests/data/realdocs/INDEX.md, pdftotext/).
EXPECTED = {
    "A_RES_73_3-EN": (0, 1, 53, 7, "A/RES/73/3", "18 October 2018", "18th plenary meeting"),
    "A_RES_73_6-EN": (25, 14, 0, 6, "A/RES/73/6", "31 October 2018", "26th plenary meeting"),
    "A_RES_73_7-EN": (13, 28, 0, 9, "A/RES/73/7", "31 October 2018", "28th plenary meeting"),
    "A_RES_73_8-EN": (8, 5, 0, 1, "A/RES/73/8", "5 November 2018", "30th plenary meeting"),
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The bundled corpus, as the application checks against it by default."""
    return Registry.from_documents([(k, read_document(p)) for k, p in CORPUS_FILES.items()])


def _paragraphs(doc: Document) -> list[Paragraph]:
    annexed = [b for a in doc.annexes for b in a.blocks if isinstance(b, Paragraph)]
    return [q for p in [*doc.preamble, *doc.operative, *annexed] for q in p.walk()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_text_layer_reads_as_its_pdf(name: str, registry: Registry) -> None:
    pre, op, annexed, notes, symbol, date, meeting = EXPECTED[name]
    path = LAYER / f"{name}.txt"
    assert is_text_layer(decode_text(path.read_bytes(), path.name))
    doc = read_document(path)
    assert (len(doc.preamble), len(doc.operative), len(doc.footnotes)) == (pre, op, notes)
    assert sum(isinstance(b, Paragraph) for a in doc.annexes for b in a.blocks) == annexed
    assert doc.masthead is not None
    assert (doc.masthead.symbol, doc.masthead.date) == (symbol, date)
    assert doc.heading == f"{symbol.removeprefix('A/RES/')}."
    assert doc.adoption.startswith(meeting)
    # the same reading as the PDF's: every footnote, and nearly every paragraph to the
    # letter (poppler loses some non-breaking hyphens the PDF reader keeps, "people centred")
    pdf = read_document(REALDOCS / "pdf" / f"{name}.pdf")
    assert [f.text for f in doc.footnotes] == [f.text for f in pdf.footnotes]
    assert doc.title == pdf.title
    mine, theirs = _paragraphs(doc), _paragraphs(pdf)
    assert len(mine) == len(theirs)
    same = sum(a.text == b.text for a, b in zip(mine, theirs, strict=True))
    assert same >= 0.75 * len(mine)  # A/RES/73/3: 42 of 54 (poppler lost 12 hyphens)
    marks = [[a.offset for a in p.anchors] for p in mine]
    assert sum(len(m) for m in marks) == sum(len(p.anchors) for p in theirs)
    # and therefore the same findings, none of them an error
    findings = [(f.code, f.severity, f.message) for f in run_checks(doc, registry)]
    assert findings == [(f.code, f.severity, f.message) for f in run_checks(pdf, registry)]
    assert all(severity is not Severity.ERROR for _, severity, _ in findings)


def test_page_furniture_and_running_titles_are_not_text() -> None:
    doc = read_document(LAYER / "A_RES_73_3-EN.txt")
    texts = [p.text for p in _paragraphs(doc)] + [f.text for f in doc.footnotes]
    for furniture in ("18-16895", "*1816895*", "2/10", "A/RES/73/3"):
        assert not any(furniture in t for t in texts), furniture
    # the running title stands over the symbol on even pages and under it on odd ones
    running = "Political declaration of the high-level meeting of the General Assembly"
    assert not any(running in t for t in texts)
    # a page break after a comma does not end the paragraph ("… of tuberculosis," / "HIV")
    assert not any(t.startswith("HIV and AIDS") for t in texts)


def test_a_note_cut_by_the_page_goes_on_under_the_next_rule() -> None:
    doc = read_document(LAYER / "A_RES_73_6-EN.txt")
    note = doc.footnotes[5].text
    assert note.startswith("Related documents include A/AC.105/1129")
    assert note.endswith("A/AC.105/1180 and A/AC.105/1181.")


def test_glyph_gaps_are_mended_by_the_documents_own_words() -> None:
    texts = [
        "the first Confere nce on the Exploration, the Conference of the Parties",
        "missing out o n quality care, th e disease; the high -level meeting",
        "the Commission on the Status of Women ’s rights in the “Countries ”,",
        "per cent in to the",
        "25 per cent of the cent",
        "percent into the",  # both joined forms stand elsewhere, but so do their pieces
    ]
    mended = mend_glyph_gaps(texts)
    assert mended[0] == "the first Conference on the Exploration, the Conference of the Parties"
    assert mended[1] == "missing out on quality care, the disease; the high-level meeting"
    assert mended[2] == "the Commission on the Status of Women’s rights in the “Countries”,"
    assert mended[3] == "per cent in to the"
    # a piece the document prints nowhere else as a word, but no whole word either: left
    assert mend_glyph_gaps(["a void reliance"]) == ["a void reliance"]


def test_the_other_text_forms_are_not_taken_for_a_text_layer() -> None:
    others = [
        *sorted((REALDOCS / "ga").glob("*.txt")),
        *sorted((REALDOCS / "ga-more").glob("*.txt")),
        *sorted((REALDOCS / "railcar").glob("*.*")),
        *sorted((REALDOCS / "mun-docx").glob("*.txt")),
    ]
    assert len(others) > 80
    for path in others:
        assert not is_text_layer(decode_text(path.read_bytes(), path.name)), path.name


def test_a_form_feed_is_a_new_line() -> None:
    """pdftotext ends each page with a form feed: a page break, not a control character
    to replace by a space (which glued the next page's first line to the last)."""
    text = decode_text(b"Recalling its resolution 1/1,\x0cRecalling also 2/2,\n", "x.txt")
    assert text == "Recalling its resolution 1/1,\nRecalling also 2/2,\n"
