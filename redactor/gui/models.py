"""Item models: the findings of a letter grouped by term or by label."""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QStandardItem, QStandardItemModel

from redactor.core.fonttruth import LYING_FONT
from redactor.core.model import MARK_LABELS, Document, FindingSource, Label, Reason, ReviewState
from redactor.core.pipeline import HIDDEN_WHY, PROPAGATED_WHY
from redactor.core.plan import Redaction, RedactionPlan

from .i18n import N_, tr, trf
from .style import STATE_MARK, label_color, label_text

ROLE_IDS = Qt.ItemDataRole.UserRole + 1  # list of redaction ids under the row
ROLE_KIND = Qt.ItemDataRole.UserRole + 2  # "group" or "one"
ROLE_LABEL = Qt.ItemDataRole.UserRole + 3
DRAWN_GROUP = "drawn"  # the group of the dark boxes drawn in the source (pipeline.make_plan)


# The kinds of marks core/marks.py names (zxing's symbol names, "QR Code", stay as they are).
MARK_KINDS = (N_("round stamp"), N_("framed stamp"), N_("face"), N_("signature"), N_("handwriting"))


def redaction_text(document: Document | None, r: Redaction) -> str:
    """What the finding covers, for the screen only (never logged or saved)."""
    if r.label == Label.UNREAD:
        return tr("unread ink")
    if r.label == Label.LEAK and not r.word_indexes:
        return tr("found in the copy by the final check")
    if r.source == FindingSource.MANUAL:
        return tr("manual box")
    if r.group == DRAWN_GROUP:
        return tr("a dark box drawn in the source")
    if document is None or r.page >= len(document.pages):  # its page is not read yet
        return label_text(r.label)
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


# --- why a finding was made (for the screen only: never logged) ------------------------------

# Where a page's words are, for the reasons' origins: (page, word indexes) -> the words, "" when
# that page is not at hand.
WordsOf = Callable[[int, Sequence[int]], str]


def document_words(document: Document | None) -> WordsOf:
    def words_of(page: int, indexes: Sequence[int]) -> str:
        if document is None or not 0 <= page < len(document.pages):
            return ""
        words = document.pages[page].words
        text = " ".join(words[i].text for i in indexes if 0 <= i < len(words))
        return text.strip(" ,.;:!?()[]«»\"'")

    return words_of


def reasons(r: Redaction) -> tuple[Reason, ...]:
    """A redaction's reasons; one read back from a saved review has only its `why` (each of
    its parts a reason, with no term)."""
    if r.reasons:
        return r.reasons
    whys = [w for w in (r.why or "").split("; ") if w] or [""]
    out = []
    for n, w in enumerate(whys):
        if w.startswith("term #"):
            out.append(Reason(FindingSource.TERM, Label.TERM, w))
        else:  # the score is known for the reason its label came from only
            out.append(Reason(r.source, r.label, w, r.score if n == 0 else -1.0))
    return tuple(out)


def _quoted(text: str) -> str:
    return "«" + text + "»"


def _part_name(why: str) -> str:
    """A detector part's name for the editor: the language models by their names, the rules by
    theirs."""
    if why.startswith("spacy") or why == "SpacyRecognizer":
        return tr("language model spaCy")
    if why.startswith("natasha"):
        return tr("language model natasha") + why.removeprefix("natasha")
    return trf("rule “%1”", why or tr("detector"))


def _origin_text(x: Reason, words_of: WordsOf) -> str:
    if x.origin is None:
        return ""
    page, idx = x.origin
    words = words_of(page, idx)
    where = trf("page %1", page + 1)
    return f"{where}: {_quoted(words)}" if words else where


