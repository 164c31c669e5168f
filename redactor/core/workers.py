"""The read and render lanes' jobs: hostile files are parsed and rendered only in worker
processes (lanes.py), under a memory cap and confined (sandbox.py)."""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from PIL import Image

from . import lanes, sandbox
from .errors import InputError, ReaderLost
from .lanes import WORKER_MEMORY_BYTES, default_workers, worker_pids  # noqa: F401 - re-exported
from .model import PageText, Word
from .ocr import DEFAULT_LANGS, engine_for
from .pages import read_page
from .sources import Source, open_source

log = logging.getLogger(__name__)

# --- the read and render lanes' jobs ------------------------------------------------------
# Hostile files are parsed and rendered only in worker processes (lanes.py: a memory cap,
# stderr discarded, a watch on the parent). A worker that crashes, runs out of memory or takes
# too long costs the file, not the app.

PAGE_TIMEOUT_S = 300.0
INFO_TIMEOUT_S = 60.0

_worker_sources: dict[tuple[str, str | None, bool], Source] = {}


def _load_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None (another C library)."""
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim  # the C library's symbols
    except (OSError, AttributeError, TypeError):  # pragma: no cover - not glibc
        return None
    return trim


_malloc_trim = _load_trim()


def release_memory() -> None:
    """Give the heap's free pages back to the system. A page's images and Tesseract's buffers
    are freed when the page is done, but glibc keeps freed heap memory in the process: a worker
    would stay at its largest page's size for the rest of the letter (tens of MB each), and the
    app's process would keep the export's burned pages' worth, beside the workers. A few
    milliseconds; called after each page's job in a worker, and before each page of an export
    and of its final check in the app's process."""
    if _malloc_trim is not None:
        _malloc_trim(0)


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
    try:
        return read_page(_worker_source(path, password, whole_photo), index, dpi, langs)
    finally:
        release_memory()  # the page's image and buffers are gone: so is their memory


def _worker_ocr_words(image: Image.Image, dpi: int, langs: str) -> list[Word]:
    try:
        return list(engine_for(langs).read(image, dpi))
    finally:
        del image
        release_memory()


def live_images() -> int:
    """How many PIL images this process holds (a lane's job, for tests and the bench: a worker
    keeps no page it is done with)."""
    import gc

    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Image.Image))


# Images sent to the read lane for OCR and not read yet. A caller that renders pages faster than
# the workers read them (the final check renders every page of the copy, then waits) would hold
# every page's pixels here, in the caller's process, until its turn (for a 50-page scan, hundreds
# of MB; each also pickled in the lane's queue). One being read by each worker and one more
# queued (as ProcessPoolExecutor queues) keep every worker busy; the next submit waits.
OCR_QUEUED = 1
_ocr_slots: threading.Semaphore | None = None
_ocr_slots_lock = threading.Lock()


def ocr_slots() -> int:
    """How many images may be sent to the read lane for OCR and not read yet."""
    return default_workers() + OCR_QUEUED


def _slots() -> threading.Semaphore:
    global _ocr_slots
    with _ocr_slots_lock:
        if _ocr_slots is None:
            _ocr_slots = threading.Semaphore(ocr_slots())
        return _ocr_slots


def submit_ocr_words(
    image: Image.Image, dpi: int, langs: str = DEFAULT_LANGS
) -> Future[list[Word]]:
    """OCR words (with boxes in the image's pixels) of an image, read by a worker process.
    Waits while `ocr_slots()` images are sent and not read yet (so a caller's images in
    flight stay bounded); a slot held longer than a page may take to read
    is not waited for (a stuck job never stops the others)."""
    release_memory()  # the caller's previous page is done with
    slots = _slots()
    took = slots.acquire(timeout=PAGE_TIMEOUT_S)
    try:
        future = lanes.submit("read", _worker_ocr_words, image, dpi, langs)
    except BaseException:
        if took:
            slots.release()
        raise
    if took:
        future.add_done_callback(lambda _f: slots.release())
    return future


def _worker_render(
    path: str, password: str | None, index: int, dpi: int, whole_photo: bool = False
) -> Image.Image:
    try:
        image = _worker_source(path, password, whole_photo).render(index, dpi)
    finally:
        release_memory()  # the renderer's buffers (the image itself goes to the caller)
    # A page image travels as pixels only: a photo's metadata (EXIF, XMP, its dpi as PIL's own
    # rationals) is nothing the app may use, and the app's unpickler builds data only.
    image.info = {k: v for k, v in image.info.items() if k == "transparency"}
    return image


def _in_worker(
    fn: Callable[..., Any], *args: Any, timeout: float, what: str, lane: str = "read"
) -> Any:
    """Run fn in a worker; a crash, memory exhaustion or time-out becomes an InputError."""
    try:
        future = lanes.submit(lane, fn, *args)
    except BrokenProcessPool:
        lanes.shutdown(lane, kill=True)
        raise ReaderLost(f"{what}: the reader crashed or ran out of memory") from None
    return _result(future, timeout, what, lane)


def _result(future: Future[Any], timeout: float, what: str, lane: str) -> Any:
    """A job's result; a time-out or a crash kills the lane's workers (the next job starts
    fresh ones) and becomes an InputError."""
    try:
        return future.result(timeout=timeout)
    except TimeoutError:
        lanes.shutdown(lane, kill=True)
        raise ReaderLost(f"{what}: took longer than {timeout:.0f} s; giving up") from None
    except BrokenProcessPool:
        lanes.shutdown(lane, kill=True)
        raise ReaderLost(f"{what}: the reader crashed or ran out of memory") from None
    except MemoryError:
        raise InputError(f"{what}: too large to read (out of memory)") from None


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
        sandbox.grant(path)  # the workers may read this file, handed over by the app
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

    def render(self, index: int, dpi: int, read_ahead: bool = True) -> Image.Image:
        """Page `index` at `dpi`; with `read_ahead`, the next pages are started at that dpi too
        (False for a one-off render, e.g. the app's sharp page at a zoom's resolution)."""
        what = f"{self.path}: page {index + 1}"
        try:
            with self._lock:
                future = self._ahead.pop((index, dpi), None) or self._submit(index, dpi)
                # serial: nothing overlaps
                ahead = 0 if lanes.serial() or not read_ahead else self.READ_AHEAD
                for nxt in range(index + 1, min(index + 1 + ahead, self._count)):
                    if (nxt, dpi) not in self._ahead:
                        self._ahead[(nxt, dpi)] = self._submit(nxt, dpi)
        except BrokenProcessPool:
            lanes.shutdown("render", kill=True)
            raise ReaderLost(f"{what}: the reader crashed or ran out of memory") from None
        return _result(future, PAGE_TIMEOUT_S, what, "render")

    def _submit(self, index: int, dpi: int) -> Future[Image.Image]:
        return lanes.submit(
            "render", _worker_render, self.path, self._password, index, dpi, self._whole_photo
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
