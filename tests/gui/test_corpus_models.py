"""The window's item models pass pytest-qt's model tester on the real corpus store, and the
reading page escapes text and keeps UN layout facts (italic openers, marks, footnotes)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drafting_app.corpus.readers import read_document
from drafting_app.corpus.store import CorpusStore
from drafting_app.gui.common.reading_html import document_html, inline_html
from drafting_app.gui.corpus import tree_model as corpus_tree
from drafting_app.gui.corpus.search_model import Row, SearchResultsModel, snippet_runs
from drafting_app.gui.corpus.tree_model import CorpusTreeModel
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


def test_documents_are_listed_a_page_at_a_time(
    qtmodeltester: ModelTester, store: CorpusStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pages of two over the five bundled documents: the view only ever lays out what is
    # listed, and going to a document not listed yet lists the rest.
    monkeypatch.setattr(corpus_tree, "PAGE", 2)
    ids = [d.doc_id for d in store.documents()]
    model = CorpusTreeModel(store)
    assert (model.rowCount(), model.document_count()) == (2, len(ids))
    assert model.canFetchMore(corpus_tree.ROOT)
    model.fetchMore(corpus_tree.ROOT)
    assert [model.index(r, 0).data(corpus_tree.DOC_ID_ROLE) for r in range(4)] == ids[:4]
    qtmodeltester.check(model)
    last = model.document_index(ids[-1])
    assert last.row() == len(ids) - 1 and model.rowCount() == len(ids)
    assert not model.canFetchMore(corpus_tree.ROOT)
    assert not model.document_index("no-such-document").isValid()


def test_the_tree_view_lists_more_documents_as_it_scrolls(
    qtbot: QtBot, store: CorpusStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(corpus_tree, "PAGE", 1)
    view = QTreeView()
    qtbot.addWidget(view)
    view.resize(300, 40)  # room for about one row: the view must ask for the next ones
    model = CorpusTreeModel(store)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    listed = model.rowCount()
    view.scrollToBottom()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() > listed)


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