def reason_text(x: Reason, words_of: WordsOf) -> str:
    """One reason in the interface language: the detector's part (rule or model) and its score,
    the term matched, or the finding a propagated one repeats."""
    if x.source == FindingSource.MANUAL:
        return tr("drawn by hand")
    if x.label == Label.HIDDEN_TEXT and LYING_FONT in x.why:
        return tr(
            "the text layer does not say what the page shows (a font names its letters "
            "wrongly): these words were read from the page"
        )
    if x.label == Label.HIDDEN_TEXT:
        return trf("text in the source file the page does not show (%1)", x.why[len(HIDDEN_WHY) :])
    if x.label == Label.UNREAD and x.why.startswith("ink no reader"):
        return tr("ink no reader could read (handwriting, a signature, a stamp, turned writing?)")
    if x.label == Label.MIXED_SCRIPT and x.source == FindingSource.DETECTOR:
        return tr("a word mixing letters of several scripts (look-alike letters?)")
    if x.why == "a dark box drawn in the source file":
        return tr("a dark box drawn in the source file")
    if x.label == "LEAK":  # a place the final check of an export refused: its why says where
        return x.why
    if x.why == PROPAGATED_WHY or x.why.startswith("propagated from term"):
        origin = _origin_text(x, words_of)
        if x.term and origin:
            return trf("another place of %1, which was found on %2", _quoted(x.term), origin)
        if x.term and x.label == Label.TERM:
            return trf("a form of the deny or search term %1", _quoted(x.term))
        if x.term:
            return trf("another place of %1, found elsewhere in the letter", _quoted(x.term))
        return tr("another place of a word found elsewhere in the letter")
    if x.source == FindingSource.TERM or x.label == Label.TERM:
        if x.term:
            return trf("the deny or search term %1", _quoted(x.term))
        return tr("a deny or search term")
    return trf("%1, found by: %2", label_text(x.label), _part_score(x))


def _by_detector(x: Reason) -> bool:
    """A reason of one of the detector's parts (a rule or a model), not a term or a notice."""
    return (
        x.source == FindingSource.DETECTOR
        and x.label not in (Label.TERM, Label.HIDDEN_TEXT, Label.UNREAD, Label.MIXED_SCRIPT)
        and x.label != "LEAK"
        and not x.why.startswith("propagated")
        and x.why != "a dark box drawn in the source file"
    )


def _part_score(x: Reason) -> str:
    return f"{_part_name(x.why)} {x.score:.2f}" if x.score >= 0 else _part_name(x.why)


def reason_texts(r: Redaction, words_of: WordsOf) -> list[str]:
    """Every reason of a redaction, each once, in order (the one its label comes from first);
    the detector's parts that gave one label on one line ("person, found by: language model
    spaCy 0.85; rule “surname shape” 0.55")."""
    lines: list[str] = []
    parts: dict[str, list[str]] = {}  # label -> its parts (line made at the first)
    at: dict[str, int] = {}
    for x in reasons(r):
        if _by_detector(x):
            if x.label not in parts:
                parts[x.label], at[x.label] = [], len(lines)
                lines.append("")
            part = _part_score(x)
            if part not in parts[x.label]:
                parts[x.label].append(part)
            continue
        lines.append(reason_text(x, words_of))
    for label, n in at.items():
        lines[n] = trf("%1, found by: %2", label_text(label), "; ".join(parts[label]))
    return list(dict.fromkeys(lines))


def redaction_words(r: Redaction, words_of: WordsOf) -> str:
    """The words under a finding ("" for a box over no words)."""
    return words_of(r.page, r.word_indexes) if r.word_indexes else ""


