"""PNG without metadata, and the text export with label placeholders."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from redactor.core.export.png import write_png
from redactor.core.export.txt import write_txt
from redactor.core.model import Box, PageText, Word
from redactor.core.plan import Redaction


def _chunks(data: bytes) -> list[bytes]:
    out, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        out.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return out


def _dirty_image() -> Image.Image:
    img = Image.new("RGB", (64, 48), (240, 240, 240))
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x013B] = "Artist Ospanov"
    exif[0x0110] = "Camera model"
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Ospanov")
    img.save(buf, "PNG", pnginfo=info, exif=exif.tobytes(), dpi=(300, 300))
    dirty = Image.open(io.BytesIO(buf.getvalue()))
    dirty.load()
    assert dirty.info.get("Author") and dirty.info.get("exif")
    return dirty


@pytest.mark.parametrize("mode", ["RGB", "L", "1", "RGBA"])
def test_png_has_image_chunks_only(tmp_path: Path, mode: str) -> None:
    img = _dirty_image()
    img = img.convert(mode) if mode != "RGB" else img
    img.info.update({"Author": "Ospanov", "icc_profile": b"x" * 20})
    out = tmp_path / "a.png"
    write_png(img, out)
    data = out.read_bytes()
    assert set(_chunks(data)) <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}
    assert b"Ospanov" not in data
    again = Image.open(out)
    assert again.size == (64, 48) and "A" not in again.mode


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool missing")
def test_exiftool_sees_no_metadata_in_png(tmp_path: Path) -> None:
    out = tmp_path / "a.png"
    write_png(_dirty_image(), out)
    res = subprocess.run(["exiftool", "-j", "-ee", str(out)], capture_output=True, check=True)
    tags = json.loads(res.stdout)[0]
    for key in ("Artist", "Author", "Model", "GPSLatitude", "SerialNumber", "ICCProfileName"):
        assert key not in tags
    assert "PixelsPerUnitX" not in tags  # no pHYs either


def _page(index: int, lines: list[list[str]]) -> PageText:
    words = []
    for ln, texts in enumerate(lines):
        x = 10.0
        for t in texts:
            words.append(Word(t, Box(x, 10 + 40 * ln, x + 20 * len(t), 40 + 40 * ln), line=ln))
            x += 20 * len(t) + 15
    return PageText(index, 2000, 1000, 200, tuple(words))


def _red(rid: str, page: PageText, idxs: list[int], label: str, group: str = "") -> Redaction:
    box = page.words[idxs[0]].box
    for i in idxs[1:]:
        box = box.union(page.words[i].box)
    return Redaction(rid, page.index, box, label, "detector", "accepted", group, word_indexes=())


def test_txt_replaces_runs_with_one_placeholder_and_keeps_punctuation(tmp_path: Path) -> None:
    p0 = _page(0, [["Dear", "editors,"], ["my", "brother", "Kanat", "Yessenov,", "is", "in"]])
    p1 = _page(1, [["Pavlodar.", "Write", "to", "b.yessenov@inbox.kz"]])
    # one redaction over two words, then two redactions of one group, then an e-mail
    reds = {
        0: [_red("r1", p0, [4, 5], "PERSON")],
        1: [_red("r2", p1, [0], "LOCATION", "g2"), _red("r3", p1, [3], "EMAIL")],
    }
    out = tmp_path / "a.txt"
    write_txt([p0, p1], reds, out)
    text = out.read_text(encoding="utf-8")
    assert "Kanat" not in text and "Yessenov" not in text.replace("[", "")
    assert "yessenov" not in text.lower() and "Pavlodar" not in text
    assert "my brother [NAME], is in" in text
    assert text.count("[NAME]") == 1
    assert "[PLACE]. Write to [EMAIL]" in text
    assert "\f" in text  # page break
    assert text.startswith("Dear editors,\n")


def test_txt_uses_word_boxes_when_the_redaction_lists_no_words(tmp_path: Path) -> None:
    p0 = _page(0, [["Dear", "Ospanov", "hello"]])
    box = Box(p0.words[1].box.x0 + 5, 15, p0.words[1].box.x0 + 30, 30)  # part of the word
    out = tmp_path / "a.txt"
    write_txt([p0], {0: [Redaction("r1", 0, box, "MANUAL", "manual", "accepted")]}, out)
    assert out.read_text(encoding="utf-8").strip() == "Dear [REDACTED] hello"
