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


def test_entries_number_as_model_numbering_does() -> None:
    """The context walks the paragraphs itself: the labels and depths of
    model.numbering, in document order, for every real text (multi-part decisions, annexes,
    lone paragraphs, sub-paragraphs of preambular paragraphs)."""
    from drafting_app.checks.context import CheckContext
    from drafting_app.checks.profile import profile_for
    from drafting_app.corpus.readers import read_documents
    from drafting_app.errors import FormatError
    from drafting_app.model.document import Form
    from drafting_app.model.numbering import number_operative, preamble_subparagraphs

    docs = []
    for path in sorted([*REALDOCS.rglob("*"), *CORPUS_FILES.values()]):
        if path.suffix.lower() in (".txt", ".docx", ".pdf"):
            try:
                docs += read_documents(path)
            except FormatError:
                continue
    shapes = {"parts": 0, "annexes": 0, "nested": 0}
    for doc in docs:
        expected = []
        bodies = [(doc.chapeau, doc.preamble, doc.operative, doc.form)]
        bodies += [(p.chapeau, p.preamble, p.operative, p.form) for p in doc.parts]
        for chapeau, preamble, operative, form in bodies:
            if chapeau is not None:
                expected.append((chapeau.id, "", 0))
            expected += [
                (n.paragraph.id, n.label, n.depth) for n in preamble_subparagraphs(preamble)
            ]
            expected += [
                (n.paragraph.id, n.label, n.depth) for n in number_operative(operative, form)
            ]
        for annex in doc.annexes:
            numbered = number_operative(annex.paragraphs(), Form.RESOLUTION)
            expected += [(n.paragraph.id, n.label, n.depth) for n in numbered]
        entries = CheckContext(doc, None, profile_for(doc)).entries  # type: ignore[arg-type]
        assert [(e.paragraph.id, e.label, e.depth) for e in entries] == expected
        assert [e.order for e in entries] == list(range(len(entries)))
        shapes["parts"] += bool(doc.parts)
        shapes["annexes"] += bool(doc.annexes)
        shapes["nested"] += any(e.depth > 1 for e in entries)
    assert len(docs) > 50 and all(shapes.values()), shapes
