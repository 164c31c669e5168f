"""Printer tracking dots: a colour page's yellow dot grid does not reach the default copy (PDF or
PNG), the text stays legible, --color keeps the dots and `redactor verify` then reports them; a
blue stamp and a highlighter keep their colour; colour photos are not reported."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from redactor.core.verify.dots import find_dot_pattern
from tests.support.cli import run_cli, terms_file
from tests.support.rawpdf import text_image
from tests.support.readers import extracted_images, fold, ocr

DPI = 300
SIZE = (1240, 1500)  # 105 x 127 mm at 300 dpi
PITCH_MM = 1.016  # 0.04 inch, as on common colour laser printers
BODY = [
    "Dear editor, I am writing to you from the colony again.",
    "The food is bad and the doctor comes once a month.",
    "My friend Kairat Bekov was moved to another block.",
    "Please publish this letter so that people know.",
]
BODY_WORDS = ["editor", "writing", "colony", "doctor", "month", "publish", "people"]
BLANK = (60, 1000, 1180, 1460)  # a part of the page with paper and dots only


def _dot_layer(size: tuple[int, int], seed: int = 7) -> Image.Image:
    """A mask of 0.1 mm dots on a 1 mm lattice; a 15 x 8 block of dots, some present and some
    not (the encoded serial number and time), repeated over the page. Drawn at 4x and reduced,
    so the dots are soft like a scan's."""
    rng = random.Random(seed)
    block = [[rng.random() < 0.55 for _ in range(8)] for _ in range(15)]
    scale = 4
    big = Image.new("L", (size[0] * scale, size[1] * scale), 0)
    draw = ImageDraw.Draw(big)
    step = PITCH_MM * DPI / 25.4 * scale
    radius = 0.06 * DPI / 25.4 * scale
    for j in range(int(size[1] * scale / step) + 1):
        for i in range(int(size[0] * scale / step) + 1):
            if block[i % 15][j % 8]:
                x, y = (i + 0.5) * step, (j + 0.5) * step
                draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return big.reduce(scale)


def dotted_page(
    path: Path, stamp: bool = False, highlight: bool = False, noise: float = 2.0
) -> Path:
    img = text_image([(60, 80 + 90 * i, line) for i, line in enumerate(BODY)], SIZE, 40)
    draw = ImageDraw.Draw(img)
    if highlight:  # a highlighter stroke over the second line: ink shows through
        arr = np.asarray(img).astype(np.int32)
        y0, y1 = 165, 225
        arr[y0:y1, 55:900] = np.minimum(arr[y0:y1, 55:900], [255, 238, 90])
        img = Image.fromarray(arr.astype(np.uint8), "RGB")
        draw = ImageDraw.Draw(img)
    if stamp:  # a blue round stamp in the right margin
        draw.ellipse((880, 520, 1180, 820), outline=(40, 70, 190), width=10)
        draw.text((940, 650), "OFFICE", fill=(40, 70, 190))
    dots = np.asarray(_dot_layer(SIZE)).astype(np.float32) / 255.0
    arr = np.asarray(img).astype(np.float32)
    yellow = np.array([255.0, 255.0, 175.0])
    arr = arr * (1 - dots[..., None]) + np.minimum(arr, yellow) * dots[..., None]
    arr += np.random.default_rng(3).normal(0, noise, arr.shape)
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB").save(path, dpi=(DPI, DPI))
    return path


# --- measures of the test's own (not the exporter's) ------------------------------------------


def light_yellow_pixels(img: Image.Image, box: tuple[int, int, int, int] = BLANK) -> int:
    arr = np.asarray(img.convert("RGB").crop(box)).astype(np.int32)
    r, g, b = arr[..., 0], arr[..., 1], arr[..., 2]
    return int(((np.minimum(r, g) > 200) & (np.minimum(r, g) - b >= 12)).sum())


def lattice_strength(img: Image.Image, box: tuple[int, int, int, int] = BLANK) -> float:
    """How strongly the blank part of the page repeats at the dot lattice: the spectrum's peak
    near the lattice frequency over the spectrum's median there, in the yellowness (R+G)/2-B
    and in the luminance; the larger of the two."""
    arr = np.asarray(img.convert("RGB").crop(box)).astype(np.float32)
    lum = arr @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    yel = (arr[..., 0] + arr[..., 1]) / 2 - arr[..., 2]
    best = 0.0
    for chan in (lum, yel):
        spec = np.abs(np.fft.rfft2(chan - chan.mean()))
        h, w = chan.shape
        period_px = PITCH_MM * DPI / 25.4
        fy, fx = round(h / period_px), round(w / period_px)
        near = spec[max(1, fy - 3) : fy + 4, max(1, fx - 3) : fx + 4]
        axis_x = spec[0:3, max(1, fx - 3) : fx + 4]
        axis_y = spec[max(1, fy - 3) : fy + 4, 0:3]
        peak = max(near.max(), axis_x.max(), axis_y.max())
        ring = spec[1 : fy * 2, 1 : fx * 2]
        best = max(best, float(peak / max(float(np.median(ring)), 1e-6)))
    return best


def _copy_image(path: Path) -> Image.Image:
    if path.suffix == ".pdf":
        (img,) = extracted_images(path)
        return img
    return Image.open(path)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dotted_page(tmp_path_factory.mktemp("dots") / "scan.png")


