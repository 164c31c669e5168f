"""Hidden source text never enters a copy.

A typed PDF can carry words its page does not show: white on white, render modes 3 and 7, fully
transparent text, text under an image or an opaque white box, outside the clipping path, 0.5 pt
high, squeezed to a smear, in a layer that is off, an /ActualText spelling a name over other
text, glyphs of a Type 3 font that draw nothing. Read from the text layer, such a name went into
the copy's invisible text layer and its text export, searchable by anyone, while the editor never
saw it. Each vector below is a typed letter with visible body text and "Ospanov" hidden one way;
the real `redactor redact` runs over all of them at once (with no terms and detection, and with
`--no-detect --deny` of an unrelated word; as PDF and as text), and readers other than ours
(pdftotext, pypdf, the raw decompressed streams) must find no trace of the name, while the body
is still in the copy's text layer and `redactor detect --json` tells the editor about the hidden
words. A control shows the same name, visible, kept when it is not redacted.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.support.cli import run_cli, terms_file
from tests.support.hidden import A4, AT, BODY, BODY_LINES, NAME, Page, build, hidden_name, white
from tests.support.rawpdf import RawPdf, pdf_str, text_image, text_ops, type3_font
from tests.support.readers import (
    bytes_have,
    decompressed_streams,
    fold,
    need_tools,
    pdftotext,
    pypdf_text,
    render,
)


def white_over_body(pdf: RawPdf) -> Page:
    """White on white, drawn over visible body words: it only shows as nicks in their ink."""
    return Page(b"1 g " + hidden_name(at=BODY[1][:2]) + b"0 g\n")


def render_mode_3(pdf: RawPdf) -> Page:
    return Page(hidden_name(mode=3))


def render_mode_7(pdf: RawPdf) -> Page:
    return Page(b"q " + hidden_name(mode=7) + b"Q\n")


def transparent(pdf: RawPdf) -> Page:
    return Page(
        b"q /GS1 gs " + hidden_name() + b"Q\n", resources=b"/ExtGState << /GS1 << /ca 0 >> >>"
    )


def under_image(pdf: RawPdf) -> Page:
    picture = pdf.image(text_image([], size=(200, 50)))
    return Page(hidden_name() + b"q 80 0 0 20 56 596 cm /Im1 Do Q\n", xobjects={"Im1": picture})


def under_white_box(pdf: RawPdf) -> Page:
    return Page(hidden_name() + b"q 1 g 56 596 80 20 re f Q\n")


def clipped(pdf: RawPdf) -> Page:
    return Page(b"q 300 100 50 50 re W n " + hidden_name() + b"Q\n")


def tiny(pdf: RawPdf) -> Page:
    return Page(hidden_name(size=0.5))


def squeezed(pdf: RawPdf) -> Page:
    return Page(b"q BT 4 Tz ET " + hidden_name() + b"BT 100 Tz ET Q\n")


def layer_off(pdf: RawPdf) -> Page:
    ocg = pdf.add(b"<< /Type /OCG /Name (notes) >>")
    return Page(
        b"/OC /oc1 BDC " + hidden_name() + b"EMC\n",
        resources=b"/Properties << /oc1 %d 0 R >>" % ocg,
        catalog=b"/OCProperties << /OCGs [%d 0 R] /D << /OFF [%d 0 R] >> >>" % (ocg, ocg),
    )


def layer_off_over_body(pdf: RawPdf) -> Page:
    """The hidden name drawn right over a visible body word: the pixels under it have ink."""
    page = layer_off(pdf)
    page.content = page.content.replace(b"%g %g Tm" % AT, b"%g %g Tm" % BODY[1][:2])
    return page


def under_image_text_on_top(pdf: RawPdf) -> Page:
    """The name under an opaque picture, and visible other words drawn over the picture."""
    page = under_image(pdf)
    page.content += text_ops([(AT[0], AT[1], "Greetings")], size=12)
    return page


def actual_text(pdf: RawPdf) -> Page:
    """A /Span whose /ActualText spells the name over visible other text."""
    return Page(
        b"/Span << /ActualText "
        + pdf_str(NAME)
        + b" >> BDC "
        + text_ops([(AT[0], AT[1], "With best wishes")], size=12)
        + b"EMC\n"
    )


def split_runs(pdf: RawPdf) -> Page:
    """The name in two runs hidden two ways, glyphs touching."""
    return Page(b"BT /F1 12 Tf 1 0 0 1 %g %g Tm 1 g (Osp) Tj 0 g 3 Tr (anov) Tj 0 Tr ET\n" % AT)


def glued_to_visible(pdf: RawPdf) -> Page:
    """Visible 'Regards' with the name glued on in white: one word to a text layer."""
    return Page(b"BT /F1 12 Tf 1 0 0 1 %g %g Tm (Regards) Tj 1 g (Ospanov) Tj 0 g ET\n" % AT)


def type3_blank(pdf: RawPdf) -> Page:
    """A Type 3 font whose glyphs draw nothing."""
    font = type3_font(pdf, NAME)
    content = b"BT /T3 12 Tf 1 0 0 1 %g %g Tm %s Tj ET\n" % (*AT, pdf_str(NAME))
    return Page(content, fonts={"T3": font})


def under_white_glyphs(pdf: RawPdf) -> Page:
    """The name under white glyphs of a Type 3 font that fill their boxes: text over text."""
    blocks = type3_font(pdf, "X", glyph=b"0 -200 600 950 re f")
    cover = b"BT /T3 12 Tf 1 0 0 1 %g %g Tm 1 g (XXXXXXXXXX) Tj 0 g ET\n" % AT
    return Page(hidden_name() + cover, fonts={"T3": blocks})


def under_white_glyphs_text_on_top(pdf: RawPdf) -> Page:
    """The same, with visible other words drawn over the white glyphs."""
    page = under_white_glyphs(pdf)
    page.content += text_ops([(AT[0], AT[1], "Greetings")], size=12)
    return page


def white_in_form_xobject(pdf: RawPdf) -> Page:
    form = pdf.stream(
        b"1 g " + hidden_name(at=(0, 0)),
        b"/Type /XObject /Subtype /Form /BBox [0 0 200 40] /Resources << /Font << /F1 %d 0 R >>"
        b" >>" % pdf.font,
    )
    return Page(b"q 1 0 0 1 %g %g cm /Fm1 Do Q\n" % AT, xobjects={"Fm1": form})


def form_field(pdf: RawPdf) -> Page:
    """A filled-in form field (its appearance is drawn by viewers, not by the page)."""
    appearance = pdf.stream(
        text_ops([(2, 5, NAME)], size=12),
        b"/Type /XObject /Subtype /Form /BBox [0 0 150 20] /Resources << /Font << /F1 %d 0 R >>"
        b" >>" % pdf.font,
    )
    widget = pdf.add(
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (sender) /V "
        + pdf_str(NAME)
        + b" /Rect [60 596 210 616] /F 4 /AP << /N %d 0 R >> >>" % appearance
    )
    return Page(
        b"",
        catalog=b"/AcroForm << /Fields [%d 0 R] /NeedAppearances false >>" % widget,
        extra=b"/Annots [%d 0 R]" % widget,
    )


def alt_text(pdf: RawPdf) -> Page:
    """A figure whose /Alt text names the writer (marked content on the page)."""
    return Page(
        b"/Figure << /Alt " + pdf_str(f"Photo of {NAME}") + b" /MCID 0 >> BDC "
        b"0.5 g 60 560 60 40 re f 0 g EMC\n"
    )


def visible(pdf: RawPdf) -> Page:
    return Page(hidden_name())


# name, builder, whether the editor is told of hidden text on the page
VECTORS: list[tuple[str, Callable[[RawPdf], Page], bool]] = [
    ("white", white, True),
    ("white_over_body", white_over_body, True),
    ("render_mode_3", render_mode_3, True),
    ("render_mode_7", render_mode_7, True),
    ("transparent", transparent, True),
    ("under_image", under_image, True),
    ("under_white_box", under_white_box, True),
    ("clipped", clipped, True),
    ("tiny", tiny, True),
    ("squeezed", squeezed, True),
    ("layer_off", layer_off, True),
    ("layer_off_over_body", layer_off_over_body, True),
    ("under_image_text_on_top", under_image_text_on_top, True),
    ("actual_text", actual_text, True),
    ("split_runs", split_runs, True),
    ("glued_to_visible", glued_to_visible, True),
    ("type3_blank", type3_blank, True),
    ("under_white_glyphs", under_white_glyphs, True),
    ("under_white_glyphs_text_on_top", under_white_glyphs_text_on_top, True),
    ("white_in_form_xobject", white_in_form_xobject, True),
    # not in the page's text layer at all (never read, never drawn): nothing to tell
    ("form_field", form_field, False),
    ("alt_text", alt_text, False),
]
NAMES = [v[0] for v in VECTORS]
# The pictures of some vectors (a figure with alt text, an image over the name) are ink no reader
# can read, which holds a copy (exit 6, tested in tests/core/test_unread_ink.py); these runs are
# about hidden text, so the editor's "looked" is given.
RUNS = {
    "detect-pdf": ("--accept-unread",),
    "deny-pdf": ("--no-detect", "--deny", "{deny}", "--accept-unread"),
    "detect-txt": ("--format", "txt", "--accept-unread"),
    "deny-txt": ("--no-detect", "--deny", "{deny}", "--format", "txt", "--accept-unread"),
}


@dataclass
class Batch:
    inputs: Path
    outputs: dict[str, Path]
    results: dict[str, subprocess.CompletedProcess[str]]
    findings: dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    need_tools()
    folder = tmp_path_factory.mktemp("hidden-text")
    inputs = folder / "in"
    inputs.mkdir()
    for name, vector, _ in VECTORS:
        build(inputs, name, vector)
    build(inputs, "control", visible)
    deny = terms_file(folder, ["Zanzibar"])
    outputs: dict[str, Path] = {}
    results: dict[str, subprocess.CompletedProcess[str]] = {}
    for run, args in RUNS.items():
        outputs[run] = folder / run
        argv = [a.replace("{deny}", str(deny)) for a in args]
        results[run] = run_cli("redact", inputs, "-o", outputs[run], *argv, timeout=900)
    res = run_cli("detect", inputs, "--json", timeout=600)
    assert res.returncode == 0, res.stderr
    findings = {Path(doc["file"]).stem: doc for doc in json.loads(res.stdout)}
    return Batch(inputs, outputs, results, findings)


def copy_of(b: Batch, run: str, name: str) -> Path:
    res = b.results[run]
    assert res.returncode == 0, res.stderr[-3000:]
    path = b.outputs[run] / f"{name}.{run.split('-')[1]}"
    assert path.is_file(), f"no copy: {sorted(p.name for p in b.outputs[run].iterdir())}"
    return path


def readers_of(path: Path) -> dict[str, str]:
    """What readers other than ours read in a copy: text, and every stream's bytes."""
    if path.suffix == ".txt":
        return {"text file": path.read_text(encoding="utf-8")}
    data = path.read_bytes()
    streams = decompressed_streams(data)
    found = {"pdftotext": pdftotext(path), "pypdf": pypdf_text(path)}
    for n, s in enumerate(streams):
        for enc in ("latin-1", "utf-16-be"):
            found[f"stream {n} ({enc})"] = s.decode(enc, "replace")
    found["raw bytes"] = "ospanov" if bytes_have(data, NAME) else ""
    return found


