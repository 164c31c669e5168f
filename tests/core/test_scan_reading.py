"""Reading a scanned page costs less and loses nothing: a grey page is read from one channel
and gives the words the full three-language reading of the RGB page gives; the ink no word
explains is looked at piece by piece with the same groups as on the whole page; a scan's
barcodes are still found where they are."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from redactor.core import pages
from redactor.core.ink import grey_page, ink_areas, ink_groups, reach, strip_rules
from redactor.core.model import Box, Label
from redactor.core.ocr import DEFAULT_LANGS, engine_for
from redactor.core.sources import open_source
from tests.support.data import LETTERS, needs_data
from tests.support.marks import qr_image, typed_page

DPI = 100  # low: the test is about what is lost, not about resolution


@pytest.fixture(scope="module")
def scan():  # type: ignore[no-untyped-def]
    """A real scanned letter (Russian, with a Latin e-mail and numbers): its page in RGB as the
    source renders it, the full reading of that RGB page, and read_page's reading."""
    source = open_source(LETTERS / "dev-ru-01.scan.pdf")
    rgb = source.render(0, DPI).convert("RGB")
    # the page read as before: in RGB, all three languages, straightened the same way
    full, _, _ = pages.ocr_page(rgb, DPI, engine_for(DEFAULT_LANGS))
    page = pages.read_page(source, 0, DPI, DEFAULT_LANGS)
    source.close()
    return rgb, full, page


@needs_data
def test_a_grey_scan_is_read_from_one_channel_and_loses_no_word(scan) -> None:  # type: ignore[no-untyped-def]
    rgb, full, page = scan
    grey = grey_page(rgb)
    assert grey is not None and grey.mode == "L"
    assert np.array_equal(np.asarray(grey), np.asarray(rgb)[..., 0])
    assert len(full) > 20, "the reference reading found next to nothing"
    got = [(w.text, w.box, w.conf) for w in page.words if w.source == "ocr"]
    # every word of the RGB reading, where it was found and as sure
    missing = [(w.text, w.box) for w in full if (w.text, w.box, w.conf) not in got]
    assert missing == []


def test_a_coloured_page_stays_in_colour() -> None:
    page = typed_page()
    page.paste((40, 60, 190), (300, 300, 330, 330))
    assert grey_page(page) is None
    assert grey_page(typed_page()) is not None
    assert grey_page(Image.new("RGB", (10, 10), (250, 250, 249))) is None


def test_unexplained_ink_piece_by_piece_gives_the_whole_pages_groups() -> None:
    rng = np.random.default_rng(3)
    mask = np.zeros((1400, 1000), dtype=bool)
    mask[100:103, 80:700] = True  # a rule (stripped) with a word on it
    mask[90:125, 300:420] = rng.random((35, 120)) < 0.4
    mask[900:960, 600:900] = rng.random((60, 300)) < 0.3  # a scribble far away
    mask[rng.integers(0, 1400, 40), rng.integers(0, 1000, 40)] = True  # specks
    whole = ink_groups(strip_rules(mask, 200), 200, 0.21)
    pieces = []
    for x0, y0, x1, y1 in ink_areas(mask, reach(200)):
        for g in ink_groups(strip_rules(mask[y0:y1, x0:x1], 200), 200, 0.21):
            b = g.box
            pieces.append((b.x0 + x0, b.y0 + y0, b.x1 + x0, b.y1 + y0, g.pixels))
    assert sorted(pieces) == sorted(
        (g.box.x0, g.box.y0, g.box.x1, g.box.y1, g.pixels) for g in whole
    )
    assert len(whole) >= 2


def test_a_qr_code_on_a_scan_is_found_in_the_ink_no_word_explains(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = typed_page(lines=4)
    page.paste(qr_image(scale=4), (1100, 1500))
    buf = io.BytesIO()
    page.convert("L").save(buf, "PDF", resolution=200.0)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    source = open_source(path)
    read = pages.read_page(source, 0, 200, DEFAULT_LANGS)
    source.close()
    [mark] = [m for m in read.marks if m.label == Label.BARCODE]
    code = qr_image(scale=4)
    assert mark.box.contains_center_of(Box(1100, 1500, 1100 + code.width, 1500 + code.height))
