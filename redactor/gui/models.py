"""Item models: the findings of a letter grouped by term or by label."""

from __future__ import annotations

import unicodedata
from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QStandardItem, QStandardItemModel

from redactor.core.model import MARK_LABELS, Document, FindingSource, Label, ReviewState
from redactor.core.plan import Redaction, RedactionPlan

from .i18n import N_, tr, trf
from .style import STATE_MARK, label_color, label_text

ROLE_IDS = Qt.ItemDataRole.UserRole + 1  # list of redaction ids under the row
ROLE_KIND = Qt.ItemDataRole.UserRole + 2  # "group" or "one"
ROLE_LABEL = Qt.ItemDataRole.UserRole + 3


# The kinds of marks core/marks.py names (zxing's symbol names, "QR Code", stay as they are).
MARK_KINDS = (N_("round stamp"), N_("framed stamp"), N_("face"), N_("signature"), N_("handwriting"))


def redaction_text(document: Document | None, r: Redaction) -> str:
    """What the finding covers, for the screen only (never logged or saved)."""
    if r.label == Label.UNREAD:
        return tr("unread ink")
    if r.label == Label.LEAK and not r.word_indexes:
        return tr("found in the copy by the final check")
    if r.source == FindingSource.MANUAL or document is None or r.page >= len(document.pages):
        return tr("manual box")
    page = document.pages[r.page]
    if r.label in MARK_LABELS and not r.word_indexes:  # a mark in the pixels: its kind, a
        # symbol's decoded text (on screen only)
        mark = next((m for m in page.marks if r.box.contains_center_of(m.box)), None)
        if mark is not None and mark.content:
            return trf("%1: %2", tr(mark.kind), mark.content)
        return tr(mark.kind) if mark is not None else label_text(r.label)
    if r.label == Label.HIDDEN_TEXT:  # text in the source not visible on the page, under the box
        text = " ".join(w.text for w in page.hidden_words if r.box.contains_center_of(w.box))
    else:
        text = " ".join(page.words[i].text for i in r.word_indexes if i < len(page.words))
    text = text.strip(" ,.;:!?()[]«»\"'")
    if not text:
        return tr("(no text)")
    if r.label == Label.HIDDEN_TEXT:
        return trf("hidden in the source: %1", text)
    if r.label == "MIXED_SCRIPT":
        return trf("%1 (letters of several scripts)", mark_scripts(text))
    return text


def _script(ch: str) -> str:
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else ""


def mark_scripts(text: str) -> str:
    """The word with the letters of its less used script in brackets: "Osp[а]nov"."""
    counts: dict[str, int] = {}
    for ch in text:
        s = _script(ch)
        if s:
            counts[s] = counts.get(s, 0) + 1
    if len(counts) < 2:
        return text
    main = max(counts, key=lambda k: counts[k])
    return "".join(f"[{ch}]" if _script(ch) not in ("", main) else ch for ch in text)


def state_text(state: str) -> str:
    texts = {
        ReviewState.PROPOSED: tr("proposed"),
        ReviewState.ACCEPTED: tr("accepted"),
        ReviewState.REJECTED: tr("rejected"),
    }
    return texts.get(state, state)  # type: ignore[call-overload]


_icons: dict[str, QIcon] = {}


def label_icon(label: str) -> QIcon:
    icon = _icons.get(label)
    if icon is None:
        pix = QPixmap(12, 12)
        pix.fill(label_color(label))
        icon = _icons[label] = QIcon(pix)
    return icon


def summary(reds: list[Redaction]) -> str:
    n = {s: sum(1 for r in reds if r.state == s) for s in ReviewState}
    proposed, accepted, rejected = ReviewState.PROPOSED, ReviewState.ACCEPTED, ReviewState.REJECTED
    if n[proposed] == 0 and n[rejected] == 0:
        return STATE_MARK[accepted] + " " + tr("accepted")
    if n[proposed] == 0 and n[accepted] == 0:
        return STATE_MARK[rejected] + " " + tr("rejected")
    if n[accepted] == 0 and n[rejected] == 0:
        return STATE_MARK[proposed] + " " + tr("proposed")
    return tr("mixed")


class FindingsModel(QStandardItemModel):
    """Two columns: the term (with ×N) and its state."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels([tr("Finding"), tr("State")])
        self.rows_by_id: dict[str, QStandardItem] = {}

    def rebuild(
        self,
        document: Document | None,
        plan: RedactionPlan | None,
        group_by: str = "term",
        label_filter: str = "",
        state_filter: str = "",
    ) -> None:
        self.removeRows(0, self.rowCount())
        self.rows_by_id = {}
        if plan is None:
            return
        reds = sorted(plan.redactions, key=lambda r: (r.page, round(r.box.y0 / 20), r.box.x0))
        if label_filter:
            reds = [r for r in reds if r.label == label_filter]
        if state_filter:
            reds = [r for r in reds if r.state == state_filter]
        groups: OrderedDict[str, list[Redaction]] = OrderedDict()
        for r in reds:
            if group_by == "label":
                key = r.label
            else:
                key = r.group or f"manual:{r.id}"
            groups.setdefault(key, []).append(r)
        for members in groups.values():
            first = members[0]
            if group_by == "label":
                title = first.label
            else:
                title = redaction_text(document, first)
            n = len({(r.page, r.word_indexes or r.id) for r in members})  # findings, not boxes
            top = QStandardItem(f"{title}  ×{n}" if n > 1 else title)
            top.setIcon(label_icon(first.label))
            top.setData([r.id for r in members], ROLE_IDS)
            top.setData("group", ROLE_KIND)
            top.setData(first.label, ROLE_LABEL)
            top.setToolTip(self._why(members))
            top.setEditable(False)
            state = QStandardItem(summary(members))
            state.setEditable(False)
            if all(r.state == ReviewState.REJECTED for r in members):
                top.setForeground(QColor("#777777"))
            for r in members:
                child = QStandardItem(
                    tr("page %1").replace("%1", str(r.page + 1))
                    + " · "
                    + (redaction_text(document, r) if group_by == "label" else r.label)
                )
                child.setIcon(label_icon(r.label))
                child.setData([r.id], ROLE_IDS)
                child.setData("one", ROLE_KIND)
                child.setData(r.label, ROLE_LABEL)
                child.setToolTip(self._why([r]))
                child.setEditable(False)
                cstate = QStandardItem(STATE_MARK.get(r.state, "") + " " + state_text(r.state))
                cstate.setEditable(False)
                top.appendRow([child, cstate])
                self.rows_by_id[r.id] = child
            self.appendRow([top, state])

    @staticmethod
    def _why(reds: list[Redaction]) -> str:
        r = reds[0]
        why = r.why or r.source
        src = {
            FindingSource.DETECTOR: tr("detector"),
            FindingSource.TERM: tr("term list"),
            FindingSource.MANUAL: tr("drawn by hand"),
        }
        return f"{r.label} · {src.get(r.source, r.source)} · {why} · " + tr("score %1").replace(
            "%1", f"{r.score:.2f}"
        )
