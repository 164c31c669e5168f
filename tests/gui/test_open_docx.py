"""A Word letter opened in the app: its page is laid out from the document's text, each place
the original hides (header, comment, deleted text, properties) is a notice the editor decides
like any other finding, and the exported copy, read by poppler, has none of what was accepted."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redactor.gui.models import redaction_text
from tests.support import formats
from tests.support.gui import export_with_dialog

pytestmark = pytest.mark.slow


def test_docx_opens_with_its_hidden_places_as_notices(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "letter.docx"
    path.write_bytes(formats.docx_bytes())
    win = make_window()
    win.open_paths([str(path)])
    ctl = win.ctl
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=180_000
    )
    letter = ctl.letter
    assert letter.document.page_count == 1
    words = " ".join(w.text for w in letter.document.pages[0].words)
    assert formats.PLACES["body"] in words and "Comment by" in words

    notes = [r for r in letter.plan.redactions if r.label == "HIDDEN_TEXT"]
    texts = {redaction_text(letter.document, r) for r in notes}
    for place in ("header", "comment", "comment_author", "deleted", "property"):
        assert any(formats.PLACES[place] in t for t in texts), (place, texts)
    assert all(r.state == "proposed" for r in notes)

    # decided with the keyboard like any finding: the comment's notice is accepted
    comment = next(r for r in notes if "comment" in r.why)
    ctl.select(comment.id)
    qtbot.waitUntil(lambda: ctl.current() is not None and ctl.current().id == comment.id)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_A)
    qtbot.waitUntil(
        lambda: next(r for r in letter.plan.redactions if r.id == comment.id).state == "accepted"
    )

    # every other finding accepted with the keyboard, then exported (Ctrl+E)
    for _ in range(300):
        if not letter.plan.undecided():
            break
        cur = ctl.current()
        if cur is None or cur.state != "proposed":
            qtbot.keyClick(win.view, Qt.Key.Key_J)
            continue
        qtbot.keyClick(win.view, Qt.Key.Key_A)
    assert not letter.plan.undecided()
    qtbot.keyClick(win.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = win._export
    assert dlg.isVisible() and dlg.export_button.isEnabled()
    out = tmp_path / "safe.pdf"
    export_with_dialog(dlg, qtbot, out)
    assert dlg.report is not None and dlg.report.ok, dlg.result_label.text()
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.casefold()
    assert "dear editor" in text
    for place, name in formats.PLACES.items():
        assert name.casefold() not in text, place
    assert "check this with" not in text  # the accepted comment is gone whole


@pytest.mark.parametrize("kind", ["odt", "eml", "heic"])
def test_odt_eml_heic_open_in_the_app_and_the_copy_has_no_name(
    make_window, qtbot, tmp_path: Path, kind: str
) -> None:  # noqa: ANN001
    """OpenDocument, an e-mail with a PDF attached, an iPhone photo: opened as a letter, each
    name is flagged on a page, and the copy exported as it is (nothing decided: every finding
    hidden as it is) has none of them, read by poppler."""
    path = tmp_path / f"letter.{kind}"
    if kind == "odt":
        path.write_bytes(formats.odt_bytes())
        names = dict(formats.PLACES)
    elif kind == "eml":
        path.write_bytes(formats.eml_bytes())
        names = dict(formats.MAIL_PLACES)
    else:
        pytest.importorskip("pillow_heif")
        names = {"photo": "Zhaksylykova"}
        formats.heic_file(
            path, ["A letter from the camp", f"Greetings from Aigerim {names['photo']}"]
        )
    win = make_window(deny="\n".join(names.values()))
    win.open_paths([str(path)])
    ctl = win.ctl
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=180_000
    )
    letter = ctl.letter
    if kind == "eml":
        assert letter.document.page_count == 2  # the e-mail, then its attached PDF
    texts = " ".join(redaction_text(letter.document, r) for r in letter.plan.redactions)
    for place, name in names.items():
        assert name.casefold() in texts.casefold(), (kind, place)
    for page in letter.plan.pages_needing_eyes():  # looked at: C on each such page
        ctl.set_page(page)
        win.view.setFocus()
        qtbot.keyClick(win.view, Qt.Key.Key_C)
    assert not letter.plan.pages_needing_eyes()
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = win._export
    assert dlg.isVisible() and dlg.export_button.isEnabled()
    out = tmp_path / "safe.pdf"
    dlg.out.setText(str(out))
    plan_before = letter.plan
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dlg.report is not None or "✗" in dlg.result_label.text(), timeout=180_000
    )
    assert dlg.report is not None and dlg.report.ok, dlg.result_label.text()
    assert letter.plan == plan_before  # exported as it is: nothing decided for the editor
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.casefold()
    assert text.strip(), "a copy with text"
    for place, name in names.items():
        assert name.casefold() not in text, (kind, place)