def test_the_generated_page_has_a_real_dot_pattern(page: Path) -> None:
    img = Image.open(page)
    assert light_yellow_pixels(img) > 1500
    assert lattice_strength(img) > 30
    found = find_dot_pattern(img, DPI)
    assert found is not None and 0.9 <= found.period_mm <= 1.5


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_default_copy_has_no_dot_pattern_and_stays_legible(page: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"copy.{fmt}"
    terms = terms_file(tmp_path, ["Kairat Bekov"])
    res = run_cli("redact", page, "-o", out, "--no-detect", "--deny", terms, "-q")
    assert res.returncode == 0, res.stderr
    img = _copy_image(out)
    rgb = np.asarray(img.convert("RGB")).astype(np.int32)
    assert np.ptp(rgb, axis=2).max() == 0, "a typed letter with no colour worth keeping is grey"
    assert light_yellow_pixels(img) == 0
    assert lattice_strength(img) < 8, "the dot lattice still shows in the copy's pixels"
    assert lattice_strength(Image.open(page).convert("L")) > 8  # grey alone would keep it
    text = fold(ocr(img))
    assert sum(w in text for w in BODY_WORDS) >= 6, text
    assert "bekov" not in text
    res = run_cli("verify", out, "--no-ocr")
    assert res.returncode == 0, res.stdout


def test_color_keeps_the_dots_and_verify_reports_them(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.png"
    terms = terms_file(tmp_path, ["Kairat Bekov"])
    res = run_cli("redact", page, "-o", out, "--no-detect", "--deny", terms, "--color", "-q")
    assert res.returncode == 0, res.stderr
    assert "warning: tracking dots" in res.stderr
    img = Image.open(out)
    assert img.mode == "RGB"
    assert light_yellow_pixels(img) > 1500 and lattice_strength(img) > 30
    res = run_cli("verify", out, "--no-ocr")
    assert res.returncode == 4
    assert "tracking dots: page 1 carries a yellow dot pattern" in res.stdout
    # the same pattern in a PDF is found in its page image
    pdf = tmp_path / "copy.pdf"
    res = run_cli("redact", page, "-o", pdf, "--no-detect", "--deny", terms, "--color", "-q")
    assert res.returncode == 0, res.stderr
    res = run_cli("verify", pdf, "--no-ocr")
    assert res.returncode == 4 and "tracking dots: image 1 on page 1" in res.stdout


def test_blue_stamp_and_highlighter_keep_their_colour(tmp_path: Path) -> None:
    src = dotted_page(tmp_path / "stamped.png", stamp=True, highlight=True)
    out = tmp_path / "copy.png"
    # the stamp and the highlighted line are ink no reader reads (held as unread, exit 6, without
    # the editor's word); the stamp is a STAMP finding, boxed under the strict profile
    # (tests/core/test_marks.py): under "names" it stays, and this test is about its colours
    terms = terms_file(tmp_path, ["Zz"])
    res = run_cli(
        "redact",
        src,
        "-o",
        out,
        "--no-detect",
        "--deny",
        terms,
        "--accept-unread",
        "--profile",
        "names",
    )
    assert res.returncode == 0, res.stderr
    img = Image.open(out)
    assert img.mode == "RGB", "the stamp's blue was dropped"
    arr = np.asarray(img).astype(np.int32)
    stamp = arr[520:820, 880:1180]
    blue = (stamp[..., 2] - stamp[..., 0] > 90).sum()
    assert blue > 3000
    marker = arr[170:220, 60:890]  # the highlighter's paper parts stay yellow
    assert ((marker[..., 2] < 130) & (marker[..., 0] > 220)).mean() > 0.5
    assert light_yellow_pixels(img) == 0 and lattice_strength(img) < 8
    assert find_dot_pattern(img, DPI) is None


def _photo(size: tuple[int, int] = (1200, 900), seed: int = 5) -> Image.Image:
    """A colour photo stand-in: smooth colour fields (sky, foliage, yellow flowers), texture,
    and sensor noise."""
    rng = np.random.default_rng(seed)
    w, h = size
    field = rng.random((h // 60 + 2, w // 60 + 2, 3)) * 255
    base = Image.fromarray(field.astype(np.uint8), "RGB").resize(size, Image.Resampling.BICUBIC)
    arr = np.asarray(base).astype(np.float32)
    for _ in range(150):  # yellow and pale-yellow flowers of every size
        x, y, r = rng.integers(0, w), rng.integers(0, h), rng.integers(2, 25)
        colour = rng.choice([[250, 235, 60], [255, 250, 190], [240, 210, 40]])
        yy, xx = np.ogrid[:h, :w]
        arr[(xx - x) ** 2 + (yy - y) ** 2 <= r * r] = colour
    arr += rng.normal(0, 6, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    return img.filter(ImageFilter.GaussianBlur(0.6))


def test_colour_photos_are_not_reported(tmp_path: Path) -> None:
    for seed in (5, 11):
        path = tmp_path / f"photo{seed}.png"
        _photo(seed=seed).save(path)
        assert find_dot_pattern(Image.open(path), 150) is None
    res = run_cli("verify", tmp_path / "photo5.png", "--no-ocr")
    assert res.returncode == 0, res.stdout
