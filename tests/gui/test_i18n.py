"""Russian and Kazakh interfaces: every string translated, and the app really shows them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from redactor.gui import i18n
from tests.support.data import ROOT

MAKE_TS = ROOT / "scripts" / "make_ts.py"


def test_every_interface_string_has_ru_and_kk():
    proc = subprocess.run(
        [sys.executable, str(MAKE_TS), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    for lang in ("ru", "kk"):
        table = i18n.parse_ts(i18n.ts_dir() / f"redactor_{lang}.ts")
        assert table[("redactor", "Next finding")]
        assert len(table) > 150


@pytest.mark.parametrize(
    ("lang", "menu", "action"),
    [("ru", "П&роверка", "Следующая находка"), ("kk", "&Тексеру", "Келесі табылған")],
)
def test_interface_language(make_window, lang, menu, action):  # noqa: ANN001
    try:
        assert i18n.install(lang) == lang
        win = make_window()
        menus = [a.text() for a in win.menuBar().actions()]
        assert menu in menus
        texts = {a.text() for a in win.actions()}
        assert action in texts
    finally:
        i18n.install("en")
    assert i18n.tr("Next finding") == "Next finding"


def test_ts_fallback_parser_when_no_qm(qapp):  # noqa: ANN001
    table = i18n.parse_ts(i18n.ts_dir() / "redactor_kk.ts")
    fallback = i18n.TsTranslator(table)
    qapp.installTranslator(fallback)
    try:
        assert i18n.tr("Reject") == "Қабылдамау"
        assert i18n.tr("no such string") == "no such string"
    finally:
        qapp.removeTranslator(fallback)
    assert i18n.tr("Reject") == "Reject"
