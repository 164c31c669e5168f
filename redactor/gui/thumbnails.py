"""The left pane: the project's letters with their review state, and the pages of the current
letter as thumbnails with a state mark.

The two lists share the pane through a splitter. Until the editor drags it, the letters list is
sized to its letters (up to 60% of the pane; it scrolls beyond) and the pages list has the rest,
at least one thumbnail."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from redactor.core.model import ReviewState

from .controller import ReviewController
from .i18n import N_, tr
from .letter import STATE_TEXT, Letter, LetterState

THUMB_W = 96
THUMB_H = 132
PAGES_MIN_H = THUMB_H + 28  # one thumbnail and its spacing
LETTERS_MIN_ROWS = 2
LETTERS_MAX_SHARE = 0.6  # of the pane's height, when there are more letters than fit


class PageState(StrEnum):
    """A page's mark on its thumbnail."""

    NOT_READ = "not-read"
    NEEDS_EYES = "needs-eyes"
    UNDECIDED = "undecided"
    VIEWED_NOT = "viewed-not"
    DONE = "done"


def page_state(letter: Letter, page: int) -> PageState:
    if page not in letter.pages_read or letter.plan is None:
        return PageState.NOT_READ
    if page in letter.plan.pages_needing_eyes():
        return PageState.NEEDS_EYES
    if any(r.page == page and r.state == ReviewState.PROPOSED for r in letter.plan.redactions):
        return PageState.UNDECIDED
    return PageState.DONE if page in letter.viewed else PageState.VIEWED_NOT


MARKS = {
    PageState.NOT_READ: ("…", "#777777"),
    PageState.NEEDS_EYES: ("!", "#D55E00"),
    PageState.UNDECIDED: ("?", "#0072B2"),
    PageState.VIEWED_NOT: ("○", "#555555"),
    PageState.DONE: ("✓", "#009E73"),
}
MARK_TIPS = {
    PageState.NOT_READ: N_("not read yet"),
    PageState.NEEDS_EYES: N_("needs eyes: look at this page and confirm it"),
    PageState.UNDECIDED: N_("findings to decide"),
    PageState.VIEWED_NOT: N_("not looked at yet"),
    PageState.DONE: N_("reviewed"),
}


LETTER_MARKS = {
    LetterState.NOT_ANALYSED: ("…", "#777777"),
    LetterState.ANALYSING: ("…", "#777777"),
    LetterState.FAILED: ("✗", "#A33333"),
    LetterState.NEEDS_EYES: ("!", "#D55E00"),
    LetterState.TO_REVIEW: ("?", "#0072B2"),
    LetterState.REVIEWED: ("✓", "#009E73"),
    LetterState.EXPORTED: ("⇪", "#009E73"),
}
_letter_icons: dict[LetterState, QIcon] = {}


def letter_icon(state: LetterState) -> QIcon:
    """A letter's state as a small mark, in the colours of the page marks."""
    icon = _letter_icons.get(state)
    if icon is None:
        mark, color = LETTER_MARKS[state]
        pix = QPixmap(18, 18)
        pix.fill(QColor(color))
        p = QPainter(pix)
        f = QFont()
        f.setBold(True)
        f.setPixelSize(13)
        p.setFont(f)
        p.setPen(QColor("#ffffff"))
        p.drawText(0, 0, 18, 18, Qt.AlignmentFlag.AlignCenter, mark)
        p.end()
        icon = _letter_icons[state] = QIcon(pix)
    return icon


