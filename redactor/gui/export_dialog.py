"""The export dialog: format and options, the checklist, and the verify result in plain words."""

from __future__ import annotations

import getpass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from redactor.core import jobs
from redactor.core.errors import LeakDetected, RedactorError
from redactor.core.project import write_redaction_log

from .controller import Letter, ReviewController
from .file_dialogs import save_file_name
from .i18n import tr
from .settings import AppSettings

SUFFIX = {"pdf": ".pdf", "png": ".png", "txt": ".txt"}


def _hex_rgb(text: str) -> tuple[int, int, int]:
    c = QColor(text)
    if not c.isValid():
        return (0, 0, 0)
    return (c.red(), c.green(), c.blue())


class ExportDialog(QDialog):
    def __init__(
        self,
        ctl: ReviewController,
        letter: Letter,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctl, self.letter, self.settings = ctl, letter, settings
        self.setWindowTitle(tr("Export a safe copy of %1").replace("%1", letter.name))
        self.setMinimumWidth(560)
        self.report = None
        # format and options
        fmt_box = QGroupBox(tr("Format"))
        self.fmt = QButtonGroup(self)
        fl = QVBoxLayout(fmt_box)
        for key, text in (
            ("pdf", tr("Safe PDF (rebuilt from the page images)")),
            ("png", tr("PNG images, one per page")),
            ("txt", tr("Text, with a label in place of each hidden item")),
        ):
            rb = QRadioButton(text)
            rb.setProperty("fmt", key)
            self.fmt.addButton(rb)
            fl.addWidget(rb)
            if key == "pdf":
                rb.setChecked(True)
        self.text_layer = QCheckBox(tr("Invisible text layer (only the words left visible)"))
        self.text_layer.setChecked(True)
        self.bw = QCheckBox(tr("Black and white (removes printer tracking dots)"))
        # By default pages are greyscale, or colour with the tracking dots cleaned.
        self.color = QCheckBox(tr("Keep the colours as they are (printer tracking dots too)"))
        self.bw.toggled.connect(partial(_uncheck_if, self.color))
        self.color.toggled.connect(partial(_uncheck_if, self.bw))
        self.log = QCheckBox(tr("Also write the private redaction log (keep it private)"))
        fl.addWidget(self.text_layer)
        fl.addWidget(self.bw)
        fl.addWidget(self.color)
        fl.addWidget(self.log)
        self.fmt.buttonToggled.connect(lambda *_: self._fmt_changed())
        # output
        out_row = QHBoxLayout()
        self.out = QLineEdit()
        src = Path(letter.path).resolve()
        self.out.setText(str(src.with_name(src.stem + ".safe.pdf")))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._browse)
        out_row.addWidget(QLabel(tr("Save as:")))
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        # checklist
        check_box = QGroupBox(tr("Before exporting"))
        cl = QVBoxLayout(check_box)
        self.eyes_item = QLabel()
        self.undecided_item = QLabel()
        self.accept_rest = QCheckBox(tr("Export anyway: accept every finding still undecided"))
        self.accept_rest.toggled.connect(lambda *_: self._update_checklist())
        cl.addWidget(self.eyes_item)
        cl.addWidget(self.undecided_item)
        cl.addWidget(self.accept_rest)
        # result
        self.progress = QProgressBar()
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(fmt_box)
        lay.addLayout(out_row)
        lay.addWidget(check_box)
        lay.addWidget(self.progress)
        lay.addWidget(self.result_label)
        lay.addLayout(buttons)
        ctl.planChanged.connect(lambda _l: self._update_checklist())
        self._update_checklist()

    def format(self) -> str:
        b = self.fmt.checkedButton()
        return str(b.property("fmt")) if b else "pdf"

    def _fmt_changed(self) -> None:
        fmt = self.format()
        self.text_layer.setEnabled(fmt == "pdf")
        self.bw.setEnabled(fmt in ("pdf", "png"))
        self.color.setEnabled(fmt in ("pdf", "png"))
        p = Path(self.out.text())
        stem = p.stem[: -len(".safe")] if p.stem.endswith(".safe") else p.stem
        self.out.setText(str(p.with_name(stem + ".safe" + SUFFIX[fmt])))

    def _browse(self) -> None:
        path = save_file_name(self, tr("Save the safe copy as"), self.out.text())
        if path:
            self.out.setText(path)

    def blockers(self) -> tuple[list[int], int]:
        plan = self.letter.plan
        if plan is None:
            return [], 0
        # Unread ink on a page the editor has confirmed looking at was looked at: like
        # `--accept-unread`, it no longer holds the export (accepting it still boxes it).
        looked = {p.index for p in plan.pages if p.eyes_confirmed}
        undecided = [r for r in plan.undecided() if not (r.label == "UNREAD" and r.page in looked)]
        return plan.pages_needing_eyes(), len(undecided)

    def _update_checklist(self) -> None:
        eyes, undecided = self.blockers()
        ok, bad = "✓ ", "✗ "
        if eyes:
            pages = ", ".join(str(p + 1) for p in eyes)
            self.eyes_item.setText(
                bad + tr("Pages that need your eyes are not confirmed yet: %1").replace("%1", pages)
            )
            self.eyes_item.setStyleSheet("color: #a33;")
        else:
            self.eyes_item.setText(ok + tr("Every page that needs eyes has been looked at"))
            self.eyes_item.setStyleSheet("color: #060;")
        if undecided:
            self.undecided_item.setText(
                bad + tr("%1 findings are still undecided").replace("%1", str(undecided))
            )
            self.undecided_item.setStyleSheet("color: #a33;")
        else:
            self.undecided_item.setText(ok + tr("Every finding is decided"))
            self.undecided_item.setStyleSheet("color: #060;")
        self.accept_rest.setVisible(bool(undecided))
        ready = not eyes and (not undecided or self.accept_rest.isChecked())
        self.export_button.setEnabled(ready)

    def start(self) -> None:
        letter = self.letter
        if letter.plan is None or letter.opened is None:
            return
        eyes, undecided = self.blockers()
        if eyes or (undecided and not self.accept_rest.isChecked()):
            self._update_checklist()
            return
        if undecided:
            self.ctl.accept_all_proposed(letter)
        plan = letter.plan
        out = self.out.text().strip()
        if not out:
            return
        if Path(out).resolve() == Path(letter.path).resolve():
            self._show_failure(
                tr("The safe copy cannot replace the original. Choose another name.")
            )
            return
        analysis = letter.opened
        if not isinstance(analysis, jobs.Analysis):
            return
        bw = self.bw.isChecked()
        options = jobs.ExportOptions(
            fmt=self.format(),
            text_layer=self.text_layer.isChecked(),
            bw=bw,
            color=self.color.isChecked() and not bw,
            fill=_hex_rgb(str(self.settings.get("fill"))),
            pad_px=float(self.settings.get("padding_px")),  # type: ignore[arg-type]
        )
        document = analysis.document

        def work(job):  # noqa: ANN001, ANN202
            def report(event: jobs.Event) -> None:
                if isinstance(event, jobs.Step):
                    job.report((event.done, event.total))

            return jobs.export(analysis, plan, out, options, progress=report, cancel=job.cancel)

        self.export_button.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, max(len(document.pages), 1))
        self.result_label.setStyleSheet("")
        self.result_label.setText(tr("Writing and checking the safe copy…"))
        self.want_log = self.log.isChecked()
        self.out_path = out
        self.ctl.runner.submit(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_report=lambda m: self.progress.setValue(m[0]),
            lane="export",
        )

    def _done(self, report) -> None:  # noqa: ANN001
        self.progress.hide()
        self.report = report
        self._update_checklist()
        if not report.ok:
            self._show_failure(report.summary())
            return
        text = tr("Saved %1.").replace("%1", self.out_path) + "\n" + report.summary() + "."
        for warning in report.warnings:
            text += "\n" + tr("Kept as asked: %1").replace("%1", warning)
        for note in report.boxed:  # places the final check found and the export boxed
            text += "\n" + note
        if self.want_log:
            log_path = str(Path(self.out_path).with_suffix("")) + ".private-log.csv"
            reviewer = str(self.settings.get("reviewer")) or getpass.getuser()
            plan = report.plan  # as burned, with the places the final check boxed besides
            try:
                write_redaction_log(plan, log_path, reviewer)
                text += "\n" + tr("Private log: %1 (do not publish it)").replace("%1", log_path)
            except OSError as exc:
                text += "\n" + tr("The private log could not be written: %1").replace(
                    "%1", str(exc)
                )
        self.result_label.setText("✓ " + text)
        self.result_label.setStyleSheet("color: #060; font-weight: bold;")
        self.ctl.mark_exported(self.letter)
        self.ctl.message.emit(report.summary())

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._update_checklist()
        if isinstance(exc, LeakDetected):
            where = "\n".join(f"• {x}" for x in exc.leaks[:10])
            self._show_failure(
                tr("Nothing was saved: the check found something of a hidden item.")
                + f"\n{exc}\n{where}"
            )
        elif isinstance(exc, RedactorError):
            self._show_failure(tr("Nothing was saved: %1").replace("%1", str(exc)))
        else:
            self._show_failure(
                tr("Nothing was saved: an unexpected error (%1).").replace("%1", type(exc).__name__)
            )

    def _show_failure(self, text: str) -> None:
        self.result_label.setText("✗ " + text)
        self.result_label.setStyleSheet("color: #a00; font-weight: bold;")


def _uncheck_if(box: QCheckBox, on: bool) -> None:
    """Black and white and keeping the colours exclude each other."""
    if on:
        box.setChecked(False)
