"""An encrypted PDF asks for its password, says when it is wrong, and opens with the right one."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from tests.support.data import DATA

ENCRYPTED = DATA / "pdfs" / "pypdf__libreoffice-writer-password.pdf"


def test_password_is_asked_then_the_letter_opens(make_window, qtbot, monkeypatch):  # noqa: ANN001
    answers = iter([("wrong", True), ("openpassword", True)])
    prompts: list[str] = []

    def fake_get_text(parent, title, label, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        prompts.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_get_text))
    win = make_window()
    ctl = win.ctl
    win.open_paths([str(ENCRYPTED)])
    qtbot.waitUntil(
        lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=120_000
    )
    assert len(prompts) == 2 and "wrong" in prompts[1].lower()
    assert ctl.letter.document is not None and ctl.letter.document.page_count == 1
    assert ctl.letter.document.pages[0].words  # the decrypted text was read
