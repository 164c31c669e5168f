"""Search and redact (Ctrl+F): a term hidden everywhere, in every form, in every open letter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .controller import ReviewController
from .i18n import tr


class SearchDialog(QDialog):
    def __init__(self, ctl: ReviewController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.setWindowTitle(tr("Search and redact"))
        self.term = QLineEdit()
        self.term.setPlaceholderText(tr("A name, number or word to hide everywhere"))
        self.all_letters = QCheckBox(tr("In every open letter"))
        self.all_letters.setChecked(True)
        self.result_label = QLabel(
            tr(
                "Every form is found: case endings, hyphenation, Cyrillic/Latin look-alikes, "
                "one OCR error."
            )
        )
        self.result_label.setWordWrap(True)
        go = QPushButton(tr("Hide everywhere"))
        go.setDefault(True)
        go.clicked.connect(self.run)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(go)
        row.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.term)
        lay.addWidget(self.all_letters)
        lay.addWidget(self.result_label)
        lay.addLayout(row)
        self.term.returnPressed.connect(self.run)

    def run(self) -> None:
        term = self.term.text().strip()
        if not term:
            return
        n = self.ctl.add_terms([term], self.all_letters.isChecked())
        if n:
            self.result_label.setText(
                tr("%1 new boxes added and accepted (Ctrl+Z undoes it).").replace("%1", str(n))
            )
        else:
            self.result_label.setText(tr("Nothing new found."))
        self.term.clear()
