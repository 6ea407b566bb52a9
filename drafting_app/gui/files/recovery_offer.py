"""At start: drafts a crashed session left unsaved are offered back (restore them, discard
them, or decide at the next start)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDateTime, QObject
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from drafting_app.gui.files.drafts import Drafts
from drafting_app.storage.recovery import RecoveryStore, Snapshot


def _describe(s: Snapshot) -> str:
    when = QDateTime.fromMSecsSinceEpoch(s.written_ns // 1_000_000).toString("d MMMM yyyy, HH:mm")
    name = s.source.name if s.source is not None else (s.title or "an unsaved draft")
    return f"{escape(name)} — last change {escape(when)}"


class RecoveryOffer(QObject):
    """Shows the offer (non-blocking) and carries out the choice."""

    def __init__(self, window: QWidget, recovery: RecoveryStore, drafts: Drafts) -> None:
        super().__init__(window)
        self.window = window
        self.recovery = recovery
        self.drafts = drafts
        self.box: QMessageBox | None = None
        self.restore_button: QAbstractButton | None = None
        self.discard_button: QAbstractButton | None = None

    def offer(self) -> bool:
        """Offer the snapshots left behind (and say which could not be read); False when
        there is nothing to say."""
        snapshots = self.recovery.left_behind()
        damaged = self.recovery.damaged
        if not snapshots and not damaged:
            return False
        box = QMessageBox(self.window)
        box.setObjectName("recoveryOffer")
        box.setWindowTitle("Recover unsaved drafts")
        unread = ""
        if damaged:
            names = "".join(f"<li>{escape(str(p))}</li>" for p in damaged)
            unread = (
                f"<p>{len(damaged)} recovery file{'s' if len(damaged) != 1 else ''} could not "
                f"be read (damaged) and {'were' if len(damaged) != 1 else 'was'} kept "
                f"aside:</p><ul>{names}</ul>"
            )
        if not snapshots:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(f"<p>The application was not closed normally.</p>{unread}")
            box.addButton(QMessageBox.StandardButton.Ok)
            self.box = box
            box.open()
            return True
        items = "".join(f"<li>{_describe(s)}</li>" for s in snapshots)
        box.setIcon(QMessageBox.Icon.Question)
        many = len(snapshots) != 1
        box.setText(
            f"<p>The application was not closed normally. {len(snapshots)} draft"
            f"{'s were' if many else ' was'} not saved:</p><ul>{items}</ul>{unread}"
            f"<p>Restore {'them' if many else 'it'} now? A restored draft opens with its "
            "changes unsaved.</p>"
        )
        self.restore_button = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Decide Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        box.buttonClicked.connect(lambda button: self._choose(button, snapshots))
        self.box = box
        box.open()
        return True

    def _choose(self, button: QAbstractButton, snapshots: list[Snapshot]) -> None:
        if button is self.restore_button:
            for s in snapshots:
                self.drafts.restore(s)
        elif button is self.discard_button:
            for s in snapshots:
                # Claimed first: a window started since, or the session's own window come
                # back, keeps what it has; a snapshot another window took is not ours.
                claimed = self.recovery.claim(s)
                if claimed is not None:
                    RecoveryStore.remove(claimed)
