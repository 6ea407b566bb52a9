"""The project loader's limits (issue 11 §3–4), each found by fuzzing: deep nesting, ranges
outside the text, enormous paragraphs and empty ids are refused with a ProjectError naming
the place — before a broken document reaches the editor or an export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from drafting_app.clauses.document_templates import new_document
from drafting_app.corpus.readers import read_document
from drafting_app.errors import ProjectError
from drafting_app.model.document import Paragraph
from drafting_app.storage.project import CorruptProjectError, encode_project, load_project
from drafting_app.storage.validate import MAX_DEPTH, MAX_PARAGRAPH_CHARS
from tests.conftest import CORPUS_FILES


def _project(tmp_path: Path, change: Any) -> Path:
    doc = new_document("cop-draft-resolution")
    doc.operative.append(Paragraph("Decides to remain seized of the matter."))
    data = json.loads(encode_project(doc, {}))
    change(data["document"]["operative"][-1])
    path = tmp_path / "draft.unres.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _refused(path: Path, why: str) -> None:
    with pytest.raises(CorruptProjectError, match=why) as info:
        load_project(path)
    assert "draft.unres.json is not a readable project file" in str(info.value)


def _nest(p: dict[str, Any], depth: int) -> None:
    for i in range(depth):
        child = {"id": f"c{i}", "text": "(a) x;", "children": []}
        p["children"] = [child]
        p = child


def test_nesting_deeper_than_any_document_is_refused(tmp_path: Path) -> None:
    _refused(_project(tmp_path, lambda p: _nest(p, MAX_DEPTH + 1)), "levels deep")
    load_project(_project(tmp_path, lambda p: _nest(p, MAX_DEPTH)))


def test_json_nested_past_the_parser_is_damaged_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "draft.unres.json"
    path.write_text('{"format": "drafting-app-project", "x": ' + "[" * 100_000, encoding="utf-8")
    _refused(path, "nested far too deeply|cut off")
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _refused(path, "nested far too deeply")


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda p: p.update(anchors=[[10_000, "fn"]]), "footnote mark at 10000, outside"),
        (lambda p: p.update(anchors=[[-1, "fn"]]), "outside its text"),
        (lambda p: p.update(italics=[[5, 2]]), "bad span 5..2"),
        (lambda p: p.update(italics=[[0, 10_000]]), "outside its text"),
        (lambda p: p.update(id=" "), "has no id"),
        (lambda p: p.update(text="word " * (MAX_PARAGRAPH_CHARS // 5 + 1)), "more than 200,000"),
    ],
)
def test_values_outside_the_text_are_refused(tmp_path: Path, change: Any, why: str) -> None:
    _refused(_project(tmp_path, change), why)


@pytest.mark.parametrize("key", sorted(CORPUS_FILES))
def test_every_corpus_document_passes_the_checks(key: str, tmp_path: Path) -> None:
    path = tmp_path / "draft.unres.json"
    path.write_bytes(encode_project(read_document(CORPUS_FILES[key]), {}))
    assert load_project(path).document.operative or load_project(path).document.chapeau


def test_refusals_are_project_errors(tmp_path: Path) -> None:
    with pytest.raises(ProjectError):
        load_project(_project(tmp_path, lambda p: p.update(italics=[[5, 2]])))


def test_a_document_past_the_limits_is_not_saved(tmp_path: Path) -> None:
    from drafting_app.storage.project import save_project

    path = tmp_path / "draft.unres.json"
    save_project(new_document("cop-draft-resolution"), path)
    before = path.read_bytes()
    doc = new_document("cop-draft-resolution")
    doc.operative.append(Paragraph("x" * (MAX_PARAGRAPH_CHARS + 1)))
    with pytest.raises(ProjectError, match=r"was not saved: .* more than 200,000 characters"):
        save_project(doc, path)
    assert path.read_bytes() == before
