"""Interface language: Qt Linguist .ts files in translations/ of the package redactor.resources.

`tr(text)` translates in the single context "redactor". A compiled .qm next to the .ts (or one
compiled at first run with pyside6-lrelease into the cache folder) is loaded with QTranslator;
when neither exists, the .ts is parsed at run time (TsTranslator)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QStandardPaths,
    QTranslator,
)
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from ..core.bundled import resource
from ..core.errors import MissingDependency

log = logging.getLogger(__name__)

CONTEXT = "redactor"
LANGUAGES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}


def ts_dir() -> Path:
    """The .ts/.qm folder (translations/ of the package redactor.resources)."""
    return resource("translations")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:  # noqa: N802
    """Marks a string for translation where it is defined; tr() it where it is shown."""
    return text


def trf(text: str, *args: object) -> str:
    """tr() with %1, %2, ... filled in."""
    out = tr(text)
    for n in range(len(args), 0, -1):
        out = out.replace(f"%{n}", str(args[n - 1]))
    return out


def parse_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of a .ts file; unfinished/empty ones are skipped."""
    out: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source")
            tr_el = msg.find("translation")
            if src is None or tr_el is None or not (tr_el.text or "").strip():
                continue
            if tr_el.get("type") in ("obsolete", "vanished"):
                continue
            out[(name, src)] = tr_el.text or ""
    return out


class TsTranslator(QTranslator):
    """A QTranslator fed from a parsed .ts file."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        return self._table.get((context, source))  # None: not translated here

    def isEmpty(self) -> bool:  # noqa: N802 - Qt name
        return not self._table


def _lrelease() -> str | None:
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    if exe.exists():
        return str(exe)
    return shutil.which("pyside6-lrelease")


def _compiled(ts: Path) -> Path | None:
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    cached = cache / "translations" / qm.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    exe = _lrelease()
    if exe is None:
        return None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [exe, str(ts), "-qm", str(cached)], check=True, capture_output=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile translations: %s", exc)
        return None
    return cached if cached.exists() else None


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


_installed: list[QTranslator] = []
_current = "en"


def current() -> str:
    """The language the interface speaks now (the code install() returned)."""
    return _current


def install(language: str | None) -> str:
    """Install the translator for `language` ("" or None: the system's), replacing the one
    installed before. Returns the code used."""
    global _current
    _current = lang = _install(language)
    return lang


def _install(language: str | None) -> str:
    app = QCoreApplication.instance()
    lang = language or system_language()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    if lang == "en" or lang not in LANGUAGES or app is None:
        return "en"
    try:
        ts = ts_dir() / f"redactor_{lang}.ts"
    except MissingDependency as exc:
        log.warning("%s", exc)
        return "en"
    if not ts.exists():
        return "en"
    translator: QTranslator
    qm = _compiled(ts)
    translator = QTranslator()
    if qm is None or not translator.load(str(qm)):
        translator = TsTranslator(parse_ts(ts))
    app.installTranslator(translator)
    _installed.append(translator)
    qt_base = QTranslator()  # Qt's own strings (standard buttons, file dialogs)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return lang


# --- switching the language of a running app -------------------------------------------------


def sources_of(language: str) -> dict[str, str]:
    """Every interface text as `language` shows it -> its source (English) text. Where two
    sources share a translation the first listed wins (the caller sets those texts itself)."""
    try:
        tables = {
            lang: parse_ts(ts_dir() / f"redactor_{lang}.ts") for lang in LANGUAGES if lang != "en"
        }
    except (MissingDependency, OSError, ET.ParseError) as exc:
        log.warning("no translations to switch with: %s", type(exc).__name__)
        return {}
    out: dict[str, str] = {}
    for table in tables.values():  # every source (any table lists them all)
        for ctx, src in table:
            if ctx == CONTEXT:
                out.setdefault(src, src)
    if language in tables:
        for (ctx, src), text in tables[language].items():
            if ctx == CONTEXT and text not in out:
                out[text] = src
    return out


def retranslate(roots: Iterable[QObject], shown: dict[str, str]) -> int:
    """Put the texts of `roots` and everything in them into the installed language: a text
    found in `shown` (the texts of the language shown until now, sources_of()) becomes tr() of
    its source; any other text (a letter's name, a count) is left alone. Texts made up of
    several strings or filled in with numbers are the owner's to redo. Returns how many
    texts changed."""
    changed = 0

    def again(text: str) -> str | None:
        nonlocal changed
        src = shown.get(text)
        if src is None:
            return None
        new = tr(src)
        if new == text:
            return None
        changed += 1
        return new

    def one(obj: QObject) -> None:
        if isinstance(obj, QAction):
            if not obj.isSeparator() and (t := again(obj.text())) is not None:
                obj.setText(t)
            return
        if not isinstance(obj, QWidget):
            return
        if (t := again(obj.toolTip())) is not None:
            obj.setToolTip(t)
        if obj.isWindow() and (t := again(obj.windowTitle())) is not None:
            obj.setWindowTitle(t)
        if isinstance(obj, QMenu):
            if (t := again(obj.title())) is not None:
                obj.setTitle(t)
        elif isinstance(obj, QLabel | QAbstractButton):
            if (t := again(obj.text())) is not None:
                obj.setText(t)
        elif isinstance(obj, QGroupBox):
            if (t := again(obj.title())) is not None:
                obj.setTitle(t)
        elif isinstance(obj, QComboBox):
            for i in range(obj.count()):
                if (t := again(obj.itemText(i))) is not None:
                    obj.setItemText(i, t)
        elif isinstance(obj, QLineEdit | QPlainTextEdit | QTextEdit):
            if (t := again(obj.placeholderText())) is not None:
                obj.setPlaceholderText(t)
        elif isinstance(obj, QTabWidget):
            for i in range(obj.count()):
                if (t := again(obj.tabText(i))) is not None:
                    obj.setTabText(i, t)
        elif isinstance(obj, QAbstractItemView):
            model = obj.model()
            if isinstance(model, QStandardItemModel):
                for i in range(model.columnCount()):
                    item = model.horizontalHeaderItem(i)
                    if item is not None and (t := again(item.text())) is not None:
                        item.setText(t)

    seen: set[int] = set()
    for root in roots:
        for obj in (root, *root.findChildren(QObject)):
            if id(obj) not in seen:
                seen.add(id(obj))
                one(obj)
    return changed
