"""Marks in a page's pixels (core/marks.py): barcodes and QR codes, a censor's stamp, a signature
under a typed letter and a face in an enclosed photo, on pages made here. Each is found, boxed
under the strict profile, and gone from the exported copy (the copy is decoded again for symbols
and the face detector runs again on it); a symbol left readable stops the export."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from redactor.core import jobs
from redactor.core.errors import LeakDetected
from redactor.core.marks import face_boxes, find_marks, read_symbols, stamp_boxes
from redactor.core.model import PROFILES, Box, Label, ReviewState, Word
from redactor.core.plan import set_state
from tests.support.cli import run_cli
from tests.support.marks import (
    DPI,
    code128_image,
    draw_signature,
    draw_stamp,
    face_photo,
    letter_with,
    qr_image,
    typed_page,
)

pytest.importorskip("zxingcpp")
skimage = pytest.importorskip("skimage")


def _words(lines: int = 8, top: int = 220) -> list[Word]:
    """Word boxes where typed_page writes its lines (what a reader would give)."""
    return [
        Word("word", Box(170 + i * 120, top + n * 60, 270 + i * 120, top + 35 + n * 60), 95)
        for n in range(lines)
        for i in range(10)
    ]


def _covers(box: Box, where: tuple[int, int, int, int], share: float = 0.9) -> bool:
    x0, y0, x1, y1 = where
    w = max(0.0, min(box.x1, x1) - max(box.x0, x0))
    h = max(0.0, min(box.y1, y1) - max(box.y0, y0))
    return w * h >= share * (x1 - x0) * (y1 - y0)


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("qr", Label.BARCODE),
        ("code128", Label.BARCODE),
        ("stamp", Label.STAMP),
        ("signature", Label.SIGNATURE),
        ("handwriting", Label.HANDWRITING),
        ("face", Label.FACE),
    ],
)
def test_each_kind_is_found_where_it_is(kind: str, label: str) -> None:
    page, where = letter_with(kind)
    marks = find_marks(page, DPI, _words())
    assert [m.label for m in marks] == [label], marks
    if kind == "face":  # the head, not the whole photo
        x0, y0, _x1, _y1 = where
        head = (x0 + 250, y0 + 100, x0 + 380, y0 + 200)  # astronaut's face at 700 px wide
        assert _covers(marks[0].box, head)
    else:
        assert _covers(marks[0].box, where)


def test_a_symbols_box_holds_its_quiet_zone_and_its_text_is_kept_for_the_screen() -> None:
    page = typed_page()
    code = qr_image("https://post.example/t/RR9", scale=6)
    page.paste(code, (900, 1400))
    [mark] = find_marks(page, DPI, _words())
    assert mark.kind == "QR Code" and mark.content == "https://post.example/t/RR9"
    # zxing's image has a quiet zone of 1 module; the box holds 4 modules around the symbol
    module = code.width / (25 + 2)  # version 2: 25 modules
    symbol = (900 + module, 1400 + module, 900 + code.width - module, 1400 + code.height - module)
    assert mark.box.x0 <= symbol[0] - 4 * module + 1 and mark.box.y0 <= symbol[1] - 4 * module + 1
    assert mark.box.x1 >= symbol[2] + 4 * module - 1 and mark.box.y1 >= symbol[3] + 4 * module - 1
    # burned, nothing decodes
    arr = np.asarray(page).copy()
    b = mark.box
    arr[int(b.y0) : int(b.y1) + 1, int(b.x0) : int(b.x1) + 1] = 0
    assert read_symbols(Image.fromarray(arr), DPI) == []


def test_a_plain_typed_letter_has_no_marks() -> None:
    for seed in range(3):
        assert find_marks(typed_page(seed=seed), DPI, _words()) == ()


def test_blue_handwriting_is_no_stamp_and_a_line_is_no_signature() -> None:
    page = typed_page()
    for n in range(6):  # a blue pen's lines of writing
        draw_signature(
            page, (200, 1200 + n * 90, 1400, 1260 + n * 90), seed=n, colour=(30, 40, 160)
        )
    rgb = np.asarray(page.resize((827, 1170)))
    assert stamp_boxes(rgb, 100) == []
    ruled = typed_page()
    arr = np.asarray(ruled).copy()
    arr[1500:1504, 200:1400] = 0  # an underline rule
    arr[1400:1700, 200:204] = 0
    assert find_marks(Image.fromarray(arr), DPI, _words()) == ()


def test_faces_of_different_sizes_and_turns_are_found() -> None:
    found = 0
    cases = [(size, angle) for size in (400, 700, 1000) for angle in (0, -12, 12)]
    for size, angle in cases:
        page = typed_page(lines=3)
        page.paste(face_photo(size=size, angle=angle), (300, 500))
        rgb = np.asarray(page.resize((827, 1170)))
        found += bool(face_boxes(rgb, 100))
    assert found >= len(cases) - 2, found


def test_marks_are_in_the_strict_profile_only() -> None:
    for label in (Label.BARCODE, Label.FACE, Label.STAMP, Label.SIGNATURE, Label.HANDWRITING):
        assert label in PROFILES["strict"]
        assert label not in PROFILES["names"]


def _marked_letter(tmp_path: Path) -> Path:
    """One typed page with a QR code, a Code 128, a blue stamp, a signature and a photo."""
    page = typed_page(lines=6)
    page.paste(qr_image(), (1250, 120))
    page.paste(code128_image(), (200, 620))
    draw_stamp(page, (1300, 800), radius=140)
    draw_signature(page, (950, 1080, 1450, 1230), seed=3)
    page.paste(face_photo(size=560), (200, 1350))
    path = tmp_path / "letter.png"
    page.save(path, dpi=(DPI, DPI))
    return path


def test_found_boxed_and_gone_from_the_copy(tmp_path: Path) -> None:
    letter = _marked_letter(tmp_path)
    analysis = jobs.analyse(letter, jobs.AnalysisOptions(detect=False, accept=True))
    labels = sorted(f.span.label for f in analysis.findings if f.span.label != Label.UNREAD)
    assert labels == sorted(
        [Label.BARCODE, Label.BARCODE, Label.STAMP, Label.SIGNATURE, Label.FACE]
    ), labels
    # boxed by default (strict), and the signature is unread ink for the gate
    accepted = {r.label for r in analysis.plan.redactions if r.state == ReviewState.ACCEPTED}
    assert {Label.BARCODE, Label.STAMP, Label.SIGNATURE, Label.FACE} <= accepted
    assert analysis.document.pages[0].needs_eyes
    with pytest.raises(Exception, match="unread ink"):
        jobs.export(analysis, analysis.plan, tmp_path / "gated.png", jobs.ExportOptions(fmt="png"))
    out = tmp_path / "copy.png"
    options = jobs.ExportOptions(fmt="png", accept_unread=True, color=True)
    jobs.export(analysis, analysis.plan, out, options)
    with Image.open(out) as im:
        copy = im.convert("RGB")
    assert read_symbols(copy, DPI) == []
    small = np.asarray(copy.resize((copy.width // 2, copy.height // 2)))
    assert stamp_boxes(small, DPI // 2) == []
    page = analysis.document.pages[0]
    again = find_marks(copy, DPI, page.words)
    # No mark is found again where one was (the cascade may answer elsewhere in the photo, to
    # the edge of the burned box: not the face, which is gone).
    before = [f.boxes[0] for f in analysis.findings if f.span.label != Label.UNREAD]
    assert not [m for m in again if any(m.box.contains_center_of(b) for b in before)], again
    assert not [m for m in again if m.label != Label.FACE], again


def test_a_symbol_left_readable_stops_the_export_unless_the_editor_kept_it(
    tmp_path: Path,
) -> None:
    page = typed_page()
    page.paste(qr_image(), (1100, 1500))
    letter = tmp_path / "label.png"
    page.save(letter, dpi=(DPI, DPI))
    analysis = jobs.analyse(letter, jobs.AnalysisOptions(detect=False, accept=True))
    [code] = [r for r in analysis.plan.redactions if r.label == Label.BARCODE]
    # a box that misses most of the symbol: the final check decodes the copy and refuses it
    narrow = analysis.plan.__class__(
        analysis.plan.document,
        analysis.plan.pages,
        tuple(
            r.__class__(**{**r.__dict__, "box": Box(r.box.x0, r.box.y0, r.box.x0 + 20, r.box.y1)})
            if r.id == code.id
            else r
            for r in analysis.plan.redactions
        ),
        analysis.plan.fingerprint,
        analysis.plan.key_id,
    )
    options = jobs.ExportOptions(fmt="pdf", accept_unread=True)
    with pytest.raises(LeakDetected) as err:
        jobs.export(analysis, narrow, tmp_path / "leaky.pdf", options)
    assert "QR Code still decodes" in str(err.value)
    assert "post.example" not in str(err.value)  # never the content
    assert err.value.places and err.value.places[0].label == Label.BARCODE
    assert not (tmp_path / "leaky.pdf").exists()
    # rejected by the editor: left readable on purpose, the copy is written
    kept = set_state(analysis.plan, [code.id], ReviewState.REJECTED)
    jobs.export(analysis, kept, tmp_path / "kept.pdf", options)
    assert (tmp_path / "kept.pdf").exists()


def test_the_command_line_lists_marks_with_their_kind_never_the_content(tmp_path: Path) -> None:
    page, _ = letter_with("code128")
    letter = tmp_path / "label.png"
    page.save(letter, dpi=(DPI, DPI))
    done = run_cli("detect", "--json", letter)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    [item] = [f for f in result["findings"] if f["label"] == "BARCODE"]
    assert item["kind"] == "Code 128" and "text" not in item
    assert "RR123456785KZ" not in done.stdout + done.stderr
    shown = run_cli("detect", "--json", "--show-text", letter)
    [item] = [f for f in json.loads(shown.stdout)["findings"] if f["label"] == "BARCODE"]
    assert item["text"] == "RR123456785KZ"


def test_marks_are_found_in_the_confined_read_lane(tmp_path: Path) -> None:
    """zxing-cpp, OpenCV and scikit-image's cascade load and run inside a sandboxed worker."""
    from redactor.core import lanes, pipeline

    protection = lanes.protection("read")
    if not protection.complete:
        pytest.skip("the workers are not confined here: " + "; ".join(protection.lines()))
    opened = pipeline.read_document(_marked_letter(tmp_path))
    try:
        labels = sorted(m.label for m in opened.document.pages[0].marks)
    finally:
        opened.close()
    assert labels == sorted(
        [Label.BARCODE, Label.BARCODE, Label.STAMP, Label.SIGNATURE, Label.FACE]
    ), labels