def redaction_tooltip(r: Redaction, words_of: WordsOf, limit: int = 6) -> str:
    """A finding's tooltip on the page: its label and state, its words, why it was found."""
    head = f"{label_text(r.label)} · {STATE_MARK.get(r.state, '')} {state_text(r.state)}"
    lines = [head]
    words = redaction_words(r, words_of)
    if words:
        lines.append(trf("Words: %1", _quoted(words)))
    why = reason_texts(r, words_of)
    lines += ["• " + w for w in why[:limit]]
    if len(why) > limit:
        lines.append(trf("… and %1 more", len(why) - limit))
    return "\n".join(lines)


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
    """Two columns: the term (with ×N) and its state. Labels are named in the interface
    language (label_text); the codes stay in ROLE_LABEL."""

    def __init__(self) -> None:
        super().__init__()
        self.rows_by_id: dict[str, QStandardItem] = {}
        self._reds: dict[str, Redaction] = {}
        self._words_of: WordsOf = document_words(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([tr("Finding"), tr("State")])
        self._shape: tuple[str, str, str] | None = None  # old language: the next refresh rebuilds

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """A row's tooltip (its first finding's label, words and reasons) is made when asked."""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            ids = super().data(index, ROLE_IDS) or []
            r = self._reds.get(ids[0]) if ids else None
            return redaction_tooltip(r, self._words_of) if r is not None else None
        return super().data(index, role)

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
        self._state_items: dict[str, QStandardItem] = {}
        self._group_rows: list[tuple[QStandardItem, QStandardItem, list[str]]] = []
        self._shape = (group_by, label_filter, state_filter)
        self._reds = {r.id: r for r in plan.redactions} if plan is not None else {}
        self._words_of = document_words(document)
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
                title = label_text(first.label)
            else:
                title = redaction_text(document, first)
            n = len({(r.page, r.word_indexes or r.id) for r in members})  # findings, not boxes
            top = QStandardItem(f"{title}  ×{n}" if n > 1 else title)
            top.setIcon(label_icon(first.label))
            top.setData([r.id for r in members], ROLE_IDS)
            top.setData("group", ROLE_KIND)
            top.setData(first.label, ROLE_LABEL)
            top.setEditable(False)
            state = QStandardItem(summary(members))
            state.setEditable(False)
            if all(r.state == ReviewState.REJECTED for r in members):
                top.setForeground(QColor("#777777"))
            for r in members:
                child = QStandardItem(
                    tr("page %1").replace("%1", str(r.page + 1))
                    + " · "
                    + (redaction_text(document, r) if group_by == "label" else label_text(r.label))
                )
                child.setIcon(label_icon(r.label))
                child.setData([r.id], ROLE_IDS)
                child.setData("one", ROLE_KIND)
                child.setData(r.label, ROLE_LABEL)
                child.setEditable(False)
                cstate = QStandardItem(STATE_MARK.get(r.state, "") + " " + state_text(r.state))
                cstate.setEditable(False)
                top.appendRow([child, cstate])
                self.rows_by_id[r.id] = child
                self._state_items[r.id] = cstate
            self.appendRow([top, state])
            self._group_rows.append((top, state, [r.id for r in members]))

    def update_states(self, plan: RedactionPlan | None, shape: tuple[str, str, str]) -> bool:
        """Only decisions changed since the last rebuild (same findings, same grouping, no state
        filter): the state texts and greys are updated in place and the tree is kept (a rebuild
        of a few hundred findings costs tens of milliseconds on every key). False: rebuild."""
        if plan is None or shape != getattr(self, "_shape", None) or shape[2]:
            return False
        new = {r.id: r for r in plan.redactions}
        if new.keys() != self._reds.keys():
            return False
        for rid, r in new.items():
            old = self._reds[rid]
            if (r.label, r.group, r.page, r.box, r.word_indexes, r.source) != (
                old.label,
                old.group,
                old.page,
                old.box,
                old.word_indexes,
                old.source,
            ):
                return False
        for rid, item in self._state_items.items():
            r = new[rid]
            if r.state != self._reds[rid].state:
                item.setText(STATE_MARK.get(r.state, "") + " " + state_text(r.state))
        for top, state, ids in self._group_rows:
            if any(new[i].state != self._reds[i].state for i in ids):
                members = [new[i] for i in ids]
                state.setText(summary(members))
                if all(r.state == ReviewState.REJECTED for r in members):
                    top.setForeground(QColor("#777777"))
                else:
                    top.setData(None, Qt.ItemDataRole.ForegroundRole)
        self._reds = new
        return True
