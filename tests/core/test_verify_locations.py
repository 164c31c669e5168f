"""The final check says where it found each hidden item, and what an export does with that:
box the places it can locate, refuse (exit 4, naming where, never the text) what it cannot.
Numbers that are PDF syntax (coordinates, lengths, offsets) are no leak; in a string they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.cli.main import main as cli_main
from redactor.core.export import safe
from redactor.core.export.recheck import locate, refusal
from redactor.core.model import Document
from redactor.core.verify import verify_file
from tests.support.rawpdf import RawPdf, text_ops

NAME = "Ospanov"
A4 = (595, 842)


def _page_with(content: bytes, path: Path, extra: bytes = b"") -> Path:
    pdf = RawPdf()
    pdf.page(content, size=A4, extra=extra)
    return pdf.write(path)


def test_numbers_in_pdf_syntax_are_no_leak(tmp_path: Path) -> None:
    """A date or a phone's part among a copy's coordinates and dictionary numbers used to stop
    the export of 18 joined scans ("13 13" in "1 0 0 1 13 13 cm")."""
    content = b"q 1 0 0 1 13 13 cm Q\n" + text_ops([(60, 700, "Hello world")])
    path = _page_with(content, tmp_path / "a.pdf", extra=b"/StructParents 2023")
    report = verify_file(path, ["13 13", "2023"])
    assert report.ok, report.problems


@pytest.mark.parametrize(
    "content, extra, loose",
    [
        (text_ops([(60, 700, "born 2023, cell 13 13")]), b"", b""),  # shown text
        (b"% 2023 13 13\n" + text_ops([(60, 700, "Hello")]), b"", b""),  # a comment in a stream
        (text_ops([(60, 700, "Hello")]), b"/Note (2023 13 13)", b""),  # a structure string
        (text_ops([(60, 700, "Hello")]), b"", b"call on 2023 13 13 soon\n"),  # plain text
    ],
    ids=["shown", "stream-comment", "structure-string", "plain-text-stream"],
)
def test_the_same_numbers_in_text_are_a_leak(
    tmp_path: Path, content: bytes, extra: bytes, loose: bytes
) -> None:
    pdf = RawPdf()
    pdf.page(content, size=A4, extra=extra)
    if loose:
        pdf.stream(loose, flate=False)  # an object no page uses (a writer's leftover)
    path = pdf.write(tmp_path / "a.pdf")
    report = verify_file(path, ["13 13", "2023"])
    assert not report.ok


@pytest.mark.parametrize(
    "file_id, leak",
    [
        (bytes.fromhex("A1552ADA00C0FFEE0123456789ABCDEF"), False),  # spells "155" and "ADA"
        (b"Ada 155 Ospanov!", True),  # a writer that put the name in the /ID
    ],
    ids=["random-hex-spells-terms", "name-in-the-id"],
)
def test_a_file_id_is_searched_for_what_its_bytes_say(
    tmp_path: Path, file_id: bytes, leak: bool
) -> None:
    """A copy's random trailer /ID is hex: its digits spelled a hidden number or a name of the
    letters A to F by chance and refused a clean export now and then ("155", "Ada"). What the
    /ID's bytes say is searched instead."""
    pdf = RawPdf()
    pdf.page(text_ops([(60, 700, "Hello world")]), size=A4)
    path = pdf.write(tmp_path / "a.pdf", file_id=file_id)
    assert file_id.hex().encode() in path.read_bytes().lower()
    report = verify_file(path, ["155", "Ada", NAME])
    assert report.ok is not leak, report.problems


