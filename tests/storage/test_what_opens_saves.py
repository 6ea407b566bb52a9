"""What opens can be saved and exported (issue 22 §9): a project holding a lone surrogate
(\\ud800) or a control character loaded, then Save raised UnicodeEncodeError and the Word
export XMLSyntaxError. The loader now repairs such characters (and says so) and refuses
texts larger than the writers write; the writers repair what reaches them anyway."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from drafting_app.clauses.document_templates import new_document
from drafting_app.export.docx_writer import docx_bytes
from drafting_app.model.document import Paragraph
from drafting_app.storage.project import (
    CorruptProjectError,
    encode_project,
    load_project,
    save_project,
)


def _file(tmp_path: Path, **document: object) -> Path:
    data = json.loads(encode_project(new_document("cop-draft-resolution"), {}))
    data["document"].update(document)
    path = tmp_path / "hostile.unres.json"
    path.write_text(json.dumps(data), encoding="ascii")  # \ud800 written as an escape
    return path


def test_a_lone_surrogate_and_control_characters_are_repaired_on_opening(tmp_path: Path) -> None:
    path = _file(tmp_path, title="Draft \ud800 title", heading="Draft\x0bresolution")
    project = load_project(path)
    assert project.document.title == "Draft \ufffd title"
    assert project.document.heading == "Draft resolution"
    assert "2 characters" in project.repairs and not project.read_only
    save_project(project.document, tmp_path / "again.unres.json")  # raised before
    assert load_project(tmp_path / "again.unres.json").repairs == ""
    assert docx_bytes(project.document)  # raised XMLSyntaxError before


@pytest.mark.parametrize("field", ["title", "heading", "authoring_body", "adoption"])
def test_a_text_larger_than_the_writers_write_is_refused_with_its_place(
    tmp_path: Path, field: str
) -> None:
    path = _file(tmp_path, **{field: "x" * 300_000})
    with pytest.raises(CorruptProjectError, match=f"{field.replace('_', ' ')} has more than"):
        load_project(path)


def test_a_model_holding_a_lone_surrogate_still_saves(tmp_path: Path) -> None:
    doc = new_document("cop-draft-resolution")
    doc.operative.append(Paragraph("Requests \ud800 the report;"))
    save_project(doc, tmp_path / "d.unres.json")
    assert load_project(tmp_path / "d.unres.json").document.operative[-1].text == (
        "Requests \ufffd the report;"
    )


def test_the_word_export_repairs_control_characters_that_reach_it() -> None:
    doc = new_document("cop-draft-resolution")
    doc.title = "Title\x01"
    doc.operative.append(Paragraph("Requests\x0b the report;"))
    with zipfile.ZipFile(io.BytesIO(docx_bytes(doc))) as zf:  # XMLSyntaxError before
        body = zf.read("word/document.xml").decode("utf-8")
        core = zf.read("docProps/core.xml").decode("utf-8")
    assert " the report;" in body and "\x0b" not in body
    assert "<dc:title>Title" in core and "\x01" not in core
