"""Memory (issue 13): a page's pixels live only while the page is worked on. Neither the reading
of a letter, nor the document it makes, nor its rendering for an export keeps the images of the
pages done, in the app's process or in a worker; and images sent to the read lane for OCR wait
there a few at a time, not a letter's worth (workers.submit_ocr_words)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from redactor.core import lanes, pipeline, workers
from tests.support.data import LETTERS, needs_data

DPI = 100  # the pages' pixels are what is counted, not their resolution


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four real pages: a scanned page of a dev letter, then three typed ones."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for name in ("en-01.scan", "en-01.typed", "ru-01.typed", "kk-01.typed"):
        writer.add_page(PdfReader(LETTERS / f"dev-{name}.pdf").pages[0])
    out = tmp_path_factory.mktemp("memory") / "four.pdf"
    with open(out, "wb") as fh:
        writer.write(fh)
    return out


@pytest.fixture
def fresh_lanes():  # noqa: ANN201
    lanes.shutdown(kill=True)
    yield
    lanes.set_serial(None)
    lanes.shutdown(kill=True)


@needs_data
def test_a_read_letter_and_its_rendered_pages_keep_no_image(letter, fresh_lanes):
    lanes.set_serial(True)  # the workers' side runs here: what it keeps is seen here
    before = workers.live_images()
    opened = pipeline.read_document(letter, pipeline.ReadOptions(dpi=DPI))
    try:
        assert opened.document.page_count == 4
        assert opened.document.pages[0].ocr_conf is not None  # the scan was read by OCR
        assert workers.live_images() == before, "reading kept page images"
        refs = []
        for i in range(opened.document.page_count):
            image = opened.render_page(i)
            refs.append(weakref.ref(image))
            del image
        gc.collect()
        assert [r() for r in refs] == [None] * len(refs), "rendered pages were kept"
    finally:
        opened.close()
    assert workers.live_images() == before


@needs_data
def test_workers_release_pages_and_ocr_images_wait_a_few_at_a_time(letter, fresh_lanes):
    """The real lanes: an export's renders are a page and its read-ahead at a time in this
    process and none is left in the render worker; OCR images beyond the slots wait on this
    side instead of piling up in the read lane's queue, and no read worker keeps one."""
    before = workers.live_images()
    source = workers.PooledSource(str(letter), None)
    try:
        most = 0
        for i in range(source.page_count):
            image = source.render(i, DPI)
            most = max(most, workers.live_images() - before)
            del image
        assert 1 <= most <= 1 + workers.PooledSource.READ_AHEAD
        assert workers.live_images() == before  # the last page has no read-ahead
        assert lanes.submit("render", workers.live_images).result(60) == 0
    finally:
        source.close()

    slots = workers.ocr_slots()
    page = Image.new("L", (300, 60), 255)
    ImageDraw.Draw(page).text((10, 20), "Pavlodar", fill=0)
    futures = []
    for _ in range(slots + 2):
        futures.append(workers.submit_ocr_words(page.copy(), 100))
        assert sum(not f.done() for f in futures) <= slots
    assert all(isinstance(f.result(60), list) for f in futures)
    del futures, page
    for _ in range(2 * lanes.default_workers()):  # each read worker, very likely
        assert lanes.submit("read", workers.live_images).result(60) == 0


def test_ocr_slots_come_back_after_failed_jobs(fresh_lanes):
    lanes.set_serial(True)
    slots = workers._slots()
    free = slots._value
    for _ in range(free + 2):
        future = workers.submit_ocr_words(None, 100)  # type: ignore[arg-type] # not an image
        assert future.exception() is not None
    assert slots._value == free
