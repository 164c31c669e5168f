"""Worker processes: hostile files are parsed and rendered only here, under a memory cap."""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from PIL import Image

from .errors import InputError
from .model import PageText, Word
from .ocr import DEFAULT_LANGS, engine_for
from .pages import read_page
from .sources import Source, open_source

log = logging.getLogger(__name__)

# --- worker processes ---------------------------------------------------------------------
# Hostile files are parsed and rendered only in worker processes with a memory cap and
# their stderr discarded (a small PDF can make a renderer write gigabytes of warnings). A
# worker that crashes, runs out of memory or takes too long costs the file, not the app.

WORKER_MEMORY_BYTES = 1536 * 1024**2  # two workers and the app stay under 3 GB in all
PAGE_TIMEOUT_S = 300.0
INFO_TIMEOUT_S = 60.0

_worker_sources: dict[tuple[str, str | None, bool], Source] = {}


def _worker_init(memory_bytes: int) -> None:
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
    # A worker must not outlive the app (killed, crashed): it watches its parent.
    parent = os.getppid()

    def watch_parent() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch_parent, name="parent-watch", daemon=True).start()


def _worker_source(path: str, password: str | None, whole_photo: bool = False) -> Source:
    key = (path, password, whole_photo)
    src = _worker_sources.get(key)
    if src is None:
        for old in _worker_sources.values():
            old.close()
        _worker_sources.clear()
        src = _worker_sources[key] = open_source(path, password, whole_photo=whole_photo)
    return src


def _worker_info(path: str, password: str | None, whole_photo: bool = False) -> tuple[str, int]:
    src = _worker_source(path, password, whole_photo)
    return src.kind, src.page_count


def _worker_read(
    path: str, password: str | None, index: int, dpi: int, langs: str, whole_photo: bool = False
) -> PageText:
    return read_page(_worker_source(path, password, whole_photo), index, dpi, langs)


def _worker_ocr_words(image: Image.Image, dpi: int, langs: str) -> list[Word]:
    return list(engine_for(langs).read(image, dpi))


def submit_ocr_words(
    image: Image.Image, dpi: int, langs: str = DEFAULT_LANGS
) -> Future[list[Word]]:
    """OCR words (with boxes in the image's pixels) of an image, read by a worker process."""
    return _get_pool("read").submit(_worker_ocr_words, image, dpi, langs)


def _worker_render(
    path: str, password: str | None, index: int, dpi: int, whole_photo: bool = False
) -> Image.Image:
    return _worker_source(path, password, whole_photo).render(index, dpi)


# Two pools: "read" (one worker per core: OCR) and "render" (one worker: page images for the
# screen and the export, so that showing a page never waits behind OCR).
_pools: dict[str, ProcessPoolExecutor] = {}
_pool_lock = threading.Lock()


def _get_pool(lane: str = "read") -> ProcessPoolExecutor:
    with _pool_lock:
        pool = _pools.get(lane)
        if pool is None:
            ctx = multiprocessing.get_context("spawn")
            pool = _pools[lane] = ProcessPoolExecutor(
                max_workers=default_workers() if lane == "read" else 1,
                mp_context=ctx,
                initializer=_worker_init,
                initargs=(WORKER_MEMORY_BYTES,),
            )
        return pool


def worker_pids() -> list[int]:
    with _pool_lock:
        return [pid for pool in _pools.values() for pid in getattr(pool, "_processes", {})]


def shutdown_pool(kill: bool = False) -> None:
    with _pool_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        if kill:
            for proc in list(getattr(pool, "_processes", {}).values()):
                proc.kill()
        pool.shutdown(wait=kill, cancel_futures=True)


atexit.register(shutdown_pool)


def _in_worker(
    fn: Callable[..., Any], *args: Any, timeout: float, what: str, lane: str = "read"
) -> Any:
    """Run fn in a worker; a crash, memory exhaustion or time-out becomes an InputError."""
    try:
        future = _get_pool(lane).submit(fn, *args)
    except BrokenProcessPool:
        shutdown_pool(kill=True)
        raise InputError(f"{what}: the reader crashed or ran out of memory") from None
    return _result(future, timeout, what)


def _result(future: Future[Any], timeout: float, what: str) -> Any:
    try:
        return future.result(timeout=timeout)
    except TimeoutError:
        shutdown_pool(kill=True)
        raise InputError(f"{what}: took longer than {timeout:.0f} s; giving up") from None
    except BrokenProcessPool:
        shutdown_pool(kill=True)
        raise InputError(f"{what}: the reader crashed or ran out of memory") from None
    except MemoryError:
        raise InputError(f"{what}: too large to read (out of memory)") from None


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class PooledSource:
    """A Source whose parsing and rendering happen in the worker processes. Pages are rendered
    a little ahead of the one asked for, so an export's burning and encoding on this side
    overlaps with rendering over there."""

    READ_AHEAD = 2

    def __init__(self, path: str, password: str | None, whole_photo: bool = False) -> None:
        self.path = path
        self._password = password
        self._whole_photo = whole_photo
        self._ahead: dict[tuple[int, int], Future[Image.Image]] = {}
        self._lock = threading.Lock()
        self.kind, self._count = _in_worker(
            _worker_info,
            path,
            password,
            whole_photo,
            timeout=INFO_TIMEOUT_S,
            what=path,
            lane="render",
        )

    @property
    def page_count(self) -> int:
        return self._count

    def page_dpi(self, index: int, dpi: int) -> int:  # pragma: no cover - not used via pool
        raise NotImplementedError

    def render(self, index: int, dpi: int) -> Image.Image:
        what = f"{self.path}: page {index + 1}"
        try:
            with self._lock:
                future = self._ahead.pop((index, dpi), None) or self._submit(index, dpi)
                for nxt in range(index + 1, min(index + 1 + self.READ_AHEAD, self._count)):
                    if (nxt, dpi) not in self._ahead:
                        self._ahead[(nxt, dpi)] = self._submit(nxt, dpi)
        except BrokenProcessPool:
            shutdown_pool(kill=True)
            raise InputError(f"{what}: the reader crashed or ran out of memory") from None
        return _result(future, PAGE_TIMEOUT_S, what)

    def _submit(self, index: int, dpi: int) -> Future[Image.Image]:
        return _get_pool("render").submit(
            _worker_render, self.path, self._password, index, dpi, self._whole_photo
        )

    def text_words(self, index: int, dpi: int) -> list[Word] | None:  # pragma: no cover
        raise NotImplementedError

    def has_images(self, index: int) -> bool:  # pragma: no cover
        raise NotImplementedError

    def close(self) -> None:
        with self._lock:
            for future in self._ahead.values():
                future.cancel()
            self._ahead.clear()
