"""Export with changes between any two real texts (slow): each of the real resolutions
and decisions of the tests compared with every other, both ways — rollovers far wider
than a penholder's (other topics, other forms, headings and annexes) — and still Word's
Accept All gives exactly the clean export of the second text and Reject All exactly that
of the first: every printed paragraph, style, indent and footnote, and the header."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from drafting_app.corpus.readers import read_document
from drafting_app.export.docx_writer import docx_bytes
from drafting_app.export.tracked_docx import tracked_docx_bytes
from drafting_app.model import Document
from drafting_app.revisions.compare import compare
from tests.conftest import CORPUS_FILES, REALDOCS
from tests.export.tracked_helpers import decided, header_text, paragraph_properties, printed

pytestmark = pytest.mark.slow
WHEN = datetime(2025, 9, 15, 10, 30, tzinfo=UTC)
TEXTS: list[Path] = [
    *sorted((REALDOCS / "ga").glob("A-RES-*.txt")),
    *sorted((REALDOCS / "ga-more").glob("A-RES-*.txt")),
    *sorted((REALDOCS / "pdf").glob("A_RES_*.pdf")),
    *CORPUS_FILES.values(),
]


@pytest.fixture(scope="module")
def texts() -> dict[str, Document]:
    return {p.name: read_document(p) for p in TEXTS}


def _as_printed(data: bytes) -> tuple[object, ...]:
    return printed(data), header_text(data), paragraph_properties(data)


@pytest.mark.parametrize("first", [p.name for p in TEXTS])
def test_any_two_real_texts_decide_back_exactly(texts: dict[str, Document], first: str):
    assert len(TEXTS) >= 20
    base = texts[first]
    wrong = []
    for name, new in texts.items():
        if name == first:
            continue
        data = tracked_docx_bytes(compare(base, new), author="Penholder", when=WHEN)
        if _as_printed(decided(data, True)) != _as_printed(docx_bytes(new, when=WHEN)):
            wrong.append(f"{name}: Accept All")
        if _as_printed(decided(data, False)) != _as_printed(docx_bytes(base, when=WHEN)):
            wrong.append(f"{name}: Reject All")
    assert not wrong, wrong
