"""Word, OpenDocument, e-mail and HEIC letters: opened through the confined workers, a name in
every place it can hide is flagged (and the hidden places are notices for the editor), and the
copy `redactor redact` writes carries none of them, read back by other readers."""

from __future__ import annotations

import io
import time
import zipfile
from importlib.util import find_spec
from pathlib import Path

import pytest

from redactor.core import pipeline
from redactor.core.model import Label
from tests.support import formats
from tests.support.cli import one_line_error, run_cli, terms_file
from tests.support.readers import fold, ocr, pdftotext, pypdf_text, render

# The notices each document must raise, by what the editor is told (`why`).
DOC_NOTICES = (
    "header or footer",
    "comment",
    "deleted with tracked changes",
    "properties",
)


def _write(tmp_path: Path, kind: str) -> tuple[Path, dict[str, str]]:
    path = tmp_path / f"letter.{kind}"
    if kind == "docx":
        path.write_bytes(formats.docx_bytes())
        return path, formats.PLACES
    if kind == "odt":
        path.write_bytes(formats.odt_bytes())
        return path, formats.PLACES
    if kind == "eml":
        path.write_bytes(formats.eml_bytes())
        return path, formats.MAIL_PLACES
    pytest.importorskip("pillow_heif")
    names = {"photo": "Zhaksylykova"}
    formats.heic_file(path, ["A letter from the camp", f"Greetings from Aigerim {names['photo']}"])
    return path, names


def _found(path: Path, names: dict[str, str]) -> tuple[dict[str, bool], list[str], list[str]]:
    """Which names a term search flags, the notices' reasons, and the pages' text."""
    opened = pipeline.read_document(path)
    try:
        doc = opened.document
        findings = pipeline.find_in_document(doc, deny=list(names.values()))
        flagged = {}
        for place, name in names.items():
            flagged[place] = any(
                f.span.label != Label.HIDDEN_TEXT
                and any(
                    name.casefold() in doc.pages[f.page].words[i].text.casefold()
                    for i in f.word_indexes
                )
                for f in findings
            )
        whys = [f.span.why for f in findings if f.span.label == Label.HIDDEN_TEXT]
        texts = [p.text for p in doc.pages]
    finally:
        opened.close()
    return flagged, whys, texts


@pytest.mark.parametrize("kind", ["docx", "odt", "eml", "heic"])
def test_every_place_is_flagged_and_the_copy_has_none(tmp_path, kind):
    path, names = _write(tmp_path, kind)
    flagged, whys, texts = _found(path, names)
    assert all(flagged.values()), (kind, [p for p, ok in flagged.items() if not ok])
    if kind in ("docx", "odt"):
        for notice in DOC_NOTICES:
            assert any(notice in why for why in whys), (kind, notice, whys)
        page_text = "\n".join(texts)
        for heading in ("Header:", "Comment by", "Deleted text", "Document properties:"):
            assert heading in page_text, (kind, heading)
    if kind == "eml":
        assert any("e-mail's headers" in why for why in whys), whys
        assert len(texts) == 2  # the e-mail's text, then the attached PDF's page
    out = tmp_path / f"{kind}.safe.pdf"
    terms = terms_file(tmp_path, list(names.values()))
    res = run_cli("redact", path, "-o", out, "--no-detect", "--deny", terms, "-q")
    assert res.returncode == 0, res.stderr
    for reader in (pdftotext, pypdf_text):
        text = fold(reader(out))
        assert "letter" in text or "editor" in text, (kind, reader.__name__)  # a real copy
        for place, name in names.items():
            assert fold(name) not in text, (kind, reader.__name__, place)
    seen = fold(" ".join(ocr(page) for page in render(out, dpi=150)))  # the pixels themselves
    assert "letter" in seen or "editor" in seen, kind
    for place, name in names.items():
        assert fold(name) not in seen, (kind, "ocr", place)


def test_heic_photo_is_turned_upright(tmp_path):
    pytest.importorskip("pillow_heif")
    from redactor.core.sources import open_source

    path, _names = _write(tmp_path, "heic")
    src = open_source(path)
    try:
        image = src.render(0, 200)
    finally:
        src.close()
    assert image.height > image.width  # stored sideways, shown as the portrait page it is


# --- hostile files -------------------------------------------------------------------------


def _zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _hostile(tmp_path: Path) -> dict[str, Path]:
    files = {
        "truncated.docx": formats.docx_bytes()[:700],
        "truncated.odt": formats.odt_bytes()[:-200],
        "zipbomb.docx": formats.zip_bomb(),
        "deep.docx": formats.docx_with(formats.deep_xml()),
        "laughs.docx": formats.docx_with(formats.billion_laughs()),
        "mimebomb.eml": formats.mime_bomb(),
        "notadoc.docx": _zip_of({"notes.txt": b"just a zip"}),
    }
    if find_spec("pillow_heif") is not None:
        heic = tmp_path / "photo.heic"
        formats.heic_file(heic, ["A letter"])
        files["truncated.heic"] = heic.read_bytes()[:900]
    out = {}
    for name, data in files.items():
        out[name] = tmp_path / name
        out[name].write_bytes(data)
    return out


