"""Worker lanes: the one owner of every worker process, for the command line and the app.

A lane is a named pool of spawned worker processes:

- "read": one worker per core; parses pages and runs OCR (one Tesseract thread each);
- "render": one worker; page images for the screen and the export, so that showing a page never
  waits behind OCR;
- "detect": one worker; the detector, loaded once by the lane's init hook (detect_lane.py).

Every worker of every lane starts the same way (`_worker_init`): a memory cap (RLIMIT_AS), one
OpenMP/BLAS thread, stderr discarded (a small PDF can make a renderer write gigabytes of
warnings; REDACTOR_DEBUG=1 keeps it), an optional lower priority, the lane's modules imported,
then the confinement (sandbox.py: seccomp and Landlock; no network, no programs, files read-only
and limited; the letter comes from the app through the sandbox's broker), then the lane's own
hook, which runs confined. `protection()` asks a worker what is in force. And
every worker watches its parent, so that none outlives the app or the command line, `kill -9`
included: it blocks reading a pipe whose write end only the parent holds; the kernel closes that
end when the parent dies, however it dies, and the worker exits at once. A poll of getppid()
every half second is the second line. (PR_SET_PDEATHSIG is not used: it fires when the *thread*
that spawned the worker ends, and workers are spawned lazily by whichever thread submits first,
e.g. a pooled GUI thread that the pool retires after 30 idle seconds.)

Serial mode, for tests and debugging: with REDACTOR_LANES=serial in the environment, or after
`set_serial(True)`, every lane runs its jobs in the calling process, one job at a time (under one
lock: the workers' state is not thread-safe), and runs each lane's init hook there once. No
process is started and no memory cap, confinement or stderr redirection touches the calling
process.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from . import sandbox

log = logging.getLogger(__name__)

WORKER_MEMORY_BYTES = 1536 * 1024**2  # two workers and the app stay under 3 GB in all
SERIAL_ENV = "REDACTOR_LANES"  # "serial": every lane runs in the calling process
PARENT_POLL_S = 0.5


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class LaneSpec:
    """How a lane's workers are made. `init` must be a module-level function (it is sent to
    the worker by name); it runs once per worker after the common set-up."""

    workers: int = 1  # 0: one per core
    init: Callable[..., None] | None = None
    init_args: tuple[Any, ...] = ()
    nice: int = 0  # added to the worker's niceness (the window's process comes first)
    memory_bytes: int = WORKER_MEMORY_BYTES
    preload: tuple[str, ...] = ()  # modules imported before the confinement


_READERS = ("redactor.core.workers",)  # pdfium, Pillow, Tesseract: loaded before confinement

DEFAULT_SPECS: dict[str, LaneSpec] = {
    "read": LaneSpec(workers=0, preload=_READERS),
    "render": LaneSpec(workers=1, preload=_READERS),
    "detect": LaneSpec(workers=1, nice=5),
}

_specs: dict[str, LaneSpec] = dict(DEFAULT_SPECS)
_pools: dict[str, Executor] = {}
_lock = threading.Lock()
_serial_forced: bool | None = None
_watch_pipe: tuple[Connection, Connection] | None = None
_protections: dict[str, tuple[Executor, sandbox.Protection]] = {}  # as the lane's pool reported


# --- serial mode ---------------------------------------------------------------------------


def serial() -> bool:
    """Whether lanes run their jobs in this process (REDACTOR_LANES=serial or set_serial)."""
    if _serial_forced is not None:
        return _serial_forced
    return os.environ.get(SERIAL_ENV, "").strip().lower() == "serial"


def set_serial(on: bool | None) -> None:
    """Force serial mode on or off (None: follow the environment). Running lanes are shut
    down: the next job starts the lane in the new mode."""
    global _serial_forced
    shutdown()
    _serial_forced = on


_SERIAL_LOCK = threading.RLock()


class _SerialExecutor(Executor):
    """A lane in the calling process: each job runs at once on the submitting thread."""

    def __init__(self, spec: LaneSpec) -> None:
        self._spec = spec
        self._started = False

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with _SERIAL_LOCK:
            if not self._started:
                self._started = True
                if self._spec.init is not None:
                    self._spec.init(*self._spec.init_args)
            if not future.set_running_or_notify_cancel():  # pragma: no cover - never cancelled
                return future
            try:
                result = fn(*args, **kwargs)
            except Exception as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
        return future


# --- the worker's side ---------------------------------------------------------------------


def _worker_init(
    memory_bytes: int,
    nice: int,
    watch: Connection | None,
    hook: Callable[..., None] | None,
    hook_args: tuple[Any, ...],
    preload: tuple[str, ...] = (),
    broker: Any = None,
) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX
        pass
    if not os.environ.get("REDACTOR_DEBUG"):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    if nice:
        try:
            os.nice(nice)
        except OSError:  # pragma: no cover
            pass
    for module in preload:
        try:
            importlib.import_module(module)
        except Exception:  # pragma: no cover - the job that needs it reports the error
            log.debug("preload of %s failed", module, exc_info=True)
    # Confined before any thread of ours starts (Landlock below ABI 8 covers only the calling
    # thread and the threads it starts); never raises.
    sandbox.confine(memory_bytes, broker)
    _watch_parent(watch)
    if hook is not None:
        hook(*hook_args)


def _watch_parent(watch: Connection | None) -> None:
    """Exit as soon as the parent is gone: EOF on the watch pipe (at once), or a new parent
    process id (within PARENT_POLL_S)."""
    parent = os.getppid()

    def wait_for_eof(conn: Connection) -> None:
        try:
            conn.recv_bytes()
        except (EOFError, OSError):
            pass
        os._exit(0)

    def poll() -> None:
        while True:
            time.sleep(PARENT_POLL_S)
            if os.getppid() != parent:
                os._exit(0)

    if watch is not None:
        threading.Thread(target=wait_for_eof, args=(watch,), name="parent-eof", daemon=True).start()
    threading.Thread(target=poll, name="parent-poll", daemon=True).start()


# --- the parent's side ---------------------------------------------------------------------


def _watch_end() -> Connection:
    """The read end of the watch pipe, passed to every worker. The write end stays open in
    this process only (never written to): its closing, when this process dies, is the signal."""
    global _watch_pipe
    if _watch_pipe is None:
        _watch_pipe = multiprocessing.Pipe(duplex=False)
    return _watch_pipe[0]


def _start(name: str, spec: LaneSpec) -> Executor:
    if serial():
        return _SerialExecutor(spec)
    # A spawned worker imports the main script again (the console script imports the core, so
    # numpy) before _worker_init runs: OpenBLAS's threads, started then, would escape Landlock
    # (below ABI 8 it covers the calling thread and the threads it starts). This process has
    # loaded numpy already (its own pool is made); the workers inherit the setting.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    pool = ProcessPoolExecutor(
        max_workers=spec.workers or default_workers(),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_init,
        initargs=(
            spec.memory_bytes,
            spec.nice,
            _watch_end(),
            spec.init,
            spec.init_args,
            spec.preload,
            sandbox.channel(),
        ),
    )
    if not sandbox.guard_results(pool):  # pragma: no cover - another Python's pool
        log.warning("the workers' results are unpickled unguarded (unknown pool layout)")
    return pool


def configure(name: str, spec: LaneSpec) -> None:
    """Set how a lane's workers are made. A running lane made otherwise is shut down (its
    queued jobs cancelled); the next job starts it anew."""
    with _lock:
        if _specs.get(name) == spec:
            return
        _specs[name] = spec
        old = _pools.pop(name, None)
    if old is not None:
        old.shutdown(wait=False, cancel_futures=True)


def executor(name: str) -> Executor:
    """The lane's executor, started on first use."""
    with _lock:
        pool = _pools.get(name)
        if pool is None:
            spec = _specs.get(name)
            if spec is None:
                raise KeyError(f"no lane {name!r}")
            pool = _pools[name] = _start(name, spec)
        return pool


