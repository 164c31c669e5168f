"""Leak vectors in images and pixels: photo metadata (EXIF GPS, serial, artist, IPTC, XMP, the EXIF
thumbnail) alone and inside a PDF, a page thumbnail, printer tracking dots, an invisible OCR
layer, images under opaque and translucent boxes, blurred and pixelated names, EXIF orientation,
colour hidden under transparency, an image shared by two pages.

The copy is read back by Tesseract (fresh process) on poppler's rendering and on every stored
image (pdfimages), by exiftool, and by pixel checks: under the place of a hidden name every pixel
must equal the fill. Each check also runs on the dirty input, where it must fail.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageFilter

from tests.support.battery import (
    Battery,
    Built,
    Vector,
    byte_scan,
    copy_findings,
    dark_fraction,
    ocr_scan,
    params,
    text_readers,
    verify_rc,
)
from tests.support.cli import run_cli, terms_file
from tests.support.rawpdf import FONT, RawPdf, pdf_str, text_bbox, text_image, text_ops
from tests.support.readers import exiftool, extracted_images, ocr, qpdf_keys, render

SECRET = "Ospanov"
Build = tuple[Path, list[str], dict[str, Any]]
# A 600 x 300 px scan at 150 dpi: the name on the second line
LINES = [
    (30, 40, "Dear friend, we are well."),
    (30, 120, f"Greetings from {SECRET} today."),
    (30, 200, "The food is poor here."),
]
NAME_AT = (30 + text_bbox(0, 0, "Greetings from ")[2], 120)  # where the name starts
NAME_BOX = text_bbox(NAME_AT[0], NAME_AT[1], SECRET)
SCAN = (600, 300)
PT = 72 / 150  # points per pixel of a 150 dpi scan


def scan(**kw: Any) -> Image.Image:
    return text_image(LINES, size=SCAN, **kw)


def image_pdf(
    folder: Path, img: Image.Image, overlay: bytes = b"", resources: bytes = b"", smask=None
) -> Path:
    """One page the size of the image at 150 dpi, the image filling it, then `overlay`."""
    pdf = RawPdf()
    w, h = img.size[0] * PT, img.size[1] * PT
    im = pdf.image(img, smask)
    content = b"q %g 0 0 %g 0 0 cm /Im1 Do Q\n" % (w, h) + overlay
    pdf.page(content, size=(w, h), xobjects={"Im1": im}, resources=resources)
    return pdf.write(folder / "dirty.pdf")


def box_ops(box: tuple[int, int, int, int], grey: float = 0) -> bytes:
    """A filled rectangle over pixel box of a 150 dpi page of height SCAN[1]."""
    x0, y0, x1, y1 = box
    return b"%g g %g %g %g %g re f\n" % (
        grey,
        x0 * PT,
        (SCAN[1] - y1) * PT,
        (x1 - x0) * PT,
        (y1 - y0) * PT,
    )


def first_page(path: Path, size: tuple[int, int] = SCAN) -> Image.Image | None:
    pages = render(path, 150)
    if not pages:
        return None
    page = pages[0]
    return page if page.size == size else page.resize(size)


def name_pixels(path: Path, box: tuple[int, int, int, int] = NAME_BOX, size=SCAN) -> list[str]:
    """Every pixel where the name was must be the fill (black), shrunk 2 px for antialiasing."""
    page = first_page(path, size)
    if page is None:
        return ["the page cannot be rendered"]
    inner = (box[0] + 2, box[1] + 2, box[2] - 2, box[3] - 2)
    share = dark_fraction(page, inner)
    return [] if share == 1.0 else [f"pixels under the name are not all the fill ({share:.0%})"]


def ocr_images(path: Path, b: Built) -> list[str]:
    """Tesseract on every stored image of a PDF (colour data as stored, masks ignored)."""
    text = "\n".join(ocr(i) for i in extracted_images(path) if min(i.size) >= 16)
    return [
        f"tesseract reads #{n + 1} in a stored image"
        for n, t in enumerate(b.terms)
        if t.lower() in text.lower()
    ]


def ocr_pages(path: Path, b: Built) -> list[str]:
    return ocr_scan(path, b.terms)


# --- photo metadata ----------------------------------------------------------------------------

META_TAG = re.compile(
    r"^\[(GPS|IPTC|XMP[-\w]*|IFD1|Photoshop)\]|SerialNumber|Artist|ThumbnailImage|By-line", re.M
)


def dirty_jpeg(folder: Path) -> Path:
    """A phone photo of a letter: GPS, serial, artist, IPTC, XMP and an EXIF thumbnail that shows
    the whole (unredacted) page."""
    path = folder / "photo.jpg"
    scan().save(path, "JPEG", quality=90)
    thumb = folder / "thumb.jpg"
    scan().resize((160, 80)).save(thumb, "JPEG")
    subprocess.run(
        [
            "exiftool",
            "-q",
            "-overwrite_original",
            f"-Artist=A. {SECRET}",
            "-SerialNumber=CAM-0099123",
            "-BodySerialNumber=CAM-0099123",
            "-GPSLatitude=43.2567",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=76.9286",
            "-GPSLongitudeRef=E",
            f"-IPTC:By-line={SECRET}",
            f"-XMP-dc:Creator={SECRET}",
            f"-ThumbnailImage<={thumb}",
            str(path),
        ],
        check=True,
        capture_output=True,
    )
    thumb.unlink()
    return path


def check_photo_meta(path: Path, b: Built) -> list[str]:
    found = [f"exiftool shows {m}" for m in sorted(set(META_TAG.findall(exiftool(path))))]
    data = path.read_bytes()
    for marker, what in (
        (b"Exif\x00\x00", "EXIF"),
        (b"Photoshop 3.0", "IPTC"),
        (b"ns.adobe.com/xap", "XMP"),
    ):
        if marker in data:
            found.append(f"bytes: {what} segment")
    return found + byte_scan(path, b.terms)


def build_jpeg(folder: Path) -> Build:
    return dirty_jpeg(folder), [SECRET], {}


def build_jpeg_in_pdf(folder: Path) -> Build:
    jpg = dirty_jpeg(folder)
    pdf = RawPdf()
    im = pdf.jpeg(jpg.read_bytes(), SCAN)
    w, h = SCAN[0] * PT, SCAN[1] * PT
    pdf.page(b"q %g 0 0 %g 0 0 cm /Im1 Do Q\n" % (w, h), size=(w, h), xobjects={"Im1": im})
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def build_page_thumb(folder: Path) -> Build:
    pdf = RawPdf()
    thumb = pdf.image(scan().resize((150, 75)).convert("RGB"))
    pdf.page(text_ops([(20, 150, "Dear friend, all is well.")]), extra=b"/Thumb %d 0 R" % thumb)
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_thumb(path: Path, b: Built) -> list[str]:
    return [f"qpdf finds {k}" for k in qpdf_keys(path) & {"/Thumb"}]


# --- pixels ------------------------------------------------------------------------------------


def build_printer_dots(folder: Path) -> Build:
    img = scan()
    arr = np.asarray(img).copy()
    for y in range(5, SCAN[1], 16):  # a faint yellow dot grid, as colour laser printers leave
        for x in range(5 + (y // 16) % 3 * 4, SCAN[0], 16):
            arr[y : y + 2, x : x + 2] = (255, 246, 160)
    path = folder / "scan.png"
    Image.fromarray(arr).save(path, dpi=(150, 150))
    return path, [SECRET], {}


def check_dots(path: Path, b: Built) -> list[str]:
    found = []
    for k, page in enumerate(render(path, 150)):
        a = np.asarray(page, dtype=np.int16)
        r, g, bl = a[..., 0], a[..., 1], a[..., 2]
        yellow = int(((r > 150) & (g > 150) & (bl < np.minimum(r, g) - 40)).sum())
        if yellow:
            found.append(f"{yellow} yellow pixels on page {k + 1}")
    return found


def ocr_layer_ops(shift_px: int = 0) -> bytes:
    """An invisible (render mode 3) word-by-word text layer over the scan, as OCR tools write
    it: each word scaled (Tz) to its ink box; `shift_px` moves it left of the ink."""
    from pdfminer.fontmetrics import FONT_METRICS
    from PIL import ImageFont

    widths = FONT_METRICS["Helvetica"][1]
    ascent = ImageFont.truetype(FONT, 32).getmetrics()[0]
    size = 32 * PT
    ops = b"BT /F1 %g Tf 3 Tr " % size
    for x, y, line in LINES:
        pos = 0
        for word in line.split(" "):
            start = line.index(word, pos)
            pos = start + len(word)
            x0 = text_bbox(x, y, line[:start])[2] if start else x
            x1 = text_bbox(x, y, line[:pos])[2]
            natural = sum(widths.get(c, 556) for c in word) / 1000 * size
            tz = 100 * (x1 - x0) * PT / natural
            ops += b"%g Tz 1 0 0 1 %g %g Tm %s Tj " % (
                tz,
                (x0 - shift_px) * PT,
                (SCAN[1] - y - ascent) * PT,
                pdf_str(word),
            )
    return ops + b"ET\n"


def build_ocr_layer(folder: Path) -> Build:
    """A scan with an invisible OCR text layer over it, word boxes on the ink."""
    return image_pdf(folder, scan(), overlay=ocr_layer_ops()), [SECRET], {}


def build_shifted_ocr_layer(folder: Path) -> Build:
    """The same, with the layer 40 px left of the ink (a sloppy OCR tool): the text layer's
    boxes do not match what is visible."""
    return image_pdf(folder, scan(), overlay=ocr_layer_ops(shift_px=40)), [SECRET], {}


def check_ocr_layer(path: Path, b: Built) -> list[str]:
    return text_readers(path, b.terms) + byte_scan(path, b.terms) + name_pixels(path)


def build_opaque_box(folder: Path) -> Build:
    return (
        image_pdf(
            folder,
            scan(),
            overlay=box_ops((NAME_BOX[0] - 4, NAME_BOX[1] - 4, NAME_BOX[2] + 4, NAME_BOX[3] + 4)),
        ),
        [SECRET],
        {},
    )


def build_translucent_box(folder: Path) -> Build:
    gs = b"/ExtGState << /GS85 << /ca 0.85 /CA 0.85 >> >>"
    box = (NAME_BOX[0] - 4, NAME_BOX[1] - 4, NAME_BOX[2] + 4, NAME_BOX[3] + 4)
    return (
        image_pdf(folder, scan(), overlay=b"q /GS85 gs " + box_ops(box) + b"Q\n", resources=gs),
        [SECRET],
        {},
    )


def check_box_over_image(path: Path, b: Built) -> list[str]:
    return name_pixels(path) + ocr_images(path, b)


def _degrade(kind: str) -> Image.Image:
    img = scan()
    region = img.crop(NAME_BOX)
    if kind == "blur":
        region = region.filter(ImageFilter.GaussianBlur(1.2))
    else:
        small = region.resize((region.width // 3, region.height // 3), Image.Resampling.BOX)
        region = small.resize(region.size, Image.Resampling.NEAREST)
    img.paste(region, NAME_BOX[:2])
    return img


def build_blurred(folder: Path) -> Build:
    path = folder / "blurred.png"
    _degrade("blur").save(path, dpi=(150, 150))
    return path, [SECRET], {}


def build_pixelated(folder: Path) -> Build:
    path = folder / "pixelated.png"
    _degrade("pixelate").save(path, dpi=(150, 150))
    return path, [SECRET], {}


def check_name_region(path: Path, b: Built) -> list[str]:
    return name_pixels(path)


def build_orientation6(folder: Path) -> Build:
    """The camera stored the page turned; EXIF orientation 6 says: turn it 90 degrees clockwise
    to show it. The editor sees it upright, and the box must land where the name is seen."""
    upright = scan()
    stored = upright.rotate(90, expand=True)  # counter-clockwise: orientation 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    path = folder / "turned.jpg"
    stored.save(path, "JPEG", quality=92, exif=exif.tobytes(), dpi=(150, 150))
    assert render(path)[0].size == SCAN
    return path, [SECRET], {}


def check_upright_name(path: Path, b: Built) -> list[str]:
    page = render(path, 150)[0]
    found = []
    if (page.width > page.height) != (SCAN[0] > SCAN[1]):
        found.append("the page is not upright")
    return found + name_pixels(path)


def _alpha_scan() -> tuple[Image.Image, Image.Image]:
    """Colour data that says the name everywhere; an alpha channel that shows only line 1."""
    rgb = scan()
    alpha = Image.new("L", SCAN, 0)
    alpha.paste(255, (0, 0, SCAN[0], 100))
    return rgb, alpha


def build_alpha_png(folder: Path) -> Build:
    rgb, alpha = _alpha_scan()
    img = rgb.copy()
    img.putalpha(alpha)
    path = folder / "alpha.png"
    img.save(path, dpi=(150, 150))
    return path, [SECRET], {}


def build_alpha_pdf(folder: Path) -> Build:
    rgb, alpha = _alpha_scan()
    return image_pdf(folder, rgb, smask=alpha), [SECRET], {}


def check_hidden_rgb(path: Path, b: Built) -> list[str]:
    if b"%PDF-" in path.read_bytes()[:1024]:
        return ocr_images(path, b)
    with Image.open(path) as im:
        text = ocr(im.convert("RGB"))  # RGBA -> RGB drops alpha, keeps the hidden colour
    return [
        f"tesseract reads #{n + 1} in the colour data"
        for n, t in enumerate(b.terms)
        if t.lower() in text.lower()
    ]


def build_shared_image(folder: Path) -> Build:
    """One image object drawn on two pages; on page 2 someone drew a box over the name."""
    pdf = RawPdf()
    im = pdf.image(scan())
    w, h = SCAN[0] * PT, SCAN[1] * PT
    draw = b"q %g 0 0 %g 0 0 cm /Im1 Do Q\n" % (w, h)
    pdf.page(draw, size=(w, h), xobjects={"Im1": im})
    pdf.page(draw + box_ops(NAME_BOX), size=(w, h), xobjects={"Im1": im})
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_shared(path: Path, b: Built) -> list[str]:
    return ocr_images(path, b) + ocr_pages(path, b)


VECTORS = [
    Vector("jpeg_metadata_to_png", build_jpeg, check_photo_meta, out="copy.png"),
    Vector("jpeg_metadata_to_pdf", build_jpeg, check_photo_meta),
    Vector("jpeg_metadata_in_pdf", build_jpeg_in_pdf, check_photo_meta),
    Vector("page_thumb", build_page_thumb, check_thumb),
    Vector(
        "printer_dots_bw",
        build_printer_dots,
        check_dots,
        args=("--no-detect", "--bw"),
        verify_args=("--ocr",),
    ),
    Vector("invisible_ocr_layer", build_ocr_layer, check_ocr_layer),
    Vector(
        "invisible_ocr_layer_shifted",
        build_shifted_ocr_layer,
        check_ocr_layer,
    ),
    Vector(
        "image_under_opaque_box",
        build_opaque_box,
        check_box_over_image,
        verify_args=("--ocr",),
    ),
    Vector(
        "image_under_85pct_box",
        build_translucent_box,
        check_box_over_image,
        verify_args=("--ocr",),
    ),
    Vector("blurred_name", build_blurred, check_name_region, verify_args=("--ocr",)),
    Vector("pixelated_name", build_pixelated, check_name_region, verify_args=("--ocr",)),
    Vector("jpeg_orientation_6", build_orientation6, check_upright_name),
    Vector("alpha_hidden_rgb_png", build_alpha_png, check_hidden_rgb),
    Vector("alpha_hidden_rgb_pdf", build_alpha_pdf, check_hidden_rgb, verify_args=("--ocr",)),
    Vector("shared_image_two_pages", build_shared_image, check_shared, verify_args=("--ocr",)),
]


@pytest.mark.parametrize("v", params(VECTORS, "copy_xfail"))
def test_copy_is_clean(battery: Battery, v: Vector) -> None:
    b = battery.get(v)
    assert copy_findings(v, b, ocr_pages=True) == []


@pytest.mark.parametrize("v", params(VECTORS))
def test_dirty_input_fails_the_same_check(battery: Battery, v: Vector) -> None:
    b = battery.get(v)
    assert v.check(b.dirty, b), "the check cannot see this vector"


@pytest.mark.parametrize("v", params(VECTORS, "verify_dirty_xfail"))
def test_verify_flags_the_dirty_input(battery: Battery, v: Vector) -> None:
    b = battery.get(v)
    rc, out = verify_rc(b.dirty, b, v.verify_args)
    assert rc == 4, out


@pytest.mark.parametrize("v", params(VECTORS, "verify_copy_xfail"))
def test_verify_passes_the_copy(battery: Battery, v: Vector) -> None:
    b = battery.get(v)
    assert b.redact.returncode == 0, b.redact.stderr[-2000:]
    rc, out = verify_rc(b.copy, b, v.verify_args)
    assert rc == 0, out


def test_verify_ocrs_an_image_by_default(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    scan().save(path)
    res = run_cli("verify", path, "--terms", terms_file(tmp_path, [SECRET]), "-q")
    assert res.returncode == 4, res.stdout


def test_ocr_sees_the_scan() -> None:
    """The OCR checks above are only worth something if Tesseract reads the name on a clean scan."""
    buf = io.BytesIO()
    scan().save(buf, "PNG")
    assert SECRET in ocr(scan())
