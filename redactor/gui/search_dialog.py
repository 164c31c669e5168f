"""Search and redact (Ctrl+F): the editor types a term, sees every place it is found (in every
form, in the current letter or every open one) and hides the places they check.

The search runs on the controller's "search" lane (never on the UI thread). The hits are listed
per letter with their page, the form that matched and a few words around it (on screen only);
places over a finding the editor rejected start unchecked and say so; places already hidden are
shown greyed. "Hide the checked" is one undo step over every letter (Ctrl+Z)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redactor.core import search as search_ops
from redactor.core.lookalike import is_suspect_mix
from redactor.core.search import Hit, HitStatus

from .controller import LetterHits, ReviewController
from .i18n import tr, trf
from .letter import Letter
from .models import mark_scripts

log = logging.getLogger(__name__)

ROLE = Qt.ItemDataRole.UserRole  # a hit row: (index of its letter in results, index of its hit)
REJECTED_COLOUR = QColor("#b35900")


def mixed(form: str) -> bool:
    """Whether a matched form is spelled with look-alike letters of another script (which look
    the same on screen)."""
    return any(is_suspect_mix(w) for w in form.split())


def shown_form(form: str) -> str:
    """A matched form with the letters of its less used script in brackets: "Гвозд[e]в"."""
    return " ".join(mark_scripts(w) for w in form.split()) if mixed(form) else form


def forms_text(forms: list[str]) -> str:
    return ", ".join(
        trf("%1 (letters of several scripts)", shown_form(f)) if mixed(f) else f for f in forms
    )


def _note(status: HitStatus) -> str:
    if status == HitStatus.REJECTED:
        return tr("you rejected this before")
    if status == HitStatus.HIDDEN:
        return tr("already hidden")
    return ""


class SearchDialog(QDialog):
    def __init__(self, ctl: ReviewController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.results: list[LetterHits] = []
        self.searching = False
        self._filling = False
        self.setWindowTitle(tr("Search and redact"))

        self.term = QLineEdit()
        self.term.setPlaceholderText(tr("A name, number or word to hide everywhere"))
        self.find_button = QPushButton(tr("Search"))
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.run)
        self.all_letters = QCheckBox(tr("In every open letter"))
        self.all_letters.setChecked(True)
        top = QHBoxLayout()
        top.addWidget(self.term, 1)
        top.addWidget(self.find_button)

        self.result_label = QLabel(
            tr(
                "Every form is found: case endings, hyphenation, Cyrillic/Latin look-alikes, "
                "one OCR error. Nothing is hidden until you choose."
            )
        )
        self.result_label.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.forms_label = QLabel()
        self.forms_label.setWordWrap(True)
        self.forms_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.forms_label.hide()

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Page"), tr("Found"), tr("Context"), tr("Note")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.installEventFilter(self)
        self.tree.currentItemChanged.connect(lambda cur, _old: self._show(cur))
        self.tree.itemClicked.connect(lambda item, _col: self._show(item))

        self.hide_button = QPushButton()
        self.hide_button.setAutoDefault(False)
        self.hide_button.clicked.connect(self.hide_checked)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.hide_button)
        row.addWidget(self.close_button)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.all_letters)
        lay.addWidget(self.result_label)
        lay.addWidget(self.busy)
        lay.addWidget(self.forms_label)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)
        self.resize(880, 460)
        self._update_button()
        ctl.planChanged.connect(self._plan_changed)

    # --- searching ----------------------------------------------------------------------
    def run(self) -> None:
        term = self.term.text().strip()
        if not term:
            return
        job = self.ctl.search(
            [term], self.all_letters.isChecked(), on_done=self._found, on_error=self._failed
        )
        if job is None:
            self.result_label.setText(tr("No letter is ready to search yet."))
            return
        self.searching = True
        self.busy.show()
        self.result_label.setText(tr("Searching…"))

    def _failed(self, exc: BaseException) -> None:
        self.searching = False
        self.busy.hide()
        log.warning("search failed (%s)", type(exc).__name__)
        self.result_label.setText(tr("The search could not be run."))

    def _found(self, results: list[LetterHits]) -> None:
        self.searching = False
        self.busy.hide()
        self.results = [r for r in results if r.hits]
        self._fill()
        hits = [h for r in self.results for h in r.hits]
        if not hits:
            self.result_label.setText(tr("Nothing found."))
            self.forms_label.hide()
            return
        self.result_label.setText(
            trf("Places found: %1. Letters: %2.", len(hits), len(self.results))
        )
        forms = search_ops.distinct_forms(hits)
        self.forms_label.setText(trf("Forms matched: %1", forms_text(forms)))
        self.forms_label.show()

    # --- the list -----------------------------------------------------------------------
    def _fill(self) -> None:
        self._filling = True
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for i, res in enumerate(self.results):
            top = QTreeWidgetItem([f"{res.letter.name} — {len(res.hits)}"])
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for j, hit in enumerate(res.hits):
                item = QTreeWidgetItem(
                    [
                        trf("p. %1", hit.page + 1),
                        shown_form(hit.form),
                        f"…{hit.before} ‹{hit.form}› {hit.after}…",
                        "",
                    ]
                )
                item.setData(0, ROLE, (i, j))
                item.setFont(1, bold)
                top.addChild(item)
                self._set_status(item, hit.status, check=hit.status == HitStatus.NEW)
                if mixed(hit.form):
                    item.setToolTip(1, tr("mixed scripts"))
            top.setExpanded(True)
        self._filling = False
        self._update_button()

    def _set_status(self, item: QTreeWidgetItem, status: HitStatus, check: bool) -> None:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if status != HitStatus.HIDDEN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Checked if check else Qt.CheckState.Unchecked)
        item.setText(3, _note(status))
        role = QPalette.ColorRole.PlaceholderText if status == HitStatus.HIDDEN else None
        brush = self.palette().brush(role or QPalette.ColorRole.Text)
        if status == HitStatus.REJECTED:
            brush = QBrush(REJECTED_COLOUR)
        for col in range(4):
            item.setForeground(col, brush)
        item.setData(3, ROLE, str(status))

    def _rows(self) -> list[tuple[QTreeWidgetItem, LetterHits, Hit]]:
        out = []
        for t in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(t)
            if top is None:
                continue
            for c in range(top.childCount()):
                item = top.child(c)
                if item is None or item.data(0, ROLE) is None:
                    continue
                i, j = item.data(0, ROLE)
                out.append((item, self.results[i], self.results[i].hits[j]))
        return out

    def checked(self) -> list[tuple[LetterHits, Hit]]:
        return [
            (res, hit)
            for item, res, hit in self._rows()
            if item.checkState(0) == Qt.CheckState.Checked
            and item.flags() & Qt.ItemFlag.ItemIsUserCheckable
        ]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Space flips the current row's box whichever column was clicked."""
        if obj is self.tree and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            item = self.tree.currentItem()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Select) and item is not None:
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    on = item.checkState(0) == Qt.CheckState.Checked
                    item.setCheckState(0, Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
                return True
        return super().eventFilter(obj, event)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if not self._filling and column == 0:
            self._update_button()

    def _update_button(self) -> None:
        n = len(self.checked())
        self.hide_button.setText(trf("Hide the checked (%1)", n))
        self.hide_button.setEnabled(n > 0)

    def _plan_changed(self, letter: Letter) -> None:
        """The editor decided findings (or undid a search): each row of the letter says how
        it stands now; a place rejected meanwhile is unchecked."""
        if not self.isVisible():
            return
        self._filling = True
        for item, res, hit in self._rows():
            if res.letter is not letter or letter.plan is None:
                continue
            if letter.document is not res.document:  # read again: the words are others
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setText(3, tr("the letter was read again: search again"))
                continue
            status = search_ops.hit_status(letter.plan, res.document, hit.page, hit.word_indexes)
            if str(status) != item.data(3, ROLE):
                self._set_status(item, status, check=status == HitStatus.NEW)
        self._filling = False
        self._update_button()

    # --- going to a place ---------------------------------------------------------------
    def _show(self, item: QTreeWidgetItem | None) -> None:
        if item is None or item.data(0, ROLE) is None:
            return
        i, j = item.data(0, ROLE)
        res = self.results[i]
        hit = res.hits[j]
        letter = res.letter
        if letter not in self.ctl.letters or letter.plan is None:
            return
        self.ctl.set_letter(letter)
        words = set(hit.word_indexes)
        on_page = [r for r in letter.plan.redactions if r.page == hit.page]
        same = [r for r in on_page if r.word_indexes == hit.word_indexes]
        near = same or [r for r in on_page if words & set(r.word_indexes)]
        if near:
            self.ctl.select(near[0].id)
        else:
            self.ctl.current_id = None
            self.ctl.set_page(hit.page)
        view = getattr(self.parent(), "view", None)
        if isinstance(view, QGraphicsView):
            b = hit.box
            view.ensureVisible(QRectF(b.x0, b.y0, b.width, b.height), 60, 60)

    # --- hiding -------------------------------------------------------------------------
    def hide_checked(self) -> None:
        chosen: dict[int, list[Hit]] = {}
        for res, hit in self.checked():
            chosen.setdefault(self.results.index(res), []).append(hit)
        if not chosen:
            return
        n = self.ctl.hide_hits(
            [
                LetterHits(self.results[i].letter, self.results[i].document, hits)
                for i, hits in chosen.items()
            ]
        )
        self.result_label.setText(trf("Places hidden: %1 (Ctrl+Z undoes it).", n))

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.raise_()
        self.activateWindow()  # typing goes here, not to the page's shortcuts (Space)
        self.term.setFocus()

    def done(self, result: int) -> None:  # Close, Escape, the window's close button
        self.ctl.cancel_search()
        super().done(result)
