"""The checker's pre-filtered reference finder equals model.references.find_references."""

from __future__ import annotations

from drafting_app.checks.context import references_in
from drafting_app.corpus.readers import read_document
from drafting_app.model.references import find_references
from tests.conftest import CORPUS_FILES, REALDOCS


def test_references_in_finds_what_find_references_finds() -> None:
    paths = [*CORPUS_FILES.values(), *sorted((REALDOCS / "ga").glob("*.txt"))]
    texts = 0
    for path in paths:
        doc = read_document(path)
        for text in [p.text for p in doc.all_paragraphs()] + [f.text for f in doc.footnotes]:
            texts += 1
            assert references_in(text) == tuple(find_references(text)), text[:80]
    assert texts > 500