def body_share(text: str) -> float:
    words = {w.casefold() for line in BODY_LINES for w in re.findall(r"[A-Za-z]+", line)}
    have = {w.casefold() for w in re.findall(r"[A-Za-z]+", text)}
    return len(words & have) / len(words)


@pytest.mark.parametrize(("name", "told"), [(v[0], v[2]) for v in VECTORS])
def test_the_input_holds_the_name(batch: Batch, name: str, told: bool) -> None:
    """The control: pdfium's text layer of the input reads the name (where it is hidden in the
    text layer), or the file holds it (a form field, an /Alt text)."""
    import pypdfium2 as pdfium

    path = batch.inputs / f"{name}.pdf"
    if told:
        doc = pdfium.PdfDocument(str(path))
        textpage = doc[0].get_textpage()
        assert fold(NAME) in fold(textpage.get_text_range())
        doc.close()
    else:
        data = path.read_bytes()
        assert any(bytes_have(s, NAME) for s in [data, *decompressed_streams(data)])


@pytest.mark.parametrize("run", list(RUNS))
@pytest.mark.parametrize("name", NAMES)
def test_hidden_name_is_in_no_reader_of_the_copy(batch: Batch, name: str, run: str) -> None:
    found = readers_of(copy_of(batch, run, name))
    leaks = [reader for reader, text in found.items() if "ospanov" in fold(text)]
    assert not leaks, f"{name}/{run}: the hidden name is read by {leaks}"


