"""Shared pieces of the verifier: the report and the tables of what may carry text."""

from __future__ import annotations

import logging
import mmap
from dataclasses import dataclass

from ..model import Box

log = logging.getLogger(__name__)

# Keys that can carry text, files or actions; none may appear in a safe copy.
SUSPECT_KEYS: dict[str, str] = {
    "/Annots": "annotation",
    "/Outlines": "bookmarks",
    "/Names": "name tree",
    "/EmbeddedFiles": "attachment",
    "/EmbeddedFile": "attachment",
    "/JavaScript": "script",
    "/JS": "script",
    "/AcroForm": "form",
    "/XFA": "form (XFA)",
    "/Metadata": "XMP metadata",
    "/OpenAction": "open action",
    "/AA": "automatic action",
    "/URI": "link",
    "/Launch": "launch action",
    "/PieceInfo": "private application data",
    "/ActualText": "alternate text (ActualText)",
    "/Alt": "alternate text (Alt)",
    "/OCProperties": "optional content (hidden layers)",
    "/Thumb": "page thumbnail",
    "/StructTreeRoot": "structure tree (tags)",
    "/SpiderInfo": "web capture data",
    "/Threads": "article threads",
}
_OK_PNG_CHUNKS = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"pHYs",
    b"gAMA",
    b"sRGB",
    b"cHRM",
    b"sBIT",
    b"bKGD",
}
_TIFF_METADATA_TAGS = {
    269: "document name",
    270: "image description",
    271: "camera make",
    272: "camera model",
    285: "page name",
    305: "software",
    306: "date",
    315: "artist",
    316: "host computer",
    700: "XMP",
    33432: "copyright",
    33723: "IPTC",
    34377: "Photoshop data",
    34665: "EXIF",
    34675: "ICC profile",
    34853: "GPS",
    37510: "user comment",
    42016: "unique id",
    42033: "serial number",
}
_PIXEL_SHRINK_PX = 2
_Bytes = bytes | mmap.mmap
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")
PIXEL_TOLERANCE = 24


@dataclass(frozen=True)
class Location:
    """Where a reader found a hidden item: `item` (0-based term number), the `reader`, the
    `problem` it belongs to, the 0-based `page` (None: not on a page, e.g. the raw bytes) and
    the `box` in the page's pixels at the page's dpi (None: the reader gives no position)."""

    item: int
    reader: str
    problem: str
    page: int | None = None
    box: Box | None = None

    def describe(self) -> str:
        """Where, in words, never the item's text."""
        if self.page is None:
            place = self.problem.split(" in ", 1)[-1] if " in " in self.problem else "the file"
            if "raw bytes" in self.problem:
                place = "raw bytes of the file"
            return f"hidden item #{self.item + 1}: {place}, not on a page ({self.reader})"
        if self.box is None:
            return f"hidden item #{self.item + 1}: page {self.page + 1} ({self.reader})"
        b = self.box
        return (
            f"hidden item #{self.item + 1}: page {self.page + 1}, region "
            f"{b.x0:.0f},{b.y0:.0f}-{b.x1:.0f},{b.y1:.0f} px ({self.reader})"
        )


@dataclass(frozen=True)
class VerifyReport:
    """What the check read and what it found. `problems` never contain a term's text.
    `locations` say where the hidden items among the problems were found (a problem without
    a location is one no place can be given for: structure, metadata, pixels). `boxed` lists
    what an export boxed after an earlier check (page, type; never the text) and
    `boxed_places` the same as (0-based page, box in the page's word coordinates, label), for
    the private redaction log. `spots` place problems at a box of the copy (text under it, or
    something showing through), which no further box can mend."""

    path: str
    readers: tuple[str, ...]
    terms_checked: int
    problems: tuple[str, ...]
    # What the copy keeps because it was asked to (a tracking-dot pattern under --color): no
    # failure, but said.
    warnings: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()
    boxed: tuple[str, ...] = ()
    boxed_places: tuple[tuple[int, Box, str], ...] = ()
    # problems at a box already in the copy: (problem, 0-based page, box in the page's pixels)
    spots: tuple[tuple[str, int, Box], ...] = ()
    # 0-based pages proven to be the source's pixels outside the boxes, where the source left
    # no symbol readable (verify/regions.py): the copy's barcode decode may skip them
    clear_pages: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        n = len(self.readers)
        readers = f"{n} reader{'s' if n != 1 else ''}"
        if self.ok:
            boxed = len(self.boxed)
            if boxed:
                places = f"{boxed} further place{'s' if boxed != 1 else ''}"
                return self._ok_summary(readers) + f" ({places} boxed after an earlier check)"
            return self._ok_summary(readers)
        shown = "; ".join(self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        return f"Checked with {readers}: {len(self.problems)} problem(s): {shown}{more}"

    def _ok_summary(self, readers: str) -> str:
        if self.terms_checked:
            items = f"item{'s' if self.terms_checked != 1 else ''}"
            return (
                f"Checked with {readers}: nothing of the {self.terms_checked} hidden "
                f"{items} can be found"
            )
        return f"Checked with {readers}: no hidden text, metadata or leftovers found"