def thumb_icon(image: QImage | None, state: PageState, number: int) -> QIcon:
    pix = QPixmap(THUMB_W, THUMB_H)
    pix.fill(QColor("#ffffff"))
    p = QPainter(pix)
    if image is not None and not image.isNull():
        scaled = image.scaled(
            THUMB_W,
            THUMB_H,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        p.drawImage((THUMB_W - scaled.width()) // 2, 0, scaled)
    mark, color = MARKS[state]
    p.setPen(QColor(color))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(0, 0, THUMB_W - 1, THUMB_H - 1)
    f = QFont()
    f.setBold(True)
    f.setPixelSize(22)
    p.setFont(f)
    p.fillRect(THUMB_W - 28, THUMB_H - 28, 28, 28, QColor(color))
    p.setPen(QColor("#ffffff"))
    p.drawText(THUMB_W - 28, THUMB_H - 28, 28, 28, Qt.AlignmentFlag.AlignCenter, mark)
    p.setPen(QColor("#000000"))
    f.setPixelSize(14)
    p.setFont(f)
    p.drawText(4, THUMB_H - 8, str(number))
    p.end()
    icon = QIcon(pix)
    icon.addPixmap(pix, QIcon.Mode.Selected)
    return icon


class LettersPane(QWidget):
    def __init__(self, ctl: ReviewController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.letters = QListWidget()
        self.letters.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.pages = QListWidget()
        self.pages.setViewMode(QListWidget.ViewMode.IconMode)
        self.pages.setIconSize(QSize(THUMB_W, THUMB_H))
        self.pages.setFlow(QListWidget.Flow.TopToBottom)
        self.pages.setWrapping(False)
        self.pages.setMovement(QListWidget.Movement.Static)
        self.pages.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.pages.setSpacing(4)
        self.pages.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.pages.setStyleSheet(
            "QListWidget::item:selected { background: #0072B2; border-radius: 3px; }"
        )
        self.letters.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.pages.setMinimumHeight(PAGES_MIN_H)
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.letters)
        split.addWidget(self.pages)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(1, 1)
        split.setSizes([120, 600])
        split.splitterMoved.connect(self._split_moved)
        self._user_split = False  # the editor dragged the splitter: the sizes are theirs
        self._fitting = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.letters.currentRowChanged.connect(self._letter_clicked)
        self.pages.currentRowChanged.connect(self._page_clicked)
        ctl.lettersChanged.connect(self.refresh_letters)
        ctl.planChanged.connect(lambda letter: self.refresh_pages())
        ctl.pageRead.connect(lambda letter, i: self.refresh_pages())
        ctl.thumbnail.connect(lambda letter, i, img: self.update_page(letter, i))
        ctl.currentChanged.connect(self._sync)
        self._syncing = False
        self._shown: Letter | None = None
        self._icon_keys: dict[int, tuple[str, int]] = {}

    def refresh_letters(self) -> None:
        self._syncing = True
        self.letters.clear()
        for letter in self.ctl.letters:
            state = letter.state()
            item = QListWidgetItem(letter_icon(state), f"{letter.name}\n{tr(STATE_TEXT[state])}")
            if state == LetterState.FAILED:
                item.setToolTip(letter.error)
            self.letters.addItem(item)
        if self.ctl.letter in self.ctl.letters:
            self.letters.setCurrentRow(self.ctl.letters.index(self.ctl.letter))
        self._syncing = False
        self.refresh_pages()
        self.fit_split()

    # --- sharing the pane ------------------------------------------------------------------
    def _row_height(self) -> int:
        if self.letters.count():
            return max(self.letters.sizeHintForRow(0), 1)
        return 2 * self.letters.fontMetrics().lineSpacing() + 4

    def letters_height(self, rows: int) -> int:
        """The height that shows `rows` letters without scrolling."""
        return rows * self._row_height() + 2 * self.letters.frameWidth() + 2

    def fit_split(self) -> None:
        """Size the letters list to its letters (unless the editor sized it)."""
        if self._user_split:
            return
        total = sum(self.split.sizes())
        if total <= 0:
            return
        min_letters = self.letters_height(LETTERS_MIN_ROWS)
        self.letters.setMinimumHeight(min(min_letters, max(total - PAGES_MIN_H, 0)))
        want = self.letters_height(max(self.letters.count(), LETTERS_MIN_ROWS))
        # up to 60% of the pane: the same for every letter shown, so it does not jump
        top = max(min_letters, min(want, int(total * LETTERS_MAX_SHARE), total - PAGES_MIN_H))
        self._fitting = True
        self.split.setSizes([top, total - top])
        self._fitting = False

    def _split_moved(self, _pos: int, _index: int) -> None:
        if not self._fitting:
            self._user_split = True

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self.fit_split()

    def refresh_pages(self) -> None:
        letter = self.ctl.letter
        self._syncing = True
        if letter is not self._shown or self.pages.count() != (letter.page_count if letter else 0):
            self.pages.clear()
            self._icon_keys = {}
            self._shown = letter
            if letter is not None:
                for _ in range(letter.page_count):
                    self.pages.addItem(QListWidgetItem(""))
        if letter is not None:
            for i in range(self.pages.count()):
                self.update_page(letter, i)
            if 0 <= self.ctl.page < self.pages.count():
                self.pages.setCurrentRow(self.ctl.page)
        self._syncing = False

    def update_page(self, letter: Letter, i: int) -> None:
        if letter is not self._shown or i >= self.pages.count():
            return
        state = page_state(letter, i)
        thumb = self.ctl.thumb(letter, i)
        key = (state, thumb.cacheKey() if thumb is not None else 0)
        if self._icon_keys.get(i) == key:
            return
        self._icon_keys[i] = key
        item = self.pages.item(i)
        item.setIcon(thumb_icon(thumb, state, i + 1))
        tip = tr("Page %1").replace("%1", str(i + 1)) + ": " + tr(MARK_TIPS[state])
        if state == PageState.NEEDS_EYES and i in letter.pages_read:
            tip += "\n" + letter.pages_read[i].needs_eyes_reason
        item.setToolTip(tip)

    def _sync(self) -> None:
        if self.ctl.letter is not self._shown:
            self.refresh_letters()
            return
        self._syncing = True
        if 0 <= self.ctl.page < self.pages.count():
            self.pages.setCurrentRow(self.ctl.page)
            self.update_page(self.ctl.letter, self.ctl.page)  # type: ignore[arg-type]
        self._syncing = False

    def _letter_clicked(self, row: int) -> None:
        if not self._syncing and 0 <= row < len(self.ctl.letters):
            self.ctl.set_letter(self.ctl.letters[row])

    def _page_clicked(self, row: int) -> None:
        if not self._syncing and row >= 0:
            self.ctl.current_id = None
            self.ctl.set_page(row)
