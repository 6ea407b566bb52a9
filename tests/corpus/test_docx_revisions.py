"""Importing a Word file with tracked changes (issue 17 item 5): the changes of several
authors kept as pending changes — the draft reads with them accepted, its base with them
rejected — each accepted or rejected by the user; moves stay moves; nothing silently
accepted or dropped; the import report counts them; comments kept beside their
paragraph."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

import pytest
from lxml import etree

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.docx import import_docx, read_docx_bytes
from drafting_app.corpus.readers.import_report import Element
from drafting_app.export.docx_writer import docx_bytes
from drafting_app.export.tracked_docx import tracked_docx_bytes
from drafting_app.model.describe import document_text
from drafting_app.revisions.compare import ChangeKind, compare
from drafting_app.revisions.decisions import comparison_of, decide_all
from tests.corpus.test_docx_features import AUTHOR as AUTHORING_BODY
from tests.corpus.wordbuild import SEPARATORS, make_docx, para, run, typed
from tests.revisions.pairs import REAL_ROLLOVERS, make_rollover
from tests.revisions.texts import structure_of

WHEN = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read(data: bytes):
    return read_docx_bytes(data, "clean.docx")


def _two_authors(data: bytes) -> bytes:
    """The tracked file as two delegations made it: the revisions of every other
    paragraph are the G77's, the others the EU's."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                root = etree.fromstring(blob)
                for i, p in enumerate(root.iter(f"{W}p")):
                    for el in p.iter():
                        if el.get(f"{W}author") is not None:
                            el.set(f"{W}author", "G77 and China" if i % 2 else "EU")
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            z.writestr(info.filename, blob)
    return out.getvalue()


@pytest.fixture(scope="module")
def pairs():
    r = make_rollover("resolution_10_3")
    b, n = REAL_ROLLOVERS["icc_2018_2025"]
    return {"made": (r.base, r.new), "icc": (read_document(b), read_document(n))}


@pytest.mark.parametrize("name", ["made", "icc"])
def test_tracked_changes_come_back_pending(pairs, name: str):
    base, new = pairs[name]
    data = _two_authors(tracked_docx_bytes(compare(base, new), author="x", when=WHEN))
    doc, report = import_docx(data, f"{name}.docx")
    assert doc.revision_base is not None
    # The draft is the text with every change accepted, its base with every one rejected.
    assert structure_of(doc) == structure_of(_read(docx_bytes(new)))
    assert structure_of(doc.revision_base.document) == structure_of(_read(docx_bytes(base)))

    # The same changes as the two texts have: renumbering is still no change. (A note the
    # 2018 text marks twice is two Word footnotes: the base's note numbers after it move.)
    def seen(c):
        return (c.new_name if c.target == "footnote" else c.label, c.description)

    want = [seen(c) for c in compare(base, new).changes]
    got = [seen(c) for c in comparison_of(doc).changes]
    assert got == want
    assert sorted(doc.revision_base.authors()) == ["EU", "G77 and China"]
    authored = [c for c in comparison_of(doc).changes if c.authors]
    assert len(authored) >= len(want) - 1  # a change is told by its author's words
    counts = report.counts()
    z = zipfile.ZipFile(io.BytesIO(data))
    revisions = sum(
        len(re.findall(rb"<w:(?:ins|del|moveFrom|moveTo) ", z.read(part)))
        for part in z.namelist()
        if part.startswith("word/") and part.endswith(".xml")
    )
    assert counts[str(Element.PENDING_CHANGE)] == revisions
    assert {i.text.split(":")[0] for i in report.of(Element.PENDING_AUTHOR)} == {
        "EU", "G77 and China"
    }  # fmt: skip
    assert not [i for i in report.left_out() if i.kind is Element.PENDING_CHANGE]


@pytest.mark.parametrize("accept", [True, False], ids=["accept-all", "reject-all"])
def test_the_user_decides_every_imported_change(pairs, accept: bool):
    base, new = pairs["made"]
    data = _two_authors(tracked_docx_bytes(compare(base, new), author="x", when=WHEN))
    doc, _ = import_docx(data, "made.docx")
    decide_all(doc, accept)
    assert comparison_of(doc).empty
    want = new if accept else base
    assert structure_of(doc) == structure_of(_read(docx_bytes(want)))


def test_a_moved_paragraph_comes_back_as_a_move(pairs):
    base, new = pairs["made"]
    data = tracked_docx_bytes(compare(base, new), author="EU", when=WHEN)
    doc, _ = import_docx(data, "made.docx")
    moved = [c for c in comparison_of(doc).changes if c.kind is ChangeKind.MOVED]
    assert [c.label for c in moved] == ["OP6 → OP17"]
    assert moved[0].authors == ("EU",)


