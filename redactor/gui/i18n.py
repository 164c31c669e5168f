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
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QStandardPaths,
    QTranslator,
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


def install(language: str | None) -> str:
    """Install the translator for `language` ("" or None: the system's). Returns the code used."""
    app = QCoreApplication.instance()
    lang = language or system_language()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    if lang == "en" or lang not in LANGUAGES or app is None:
        return "en" if lang not in LANGUAGES else lang
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
