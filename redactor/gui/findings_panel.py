"""The findings of the letter, grouped by term or label, with filters and decision buttons."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from redactor.core.model import ALL_LABELS, NOTICE_LABELS, ReviewState

from .controller import ReviewController
from .i18n import tr
from .models import ROLE_IDS, ROLE_KIND, ROLE_LABEL, FindingsModel


class FindingsPanel(QWidget):
    focusPage = Signal()

    def __init__(self, ctl: ReviewController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.model = FindingsModel()
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.selectionModel().currentChanged.connect(self._clicked)
        self.group_by = QComboBox()
        self.group_by.addItem(tr("By term"), "term")
        self.group_by.addItem(tr("By label"), "label")
        self.label_filter = QComboBox()
        self.label_filter.addItem(tr("All labels"), "")
        for lab in (*ALL_LABELS, "TERM", "MANUAL", *NOTICE_LABELS):
            self.label_filter.addItem(lab, lab)
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr("All states"), "")
        self.state_filter.addItem(tr("proposed"), str(ReviewState.PROPOSED))
        self.state_filter.addItem(tr("accepted"), str(ReviewState.ACCEPTED))
        self.state_filter.addItem(tr("rejected"), str(ReviewState.REJECTED))
        for combo in (self.group_by, self.label_filter, self.state_filter):
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            combo.currentIndexChanged.connect(self.refresh)
        self.counts = QLabel()
        accept = QPushButton(tr("Accept"))
        reject = QPushButton(tr("Reject"))
        accept.setToolTip(tr("Accept the selected finding or term (A / Shift+A)"))
        reject.setToolTip(tr("Reject the selected finding or term (R / Shift+R)"))
        for b in (accept, reject):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        accept.clicked.connect(lambda: self._decide_selected(ReviewState.ACCEPTED))
        reject.clicked.connect(lambda: self._decide_selected(ReviewState.REJECTED))
        top = QHBoxLayout()
        top.addWidget(self.group_by)
        top.addWidget(self.label_filter)
        top.addWidget(self.state_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(accept)
        buttons.addWidget(reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.counts)
        lay.addLayout(buttons)
        self._syncing = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        ctl.planChanged.connect(
            lambda letter: self._refresh_timer.start() if letter is ctl.letter else None
        )
        ctl.currentChanged.connect(self.sync_current)
        self._shown_letter: object = None

    def refresh(self) -> None:
        self._refresh_timer.stop()
        letter = self.ctl.letter
        expanded = set()
        for row in range(self.model.rowCount()):
            idx = self.model.index(row, 0)
            if self.tree.isExpanded(idx):
                expanded.add(tuple(idx.data(ROLE_IDS) or ()))
        self._syncing = True
        self.model.rebuild(
            letter.document if letter else None,
            letter.plan if letter else None,
            self.group_by.currentData(),
            self.label_filter.currentData(),
            self.state_filter.currentData(),
        )
        for row in range(self.model.rowCount()):
            idx = self.model.index(row, 0)
            if tuple(idx.data(ROLE_IDS) or ()) in expanded:
                self.tree.expand(idx)
        self._syncing = False
        if letter is not None and letter.plan is not None:
            p = letter.plan
            self.counts.setText(
                tr("%1 findings: %2 to decide, %3 accepted, %4 rejected")
                .replace("%1", str(len(p.redactions)))
                .replace("%2", str(len(p.undecided())))
                .replace("%3", str(sum(r.state == ReviewState.ACCEPTED for r in p.redactions)))
                .replace("%4", str(sum(r.state == ReviewState.REJECTED for r in p.redactions)))
            )
        else:
            self.counts.setText("")
        self.sync_current()

    def sync_current(self) -> None:
        if self.ctl.letter is not self._shown_letter:
            self._shown_letter = self.ctl.letter
            self.refresh()
            return
        item = self.model.rows_by_id.get(self.ctl.current_id or "")
        if item is None:
            return
        idx = item.index()
        self._syncing = True
        self.tree.expand(idx.parent())
        self.tree.selectionModel().setCurrentIndex(
            idx,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(idx)
        self._syncing = False

    def _clicked(self, idx: QModelIndex, _prev: QModelIndex) -> None:
        if self._syncing or not idx.isValid():
            return
        idx = idx.siblingAtColumn(0)
        ids = idx.data(ROLE_IDS) or []
        if ids:
            self.ctl.select(ids[0])

    def _selected(self) -> tuple[list[str], str, str]:
        idx = self.tree.currentIndex().siblingAtColumn(0)
        if not idx.isValid():
            return [], "", ""
        return list(idx.data(ROLE_IDS) or []), idx.data(ROLE_KIND), idx.data(ROLE_LABEL)

    def _decide_selected(self, state: ReviewState) -> None:
        ids, _, _ = self._selected()
        if ids:
            self.ctl.decide_ids(ids, state)
        else:
            self.ctl.decide_current(state)

    def _menu(self, pos) -> None:  # noqa: ANN001
        """The right-click menu of a finding or a term (context_menus.py), with the decisions
        for a whole label after it. Shown without blocking (kept in `self.menu`)."""
        from .context_menus import redaction_menu
        from .style import label_text

        idx = self.tree.indexAt(pos).siblingAtColumn(0)
        if idx.isValid():  # the row under the mouse is the one the menu is for
            ids = list(idx.data(ROLE_IDS) or [])
            kind, label = idx.data(ROLE_KIND), idx.data(ROLE_LABEL)
            self.tree.setCurrentIndex(idx)
        else:
            ids, kind, label = self._selected()
        if not ids:
            return
        scope = "one"
        if kind == "group" and self.group_by.currentData() == "label":
            scope = "label"
        elif kind == "group" and len(ids) > 1:
            scope = "term"
        menu = redaction_menu(self, self.ctl, ids, scope)
        if menu is None:
            return
        if label and scope != "label":
            name = label_text(label)
            menu.addSeparator()
            menu.addAction(
                tr("Accept everything labelled %1").replace("%1", name),
                lambda: self.ctl.decide_label(label, ReviewState.ACCEPTED),
            )
            menu.addAction(
                tr("Reject everything labelled %1").replace("%1", name),
                lambda: self.ctl.decide_label(label, ReviewState.REJECTED),
            )
        old: QMenu | None = getattr(self, "menu", None)
        if old is not None:
            old.deleteLater()
        self.menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(pos))
