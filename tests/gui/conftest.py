"""The app under test runs offscreen, with its settings and saved reviews in a temp folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def make_window(qtbot, tmp_path):  # noqa: ANN001, ANN201
    from redactor.core.project import ReviewStore
    from redactor.gui.main_window import MainWindow
    from redactor.gui.settings import AppSettings

    made = []

    def make(store_dir=None, **settings):  # noqa: ANN001, ANN003, ANN202
        s = AppSettings(str(tmp_path / "settings.ini"))
        for k, v in settings.items():
            s.set(k, v)
        win = MainWindow(s, ReviewStore(store_dir or tmp_path / "reviews"), autosave_ms=50)
        qtbot.addWidget(win)
        win.resize(1300, 850)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        made.append(win)
        return win

    yield make
    for win in made:
        win.ctl.runner.cancel_all()
        win.ctl.runner.wait(20000)


@pytest.fixture(scope="session", autouse=True)
def one_detect_lane():  # noqa: ANN201
    """The app's windows in one test run share one detect lane (detect_lane.py) instead of
    loading the detector anew for every window: a window that closes leaves the lane running
    for the next one (a window whose settings differ restarts it with its own, as in the app;
    lanes.configure). Loading the detector takes seconds of both cores, and every window starts
    it (MainWindow preloads it). The app's own stopping of the lane at a clean quit is not what
    these tests are about; the windows' workers of a killed app are (test_orphans.py, in a
    process of its own, unpatched). The lane is stopped when the run ends."""
    from redactor.core import lanes
    from redactor.core.detect_lane import LANE, DetectLane

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(DetectLane, "shutdown", lambda self: None)
        yield
    lanes.shutdown(LANE, kill=True)
