"""The copy as it will be published, beside the original.

The current page burned by the export's own function (`jobs.burned_page`: the same padding,
tracking-dot cleaning, grown boxes and fill as `jobs.export`), on the page's pixels at the
working DPI (the copy's own resolution). Rendered in a lane of its own, the newest request
winning; redone when the plan, the page or the export settings change. The pane follows the
page view (same zoom, same place, each line level with the original's); the wheel over it
scrolls and zooms the page view."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTransform, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from redactor.core import jobs
from redactor.core.model import ReviewState
from redactor.core.plan import RedactionPlan

from .i18n import tr, trf
from .loading import render_pil, to_qimage
from .page_view import PageView
from .settings import AppSettings
from .tasks import Job

if TYPE_CHECKING:
    from PIL import Image

    from .controller import ReviewController

log = logging.getLogger(__name__)

DELAY_MS = 120  # a burst of edits (accept, accept, accept) makes one render


def export_options(settings: AppSettings) -> jobs.ExportOptions:
    """The export settings a copy is burned with (fill colour and padding of the settings)."""
    c = QColor(str(settings.get("fill")))
    fill = (c.red(), c.green(), c.blue()) if c.isValid() else (0, 0, 0)
    pad = settings.get("padding_px")
    return jobs.ExportOptions(fill=fill, pad_px=float(pad) if isinstance(pad, int | float) else 0)


class _PreviewView(QGraphicsView):
    """Shows the burned page in the page view's scene coordinates; the wheel goes to the page
    view (which this one follows)."""

    def __init__(self, main: PageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = main
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#5a5a5a"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.item.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.scene().addItem(self.item)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        at = self.main.mapFromScene(self.mapToScene(event.position().toPoint()))
        moved = QWheelEvent(
            at.toPointF(),
            self.main.viewport().mapToGlobal(at).toPointF(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        self.main.wheelEvent(moved)
        event.accept()


class CopyPreview(QWidget):
    def __init__(
        self,
        ctl: ReviewController,
        settings: AppSettings,
        main: PageView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.settings = settings
        self.main = main
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("QLabel { padding: 2px 6px; }")
        self.view = _PreviewView(main)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.view, 1)  # level with the page view: the lines side by side
        lay.addWidget(self.caption)
        self.image = QImage()  # the burned page shown (tests sample it)
        self.shown: tuple[int, int] | None = None  # (id of the letter, page) of `image`
        self._wanted: tuple[object, ...] | None = None  # what the newest request renders
        self._job: Job | None = None
        self._base: tuple[tuple[int, int], Image.Image] | None = None  # touched in the lane only
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        ctl.planChanged.connect(lambda letter: self.schedule() if letter is ctl.letter else None)
        ctl.currentChanged.connect(self.schedule)
        ctl.lettersChanged.connect(self.schedule)
        main.viewMoved.connect(self.follow)
        self.hide()

    # --- on and off ---------------------------------------------------------------------------
    def set_on(self, on: bool) -> None:
        self.setVisible(on)
        if on:
            self.retranslate()
            self.refresh()
            QTimer.singleShot(0, self.follow)
        else:  # nothing kept while hidden
            self._cancel()
            self._wanted = None
            self._base = None
            self._clear()

    def _clear(self) -> None:
        self.shown = None
        self.image = QImage()
        self.view.item.setPixmap(QPixmap())

    def retranslate(self) -> None:
        """The caption in the interface language (after a switch)."""
        letter = self.ctl.letter
        if letter is None or letter.plan is None or not isinstance(letter.opened, jobs.Analysis):
            self._caption(tr("The letter is still being read."))
        else:
            self._caption(self._undecided_note(letter.plan, self.ctl.page))

    def _caption(self, note: str) -> None:
        title = tr("The copy as it will be published")
        self.caption.setText(f"<b>{title}</b>" + (f"<br>{note}" if note else ""))

    def schedule(self) -> None:
        if not self.isVisible():
            return
        letter = self.ctl.letter
        if self.shown is not None and (letter is None or self.shown != (id(letter), self.ctl.page)):
            self._clear()  # never another page's copy beside this one, not even for a moment
        self._timer.start()

    def _cancel(self) -> None:
        self._timer.stop()
        if self._job is not None:
            self._job.cancel.cancel()
            self._job = None

    # --- rendering ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Render the current page of the copy (unless it is already shown or on its way)."""
        self._timer.stop()
        if not self.isVisible():
            return
        ctl = self.ctl
        letter, page = ctl.letter, ctl.page
        analysis = letter.opened if letter is not None else None
        plan = letter.plan if letter is not None else None
        if letter is None or plan is None or not isinstance(analysis, jobs.Analysis):
            self._cancel()
            self._wanted = None
            self._clear()
            self._caption(tr("The letter is still being read."))
            return
        if page >= len(analysis.document.pages):
            return
        options = export_options(self.settings)
        wanted = (id(letter), page, plan, options)
        if wanted == self._wanted:
            return
        self._cancel()
        self._wanted = wanted
        self._caption(self._undecided_note(plan, page))
        key = (id(letter), page)
        if self.shown is not None and self.shown != key:
            self._clear()
        source, dpi = analysis.source, analysis.options.dpi

        def work(job: Job) -> QImage:
            job.cancel.check()
            if self._base is not None and self._base[0] == key:
                base = self._base[1]
            else:
                self._base = None  # one page's pixels at a time
                base = render_pil(source, page, dpi, read_ahead=False)
                self._base = (key, base)
            job.cancel.check()
            burned = jobs.burned_page(analysis, plan, page, options, base)
            job.cancel.check()
            return to_qimage(burned)

        def done(image: QImage) -> None:
            self._job = None
            if self._wanted != wanted or not self.isVisible():
                return
            self.image = image
            self.shown = key
            self.view.item.setPixmap(QPixmap.fromImage(image))
            w, h = self.main.page_size if self.main.page == page else (0, 0)
            w, h = w or image.width(), h or image.height()
            self.view.item.setTransform(QTransform.fromScale(w / image.width(), h / image.height()))
            self.follow()

        def failed(exc: BaseException) -> None:
            self._job = None
            log.warning("the copy's preview failed (%s)", type(exc).__name__)
            self._caption(tr("The preview of this page could not be made."))

        self._job = ctl.runner.submit(work, on_done=done, on_error=failed, lane="preview")

    @staticmethod
    def _undecided_note(plan: RedactionPlan, page: int) -> str:
        n = sum(r.state == ReviewState.PROPOSED for r in plan.redactions if r.page == page)
        if not n:
            return ""
        return trf(
            "%1 findings on this page are undecided: the copy hides them as they are, "
            "unless you reject them.",
            n,
        )

    # --- following the page view -----------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self.follow()

    def follow(self) -> None:
        """The same zoom as the page view, and the same place at the top left corner (the
        panes start at the same height: each line of the copy is level with the original's)."""
        if not self.isVisible():
            return
        m, v = self.main, self.view
        corner = m.mapToScene(QPoint(0, 0))
        zoom = max(m.zoom(), 1e-6)
        vp = v.viewport().rect()
        # room to scroll to the page view's place even where the page leaves a margin
        shown = QRectF(corner, QSizeF(vp.width() / zoom, vp.height() / zoom))
        v.setSceneRect(QRectF(0, 0, *m.page_size).united(shown))
        v.setTransform(m.transform())
        off = v.mapFromScene(corner)
        v.horizontalScrollBar().setValue(v.horizontalScrollBar().value() + off.x())
        v.verticalScrollBar().setValue(v.verticalScrollBar().value() + off.y())
