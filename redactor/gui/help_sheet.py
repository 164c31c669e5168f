"""The help sheet (F1, ?): every action of the window's menus with its shortcuts, grouped by
menu, and a few lines on how a review goes.

It is built from the window's own menus each time it is shown, so it lists what the menus hold
(in the interface language of the moment) and never goes stale."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .i18n import N_, tr

Row = tuple[str, str]  # action text, its shortcuts


def _clean(text: str) -> str:
    """A menu text without its mnemonic marks (&File -> File)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_text(action: QAction) -> str:
    return ", ".join(
        k.toString(QKeySequence.SequenceFormat.NativeText)
        for k in action.shortcuts()
        if not k.isEmpty()
    )


def menu_rows(window: QMainWindow) -> list[tuple[str, list[Row]]]:
    """(menu title, [(action text, shortcuts)]) for each menu of the window's menu bar, in
    order; separators and submenus (the recent letters) are left out."""
    out: list[tuple[str, list[Row]]] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = [
            (_clean(a.text()), shortcut_text(a))
            for a in menu.actions()
            if not a.isSeparator() and a.menu() is None and a.text() and a.isVisible()
        ]
        if rows:
            out.append((_clean(top.text()), rows))
    return out


def keys_of(window: QMainWindow, source_text: str) -> str:
    """The shortcuts of the window's action named `source_text` (untranslated), or ""."""
    want = tr(source_text)
    for a in window.actions():
        if a.text() == want:
            return shortcut_text(a)
    return ""


def flow_lines(window: QMainWindow) -> list[str]:
    """How a review goes, with the shortcuts of the moment."""

    def k(text: str) -> str:
        return keys_of(window, text) or "—"

    def fill(text: str, *names: str) -> str:
        out = tr(text)
        for n in range(len(names), 0, -1):
            out = out.replace(f"%{n}", k(names[n - 1]))
        return out

    return [
        fill(
            N_(
                "Open letters with %1, or drop files on the window: the letter just opened is "
                "shown. The left pane lists the open letters and the pages of the one shown."
            ),
            "Open…",
        ),
        fill(
            N_(
                "Go through the findings: %1 next, %2 previous. Accept (%3) hides the words in "
                "the copy; reject (%4) keeps them readable. %5 and %6 decide every occurrence "
                "of the same term."
            ),
            "Next finding",
            "Previous finding",
            "Accept",
            "Reject",
            "Accept the whole term",
            "Reject the whole term",
        ),
        fill(
            N_(
                "A page marked ! needs your eyes (handwriting, ink no reader could read): draw "
                "a box over every name on it (%1), then confirm you looked at it (%2)."
            ),
            "Draw a box",
            "I have looked at this page",
        ),
        fill(
            N_(
                "Mark this page reviewed (%1) accepts every finding of the page still "
                "undecided and confirms the page: its thumbnail shows ✓. Decisions already "
                "taken are kept. Accept all on this page (%2) and Reject all on this page (%3) "
                "decide the undecided findings of the page only."
            ),
            "Mark this page reviewed",
            "Accept all on this page",
            "Reject all on this page",
        ),
        tr(
            "Right-click a box on the page or a finding in the list: accept or reject it or "
            "every occurrence of its term, change its label, delete a box you drew (a finding "
            "is never deleted, only rejected)."
        ),
        fill(
            N_(
                "Every step can be undone (%1). When nothing is left to decide, export a safe "
                "copy (%2): the copy is read again and checked before it is saved."
            ),
            "Undo",
            "Export safe copy…",
        ),
    ]


def sheet_html(window: QMainWindow) -> str:
    parts = [f"<h2>{escape(tr('How a review goes'))}</h2><ol>"]
    parts += [f"<li>{escape(line)}</li>" for line in flow_lines(window)]
    parts.append("</ol>")
    parts.append(f"<h2>{escape(tr('Keyboard shortcuts'))}</h2>")
    for title, rows in menu_rows(window):
        parts.append(f"<h3>{escape(title)}</h3>")
        parts.append('<table cellspacing="0" cellpadding="3" width="100%">')
        for text, keys in rows:
            parts.append(
                f'<tr><td width="65%">{escape(text)}</td><td><b>{escape(keys)}</b></td></tr>'
            )
        parts.append("</table>")
    return "".join(parts)


class HelpSheet(QDialog):
    """A window beside the main one (not modal); Escape or Close closes it."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setModal(False)
        self.setWindowTitle(tr("Help and keyboard shortcuts"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.resize(620, 640)
        self.refresh()

    def refresh(self) -> None:
        """Read the menus again (an action or the language may have changed)."""
        self.setWindowTitle(tr("Help and keyboard shortcuts"))
        self.browser.setHtml(sheet_html(self.window_))

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, shortcuts) as listed."""
        return [(m, t, k) for m, rows in menu_rows(self.window_) for t, k in rows]

    def text(self) -> str:
        return self.browser.toPlainText()
