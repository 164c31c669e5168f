"""Run by test_restore.py in a subprocess: open a letter, decide two findings, wait until the
review is autosaved, print the decisions, then keep running until killed."""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    letter_path, store_dir, settings_path = sys.argv[1:4]
    from redactor.core.fingerprint import fingerprint_file
    from redactor.core.project import ReviewStore
    from redactor.gui.app import make_app
    from redactor.gui.main_window import MainWindow
    from redactor.gui.settings import AppSettings

    app = make_app()
    store = ReviewStore(store_dir)
    win = MainWindow(AppSettings(settings_path), store, autosave_ms=50)
    win.show()
    win.open_paths([letter_path])
    deadline = time.monotonic() + 150
    while win.ctl.letter is None or win.ctl.letter.status != "ready":
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            sys.exit("timed out waiting for findings")
    ctl = win.ctl
    ctl.step(1)
    first = ctl.current()
    ctl.decide_current("rejected")
    second = ctl.current()
    ctl.decide_current("accepted")
    sha = fingerprint_file(letter_path)
    while True:  # wait for the autosave to hold both decisions
        app.processEvents()
        saved = store.load(sha)
        if saved is not None:
            states = {r.id: r.state for r in saved.plan.redactions}
            if states.get(first.id) == "rejected" and states.get(second.id) == "accepted":
                break
        time.sleep(0.01)
    print(json.dumps({"rejected": first.id, "accepted": second.id}), flush=True)
    app.exec()  # mid-review: the parent kills us here


if __name__ == "__main__":
    main()
