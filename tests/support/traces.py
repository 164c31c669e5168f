"""Traces of a letter in what the app keeps: a letter whose file name holds a name (NAME), and
what of that name or of the letter's plain SHA-256 some bytes hold."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from tests.support.rawpdf import RawPdf, text_ops

NAME = "Letter_from_Ospanov.pdf"


def named_letter(path: Path, text: str = "Dear editor, Kairat Bekov writes from cell 14.") -> Path:
    """A typed one-page letter naming someone (save it under NAME to test the file name too)."""
    pdf = RawPdf()
    pdf.page(text_ops([(60, 780, text), (60, 740, "The food is bad this week.")]), size=(595, 842))
    return pdf.write(path)


def name_and_hash_traces(data: bytes, letter: Path) -> list[str]:
    """What of the letter's name or plain SHA-256 the bytes hold (empty: nothing)."""
    digest = hashlib.sha256(letter.read_bytes()).digest()
    forms = {
        "name": NAME.encode(),
        "stem": NAME.rsplit(".", 1)[0].encode(),
        "Ospanov": b"ospanov",
        "Letter_from": b"letter_from",
        "sha256 hex": digest.hex().encode(),
        "sha256 base64": base64.b64encode(digest).rstrip(b"="),
        "sha256 bytes": digest,
    }
    low = data.lower()
    found = [k for k, v in forms.items() if v.lower() in low or v in data]
    for enc in ("utf-16-le", "utf-16-be"):
        if "ospanov".encode(enc) in low:
            found.append(f"Ospanov in {enc}")
    return found
