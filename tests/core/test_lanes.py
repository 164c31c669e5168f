"""Worker lanes (core/lanes.py): every worker is made the same way (memory cap, one OpenMP thread,
a watch on its parent), lanes start their own hooks, and a serial mode runs everything here."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from redactor.core import lanes, pipeline
from tests.support.orphans import alive, wait_gone
from tests.support.rawpdf import RawPdf, text_ops

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_lanes():  # noqa: ANN201
    lanes.shutdown(kill=True)
    yield
    lanes.set_serial(None)
    lanes.configure("render", lanes.DEFAULT_SPECS["render"])
    lanes.shutdown(kill=True)


def test_workers_are_capped_and_single_threaded(fresh_lanes):
    assert lanes.submit("render", os.getpid).result(60) != os.getpid()
    limit = lanes.submit("render", resource.getrlimit, resource.RLIMIT_AS).result(60)[0]
    assert limit == lanes.WORKER_MEMORY_BYTES
    assert lanes.submit("render", os.getenv, "OMP_THREAD_LIMIT").result(60) == "1"
    assert len(lanes.worker_pids("render")) == 1


def test_a_lane_runs_its_hook_and_restarts_with_another(fresh_lanes, tmp_path):
    lanes.configure("render", lanes.LaneSpec(workers=1, init=os.chdir, init_args=(str(tmp_path),)))
    assert lanes.submit("render", os.getcwd).result(60) == str(tmp_path)
    first = lanes.worker_pids("render")
    lanes.configure("render", lanes.LaneSpec(workers=1, init=os.chdir, init_args=("/",)))
    assert lanes.submit("render", os.getcwd).result(60) == "/"
    assert lanes.worker_pids("render") != first
    assert not wait_gone(first, 5)[0], "the lane's old worker was left running"


def test_serial_mode_runs_jobs_and_hooks_in_this_process(fresh_lanes, tmp_path):
    lanes.set_serial(True)
    calls = []
    lanes.configure("render", lanes.LaneSpec(init=calls.append, init_args=("hook",)))
    assert lanes.submit("render", os.getpid).result() == os.getpid()
    assert lanes.submit("read", os.getpid).result() == os.getpid()
    assert calls == ["hook"]  # once per lane
    with pytest.raises(ZeroDivisionError):
        lanes.submit("read", divmod, 1, 0).result()
    # The whole reading of a document, with no process started.
    pdf = RawPdf()
    for n in range(2):
        pdf.page(text_ops([(20, 150, f"Page {n + 1} of a typed letter to the editor")]))
    doc = pipeline.read_document(pdf.write(tmp_path / "two.pdf")).document
    assert [p.index for p in doc.pages] == [0, 1]
    assert "typed letter" in doc.pages[1].text
    assert lanes.worker_pids() == []
    assert resource.getrlimit(resource.RLIMIT_AS)[0] != lanes.WORKER_MEMORY_BYTES


def test_serial_mode_from_the_environment():
    code = "import os; from redactor.core import lanes; "
    code += "print(lanes.submit('read', os.getpid).result() == os.getpid(), lanes.worker_pids())"
    env = {**os.environ, lanes.SERIAL_ENV: "serial"}
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )
    assert res.stdout.split() == ["True", "[]"], res.stderr


KILLED_PARENT = """
import os, sys, time
from redactor.core import lanes
if __name__ == "__main__":
    futures = [lanes.submit(lane, time.sleep, 60) for lane in ("read", "render", "detect")]
    time.sleep(0.5)
    while len(lanes.worker_pids()) < 3 or any(not f.running() for f in futures):
        time.sleep(0.05)
    print(" ".join(map(str, lanes.worker_pids())), flush=True)
    time.sleep(60)
"""


def test_workers_exit_within_a_second_of_their_parent_s_kill(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(KILLED_PARENT), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert proc.stdout is not None
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) >= 3 and all(alive(p) for p in pids)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    killed = time.monotonic()
    left, took = wait_gone(pids, 5)
    assert not left, "workers outlived their parent"
    print(f"{len(pids)} workers gone {took:.2f} s after kill -9", file=sys.stderr)
    assert time.monotonic() - killed < 1.5, f"the workers took {took:.2f} s to notice"
