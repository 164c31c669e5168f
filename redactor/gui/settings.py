"""The app's settings (QSettings): typed access and the load options they make."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from .loading import LoadOptions

DEFAULTS: dict[str, object] = {
    "ocr_langs": "rus+kaz+eng",
    "detect_lang": "auto",
    "profile": "strict",
    "threshold": 0.0,
    "deny": "",
    "allow": "",
    "padding_px": 2,
    "fill": "#000000",
    "label_style": "black",  # "black" boxes or "labels" (placeholder text in the text export)
    "dpi": 200,
    "language": "",  # "" = the system's
    "reviewer": "",
    # Off by default: the list holds the letters' full paths (file names say whom a letter is
    # about), in the settings file, where anyone with the computer can read them.
    "remember_recent": False,
}


class AppSettings:
    def __init__(self, path: str | None = None) -> None:
        if path:
            self.q = QSettings(path, QSettings.Format.IniFormat)
        else:
            self.q = QSettings("Redactor", "Redactor")

    def get(self, key: str) -> object:
        default = DEFAULTS.get(key)
        value = self.q.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(value) if isinstance(value, int | float | str) else default
            except (ValueError, OverflowError):
                return default
        if isinstance(default, float):
            try:
                return float(value) if isinstance(value, int | float | str) else default
            except (ValueError, OverflowError):
                return default
        return "" if value is None else str(value)

    def set(self, key: str, value: object) -> None:
        self.q.setValue(key, value)
        self.q.sync()

    def terms(self, key: str) -> tuple[str, ...]:
        text = str(self.get(key))
        return tuple(t.strip() for t in text.splitlines() if t.strip())

    def recent(self) -> list[str]:
        value = self.q.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def remembers_recent(self) -> bool:
        return bool(self.get("remember_recent"))

    def add_recent(self, path: str) -> None:
        """Remember an opened letter's path, only when the editor turned that on."""
        if not self.remembers_recent():
            return
        items = [path] + [p for p in self.recent() if p != path]
        self.set("recent", items[:10])

    def clear_recent(self) -> None:
        self.q.remove("recent")
        self.q.sync()

    def set_remember_recent(self, on: bool) -> None:
        self.set("remember_recent", bool(on))
        if not on:
            self.clear_recent()

    def load_options(self, project_deny: tuple[str, ...] = ()) -> LoadOptions:
        return LoadOptions(
            dpi=int(self.get("dpi")),  # type: ignore[call-overload]
            langs=str(self.get("ocr_langs")),
            lang=str(self.get("detect_lang")),
            profile=str(self.get("profile")),
            threshold=float(self.get("threshold")),  # type: ignore[arg-type]
            deny=tuple(dict.fromkeys(self.terms("deny") + project_deny)),
            allow=self.terms("allow"),
        )
