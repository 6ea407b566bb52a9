"""Document templates (issue 3 §3): five bodies/kinds, sandboxed strict rendering, and the
France draft composed from the COP template by edits."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from drafting_app.clauses.document_templates import (
    list_templates,
    new_document,
    render_text,
    template,
)
from drafting_app.corpus.readers import read_document, read_text
from drafting_app.errors import TemplateError
from drafting_app.model import Anchor, Document, DocumentKind, Footnote, Paragraph, Part
from drafting_app.model.conventions import suggestions
from drafting_app.model.describe import describe
from drafting_app.model.edits import Indent, InsertParagraph, MoveParagraph
from drafting_app.model.profiles import PROFILES
from tests.conftest import CORPUS_FILES

FRANCE = {
    "session": "Fourth session",
    "place_and_dates": "Vienna, 8-17 October 2008",
    "sponsors": ["France"],
    "sponsor_note": "On behalf of the States Members of the United Nations that are members "
    "of the European Union.",
}


def test_five_templates_with_their_metadata():
    ts = list_templates()
    assert [t.key for t in ts] == [
        "cop-draft-resolution",
        "cop-resolution",
        "cop-decision",
        "ga-main-committee-draft-resolution",
        "ccpcj-ecosoc-draft-resolution",
    ]
    for t in ts:
        assert t.profile in PROFILES and t.name
        doc = new_document(t.key, title="A title")
        assert (doc.kind, doc.form, doc.title) == (t.kind, t.form, "A title")
        assert doc.unplaced == [] and not doc.preamble and not doc.operative
        assert (doc.masthead is None) == (t.masthead is None)
    assert template("ga-main-committee-draft-resolution").body_profile.page_size == "Letter"


def test_the_cop_draft_text_reads_back_to_the_same_masthead():
    """The template writes the corpus text form faithfully: the reader alone (no help)
    finds every masthead value of a complete masthead in it. (With an agenda item but no
    agenda title the reader would take the title for it: new_document sets the front from
    the values, not from the reading.)"""
    values = {**FRANCE, "symbol": "CTOC/COP/2008/L.4", "date": "9 October 2008",
              "agenda_item": "Agenda item 2 (b) and (d)", "agenda_title": "Review",
              "title": "Implementation"}  # fmt: skip
    text = render_text("cop-draft-resolution", **values)
    read = read_text(text)
    made = new_document("cop-draft-resolution", **values)
    assert read.masthead == made.masthead and read.kind is DocumentKind.DRAFT
    assert read.title == "Implementation" and read.unplaced == []
    assert made.masthead is not None and made.masthead.sponsors == ["France"]


def test_ga_and_ccpcj_structure():
    ga = new_document("ga-main-committee-draft-resolution", symbol="A/C.3/80/L.20")
    assert ga.authoring_body == "The General Assembly,"
    assert ga.masthead is not None and ga.masthead.committee == "Third Committee"
    cc = new_document("ccpcj-ecosoc-draft-resolution", sponsors=["Austria", "Italy"])
    assert cc.authoring_body == "The Economic and Social Council,"
    assert cc.heading == "Draft resolution"
    assert cc.front_matter[0].startswith(
        "The Commission on Crime Prevention and Criminal Justice recommends to the Economic "
        "and Social Council the adoption of the following draft resolution"
    )
    assert "Austria and Italy: draft resolution" in render_text(
        "ccpcj-ecosoc-draft-resolution", sponsors=["Austria", "Italy"]
    )


def test_decision_form_has_a_chapeau():
    plain = new_document("cop-decision", number="12/1")
    assert plain.heading == "Decision 12/1" and plain.chapeau is not None
    assert plain.chapeau.text.endswith("Organized Crime:") and plain.authoring_body == ""
    full = new_document("cop-decision", recitals="recalling its decision 4/4 of 17 October 2008")
    assert full.chapeau is not None
    assert full.chapeau.text.endswith("Crime, recalling its decision 4/4 of 17 October 2008:")
    assert new_document("cop-resolution", number="12/3").heading == "Resolution 12/3"


@pytest.mark.parametrize(
    ("key", "values", "message"),
    [
        ("nope", {}, "No document template"),
        ("cop-resolution", {"symbol": "X"}, "takes no value symbol"),
        ("cop-draft-resolution", {"sponsors": "France"}, "list of names"),
        ("cop-draft-resolution", {"session": 4}, "must be text"),
    ],
)
def test_bad_parameters(key, values, message):
    with pytest.raises(TemplateError, match=message):
        new_document(key, **values)


def _catalogue(folder: Path, body: str) -> Path:
    (folder / "t.txt.j2").write_text(body, encoding="utf-8")
    entry = {"key": "t", "name": "T", "kind": "draft", "form": "resolution",
             "profile": "ctoc-cop", "file": "t.txt.j2", "params": {"title": ""}}  # fmt: skip
    (folder / "catalogue.json").write_text(json.dumps({"templates": [entry]}), "utf-8")
    return folder


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",  # sandbox refusal
        "{{ undefined_value }}",  # strict: a missing value is an error, not a blank
        "{% if %}",  # syntax
    ],
)
def test_hostile_or_broken_templates_raise_template_error(tmp_path: Path, body: str):
    folder = _catalogue(tmp_path, body)
    with pytest.raises(TemplateError):
        new_document("t", folder=folder)


def test_broken_catalogue(tmp_path: Path):
    (tmp_path / "catalogue.json").write_text("{not json", "utf-8")
    with pytest.raises(TemplateError, match="cannot be read"):
        list_templates(tmp_path)


# -- the France draft, composed by edits ---------------------------------------------------


def _copy(p: Paragraph, notes: dict[str, Footnote], corpus: Document) -> tuple[Paragraph, list]:
    """A fresh paragraph (new id) with the corpus text, and new footnotes for its marks."""
    fresh: list[Footnote] = []
    anchors = []
    for a in p.anchors:
        src = corpus.footnote(a.footnote_id)
        note = notes.setdefault(a.footnote_id, Footnote(src.text, list(src.italics)))
        fresh.append(note)
        anchors.append(Anchor(a.offset, note.id))
    return Paragraph(p.text, list(p.italics), anchors), fresh


def _shape(doc: Document) -> dict:
    """describe() without ids: what the reader sees of the text."""
    d = describe(doc)

    def strip(x):
        if isinstance(x, dict):
            return {
                k: strip(v) for k, v in x.items() if k not in ("id", "paragraph", "source_number")
            }
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    return strip({k: d[k] for k in ("kind", "form", "title", "masthead", "authoring_body",
                                    "preamble", "operative", "footnotes")})  # fmt: skip


def test_compose_the_france_draft_from_the_template():
    corpus = read_document(CORPUS_FILES["france_draft"])
    assert corpus.masthead is not None
    doc = new_document("cop-draft-resolution", title=corpus.title, **asdict(corpus.masthead))
    notes: dict[str, Footnote] = {}

    def insert(part: Part, index: int, p: Paragraph) -> Paragraph:
        fresh, fns = _copy(p, notes, corpus)
        InsertParagraph(part, None, index, fresh, fns).apply(doc)
        return fresh

    for i, p in enumerate(corpus.preamble):
        insert(Part.PREAMBLE, i, p)
    op = corpus.operative
    takes_note = insert(Part.OPERATIVE, 0, op[7])  # typed first, dragged into place below
    for p in op[:7]:
        insert(Part.OPERATIVE, len(doc.operative), p)
    MoveParagraph(takes_note.id, Part.OPERATIVE, None, 7).apply(doc)
    insert(Part.OPERATIVE, 8, Paragraph(op[8].text, list(op[8].italics), list(op[8].anchors)))
    for sub in op[8].children:  # (a)–(d) typed as paragraphs, then indented
        Indent(insert(Part.OPERATIVE, 9, sub).id).apply(doc)
        assert len(doc.operative) == 9
    assert _shape(doc) == _shape(corpus)
    assert suggestions(doc, PROFILES["ctoc-cop"]) == []
    labels = [c["number"] for c in describe(doc)["operative"][8]["children"]]
    assert labels == ["(a)", "(b)", "(c)", "(d)"]