def test_a_page_text_hit_is_located_with_a_box(tmp_path: Path) -> None:
    path = _page_with(text_ops(BODY := [(60, 700, f"Dear {NAME} and friends")]), tmp_path / "a.pdf")
    assert BODY
    report = verify_file(path, [NAME], dpi=100)
    assert not report.ok
    boxed = [loc for loc in report.locations if loc.box is not None]
    assert boxed and all(loc.page == 0 and loc.item == 0 for loc in boxed)
    box = boxed[0].box
    assert box is not None
    # "Ospanov" starts after "Dear " (14 pt Helvetica: 34 pt) at x = 94 pt: 131 px at 100 dpi
    assert 120 < box.x0 < 140 and box.x1 < 300
    assert 100 < box.y0 < box.y1 < 220  # 842 - 700 pt from the top, at 100 dpi: ~197 px


def test_an_item_in_the_raw_bytes_is_named_by_its_place(tmp_path: Path) -> None:
    """A term planted outside every page (a writer bug) cannot be boxed: the refusal names
    the place, never the term."""
    path = _page_with(text_ops([(60, 700, "Hello world")]), tmp_path / "a.pdf")
    data = path.read_bytes()
    path.write_bytes(data + b"% " + NAME.encode() + b"\n")
    report = verify_file(path, ["Hello there", NAME])
    assert not report.ok
    [loc] = [loc for loc in report.locations if loc.reader == "bytes"]
    assert loc.page is None and loc.item == 1
    assert loc.describe() == "hidden item #2: raw bytes of the file, not on a page (bytes)"
    document = Document(str(path), "pdf", ())
    further = locate(report, path, ["Hello there", NAME], ["TERM", "PERSON"], document, {}, {}, {})
    assert not further.boxes and loc.describe() in further.unplaced
    message = refusal(further, report, True)
    assert "raw bytes of the file, not on a page" in message and NAME not in message


def test_a_writer_bug_leak_is_refused_with_exit_4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The export boxes the name; a (simulated) writer bug then plants it in the file's bytes.
    Boxing cannot help: the CLI exits 4, names where, and leaves nothing behind."""
    src = _page_with(
        text_ops([(60, 700, f"Letter from {NAME} to the editor")]), tmp_path / "in.pdf"
    )
    real_write = safe.write_pdf

    def buggy_write(pages, fh, **kwargs):  # type: ignore[no-untyped-def]
        real_write(pages, fh, **kwargs)
        fh.write(b"% " + NAME.encode() + b"\n")

    monkeypatch.setattr(safe, "write_pdf", buggy_write)
    terms = tmp_path / "terms.txt"
    terms.write_text(NAME + "\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    rc = cli_main(
        ["redact", str(src), "-o", str(out_dir / "copy.pdf"), "--deny", str(terms), "--no-detect"]
    )
    err = capsys.readouterr().err
    assert rc == 4, err
    assert "hidden item #1: raw bytes of the file, not on a page" in err
    assert NAME not in err
    assert list(out_dir.iterdir()) == []


def test_an_item_found_again_under_a_box_is_refused_naming_page_and_region(tmp_path: Path) -> None:
    """Boxing again where a box already is cannot help: the refusal names the page and region."""
    from redactor.core.model import Box, PageText
    from redactor.core.verify import Location, VerifyReport

    problem = "tesseract finds hidden item #1 in page 1"
    box = Box(100, 200, 220, 230)
    report = VerifyReport(
        "copy.pdf",
        ("tesseract",),
        1,
        (problem,),
        locations=(Location(0, "tesseract", problem, 0, box),),
    )
    document = Document("in.pdf", "pdf", (PageText(0, 1000, 1400, 200),))
    covers = {0: [Box(90, 190, 240, 240)]}
    further = locate(
        report, tmp_path / "x.pdf", [NAME], ["PERSON"], document, covers, {0: 200}, {0: 1.0}
    )
    assert not further.boxes
    assert further.unplaced == ["hidden item #1: page 1, region 100,200-220,230 px (tesseract)"]
    # ... and a place not yet boxed is boxed
    further = locate(
        report, tmp_path / "x.pdf", [NAME], ["PERSON"], document, {0: []}, {0: 200}, {0: 1.0}
    )
    assert not further.unplaced and [label for _, label in further.boxes[0]] == ["PERSON"]
