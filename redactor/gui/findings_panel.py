"""The findings of the letter, grouped by term or label, with filters and decision buttons; the
current finding's details (its words and why it was found, on screen only); and the legend of
the boxes' colours, outlines and states."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from redactor.core.model import ALL_LABELS, NOTICE_LABELS, Document, PageText, ReviewState
from redactor.core.plan import Redaction

from .controller import ReviewController
from .i18n import tr, trf
from .letter import Letter
from .models import (
    ROLE_IDS,
    ROLE_KIND,
    ROLE_LABEL,
    FindingsModel,
    document_words,
    reason_texts,
    redaction_text,
    redaction_words,
    state_text,
)
from .style import LABEL_STYLE, STATE_LOOK, STATE_MARK, label_swatch, label_text

FILTER_LABELS = (*ALL_LABELS, "TERM", "MANUAL", *NOTICE_LABELS)
STATES = (ReviewState.PROPOSED, ReviewState.ACCEPTED, ReviewState.REJECTED)
NAME_MAX_PX = 170  # the legend's widest label name before it is cut


def screen_document(letter: Letter | None) -> Document | None:
    """The letter's words for the screen: the whole document once read, else the pages read
    so far (the provisional findings' words), the others empty."""
    if letter is None:
        return None
    if letter.document is not None:
        return letter.document
    if not letter.pages_read:
        return None
    count = max(letter.page_count, max(letter.pages_read) + 1)
    pages = tuple(letter.pages_read.get(i) or PageText(i, 0, 0, 0) for i in range(count))
    return Document(path=letter.path, kind="", pages=pages)


class Legend(QFrame):
    """What the boxes on the page mean: per label its colour, outline and name; per state its
    look and mark (the tree's State column)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        self.names: dict[str, QLabel] = {}
        self.states: dict[ReviewState, QLabel] = {}
        labels = list(LABEL_STYLE)
        rows = (len(labels) + 1) // 2
        for n, label in enumerate(labels):
            row, col = n % rows, (n // rows) * 2
            swatch = QLabel()
            swatch.setPixmap(label_swatch(label))
            name = QLabel()
            self.names[label] = name
            grid.addWidget(swatch, row, col)
            grid.addWidget(name, row, col + 1)
        self.states_title = QLabel()
        grid.addWidget(self.states_title, rows, 0, 1, 4)
        for k, state in enumerate(STATES):
            swatch = QLabel()
            swatch.setPixmap(label_swatch("PERSON", state))
            text = QLabel()
            text.setWordWrap(True)
            self.states[state] = text
            grid.addWidget(swatch, rows + 1 + k, 0)
            grid.addWidget(text, rows + 1 + k, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for label, name in self.names.items():
            name.setText(label_text(label))
            name.setToolTip(label_text(label))
            # shown whole up to a width, cut beyond it (the tooltip has it) not to widen the pane
            name.setMinimumWidth(min(name.sizeHint().width(), NAME_MAX_PX))
        self.states_title.setText("<b>" + escape(tr("Decisions")) + "</b>")
        for state, text in self.states.items():
            text.setText(f"{STATE_MARK[state]} {state_text(state)}: {tr(STATE_LOOK[state])}")

    def text(self) -> str:
        """Everything the legend says, as plain text."""
        parts = [w.text() for w in self.names.values()]
        parts += [w.text() for w in self.states.values()]
        return "\n".join(parts)


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
        self.group_by.addItem("", "term")
        self.group_by.addItem("", "label")
        self.label_filter = QComboBox()
        self.label_filter.addItem("", "")
        for lab in FILTER_LABELS:
            self.label_filter.addItem("", lab)
        self.state_filter = QComboBox()
        self.state_filter.addItem("", "")
        for st in STATES:
            self.state_filter.addItem("", str(st))
        for combo in (self.group_by, self.label_filter, self.state_filter):
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(self.refresh)
        # the current finding: its label, words and reasons (on screen only, never logged)
        self.details = QTextBrowser()
        self.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(60)
        self.details.setMaximumHeight(130)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.accept_button = QPushButton()
        self.reject_button = QPushButton()
        for b in (self.accept_button, self.reject_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(lambda: self._decide_selected(ReviewState.ACCEPTED))
        self.reject_button.clicked.connect(lambda: self._decide_selected(ReviewState.REJECTED))
        self.legend = Legend()
        self.legend_button = QToolButton()
        self.legend_button.setCheckable(True)
        self.legend_button.setChecked(True)
        self.legend_button.setAutoRaise(True)
        self.legend_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.legend_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.legend_button.toggled.connect(self._show_legend)
        top = QHBoxLayout()
        top.addWidget(self.group_by)
        top.addWidget(self.label_filter)
        top.addWidget(self.state_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(3)
        lay.addLayout(top)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.details)
        lay.addWidget(self.counts)
        lay.addLayout(buttons)
        lay.addWidget(self.legend_button)
        lay.addWidget(self.legend)
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
        self.retranslate()
        self._show_legend(True)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the panel in the interface language (also on a language change)."""
        self.group_by.setItemText(0, tr("By term"))
        self.group_by.setItemText(1, tr("By label"))
        self.label_filter.setItemText(0, tr("All labels"))
        for n, lab in enumerate(FILTER_LABELS, start=1):
            self.label_filter.setItemText(n, label_text(lab))
        self.state_filter.setItemText(0, tr("All states"))
        for n, st in enumerate(STATES, start=1):
            self.state_filter.setItemText(n, state_text(st))
        self.accept_button.setText(tr("Accept"))
        self.reject_button.setText(tr("Reject"))
        self.accept_button.setToolTip(tr("Accept the selected finding or term (A / Shift+A)"))
        self.reject_button.setToolTip(tr("Reject the selected finding or term (R / Shift+R)"))
        self.legend_button.setText(tr("Legend"))
        self.legend_button.setToolTip(tr("Show or hide what the colours and outlines mean"))
        self.legend.retranslate()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._refresh_timer.start()
        super().changeEvent(event)

    def _show_legend(self, on: bool) -> None:
        self.legend.setVisible(on)
        self.legend_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    # --- the tree ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_timer.stop()
        letter = self.ctl.letter
        shape = (
            self.group_by.currentData(),
            self.label_filter.currentData(),
            self.state_filter.currentData(),
        )
        if (
            letter is not None
            and letter is self._shown_letter
            and self.model.update_states(letter.plan, shape)
        ):
            self._update_counts(letter)
            self.sync_current()
            return
        expanded = set()
        for row in range(self.model.rowCount()):
            idx = self.model.index(row, 0)
            if self.tree.isExpanded(idx):
                expanded.add(tuple(idx.data(ROLE_IDS) or ()))
        self._syncing = True
        self.model.rebuild(
            screen_document(letter),
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
        self._update_counts(letter)
        self.sync_current()

    def _update_counts(self, letter: Letter | None) -> None:
        if letter is not None and letter.plan is not None:
            p = letter.plan
            self.counts.setText(
                tr("%1 findings: %2 to decide, %3 accepted, %4 rejected")
                .replace("%1", str(len(p.redactions)))
                .replace("%2", str(len(p.undecided())))
                .replace("%3", str(sum(r.state == ReviewState.ACCEPTED for r in p.redactions)))
                .replace("%4", str(sum(r.state == ReviewState.REJECTED for r in p.redactions)))
            )
            by_label: dict[str, int] = {}
            for r in p.redactions:
                by_label[r.label] = by_label.get(r.label, 0) + 1
            self.counts.setToolTip(
                "\n".join(f"{label_text(k)}: {v}" for k, v in sorted(by_label.items()))
            )
        else:
            self.counts.setText("")
            self.counts.setToolTip("")

    def sync_current(self) -> None:
        if self.ctl.letter is not self._shown_letter:
            self._shown_letter = self.ctl.letter
            self.refresh()
            return
        self.show_details(self.ctl.current())
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

    # --- the current finding's details ---------------------------------------------------------
    def show_details(self, r: Redaction | None) -> None:
        """The current finding: label, state, page, the words under it and every reason it was
        found (the term, the rule or model, the finding it repeats). On screen only."""
        if r is None:
            self.details.setHtml(
                "<i>" + escape(tr("Select a finding (J / K) to see why it was found.")) + "</i>"
            )
            return
        document = screen_document(self.ctl.letter)
        words_of = document_words(document)
        color = LABEL_STYLE.get(r.label, ("#333333", None))[0]
        head = (
            f'<span style="color:{color}">■</span> <b>{escape(label_text(r.label))}</b>'
            f" · {escape(STATE_MARK.get(r.state, ''))} {escape(state_text(r.state))}"
            f" · {escape(trf('page %1', r.page + 1))}"
        )
        words = redaction_words(r, words_of)
        if not words or r.label in NOTICE_LABELS:  # a notice's own wording ("Osp[а]nov ...")
            words = redaction_text(document, r)
        lines = [head, escape(tr("Words:")) + " «" + escape(words) + "»"]
        lines.append(escape(tr("Why:")))
        lines += ["• " + escape(t) for t in reason_texts(r, words_of)]
        self.details.setHtml("<br>".join(lines))

    def details_text(self) -> str:
        return self.details.toPlainText()

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
