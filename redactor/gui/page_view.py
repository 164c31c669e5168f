"""The page, large, with its findings drawn on it; drawing, moving and resizing manual boxes.

Scene coordinates are page pixels at the working DPI, the same as the plan's boxes. The page's
image is stretched over the scene: the render at the working DPI, or, zoomed in further than
it has pixels for, a sharper render of the same page (`sharpWanted` asks for it; `show_sharp`
swaps it in). Zooming keeps a point in place: the one under the cursor (Ctrl+wheel) or the
view's centre (the keyboard)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from redactor.core.model import Box, FindingSource, PageText, ReviewState, Word
from redactor.core.plan import Redaction

from .models import redaction_tooltip
from .style import HATCHED_LABELS, label_color, label_pen_style

HANDLE_PX = 14  # screen pixels of the resize corner
ZOOM_MIN, ZOOM_MAX = 0.05, 8.0
SHARP_DELAY_MS = 150  # a sharper render is asked for once the zoom rests this long


class RedactionItem(QGraphicsRectItem):
    def __init__(self, red: Redaction, current: bool, preview: bool) -> None:
        b = red.box
        super().__init__(QRectF(b.x0, b.y0, b.width, b.height))
        self.red = red
        self.current = current
        self.preview = preview
        self.setZValue(10 if current else 5)
        self._set_tooltip(())

    def _set_tooltip(self, words: tuple[Word, ...]) -> None:
        """Its label (in the interface language), state, words and reasons; the words are the
        page's the view shows (set once the item is on its scene). On screen only."""
        page = self.red.page

        def words_of(p: int, idx: Sequence[int]) -> str:
            if p != page or not words:
                return ""
            text = " ".join(words[i].text for i in idx if 0 <= i < len(words))
            return text.strip(" ,.;:!?()[]«»\"'")

        self.setToolTip(redaction_tooltip(self.red, words_of))

    def itemChange(self, change, value):  # noqa: ANN001, ANN201, N802
        if change == QGraphicsItem.GraphicsItemChange.ItemSceneHasChanged and self.scene():
            view = next(iter(self.scene().views()), None)
            if isinstance(view, PageView) and view.page == self.red.page:
                self._set_tooltip(tuple(view.words))
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.rect()
        red = self.red
        color = label_color(red.label)
        width = 5.0 if self.current else 2.5
        if red.state == ReviewState.REJECTED:
            pen = QPen(QColor("#8a8a8a"), 1.5 if not self.current else 3.5, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        elif red.state == ReviewState.ACCEPTED:
            pen = QPen(color, width, Qt.PenStyle.SolidLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            fill = QColor("#000000") if self.preview else QColor(color)
            if not self.preview:
                fill.setAlpha(80)
            painter.setBrush(QBrush(fill))
        else:
            pen = QPen(color, width, label_pen_style(red.label))
            pen.setCosmetic(True)
            painter.setPen(pen)
            if red.label in HATCHED_LABELS:
                hatch = QBrush(color, Qt.BrushStyle.BDiagPattern)
                hatch.setTransform(painter.transform().inverted()[0])  # hatch in screen pixels
                painter.setBrush(hatch)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        if self.current and red.source == FindingSource.MANUAL:
            painter.setBrush(QBrush(color))
            s = HANDLE_PX / max(painter.transform().m11(), 1e-6)
            painter.drawRect(QRectF(r.right() - s, r.bottom() - s, s, s))


class PageView(QGraphicsView):
    selected = Signal(str)  # redaction id
    boxDrawn = Signal(int, object)  # page, Box
    boxChanged = Signal(str, object)  # redaction id, Box
    zoomChanged = Signal(float)
    boxMenuRequested = Signal(str, QPoint)  # redaction id, global position (a right-click)
    sharpWanted = Signal(int, float)  # page, image pixels per scene pixel wanted (0: none)
    viewMoved = Signal()  # zoomed or scrolled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)  # set_zoom anchors
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#5a5a5a"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # the default (a mask of the whole page image) costs ~60 ms per zoom on a 200-dpi page
        self._pixmap.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.scene().addItem(self._pixmap)
        self._base = QPixmap()  # the page at the working DPI
        self._sharp_on = False  # a sharper render is shown instead
        self._wanted = 0.0  # the sharpness last asked for (image pixels per scene pixel)
        self._no_sharper = -1  # a page whose source has no more pixels (an image file)
        self._sharp_timer = QTimer(self)
        self._sharp_timer.setSingleShot(True)
        self._sharp_timer.setInterval(SHARP_DELAY_MS)
        self._sharp_timer.timeout.connect(self._check_sharp)
        self.horizontalScrollBar().valueChanged.connect(self.viewMoved)
        self.verticalScrollBar().valueChanged.connect(self.viewMoved)
        self._items: dict[str, RedactionItem] = {}
        self.page = -1
        self.page_size = (0, 0)
        self.words: tuple = ()
        self.draw_mode = False
        self.preview = False
        self.fit = "width"  # "width", "page" or "" (free zoom)
        self._image_key = 0
        self._drag: tuple[str, RedactionItem, QPointF, QRectF] | None = None
        self._band: QGraphicsRectItem | None = None
        self._band_start = QPointF()

    # --- content ------------------------------------------------------------------------------
    def show_page(self, page: int, image: QImage | None, size: tuple[int, int]) -> None:
        changed = page != self.page
        self.page = page
        self.page_size = size
        if changed:
            self._wanted = 0.0
            self._no_sharper = -1
        if image is not None and image.cacheKey() == self._image_key and not changed:
            image = None  # already shown
        if image is not None:
            self._image_key = image.cacheKey()
            self._base = QPixmap.fromImage(image)  # shares the image's pixels: no copy
            self._sharp_on = False
            self._pixmap.setPixmap(self._base)
        elif changed:
            self._image_key = 0
            self._base = QPixmap()
            self._sharp_on = False
            self._pixmap.setPixmap(self._base)
        self._stretch()
        w, h = size
        self.scene().setSceneRect(QRectF(0, 0, w, h))
        if changed or image is not None:
            self.apply_fit()
        if changed:
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._sharp_timer.start()

    def _stretch(self) -> None:
        """The shown image stretched over the scene (page pixels at the working DPI)."""
        pix = self._pixmap.pixmap()
        w, h = self.page_size
        if pix.isNull() or not w or not h:
            self._pixmap.setTransform(QTransform())
            return
        self._pixmap.setTransform(QTransform.fromScale(w / pix.width(), h / pix.height()))

    def shown_image(self) -> QPixmap:
        """The image on screen: the working render or a sharper one."""
        return self._pixmap.pixmap()

    def set_words(self, page_text: PageText | None) -> None:
        self.words = page_text.words if page_text else ()

    def set_redactions(self, reds: list[Redaction], current: str | None) -> None:
        for item in self._items.values():
            self.scene().removeItem(item)
        self._items = {}
        for r in reds:
            item = RedactionItem(r, r.id == current, self.preview)
            self.scene().addItem(item)
            self._items[r.id] = item
        if current in self._items:
            self.ensureVisible(self._items[current], 60, 60)

    # --- sharp renders --------------------------------------------------------------------------
    def needed_scale(self) -> float:
        """Image pixels per scene pixel the screen shows at this zoom."""
        return self.zoom() * self.devicePixelRatioF()

    def _check_sharp(self) -> None:
        w = self.page_size[0]
        if self.page < 0 or self._base.isNull() or not w:
            return
        need = self.needed_scale()
        if need <= self._base.width() / w * 1.02:  # the working render is enough
            if self._sharp_on:
                self._sharp_on = False
                self._pixmap.setPixmap(self._base)
                self._stretch()
            if self._wanted:
                self._wanted = 0.0
                self.sharpWanted.emit(self.page, 0.0)
            return
        if self._no_sharper == self.page:
            return
        have = self._pixmap.pixmap().width() / w if self._sharp_on else self._wanted
        if have and need <= have * 1.02 and have <= need * 2.5:
            return  # shown (or asked for) and neither blurry nor much too large
        self._wanted = need
        self.sharpWanted.emit(self.page, need)

    def show_sharp(self, page: int, image: QImage) -> None:
        """Swap in a sharper render of the page: the scene (and every box) stays as it is."""
        if page != self.page or self._base.isNull() or image.isNull():
            return
        if image.width() <= self._base.width():  # the source has no more pixels
            self._no_sharper = page
            return
        if self.needed_scale() <= self._base.width() / max(self.page_size[0], 1) * 1.02:
            return  # zoomed out meanwhile: the working render is enough
        if self._sharp_on and image.cacheKey() == self._pixmap.pixmap().cacheKey():
            return
        self._sharp_on = True
        self._pixmap.setPixmap(QPixmap.fromImage(image))
        self._stretch()

    # --- zoom -----------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | QPoint | None = None) -> None:
        """Zoom to `factor` keeping the scene point under `anchor` (viewport pixels; the
        centre when None) where it is."""
        factor = max(ZOOM_MIN, min(factor, ZOOM_MAX))
        vp = self.viewport().rect()
        at = QPoint(vp.width() // 2, vp.height() // 2) if anchor is None else _point(anchor)
        keep = self.mapToScene(at)
        self.setTransform(QTransform.fromScale(factor, factor))
        moved = self.mapFromScene(keep) - at
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + moved.x())
        v.setValue(v.value() + moved.y())
        self.zoomChanged.emit(factor)
        self.viewMoved.emit()
        self._sharp_timer.start()

    def zoom_by(self, step: float, anchor: QPointF | QPoint | None = None) -> None:
        self.fit = ""
        self.set_zoom(self.zoom() * step, anchor)

    def fit_width(self) -> None:
        self.fit = "width"
        self.apply_fit()

    def fit_page(self) -> None:
        self.fit = "page"
        self.apply_fit()

    def apply_fit(self) -> None:
        w, h = self.page_size
        if not w or not h:
            return
        vw = max(self.viewport().width() - 4, 50)
        vh = max(self.viewport().height() - 4, 50)
        if self.fit == "width":
            self.set_zoom(vw / w)
        elif self.fit == "page":
            self.set_zoom(min(vw / w, vh / h))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        if self.fit:
            self.apply_fit()
        self._sharp_timer.start()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y() or event.angleDelta().x()
            if delta:
                self.zoom_by(1.15 if delta > 0 else 1 / 1.15, event.position())
            event.accept()
        else:
            super().wheelEvent(event)

    # --- mouse: select, draw, move, resize ------------------------------------------------
    def set_draw_mode(self, on: bool) -> None:
        self.draw_mode = on
        self.setDragMode(
            QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag
        )
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor
        )

    def _item_at(self, pos) -> RedactionItem | None:  # noqa: ANN001
        for item in self.items(pos):
            if isinstance(item, RedactionItem):
                return item
        return None

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.button() != Qt.MouseButton.LeftButton or self.page < 0:
            return super().mousePressEvent(event)
        scene_pos = self.mapToScene(event.position().toPoint())
        if self.draw_mode:
            self._band_start = scene_pos
            self._band = QGraphicsRectItem(QRectF(scene_pos, scene_pos))
            pen = QPen(QColor("#000000"), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._band.setPen(pen)
            self._band.setZValue(20)
            self.scene().addItem(self._band)
            return
        item = self._item_at(event.position().toPoint())
        if item is None:
            return super().mousePressEvent(event)
        self.selected.emit(item.red.id)
        item = self._items.get(item.red.id, item)
        if item.red.source == FindingSource.MANUAL:
            r = item.rect()
            s = HANDLE_PX / max(self.zoom(), 1e-6)
            corner = scene_pos.x() > r.right() - s and scene_pos.y() > r.bottom() - s
            self._drag = ("resize" if corner else "move", item, scene_pos, QRectF(r))

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        scene_pos = self.mapToScene(event.position().toPoint())
        if self._band is not None:
            self._band.setRect(QRectF(self._band_start, scene_pos).normalized())
            return
        if self._drag is not None:
            self._drag_to(scene_pos)
            return
        super().mouseMoveEvent(event)

    def _drag_to(self, scene_pos: QPointF) -> None:
        assert self._drag is not None
        mode, item, start, rect = self._drag
        d = scene_pos - start
        if mode == "move":
            item.setRect(rect.translated(d))
        else:
            item.setRect(QRectF(rect.topLeft(), rect.bottomRight() + d).normalized())
        item.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._band is not None:
            end = self.mapToScene(event.position().toPoint())
            r = QRectF(self._band_start, end).normalized().intersected(self.sceneRect())
            self.scene().removeItem(self._band)
            self._band = None
            if r.width() >= 3 and r.height() >= 3:
                box = Box(r.left(), r.top(), r.right(), r.bottom())
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    box = self.snap_to_words(box)
                self.boxDrawn.emit(self.page, box)
            return
        if self._drag is not None:
            self._drag_to(self.mapToScene(event.position().toPoint()))
            mode, item, start, rect = self._drag
            self._drag = None
            r = item.rect().intersected(self.sceneRect())
            if r != rect and r.width() >= 2 and r.height() >= 2:
                self.boxChanged.emit(item.red.id, Box(r.left(), r.top(), r.right(), r.bottom()))
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: ANN001, N802
        """A right-click on a box asks for its menu (the window builds it)."""
        item = self._item_at(event.pos()) if self.page >= 0 else None
        if item is None:
            event.ignore()
            return
        event.accept()
        self.boxMenuRequested.emit(item.red.id, event.globalPos())

    def snap_to_words(self, box: Box) -> Box:
        """Text selection: the drawn box grown to the words whose centre it covers."""
        hit = [w.box for w in self.words if box.contains_center_of(w.box)]
        if not hit:
            return box
        out = hit[0]
        for b in hit[1:]:
            out = out.union(b)
        return out


def _point(p: QPointF | QPoint) -> QPoint:
    return p.toPoint() if isinstance(p, QPointF) else p
