"""The Negotiation tab beside the page: where the consultations stand (paragraphs agreed
ad ref, open, bracketed; proposals by delegation), "Show open paragraphs only", the next
open paragraph, and the paragraph the caret is in — its label and status, the delegation
whose proposal is recorded, the words for a proposal or an alternative, and the
proposals and alternatives on it to accept, choose or drop. Every button is a model edit
through the draft's controller (:mod:`drafting_app.gui.negotiation.commands`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from drafting_app.gui.document.document_controller import DocumentController
from drafting_app.gui.document.page_view import DocumentView
from drafting_app.gui.negotiation.commands import NegotiationCommands, describe
from drafting_app.gui.negotiation.marks import STATUS_COLORS, NegotiationMarks
from drafting_app.model.negotiation import ProposalKind, Record, Status
from drafting_app.model.negotiation_final import summary

ITEM = Qt.ItemDataRole.UserRole
STATUS_ORDER = (Status.AGREED, Status.CONSULTATION, Status.PENDING, Status.NEW, Status.DELETED)


def _button(text: str, name: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    if tip:
        b.setToolTip(tip)
    b.clicked.connect(lambda _c=False: slot())
    return b


class NegotiationPanel(QScrollArea):
    """The negotiation of one draft. ``message(text)`` for the status bar."""

    message = Signal(str)

    def __init__(
        self,
        controller: DocumentController,
        view: DocumentView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("negotiationPanel")
        self.controller, self.view = controller, view
        self.marks = NegotiationMarks(controller, view)
        self.commands = NegotiationCommands(controller, view)
        self.commands.message.connect(self.message.emit)
        self._build()
        self._counted: dict[str, tuple[object, ...] | None] = {}  # what the counts were made of
        self.marks.updated.connect(self._marks_redrawn)
        view.current_changed.connect(lambda _b: self.show_paragraph())
        view.cursorPositionChanged.connect(self._selection_moved)
        self.refresh()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        # In a scroll area: on a small screen the buttons keep their size and the tab
        # scrolls, as a Word task pane does.
        inner = QWidget(self)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box = QVBoxLayout(inner)
        box.setContentsMargins(8, 8, 8, 8)
        head = QHBoxLayout()
        self.round_label = QLabel(self)
        self.round_label.setObjectName("negotiationRound")
        head.addWidget(self.round_label, 1)
        head.addWidget(
            _button(
                "New &Round",
                "newRound",
                self.commands.new_round,
                "Proposals recorded from now on carry the next round",
            )
        )
        box.addLayout(head)
        self.counts = QLabel(self)
        self.counts.setObjectName("negotiationCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(self.counts)
        self.by_author = QLabel(self)
        self.by_author.setObjectName("proposalsByAuthor")
        self.by_author.setWordWrap(True)
        box.addWidget(self.by_author)
        self.open_only = QCheckBox("Show &open paragraphs only", self)
        self.open_only.setObjectName("showOpenOnly")
        self.open_only.toggled.connect(self._filter)
        box.addWidget(self.open_only)
        moves = QHBoxLayout()
        self.previous_button = _button(
            "◀ Previous", "previousOpen", lambda: self.commands.next_open(False)
        )
        self.next_button = _button(
            "Next Open ▶",
            "nextOpen",
            self.commands.next_open,
            "The next paragraph neither agreed nor deleted (Ctrl+Alt+O)",
        )
        moves.addWidget(self.previous_button)
        moves.addWidget(self.next_button)
        box.addLayout(moves)
        box.addWidget(self._paragraph_group())
        box.addStretch(1)

    def _paragraph_group(self) -> QGroupBox:
        group = QGroupBox("This paragraph", self)
        self.paragraph_group = group
        grid = QGridLayout(group)
        self.label = QLabel(group)
        self.label.setObjectName("paragraphLabel")
        grid.addWidget(self.label, 0, 0, 1, 2)
        status = QLabel("&Status:", group)
        grid.addWidget(status, 1, 0)
        self.status_box = QComboBox(group)
        status.setBuddy(self.status_box)
        self.status_box.setObjectName("statusBox")
        self.status_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_box.setMinimumContentsLength(10)
        for s in STATUS_ORDER:
            self.status_box.addItem(s.words, s.value)
        self.status_box.activated.connect(self._status_chosen)
        grid.addWidget(self.status_box, 1, 1)
        who = QLabel("&Delegation:", group)
        grid.addWidget(who, 2, 0)
        self.delegation_box = QComboBox(group)
        self.delegation_box.setObjectName("delegationBox")
        self.delegation_box.setEditable(True)
        self.delegation_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.delegation_box.setMinimumContentsLength(10)
        self.delegation_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.delegation_box.currentTextChanged.connect(self._delegation_changed)
        who.setBuddy(self.delegation_box)
        grid.addWidget(self.delegation_box, 2, 1)
        words = QLabel("&Words:", group)
        grid.addWidget(words, 3, 0)
        self.words_edit = QLineEdit(group)
        self.words_edit.setObjectName("proposalWords")
        self.words_edit.setPlaceholderText("proposed words")
        words.setBuddy(self.words_edit)
        grid.addWidget(self.words_edit, 3, 1)
        buttons = QGridLayout()
        c = self.commands
        self.bracket_button = _button(
            "[Bracket]",
            "bracketButton",
            c.bracket,
            "Square brackets around the selected words (Ctrl+Alt+B)",
        )
        self.unbracket_button = _button(
            "Unbracket", "unbracketButton", c.remove_bracket, "Lift the brackets around the caret"
        )
        self.alternative_button = _button(
            "Alternative",
            "addAlternative",
            self._alternative,
            "The Words box as another wording of the selected words, by the delegation",
        )
        self.paragraph_alternative_button = _button(
            "Alt ¶",
            "addParagraphAlternative",
            self._paragraph_alternative,
            "The Words box as a whole alternative paragraph, by the delegation",
        )
        self.insert_button = _button(
            "Add Words",
            "proposeInsert",
            lambda: self._with_words(ProposalKind.INSERT),
            "The delegation proposes to add the Words box at the caret",
        )
        self.delete_button = _button(
            "Delete",
            "proposeDelete",
            lambda: c.propose(ProposalKind.DELETE),
            "The delegation proposes to delete the selected words",
        )
        self.replace_button = _button(
            "Replace",
            "proposeReplace",
            lambda: self._with_words(ProposalKind.REPLACE),
            "The delegation proposes the Words box instead of the selected words",
        )
        self.delete_paragraph_button = _button(
            "Delete ¶",
            "proposeDeleteParagraph",
            lambda: c.propose(ProposalKind.DELETE_PARAGRAPH),
            "The delegation proposes to delete the paragraph",
        )
        self.new_paragraph_button = _button(
            "New ¶",
            "proposeParagraph",
            self._new_paragraph,
            "The Words box as a new paragraph after this one, proposed by the delegation",
        )
        self.comment_button = _button(
            "Comment", "addComment", self._comment, "The Words box as the delegation's comment"
        )
        buttons.addWidget(QLabel("Text:", group), 0, 0, 1, 2)
        for i, b in enumerate(
            (
                self.bracket_button,
                self.unbracket_button,
                self.alternative_button,
                self.paragraph_alternative_button,
            )
        ):
            buttons.addWidget(b, 1 + i // 2, i % 2)
        buttons.addWidget(QLabel("Proposal of the delegation:", group), 3, 0, 1, 2)
        for i, b in enumerate(
            (
                self.insert_button,
                self.delete_button,
                self.replace_button,
                self.delete_paragraph_button,
                self.new_paragraph_button,
                self.comment_button,
            )
        ):
            buttons.addWidget(b, 4 + i // 2, i % 2)
        grid.addLayout(buttons, 4, 0, 1, 2)
        grid.addWidget(QLabel("Proposals:", group), 5, 0, 1, 2)
        self.proposals = QListWidget(group)
        self.proposals.setObjectName("proposalList")
        self.proposals.setWordWrap(True)
        self.proposals.setMinimumHeight(110)
        self.proposals.currentRowChanged.connect(lambda _r: self._enable())
        grid.addWidget(self.proposals, 6, 0, 1, 2)
        row = QHBoxLayout()
        self.accept_button = _button(
            "&Accept", "acceptProposal", self.accept_current, "The proposal becomes the text"
        )
        self.drop_button = _button(
            "D&rop", "dropProposal", self.drop_current, "The proposal is not taken up"
        )
        row.addWidget(self.accept_button)
        row.addWidget(self.drop_button)
        grid.addLayout(row, 7, 0, 1, 2)
        grid.addWidget(QLabel("Alternatives:", group), 8, 0, 1, 2)
        self.alternatives = QListWidget(group)
        self.alternatives.setObjectName("alternativeList")
        self.alternatives.setWordWrap(True)
        self.alternatives.setMinimumHeight(80)
        self.alternatives.currentRowChanged.connect(lambda _r: self._enable())
        grid.addWidget(self.alternatives, 9, 0, 1, 2)
        row = QHBoxLayout()
        self.choose_button = _button(
            "C&hoose",
            "chooseAlternative",
            self.choose_current,
            "This wording becomes the text; the others go",
        )
        self.drop_option_button = _button(
            "Drop Alternative", "dropAlternative", self.drop_option_current
        )
        row.addWidget(self.choose_button)
        row.addWidget(self.drop_option_button)
        grid.addLayout(row, 10, 0, 1, 2)
        return group

    # -- state -----------------------------------------------------------------------------
    def _marks_redrawn(self, pids: frozenset[str] | None) -> None:
        """After a change: the counts again when they may have changed (a keystroke in a
        paragraph changes no count: the summary of a long draft is not made at each key),
        the current paragraph always."""
        if pids is None or any(self._count_key(pid) != self._counted.get(pid) for pid in pids):
            self.refresh()
        else:
            self.show_paragraph()

    def _count_key(self, pid: str) -> tuple[object, ...] | None:
        r = self.commands.record(pid)
        if r is None:
            return None
        props = tuple(q.author for q in r.proposals)
        return (r.status, len(r.brackets), len(r.alternatives), bool(r.paragraph_alternatives),
                props, r.open_new_paragraph)  # fmt: skip

    def refresh(self) -> None:
        """The counts and the current paragraph again (after every change)."""
        doc = self.controller.doc
        nego = doc.negotiation
        self.setEnabled(nego is not None)
        if nego is None:
            self.round_label.setText("Not in negotiation: Negotiation › Start Negotiation.")
            self.counts.setText("")
            self.by_author.setText("")
            return
        s = summary(doc)
        self._counted = {pid: self._count_key(pid) for pid in nego.records}
        self.round_label.setText(f"<b>Round {s.round}</b>")
        n = s.by_status
        self.counts.setText(
            f"Agreed ad ref: {n.get(Status.AGREED.words, 0)} · Open: {len(s.open_paragraphs)}"
            f" · Deleted: {n.get(Status.DELETED.words, 0)}\n"
            f"Bracketed paragraphs: {len(s.bracketed)} ({s.brackets} brackets, "
            f"{s.alternatives} alternative sets)\nOpen proposals: {s.proposals}"
        )
        self.by_author.setText(
            "By delegation: " + ", ".join(f"{a} {k}" for a, k in s.proposals_by_author.items())
            if s.proposals_by_author
            else "By delegation: none"
        )
        names = list(nego.delegations)
        if [self.delegation_box.itemText(i) for i in range(self.delegation_box.count())] != names:
            keep = self.delegation_box.currentText()
            self.delegation_box.blockSignals(True)
            self.delegation_box.clear()
            self.delegation_box.addItems(names)
            self.delegation_box.setCurrentText(keep or (names[0] if names else ""))
            self.delegation_box.blockSignals(False)
            self.commands.delegation = self.delegation_box.currentText()
        if self.open_only.isChecked():
            self.view.decorations.show_only(self.commands.open_paragraphs())
        self.show_paragraph()

    def show_paragraph(self) -> None:
        """The paragraph the caret is in: label, status, its proposals and alternatives."""
        pid = self.view.current_pid()
        record = self.commands.record(pid)
        self.proposals.clear()
        self.alternatives.clear()
        if record is None:
            self.label.setText("Put the caret in a paragraph of the compilation text.")
            self._enable()
            return
        label = self.marks.labels.get(pid, record.label)
        color = STATUS_COLORS[record.status].name()
        self.label.setText(
            f'<b>{label}</b> — <span style="color:{color}">{record.status.words}</span>'
        )
        self.status_box.setCurrentIndex(STATUS_ORDER.index(record.status))
        text = self.controller.doc.paragraph(pid).text
        for q in record.proposals:
            self._item(self.proposals, describe(q, text), ("proposal", pid, q.id))
        if record.open_new_paragraph and record.origin is not None:
            who = record.origin.author
            self._item(
                self.proposals,
                f"{who}: a new paragraph (round {record.origin.round})",
                ("new", pid),
            )
        self._alternative_items(pid, record, text)
        self._enable()

    def _alternative_items(self, pid: str, record: Record, text: str) -> None:
        for a in record.alternatives:
            first = text[a.start : a.end]
            by = f" ({a.first_author})" if a.first_author else ""
            self._item(self.alternatives, f"Alt 1: “{first}”{by}", ("set", pid, a.id, 0))
            for i, o in enumerate(a.options, start=1):
                by = f" ({o.author})" if o.author else ""
                self._item(self.alternatives, f"Alt {i + 1}: “{o.text}”{by}", ("set", pid, a.id, i))
        if record.paragraph_alternatives:
            self._item(self.alternatives, "Paragraph Alt 1: as it stands", ("par", pid, 0))
            for i, o in enumerate(record.paragraph_alternatives, start=1):
                by = f" ({o.author})" if o.author else ""
                self._item(
                    self.alternatives, f"Paragraph Alt {i + 1}: “{o.text}”{by}", ("par", pid, i)
                )

    @staticmethod
    def _item(widget: QListWidget, text: str, data: tuple[object, ...]) -> None:
        item = QListWidgetItem(text, widget)
        item.setData(ITEM, data)

    def _selection_moved(self) -> None:
        self._enable()

    def _enable(self) -> None:
        nego = self.controller.doc.negotiation
        found = self.commands.current()
        words = self.commands.words()
        selected = words is not None and words.start < words.end and found is not None
        here = found is not None and nego is not None
        for b in (
            self.delete_button,
            self.replace_button,
            self.alternative_button,
            self.bracket_button,
        ):
            b.setEnabled(selected)
        self.insert_button.setEnabled(here and words is not None and words.start == words.end)
        for w in (
            self.paragraph_alternative_button,
            self.delete_paragraph_button,
            self.new_paragraph_button,
            self.comment_button,
            self.status_box,
        ):
            w.setEnabled(here)
        self.unbracket_button.setEnabled(self.commands.bracket_at() is not None)
        self.accept_button.setEnabled(self.proposals.currentItem() is not None)
        self.drop_button.setEnabled(self.proposals.currentItem() is not None)
        item = self.alternatives.currentItem()
        self.choose_button.setEnabled(item is not None)
        data = item.data(ITEM) if item is not None else None
        self.drop_option_button.setEnabled(bool(data) and data[-1] != 0)

    # -- slots -----------------------------------------------------------------------------
    def _delegation_changed(self, name: str) -> None:
        self.commands.delegation = " ".join(name.split())

    def _status_chosen(self, index: int) -> None:
        status = Status(self.status_box.itemData(index))
        record = self.commands.record(self.view.current_pid())
        if record is not None and record.status is not status:
            self.commands.set_status(status)

    def _words(self) -> str:
        return self.words_edit.text()

    def _with_words(self, kind: ProposalKind) -> None:
        if not self._words().strip():
            self.message.emit("Type the words in the Words box first.")
            self.words_edit.setFocus()
            return
        if self.commands.propose(kind, self._words()):
            self.words_edit.clear()

    def _alternative(self) -> None:
        if not self._words().strip():
            self.message.emit("Type the alternative wording in the Words box first.")
            self.words_edit.setFocus()
            return
        if self.commands.add_alternative(self._words()):
            self.words_edit.clear()

    def _paragraph_alternative(self) -> None:
        if not self._words().strip():
            self.message.emit("Type the alternative paragraph in the Words box first.")
            self.words_edit.setFocus()
            return
        if self.commands.add_paragraph_alternative(self._words()):
            self.words_edit.clear()

    def _new_paragraph(self) -> None:
        if self.commands.propose_paragraph(self._words()):
            self.words_edit.clear()

    def _comment(self) -> None:
        if not self._words().strip():
            self.message.emit("Type the comment in the Words box first (“retain”, “flexible”).")
            self.words_edit.setFocus()
            return
        if self.commands.comment(self._words()):
            self.words_edit.clear()

    def _filter(self, on: bool) -> None:
        deco = self.view.decorations
        deco.show_only(self.commands.open_paragraphs() if on else None)

    def _chosen(self, widget: QListWidget) -> tuple[object, ...] | None:
        item = widget.currentItem()
        return tuple(item.data(ITEM)) if item is not None else None

    def accept_current(self) -> bool:
        """Accept the proposal selected in the list."""
        data = self._chosen(self.proposals)
        if data is None:
            return False
        if data[0] == "new":
            return self.commands.accept_new_paragraph(str(data[1]))
        return self.commands.accept(str(data[1]), str(data[2]))

    def drop_current(self) -> bool:
        data = self._chosen(self.proposals)
        if data is None:
            return False
        if data[0] == "new":
            return self.commands.drop_new_paragraph(str(data[1]))
        return self.commands.drop(str(data[1]), str(data[2]))

    def choose_current(self) -> bool:
        """The alternative selected in the list becomes the text."""
        data = self._chosen(self.alternatives)
        if data is None:
            return False
        if data[0] == "set":
            return self.commands.choose_alternative(str(data[1]), str(data[2]), int(data[3]))  # type: ignore[call-overload]
        return self.commands.choose_paragraph_alternative(str(data[1]), int(data[2]))  # type: ignore[call-overload]

    def drop_option_current(self) -> bool:
        data = self._chosen(self.alternatives)
        if data is None or data[-1] == 0:
            return False
        if data[0] == "set":
            return self.commands.drop_option(str(data[1]), str(data[2]), int(data[3]))  # type: ignore[call-overload]
        return self.commands.drop_paragraph_alternative(str(data[1]), int(data[2]))  # type: ignore[call-overload]
