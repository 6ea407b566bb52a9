"""Mutated Word files (issue 8 §4): elements deleted, duplicated and moved, numbering and
footnote ids scrambled, bytes flipped — the importer returns a document or a DraftingError,
never another exception."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from drafting_app.corpus.readers.docx import import_docx
from drafting_app.errors import DraftingError
from tests.conftest import REALDOCS
from tests.corpus.wordbuild import make_docx, para, run
from tests.reliability.fuzzing import mutate_xml

SEEDS = [
    REALDOCS / "mun-docx" / "MUN_Eddy12597_test_problematic.docx",
    REALDOCS / "mun-docx" / "MUN_Eddy12597_test_reso.docx",
]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename in ("word/document.xml", "word/numbering.xml", "word/footnotes.xml"):
                blob = mutate_xml(blob, rng)
                if rng.random() < 0.1:
                    at = rng.randrange(len(blob))
                    blob = blob[:at] + bytes([rng.randrange(256)]) + blob[at + 1 :]
            zf.writestr(info.filename, blob)
    return out.getvalue()


@pytest.mark.slow
def test_mutated_word_files_never_crash_the_importer() -> None:
    rng = random.Random(11)
    notes = (
        "<w:footnote w:id='1'><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Note</w:t></w:r>"
        "</w:p></w:footnote>"
    )
    built = make_docx(
        para(run("The General Assembly,"))
        + para(run("1. Urges all States,"), '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        footnotes=notes,
    )
    seeds = [p.read_bytes() for p in SEEDS] + [built]
    imported = refused = 0
    for i in range(150):
        data = _mutate(seeds[i % len(seeds)], rng)
        try:
            import_docx(data, f"mutant{i}.docx")
            imported += 1
        except DraftingError:
            refused += 1
    assert imported > 50 and imported + refused == 150


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    deep = "<w:hyperlink>" * 400 + run("x") + "</w:hyperlink>" * 400
    data = make_docx(para(run("The General Assembly,")) + f"<w:p>{deep}</w:p>")
    with pytest.raises(DraftingError, match="depth"):
        import_docx(data, "deep.docx")
