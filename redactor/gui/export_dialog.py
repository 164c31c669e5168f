"""The export dialog: format and options, the checklist, and the verify result in plain words.

The dialog never decides for the editor. Findings still undecided are counted per page, with
"Go to them" (back to the first in the main window) and "Export with them as they are", which
leaves the review exactly as it is: the copy hides them as the command line hides what it finds
(jobs.copy_plan). Pages needing eyes hold the export until the editor confirms them (the app never
exports over unread ink: no --accept-unread here). When the final check still refuses a copy, the
places it found are drawn on the pages as findings of their own (Label.LEAK)."""

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
from redactor.core.errors import LeakDetected, RedactorError, UnreadInk
from redactor.core.model import Label
from redactor.core.plan import Redaction
from redactor.core.project import write_redaction_log

from .controller import Letter, ReviewController
from .file_dialogs import save_file_name
from .i18n import tr, trf
from .letter import reading_order
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
        self.eyes_item.setWordWrap(True)
        self.eyes_go = QPushButton(tr("Go to them"))
        self.eyes_go.clicked.connect(self.go_to_eyes)
        self.undecided_item = QLabel()
        self.undecided_item.setWordWrap(True)
        self.undecided_go = QPushButton(tr("Go to them"))
        self.undecided_go.clicked.connect(self.go_to_undecided)
        self.as_they_are = QLabel()  # what exporting them as they are does, in one sentence
        self.as_they_are.setWordWrap(True)
        for item, go in ((self.eyes_item, self.eyes_go), (self.undecided_item, self.undecided_go)):
            row = QHBoxLayout()
            row.addWidget(item, 1)
            row.addWidget(go, 0, Qt.AlignmentFlag.AlignTop)
            cl.addLayout(row)
            if item is self.undecided_item:
                cl.addWidget(self.as_they_are)
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
        self.leak_go = QPushButton(tr("Go to them"))  # the places a refused copy was found at
        self.leak_go.clicked.connect(self.go_to_leaks)
        self.leak_go.hide()
        self.leak_ids: list[str] = []
        buttons = QHBoxLayout()
        buttons.addWidget(self.leak_go)
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
        folders = getattr(self.parent(), "folders", None)  # the main window's folder memory
        path = save_file_name(self, tr("Save the safe copy as"), self.out.text(), folders=folders)
        if path:
            self.out.setText(path)

    def blockers(self) -> tuple[list[int], int]:
        """The pages needing eyes not confirmed yet, and how many findings are undecided."""
        plan = self.letter.plan
        if plan is None:
            return [], 0
        return plan.pages_needing_eyes(), len(self.undecided())

    def undecided(self) -> list[Redaction]:
        """The findings nobody has decided on, in reading order. Unread ink on a page the editor
        has confirmed looking at was looked at: like `--accept-unread`, it no longer counts (the
        copy leaves it unboxed, unless accepted)."""
        plan = self.letter.plan
        if plan is None:
            return []
        looked = {p.index for p in plan.pages if p.eyes_confirmed}
        return sorted(
            (r for r in plan.undecided() if not (r.label == Label.UNREAD and r.page in looked)),
            key=reading_order,
        )

    def _unread_count(self, pages: list[int]) -> int:
        doc = self.letter.document
        if doc is None:
            return 0
        return sum(len(doc.pages[p].unread_regions) for p in pages if p < len(doc.pages))

    def _update_checklist(self) -> None:
        eyes, _ = self.blockers()
        undecided = self.undecided()
        ok, bad = "✓ ", "✗ "
        if eyes:
            pages = _pages(eyes)
            unread = self._unread_count(eyes)
            text = (
                trf("%1 pages need your eyes and are not confirmed yet: %2", len(eyes), pages)
                if len(eyes) > 1
                else trf("A page needs your eyes and is not confirmed yet: %1", pages)
            )
            if unread:
                text += " " + trf("(%1 places of ink no reader could read)", unread)
            text += ". " + tr("Look at each and confirm it (C): the export waits until then.")
            self.eyes_item.setText(bad + text)
            self.eyes_item.setStyleSheet("color: #a33;")
        else:
            self.eyes_item.setText(ok + tr("Every page that needs eyes has been looked at"))
            self.eyes_item.setStyleSheet("color: #060;")
        self.eyes_go.setVisible(bool(eyes))
        if undecided:
            pages = _pages(sorted({r.page for r in undecided}))
            self.undecided_item.setText(
                bad
                + (
                    trf("%1 findings not decided yet: %2", len(undecided), pages)
                    if len(undecided) > 1
                    else trf("1 finding not decided yet: %1", pages)
                )
            )
            self.undecided_item.setStyleSheet("color: #a33;")
            self.as_they_are.setText(self._as_they_are_text(undecided))
        else:
            self.undecided_item.setText(ok + tr("Every finding is decided"))
            self.undecided_item.setStyleSheet("color: #060;")
        self.undecided_go.setVisible(bool(undecided))
        self.as_they_are.setVisible(bool(undecided))
        self.export_button.setText(
            tr("Export with them as they are") if undecided else tr("Export")
        )
        # Enter goes to the undecided findings rather than past them
        self.export_button.setDefault(not undecided)
        self.undecided_go.setDefault(bool(undecided))
        self.export_button.setEnabled(not eyes)

    def _as_they_are_text(self, undecided: list[Redaction]) -> str:
        hidden = sum(1 for r in undecided if jobs.hidden_when_undecided(r))
        left = len(undecided) - hidden
        if left:
            return trf(
                "Exported as they are, %1 of them are hidden in the copy, as the command line "
                "hides what it finds, and %2 notices of hidden source text or unread ink are left "
                "unboxed, as there; your review is not changed.",
                hidden,
                left,
            )
        return tr(
            "Exported as they are, they are hidden in the copy, as the command line hides what "
            "it finds; your review is not changed."
        )

    def _show_main(self) -> None:
        if self.ctl.letter is not self.letter:
            self.ctl.set_letter(self.letter)
        self.close()
        main = self.parentWidget()
        if main is not None:
            main.activateWindow()
            view = getattr(main, "view", None)
            if isinstance(view, QWidget):
                view.setFocus()

    def go_to_undecided(self) -> None:
        """Close and select the first undecided finding in the main window."""
        undecided = self.undecided()
        if not undecided:
            return
        self._show_main()
        self.ctl.select(undecided[0].id)

    def go_to_eyes(self) -> None:
        """Close and show the first page that needs eyes."""
        eyes, _ = self.blockers()
        if not eyes:
            return
        self._show_main()
        self.ctl.select(None)
        self.ctl.set_page(eyes[0])

    def go_to_leaks(self) -> None:
        """Close and select the first place the final check refused the copy for."""
        plan = self.letter.plan
        if plan is None:
            return
        ids = set(self.leak_ids)
        places = sorted((r for r in plan.redactions if r.id in ids), key=reading_order)
        if not places:
            return
        self._show_main()
        self.ctl.select(places[0].id)

    def start(self) -> None:
        letter = self.letter
        if letter.plan is None or letter.opened is None:
            return
        eyes, _ = self.blockers()
        if eyes:  # the unread-ink gate: the app never exports over pages nobody confirmed
            self._update_checklist()
            return
        # The review as it is: undecided findings stay undecided (the copy hides them,
        # jobs.copy_plan); nothing here changes the plan or the undo history.
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
        self.leak_go.hide()
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
        if report.undecided_hidden:
            text += "\n" + trf(
                "%1 undecided findings are hidden in the copy as they are; your review is "
                "unchanged.",
                report.undecided_hidden,
            )
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
        self.adjustSize()
        self.ctl.mark_exported(self.letter)
        self.ctl.message.emit(report.summary())

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._update_checklist()
        if isinstance(exc, LeakDetected):
            self._show_failure(self._leak_text(exc))
        elif isinstance(exc, UnreadInk):
            eyes, _ = self.blockers()
            self._show_failure(
                tr(
                    "Nothing was saved: a page holds ink no reader could read and nobody has "
                    "confirmed looking at it."
                )
                + (" " + trf("Pages: %1.", _pages(eyes)) if eyes else "")
            )
        elif isinstance(exc, RedactorError):
            self._show_failure(tr("Nothing was saved: %1").replace("%1", str(exc)))
        else:
            self._show_failure(
                tr("Nothing was saved: an unexpected error (%1).").replace("%1", type(exc).__name__)
            )

    def _leak_text(self, exc: LeakDetected) -> str:
        """The refusal in plain words; the places on a page become LEAK findings of the letter
        (one edit, undoable), so the editor sees them where they are."""
        letter = self.letter
        text = tr("Nothing was saved: the final check still found a hidden item in the copy.")
        on_page = sorted({p.page for p in exc.places if p.page is not None})
        elsewhere = list(dict.fromkeys(p.where for p in exc.places if p.page is None))
        self.leak_ids = []
        if on_page and letter.plan is not None and letter.document is not None:
            new, ids = jobs.with_leak_places(letter.plan, letter.document, exc.places)
            if ids:
                self.ctl.change(new, tr("Places the final check refused"), letter)
            self.leak_ids = [
                r.id
                for r in (letter.plan.redactions if letter.plan else ())
                if r.label == Label.LEAK
                and r.state != "rejected"
                and any(p.page == r.page for p in exc.places)
            ]
            text += " " + trf(
                "The places it found are marked on the pages as findings (“%1”): %2. Look at "
                "them, hide what must be hidden, and export again.",
                tr("found in the copy by the final check"),
                _pages(on_page),
            )
        if elsewhere:
            text += (
                " "
                + tr("Found in the file, not on a page:")
                + "\n"
                + "\n".join(f"• {x}" for x in elsewhere[:8])
            )
        elif not on_page:
            text += "\n" + "\n".join(f"• {x}" for x in exc.leaks[:10])
        self.leak_go.setVisible(bool(self.leak_ids))
        return text

    def _show_failure(self, text: str) -> None:
        self.result_label.setText("✗ " + text)
        self.result_label.setStyleSheet("color: #a00; font-weight: bold;")
        self.adjustSize()  # room for the message, the options not squeezed


def _pages(pages: list[int]) -> str:
    """ "page 3" or "pages 1, 3, 4" (1-based)."""
    numbers = ", ".join(str(p + 1) for p in pages)
    return trf("page %1", numbers) if len(pages) == 1 else trf("pages %1", numbers)


def _uncheck_if(box: QCheckBox, on: bool) -> None:
    """Black and white and keeping the colours exclude each other."""
    if on:
        box.setChecked(False)
