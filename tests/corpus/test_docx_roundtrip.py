"""Round trip (issue 8 §5): each of the five corpus documents written as a UN-layout Word
file and imported back has the same structure and the same text, every character,
footnotes and masthead included."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.readers.docx import import_docx
from drafting_app.corpus.readers.import_report import Element
from drafting_app.model import Document
from drafting_app.model.describe import describe, document_text
from tests.conftest import CORPUS_FILES
from tests.corpus.unlayout import un_layout_docx

Writer = Callable[[Document], bytes]
WRITERS: dict[str, Writer] = {"python-docx UN layout": un_layout_docx}


def shape(doc: Document) -> dict[str, Any]:
    """describe() without the generated ids; anchors point to paragraph positions."""
    position = {p.id: i for i, p in enumerate(doc.all_paragraphs())}

    def clean(x: Any) -> Any:
        if isinstance(x, dict):
            out = {k: clean(v) for k, v in x.items() if k != "id"}
            if "paragraph" in out and isinstance(x.get("paragraph"), str):
                out["paragraph"] = position.get(x["paragraph"])
            return out
        if isinstance(x, list):
            return [clean(v) for v in x]
        return x

    return clean(describe(doc))


@pytest.mark.parametrize("writer", list(WRITERS), ids=str)
@pytest.mark.parametrize("key", list(CORPUS_FILES))
def test_corpus_document_survives_word_round_trip(key: str, writer: str) -> None:
    original = read_document(CORPUS_FILES[key])
    data = WRITERS[writer](original)
    back, report = import_docx(data, f"{key}.docx")
    assert shape(back) == shape(original)
    assert document_text(back) == document_text(original)
    assert [f.text for f in back.footnotes] == [f.text for f in original.footnotes]
    assert report.of(Element.TABLE) == [] and report.of(Element.FURTHER_TEXT) == []


def test_france_draft_masthead_round_trip() -> None:
    original = read_document(CORPUS_FILES["france_draft"])
    for writer in WRITERS.values():
        back, _ = import_docx(writer(original), "france.docx")
        assert back.masthead == original.masthead
        assert back.masthead is not None and back.masthead.sponsor_note.startswith("On behalf")