def test_the_unread_pieces_of_handwriting_are_one_region_for_the_gate() -> None:
    from redactor.core.marks import with_hand_marks
    from redactor.core.model import Mark

    hand = Mark(Label.HANDWRITING, Box(100, 100, 900, 500), "handwriting")
    pieces = (Box(120, 120, 300, 180), Box(400, 300, 880, 360), Box(90, 440, 200, 520))
    elsewhere = Box(100, 1000, 300, 1050)
    merged = with_hand_marks((*pieces, elsewhere), [hand])
    assert elsewhere in merged and len(merged) == 2
    [region] = [b for b in merged if b != elsewhere]
    assert region == Box(90, 100, 900, 520)  # the mark's box, grown to hold every piece
    # a signature no reader tried to read is unread ink all the same
    sign = Mark(Label.SIGNATURE, Box(600, 1200, 900, 1300), "signature")
    assert with_hand_marks((), [sign]) == (sign.box,)
    stamp = Mark(Label.STAMP, Box(600, 1200, 900, 1300), "round stamp")
    assert with_hand_marks((), [stamp]) == ()


def test_a_violet_framed_stamp_is_found() -> None:
    from PIL import ImageDraw, ImageFont

    from tests.support.marks import FONT_BOLD

    page = typed_page()
    draw = ImageDraw.Draw(page)
    violet = (110, 40, 150)
    draw.rectangle((900, 1300, 1380, 1520), outline=violet, width=6)
    font = ImageFont.truetype(FONT_BOLD, 48)
    draw.text((1140, 1370), "ПРОВЕРЕНО", fill=violet, font=font, anchor="mm")
    draw.text((1140, 1450), "ЦЕНЗОР № 12", fill=violet, font=font, anchor="mm")
    [mark] = find_marks(page, DPI, _words())
    assert mark.label == Label.STAMP and mark.kind == "framed stamp"
    assert _covers(mark.box, (900, 1300, 1380, 1520))