def running_spec(name: str) -> LaneSpec | None:
    """The spec of a running lane (None: not started)."""
    with _lock:
        return _specs.get(name) if name in _pools else None


def submit(name: str, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
    return executor(name).submit(fn, *args)


def protection(lane: str = "render", timeout: float = 120.0) -> sandbox.Protection:
    """What confines the workers, as one of the lane's workers reports it (starting the lane
    if it is not running). Serial mode: nothing (jobs run in this process)."""
    if serial():
        return sandbox.unconfined("jobs run in this process (REDACTOR_LANES=serial)")
    pool = executor(lane)
    known = _protections.get(lane)
    if known is not None and known[0] is pool:
        return known[1]
    result: sandbox.Protection = pool.submit(sandbox.in_force).result(timeout)
    _protections[lane] = (pool, result)
    return result


def worker_pids(name: str | None = None) -> list[int]:
    """Process ids of the running workers (of one lane, or of all)."""
    with _lock:
        pools = [p for n, p in _pools.items() if name is None or n == name]
    return [pid for pool in pools for pid in getattr(pool, "_processes", None) or {}]


def shutdown(name: str | None = None, kill: bool = False) -> None:
    """Stop one lane (or all): queued jobs are cancelled; with `kill`, running ones too (their
    workers are killed, as after a time-out or a crash)."""
    with _lock:
        names = [n for n in _pools if name is None or n == name]
        pools = [_pools.pop(n) for n in names]
    for pool in pools:
        if kill:
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.kill()
        pool.shutdown(wait=kill, cancel_futures=True)


def kill_workers() -> None:
    """Kill every lane's worker processes now, waiting for nothing (a process about to end with
    os._exit: joining a pool's threads can wait on a pipe a killed worker no longer reads)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                proc.kill()
            except (OSError, ValueError):
                pass


def _at_exit() -> None:
    # Nothing a worker is doing is wanted once this process ends: kill them rather than wait
    # for a page of OCR to finish.
    shutdown(kill=True)


# Registered with threading's exit hooks (as concurrent.futures does), so that it runs before
# concurrent.futures joins its pools' threads, which would wait for every running job.
_register = getattr(threading, "_register_atexit", None)
if _register is not None:
    _register(_at_exit)
else:  # pragma: no cover
    import atexit

    atexit.register(_at_exit)
