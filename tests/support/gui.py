"""What GUI tests do the same way: export through the dialog as the editor does, and run a
child app until it says it saved, then kill it with its workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.data import ROOT

EXPORT_TIMEOUT_MS = 240_000


def export_with_dialog(dlg: Any, qtbot: Any, out: Path, timeout: int = EXPORT_TIMEOUT_MS) -> str:
    """Type `out` into the open export dialog, click Export and wait until it has a report or
    shows a refusal; the result line as shown."""
    from PySide6.QtCore import Qt

    dlg.out.setText(str(out))
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dlg.report is not None or "✗" in dlg.result_label.text(), timeout=timeout
    )
    return str(dlg.result_label.text())


def kill_child_after_its_line(script: Path, *args: str | Path) -> dict[str, Any]:
    """Run a child app (`script` with args, offscreen, its own session so its readers die with
    it) until it prints its first line (a JSON object: what it saved), then SIGKILL it and its
    worker processes, as a crash mid-review would; that line, parsed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, str(script), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(ROOT),
        start_new_session=True,
    )
    assert child.stdout is not None and child.stderr is not None
    try:
        line = child.stdout.readline()
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        err = child.stderr.read()
        child.wait(30)
    assert line, f"the child app died before saving: {err[-2000:]}"
    assert child.returncode == -signal.SIGKILL
    return dict(json.loads(line))
