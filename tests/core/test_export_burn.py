"""Burn-in: boxes grown over whole words, gaps and line height; opaque pixels; no metadata."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from redactor.core.export.burn import burn, cover_boxes, to_bw, visible_words
from redactor.core.model import Box, Word


def _line(y0: float, y1: float, xs: list[tuple[float, float]], texts: list[str]) -> list[Word]:
    return [Word(t, Box(a, y0, b, y1)) for (a, b), t in zip(xs, texts, strict=True)]


WORDS = _line(100, 130, [(50, 120), (140, 260), (280, 330)], ["Dear", "Ospanov,", "hello"]) + (
    _line(150, 185, [(50, 110), (130, 200)], ["next", "line"])
)


def test_cover_grows_over_the_whole_word_and_the_gaps_to_its_neighbours() -> None:
    # a box over the middle of "Ospanov," only
    boxes = cover_boxes([Box(180, 110, 200, 120)], WORDS, 1000, 1000)
    grown = max(boxes, key=lambda b: b.width)
    assert grown.x0 < 140 and grown.x1 > 260  # the whole word
    assert grown.x0 > 120 and grown.x1 < 280  # but not the neighbours
    assert grown.y0 < 100 and grown.y1 > 130  # full line height plus margin
    assert grown.y1 < 150  # not into the next line
    # neighbours are untouched by every box
    for b in boxes:
        assert not b.intersects(WORDS[0].box) and not b.intersects(WORDS[2].box)
        assert not b.intersects(WORDS[3].box)


def test_gap_is_split_evenly_so_the_box_does_not_show_the_word_length() -> None:
    short = _line(100, 130, [(50, 120), (140, 170), (280, 330)], ["a", "Li", "b"])
    long_ = _line(100, 130, [(50, 120), (140, 260), (280, 330)], ["a", "Ospanova", "b"])
    a = max(cover_boxes([short[1].box], short, 1000, 1000), key=lambda b: b.width)
    b = max(cover_boxes([long_[1].box], long_, 1000, 1000), key=lambda b: b.width)
    assert (a.x0, a.x1) == (b.x0, b.x1)


def test_last_word_of_a_line_reaches_the_column_edge() -> None:
    boxes = cover_boxes([WORDS[4].box], WORDS, 1000, 1000)
    assert max(b.x1 for b in boxes) >= 330  # right edge of the text column


def test_box_on_no_word_is_kept_and_clipped() -> None:
    boxes = cover_boxes([Box(600, 600, 1200, 700), Box(-5, -5, -1, -1)], WORDS, 1000, 900)
    assert boxes == [Box(600, 600, 1000, 700)]


def test_box_over_two_lines_covers_both_lines() -> None:
    boxes = cover_boxes([Box(60, 110, 70, 170)], WORDS, 1000, 1000)
    covered = [w.text for w in WORDS if any(b.contains_center_of(w.box) for b in boxes)]
    assert covered == ["Dear", "next"]


def test_burn_is_opaque_rounds_outward_and_drops_alpha_and_metadata() -> None:
    src = Image.new("RGBA", (50, 40), (200, 30, 30, 128))
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x013B] = "Artist Name"
    src.convert("RGB").save(buf, "JPEG", exif=exif.tobytes())
    with_exif = Image.open(io.BytesIO(buf.getvalue()))
    assert with_exif.info.get("exif")
    for img in (src, with_exif):
        out = burn(img, [Box(10.6, 5.2, 20.1, 15.9)])
        assert out.mode in ("RGB", "L")
        assert not out.info
        arr = np.asarray(out.convert("RGB"))
        assert (arr[5:16, 10:21] == 0).all()  # rounded outward: 10..21 x 5..16
        assert not (arr[20:, 25:] == 0).all()


def test_burn_keeps_grayscale_and_fills_in_colour() -> None:
    gray = Image.new("L", (30, 30), 200)
    assert burn(gray, [Box(0, 0, 10, 10)]).mode == "L"
    red = burn(gray, [Box(0, 0, 10, 10)], fill=(255, 0, 0))
    assert red.mode == "RGB" and red.getpixel((5, 5)) == (255, 0, 0)


def test_black_and_white_removes_yellow_dots_and_keeps_ink() -> None:
    img = Image.new("RGB", (40, 40), (255, 255, 255))
    for x in range(0, 40, 8):
        for y in range(0, 40, 8):
            img.putpixel((x, y), (255, 255, 160))  # faint yellow tracking dot
    img.paste((20, 20, 20), (10, 10, 30, 12))  # a stroke of ink
    bw = to_bw(img)
    assert bw.mode == "1"
    arr = np.asarray(bw.convert("L"))
    assert (arr[0::8, 0::8][arr[0::8, 0::8] != 0] == 255).all()
    assert arr[0, 0] == 255 and arr[8, 8] == 255
    assert (arr[10:12, 10:30] == 0).all()


def test_visible_words_leaves_out_every_word_under_a_box() -> None:
    boxes = cover_boxes([WORDS[1].box], WORDS, 1000, 1000)
    assert [w.text for w in visible_words(WORDS, boxes)] == ["Dear", "hello", "next", "line"]


def test_adjacent_hidden_words_of_two_redactions_leave_no_sliver_between_them() -> None:
    boxes = cover_boxes([WORDS[1].box, WORDS[2].box], WORDS, 1000, 1000)
    img = burn(Image.new("L", (1000, 300), 255), boxes)
    arr = np.asarray(img)
    row = arr[115, 121:1000]
    start = int(np.argmax(row == 0)) + 121
    end = 121 + len(row) - int(np.argmax(row[::-1] == 0))
    assert start < 140 and end > 330
    assert (arr[115, start:end] == 0).all()  # one solid run from "Ospanov," to the line end
