"""Sources: PDFs (typed, scanned, encrypted, rotated), images (EXIF, TIFF, deep), text."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from redactor.core.errors import InputError, PasswordRequired
from redactor.core.sources import open_source, sniff
from redactor.core.sources.pdf import user_to_pixel
from tests.support.data import DATA, LETTERS
from tests.support.rawpdf import RawPdf, text_ops


def test_typed_pdf_words_have_boxes_inside_the_page():
    src = open_source(LETTERS / "dev-en-01.typed.pdf")
    words = src.text_words(0, 200)
    assert words and any(w.text.startswith("Yessenov") for w in words)
    image = src.render(0, 200)
    for w in words:
        assert 0 <= w.box.x0 < w.box.x1 <= image.width
        assert 0 <= w.box.y0 < w.box.y1 <= image.height
    # lines go down the page
    ys = [w.box.y0 for w in words if w.line == 0] + [w.box.y0 for w in words if w.line == 3]
    assert ys[0] < ys[-1]


def test_word_box_lands_on_ink():
    src = open_source(LETTERS / "dev-ru-01.typed.pdf")
    image = np.asarray(src.render(0, 200).convert("L"))
    word = next(w for w in src.text_words(0, 200) if w.text.startswith("Муканов"))
    b = word.box
    inside = image[int(b.y0) : int(b.y1), int(b.x0) : int(b.x1)]
    assert (inside < 128).mean() > 0.05  # the glyphs are there


def test_words_land_on_ink_when_the_page_inherits_its_mediabox(tmp_path):
    """An A4 page whose /MediaBox sits on the page tree: pdfium's FPDFPage_GetCropBox does not
    look there and answered US Letter, so every word box was 50 pt off its ink (a black box
    above the name, the name readable)."""
    pdf = RawPdf()
    pdf.pages_extra = b"/MediaBox [0 0 595 842] "
    pdf.page(text_ops([(60, 700, "Ospanov wrote this")], size=14), size=None)
    src = open_source(pdf.write(tmp_path / "inherited.pdf"))
    image = np.asarray(src.render(0, 200).convert("L"))
    assert image.shape == (2339, 1653)
    word = next(w for w in src.text_words(0, 200) or [] if w.text == "Ospanov")
    b = word.box
    assert abs(b.y1 - (842 - 700) * 200 / 72) < 20
    inside = image[int(b.y0) : int(b.y1), int(b.x0) : int(b.x1)]
    assert (inside < 128).mean() > 0.05


@pytest.mark.parametrize(
    "name",
    [
        *(f"letters/dev-{lang}-0{n}.typed.pdf" for lang in ("en", "ru", "kk") for n in (1, 2)),
        "pdfs/pypdf__multicolumn.pdf",
        "pdfs/pypdf__pdflatex-outline.pdf",
        "pdfs/pypdf__google-doc-document.pdf",
        "pdfs/pypdf__habibi-rotated.pdf",
        "pdfs/pypdf__annotated_pdf.pdf",
        "pdfs/ocrmypdf__tagged.pdf",
    ],
)
def test_visible_text_layers_have_no_hidden_words(name):
    """Typed PDFs as editors get them: every text-layer word has visible ink."""
    src = open_source(DATA / name)
    for i in range(min(src.page_count, 2)):
        layer = src.text_layer(i, 200)
        assert layer is not None and layer.words
        assert list(zip((w.text for w in layer.hidden), layer.hows, strict=True)) == []


def test_ocr_layer_of_a_scan_is_hidden_text():
    """An OCR'd scan's invisible text (render mode 3) is not what the page shows: OCR reads it."""
    layer = open_source(DATA / "pdfs" / "ocrmypdf__graph_ocred.pdf").text_layer(0, 200)
    assert layer is not None and not layer.words and layer.hidden
    assert set(layer.hows) == {"invisible text (render mode 3)"}


def test_scanned_pdf_has_no_text_layer():
    src = open_source(LETTERS / "dev-kk-01.scan.pdf")
    assert src.text_words(0, 200) is None
    assert src.has_images(0)


@pytest.mark.parametrize(
    ("rotation", "point", "expected"),
    [
        (0, (0, 100), (0, 0)),
        (90, (0, 100), (100, 0)),
        (90, (0, 0), (0, 0)),
        (180, (0, 100), (50, 100)),
        (270, (0, 100), (0, 50)),
    ],
)
def test_user_to_pixel_rotations(rotation, point, expected):
    assert user_to_pixel(*point, (0, 0, 50, 100), rotation, 1.0) == expected


def test_rotated_pdf_words_inside_rendered_page():
    src = open_source(DATA / "pdfs" / "pypdf__habibi-rotated.pdf")
    for i in range(src.page_count):
        image = src.render(i, 72)
        for w in src.text_words(i, 72) or []:
            assert -2 <= w.box.x0 and w.box.x1 <= image.width + 2
            assert -2 <= w.box.y0 and w.box.y1 <= image.height + 2


def test_encrypted_pdf_needs_password():
    path = DATA / "pdfs" / "pypdf__libreoffice-writer-password.pdf"
    with pytest.raises(PasswordRequired, match="password"):
        open_source(path)
    with pytest.raises(PasswordRequired, match="wrong"):
        open_source(path, "nope")
    assert open_source(path, "openpassword").page_count == 1


def test_photo_is_upright_after_exif_orientation():
    src = open_source(LETTERS / "dev-en-01.photo.jpg")
    with Image.open(LETTERS / "dev-en-01.photo.jpg") as raw:
        assert raw.width > raw.height  # stored sideways
    image = src.render(0, 200)
    assert image.height > image.width


def test_multipage_tiff_every_frame(tmp_path):
    frames = [Image.new("L", (200, 100), v) for v in (0, 128, 255)]
    path = tmp_path / "three.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    src = open_source(path)
    assert src.page_count == 3
    assert src.render(2, 200).getpixel((5, 5)) == (255, 255, 255)


def test_sixteen_bit_tiff_is_scaled_not_clipped(tmp_path):
    arr = np.linspace(0, 4095, 256 * 64, dtype=np.uint16).reshape(64, 256)  # 12-bit data
    path = tmp_path / "deep.tif"
    Image.fromarray(arr).save(path)
    gray = np.asarray(open_source(path).render(0, 200).convert("L"))
    assert gray.max() > 240 and gray.min() < 15
    assert len(np.unique(gray)) > 100  # the ramp survives


def test_alpha_is_flattened_so_hidden_rgb_is_dropped(tmp_path):
    rgba = Image.new("RGBA", (50, 50), (200, 0, 0, 0))  # red, fully transparent
    path = tmp_path / "alpha.png"
    rgba.save(path)
    assert open_source(path).render(0, 200).getpixel((10, 10)) == (255, 255, 255)


def test_text_letter_cp1251_becomes_pages(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_bytes(("Пишет вам Ерлан Муканов.\n\n" * 120).encode("cp1251"))
    src = open_source(path)
    assert src.page_count >= 2
    words = src.text_words(0, 200)
    assert words[2].text == "Ерлан"
    assert src.render(0, 200).size == (1654, 2338)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "HTML"),
        (b"%PDF-1.7\n1 0 obj\n<<", "not a readable PDF"),
        (b"\xff\xd8\xff\xe0" + b"\x00garbage" * 10, "not a readable image"),
        (bytes(range(256)) * 4, "not a PDF, image or text"),
    ],
)
def test_hostile_inputs_raise_input_error(tmp_path, content, message):
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        src = open_source(path)
        src.render(0, 200)


def test_decompression_bomb_png_is_refused(tmp_path):
    path = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000), 1).save(path)  # 400 Mpx, a few KB on disk
    with pytest.raises(InputError, match="too large|not acceptable"):
        open_source(path)


def test_sniff_ignores_the_extension():
    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, "PNG")
    assert sniff(buf.getvalue(), ".pdf") == "image"
    assert sniff(b"%PDF-1.4 ...", ".jpg") == "pdf"
