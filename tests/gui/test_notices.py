"""The copy-safety notices in the app: hidden text in the source, a mixed-script word, and a region
of unread ink are listed as findings with their own wording (the hidden words and the odd letters
on screen only), drawn on the page, and decided like any other finding; accepting the unread
region burns it into the copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redactor.core import plan as plan_ops
from redactor.gui.models import ROLE_IDS, mark_scripts, redaction_text
from redactor.gui.page_view import RedactionItem
from tests.support.hidden import build, white
from tests.support.letters import letter_lines, scanned_letter, scribble, typed_pdf
from tests.support.readers import need_tools, ocr, render

pytestmark = pytest.mark.slow


def _open(win, qtbot, paths: list[Path]):  # noqa: ANN001, ANN202
    win.open_paths([str(p) for p in paths])
    ctl = win.ctl
    qtbot.waitUntil(
        lambda: len(ctl.letters) == len(paths) and all(lt.status == "ready" for lt in ctl.letters),
        timeout=180_000,
    )
    return ctl


def _panel_titles(win) -> list[str]:  # noqa: ANN001
    model = win.findings.model
    return [model.item(r, 0).text() for r in range(model.rowCount())]


def test_notices_are_listed_drawn_and_decided(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    need_tools()
    hidden = build(tmp_path, "hidden", white)  # "Ospanov" white on white under body text
    mixed = typed_pdf(tmp_path / "mixed.pdf", letter_lines("Osp\u0430nov"))  # Cyrillic а
    scrawl = tmp_path / "scrawl.png"
    scanned_letter(scribble((360, 70), 3), (300, 900)).save(scrawl, dpi=(150, 150))
    win = make_window()
    ctl = _open(win, qtbot, [hidden, mixed, scrawl])
    by_name = {Path(lt.path).name: lt for lt in ctl.letters}

    # hidden text: one proposed notice, its words shown on screen, drawn hatched on its page
    letter = by_name["hidden.pdf"]
    notes = [r for r in letter.plan.redactions if r.label == "HIDDEN_TEXT"]
    assert notes and all(r.state == "proposed" for r in notes)
    assert redaction_text(letter.document, notes[0]) == "hidden in the source: Ospanov"
    assert "hidden text in the source" in notes[0].why

    # mixed script: the word with its odd letter bracketed
    letter = by_name["mixed.pdf"]
    mixed_notes = [r for r in letter.plan.redactions if r.label == "MIXED_SCRIPT"]
    assert mixed_notes
    assert redaction_text(letter.document, mixed_notes[0]).startswith("Osp[\u0430]nov")

    # unread ink: a region, shown as "unread ink"
    letter = by_name["scrawl.png"]
    unread = [r for r in letter.plan.redactions if r.label == "UNREAD"]
    assert len(unread) == 1 and unread[0].state == "proposed"
    assert redaction_text(letter.document, unread[0]) == "unread ink"
    assert letter.plan.pages_needing_eyes() == [0]

    # shown: the panel lists it, the page draws it
    ctl.set_letter(letter)
    qtbot.waitUntil(lambda: "unread ink" in _panel_titles(win), timeout=10_000)
    ctl.select(unread[0].id)
    qtbot.waitUntil(lambda: win.view.page == unread[0].page, timeout=10_000)
    items = [i for i in win.view.scene().items() if isinstance(i, RedactionItem)]
    assert any(i.red.label == "UNREAD" for i in items)

    model = win.findings.model
    row = next(r for r in range(model.rowCount()) if model.item(r, 0).text() == "unread ink")
    assert model.item(row, 0).data(ROLE_IDS) == [unread[0].id]

    # decided like any finding: A accepts the current one (the copy then burns the region)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_A)
    assert letter.plan.get(unread[0].id).state == "accepted"


def test_mark_scripts_brackets_the_minority_letters() -> None:
    assert mark_scripts("Osp\u0430nov") == "Osp[\u0430]nov"
    assert mark_scripts("\u041espanov") == "[\u041e]spanov"
    assert mark_scripts("Ospanov") == "Ospanov"
    assert mark_scripts("Оспанов") == "Оспанов"


def test_an_accepted_unread_region_is_burned_into_the_copy(tmp_path: Path) -> None:
    """The core path the app uses: an accepted UNREAD finding is a box in the export."""
    from redactor.core import pipeline
    from redactor.core.export.safe import export_safe

    need_tools()
    scrawl = tmp_path / "scrawl.png"
    scanned_letter(scribble((360, 70), 3), (300, 900)).save(scrawl, dpi=(150, 150))
    opened = pipeline.read_document(scrawl)
    try:
        doc = opened.document
        findings = pipeline.find_in_document(doc)
        plan = pipeline.make_plan(doc, findings)
        unread = [r for r in plan.redactions if r.label == "UNREAD"]
        assert len(unread) == 1
        plan = plan_ops.accept(plan, [unread[0].id])
        out = tmp_path / "copy.pdf"
        export_safe(doc, plan, opened.render_page, out)
    finally:
        opened.close()
    page = render(out, dpi=150)[0].convert("L")
    b = unread[0].box
    region = page.crop((int(b.x0) + 4, int(b.y0) + 4, int(b.x1) - 4, int(b.y1) - 4))
    assert region.getextrema()[1] < 40  # solid: the scrawl is under the box
    assert "colony" in ocr(page).lower()  # the rest of the letter is still there
