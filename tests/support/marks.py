"""Pages with marks, made on the spot (tests and bench/marks.py): a typed letter at 200 dpi with a
QR code, a Code 128 barcode (both written by zxing-cpp), a blue round censor stamp with a colony
code, a pen signature (a random smooth stroke) or a photo with a face (scikit-image's bundled
public-domain photos). Everything is drawn here; nothing is copied into the repository."""

from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = 200
A4 = (1654, 2339)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

LINES = [
    "Dear friend, I hope this letter finds you well and in good health.",
    "The weather here has turned cold and the days are getting shorter.",
    "We work in the sewing shop from morning until the evening count.",
    "I have been reading the books you sent me, one chapter every night.",
    "Please tell everyone at home that I think of them every single day.",
    "The food is the same as always, but the tea you sent helps a lot.",
    "I am learning to draw again and I will send you a picture soon.",
    "Write to me about the garden and about the new neighbours as well.",
]


def typed_page(lines: int = 8, top: int = 220, seed: int = 0) -> Image.Image:
    """A white A4 page at 200 dpi with typed lines of a letter."""
    rng = random.Random(seed)
    page = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 30)
    y = top
    for i in range(lines):
        draw.text((170, y), LINES[(i + seed) % len(LINES)], fill=(20, 20, 20), font=font)
        y += 58 + rng.randint(0, 4)
    return page


def qr_image(
    text: str = "https://post.example/track?id=RR123456785KZ", scale: int = 6
) -> Image.Image:
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode)
    return Image.fromarray(np.asarray(code.to_image(scale=scale))).convert("RGB")


def code128_image(text: str = "RR123456785KZ", scale: int = 3) -> Image.Image:
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.Code128)
    img = Image.fromarray(np.asarray(code.to_image(scale=scale))).convert("RGB")
    return img.resize((img.width, 140))


def draw_stamp(
    page: Image.Image,
    center: tuple[int, int],
    radius: int = 150,
    colour: tuple[int, int, int] = (40, 60, 190),
    code: str = "УГ-157/3",
    arc: str = "ПРОВЕРЕНО * ЦЕНЗОР * ",
) -> None:
    """A round ink stamp: two rings, text along the arc and a colony code across the middle."""
    arr = np.asarray(page).copy()
    cx, cy = center
    cv2.circle(arr, center, radius, colour, 7, cv2.LINE_AA)
    cv2.circle(arr, center, int(radius * 0.72), colour, 4, cv2.LINE_AA)
    img = Image.fromarray(arr)
    font = ImageFont.truetype(FONT_BOLD, int(radius * 0.17))
    n = len(arc)
    for i, ch in enumerate(arc):
        a = 2 * math.pi * i / n - math.pi / 2
        r = radius * 0.86
        glyph = Image.new("L", (60, 60), 0)
        ImageDraw.Draw(glyph).text((30, 30), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        x, y = int(cx + r * math.cos(a)) - 30, int(cy + r * math.sin(a)) - 30
        img.paste(Image.new("RGB", (60, 60), colour), (x, y), glyph)
    draw = ImageDraw.Draw(img)
    big = ImageFont.truetype(FONT_BOLD, int(radius * 0.26))
    draw.text((cx, cy), code, fill=colour, font=big, anchor="mm")
    page.paste(img)


def draw_signature(
    page: Image.Image, box: tuple[int, int, int, int], seed: int = 1, colour=(25, 25, 110)
) -> None:
    """A random smooth pen stroke in `box` (x0, y0, x1, y1): loops going right, a flourish."""
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = box
    t = np.linspace(0, 1, 900)
    loops = rng.uniform(4, 7)
    amp = (y1 - y0) / 2 * rng.uniform(0.6, 0.9)
    phase = rng.uniform(0, 2 * np.pi, 3)
    x = x0 + (x1 - x0) * t + 0.06 * (x1 - x0) * np.sin(2 * np.pi * loops * t + phase[0])
    y = (y0 + y1) / 2 + amp * np.sin(2 * np.pi * loops * t * 1.3 + phase[1]) * (
        0.6 + 0.4 * np.sin(2 * np.pi * t + phase[2])
    )
    pts = np.stack([x, y], axis=1).astype(np.int32)
    arr = np.asarray(page).copy()
    cv2.polylines(arr, [pts], False, colour, 3, cv2.LINE_AA)
    tail = np.stack([np.linspace(x0, x1, 50), np.full(50, y1) - np.linspace(0, 10, 50)], axis=1)
    cv2.polylines(arr, [tail.astype(np.int32)], False, colour, 3, cv2.LINE_AA)
    page.paste(Image.fromarray(arr))


def face_photo(which: str = "astronaut", size: int = 600, angle: float = 0.0) -> Image.Image:
    """A photo with a face from scikit-image's bundled data (skip when it is not installed)."""
    import skimage.data

    arr = getattr(skimage.data, which)()
    if arr.ndim == 2:
        arr = np.stack([arr] * 3, axis=2)
    img = Image.fromarray(arr).convert("RGB")
    if angle:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor="white")
    return img.resize((size, size * img.height // img.width))


def letter_with(kind: str, seed: int = 0) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A typed page with one mark of `kind` ("qr", "code128", "stamp", "signature", "face") and
    where it is (x0, y0, x1, y1)."""
    page = typed_page(seed=seed)
    if kind == "qr":
        q = qr_image()
        page.paste(q, (1100, 1500))
        return page, (1100, 1500, 1100 + q.width, 1500 + q.height)
    if kind == "code128":
        b = code128_image()
        page.paste(b, (250, 1500))
        return page, (250, 1500, 250 + b.width, 1500 + b.height)
    if kind == "stamp":
        draw_stamp(page, (1200, 1700))
        return page, (1050, 1550, 1350, 1850)
    if kind == "signature":
        draw_signature(page, (900, 900, 1400, 1060), seed=seed + 1)
        return page, (900, 880, 1400, 1080)
    if kind == "handwriting":  # four lines written by hand under the typed ones
        for n in range(4):
            draw_signature(page, (200, 1000 + n * 110, 1300, 1070 + n * 110), seed=seed + 10 + n)
        return page, (200, 990, 1300, 1410)
    if kind == "face":
        photo = face_photo(size=700)
        page.paste(photo, (500, 900))
        return page, (500, 900, 500 + photo.width, 900 + photo.height)
    raise ValueError(kind)
