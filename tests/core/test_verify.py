"""The independent verifier: every dirty input must fail it, our own copies must pass."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from redactor.core.errors import LeakDetected
from redactor.core.export.pdf import ExportPage, write_pdf
from redactor.core.export.png import write_png
from redactor.core.model import Box, Word
from redactor.core.verify import (
    VerifyReport,
    check_file,
    find_term_numbers,
    raw_pdf_string,
    verify_file,
)

SECRET = "Ospanov"
# PDF text is drawn at (100, 700) in points on a 612 x 792 page; in pixels at 200 dpi:
PX = 200 / 72


def _text_pdf(path: Path, content: bytes, extra: Callable[[pypdf.PdfWriter], None] | None = None):
    """A one-page PDF with Helvetica text drawn by `content`, plus whatever `extra` adds."""
    w = pypdf.PdfWriter()
    page = w.add_blank_page(612, 792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): w._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = w._add_object(stream)
    w.metadata = None  # no /Producer: the clean control has no /Info at all
    if extra is not None:
        extra(w)
    with open(path, "wb") as fh:
        w.write(fh)
    return path


TEXT = b"BT /F1 24 Tf 100 700 Td (Dear " + SECRET.encode() + b" friend) Tj ET"
COVERED = TEXT + b" 0 0 0 rg 90 690 300 40 re f"
BOX = Box(90 * PX, (792 - 730) * PX, 390 * PX, (792 - 690) * PX)


def test_text_under_a_drawn_box_is_found_by_every_reader(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "a.pdf", COVERED)
    report = verify_file(path, [SECRET], {0: [BOX]})
    problems = " | ".join(report.problems)
    for reader in ("pypdf", "pdfium", "pdfminer", "poppler" if shutil.which("pdftotext") else ""):
        assert f"{reader} finds hidden item #1" in problems
    assert "pdfium finds text under box 1 on page 1" in problems
    assert SECRET not in problems
    # without any term, the text under the box is still reported
    assert any("text under box" in p for p in verify_file(path, (), {0: [BOX]}).problems)
    # and the pixels are solid: the drawn box really is black
    assert not any(p.startswith("pixels") for p in report.problems)


def _with_info(w: pypdf.PdfWriter) -> None:
    w.add_metadata({"/Title": f"Letter of {SECRET}"})


def _with_xmp(w: pypdf.PdfWriter) -> None:
    xmp = DecodedStreamObject()
    xmp.set_data(f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><a>{SECRET}</a></x:xmpmeta>'.encode())
    xmp.update(
        {NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")}
    )
    w._root_object[NameObject("/Metadata")] = w._add_object(xmp)


def _with_annotation(w: pypdf.PdfWriter) -> None:
    from pypdf.annotations import Text

    w.add_annotation(0, Text(text=f"from {SECRET}", rect=(10, 10, 30, 30)))


def _with_outline(w: pypdf.PdfWriter) -> None:
    w.add_outline_item(title=f"Letter of {SECRET}", page_number=0)


def _with_attachment(w: pypdf.PdfWriter) -> None:
    w.add_attachment("sender.txt", f"{SECRET}\n".encode())


def _with_js(w: pypdf.PdfWriter) -> None:
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('x');"),
        }
    )
    w._root_object[NameObject("/OpenAction")] = w._add_object(action)


def _with_open_action(w: pypdf.PdfWriter) -> None:
    w.add_uri(0, "https://example.org/", [10, 10, 50, 50])


def _with_actual_text(w: pypdf.PdfWriter) -> None:
    w._root_object[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): pypdf.generic.BooleanObject(True)}
    )
    elem = DictionaryObject(
        {NameObject("/ActualText"): TextStringObject(SECRET), NameObject("/S"): NameObject("/Span")}
    )
    w._root_object[NameObject("/StructTreeRoot")] = w._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructTreeRoot"),
                NameObject("/K"): ArrayObject([w._add_object(elem)]),
            }
        )
    )


def _with_hidden_layer(w: pypdf.PdfWriter) -> None:
    ocg = w._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/OCG"),
                NameObject("/Name"): TextStringObject("layer"),
            }
        )
    )
    w._root_object[NameObject("/OCProperties")] = DictionaryObject(
        {
            NameObject("/OCGs"): ArrayObject([ocg]),
            NameObject("/D"): DictionaryObject({NameObject("/OFF"): ArrayObject([ocg])}),
        }
    )


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (_with_info, "(/Info)"),
        (_with_xmp, "XMP metadata"),
        (_with_annotation, "annotation"),
        (_with_outline, "bookmarks"),
        (_with_attachment, "attachment"),
        (_with_js, "script"),
        (_with_open_action, "link"),
        (_with_actual_text, "ActualText"),
        (_with_hidden_layer, "optional content"),
    ],
)
def test_structure_vectors_are_reported(tmp_path: Path, extra, expected: str) -> None:
    clean = verify_file(_text_pdf(tmp_path / "clean.pdf", b"BT ET"), [SECRET])
    assert clean.ok, clean.problems
    dirty = verify_file(_text_pdf(tmp_path / "dirty.pdf", b"BT ET", extra), [SECRET])
    assert any(expected in p for p in dirty.problems), dirty.problems
    with pytest.raises(LeakDetected) as err:
        check_file(tmp_path / "dirty.pdf", [SECRET])
    assert SECRET not in str(err.value) and err.value.leaks


def test_an_earlier_revision_is_reported(tmp_path: Path) -> None:
    first = _text_pdf(tmp_path / "a.pdf", TEXT)
    w = pypdf.PdfWriter(str(first), incremental=True)
    w.pages[0][NameObject("/Contents")] = w._add_object(DecodedStreamObject())
    out = tmp_path / "b.pdf"
    with open(out, "wb") as fh:
        w.write(fh)
    assert out.read_bytes().count(b"startxref") == 2
    report = verify_file(out, [SECRET])
    assert any("revisions" in p for p in report.problems)
    assert any("bytes: hidden item #1" in p for p in report.problems)  # the old text is there


def test_reused_file_id_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    write_pdf([ExportPage(Image.new("L", (20, 20), 255), 200, ())], path)
    ids = pypdf.PdfReader(path).trailer["/ID"]
    assert verify_file(path, forbidden_ids=[b"other"]).ok
    report = verify_file(path, forbidden_ids=[raw_pdf_string(ids[0])])
    assert any("/ID" in p for p in report.problems)


def _ink_image(fill_box: tuple[int, int, int] | None) -> Image.Image:
    img = Image.new("RGB", (400, 120), "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype("DejaVuSans.ttf", 40) if _has_dejavu() else None
    d.text((20, 30), SECRET, fill="black", font=font)
    if fill_box is not None:  # an 85%-opaque black box over the word
        region = img.crop((10, 20, 300, 100))
        black = Image.new("RGB", region.size, fill_box)
        img.paste(Image.blend(region, black, 0.85), (10, 20))
    return img


def _has_dejavu() -> bool:
    try:
        ImageFont.truetype("DejaVuSans.ttf", 10)
        return True
    except OSError:
        return False


def test_a_translucent_box_is_not_solid(tmp_path: Path) -> None:
    img = _ink_image((0, 0, 0))
    box = Box(10, 20, 300, 100)
    png = tmp_path / "a.png"
    write_png(img, png)
    assert any(p.startswith("pixels") for p in verify_file(png, (), {0: [box]}).problems)
    pdf = tmp_path / "a.pdf"
    write_pdf([ExportPage(img, 200, ())], pdf)
    assert any(p.startswith("pixels") for p in verify_file(pdf, (), {0: [box]}).problems)
    solid = img.copy()
    solid.paste((0, 0, 0), (10, 20, 300, 100))
    write_pdf([ExportPage(solid, 200, ())], pdf)
    assert verify_file(pdf, (), {0: [box]}).ok


def test_image_metadata_is_reported(tmp_path: Path) -> None:
    img = Image.new("RGB", (40, 30), "white")
    exif = Image.Exif()
    exif[0x013B] = SECRET  # Artist
    exif[0x0110] = "Phone"  # Model
    jpg = tmp_path / "a.jpg"
    img.save(jpg, "JPEG", exif=exif.tobytes())
    report = verify_file(jpg, [SECRET])
    assert any("EXIF" in p for p in report.problems)
    assert any("hidden item #1" in p for p in report.problems)
    png = tmp_path / "a.png"
    info = pypdf.generic  # noqa: F841 (keep the import list short)
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    meta.add_text("Comment", "hello")
    img.save(png, "PNG", pnginfo=meta)
    assert any("tEXt" in p for p in verify_file(png).problems)
    write_png(img, png)
    assert verify_file(png).ok
    tif = tmp_path / "a.tif"
    img.save(tif, "TIFF", tiffinfo={315: SECRET})
    assert any("artist" in p for p in verify_file(tif).problems)


def test_our_own_copy_passes_and_reports_in_plain_words(tmp_path: Path) -> None:
    img = Image.new("RGB", (800, 300), "white")
    img.paste((0, 0, 0), (100, 100, 300, 150))
    words = (Word("Dear", Box(20, 100, 90, 150)), Word("friend", Box(320, 100, 450, 150)))
    out = tmp_path / "a.pdf"
    write_pdf([ExportPage(img, 200, words)], out)
    report = check_file(out, [SECRET, "Алматы"], {0: [Box(100, 100, 300, 150)]})
    assert isinstance(report, VerifyReport) and report.ok
    assert report.summary().startswith(f"Checked with {len(report.readers)} readers: nothing of")
    assert "2 hidden items" in report.summary()
    assert {"pypdf", "pdfium", "pdfminer"} <= set(report.readers)


def test_text_file_and_unreadable_file(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("Письмо от Оспановой, Алматы\n", encoding="utf-8")
    assert not verify_file(txt, ["Оспанова"]).ok
    assert verify_file(txt, ["Ерланов"]).ok
    assert not verify_file(tmp_path / "missing.pdf").ok
    broken = tmp_path / "b.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    assert not verify_file(broken).ok  # fail closed


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("письмо от Оспановым вчера", "Оспанов"),
        ("a letter from OSPA-\nNOV today", "Ospanov"),
        ("Kanat   Yessenov", "kanat yessenov"),
        ("Kanat\nYessenov", "Kanat Yessenov"),
    ],
)
def test_terms_are_found_in_their_forms(text: str, term: str) -> None:
    assert find_term_numbers(text, ["unrelated", term]) == {1}


def test_short_terms_do_not_match_inside_words() -> None:
    assert find_term_numbers("caravan and Ivanovo", ["Ivan"]) == set()


def test_ocr_reads_a_burned_image(tmp_path: Path) -> None:
    if not _has_dejavu():
        pytest.skip("no DejaVu font")
    png = tmp_path / "a.png"
    write_png(_ink_image(None), png)
    report = verify_file(png, [SECRET], ocr=True)
    assert "tesseract" in report.readers
    assert any("tesseract finds hidden item #1" in p for p in report.problems)


def _image_pdf(path: Path, img: Image.Image, cover: bool) -> Path:
    """A page showing `img` full-page, optionally with a black box drawn over the secret."""
    w = pypdf.PdfWriter()
    w.metadata = None
    page = w.add_blank_page(img.width * 72 / 200, img.height * 72 / 200)
    xobj = DecodedStreamObject()
    xobj.set_data(img.convert("RGB").tobytes())
    xobj.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(img.width),
            NameObject("/Height"): NumberObject(img.height),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): w._add_object(xobj)})}
    )
    wpt, hpt = img.width * 72 / 200, img.height * 72 / 200
    ops = f"q {wpt} 0 0 {hpt} 0 0 cm /Im0 Do Q".encode()
    if cover:  # black box over pixels (10, 20)-(300, 100)
        s = 72 / 200
        ops += f" 0 0 0 rg {10 * s} {hpt - 100 * s} {290 * s} {80 * s} re f".encode()
    content = DecodedStreamObject()
    content.set_data(ops)
    page[NameObject("/Contents")] = w._add_object(content)
    with open(path, "wb") as fh:
        w.write(fh)
    return path


def test_an_image_under_a_drawn_box_is_reported(tmp_path: Path) -> None:
    img = _ink_image(None)
    box = Box(10, 20, 300, 100)
    dirty = verify_file(_image_pdf(tmp_path / "a.pdf", img, cover=True), (), {0: [box]})
    assert not any(p.startswith("pixels") for p in dirty.problems)  # it looks black...
    assert any("an image under box 1" in p for p in dirty.problems)  # ...but the image is intact
    solid = img.copy()
    solid.paste((0, 0, 0), (10, 20, 300, 100))
    clean = verify_file(_image_pdf(tmp_path / "b.pdf", solid, cover=True), (), {0: [box]})
    assert clean.ok, clean.problems


@pytest.mark.parametrize(
    ("text", "found"),
    [("отряд № 6, рядом", True), ("отряд №6.", True), ("ИК-6 и 6.84", False), ("№ 61", False)],
)
def test_short_terms_match_exactly_with_their_symbols(text: str, found: bool) -> None:
    assert (find_term_numbers(text, ["№ 6"]) == {0}) is found


def test_short_terms_are_not_searched_in_pdf_operators(tmp_path: Path) -> None:
    # our own copy's content stream is full of numbers ("/F1 6.84 Tf"): no false leak
    img = Image.new("RGB", (800, 300), "white")
    words = tuple(
        Word(t, Box(20 + 120 * k, 100, 100 + 120 * k, 121)) for k, t in enumerate("a b 6 c".split())
    )
    out = tmp_path / "a.pdf"
    write_pdf([ExportPage(img, 200, words)], out)
    assert verify_file(out, ["№ 6", "Tz", "Do"]).ok
    assert not verify_file(out, ["6"]).ok  # a visible "6" is found by the text readers


def test_a_tounicode_map_that_spells_the_secret_is_found() -> None:
    from redactor.core.verify import cmap_text

    spelled = b"".join(b"<%02X> <%04X>\n" % (k + 1, ord(c)) for k, c in enumerate(SECRET))
    cmap = b"begincmap %d beginbfchar\n%s endbfchar endcmap" % (len(SECRET), spelled)
    assert find_term_numbers(cmap_text(cmap), [SECRET]) == {0}


def test_our_tounicode_map_spells_nothing(tmp_path: Path) -> None:
    from redactor.core.export.pdf import to_unicode_cmap
    from redactor.core.verify import cmap_text

    # the map is in code-point order: the used letters sorted, never the words
    assert cmap_text(to_unicode_cmap(list("Ospanov"))) == "O\na\nnop\ns\nv"
    assert find_term_numbers(cmap_text(to_unicode_cmap(list("Ospanov"))), [SECRET]) == set()


def test_ocr_reads_an_image_hidden_under_a_drawn_box(tmp_path: Path) -> None:
    if not _has_dejavu():
        pytest.skip("no DejaVu font")
    big = _ink_image(None).resize((800, 240))
    dirty = _image_pdf(tmp_path / "b.pdf", big, cover=True)
    report = verify_file(dirty, [SECRET], ocr=True)
    assert any("in image 1 on page 1" in p for p in report.problems), report.problems


@pytest.mark.parametrize("word", ["Name", "Font", "Page", "Adobe", "Identity", "Image", "Length"])
def test_hidden_words_that_are_pdf_syntax_are_no_leak(tmp_path: Path, word: str) -> None:
    # our own copy is made of /FontName, /Type /Page, /Image ...: a hidden word "Page" or
    # "Name" (a surname, a form label) must not be found in the syntax
    img = Image.new("RGB", (400, 200), "white")
    out = tmp_path / "a.pdf"
    write_pdf([ExportPage(img, 200, (Word("Dear", Box(10, 10, 80, 40)),))], out)
    report = verify_file(out, [word])
    assert report.ok, report.problems


def test_a_name_in_a_pdf_string_is_found_in_the_raw_bytes(tmp_path: Path) -> None:
    path = _text_pdf(tmp_path / "a.pdf", b"BT ET", _with_info)
    assert any(p.startswith("bytes: hidden item #1") for p in verify_file(path, [SECRET]).problems)
