"""Export never decides for the editor. With findings still undecided the dialog says how many and
on which pages, "Go to them" selects the first of them in the main window, and "Export with them
as they are" leaves the review exactly as it was (plan, undo history) while the copy hides them, as
the command line hides what it finds. A copy the final check refuses shows the places it found on
the page, as findings of their own (LEAK)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from redactor.core.model import IDENTIFYING_LABELS, Label, ReviewState
from redactor.gui.letter import reading_order
from redactor.gui.models import redaction_text
from tests.support import readers
from tests.support.data import LETTERS, sha256
from tests.support.gui import export_with_dialog

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
]

LETTER = LETTERS / "dev-en-01.typed.pdf"


def _open(make_window, qtbot):  # noqa: ANN001, ANN202
    win = make_window()
    ctl = win.ctl
    win.open_paths([str(LETTER)])
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=180_000
    )
    return win, ctl, ctl.letter


def _export_dialog(win, qtbot):  # noqa: ANN001, ANN202
    from PySide6.QtWidgets import QApplication

    # the keys go to the main window once it is active again (after a dialog closed)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = win._export
    assert dlg.isVisible()
    return dlg


def _words(text: str) -> list[str]:
    out = []
    for w in text.split():
        w = w.strip(".,;:!?()[]«»\"'")
        if len(w) >= 4 and not any(c.isdigit() for c in w):
            out.append(w)
    return out


def test_undecided_findings_go_to_them_and_export_as_they_are(make_window, qtbot, tmp_path):  # noqa: ANN001
    before_src = sha256(LETTER)
    win, ctl, letter = _open(make_window, qtbot)
    doc = letter.document
    # The editor decides a few findings with the keyboard (J, A, R) and leaves the rest.
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_J)
    first = ctl.current()
    assert first is not None
    qtbot.keyClick(win.view, Qt.Key.Key_A)
    qtbot.keyClick(win.view, Qt.Key.Key_R)
    undecided = sorted(letter.plan.undecided(), key=reading_order)
    assert len(undecided) >= 3, "the letter should leave several findings undecided"
    rejected = [r for r in letter.plan.redactions if r.state == ReviewState.REJECTED]
    assert rejected

    # --- the dialog says how many and where, and offers both ways
    dlg = _export_dialog(win, qtbot)
    pages = sorted({r.page + 1 for r in undecided})
    text = dlg.undecided_item.text()
    assert f"{len(undecided)} findings not decided yet" in text, text
    where = ", ".join(str(p) for p in pages)
    assert (f"pages {where}" if len(pages) > 1 else f"page {where}") in text, text
    assert dlg.undecided_go.isVisible() and dlg.as_they_are.isVisible()
    assert "hidden in the copy" in dlg.as_they_are.text()
    assert "not changed" in dlg.as_they_are.text()
    assert dlg.export_button.text() == "Export with them as they are"
    assert dlg.export_button.isEnabled()

    # --- Go to them: the dialog closes, the first undecided finding is selected
    ctl.select(None)
    ctl.set_page(letter.page_count - 1)
    qtbot.mouseClick(dlg.undecided_go, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert ctl.current() is not None and ctl.current().id == undecided[0].id
    assert ctl.page == undecided[0].page
    assert undecided[0].id in win.view._items  # drawn on the page shown

    # --- Export with them as they are: the review is not touched
    dlg = _export_dialog(win, qtbot)
    plan_before = letter.plan
    done_before = list(ctl.undo._done)
    undone_before = list(ctl.undo._undone)
    out = tmp_path / "copy.pdf"
    export_with_dialog(dlg, qtbot, out)
    assert dlg.report is not None and dlg.report.ok, dlg.result_label.text()
    assert letter.plan is plan_before and letter.plan == plan_before
    assert ctl.undo._done == done_before and ctl.undo._undone == undone_before
    assert sorted(letter.plan.undecided(), key=reading_order) == undecided
    assert dlg.report.undecided_hidden == len(undecided)
    assert "hidden in the copy as they are" in dlg.result_label.text()
    assert sha256(LETTER) == before_src

    # --- the copy hides the undecided identifying words: two readers, look-alikes folded
    texts = [readers.pdftotext(out), readers.pypdf_text(out)]
    assert all(len(t.split()) > 50 for t in texts), "the copy's text layer is missing"
    # a word vanishes when every place it stands is hidden (accepted, or undecided as it is)
    gone = {
        (r.page, i)
        for r in letter.plan.redactions
        if r.state != ReviewState.REJECTED and r.label not in (Label.HIDDEN_TEXT, Label.UNREAD)
        for i in r.word_indexes
    }
    shown = {
        readers.fold(w.text.strip(".,;:!?()[]«»\"'"))
        for p in doc.pages
        for i, w in enumerate(p.words)
        if (p.index, i) not in gone
    }
    phrases = [
        redaction_text(doc, r)
        for r in undecided
        if r.label in IDENTIFYING_LABELS and r.word_indexes
    ]
    checked = [w for t in phrases for w in _words(t) if readers.fold(w) not in shown]
    assert len(checked) >= 2, "too few undecided identifying words to look for"
    for text in texts:
        words = {readers.fold(w.strip(".,;:!?()[]«»\"'")) for w in text.split()}
        for w in checked:
            assert readers.fold(w) not in words, f"an undecided word is in the copy ({len(w)})"
        for t in phrases:
            assert not readers.text_has(" ".join(text.split()), " ".join(t.split()))
    # ... and what the editor rejected stays readable (the check can fail)
    kept = [w for r in rejected for w in _words(redaction_text(doc, r))]
    kept = [w for w in kept if w.casefold() not in {c.casefold() for c in checked}]
    if kept:
        assert any(readers.text_has(texts[0], w) for w in kept)


def test_a_refused_export_shows_the_places_on_the_page(  # noqa: PLR0915
    make_window,
    qtbot,
    tmp_path,
    monkeypatch,  # noqa: ANN001
):
    """A writer that leaks (a fake only for the leak: it puts a hidden name back into the copy's
    text layer, where the box is); the verifier is real. The export is refused, nothing is
    written, and the place appears on the page as a LEAK finding."""
    from redactor.core.export import safe
    from redactor.core.export.pdf import ExportPage
    from redactor.core.model import Word

    win, ctl, letter = _open(make_window, qtbot)
    doc = letter.document
    target = next(
        r
        for r in sorted(letter.plan.redactions, key=reading_order)
        if r.label == Label.PERSON and len(r.word_indexes) >= 1
    )
    page = doc.pages[target.page]
    leaked = page.words[target.word_indexes[-1]]
    assert len(leaked.text.strip(".,")) >= 4
    real_write = safe.write_pdf

    def leaky_write(pages, fh, **kwargs):  # noqa: ANN001, ANN003, ANN202
        def with_leak():  # noqa: ANN202
            for n, p in enumerate(pages):
                if n == target.page:
                    k = p.image.width / float(page.width_px)
                    word = Word(leaked.text, leaked.box.scaled(k), 100.0, 0, 0)
                    p = ExportPage(p.image, p.dpi, (*p.words, word))
                yield p

        real_write(with_leak(), fh, **kwargs)

    monkeypatch.setattr(safe, "write_pdf", leaky_write)
    ctl.select(target.id)  # the editor accepts the name: its box covers it
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_A)
    assert letter.plan.get(target.id).state == ReviewState.ACCEPTED

    dlg = _export_dialog(win, qtbot)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "copy.pdf"
    dlg.out.setText(str(out))
    undo_before = len(ctl.undo._done)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✗" in dlg.result_label.text(), timeout=240_000)
    assert dlg.report is None and not out.exists()
    assert list(folder.iterdir()) == []  # nothing written, no part file left
    message = dlg.result_label.text()
    assert "final check" in message and f"page {target.page + 1}" in message, message
    assert leaked.text not in message

    leaks = [r for r in letter.plan.redactions if r.label == Label.LEAK]
    assert leaks, "the refused place is not a finding"
    assert any(r.page == target.page and r.box.intersects(leaked.box) for r in leaks)
    assert all(r.state == ReviewState.PROPOSED for r in leaks)
    assert all(leaked.text not in r.why for r in leaks)
    assert len(ctl.undo._done) == undo_before + 1  # one edit, undoable

    # Go to them: the place is selected and drawn on the page
    assert dlg.leak_go.isVisible()
    qtbot.mouseClick(dlg.leak_go, Qt.MouseButton.LeftButton)
    cur = ctl.current()
    assert cur is not None and cur.label == Label.LEAK and ctl.page == target.page
    assert cur.id in win.view._items

    # the same refusal again adds no second finding for the same place
    dlg = _export_dialog(win, qtbot)
    dlg.out.setText(str(out))
    n = len(leaks)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✗" in dlg.result_label.text(), timeout=240_000)
    assert len([r for r in letter.plan.redactions if r.label == Label.LEAK]) == n