@pytest.mark.parametrize("run", list(RUNS))
@pytest.mark.parametrize("name", NAMES)
def test_visible_body_stays_in_the_copys_text(batch: Batch, name: str, run: str) -> None:
    path = copy_of(batch, run, name)
    text = path.read_text(encoding="utf-8") if path.suffix == ".txt" else pdftotext(path)
    assert body_share(text) >= 0.9, text


@pytest.mark.parametrize(("name", "told"), [(v[0], v[2]) for v in VECTORS])
def test_editor_is_told_of_the_hidden_words(batch: Batch, name: str, told: bool) -> None:
    doc = batch.findings[name]
    notices = [f for f in doc["findings"] if f["label"] == "HIDDEN_TEXT"]
    assert [f["page"] for f in notices] == ([1] * len(notices) if told else [])
    if not told:
        return
    assert notices, f"{name}: no HIDDEN_TEXT finding"
    for f in notices:
        assert f["why"].startswith("hidden text in the source: ")
        assert "ospanov" not in fold(json.dumps(f))  # how, never what
        assert f["boxes"]
    # the boxes are where the name was drawn (A4 at 200 dpi: y = (842 - 600) * 200 / 72)
    over_body = name in ("layer_off_over_body", "white_over_body")
    y = (A4[1] - (BODY[1][1] if over_body else AT[1])) * 200 / 72
    assert any(b[1] - 40 <= y <= b[3] + 40 for f in notices for b in f["boxes"])
    assert doc["pages"][0]["hidden_words"] >= 1
    note = f"{name}.pdf: page 1: "
    stderr = batch.results["deny-pdf"].stderr
    assert any(
        line.startswith(note) and line.endswith("in the source (not carried into the copy)")
        for line in stderr.splitlines()
    ), stderr


