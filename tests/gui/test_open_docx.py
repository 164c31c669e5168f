"""A Word letter opened in the app: its page is laid out from the document's text, and each
place the original hides (header, comment, deleted text, properties) is a notice the editor
decides like any other finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from redactor.gui.models import redaction_text
from tests.support import formats

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
