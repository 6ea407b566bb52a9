"""The small parameter form of a clause template: each typed parameter offers the choices
the registry knows (decisions and resolutions with their dates, instruments, sessions)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafting_app.clauses.params import RegistryLike
from drafting_app.clauses.render import RenderedClause, render
from drafting_app.clauses.templates import ClauseTemplate, Variable
from drafting_app.errors import TemplateError


def _choices(var: Variable, registry: Any) -> list[tuple[str, str]]:
    """(shown, value) pairs for a parameter, from the registry."""
    if var.type in ("CitedText", "CitedTextList") and hasattr(registry, "texts"):
        kind = var.kind or "resolution"
        want_body = "" if var.body in ("", "its") else var.body
        out = []
        for t in registry.texts():
            if t.kind != kind or not t.date:
                continue
            if want_body and t.body != want_body:
                continue
            if not want_body and "Conference" not in t.body:
                continue
            out.append((f"{t.kind} {t.number} of {t.date}", t.number))
        return out
    if var.type == "Instrument" and hasattr(registry, "instruments"):
        return [
            (i.short_titles[0] if i.short_titles else i.full_title, i.key)
            for i in registry.instruments()
        ]
    return []


class ClauseForm(QDialog):
    """Fill a template's parameters; OK renders it (errors stay in the form, in words)."""

    def __init__(
        self, template: ClauseTemplate, registry: RegistryLike, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clauseForm")
        self.setWindowTitle(template.title)
        self.template = template
        self.registry = registry
        self.result_clause: RenderedClause | None = None
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        source = QLabel(f"From {template.source}" if template.source else "", self)
        layout.addWidget(source)
        form = QFormLayout()
        for var in template.variables:
            widget = self._field(var)
            widget.setObjectName(f"param_{var.name}")
            self.fields[var.name] = widget
            form.addRow(var.label, widget)
        layout.addLayout(form)
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

    def _field(self, var: Variable) -> QWidget:
        if var.type == "session":
            spin = QSpinBox(self)
            spin.setRange(1, 99)
            sessions = getattr(self.registry, "sessions", None)
            known = sessions() if callable(sessions) else []
            spin.setValue(int(var.default or (known[-1].number + 1 if known else 1)))
            return spin
        choices = _choices(var, self.registry)
        if choices:
            combo = QComboBox(self)
            combo.setEditable(True)  # a text the corpus does not hold can still be typed
            for shown, value in choices:
                combo.addItem(shown, value)
            at = combo.findData(var.default) if var.default else -1
            combo.setCurrentIndex(max(at, 0))
            return combo
        line = QLineEdit(var.default, self)
        line.setPlaceholderText(var.type)
        return line

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QSpinBox):
                out[name] = widget.value()
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                same = widget.currentText() == widget.itemText(widget.currentIndex())
                out[name] = data if data is not None and same else widget.currentText()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
        return out

    def try_accept(self) -> None:
        try:
            self.result_clause = render(self.template, self.values(), self.registry)
        except TemplateError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
