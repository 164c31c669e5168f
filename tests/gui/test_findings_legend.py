"""Findings an editor can read: a legend of the boxes, labels in the interface language, one row
per place however many parts found it, why each finding was made and the words under it (on
screen only, never in a log), and real labels while a letter is still being read."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redactor.core.model import FindingSource, Label
from redactor.core.plan import Redaction
from redactor.gui import i18n
from redactor.gui.page_view import RedactionItem
from redactor.gui.style import LABEL_STYLE, STATE_MARK, label_text
from tests.support.data import ROOT
from tests.support.rawpdf import RawPdf, text_image

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "resources" / "sample" / "letter-en.txt"
DENY = "Tulegenov"  # the sender, on the editor's deny list: also a name the detector finds


@pytest.fixture
def english():  # noqa: ANN201
    """Whatever a test switches to, the next one starts in English."""
    yield
    i18n.install("en")


def _open(win, qtbot, path: Path):  # noqa: ANN001, ANN202
    win.open_paths([str(path)])
    ctl = win.ctl
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=180_000
    )
    qtbot.waitUntil(lambda: win.findings.model.rowCount() > 0, timeout=10_000)
    return ctl


def _titles(win) -> list[str]:  # noqa: ANN001
    model = win.findings.model
    return [model.item(r, 0).text() for r in range(model.rowCount())]


def _words(letter, r: Redaction) -> str:  # noqa: ANN001
    words = letter.document.pages[r.page].words
    return " ".join(words[i].text for i in r.word_indexes).strip(" ,.;:")


def test_legend_names_every_label_and_state(make_window, qtbot, english) -> None:  # noqa: ANN001
    win = make_window()
    legend = win.findings.legend
    assert legend.isVisible()  # always at hand, under the findings
    text = legend.text()
    for label in LABEL_STYLE:
        assert label_text(label) in text
    for mark in STATE_MARK.values():
        assert mark in text
    assert "to decide" in text and "hidden in the copy" in text and "kept readable" in text
    # it folds away and back with its button
    qtbot.mouseClick(win.findings.legend_button, Qt.MouseButton.LeftButton)
    assert not legend.isVisible()
    qtbot.mouseClick(win.findings.legend_button, Qt.MouseButton.LeftButton)
    assert legend.isVisible()
    # and speaks the interface language at once
    i18n.install("ru")
    qtbot.waitUntil(lambda: label_text(Label.PERSON) in legend.text(), timeout=5_000)
    assert "человек" in legend.text() and "место" in legend.text()
    assert win.findings.legend_button.text() == "Условные обозначения"


def test_details_show_the_reason_and_the_words(make_window, qtbot, caplog) -> None:  # noqa: ANN001
    """J / K through the findings: the details area names the label, the words and why (the
    rule or model and its score, the deny term), and so does the box's tooltip on the page.
    With logging at DEBUG, nothing of it reaches a log."""
    caplog.set_level(logging.DEBUG)
    win = make_window(deny=DENY)
    ctl = _open(win, qtbot, SAMPLE)
    letter = ctl.letter
    panel = win.findings
    assert "J / K" in panel.details_text()  # nothing chosen yet: how to choose
    seen: dict[str, str] = {}
    win.view.setFocus()
    for _ in range(len(letter.plan.redactions)):
        qtbot.keyClick(win.view, Qt.Key.Key_J)
        r = ctl.current()
        assert r is not None
        seen[r.id] = panel.details_text()
    assert set(seen) == {r.id for r in letter.plan.redactions}  # J reached every one
    qtbot.keyClick(win.view, Qt.Key.Key_K)
    assert ctl.current() is not None and seen[ctl.current().id] == panel.details_text()

    for rid, text in seen.items():
        r = letter.plan.get(rid)
        assert label_text(r.label) in text.splitlines()[0]
        assert "«" + _words(letter, r) in text  # the words under it
        assert "Why:" in text
    # the sender's name: the detector's parts and the deny term, in one finding
    name = next(r for r in letter.plan.redactions if _words(letter, r) == "Arman Tulegenov")
    text = seen[name.id]
    assert f"the deny or search term «{DENY}»" in text
    found_by = [line for line in text.splitlines() if line.startswith("• person, found by: ")]
    assert len(found_by) == 1  # the detector's parts that said "person", on one line
    assert re.search(r"(language model spaCy|rule “[^”]+”) 0\.\d\d", found_by[0])
    # a number found by a rule names the rule
    iin = next(r for r in letter.plan.redactions if "850312301209" in _words(letter, r))
    assert "rule “kz_iin_bin”" in seen[iin.id]
    # another place of the same name says where that name was found
    again = [t for t in seen.values() if "which was found on page 1: «" in t]
    assert again

    # the page's tooltip says the same
    ctl.select(name.id)
    qtbot.waitUntil(lambda: win.view.page == name.page, timeout=10_000)
    item = next(
        i for i in win.view.scene().items() if isinstance(i, RedactionItem) and i.red.id == name.id
    )
    tip = item.toolTip()
    assert tip.startswith(label_text(name.label))
    assert "Words: «Arman Tulegenov»" in tip and f"«{DENY}»" in tip

    # on screen only: nothing of the letter in any log line
    logged = caplog.text
    names = {w for r in letter.plan.redactions for w in _words(letter, r).split() if len(w) > 3}
    assert names and not [w for w in names if w in logged]
    assert DENY not in logged


def test_one_row_per_place_found_twice(make_window, qtbot) -> None:  # noqa: ANN001
    """Parts that found overlapping words (a deny term inside a name the detector found, a
    number inside a date) make one finding: one row, one box over all of it."""
    win = make_window(deny=DENY)
    ctl = _open(win, qtbot, SAMPLE)
    plan = ctl.letter.plan
    words: dict[tuple[int, int], str] = {}
    for r in plan.redactions:
        if r.label in ("MIXED_SCRIPT", "HIDDEN_TEXT", "UNREAD"):
            continue
        for w in r.word_indexes:
            assert words.setdefault((r.page, w), r.group) == r.group, "two findings, one word"
    # the panel: one row per finding (by label, each finding is one child row)
    qtbot.keyClick(win.view, Qt.Key.Key_J)
    rows = {}
    model = win.findings.model
    for n in range(model.rowCount()):
        top = model.item(n, 0)
        for k in range(top.rowCount()):
            (rid,) = top.child(k, 0).data(Qt.ItemDataRole.UserRole + 1)
            rows[rid] = top.child(k, 0).text()
    assert len(rows) == len(plan.redactions)
    name = next(r for r in plan.redactions if _words(ctl.letter, r) == "Arman Tulegenov")
    whys = [x.why for x in name.reasons]
    assert any(w.startswith("term") for w in whys) and any(
        x.source == FindingSource.DETECTOR for x in name.reasons
    )


@pytest.mark.parametrize(
    ("lang", "person", "place", "state"),
    [("ru", "человек", "место", "предложено"), ("kk", "адам", "орын", "ұсынылған")],
)
def test_labels_in_the_interface_language(  # noqa: ANN001
    make_window, qtbot, english, lang, person, place, state
) -> None:
    i18n.install(lang)
    win = make_window()
    ctl = _open(win, qtbot, SAMPLE)
    panel = win.findings
    # grouped by label: the groups are the labels' names in the interface language
    panel.group_by.setCurrentIndex(panel.group_by.findData("label"))
    titles = _titles(win)
    assert any(t.startswith(person) for t in titles), titles
    assert any(t.startswith(place) for t in titles), titles
    assert not [t for t in titles if t.split()[0] in ("PERSON", "LOCATION", "DATE", "ID")]
    # the label filter offers the names, and filters by the label
    combo = panel.label_filter
    names = [combo.itemText(i) for i in range(combo.count())]
    assert person in names and "PERSON" not in names
    combo.setCurrentIndex(names.index(person))
    qtbot.waitUntil(lambda: len(_titles(win)) == 1, timeout=5_000)
    tip = panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(person) and "«" in tip  # the row's tooltip: label, words, reasons
    # the details and the page's tooltips too
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_J)
    r = ctl.current()
    assert r is not None
    assert panel.details_text().startswith(f"■ {label_text(r.label)}")
    assert state in panel.details_text()
    items = [i for i in win.view.scene().items() if isinstance(i, RedactionItem)]
    assert items and all(i.toolTip().startswith(label_text(i.red.label)) for i in items)
    assert not [i for i in items if i.toolTip().split(" ·")[0] == i.red.label]


def _long_scan(path: Path, pages: int) -> Path:
    """An image-only PDF of `pages` pages (every page needs OCR: slow enough to be seen while
    it is read), each naming the sender."""
    pdf = RawPdf()
    lines = (
        "Dear editor, my name is Arman Tulegenov.",
        "I write to you from the colony near Kostanay.",
        "The guards beat me again on 9 February 2023.",
    )
    for _ in range(pages):
        img = text_image(
            [(60, 60 + 56 * i, f"{line}") for i, line in enumerate(lines)],
            size=(1240, 1754),
            font_px=30,
            mode="L",
        )
        pdf.page(
            b"q 595 0 0 842 0 0 cm /Im0 Do Q", size=(595, 842), xobjects={"Im0": pdf.image(img)}
        )
    return pdf.write(path)


def test_provisional_findings_have_their_real_labels(make_window, qtbot, tmp_path) -> None:  # noqa: ANN001
    """While a letter is read, its findings so far are listed with their label and reason,
    never as a manual box."""
    scan = _long_scan(tmp_path / "long.pdf", 6)
    win = make_window(deny=DENY)
    ctl = win.ctl
    shots: list[tuple[list[str], list[str], str]] = []

    def provisional(letter, plan) -> None:  # noqa: ANN001
        # after the controller took it: what the editor sees right now
        win.findings.refresh()
        if letter.plan is None or not letter.loading:
            return
        if letter.plan.redactions:
            ctl.select(letter.plan.redactions[0].id)
        shots.append(
            (_titles(win), [r.label for r in letter.plan.redactions], win.findings.details_text())
        )

    ctl.loader.provisional.connect(provisional)
    # provisional plans are shown at most twice a second; a quiet machine reads these pages
    # faster than that, so the test asks for them more often (the labels are what it is about)
    ctl.loader._timer.setInterval(20)
    ctl.detector.preload()  # the detector answers each page as soon as it is read
    win.open_paths([str(scan)])
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=300_000
    )
    shown = [shot for shot in shots if shot[1]]  # a page read may have had no findings yet
    assert shown, f"no findings were shown while the letter was read ({len(shots)} updates)"
    manual = i18n.tr("manual box")
    for titles, labels, details in shown:
        assert titles, labels
        assert Label.MANUAL not in labels
        assert not [t for t in titles if manual in t], titles
        assert "Tulegenov" in " ".join(titles), titles
        assert "Why:" in details and manual not in details, details


def test_a_notice_explains_itself(make_window, qtbot, tmp_path) -> None:  # noqa: ANN001
    """A word typed in two scripts: its details bracket the odd letter and say why."""
    from tests.support.letters import letter_lines, typed_pdf

    mixed = typed_pdf(tmp_path / "mixed.pdf", letter_lines("Osp\u0430nov"))  # Cyrillic а
    win = make_window()
    ctl = _open(win, qtbot, mixed)
    notice = next(r for r in ctl.letter.plan.redactions if r.label == "MIXED_SCRIPT")
    win.view.setFocus()
    for _ in range(len(ctl.letter.plan.redactions)):
        qtbot.keyClick(win.view, Qt.Key.Key_J)
        if ctl.current_id == notice.id:
            break
    text = win.findings.details_text()
    assert text.startswith(f"■ {label_text('MIXED_SCRIPT')}")
    assert "Osp[\u0430]nov" in text
    assert "a word mixing letters of several scripts" in text


def test_a_decision_updates_the_rows_in_place(make_window, qtbot) -> None:  # noqa: ANN001
    """A key that only decides (A, R, undo) updates the state texts where they are: the tree is
    not rebuilt on every key (a few hundred findings cost tens of milliseconds each time), and
    what it shows is what a rebuild would show."""
    win = make_window()
    _open(win, qtbot, SAMPLE)
    ctl, panel = win.ctl, win.findings
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_J)
    first = ctl.current()
    assert first is not None
    row = panel.model.rows_by_id[first.id]
    qtbot.keyClick(win.view, Qt.Key.Key_R)
    qtbot.waitUntil(
        lambda: "rejected" in panel.model.itemFromIndex(row.index().siblingAtColumn(1)).text()
    )
    assert panel.model.rows_by_id[first.id] is row  # kept, not rebuilt
    shown = [
        (panel.model.item(i, 0).text(), panel.model.item(i, 1).text())
        for i in range(panel.model.rowCount())
    ]
    panel.model.retranslate()  # forces the next refresh to rebuild
    panel.refresh()
    assert panel.model.rows_by_id[first.id] is not row
    rebuilt = [
        (panel.model.item(i, 0).text(), panel.model.item(i, 1).text())
        for i in range(panel.model.rowCount())
    ]
    assert shown == rebuilt
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    row = panel.model.rows_by_id[first.id]
    qtbot.waitUntil(
        lambda: "proposed" in panel.model.itemFromIndex(row.index().siblingAtColumn(1)).text()
    )
