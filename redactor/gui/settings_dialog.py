"""The settings dialog (QSettings): OCR, detection, deny/allow lists, export look, language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .i18n import LANGUAGES, tr
from .settings import AppSettings


def _terms_edit(text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setPlaceholderText(tr("One term a line"))
    edit.setTabChangesFocus(True)
    return edit


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Settings"))
        self.setMinimumWidth(520)
        tabs = QTabWidget()
        # reading and detection
        page = QWidget()
        form = QFormLayout(page)
        self.langs = QLineEdit(str(settings.get("ocr_langs")))
        self.langs.setToolTip(tr("Tesseract languages joined by +, e.g. rus+kaz+eng"))
        self.detect_lang = QComboBox()
        for code, text in (
            ("auto", tr("Per paragraph (automatic)")),
            ("en", "English"),
            ("ru", "Русский"),
            ("kk", "Қазақша"),
        ):
            self.detect_lang.addItem(text, code)
        self.detect_lang.setCurrentIndex(
            max(0, self.detect_lang.findData(settings.get("detect_lang")))
        )
        self.profile = QComboBox()
        self.profile.addItem(tr("strict: every identifying detail"), "strict")
        self.profile.addItem(tr("names: people's names only"), "names")
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.get("profile"))))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(float(settings.get("threshold")))  # type: ignore[arg-type]
        self.dpi = QSpinBox()
        self.dpi.setRange(100, 400)
        self.dpi.setSingleStep(50)
        self.dpi.setValue(int(settings.get("dpi")))  # type: ignore[call-overload]
        form.addRow(tr("OCR languages"), self.langs)
        form.addRow(tr("Text language"), self.detect_lang)
        form.addRow(tr("Profile"), self.profile)
        form.addRow(tr("Score threshold"), self.threshold)
        form.addRow(tr("Working DPI"), self.dpi)
        tabs.addTab(page, tr("Reading"))
        # lists
        page = QWidget()
        form = QFormLayout(page)
        self.deny = _terms_edit(str(settings.get("deny")))
        self.allow = _terms_edit(str(settings.get("allow")))
        self.p_deny = _terms_edit("")
        self.p_allow = _terms_edit("")
        form.addRow(tr("Always hide (all letters)"), self.deny)
        form.addRow(tr("Never hide (all letters)"), self.allow)
        form.addRow(tr("Always hide (this project, not saved)"), self.p_deny)
        form.addRow(tr("Never hide (this project, not saved)"), self.p_allow)
        tabs.addTab(page, tr("Lists"))
        # export and interface
        page = QWidget()
        form = QFormLayout(page)
        self.padding = QSpinBox()
        self.padding.setRange(0, 40)
        self.padding.setValue(int(settings.get("padding_px")))  # type: ignore[call-overload]
        self.fill = QComboBox()
        for color, text in (
            ("#000000", tr("Black")),
            ("#ffffff", tr("White")),
            ("#808080", tr("Grey")),
        ):
            self.fill.addItem(text, color)
        self.fill.setCurrentIndex(max(0, self.fill.findData(settings.get("fill"))))
        self.label_style = QComboBox()
        self.label_style.addItem(tr("Plain boxes"), "black")
        self.label_style.addItem(tr("Boxes and labels in the text export"), "labels")
        self.label_style.setCurrentIndex(
            max(0, self.label_style.findData(settings.get("label_style")))
        )
        self.language = QComboBox()
        self.language.addItem(tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.reviewer = QLineEdit(str(settings.get("reviewer")))
        self.remember_recent = QCheckBox(
            tr("Remember recently opened letters (their names and folders stay in the settings)")
        )
        self.remember_recent.setChecked(settings.remembers_recent())
        form.addRow(tr("Box padding (px)"), self.padding)
        form.addRow(tr("Fill colour"), self.fill)
        form.addRow(tr("Label style"), self.label_style)
        form.addRow(tr("Interface language"), self.language)
        form.addRow(tr("Reviewer name (private log)"), self.reviewer)
        form.addRow(tr("Recent letters"), self.remember_recent)
        crash_note = QLabel(
            tr(
                "For crash recovery only, and whatever this setting says: while the app runs, "
                "the letters that are open are listed in an encrypted file in the data folder "
                "(unreadable without the installation key); a proper quit deletes it."
            )
        )
        crash_note.setWordWrap(True)
        form.addRow("", crash_note)
        tabs.addTab(page, tr("Export and interface"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)

    def set_project_lists(self, deny: tuple[str, ...], allow: tuple[str, ...]) -> None:
        self.p_deny.setPlainText("\n".join(deny))
        self.p_allow.setPlainText("\n".join(allow))

    def project_lists(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        def lines(edit: QPlainTextEdit) -> tuple[str, ...]:
            return tuple(t.strip() for t in edit.toPlainText().splitlines() if t.strip())

        return lines(self.p_deny), lines(self.p_allow)

    def accept(self) -> None:
        s = self.settings
        s.set("ocr_langs", self.langs.text().strip() or "rus+kaz+eng")
        s.set("detect_lang", self.detect_lang.currentData())
        s.set("profile", self.profile.currentData())
        s.set("threshold", self.threshold.value())
        s.set("dpi", self.dpi.value())
        s.set("deny", self.deny.toPlainText())
        s.set("allow", self.allow.toPlainText())
        s.set("padding_px", self.padding.value())
        s.set("fill", self.fill.currentData())
        s.set("label_style", self.label_style.currentData())
        s.set("language", self.language.currentData())
        s.set("reviewer", self.reviewer.text().strip())
        s.set_remember_recent(self.remember_recent.isChecked())
        super().accept()