def test_hostile_documents_exit_2_quickly_with_one_line(tmp_path):
    terms = terms_file(tmp_path, ["Zhaksylykova"])
    for name, path in _hostile(tmp_path).items():
        out = tmp_path / f"{name}.safe.pdf"
        start = time.monotonic()
        res = run_cli("redact", path, "-o", out, "--no-detect", "--deny", terms, "-q", timeout=120)
        took = time.monotonic() - start
        assert res.returncode == 2, (name, res.returncode, res.stderr)
        assert one_line_error(res.stderr), (name, res.stderr)
        assert not out.exists(), name
        assert took < 60, (name, took)


@pytest.mark.parametrize(
    "name, says",
    [
        ("truncated.docx", "damaged or truncated"),
        ("zipbomb.docx", "zip bomb"),
        ("deep.docx", "nested deeper"),
        ("laughs.docx", "entities"),
        ("mimebomb.eml", "MIME bomb"),
        ("notadoc.docx", "neither a Word nor an OpenDocument"),
    ],
)
def test_hostile_documents_say_why(tmp_path, name, says):
    from redactor.core.errors import InputError
    from redactor.core.sources import open_source

    path = _hostile(tmp_path)[name]
    with pytest.raises(InputError) as err:
        open_source(path).close()
    assert says in str(err.value)


def test_external_entities_and_dtds_are_refused():
    from redactor.core.errors import InputError
    from redactor.core.sources.safexml import parse_xml

    xxe = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>'
    for data in (xxe, b'<!DOCTYPE d SYSTEM "http://example.org/d.dtd"><d/>'):
        with pytest.raises(InputError, match="document type"):
            parse_xml(data, "part")
    assert parse_xml(b"<d><e>text</e></d>", "part").find("e").text == "text"


def test_heic_without_pillow_heif_is_a_missing_dependency(tmp_path, monkeypatch):
    pytest.importorskip("pillow_heif")
    import sys

    from redactor.core.errors import ExitCode, MissingDependency
    from redactor.core.sources import open_source

    path, _names = _write(tmp_path, "heic")
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # as if it were not installed
    with pytest.raises(MissingDependency) as err:
        open_source(path)
    assert err.value.exit_code == ExitCode.MISSING and "pillow-heif" in str(err.value)


@pytest.mark.parametrize("kind", ["docx", "odt", "eml"])
def test_the_detector_alone_leaves_no_name_in_the_copy(tmp_path, kind):
    """No term list: the real detector finds the name in every place (the hidden places are
    laid out as words it reads like any others)."""
    path, names = _write(tmp_path, kind)
    out = tmp_path / f"{kind}.safe.pdf"
    res = run_cli("redact", path, "-o", out, "-q")
    assert res.returncode == 0, res.stderr
    text = fold(pdftotext(out))
    assert "editor" in text
    for place, name in names.items():
        assert fold(name) not in text, (kind, place)


def test_pictures_alt_text_other_parts_and_nested_attachments(tmp_path):
    extra = {"picture": "Kudaibergenov", "alt": "Mukhametzhanova", "chart": "Sarsenbayev"}
    docx = formats.docx_with_extras(extra["picture"], extra["alt"], extra["chart"])
    path = tmp_path / "letter.docx"
    path.write_bytes(docx)
    flagged, whys, texts = _found(path, extra)
    assert all(flagged.values()), [p for p, ok in flagged.items() if not ok]
    assert len(texts) == 2  # the document's text, then its picture as a page of its own
    assert any("alternative text" in w for w in whys) and any("other parts" in w for w in whys)

    mail = tmp_path / "letters.eml"
    mail.write_bytes(formats.eml_with_nested(docx, "Zhumabekova"))
    names = {**formats.PLACES, **extra, "forwarded": "Zhumabekova"}
    flagged, whys, texts = _found(mail, names)
    assert all(flagged.values()), [p for p, ok in flagged.items() if not ok]


def test_a_zip_of_too_many_parts_is_refused_before_listing_them(tmp_path):
    from redactor.core.errors import InputError
    from redactor.core.sources import open_source

    path = tmp_path / "many.docx"
    path.write_bytes(_zip_of({f"word/p{i}.xml": b"" for i in range(6000)}))
    with pytest.raises(InputError, match="too many parts"):
        open_source(path)


@pytest.mark.parametrize("kind", ["docx", "eml"])
def test_parts_the_original_does_not_show_are_hidden_whole_unless_kept(tmp_path, kind):
    """A comment, a tracked deletion, a header, the properties (an e-mail's headers) are drawn on
    the pages for the editor; a copy nobody decided on hides them whole, words that are no
    name included: only the body is published as it is."""
    path, _names = _write(tmp_path, kind)
    out = tmp_path / f"{kind}.auto.pdf"
    res = run_cli("redact", path, "-o", out, "-q")  # the automatic run: no editor, no deny list
    assert res.returncode == 0, res.stderr
    text = fold(pdftotext(out))
    if kind == "docx":
        body, hidden = ("held in the camp",), ("check this with", "told by", "case of", "typed by")
    else:
        body, hidden = ("dear editor, my brother",), ("subject", "to:")
    for words in body:
        assert fold(words) in text, (kind, words)
    for words in hidden:
        assert fold(words) not in text, (kind, words)
    # the app's copy of undecided findings does the same (jobs.copy_plan)
    from redactor.core import jobs

    analysis = jobs.analyse(path, jobs.AnalysisOptions(detect=False))
    drawn = [r for r in analysis.plan.redactions if r.label == Label.HIDDEN_TEXT]
    assert drawn and all(pipeline.burned_unasked(r) for r in drawn)
    assert all(jobs.hidden_when_undecided(r) for r in drawn)
