"""Label colours and outline styles, the same in the panel and on the page.

Colours are the Okabe-Ito palette (readable with the common colour-vision deficiencies); each
label also has its own outline pattern, so the colour is never the only cue."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

from redactor.core.model import Label, ReviewState

from .i18n import N_, tr

_P = Qt.PenStyle
# label -> (colour, pen style)
LABEL_STYLE: dict[str, tuple[str, Qt.PenStyle]] = {
    Label.PERSON: ("#D55E00", _P.SolidLine),  # vermillion
    Label.LOCATION: ("#0072B2", _P.DashLine),  # blue
    Label.ADDRESS: ("#009E73", _P.DotLine),  # bluish green
    Label.FACILITY: ("#CC79A7", _P.DashDotLine),  # reddish purple
    Label.DATE: ("#E69F00", _P.DashDotDotLine),  # orange
    Label.ID: ("#56B4E9", _P.SolidLine),  # sky blue
    Label.PHONE: ("#8F7A00", _P.DashLine),  # dark yellow
    Label.EMAIL: ("#5A3D8A", _P.DotLine),  # violet
    Label.ORGANIZATION: ("#555555", _P.DashDotLine),
    Label.PUBLIC: ("#777777", _P.DashDotDotLine),
    Label.OTHER: ("#333333", _P.DashLine),
    Label.TERM: ("#B8004F", _P.SolidLine),
    Label.MANUAL: ("#000000", _P.SolidLine),
    # Notices about the file itself (drawn hatched on the page, see page_view).
    Label.HIDDEN_TEXT: ("#C40000", _P.DashDotLine),  # dark red
    Label.MIXED_SCRIPT: ("#006D5B", _P.DashDotDotLine),  # dark teal
    Label.UNREAD: ("#B35900", _P.DotLine),  # dark orange
    Label.LEAK: ("#A0006E", _P.SolidLine),  # a place the final check refused (dark magenta)
    # Marks in the page's pixels (core/marks.py).
    Label.BARCODE: ("#1A1A8C", _P.DashDotDotLine),  # dark blue
    Label.FACE: ("#1B7837", _P.DashLine),  # dark green
    Label.STAMP: ("#3D1FA3", _P.DotLine),  # indigo (censor's ink)
    Label.SIGNATURE: ("#00607A", _P.DashDotLine),  # dark cyan
    Label.HANDWRITING: ("#6B5B00", _P.DashDotDotLine),  # olive brown
}
# Notices are filled with a hatch while proposed, so that a region no reader could read, or text
# hidden in the source, stands out from ordinary findings even in grey scale.
HATCHED_LABELS = frozenset({Label.HIDDEN_TEXT, Label.UNREAD, Label.LEAK})

STATE_MARK = {ReviewState.PROPOSED: "?", ReviewState.ACCEPTED: "■", ReviewState.REJECTED: "✕"}
# How each state looks on the page (the legend says it; page_view.RedactionItem draws it).
STATE_LOOK: dict[str, str] = {
    ReviewState.PROPOSED: N_("to decide: the label's outline, not filled"),
    ReviewState.ACCEPTED: N_("hidden in the copy: solid outline, tinted (black in preview, P)"),
    ReviewState.REJECTED: N_("kept readable: thin grey dashes"),
}
REJECTED_COLOR = "#8a8a8a"


def label_color(label: str) -> QColor:
    return QColor(LABEL_STYLE.get(label, ("#333333", _P.SolidLine))[0])


def label_pen_style(label: str) -> Qt.PenStyle:
    return LABEL_STYLE.get(label, ("#333333", _P.SolidLine))[1]


# What the editor reads for a label: a noun in the interface language (tr(), at use time, so a
# language change applies at once). Labels themselves stay the corpus contract's codes.
LABEL_NAME: dict[str, str] = {
    Label.PERSON: N_("person"),
    Label.LOCATION: N_("place"),
    Label.ADDRESS: N_("address"),
    Label.FACILITY: N_("facility"),
    Label.DATE: N_("date"),
    Label.ID: N_("number or ID"),
    Label.PHONE: N_("phone"),
    Label.EMAIL: N_("e-mail"),
    Label.ORGANIZATION: N_("organisation"),
    Label.PUBLIC: N_("public figure"),
    Label.OTHER: N_("other"),
    Label.URL: N_("web address"),
    Label.TERM: N_("search term"),
    Label.MANUAL: N_("manual box"),
    Label.HIDDEN_TEXT: N_("hidden text"),
    Label.MIXED_SCRIPT: N_("mixed scripts"),
    Label.UNREAD: N_("unread ink"),
    Label.LEAK: N_("leak found at export"),
    Label.BARCODE: N_("barcode or QR code"),
    Label.FACE: N_("face in a photo"),
    Label.STAMP: N_("stamp"),
    Label.SIGNATURE: N_("signature"),
    Label.HANDWRITING: N_("handwriting"),
}


def label_text(label: str) -> str:
    """The label's name in the interface language (the code itself for an unknown label)."""
    name = LABEL_NAME.get(label)
    return tr(name) if name else str(label)


def label_swatch(
    label: str, state: str = ReviewState.PROPOSED, width: int = 30, height: int = 14
) -> QPixmap:
    """A small box drawn as the page draws a finding of `label` in `state` (for the legend)."""
    pix = QPixmap(width, height)
    pix.fill(Qt.GlobalColor.white)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    color = label_color(label)
    rect = QRectF(1.5, 1.5, width - 3, height - 3)
    if state == ReviewState.REJECTED:
        painter.setPen(QPen(QColor(REJECTED_COLOR), 1.5, Qt.PenStyle.DashLine))
    elif state == ReviewState.ACCEPTED:
        painter.setPen(QPen(color, 2.5, Qt.PenStyle.SolidLine))
        fill = QColor(color)
        fill.setAlpha(80)
        painter.setBrush(QBrush(fill))
    else:
        painter.setPen(QPen(color, 2.5, label_pen_style(label)))
        if label in HATCHED_LABELS:
            painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern))
    painter.drawRect(rect)
    painter.end()
    return pix
