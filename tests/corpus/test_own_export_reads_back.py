"""Issue 20 item 5: the app's own export imports as the draft it was — not only "nothing
left out" in the report, but the same front (kind, title, masthead body, sponsors) and the
same paragraphs. Found on the user walk: a Model UN draft (a masthead without "Distr.")
came back with its masthead, sponsors and title run together as the title and as an
adopted resolution; a CCPCJ draft came back with "Economic and Social Council" (the organ
printed large in its masthead) as its body and the Commission's name in its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting_app.clauses.document_templates import list_templates, new_document
from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.docx import import_docx
from drafting_app.export.docx_writer import docx_bytes
from drafting_app.model.document import Document, Form, Heading, Paragraph, Span
from drafting_app.model.numbering import paragraph_labels
from tests.conftest import CORPUS_FILES, REALDOCS

MUN = REALDOCS / "mun-docx"


def front(doc: Document) -> tuple[object, ...]:
    mh = doc.masthead
    return (
        doc.kind,
        doc.heading,
        doc.title,
        doc.authoring_body,
        None if mh is None else (mh.body, mh.symbol, tuple(mh.sponsors), mh.document_type),
        None if mh is None else (mh.session, mh.agenda_item, mh.distribution, mh.date),
    )


def paragraphs(doc: Document) -> list[str]:
    return [p.text for p in doc.all_paragraphs()]


def _drafts() -> dict[str, Document]:
    out = {p.name: read_document(p) for p in sorted(MUN.glob("*_reso.*"))}
    out["problematic"] = read_document(MUN / "MUN_Eddy12597_test_problematic.docx")
    for t in list_templates():  # a draft from each template, filled as a drafter would
        given: dict[str, object] = {"title": "Countering trafficking in persons"}
        if "number" in t.params:
            given["number"] = "11/2"
        if "sponsors" in t.parameters():
            given["sponsors"] = ["France", "Italy"]
        doc = new_document(t.key, **given)
        if doc.form is not Form.DECISION:  # the lettered form has its chapeau only
            doc.preamble.append(
                Paragraph(text="Recalling its resolution 5/2,", italics=[Span(0, 9)])
            )
        doc.operative.append(Paragraph(text="Decides to continue its work;"))
        doc.operative.append(Paragraph(text="Requests a report.", italics=[Span(0, 8)]))
        out[t.key] = doc
    for key, path in CORPUS_FILES.items():
        out[key] = read_document(path)
    return out


DRAFTS = _drafts()


@pytest.mark.parametrize("key", sorted(DRAFTS))
def test_the_export_reads_back_as_the_same_draft(key: str) -> None:
    doc = DRAFTS[key]
    again, report = import_docx(docx_bytes(doc), f"{key}.docx")
    assert front(again) == front(doc)
    assert paragraphs(again) == paragraphs(doc)
    assert report.left_out() == [] and report.changes() == []


REAL_TEXTS = sorted(
    [
        *(REALDOCS / "ga").glob("*.txt"),
        *(REALDOCS / "ga-more").glob("*.txt"),
        *(REALDOCS.parent / "shapes").glob("*.txt"),
    ]
)


def _after_the_text(doc: Document) -> tuple[object, ...]:
    """The adoption line, then each annex: its lines, headings and numbers as printed."""
    labels = paragraph_labels(doc)
    annexes = tuple(
        (
            a.title,
            tuple(a.lines),
            tuple(b.text if isinstance(b, Heading) else labels[b.id] for b in a.blocks),
        )
        for a in doc.annexes
    )
    return (doc.adoption, annexes)


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.name)
def test_a_real_text_reads_back_with_its_adoption_line_and_annexes(path: Path) -> None:
    """The meeting line and its date (two lines, before the annex), a Human Rights
    Council's record of the vote, an annexed convention's headings and numbering within
    its articles: exported to Word and imported, as they were read."""
    doc = read_document(path)
    again, _ = import_docx(docx_bytes(doc), path.stem + ".docx")
    assert _after_the_text(again) == _after_the_text(doc)
    assert paragraphs(again) == paragraphs(doc)
