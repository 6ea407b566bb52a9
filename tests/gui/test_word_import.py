"""File › Open of a Word file (issue 8 §4): the import report before editing, the draft
opened as a new unsaved document, the Word file never overwritten, hostile files refused."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from drafting_app.gui.files.import_dialog import ImportDialog
from drafting_app.gui.files.word_import import body_profile_of
from drafting_app.gui.main_window import MainWindow
from drafting_app.model.describe import opener_of
from drafting_app.model.document import Document, Masthead
from drafting_app.storage.project import SUFFIX, load_project
from tests.conftest import REALDOCS

UN_DOCX = REALDOCS / "un-docx" / "FCCC-PA-CMA-2021-10-Add.3.docx"
MUN = REALDOCS / "mun-docx"
CTRL = Qt.KeyboardModifier.ControlModifier


def _open_with_ctrl_o(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    offered: list[str] = []

    def choose(*args: object, **kwargs: object) -> tuple[str, str]:
        offered.append(str(args[3]))  # the filter the dialog was given
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    assert offered and "*.docx" in offered[0] and f"*{SUFFIX}" in offered[0]


def _report(window: MainWindow) -> ImportDialog:
    dialog = window.drafts.word_import.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _count_text(dialog: ImportDialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"count_{key}")
    assert label is not None
    return label.text()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_un_volume_shows_the_report_then_opens_the_chosen_decision(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    word = tmp_path / UN_DOCX.name
    shutil.copy(UN_DOCX, word)
    before = _sha(word)
    _open_with_ctrl_o(qtbot, window, monkeypatch, word)
    dialog = _report(window)
    assert window.drafts.open == []  # nothing is edited before the report was seen
    # The volume holds decisions 6/CMA.3 to 24/CMA.3 and resolution 1/CMA.3.
    chooser = dialog.chooser
    assert chooser.isVisible() and chooser.count() == 20
    assert chooser.itemText(0).startswith("Decision 6/CMA.3 — Common time frames")
    assert chooser.itemText(19).startswith("Resolution 1/CMA.3")
    # Decision 6/CMA.3: two preambular, two operative paragraphs; the masthead table.
    assert dialog.counts() == {
        "preamble": 2,
        "operative": 2,
        "sub": 0,
        "footnotes": 0,
        "masthead": 6,
    }
    assert _count_text(dialog, "masthead").startswith("<b>6</b>")
    assert "symbol" in _count_text(dialog, "masthead")
    # Everything not mapped is listed with its text.
    left = dialog.left_out()
    assert left["table (1)"] and "Version" in left["table (1)"][0]
    assert left["image (2)"] == ["Description: Description: Description: _unlogo", "Picture 2"]
    assert any("REF _Ref87466830" in t for t in left["field (5)"])
    # The running header with the symbol and the page numbers are furniture the export
    # writes again, said once below the list; the headers with other symbols are listed.
    assert "header (9)" in left and not any(k.startswith("footer") for k in left)
    furniture = dialog.findChild(QLabel, "importFurniture")
    assert furniture is not None and "the export writes again" in furniture.text()
    assert dialog.left_out_box.title().startswith("Not imported from the whole file (")
    # Reading one element shows its whole text below the list.
    table_group = dialog.tree.topLevelItem(list(left).index("table (1)"))
    assert table_group is not None
    dialog.tree.setCurrentItem(table_group.child(0))
    assert dialog.detail.toPlainText() == left["table (1)"][0]
    # Decision 7/CMA.3: 8 preambular, 20 operative with (a)–(h) under 7, 5 footnotes.
    chooser.setCurrentIndex(1)
    assert dialog.counts() == {
        "preamble": 8,
        "operative": 20,
        "sub": 8,
        "footnotes": 5,
        "masthead": 0,
    }
    assert _count_text(dialog, "operative") == "<b>20</b>"
    assert "Decision 7/CMA.3" in dialog.title.text()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    draft = window.drafts.current()
    assert draft is not None and not dialog.isVisible()
    controller = draft.controller
    doc = controller.doc
    assert doc.heading == "Decision 7/CMA.3"
    assert [opener_of(p) for p in doc.operative][:4] == [
        "Welcomes",
        "Decides",
        "Also decides",
        "Further decides",
    ]
    assert [c.text[:6] for c in doc.operative[6].children][:2] == ["Enable", "Enhanc"]
    outline = draft.editor.model.paragraph_ids()
    assert len(outline) == 8 + 20 + 8
    # A new, unsaved draft named after the Word file, with the body's conventions.
    assert controller.path is None and controller.modified
    assert controller.display_name() == f"{word.name} (imported)"
    tab = window.tabs.tabText(window.tabs.indexOf(draft.editor))
    assert tab == f"{word.name} (imported) •"
    assert window.windowTitle().startswith(f"{word.name} (imported)")
    assert controller.profile.key == "unfccc-cma"
    assert str(word) in window.settings.recent_files
    # Save asks for a project file: even given the Word file's own name, it never
    # overwrites it.
    asked: list[str] = []

    def save_as(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(word), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert len(asked) == 1  # Save went to Save As
    assert _sha(word) == before
    saved = word.with_name(word.name + SUFFIX)
    assert controller.path == saved and not controller.modified
    assert load_project(saved).document.heading == "Decision 7/CMA.3"


def test_cancel_opens_nothing_and_a_clean_file_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_with_ctrl_o(qtbot, window, monkeypatch, MUN / "MUN_Eddy12597_test1.docx")
    dialog = _report(window)
    assert not dialog.chooser.isVisible()  # one text: nothing to choose
    # As rendered by hand in MUN_climate-cooperation_test1.txt: 3 preambular, 3 operative
    # paragraphs, (a)–(c) under each with (i)–(ii) under 1 (c) and 2 (c).
    assert dialog.counts() == {
        "preamble": 3,
        "operative": 3,
        "sub": 13,
        "footnotes": 0,
        "masthead": 3,
    }
    assert "sponsors" in _count_text(dialog, "masthead")
    assert dialog.left_out() == {}
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    assert "Everything in the file was imported; nothing was left out." in labels
    assert any("3 empty spacer paragraphs" in t for t in labels)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.drafts.open == []


def test_reopened_from_recent_a_custom_xml_part_is_listed(qtbot: QtBot, window: MainWindow) -> None:
    path = MUN / "MUN_Eddy12597_test_reso.docx"
    assert window.drafts.open_path(path) is None  # the report comes first
    dialog = _report(window)
    # The verbs are italic and underlined in Word: the underline is not kept, and said so.
    left = dialog.left_out()
    assert list(left) == ["formatting not kept (3)", "custom XML (1)"]
    assert left["formatting not kept (3)"] == [
        "underline: “Urges”",
        "underline: “Calls upon”",
        "underline: “Recommends”",
    ]
    qtbot.keyClick(dialog.open_button, Qt.Key.Key_Return)
    draft = window.drafts.current()
    assert draft is not None and draft.controller.profile.key == "ga-main-committee"
    preamble = [p.text for p in draft.controller.doc.preamble]
    openers = ("Alarmed by", "Recognizing that", "Noting with concern")
    assert len(preamble) == 3 and all(map(str.startswith, preamble, openers))


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


HOSTILE = {
    "empty.docx": (b"", "empty"),
    "not-a-zip.docx": (b"This is plain text pretending to be Word.", "not a Word"),
    "truncated.docx": (UN_DOCX.read_bytes()[:40_000], "damaged or truncated"),
    "foreign-zip.docx": (_zip({"hello.txt": b"hi"}), "not a Word document"),
    "no-body.docx": (
        _zip(
            {
                "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.'
                b'openxmlformats.org/package/2006/content-types"/>',
                "word/document.xml": b"<w:document xmlns:w='x'/>",
            }
        ),
        "not a Word document",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_broken_word_file_shows_why_and_opens_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, name: str
) -> None:
    data, words = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    assert window.drafts.open_path(path) is None
    box = window.drafts.word_import.last_error
    assert box is not None and box.isVisible()
    assert box.text().startswith(f"{name} was not opened.\n\n")
    assert words.lower() in box.text().lower() and "Traceback" not in box.text()
    assert window.drafts.word_import.dialog is None
    assert window.drafts.open == [] and path.read_bytes() == data
    ok = box.findChild(QPushButton)
    assert ok is not None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not box.isVisible()


@pytest.mark.parametrize(
    ("authoring_body", "masthead_body", "key"),
    [
        ("The United Nations General Assembly,", "", "ga-main-committee"),
        (
            "The Conference of the Parties serving as the meeting of Parties to the Paris "
            "Agreement,",
            "",
            "unfccc-cma",
        ),
        ("", "Economic and Social Council", "ccpcj-ecosoc"),
        (
            "The Conference of the Parties to the United Nations Convention against "
            "Transnational Organized Crime,",
            "",
            "ctoc-cop",
        ),
        ("The Security Council,", "", None),
        ("", "", None),
    ],
)
def test_the_body_profile_is_read_from_the_text(
    authoring_body: str, masthead_body: str, key: str | None
) -> None:
    doc = Document(authoring_body=authoring_body)
    volume = Masthead(body=masthead_body) if masthead_body else None
    found = body_profile_of(doc, volume)
    assert (found.key if found else None) == key


def test_import_draft_of_a_word_file_shows_the_report_too(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    word = MUN / "MUN_Eddy12597_test_problematic.docx"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(word), ""))
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = _report(window)
    assert window.drafts.open == []
    assert dialog.counts()["operative"] == 3 and dialog.counts()["preamble"] == 3
    # The repairs' group reads whole across the row, not cut in the first column.
    (group,) = [
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0).startswith("numbering repaired")
    ]
    assert group.text(0) == "numbering repaired (3)" and group.isFirstColumnSpanned()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    draft = window.drafts.current()
    assert draft is not None and draft.controller.imported_from == word
    assert window.tabs.tabText(window.tabs.currentIndex()) == f"{word.name} (imported) •"
