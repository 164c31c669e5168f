"""The page, large, with its findings drawn on it; drawing, moving and resizing manual boxes.

Scene coordinates are page pixels at the working DPI, the same as the plan's boxes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap, QWheelEvent
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#5a5a5a"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # the default (a mask of the whole page image) costs ~60 ms per zoom on a 200-dpi page
        self._pixmap.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.scene().addItem(self._pixmap)
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
        if image is not None and image.cacheKey() == self._image_key and not changed:
            image = None  # already shown
        if image is not None:
            self._image_key = image.cacheKey()
            pix = QPixmap.fromImage(image)
            if size[0] and pix.width() != size[0]:
                self._pixmap.setScale(size[0] / pix.width())
            else:
                self._pixmap.setScale(1.0)
            self._pixmap.setPixmap(pix)
        elif changed:
            self._image_key = 0
            self._pixmap.setPixmap(QPixmap())
        w, h = size
        self.scene().setSceneRect(QRectF(0, 0, w, h))
        if changed or image is not None:
            self.apply_fit()

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

    # --- zoom -----------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(0.05, min(factor, 8.0))
        self.setTransform(self.transform().fromScale(factor, factor))
        self.zoomChanged.emit(factor)

    def zoom_by(self, step: float) -> None:
        self.fit = ""
        self.set_zoom(self.zoom() * step)

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

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
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
