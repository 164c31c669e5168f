"""The main window: three panes, menus with every action and its shortcut, status bar."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from redactor.core.model import ReviewState
from redactor.core.project import ReviewStore

from .controller import Letter, ReviewController
from .file_dialogs import FolderMemory, open_file_names
from .findings_panel import FindingsPanel
from .i18n import tr, trf
from .page_view import PageView
from .preview import CopyPreview
from .protection import protection_line
from .recovery import RecoveryBar
from .settings import AppSettings
from .tasks import TaskRunner
from .thumbnails import LettersPane

OPEN_FILTER = (
    "Letters (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.txt *.docx *.odt *.eml *.heic"
    " *.heif);;All files (*)"
)


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: AppSettings | None = None,
        store: ReviewStore | None = None,
        runner: TaskRunner | None = None,
        autosave_ms: int = 300,
    ) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.folders = FolderMemory(self.settings)  # where the file dialogs start
        self.project_deny: tuple[str, ...] = ()
        self.project_allow: tuple[str, ...] = ()
        self.ctl = ReviewController(
            runner=runner,
            store=store,
            options=self.settings.load_options(),
            autosave_ms=autosave_ms,
            parent=self,
        )
        self.setWindowTitle("Redactor")
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.view = PageView()
        self.copy_preview = CopyPreview(self.ctl, self.settings, self.view)
        self.letters = LettersPane(self.ctl)
        self.findings = FindingsPanel(self.ctl)
        self.recovery_bar = RecoveryBar(self.ctl)
        self.restore_bar = self._make_restore_bar()
        self.eyes_bar = self._make_eyes_bar()
        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.recovery_bar)
        cl.addWidget(self.restore_bar)
        cl.addWidget(self.eyes_bar)
        self.pages_split = QSplitter(Qt.Orientation.Horizontal)  # the page | the copy's preview
        self.pages_split.addWidget(self.view)
        self.pages_split.addWidget(self.copy_preview)
        self.pages_split.setChildrenCollapsible(False)
        cl.addWidget(self.pages_split, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.letters)
        split.addWidget(center)
        split.addWidget(self.findings)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 850, 360])
        self.setCentralWidget(split)
        self._make_status()
        self._menu_actions: list[QAction] = []
        self._make_actions()
        self._connect()
        self._restore_letter: Letter | None = None
        self.view.setFocus()
        self.ctl.preload_detector()

    # --- building -------------------------------------------------------------------------------
    def _make_restore_bar(self) -> QFrame:
        bar = QFrame()
        bar.setStyleSheet("QFrame { background: #fff3cd; } QLabel { color: #222; }")
        lay = QHBoxLayout(bar)
        self.restore_label = QLabel()
        self.restore_label.setWordWrap(True)
        b1 = QPushButton(tr("Restore the review"))
        b2 = QPushButton(tr("Start again"))
        b1.clicked.connect(self.restore_saved)
        b2.clicked.connect(self.discard_saved)
        lay.addWidget(self.restore_label, 1)
        lay.addWidget(b1)
        lay.addWidget(b2)
        bar.hide()
        return bar

    def _make_eyes_bar(self) -> QFrame:
        bar = QFrame()
        bar.setStyleSheet("QFrame { background: #fde2d4; } QLabel { color: #222; }")
        lay = QHBoxLayout(bar)
        self.eyes_label = QLabel()
        self.eyes_label.setWordWrap(True)
        b = QPushButton(tr("I have looked at this page (C)"))
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda: self.ctl.confirm_eyes())
        lay.addWidget(self.eyes_label, 1)
        lay.addWidget(b)
        bar.hide()
        return bar

    def _make_status(self) -> None:
        sb = self.statusBar()
        self.status_text = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.ctl.cancel_loading)
        self.cancel_button.hide()
        self.zoom_label = QLabel()
        sb.addWidget(self.status_text, 1)
        sb.addPermanentWidget(self.zoom_label)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)

    def _act(self, menu, text: str, keys, slot, checkable: bool = False) -> QAction:  # noqa: ANN001
        a = QAction(tr(text), self)
        if keys:
            seqs = [QKeySequence(k) for k in (keys if isinstance(keys, list) else [keys])]
            a.setShortcuts(seqs)
        a.setCheckable(checkable)
        a.triggered.connect(slot)
        menu.addAction(a)
        self.addAction(a)
        self._menu_actions.append(a)
        return a

    def _make_actions(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu(tr("&File"))
        self._act(f, "Open…", QKeySequence.StandardKey.Open, self.open_dialog)
        self.recent_menu = f.addMenu(tr("Open recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        f.addSeparator()
        self.export_action = self._act(f, "Export safe copy…", "Ctrl+E", self.export_dialog)
        f.addSeparator()
        self._act(f, "Settings…", "Ctrl+,", self.settings_dialog)
        f.addSeparator()
        self._act(f, "Quit", QKeySequence.StandardKey.Quit, self.close)

        e = mb.addMenu(tr("&Edit"))
        self.undo_action = self._act(e, "Undo", "Ctrl+Z", self.ctl.undo.undo)
        self.redo_action = self._act(e, "Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.ctl.undo.redo)
        e.addSeparator()
        self._act(e, "Search and redact…", "Ctrl+F", self.search_dialog)

        r = mb.addMenu(tr("&Review"))
        self._act(r, "Next finding", "J", lambda: self.ctl.step(1))
        self._act(r, "Previous finding", "K", lambda: self.ctl.step(-1))
        r.addSeparator()
        self._act(r, "Accept", "A", lambda: self.ctl.decide_current(ReviewState.ACCEPTED))
        self._act(r, "Reject", "R", lambda: self.ctl.decide_current(ReviewState.REJECTED))
        self._act(
            r,
            "Accept the whole term",
            "Shift+A",
            lambda: self.ctl.decide_term(ReviewState.ACCEPTED),
        )
        self._act(
            r,
            "Reject the whole term",
            "Shift+R",
            lambda: self.ctl.decide_term(ReviewState.REJECTED),
        )
        self._act(r, "Accept everything of this label", "Ctrl+Shift+A", self._accept_label)
        r.addSeparator()
        self.draw_action = self._act(r, "Draw a box", "B", self.view.set_draw_mode, True)
        self.draw_action.setChecked(self.view.draw_mode)
        self._act(
            r,
            "Delete the box",
            [QKeySequence.StandardKey.Delete, "Backspace"],
            self.ctl.delete_current,
        )
        r.addSeparator()
        self._act(r, "Next page needing eyes", "N", self.ctl.next_eyes_page)
        self._act(r, "I have looked at this page", "C", lambda: self.ctl.confirm_eyes())
        # Page-level decisions (one undo step each). "Mark this page reviewed": its undecided
        # findings accepted and the page confirmed; the other two decide the undecided only.
        self._act(r, "Mark this page reviewed", "M", lambda: self.ctl.mark_page_reviewed())
        self._act(
            r,
            "Accept all on this page",
            "Ctrl+Alt+A",
            lambda: self.ctl.decide_page(ReviewState.ACCEPTED),
        )
        self._act(
            r,
            "Reject all on this page",
            "Ctrl+Alt+R",
            lambda: self.ctl.decide_page(ReviewState.REJECTED),
        )
        r.addSeparator()
        self._act(r, "Cancel loading", "Esc", self._escape)

        v = mb.addMenu(tr("&View"))
        self._act(v, "Zoom in", ["Ctrl+=", "Ctrl++"], lambda: self.view.zoom_by(1.25))
        self._act(v, "Zoom out", "Ctrl+-", lambda: self.view.zoom_by(0.8))
        self._act(v, "Fit width", "Ctrl+0", self.view.fit_width)
        self._act(v, "Fit page", "Ctrl+9", self.view.fit_page)
        v.addSeparator()
        self._act(v, "Next page", ["PgDown", "Space"], lambda: self._page_step(1))
        self._act(v, "Previous page", ["PgUp", "Shift+Space"], lambda: self._page_step(-1))
        v.addSeparator()
        self.preview_action = self._act(
            v, "Preview the export (black boxes)", "P", self._preview, True
        )
        self.preview_action.setChecked(self.view.preview)
        self.copy_preview_action = self._act(
            v, "Preview the copy", "Shift+P", self._copy_preview, True
        )
        self.copy_preview_action.setChecked(self.copy_preview.isVisibleTo(self))

        h = mb.addMenu(tr("&Help"))
        self.help_action = self._act(h, "Help and keyboard shortcuts", ["F1", "?"], self.show_help)
        self._act(h, "About Redactor", None, self._about)

    def _connect(self) -> None:
        c = self.ctl
        c.pageImage.connect(self._page_image)
        c.planChanged.connect(lambda letter: self._redraw() if letter is c.letter else None)
        c.currentChanged.connect(self._current_changed)
        c.message.connect(lambda m: self.status_text.setText(m))
        c.failed.connect(self.show_error)
        c.passwordNeeded.connect(self.ask_password)
        c.progress.connect(self._progress)
        c.restoreOffered.connect(self._offer_restore)
        c.pageRead.connect(lambda letter, i: self._update_eyes_bar())
        self.view.selected.connect(c.select)
        self.view.boxDrawn.connect(self._box_drawn)
        self.view.boxChanged.connect(c.move_box)
        self.view.boxMenuRequested.connect(self._box_menu)
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        self.view.sharpWanted.connect(self._want_sharp)
        c.sharpImage.connect(
            lambda letter, page, img: (
                self.view.show_sharp(page, img) if letter is c.letter else None
            )
        )
        self.findings.tree.activated.connect(lambda _i: self.view.setFocus())

    # --- reacting -------------------------------------------------------------------------------
    def _progress(self, done: int, total: int) -> None:
        busy = total > 0
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _page_image(self, letter: Letter, page: int, image) -> None:  # noqa: ANN001
        if letter is self.ctl.letter and page == self.ctl.page:
            self.view.show_page(page, image, self._page_size(letter, page, image))
            self._redraw()

    def _page_size(self, letter: Letter, page: int, image=None) -> tuple[int, int]:  # noqa: ANN001
        pt = letter.pages_read.get(page)
        if pt is not None:
            return pt.width_px, pt.height_px
        if image is not None:
            return image.width(), image.height()
        return self.view.page_size

    def _current_changed(self) -> None:
        letter = self.ctl.letter
        if letter is None:
            return
        if self.view.page != self.ctl.page:
            self.view.show_page(
                self.ctl.page,
                self.ctl.image(letter, self.ctl.page),
                self._page_size(letter, self.ctl.page),
            )
        self._redraw()
        self._update_restore_bar()
        pages = trf("page %1 of %2", self.ctl.page + 1, max(letter.page_count, 1))
        title = f"{letter.name} — {pages}"
        self.setWindowTitle(f"{title} — Redactor")

    def _redraw(self) -> None:
        letter = self.ctl.letter
        if letter is None:
            return
        self.view.set_words(letter.pages_read.get(self.ctl.page))
        reds = []
        if letter.plan is not None:
            reds = [r for r in letter.plan.redactions if r.page == self.ctl.page]
        self.view.set_redactions(reds, self.ctl.current_id)
        self._update_eyes_bar()

    def _update_eyes_bar(self) -> None:
        letter = self.ctl.letter
        page = letter.pages_read.get(self.ctl.page) if letter else None
        needs = (
            letter is not None
            and letter.plan is not None
            and self.ctl.page in letter.plan.pages_needing_eyes()
        )
        if needs and page is not None:
            self.eyes_label.setText(
                tr("This page needs your eyes: %1").replace("%1", page.needs_eyes_reason)
                + " "
                + tr(
                    "Look for names the reader could not see, draw boxes over them (B), "
                    "then confirm."
                )
            )
        self.eyes_bar.setVisible(bool(needs))

    def _box_drawn(self, page: int, box) -> None:  # noqa: ANN001
        self.ctl.add_box(page, box)

    def _page_step(self, delta: int) -> None:
        self.ctl.current_id = None
        self.ctl.set_page(self.ctl.page + delta)

    def _preview(self, on: bool) -> None:
        self.view.preview = on
        self._redraw()

    def _copy_preview(self, on: bool) -> None:
        """The copy as the export burns it, beside the page (preview.py)."""
        if on:
            half = max(self.pages_split.width() // 2, 100)
            self.copy_preview.set_on(True)
            self.pages_split.setSizes([half, half])
        else:
            self.copy_preview.set_on(False)

    def _want_sharp(self, page: int, scale: float) -> None:
        """The page view is zoomed beyond its image's pixels (scale > 0) or no longer is."""
        letter = self.ctl.letter
        if letter is None or scale <= 0 or page != self.ctl.page:
            self.ctl.drop_sharp()
            return
        dpi = self.ctl.sharp_dpi(letter, page, scale, self.view.page_size)
        self.ctl.request_sharp(letter, page, dpi)

    def _accept_label(self) -> None:
        r = self.ctl.current()
        if r is not None:
            self.ctl.decide_label(r.label, ReviewState.ACCEPTED)

    def _escape(self) -> None:
        if self.view.draw_mode:
            self.draw_action.setChecked(False)
            self.view.set_draw_mode(False)
        elif self.ctl.runner.busy():
            self.ctl.cancel_loading()

    def _offer_restore(self, letter: Letter) -> None:
        self._update_restore_bar()

    def _update_restore_bar(self) -> None:
        """The saved review on offer of the current letter (each letter keeps its own)."""
        letter = self.ctl.letter
        saved = letter.saved if letter is not None else None
        if letter is None or saved is None:
            self._restore_letter = None
            self.restore_bar.hide()
            return
        if letter is self._restore_letter and self.restore_bar.isVisible():
            return
        self._restore_letter = letter
        import datetime as _dt

        when = _dt.datetime.fromtimestamp(saved.saved_at).strftime("%Y-%m-%d %H:%M")
        text = (
            tr("A review of %1 saved at %2 was found.")
            .replace("%1", letter.name)
            .replace("%2", when)
        )
        if not saved.clean_exit:
            text += " " + tr("The app did not close properly last time.")
        self.restore_label.setText(text)
        self.restore_bar.show()

    def restore_saved(self) -> None:
        if self._restore_letter is not None:
            self.ctl.restore(self._restore_letter)
        self._restore_letter = None
        self._update_restore_bar()

    def discard_saved(self) -> None:
        if self._restore_letter is not None:
            self.ctl.discard_saved(self._restore_letter)
        self._restore_letter = None
        self._update_restore_bar()

    def ask_password(self, letter: Letter, why: str) -> None:
        wrong = letter.password is not None
        prompt = tr("The password is wrong. Password:") if wrong else tr("Password:")
        text, ok = QInputDialog.getText(
            self,
            trf("%1 is encrypted", letter.name),
            prompt,
            QLineEdit.EchoMode.Password,
        )
        if ok and text:
            self.ctl.retry_with_password(letter, text)
        else:
            self.show_error(f"{letter.name}: {why}")

    def show_error(self, text: str) -> None:
        self.status_text.setText(text)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Redactor", text, QMessageBox.StandardButton.Ok, self
        )
        box.setModal(False)
        box.show()

    # --- commands -------------------------------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        for p in paths:
            self.settings.add_recent(p)
        self.ctl.open_paths(paths)

    def open_dialog(self) -> None:
        paths = open_file_names(self, tr("Open letters"), OPEN_FILTER, folders=self.folders)
        if paths:
            self.open_paths(paths)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent():
            self.recent_menu.addAction(p, partial(self.open_paths, [p]))
        if not self.settings.remembers_recent():
            off = self.recent_menu.addAction(tr("Not remembered (see Settings)"))
            off.setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(tr("Clear the list"), self.clear_recent)
        clear.setEnabled(bool(self.settings.recent()))

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self.status_text.setText(tr("The list of recent letters is cleared."))

    def export_dialog(self) -> None:
        from .export_dialog import ExportDialog

        letter = self.ctl.letter
        if letter is None or letter.plan is None:
            self.status_text.setText(tr("Nothing to export yet: the letter is still being read."))
            return
        self._export = ExportDialog(self.ctl, letter, self.settings, self)
        self._export.show()

    def settings_dialog(self) -> None:
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self)
        dlg.set_project_lists(self.project_deny, self.project_allow)
        old_language = self.settings.get("language")
        accepted = dlg.exec()
        dlg.hide()
        dlg.deleteLater()  # (a child of the window: it would stay, and be retranslated)
        dlg.setParent(None)
        if accepted:
            self.project_deny, self.project_allow = dlg.project_lists()
            opts = self.settings.load_options(self.project_deny)
            from dataclasses import replace

            self.ctl.set_options(replace(opts, allow=opts.allow + self.project_allow))
            if self.settings.get("language") != old_language:
                self.switch_language(str(self.settings.get("language")))
            self.copy_preview.schedule()  # the fill or the padding may have changed
            text = tr("Settings saved. They apply to letters opened from now on.")
            self.status_text.setText(text)

    def switch_language(self, language: str) -> None:
        """Speak `language` ("": the system's) at once: the menus are built again, every other
        text of the windows is put into it (i18n.retranslate), the panels filled again. The
        letters, the current finding, the undo history and the view stay as they are."""
        from . import i18n

        shown = i18n.sources_of(i18n.current())
        i18n.install(language)
        i18n.retranslate(QApplication.topLevelWidgets(), shown)
        self._rebuild_menus()
        self.cancel_button.setText(tr("Cancel"))  # "Undo" and "Cancel" share a Kazakh word
        self.findings.refresh()
        self.letters.refresh_letters()
        self.letters.refresh_pages()
        self.copy_preview.retranslate()
        self._update_eyes_bar()
        if self._restore_letter is not None and self.restore_bar.isVisible():
            self._offer_restore(self._restore_letter)
        if self.ctl.letter is not None:
            self._current_changed()

    def _rebuild_menus(self) -> None:
        for a in self._menu_actions:
            self.removeAction(a)
            a.setShortcuts([])  # at once: two live actions on one key would block it
            a.setEnabled(False)
            a.deleteLater()
        self._menu_actions = []
        mb = self.menuBar()
        for menu in mb.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            menu.deleteLater()
        mb.clear()
        self._make_actions()

    def search_dialog(self) -> None:
        from .search_dialog import SearchDialog

        self._search = SearchDialog(self.ctl, self)
        self._search.show()

    def show_help(self) -> None:
        """The help sheet (F1, ?): beside the window, built from its menus each time."""
        from .help_sheet import HelpSheet

        if getattr(self, "help_sheet", None) is None:
            self.help_sheet = HelpSheet(self)
        else:
            self.help_sheet.refresh()
        self.help_sheet.show()
        self.help_sheet.raise_()
        self.help_sheet.activateWindow()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        # "?" typed with Shift (Shift+/ on many layouts) may not match the "?" shortcut on
        # every platform: the character itself opens the help sheet too.
        if event.text() == "?":
            self.show_help()
            return
        super().keyPressEvent(event)

    def _box_menu(self, rid: str, pos) -> None:  # noqa: ANN001
        """A right-click on a box: it becomes the current finding and its menu opens."""
        from .context_menus import redaction_menu

        self.ctl.select(rid)
        menu = redaction_menu(self, self.ctl, [rid])
        if menu is None:
            return
        old = getattr(self, "box_menu", None)
        if old is not None:
            old.deleteLater()
        self.box_menu = menu
        menu.popup(pos)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            tr("About Redactor"),
            tr(
                "Redactor finds and hides names and identifying details in letters and "
                "exports verified safe copies. It never uses the network."
            )
            + "\n\n"
            + protection_line(),
        )

    # --- drag and drop, closing -------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.ctl.shutdown()
        QTimer.singleShot(0, lambda: None)
        super().closeEvent(event)
