"""The small parameter form of a clause template: each typed parameter offers the choices
the registry knows (decisions and resolutions with their dates, instruments, sessions); a
list parameter ("General Assembly resolutions") takes several; the clause is shown as it
will read, filled with what is chosen so far, under the fields."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drafting_app.clauses.params import RegistryLike
from drafting_app.clauses.render import RenderedClause, preview, render
from drafting_app.clauses.templates import ClauseTemplate, Variable
from drafting_app.errors import TemplateError

# A choice longer than this is cut in the field (its whole text in the tooltip and in the
# list that opens, where it wraps).
_FIELD_CHARS = 48
_OTHERS_RE = re.compile(r"\s*(?:,|;|\band\b)\s*")


def _choices(var: Variable, registry: Any) -> list[tuple[str, Any, str]]:
    """(shown, value, tooltip) for a parameter, from the registry. Rows that would read
    alike (the same number of two bodies) say whose they are."""
    if var.type in ("CitedText", "CitedTextList") and hasattr(registry, "texts"):
        kind = var.kind or "resolution"
        want_body = "" if var.body in ("", "its") else var.body
        texts = []
        for t in registry.texts():
            if t.kind != kind or not t.date:
                continue
            if want_body and t.body != want_body:
                continue
            if not want_body and "Conference" not in t.body:
                continue
            texts.append(t)
        # "resolution 5/2" of the Conference against Organized Crime and of the one
        # against Corruption: such rows name their body after the number and date.
        twice = {n for n, c in Counter(t.number for t in texts).items() if c > 1}
        out = []
        for t in texts:
            shown = f"{t.kind} {t.number} of {t.date}"
            tip = f"{t.body}: {shown}"
            if t.number in twice:  # the value is the text itself: its body goes with it
                out.append((f"{shown} — {t.body}", t, tip))
            else:
                out.append((shown, t.number, tip))
        return out
    if var.type == "Instrument" and hasattr(registry, "instruments"):
        return [
            (i.short_titles[0] if i.short_titles else i.full_title, i.key, i.full_title)
            for i in registry.instruments()
        ]
    return []


def _numbers(text: str) -> list[str]:
    return [n for n in _OTHERS_RE.split(text) if n.strip()]


class ChoiceList(QWidget):
    """Several choices at once (a CitedTextList): a checkable list of what the registry
    knows and a line for texts the corpus does not hold ("70/1, 71/2")."""

    def __init__(
        self, choices: list[tuple[str, Any, str]], default: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("choiceList")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(140)
        given = set(_numbers(default))
        for shown, value, tip in choices:
            item = QListWidgetItem(shown, self.list)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setToolTip(tip)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = value in given
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            given.discard(value)
        self.others = QLineEdit(", ".join(sorted(given)), self)
        self.others.setObjectName("choiceOthers")
        self.others.setPlaceholderText("Others, not in the corpus: 70/1, 71/2")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.others)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def set_checked(self, value: str, checked: bool = True) -> None:
        for item in self.items():
            if item.data(Qt.ItemDataRole.UserRole) == value:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def values(self) -> list[Any]:
        checked = [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self.items()
            if item.checkState() == Qt.CheckState.Checked
        ]
        return checked + _numbers(self.others.text())


def _combo(parent: QWidget, choices: list[tuple[str, Any, str]], default: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)  # a text the corpus does not hold can still be typed
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(_FIELD_CHARS)
    view = combo.view()
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    if isinstance(view, QListView):
        view.setWordWrap(True)  # a long name wraps in the list that opens
    for shown, value, hint in choices:
        combo.addItem(shown, value)
        combo.setItemData(combo.count() - 1, hint, Qt.ItemDataRole.ToolTipRole)
    at = combo.findData(default) if default else -1
    combo.setCurrentIndex(max(at, 0))

    def tip(_index: int) -> None:
        i = combo.currentIndex()
        same = i >= 0 and combo.currentText() == combo.itemText(i)
        combo.setToolTip(str(combo.itemData(i, Qt.ItemDataRole.ToolTipRole)) if same else "")

    combo.currentIndexChanged.connect(tip)
    tip(0)
    return combo


def _field(var: Variable, registry: Any, parent: QWidget) -> QWidget:
    if var.type == "session":
        spin = QSpinBox(parent)
        spin.setRange(1, 99)
        sessions = getattr(registry, "sessions", None)
        known = sessions() if callable(sessions) else []
        spin.setValue(int(var.default or (known[-1].number + 1 if known else 1)))
        return spin
    choices = _choices(var, registry)
    if var.type == "CitedTextList":
        return ChoiceList(choices, var.default, parent)
    if choices:
        return _combo(parent, choices, var.default)
    line = QLineEdit(var.default, parent)
    line.setPlaceholderText(var.type)
    return line


def _value(widget: QWidget) -> object:
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, ChoiceList):
        return widget.values()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        same = widget.currentText() == widget.itemText(widget.currentIndex())
        return data if data is not None and same else widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def initial_values(template: ClauseTemplate, registry: Any) -> dict[str, object]:
    """What the form starts with: the values its OK would take if nothing is changed (the
    picker's preview of a template shows the clause with these)."""
    holder = QWidget()
    try:
        return {v.name: _value(_field(v, registry, holder)) for v in template.variables}
    finally:
        holder.deleteLater()


def clause_preview_html(clause: RenderedClause) -> str:
    from drafting_app.gui.picker.picker_dock import paragraph_html

    return paragraph_html(clause.paragraph, clause.footnotes)


class ClauseForm(QDialog):
    """Fill a template's parameters; OK renders it (errors stay in the form, in words).
    The preview under the fields is the clause as filled so far, gaps named."""

    def __init__(
        self, template: ClauseTemplate, registry: RegistryLike, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clauseForm")
        # A user's template renders in its worker process: typing waits for a pause.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_preview)
        self.setWindowTitle(template.title)
        self.template = template
        self.registry = registry
        self.result_clause: RenderedClause | None = None
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        source = QLabel(f"From {template.source}" if template.source else "", self)
        layout.addWidget(source)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for var in template.variables:
            widget = _field(var, registry, self)
            widget.setObjectName(f"param_{var.name}")
            self.fields[var.name] = widget
            label = QLabel(var.label, self)
            label.setWordWrap(True)
            form.addRow(label, widget)
            self._watch(widget)
        layout.addLayout(form)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("clauseFormPreview")
        self.preview.setMinimumHeight(90)
        layout.addWidget(self.preview, 1)
        self.error = QLabel(self)
        self.error.setObjectName("clauseFormError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.update_preview()

    def _watch(self, widget: QWidget) -> None:
        later = self._later
        if isinstance(widget, QSpinBox):
            widget.valueChanged.connect(later)
        elif isinstance(widget, ChoiceList):
            widget.list.itemChanged.connect(later)
            widget.others.textChanged.connect(later)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(later)
        elif isinstance(widget, QLineEdit):
            widget.textChanged.connect(later)

    def _later(self, *_args: object) -> None:
        self._timer.start()

    def values(self) -> dict[str, object]:
        return {name: _value(widget) for name, widget in self.fields.items()}

    def update_preview(self) -> None:
        """Show the clause as filled now (the timer calls this after a change)."""
        self._timer.stop()
        try:
            clause = preview(self.template, self.values(), self.registry)
        except TemplateError as exc:
            self.preview.setPlainText(str(exc))
            return
        self.preview.setHtml(clause_preview_html(clause))

    def try_accept(self) -> None:
        try:
            self.result_clause = render(self.template, self.values(), self.registry)
        except TemplateError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
