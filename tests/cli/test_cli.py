"""The command line end to end: real files in, safe copies out, read back by other tools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.data import DATA, LETTERS, sha256

IDENTIFYING = {"PERSON", "LOCATION", "ADDRESS", "FACILITY", "DATE", "ID", "PHONE", "EMAIL"}


def gold(letter_id: str) -> tuple[str, list[str]]:
    for line in (LETTERS / "letters.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["id"] == letter_id:
            terms = [doc["text"][s["start"] : s["end"]] for s in doc["spans"]]
            keep = [
                doc["text"][s["start"] : s["end"]]
                for s in doc["spans"]
                if s["label"] in IDENTIFYING
            ]
            return doc["text"], list(dict.fromkeys(keep or terms))
    raise KeyError(letter_id)


def run(*args: str, env: dict[str, str] | None = None, timeout: int = 300):
    return subprocess.run(
        [sys.executable, "-m", "redactor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def norm(text: str) -> str:
    return " ".join(text.replace("-\n", "").split()).casefold()


@pytest.fixture
def deny_file(tmp_path):
    def make(letter_id: str) -> tuple[Path, list[str], str]:
        text, terms = gold(letter_id)
        path = tmp_path / f"{letter_id}.deny.txt"
        path.write_text("\n".join(terms) + "\n", encoding="utf-8")
        return path, terms, text

    return make


def _other_words(text: str, terms: list[str]) -> list[str]:
    hidden = set()
    for t in terms:
        hidden.update(w.strip(".,;:!?()«»\"'").casefold() for w in t.split())
    words = [w.strip(".,;:!?()«»\"'—-").casefold() for w in text.split()]
    return [w for w in words if len(w) > 1 and w not in hidden]


@pytest.mark.parametrize("letter", ["dev-en-01", "dev-ru-01", "dev-kk-01"])
def test_typed_letter_with_deny_list(tmp_path, deny_file, letter):
    deny, terms, text = deny_file(letter)
    src = LETTERS / f"{letter}.typed.pdf"
    before = sha256(src)
    out = tmp_path / "safe.pdf"
    with ThreadPoolExecutor(1) as pool:  # the original's check runs meanwhile, on the other core
        original = pool.submit(run, "verify", str(src), "--terms", str(deny))
        res = run("redact", str(src), "-o", str(out), "--deny", str(deny), "--no-detect", "-q")
    assert res.returncode == 0, res.stderr
    assert sha256(src) == before
    got = norm(pdftotext(out))
    for term in terms:
        assert norm(term) not in got, f"term #{terms.index(term)} readable"
    others = _other_words(text, terms)
    kept = sum(1 for w in others if w in got)
    assert kept / len(others) >= 0.9
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    for key in ("Title:", "Author:", "Subject:", "Keywords:", "Creator:"):
        assert key not in info
    assert subprocess.run(
        ["pdfdetach", "-list", str(out)], capture_output=True, text=True
    ).stdout.startswith("0 embedded files")
    qjson = subprocess.run(["qpdf", "--json", str(out)], capture_output=True, text=True).stdout
    for key in ("/Annots", "/Outlines", "/EmbeddedFiles", "/JavaScript", "/AcroForm", "/Metadata"):
        assert key not in qjson
    assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True).returncode == 0
    # the independent check: the original fails it, the copy passes it
    assert original.result().returncode == 4
    assert run("verify", str(out), "--terms", str(deny)).returncode == 0


def test_scanned_letter_fresh_ocr_finds_no_term(tmp_path, deny_file):
    deny, terms, text = deny_file("dev-en-02")
    src = LETTERS / "dev-en-02.scan.pdf"
    out = tmp_path / "safe.pdf"
    res = run("redact", str(src), "-o", str(out), "--deny", str(deny), "--no-detect", "-q")
    assert res.returncode == 0, res.stderr
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(out), str(tmp_path / "pg")], check=True)
    ocr = ""
    for png in sorted(tmp_path.glob("pg*.png")):
        ocr += subprocess.run(
            ["tesseract", str(png), "-", "-l", "eng"],
            capture_output=True,
            text=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        ).stdout
    got = norm(ocr)
    for term in terms:
        assert norm(term) not in got
    others = _other_words(text, terms)
    assert sum(1 for w in others if w in got) / len(others) >= 0.85


def test_photo_comes_out_upright_without_exif(tmp_path, deny_file):
    deny, terms, _ = deny_file("dev-ru-01")
    src = LETTERS / "dev-ru-01.photo.jpg"
    out = tmp_path / "safe.png"
    res = run("redact", str(src), "-o", str(out), "--deny", str(deny), "--no-detect", "-q")
    assert res.returncode == 0, res.stderr
    from PIL import Image

    with Image.open(out) as im:
        assert im.height > im.width
        assert not im.info.get("exif") and not im.getexif()
    tags = subprocess.run(
        ["exiftool", "-a", "-G1", str(out)], capture_output=True, text=True
    ).stdout
    for tag in ("GPS", "Serial", "Make", "Camera Model", "Artist"):
        assert tag not in tags


def test_text_export_replaces_with_labels(tmp_path, deny_file):
    deny, terms, _ = deny_file("dev-en-01")
    out = tmp_path / "safe.txt"
    res = run(
        "redact",
        str(LETTERS / "dev-en-01.typed.pdf"),
        "-o",
        str(out),
        "--deny",
        str(deny),
        "--no-detect",
        "-q",
    )
    assert res.returncode == 0, res.stderr
    got = out.read_text(encoding="utf-8")
    assert "[" in got and "]" in got
    for term in terms:
        assert norm(term) not in norm(got)


def _write_hostile(tmp_path: Path) -> dict[str, Path]:
    from PIL import Image

    files = {}
    files["empty.pdf"] = tmp_path / "empty.pdf"
    files["empty.pdf"].write_bytes(b"")
    good = (LETTERS / "dev-en-01.typed.pdf").read_bytes()
    files["truncated.pdf"] = tmp_path / "truncated.pdf"
    files["truncated.pdf"].write_bytes(good[: len(good) // 3])
    files["html.pdf"] = tmp_path / "html.pdf"
    files["html.pdf"].write_bytes(b"<!DOCTYPE html><html><body>Not found</body></html>")
    files["garbage.jpg"] = tmp_path / "garbage.jpg"
    files["garbage.jpg"].write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(3000))
    files["bomb.png"] = tmp_path / "bomb.png"
    Image.new("1", (30000, 30000), 1).save(files["bomb.png"])
    files["liar.tif"] = tmp_path / "liar.tif"
    files["liar.tif"].write_bytes(_lying_tiff())
    files["pages3000.pdf"] = tmp_path / "pages3000.pdf"
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3000):
        writer.add_blank_page(612, 792)
    writer.write(files["pages3000.pdf"])
    files["encrypted.pdf"] = DATA / "pdfs" / "pypdf__libreoffice-writer-password.pdf"
    files["invalid.pdf"] = DATA / "pdfs" / "ocrmypdf__invalid.pdf"
    return files


def _lying_tiff() -> bytes:
    """A 100x100 TIFF whose header claims 60000x60000 pixels."""
    import io
    import struct

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (100, 100), 255).save(buf, "TIFF")
    data = bytearray(buf.getvalue())
    ifd = struct.unpack_from("<I", data, 4)[0]
    for i in range(struct.unpack_from("<H", data, ifd)[0]):
        entry = ifd + 2 + 12 * i
        tag, typ = struct.unpack_from("<HH", data, entry)
        if tag in (256, 257):
            struct.pack_into("<H" if typ == 3 else "<I", data, entry + 8, 60000)
    return bytes(data)


def _pdf_bomb(side: int) -> bytes:
    """One page showing a side x side grey image of zeros: a few MB that inflate to side**2."""
    import zlib

    comp = zlib.compressobj(1)
    row = bytes(side)
    data = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    content = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (side, side, len(data))
        + data
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_decompression_bomb_gives_a_verified_copy_or_a_clear_error(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf_bomb(40000))  # 1.6 G pixels when inflated
    terms = tmp_path / "terms.txt"
    terms.write_text("Yessenov\n", encoding="utf-8")
    out = tmp_path / "safe.pdf"
    res = run(
        "redact", str(bomb), "-o", str(out), "--no-detect", "--deny", str(terms), "-q", timeout=600
    )
    assert res.returncode in (0, 2), res.stderr
    assert "Traceback" not in res.stderr
    if res.returncode == 0:
        assert run("verify", str(out), "--terms", str(terms)).returncode == 0
    else:
        assert not out.exists() and len(res.stderr.strip().splitlines()) == 1


def test_hostile_files_exit_2_with_one_line(tmp_path):
    files = _write_hostile(tmp_path)
    terms = tmp_path / "terms.txt"
    terms.write_text("Yessenov\n", encoding="utf-8")
    before = {name: sha256(path) for name, path in files.items()}
    (tmp_path / "out").mkdir()

    def redact(name: str) -> subprocess.CompletedProcess[str]:
        out = tmp_path / "out" / f"{name}.safe.pdf"
        return run(
            "redact", str(files[name]), "-o", str(out), "--no-detect", "--deny", str(terms), "-q"
        )

    # each file by its own process, two at a time (the machine's two cores)
    with ThreadPoolExecutor(2) as pool:
        runs = {name: pool.submit(redact, name) for name in files}
        password = pool.submit(
            run,
            "redact",
            str(files["encrypted.pdf"]),
            "-o",
            str(tmp_path / "x.pdf"),
            "--no-detect",
            "--deny",
            str(terms),
        )
    for name, run_ in runs.items():
        res = run_.result()
        assert res.returncode == 2, (name, res.returncode, res.stderr)
        lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "Traceback" not in res.stderr, (name, res.stderr)
        assert not (tmp_path / "out" / f"{name}.safe.pdf").exists(), name
        assert sha256(files[name]) == before[name]
    assert not list((tmp_path / "out").glob(".*"))  # no run left a temp file
    assert "password" in password.result().stderr


def test_encrypted_pdf_opens_with_password(tmp_path):
    terms = tmp_path / "t.txt"
    terms.write_text("LibreOffice\n", encoding="utf-8")
    out = tmp_path / "safe.pdf"
    res = run(
        "redact",
        str(DATA / "pdfs" / "pypdf__libreoffice-writer-password.pdf"),
        "-o",
        str(out),
        "--password",
        "openpassword",
        "--no-detect",
        "--deny",
        str(terms),
        "-q",
    )
    assert res.returncode == 0, res.stderr
    assert "libreoffice" not in norm(pdftotext(out))
    assert b"/Encrypt" not in out.read_bytes()


def test_bad_arguments_exit_1(tmp_path):
    res = run("redact", str(LETTERS / "dev-en-01.typed.pdf"), "-o", str(tmp_path / "x.docx"))
    assert res.returncode == 1 and "format" in res.stderr
    res = run("redact", "--no-such-option")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    src = tmp_path / "a.txt"
    src.write_text("Kanat", encoding="utf-8")
    res = run("redact", str(src), "-o", str(src), "--no-detect", "--deny", str(src))
    assert res.returncode == 1 and src.read_text(encoding="utf-8") == "Kanat"


NETGUARD = textwrap.dedent(
    """
    import os, socket
    _marker = os.environ["NETGUARD_MARKER"]
    def _denied(*a, **k):
        with open(_marker, "a") as fh:
            fh.write(repr(a)[:200] + "\\n")
        raise OSError("network use is forbidden in this test")
    _Socket = socket.socket
    class GuardedSocket(_Socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if family in (socket.AF_INET, socket.AF_INET6) or (family == -1 and fileno is None):
                _denied("socket", family)
            super().__init__(family, type, proto, fileno)
    socket.socket = GuardedSocket
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection",
                 "gethostbyaddr"):
        setattr(socket, name, _denied)
    """
)


def test_whole_redaction_makes_no_network_attempt(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NETGUARD, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    marker = tmp_path / "net.log"
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Write to b.yessenov@inbox.kz or see https://example.org/case. Kanat Yessenov, "
        "colony AP-162/3, Pavlodar.\n",
        encoding="utf-8",
    )
    env = {
        "PYTHONPATH": f"{guard}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "NETGUARD_MARKER": str(marker),
    }
    res = run("redact", str(letter), "-o", str(tmp_path / "safe.pdf"), "-q", env=env)
    assert not marker.exists(), marker.read_text()
    assert res.returncode == 0, res.stderr
    # the guard works: a deliberate look-up is caught
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('x', 1)"],
        env={**os.environ, **env},
        capture_output=True,
    )
    assert probe.returncode != 0 and marker.exists()


def test_folder_in_folder_out(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(LETTERS / "dev-en-01.typed.pdf", src / "a.pdf")
    (src / "b.txt").write_text("Kanat Yessenov wrote this.", encoding="utf-8")
    terms = tmp_path / "t.txt"
    terms.write_text("Yessenov\n", encoding="utf-8")
    res = run(
        "redact", str(src), "-o", str(tmp_path / "out"), "--no-detect", "--deny", str(terms), "-q"
    )
    assert res.returncode == 0, res.stderr
    outs = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert outs == ["a.pdf", "b.pdf"]
    for p in (tmp_path / "out").iterdir():
        assert "yessenov" not in norm(pdftotext(p))
