"""Run by test_orphans.py in a subprocess: the app's controller (no window) starts its detector
and opens a scan, then runs until killed."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    scan, store_dir = sys.argv[1:3]
    from redactor.core.project import ReviewStore
    from redactor.gui.app import make_app
    from redactor.gui.controller import ReviewController

    app = make_app()
    ctl = ReviewController(store=ReviewStore(store_dir))
    ctl.preload_detector()
    ctl.open_paths([scan])
    print("loading", flush=True)
    app.exec()  # the parent kills us here


if __name__ == "__main__":
    main()
