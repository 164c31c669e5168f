"""The right-click menu of a box on the page and of a finding in the findings panel: accept,
reject, every occurrence of its term, change its label, delete a box the editor drew.

Every entry goes through the controller, so each is one undo step."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from redactor.core.model import ALL_LABELS, FindingSource, ReviewState

from .controller import ReviewController
from .i18n import tr, trf
from .models import label_icon
from .style import label_text


def redaction_menu(
    parent: QWidget, ctl: ReviewController, ids: list[str], scope: str = "one"
) -> QMenu | None:
    """The menu for the redactions `ids` of the current letter: one box or finding
    (`scope` "one"), the occurrences of one term ("term") or the findings of one label
    ("label"). None when none of them is in the plan."""
    letter = ctl.letter
    if letter is None or letter.plan is None:
        return None
    by_id = {r.id: r for r in letter.plan.redactions}
    reds = [by_id[i] for i in ids if i in by_id]
    if not reds:
        return None
    ids = [r.id for r in reds]
    menu = QMenu(parent)
    if scope == "term":
        accept, reject = tr("Accept all occurrences"), tr("Reject all occurrences")
    elif scope == "label":
        name = label_text(reds[0].label)
        accept = tr("Accept everything labelled %1").replace("%1", name)
        reject = tr("Reject everything labelled %1").replace("%1", name)
    else:
        accept, reject = tr("Accept"), tr("Reject")
    a = menu.addAction(accept, partial(ctl.decide_ids, ids, ReviewState.ACCEPTED))
    a.setEnabled(any(r.state != ReviewState.ACCEPTED for r in reds))
    a = menu.addAction(reject, partial(ctl.decide_ids, ids, ReviewState.REJECTED))
    a.setEnabled(any(r.state != ReviewState.REJECTED for r in reds))
    if scope == "one":
        occ = ctl.occurrence_ids(ids[0])
        menu.addSeparator()
        a = menu.addAction(
            trf("Accept all occurrences (%1)", len(occ)),
            partial(ctl.decide_ids, occ, ReviewState.ACCEPTED),
        )
        a.setEnabled(len(occ) > 1)
        a = menu.addAction(
            trf("Reject all occurrences (%1)", len(occ)),
            partial(ctl.decide_ids, occ, ReviewState.REJECTED),
        )
        a.setEnabled(len(occ) > 1)
    menu.addSeparator()
    labels = menu.addMenu(tr("Change label"))
    group = QActionGroup(labels)
    current = {r.label for r in reds}
    choices = list(ALL_LABELS) + [lab for lab in sorted(current) if lab not in ALL_LABELS]
    for lab in choices:
        act = labels.addAction(label_text(lab), partial(ctl.relabel, ids, lab))
        act.setIcon(label_icon(lab))
        act.setCheckable(True)
        act.setChecked(current == {lab})
        if current == {lab}:  # with an icon, the check shows only as a faint frame
            font = act.font()
            font.setBold(True)
            act.setFont(font)
        act.setData(lab)
        group.addAction(act)
    manual = [r.id for r in reds if r.source == FindingSource.MANUAL]
    if manual:
        menu.addSeparator()
        menu.addAction(tr("Delete the box"), partial(ctl.delete_ids, manual))
    return menu