def test_control_visible_name_is_kept_when_not_redacted(batch: Batch) -> None:
    for run in ("deny-pdf", "deny-txt"):
        path = copy_of(batch, run, "control")
        text = path.read_text(encoding="utf-8") if path.suffix == ".txt" else pdftotext(path)
        assert fold(NAME) in fold(text), run
    doc = batch.findings["control"]
    assert not [f for f in doc["findings"] if f["label"] == "HIDDEN_TEXT"]
    assert doc["pages"][0]["hidden_words"] == 0


def test_hidden_text_is_not_burned(batch: Batch) -> None:
    """A notice is the editor's to decide: the command line burns no box over it (the page
    shows nothing there, and a black box would hide whatever it does show)."""
    for run in ("detect-pdf", "deny-pdf"):
        page = render(copy_of(batch, run, "white"), dpi=72)[0].convert("L")
        x, y = AT[0], A4[1] - AT[1]
        assert np.asarray(page.crop((x, y - 10, x + 50, y + 2))).min() > 200, run


def test_automatic_plans_leave_hidden_text_proposed() -> None:
    from redactor.core.model import Box, Document, PageText, Word
    from redactor.core.pipeline import find_in_document, make_plan

    hidden = (Word(NAME, Box(10, 10, 60, 20)),)
    page = PageText(0, 100, 100, 72, words=(Word("Dear", Box(10, 40, 40, 50)),))
    page = replace(page, hidden_words=hidden, hidden_hows=("invisible text (render mode 3)",))
    findings = find_in_document(Document("letter.pdf", "pdf", (page,)), deny=["Dear"])
    notices = [f for f in findings if f.span.label == "HIDDEN_TEXT"]
    assert len(notices) == 1
    assert notices[0].word_indexes == () and notices[0].hidden_indexes == (0,)
    assert notices[0].span.why == "hidden text in the source: invisible text (render mode 3)"
    plan = make_plan(Document("letter.pdf", "pdf", (page,)), findings, state="accepted")
    states = {r.label: r.state for r in plan.redactions}
    assert states == {"TERM": "accepted", "HIDDEN_TEXT": "proposed"}
