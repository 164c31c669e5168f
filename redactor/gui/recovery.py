"""The crash recovery offer: one bar, shown at start when the app was killed with letters open
(the session record, core/session.py), listing them by name with a button to reopen them all,
each with its saved review restored, and one to start again."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redactor.core import session

from .controller import ReviewController
from .i18n import tr


class RecoveryBar(QFrame):
    declined = Signal()  # "Start again": nothing was reopened

    def __init__(self, ctl: ReviewController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.letters: list[session.OpenLetter] = []
        self.setStyleSheet("QFrame { background: #fff3cd; } QLabel { color: #222; }")
        lay = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.reopen_button = QPushButton(tr("Reopen them with their reviews"))
        self.discard_button = QPushButton(tr("Start again"))
        self.reopen_button.clicked.connect(self.reopen_all)
        self.discard_button.clicked.connect(self.start_again)
        buttons = QVBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        lay.addWidget(self.label, 1)
        lay.addLayout(buttons)
        self.hide()

    def offer(self, letters: list[session.OpenLetter]) -> None:
        """Show the letters a crashed session had open, and say which moved or changed."""
        self.letters = list(letters)
        rows = []
        reopenable = 0
        for x in self.letters:
            found = session.check(x)
            name = html.escape(Path(x.path).name)
            if found == session.MISSING:
                note = tr(
                    "not found where it was (moved, renamed or deleted): open it from its new "
                    "place and its saved review is offered"
                )
            elif found == session.CHANGED:
                reopenable += 1
                note = tr("changed since: it is read again without its saved review")
            else:
                reopenable += 1
                note = ""
            tail = f" — {html.escape(note)}" if note else ""
            rows.append(f"<li><b>{name}</b>{tail}</li>")
        head = tr("Redactor did not close properly last time. These letters were open:")
        foot = tr(
            "Reopening brings each one back with every decision made; starting again discards "
            "their saved reviews."
        )
        self.label.setText(
            f"{html.escape(head)}<ul style='margin: 2px 0'>{''.join(rows)}</ul>{html.escape(foot)}"
        )
        self.reopen_button.setEnabled(reopenable > 0)
        self.show()

    def reopen_all(self) -> None:
        letters, self.letters = self.letters, []
        self.hide()
        self.ctl.recover(letters)

    def start_again(self) -> None:
        letters, self.letters = self.letters, []
        self.hide()
        self.ctl.forget_recovery(letters)
        self.declined.emit()
