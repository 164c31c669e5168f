"""Run by test_recovery_all.py in a subprocess: start the app on three letters, decide two
findings in each, draw a box in the second, confirm page 1 of the third by eye, wait until every
review is autosaved and the session record lists the three letters with their fingerprints,
print what was decided, then keep running until killed.

Arguments: store folder, settings file, then the letters. The installation key and the session
record's place come from the environment (REDACTOR_KEY_FILE, REDACTOR_SESSION_DIR)."""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    store_dir, settings_path, *letters = sys.argv[1:]
    from redactor.core.model import Box
    from redactor.core.project import ReviewStore
    from redactor.gui.app import make_app, start
    from redactor.gui.main_window import MainWindow
    from redactor.gui.settings import AppSettings

    app = make_app()
    store = ReviewStore(store_dir)
    win = MainWindow(AppSettings(settings_path), store, autosave_ms=50)
    win.show()
    start(win, letters)
    ctl = win.ctl

    def wait(cond, what: str, seconds: float = 240) -> None:  # noqa: ANN001
        deadline = time.monotonic() + seconds
        while not cond():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline:
                sys.exit(f"timed out waiting for {what}")

    wait(
        lambda: len(ctl.letters) == 3 and all(x.status == "ready" for x in ctl.letters),
        "three letters read",
    )
    decided: dict[str, dict[str, object]] = {}
    for n, letter in enumerate(ctl.letters):
        ctl.set_letter(letter)
        ctl.step(1)
        first = ctl.current()
        ctl.decide_current("rejected")
        second = ctl.current()
        ctl.decide_current("accepted")
        assert first is not None and second is not None and first.id != second.id
        entry: dict[str, object] = {
            "fingerprint": letter.fingerprint,
            "rejected": first.id,
            "accepted": second.id,
        }
        if n == 1:
            entry["box"] = ctl.add_box(0, Box(40.0, 50.0, 240.0, 90.0))
        if n == 2:
            ctl.confirm_eyes(0)
            entry["eyes"] = 0
        decided[letter.path] = entry

    def all_saved() -> bool:
        for letter in ctl.letters:
            saved = store.load(letter.fingerprint)
            want = decided[letter.path]
            if saved is None:
                return False
            states = {r.id: r.state for r in saved.plan.redactions}
            if states.get(str(want["rejected"])) != "rejected":
                return False
            if states.get(str(want["accepted"])) != "accepted":
                return False
            if "box" in want and str(want["box"]) not in states:
                return False
            if "eyes" in want and not saved.plan.pages[0].eyes_confirmed:
                return False
        return True

    def recorded() -> bool:
        got = ctl.session.read() or []
        return {x.fingerprint for x in got} == {x.fingerprint for x in ctl.letters}

    wait(all_saved, "the autosave")
    wait(recorded, "the session record")
    print(json.dumps(decided), flush=True)
    app.exec()  # mid-review: the parent kills us here


if __name__ == "__main__":
    main()
