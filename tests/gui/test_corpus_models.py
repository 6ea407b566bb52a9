"""The window's item models pass pytest-qt's model tester on the real corpus store, and the
reading page escapes text and keeps UN layout facts (italic openers, marks, footnotes)."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.models.corpus_tree import CorpusTreeModel
from drafting_app.gui.models.search_results import Row, SearchResultsModel, snippet_runs
from drafting_app.gui.reading_html import document_html, inline_html
from drafting_app.model.document import Document, Paragraph, Span
from tests.conftest import CORPUS_FILES


def test_corpus_tree_model_passes_the_model_tester(
    qtmodeltester: ModelTester, store: CorpusStore
) -> None:
    model = CorpusTreeModel(store)
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        assert model.canFetchMore(index)
        model.fetchMore(index)
        assert not model.canFetchMore(index)
    qtmodeltester.check(model)
    total = sum(d.paragraphs for d in store.documents())
    seen = 0
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        children = [model.index(r, 0, index) for r in range(model.rowCount(index))]
        seen += len(children)
        stack.extend(children)
    assert seen == total  # every paragraph row of the store is in the tree exactly once


def test_lazy_tree_passes_the_model_tester_before_expansion(
    qtmodeltester: ModelTester, store: CorpusStore
) -> None:
    qtmodeltester.check(CorpusTreeModel(store))


def test_search_results_model_passes_the_model_tester(
    qtmodeltester: ModelTester, store: CorpusStore
) -> None:
    model = SearchResultsModel()
    hits = store.search("trafficking persons", limit=20)
    model.set_rows([Row(h, h.heading, h.label) for h in hits])
    assert model.rowCount() == 20
    qtmodeltester.check(model)


def test_snippet_runs_split_marked_matches() -> None:
    assert snippet_runs("…the \x02Ibid\x03. rule \x02x") == [
        ("…the ", "plain"),
        ("Ibid", "match"),
        (". rule ", "plain"),
        ("x", "match"),
    ]


def test_reading_page_escapes_text_and_sets_openers_in_italics() -> None:
    p = Paragraph("Recalling <b>x</b> & <script>alert(1)</script>,", italics=[Span(0, 9)])
    doc = Document(title="A <title>", preamble=[p])
    html = document_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<i>Recalling</i>" in html
    assert "A &lt;title&gt;" in html


def test_inline_marks_follow_punctuation() -> None:
    assert inline_html("Crime, and", [], [(6, "1")]) == "Crime,<sup>1</sup> and"
    assert inline_html("Urges all", [Span(0, 5)], [(9, "2")]) == "<i>Urges</i> all<sup>2</sup>"


def test_france_draft_page_has_masthead_numbers_and_footnotes() -> None:
    doc = read_document(CORPUS_FILES["france_draft"])
    html = document_html(doc)
    assert "France:* draft resolution" in html
    assert "Distr.: Limited" in html
    assert "9.&#8195;With regard to" in html
    assert "(d)&#8195;" in html
    assert "<i>Takes note with appreciation</i>" in html
    assert "<sup>5</sup>&#8194;CTOC/COP/2008/8." in html
    assert html.count('<p class="fn">') == 6  # the sponsor note and five footnotes
