"""The masthead form's symbol placeholder is an example in the draft's own body's series
(a GA Main Committee draft was shown the Conference's "CTOC/COP/2008/L.4")."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from drafting_app.clauses.document_templates import new_document
from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.masthead_form import MastheadForm


def test_the_masthead_form_shows_the_bodys_example(qtbot: QtBot) -> None:
    form = MastheadForm(DocumentController(new_document("ga-main-committee-draft-resolution")))
    qtbot.addWidget(form)
    symbol = form.fields["symbol"]
    assert isinstance(symbol, QLineEdit)
    assert symbol.placeholderText() == "A/C.3/80/L.12"
