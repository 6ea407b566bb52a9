"""Export with changes (issue 17 item 3): genuine Word revisions whose Accept All gives the
draft and Reject All the base — every printed paragraph, typed number, italic and footnote
— on rollovers made from real texts and on the real rollovers of 2018 → 2025; with no
change the file is the clean export; golden revision XML."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from lxml import etree

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.docx import read_docx_bytes
from drafting_app.export.docx_writer import docx_bytes
from drafting_app.export.tracked_docx import DEFAULT_AUTHOR, tracked_docx_bytes
from drafting_app.model import Document, deterministic_ids
from drafting_app.revisions.compare import compare
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.export.docx_helpers import assert_golden, canonical
from tests.export.tracked_helpers import (
    W,
    decided,
    header_text,
    paragraph_properties,
    part,
    printed,
)
from tests.revisions.pairs import REAL_ROLLOVERS, SOURCES, all_pairs, make_rollover
from tests.revisions.texts import structure_of

WHEN = datetime(2025, 9, 15, 10, 30, tzinfo=UTC)
AUTHOR = "Penholder (Mexico)"


PAIRS = all_pairs(form_changes=True)
IDS = [p[0] for p in PAIRS]


@pytest.fixture(scope="module", params=PAIRS, ids=IDS)
def tracked(request: pytest.FixtureRequest) -> tuple[Document, Document, bytes]:
    _, base, new = request.param
    return base, new, tracked_docx_bytes(compare(base, new), author=AUTHOR, when=WHEN)


def test_accept_all_gives_the_draft_exactly(tracked):
    _, new, data = tracked
    accepted = decided(data, accept=True)
    clean = docx_bytes(new, when=WHEN)
    assert printed(accepted) == printed(clean)
    assert header_text(accepted) == header_text(clean)
    assert paragraph_properties(accepted) == paragraph_properties(clean)


def test_reject_all_gives_the_base_exactly(tracked):
    base, _, data = tracked
    rejected = decided(data, accept=False)
    clean = docx_bytes(base, when=WHEN)
    assert printed(rejected) == printed(clean)
    assert header_text(rejected) == header_text(clean)
    assert paragraph_properties(rejected) == paragraph_properties(clean)


def test_the_decided_files_read_back_with_their_structure_and_numbers(tracked):
    """Read by the app's own Word reader: the same structure, typed numbers and footnotes
    as the clean export of each side (a note marked twice may be one Word footnote or
    two: each mark is compared by its note's text)."""
    base, new, data = tracked
    for accept, doc in ((True, new), (False, base)):
        got = read_docx_bytes(decided(data, accept), "decided.docx")
        want = read_docx_bytes(docx_bytes(doc, when=WHEN), "clean.docx")
        assert structure_of(got) == structure_of(want)


def test_every_revision_has_an_author_and_a_date(tracked):
    _, _, data = tracked
    for name in ("word/document.xml", "word/footnotes.xml"):
        root = etree.fromstring(part(data, name))
        for el in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"):
            assert el.get(f"{W}author") == AUTHOR
            # (two minutes later where LibreOffice would join it to the paragraph before)
            assert el.get(f"{W}date") in ("2025-09-15T10:30:00Z", "2025-09-15T10:32:00Z")
            assert el.get(f"{W}id")
    settings = etree.fromstring(part(data, "word/settings.xml"))
    assert settings.find(f"{W}trackRevisions") is not None


def test_deleted_text_is_deltext_and_inserted_text_is_text(tracked):
    _, _, data = tracked
    root = etree.fromstring(part(data, "word/document.xml"))
    for el in root.iter(f"{W}del", f"{W}moveFrom"):
        assert el.find(f".//{W}t") is None
    for el in root.iter(f"{W}ins", f"{W}moveTo"):
        if el.getparent().tag != f"{W}rPr":
            assert el.find(f".//{W}delText") is None


def _revised(p) -> bool:
    """A paragraph with a revision other than its typed label's."""
    for el in p.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"):
        text = "".join(t.text or "" for t in el.iter(f"{W}t", f"{W}delText"))
        if el.getparent().tag == f"{W}rPr" or not re.fullmatch(r"\d+\.|\([a-z]+\)", text):
            return True
    return False


@pytest.mark.parametrize("key", sorted(SOURCES))
def test_revisions_only_where_something_changed(key: str):
    """PP2 and OP2 reworded, OP3 inserted, OP5 deleted, OP6 moved (two places): six
    paragraphs carry revisions; every other paragraph at most a renumbered label; in the
    notes, only the reworded one and those whose mark is itself inserted or deleted."""
    r = make_rollover(key)
    data = tracked_docx_bytes(compare(r.base, r.new), author=AUTHOR, when=WHEN)
    root = etree.fromstring(part(data, "word/document.xml"))
    body = root.find(f"{W}body")
    revised = [p for p in body.iter(f"{W}p") if _revised(p)]
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")) for p in revised]
    assert len(revised) == 6, texts
    moved = [p for p in revised if p.find(f".//{W}moveFrom") is not None]
    arrived = [p for p in revised if p.find(f".//{W}moveTo") is not None]
    assert len(moved) == len(arrived) == 1
    name_from = moved[0].find(f"{W}moveFromRangeStart").get(f"{W}name")
    assert arrived[0].find(f"{W}moveToRangeStart").get(f"{W}name") == name_from
    # Whole paragraphs inserted, deleted or moved also mark their paragraph mark.
    marks = [p for p in revised if p.find(f"{W}pPr/{W}rPr") is not None]
    assert len(marks) == 4
    notes = etree.fromstring(part(data, "word/footnotes.xml"))
    in_revision = set()
    for el in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"):
        in_revision |= {ref.get(f"{W}id") for ref in el.iter(f"{W}footnoteReference")}
    reworded = [
        fn.get(f"{W}id")
        for fn in notes.iter(f"{W}footnote")
        if fn.find(f".//{W}ins") is not None or fn.find(f".//{W}del") is not None
        if fn.get(f"{W}id") not in in_revision
    ]
    assert len(reworded) == 1  # the footnote whose text changed ("… and Corr.1.")
    (note,) = [fn for fn in notes.iter(f"{W}footnote") if fn.get(f"{W}id") == reworded[0]]
    inserted = "".join(t.text or "" for el in note.iter(f"{W}ins") for t in el.iter(f"{W}t"))
    deleted = "".join(t.text or "" for el in note.iter(f"{W}del") for t in el.iter(f"{W}delText"))
    # The last word changes with its full stop: " 39574." → " 39574 and Corr.1."
    assert inserted == deleted.rstrip(".") + " and Corr.1."


def test_a_new_footnote_is_an_inserted_footnote():
    r = make_rollover("resolution_10_3")
    data = tracked_docx_bytes(compare(r.base, r.new), author=AUTHOR, when=WHEN)
    root = etree.fromstring(part(data, "word/document.xml"))
    notes = etree.fromstring(part(data, "word/footnotes.xml"))
    by_id = {fn.get(f"{W}id"): fn for fn in notes.iter(f"{W}footnote")}
    inserted_refs = [
        ref.get(f"{W}id") for el in root.iter(f"{W}ins") for ref in el.iter(f"{W}footnoteReference")
    ]
    texts = {i: "".join(t.text or "" for t in by_id[i].iter(f"{W}t")) for i in inserted_refs}
    assert any(t.strip() == "A/80/123, annex." for t in texts.values())
    for i in inserted_refs:
        assert by_id[i].find(f".//{W}ins") is not None  # its text is inserted too


@pytest.mark.parametrize(
    "path",
    [*CORPUS_FILES.values(), *sorted((REALDOCS / "ga").glob("*.txt"))],
    ids=lambda p: p.stem[:30],
)
def test_with_no_change_the_tracked_export_is_the_clean_export(path):
    doc = read_document(path)
    tracked = tracked_docx_bytes(compare(doc, doc), when=WHEN)
    clean = docx_bytes(doc, when=WHEN)
    for name in ("word/document.xml", "word/footnotes.xml", "word/header2.xml"):
        assert part(tracked, name) == part(clean, name), name


def test_the_user_name_signs_the_changes_and_a_default_stands_in():
    r = make_rollover("france_draft")
    data = tracked_docx_bytes(compare(r.base, r.new), when=WHEN)
    root = etree.fromstring(part(data, "word/document.xml"))
    assert {el.get(f"{W}author") for el in root.iter(f"{W}ins")} == {DEFAULT_AUTHOR}


def test_golden_revision_xml():
    """The revision XML of a small rollover of the France draft, canonicalised."""
    with deterministic_ids():
        r = make_rollover("france_draft")
        data = tracked_docx_bytes(compare(r.base, r.new), author=AUTHOR, when=WHEN)
    assert_golden(canonical(part(data, "word/document.xml")), "france_rollover.document.xml")
    assert_golden(canonical(part(data, "word/footnotes.xml")), "france_rollover.footnotes.xml")


def test_a_note_marked_twice_is_one_word_footnote_per_mark():
    """A/RES/73/7 read from its PDF marks two notes twice. A Word footnote has one
    reference: LibreOffice reads notes in reference order, so one note for two references
    shifted every later note (footnote 9 came out empty)."""
    doc = read_document(REAL_ROLLOVERS["icc_2018_2025"][0])
    marks = [a.footnote_id for p in doc.all_paragraphs() for a in p.anchors]
    assert len(marks) == len(doc.footnotes) + 2
    data = docx_bytes(doc, when=WHEN)
    root = etree.fromstring(part(data, "word/document.xml"))
    refs = [r.get(f"{W}id") for r in root.iter(f"{W}footnoteReference")]
    assert len(refs) == len(set(refs)) == len(marks)
    notes = etree.fromstring(part(data, "word/footnotes.xml"))
    ids = [fn.get(f"{W}id") for fn in notes.iter(f"{W}footnote") if not fn.get(f"{W}type")]
    assert ids == refs  # in the order of their references