def test_exported_again_the_changes_keep_their_authors(pairs):
    base, new = pairs["made"]
    data = _two_authors(tracked_docx_bytes(compare(base, new), author="x", when=WHEN))
    doc, _ = import_docx(data, "made.docx")
    again = tracked_docx_bytes(comparison_of(doc), author="Penholder", when=WHEN)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(again)).read("word/document.xml"))
    authors = {el.get(f"{W}author") for el in root.iter(f"{W}ins", f"{W}del")}
    assert {"EU", "G77 and China"} <= authors


def _ins(author: str, text: str, i: int) -> str:
    return (
        f'<w:ins w:id="{i}" w:author="{author}" w:date="2025-03-01T09:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'
    )


def _del(author: str, text: str, i: int) -> str:
    return (
        f'<w:del w:id="{i}" w:author="{author}" w:date="2025-03-02T09:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def test_a_hand_made_word_file_with_two_reviewers_and_comments():
    """What a delegation's Word sends back: insertions and deletions by two reviewers, a
    title set in italics by a formatting change, a comment on a paragraph."""
    body = (
        AUTHORING_BODY
        + para(run("Recalling", italic=True), run(" its resolution 78/1,"))
        + typed("1.", "Requests", " the Secretary-General to report",
                _ins("EU", " annually", 1), run(";"))
        + para(
            run("2."), "<w:r><w:tab/></w:r>",
            '<w:commentRangeStart w:id="5"/>',
            run("Decides", italic=True), run(" to remain seized of the matter"),
            _del("United States", " within existing resources", 2),
            '<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r>',
            run("."),
        )
        + para(
            run("3."), "<w:r><w:tab/></w:r>",
            run("Invites", italic=True), run(" Member States to read the "),
            '<w:r><w:rPr><w:i/><w:rPrChange w:id="3" w:author="EU" w:date="2025-03-01T10:00:00Z">'
            "<w:rPr/></w:rPrChange></w:rPr><w:t>World Drug Report</w:t></w:r>",
            run("."),
        )
    )  # fmt: skip
    comments = (
        '<w:comment w:id="5" w:author="G77 and China" w:initials="G77" '
        'w:date="2025-03-03T08:00:00Z"><w:p><w:r><w:t>We cannot accept this deletion.</w:t>'
        "</w:r></w:p></w:comment>"
    )
    data = make_docx(body, footnotes=SEPARATORS, comments=comments)
    doc, report = import_docx(data, "reply.docx")
    assert doc.revision_base is not None
    base = doc.revision_base.document
    assert [p.text for p in doc.operative] == [
        "Requests the Secretary-General to report annually;",
        "Decides to remain seized of the matter.",
        "Invites Member States to read the World Drug Report.",
    ]
    assert [p.text for p in base.operative] == [
        "Requests the Secretary-General to report;",
        "Decides to remain seized of the matter within existing resources.",
        "Invites Member States to read the World Drug Report.",
    ]
    # EU set the title in italics: a pending change of those words.
    assert [(s.start, s.end) for s in doc.operative[2].italics] == [(0, 7), (34, 51)]
    assert [(s.start, s.end) for s in base.operative[2].italics] == [(0, 7)]
    changes = comparison_of(doc).changes
    assert [(c.label, c.authors) for c in changes] == [
        ("OP1", ("EU",)),
        ("OP2", ("United States",)),
        ("OP3", ("EU",)),
    ]
    assert changes[1].dates == ("2025-03-02T09:00:00Z",)
    (comment,) = doc.comments
    assert comment.author == "G77 and China" and comment.initials == "G77"
    assert comment.text == "We cannot accept this deletion."
    assert comment.paragraph_id == doc.operative[1].id
    assert comment.quoted == "Decides to remain seized of the matter"
    assert report.of(Element.COMMENT) and not [
        i for i in report.left_out() if i.kind in (Element.COMMENT, Element.PENDING_CHANGE)
    ]
    # Nothing is silently accepted or dropped: every word is in the draft or its base.
    held = document_text(doc) + document_text(base)
    for word in ("annually", "within existing resources", "We cannot accept"):
        assert word in held + "\n".join(c.text for c in doc.comments)


def test_a_file_without_tracked_changes_has_no_base():
    data = docx_bytes(make_rollover("france_draft").new)
    doc, report = import_docx(data, "clean.docx")
    assert doc.revision_base is None and not report.of(Element.PENDING_CHANGE)
