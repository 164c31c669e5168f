"""Leak vectors that live in a PDF's structure: text under a drawn box, earlier revisions,
metadata, annotations, forms, scripts, actions, attachments, tags, bookmarks, links, hidden
layers, a ToUnicode map, the file's name and title.

Each vector builds its dirty PDF byte by byte, runs the real `redactor redact` with the secret as
a term, and checks the copy with readers other than ours; the same check must fail on the dirty
input (the control), `redactor verify` must flag the dirty input (exit 4) and pass the copy.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.support.battery import (
    Battery,
    Built,
    Vector,
    byte_scan,
    copy_findings,
    metadata_readers,
    params,
    structure_scan,
    text_readers,
    verify_rc,
)
from tests.support.cli import run_cli, terms_file
from tests.support.rawpdf import RawPdf, incremental_update, text_ops
from tests.support.readers import (
    mutool_outline,
    pdfdetach_count,
    pdfminer_text,
    pdftotext,
    qpdf_keys,
    qpdf_trailer_id,
    text_has,
    toc_strings,
)

SECRET = "Ospanov"
CLEAN_LINES = [(20, 150, "Dear friend, all is well here."), (20, 120, "The weather is fine today.")]
SECRET_LINES = [(20, 150, f"Dear {SECRET}, all is well here."), CLEAN_LINES[1]]

Build = tuple[Path, list[str], dict[str, Any]]


def _keys(*wanted: str):
    def check(path: Path, b: Built) -> list[str]:
        found = [f"qpdf finds {k}" for k in sorted(qpdf_keys(path) & set(wanted))]
        return found + byte_scan(path, b.terms)

    return check


# --- builders ----------------------------------------------------------------------------------


def build_text_under_box(folder: Path) -> Build:
    pdf = RawPdf()
    # "Dear " is 34.2 pt wide in Helvetica 14: the name runs from x=54 to x=110
    pdf.page(text_ops(SECRET_LINES) + b"0 g 52 145 62 18 re f\n")
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_text_under_box(path: Path, b: Built) -> list[str]:
    return text_readers(path, b.terms) + byte_scan(path, b.terms)


def build_revision(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(SECRET_LINES))
    content = pdf.pages[0] - 1
    first = pdf.bytes()
    clean = text_ops(CLEAN_LINES)
    body = b"<< /Length %d >>\nstream\n" % len(clean) + clean + b"\nendstream"
    path = folder / "dirty.pdf"
    path.write_bytes(incremental_update(first, {content: body}))
    assert not text_has(pdftotext(path), SECRET)  # the current revision shows no name
    return path, [SECRET], {}


def check_revision(path: Path, b: Built) -> list[str]:
    data = path.read_bytes()
    found = byte_scan(path, b.terms)
    if data.count(b"%%EOF") > 1:
        found.append(f"the file has {data.count(b'%%EOF')} revisions")
        earlier = path.with_name(path.stem + ".rev1.pdf")
        earlier.write_bytes(data[: data.find(b"%%EOF") + 6])
        found += [f"revision 1: {f}" for f in text_readers(earlier, b.terms)]
    return found


def build_info(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(CLEAN_LINES))
    info = b"<< /Title (Letter from Ospanov) /Author (A. Ospanov) /Keywords (Ospanov)"
    info += b" /Subject (prison letter) /Creator (Scanner 3000) >>"
    return pdf.write(folder / "dirty.pdf", info=info), [SECRET], {}


def check_info(path: Path, b: Built) -> list[str]:
    info = [f for f in structure_scan(path) if f.startswith("pdfinfo shows")]
    return metadata_readers(path, b.terms) + info


def build_xmp(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(CLEAN_LINES))
    xmp = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator><rdf:Seq><rdf:li>{SECRET}</rdf:li></rdf:Seq></dc:creator>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()
    num = pdf.stream(xmp, b"/Type /Metadata /Subtype /XML", flate=False)
    pdf.catalog_extra = b"/Metadata %d 0 R" % num
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_xmp(path: Path, b: Built) -> list[str]:
    found = metadata_readers(path, b.terms)
    return found + [f"qpdf finds {k}" for k in qpdf_keys(path) & {"/Metadata"}]


def build_pieceinfo(folder: Path) -> Build:
    pdf = RawPdf()
    extra = b"/PieceInfo << /LetterApp << /LastModified (D:20240101000000Z)"
    extra += b" /Private << /Sender (Ospanov) >> >> >> /LastModified (D:20240101000000Z)"
    pdf.page(text_ops(CLEAN_LINES), extra=extra)
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def build_trailer_id(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(SECRET_LINES))
    path = pdf.write(folder / "dirty.pdf", file_id=bytes(range(7, 23)))
    return path, [SECRET], {"id": qpdf_trailer_id(path)}


def check_trailer_id(path: Path, b: Built) -> list[str]:
    found = text_readers(path, b.terms)
    ids = qpdf_trailer_id(path)
    if not ids:
        return found + ["no /ID"]
    if set(ids) & set(b.ctx["id"]):
        found.append("the /ID is the input's")
    return found


def _annot_page(pdf: RawPdf, annots: list[bytes], content: bytes | None = None) -> int:
    page = pdf.reserve()
    nums = [pdf.add(a.replace(b"$PAGE", b"%d 0 R" % page)) for a in annots]
    contents = pdf.stream(content if content is not None else text_ops(CLEAN_LINES))
    refs = b" ".join(b"%d 0 R" % n for n in nums)
    pdf.set(
        page,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 %d 0 R"
        b" >> >> /Contents %d 0 R /Annots [%s] >>" % (pdf.font, contents, refs),
    )
    pdf.pages.append(page)
    return page


def build_annotation(folder: Path) -> Build:
    pdf = RawPdf()
    _annot_page(
        pdf,
        [
            b"<< /Type /Annot /Subtype /Text /Rect [250 170 270 190] /P $PAGE"
            b" /Contents (Call Ospanov's sister) /T (Ospanov) /Open false >>"
        ],
    )
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def build_form(folder: Path) -> Build:
    pdf = RawPdf()
    ap = pdf.stream(
        b"/Tx BMC BT /F1 12 Tf 2 5 Td (Ospanov) Tj ET EMC",
        b"/Type /XObject /Subtype /Form /BBox [0 0 180 20] /Resources << /Font << /F1 %d 0 R"
        b" >> >>" % pdf.font,
    )
    field = (
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (sender) /V (Ospanov) /DA (/F1 12 Tf 0 g)"
        b" /Rect [20 40 200 60] /P $PAGE /AP << /N %d 0 R >> /F 4 >>" % ap
    )
    page = _annot_page(pdf, [field])
    field_num = page + 1
    pdf.catalog_extra = b"/AcroForm << /Fields [%d 0 R] /DA (/F1 0 Tf 0 g) >>" % field_num
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def build_javascript(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(CLEAN_LINES))
    js = pdf.add(b"<< /S /JavaScript /JS (app.alert\\('From Ospanov'\\);) >>")
    pdf.catalog_extra = b"/Names << /JavaScript << /Names [(greet) %d 0 R] >> >>" % js
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def build_open_action(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(CLEAN_LINES))
    pdf.catalog_extra = b"/OpenAction << /S /URI /URI (https://example.org/letters/ospanov) >>"
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def build_attachment(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(CLEAN_LINES))
    ef = pdf.stream(b"Letter from A. Ospanov, cell 14\n", b"/Type /EmbeddedFile")
    spec = pdf.add(
        b"<< /Type /Filespec /F (Ospanov.txt) /UF (Ospanov.txt) /EF << /F %d 0 R >> >>" % ef
    )
    pdf.catalog_extra = b"/Names << /EmbeddedFiles << /Names [(Ospanov.txt) %d 0 R] >> >>" % spec
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_attachment(path: Path, b: Built) -> list[str]:
    found = byte_scan(path, b.terms)
    return found + (["pdfdetach lists attachments"] if pdfdetach_count(path) else [])


def build_bookmarks(folder: Path) -> Build:
    pdf = RawPdf()
    page = pdf.page(text_ops(CLEAN_LINES))
    outlines = pdf.reserve()
    item = pdf.add(
        b"<< /Title (Letter of Ospanov) /Parent %d 0 R /Dest [%d 0 R /Fit] >>" % (outlines, page)
    )
    pdf.set(outlines, b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count 1 >>" % (item, item))
    pdf.catalog_extra = b"/Outlines %d 0 R /PageMode /UseOutlines" % outlines
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_bookmarks(path: Path, b: Built) -> list[str]:
    found = [
        f"mutool outline shows #{n + 1}"
        for n, t in enumerate(b.terms)
        if text_has(mutool_outline(path), t)
    ]
    return found + _keys("/Outlines")(path, b)


def build_link(folder: Path) -> Build:
    pdf = RawPdf()
    _annot_page(
        pdf,
        [
            b"<< /Type /Annot /Subtype /Link /Rect [20 110 200 130] /Border [0 0 0]"
            b" /A << /S /URI /URI (https://ospanov.example.org/family) >> >>"
        ],
    )
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def build_hidden_layer(folder: Path) -> Build:
    pdf = RawPdf()
    ocg = pdf.add(b"<< /Type /OCG /Name (notes) >>")
    hidden = b"/OC /oc1 BDC " + text_ops([(20, 80, f"Sender: {SECRET}")]) + b"EMC\n"
    pdf.page(text_ops(CLEAN_LINES) + hidden, resources=b"/Properties << /oc1 %d 0 R >>" % ocg)
    pdf.catalog_extra = b"/OCProperties << /OCGs [%d 0 R] /D << /OFF [%d 0 R] >> >>" % (ocg, ocg)
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_hidden_layer(path: Path, b: Built) -> list[str]:
    text = pdfminer_text(path)
    found = [f"pdfminer reads #{n + 1}" for n, t in enumerate(b.terms) if text_has(text, t)]
    return found + _keys("/OCProperties", "/OC")(path, b)


def build_tagged(folder: Path) -> Build:
    pdf = RawPdf()
    page = pdf.reserve()
    content = (
        b"/Span << /ActualText (Ospanov) /MCID 0 >> BDC "
        + text_ops([(20, 150, "Dear A. O., all is well here.")])
        + b"EMC /Figure << /MCID 1 >> BDC 0.5 g 20 40 60 40 re f EMC\n"
    )
    contents = pdf.stream(content)
    root = pdf.reserve()
    span = pdf.add(
        b"<< /Type /StructElem /S /Span /P %d 0 R /Pg %d 0 R /K 0 /ActualText (Ospanov) >>"
        % (root, page)
    )
    fig = pdf.add(
        b"<< /Type /StructElem /S /Figure /P %d 0 R /Pg %d 0 R /K 1 /Alt (Photo of Ospanov) >>"
        % (root, page)
    )
    pdf.set(root, b"<< /Type /StructTreeRoot /K [%d 0 R %d 0 R] >>" % (span, fig))
    pdf.set(
        page,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 %d 0 R"
        b" >> >> /Contents %d 0 R /StructParents 0 >>" % (pdf.font, contents),
    )
    pdf.pages.append(page)
    pdf.catalog_extra = b"/MarkInfo << /Marked true >> /StructTreeRoot %d 0 R" % root
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_tagged(path: Path, b: Built) -> list[str]:
    return text_readers(path, b.terms) + _keys("/ActualText", "/Alt", "/StructTreeRoot")(path, b)


def build_tounicode(folder: Path) -> Build:
    """A font subset left from an earlier version of the page: the page only says 'Dear friend',
    but the ToUnicode map still has the glyphs of the name in code order 1..7."""
    pdf = RawPdf()
    entries = [(k + 1, ch) for k, ch in enumerate(SECRET)]
    entries += [(ord(c), c) for c in sorted(set("".join(t for _, _, t in CLEAN_LINES)))]
    bf = b"".join(b"<%02X> <%04X>\n" % (code, ord(ch)) for code, ch in entries)
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        + b"%d beginbfchar\n" % len(entries)
        + bf
        + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    tu = pdf.stream(cmap)
    pdf.set(
        pdf.font,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /KQWZAB+Helvetica /Encoding /WinAnsiEncoding"
        b" /ToUnicode %d 0 R >>" % tu,
    )
    pdf.page(text_ops(CLEAN_LINES))
    return pdf.write(folder / "dirty.pdf"), [SECRET], {}


def check_tounicode(path: Path, b: Built) -> list[str]:
    spelled = toc_strings(path)
    return [
        f"a ToUnicode map spells #{n + 1}" for n, t in enumerate(b.terms) if text_has(spelled, t)
    ]


def build_filename_title(folder: Path) -> Build:
    pdf = RawPdf()
    pdf.page(text_ops(CLEAN_LINES))
    path = folder / f"Letter-{SECRET}.pdf"
    return pdf.write(path, info=b"<< /Title (Ospanov) >>"), [SECRET], {}


def check_filename_title(path: Path, b: Built) -> list[str]:
    return metadata_readers(path, b.terms) + byte_scan(path, b.terms)


VECTORS = [
    Vector("text_under_box", build_text_under_box, check_text_under_box),
    Vector("incremental_revision", build_revision, check_revision),
    Vector("info", build_info, check_info),
    Vector("xmp", build_xmp, check_xmp),
    Vector("pieceinfo", build_pieceinfo, _keys("/PieceInfo")),
    Vector("trailer_id", build_trailer_id, check_trailer_id),
    Vector("annotation", build_annotation, _keys("/Annots")),
    Vector("form_value", build_form, _keys("/AcroForm", "/Annots")),
    Vector("javascript", build_javascript, _keys("/JavaScript", "/JS")),
    Vector("open_action", build_open_action, _keys("/OpenAction", "/URI")),
    Vector("attachment", build_attachment, check_attachment),
    Vector("bookmarks", build_bookmarks, check_bookmarks),
    Vector("link_uri", build_link, _keys("/Annots", "/URI")),
    Vector("hidden_layer", build_hidden_layer, check_hidden_layer),
    # Its grey figure is ink no reader can read, which holds the copy (exit 6, tested in
    # tests/core/test_unread_ink.py); this vector is about the tags, so the editor's "looked" is
    # given.
    Vector(
        "tagged_actualtext_alt",
        build_tagged,
        check_tagged,
        args=("--no-detect", "--accept-unread"),
    ),
    Vector("tounicode_subset", build_tounicode, check_tounicode),
    Vector("filename_and_title", build_filename_title, check_filename_title),
]


@pytest.mark.parametrize("v", params(VECTORS, "copy_xfail"))
def test_copy_is_clean(battery: Battery, v: Vector) -> None:
    b = battery.get(v)
    assert copy_findings(v, b) == []


@pytest.mark.parametrize("v", params(VECTORS))
def test_dirty_input_fails_the_same_check(battery: Battery, v: Vector) -> None:
    b = battery.get(v)
    assert v.check(b.dirty, b), "the check cannot see this vector"


@pytest.mark.parametrize("v", params(VECTORS, "verify_dirty_xfail"))
def test_verify_flags_the_dirty_input(battery: Battery, v: Vector) -> None:
    rc, out = verify_rc(battery.get(v).dirty, battery.get(v), v.verify_args)
    assert rc == 4, out


@pytest.mark.parametrize("v", params(VECTORS, "verify_copy_xfail"))
def test_verify_passes_the_copy(battery: Battery, v: Vector) -> None:
    b = battery.get(v)
    assert b.redact.returncode == 0, b.redact.stderr[-2000:]
    rc, out = verify_rc(b.copy, b, v.verify_args)
    assert rc == 0, out


def test_folder_output_is_not_named_after_a_hidden_term(tmp_path: Path) -> None:
    """Redacting into a folder names each copy after its input: a name in the input's file name
    must not travel into the published copy's name."""
    pdf = RawPdf()
    pdf.page(text_ops(CLEAN_LINES))
    src = pdf.write(tmp_path / f"Letter-{SECRET}.pdf")
    out = tmp_path / "out"
    res = run_cli(
        "redact",
        src,
        "-o",
        f"{out}/",
        "--deny",
        terms_file(tmp_path, [SECRET]),
        "--no-detect",
        "-q",
    )
    assert res.returncode == 0, res.stderr
    names = [p.name for p in out.iterdir()]
    assert names and not any(text_has(n, SECRET) for n in names), names
    assert not re.search(SECRET, res.stdout, re.I)
