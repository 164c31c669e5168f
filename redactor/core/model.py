"""Domain types. Frozen dataclasses; coordinates are page pixels at the page's working DPI,
origin top-left, x to the right, y down."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ReviewState(StrEnum):
    """Where a redaction stands in the review (saved in plans as its value)."""

    PROPOSED = "proposed"  # found; not decided (an automatic run may accept it)
    ACCEPTED = "accepted"  # burned into the copy
    REJECTED = "rejected"  # looked at and kept readable


class FindingSource(StrEnum):
    """Who found a finding or drew a box (saved in plans as its value)."""

    TERM = "term"  # a term list (deny terms, search-and-redact)
    DETECTOR = "detector"  # the detector, its notices, dark boxes drawn in the source
    MANUAL = "manual"  # drawn by the editor


class Stage(StrEnum):
    """A job's stage, as progress reports name it."""

    READ = "read"
    FIND = "find"
    WRITE = "write"


class Label(StrEnum):
    """What a finding is. The first eleven are the corpus contract's (DESIGN.md); the others are
    the tool's own. Spans and redactions hold a label as a string (a Label is one)."""

    # identifying: hidden under the default profile
    PERSON = "PERSON"
    LOCATION = "LOCATION"
    ADDRESS = "ADDRESS"
    FACILITY = "FACILITY"
    DATE = "DATE"
    ID = "ID"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    # named but not identifying: neither required nor penalised
    ORGANIZATION = "ORGANIZATION"
    PUBLIC = "PUBLIC"
    OTHER = "OTHER"
    # the tool's own
    URL = "URL"  # handled as a whole item (never a piece of it) if a recognizer reports one
    TERM = "TERM"  # a term of a list (deny terms, search and redact)
    MANUAL = "MANUAL"  # a box drawn by the editor, or a dark box drawn in the source
    HIDDEN_TEXT = "HIDDEN_TEXT"
    MIXED_SCRIPT = "MIXED_SCRIPT"
    UNREAD = "UNREAD"
    LEAK = "LEAK"  # a place the final check of an export found a hidden item in the copy
    # marks found in the page's pixels, not in its words (core/marks.py)
    BARCODE = "BARCODE"  # a barcode or a QR code (a postal label's tracking number)
    FACE = "FACE"  # a face in an enclosed photo
    STAMP = "STAMP"  # a censor's or an office's ink stamp (round or framed, coloured ink)
    SIGNATURE = "SIGNATURE"  # a hand-drawn mark under a typed letter
    HANDWRITING = "HANDWRITING"  # handwriting in a typed letter


# Labels of the corpus contract (DESIGN.md). The first eight identify a person and are
# hidden under the default profile.
IDENTIFYING_LABELS: tuple[str, ...] = (
    Label.PERSON,
    Label.LOCATION,
    Label.ADDRESS,
    Label.FACILITY,
    Label.DATE,
    Label.ID,
    Label.PHONE,
    Label.EMAIL,
)
OTHER_LABELS: tuple[str, ...] = (Label.ORGANIZATION, Label.PUBLIC, Label.OTHER)
ALL_LABELS: tuple[str, ...] = IDENTIFYING_LABELS + OTHER_LABELS
# Findings that are not a kind of identifying detail but something the editor must see about the
# file itself: source text that is not visible on the page (never carried into a copy), a word
# that mixes scripts (look-alike letters, the classic way to dodge a search), and ink no reader
# could read, and a place where the final check of an export found a hidden item in the copy and
# refused it (LEAK). They are in no profile: the editor decides on each.
NOTICE_LABELS: tuple[str, ...] = (
    Label.HIDDEN_TEXT,
    Label.MIXED_SCRIPT,
    Label.UNREAD,
    Label.LEAK,
)
# What a page's pixels show besides its words (core/marks.py): they identify as names do, so the
# strict profile hides them.
MARK_LABELS: tuple[str, ...] = (
    Label.BARCODE,
    Label.FACE,
    Label.STAMP,
    Label.SIGNATURE,
    Label.HANDWRITING,
)
# Marks that are ink no reader reads: also unread ink for the export's gate.
HAND_LABELS: tuple[str, ...] = (Label.SIGNATURE, Label.HANDWRITING)
PROFILES: dict[str, frozenset[str]] = {
    "strict": frozenset(IDENTIFYING_LABELS + MARK_LABELS),
    "names": frozenset({Label.PERSON}),
}
# What the text export writes in place of a redaction.
LABEL_PLACEHOLDER: dict[str, str] = {
    Label.PERSON: "[NAME]",
    Label.LOCATION: "[PLACE]",
    Label.ADDRESS: "[ADDRESS]",
    Label.FACILITY: "[FACILITY]",
    Label.DATE: "[DATE]",
    Label.ID: "[ID]",
    Label.PHONE: "[PHONE]",
    Label.EMAIL: "[EMAIL]",
    Label.ORGANIZATION: "[ORGANIZATION]",
    Label.PUBLIC: "[NAME]",
    Label.OTHER: "[REDACTED]",
    Label.URL: "[REDACTED]",
    Label.TERM: "[REDACTED]",
    Label.MANUAL: "[REDACTED]",
    Label.HIDDEN_TEXT: "[REDACTED]",
    Label.MIXED_SCRIPT: "[REDACTED]",
    Label.UNREAD: "[REDACTED]",
    Label.LEAK: "[REDACTED]",
    Label.BARCODE: "[BARCODE]",
    Label.FACE: "[PHOTO]",
    Label.STAMP: "[STAMP]",
    Label.SIGNATURE: "[SIGNATURE]",
    Label.HANDWRITING: "[HANDWRITING]",
}


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in page pixels: x0 <= x1, y0 <= y1."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def intersects(self, other: Box) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def contains_center_of(self, other: Box) -> bool:
        cx, cy = (other.x0 + other.x1) / 2, (other.y0 + other.y1) / 2
        return self.x0 <= cx <= self.x1 and self.y0 <= cy <= self.y1

    def padded(self, px: float, width: float, height: float) -> Box:
        return Box(
            max(0.0, self.x0 - px),
            max(0.0, self.y0 - px),
            min(width, self.x1 + px),
            min(height, self.y1 + px),
        )

    def scaled(self, factor: float) -> Box:
        return Box(self.x0 * factor, self.y0 * factor, self.x1 * factor, self.y1 * factor)

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.y0, 2), round(self.x1, 2), round(self.y1, 2)]


@dataclass(frozen=True)
class Word:
    """One word on a page, with where it is and how sure the reader was (0-100)."""

    text: str
    box: Box
    conf: float = 100.0
    line: int = 0  # line number within the page, increasing down the page
    block: int = 0  # paragraph/block number within the page
    source: str = "text"  # "text" (PDF text layer), "ocr", or "plain" (a .txt letter)


@dataclass(frozen=True)
class Mark:
    """Something a page's pixels show besides its words (core/marks.py): a barcode, a face, a
    stamp, a signature or handwriting. `kind` says which kind ("QR code", "round stamp"), never
    what it says; `content` is a symbol's decoded text, for the screen only (never logged or
    saved)."""

    label: str
    box: Box
    kind: str
    score: float = 1.0
    content: str = ""


@dataclass(frozen=True)
class PageText:
    """The words of one page and the page's geometry."""

    index: int  # 0-based
    width_px: int
    height_px: int
    dpi: int
    words: tuple[Word, ...] = ()
    needs_eyes: bool = False
    needs_eyes_reason: str = ""
    ocr_conf: float | None = None  # mean OCR word confidence; None when no OCR ran
    drawn_boxes: tuple[Box, ...] = ()  # dark boxes drawn in the source (earlier redactions)
    # Text-layer words whose ink is not visible on the rendered page (white on white, render
    # mode 3/7, under an image, clipped away, a layer that is off, too small to see). They are
    # never part of `words`: no detector, text layer or text export sees them; the editor is
    # shown them as HIDDEN_TEXT findings.
    hidden_words: tuple[Word, ...] = ()
    # Why each of `hidden_words` is not visible ("invisible text (render mode 3)", "the same
    # colour as what is behind it", ...: `sources/ink.py`; never the text), one per word.
    hidden_hows: tuple[str, ...] = ()
    # Regions of ink that no word explains after every reading (other orientations, mirrored,
    # per colour channel), big enough to hold a word: the export is gated until the editor has
    # looked (or `--accept-unread` says so).
    unread_regions: tuple[Box, ...] = ()
    # Barcodes, faces, stamps, signatures and handwriting found in the page's pixels.
    marks: tuple[Mark, ...] = ()

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        """The page as one string (words joined by spaces, lines by newlines, blocks by a
        blank line) and each word's (start, end) in it."""
        parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        pos = 0
        prev: Word | None = None
        for w in self.words:
            if prev is not None:
                if w.block != prev.block:
                    sep = "\n\n"
                elif w.line != prev.line:
                    sep = "\n"
                else:
                    sep = " "
                parts.append(sep)
                pos += len(sep)
            parts.append(w.text)
            offsets.append((pos, pos + len(w.text)))
            pos += len(w.text)
            prev = w
        return "".join(parts), offsets

    @property
    def text(self) -> str:
        return self.text_and_offsets()[0]


@dataclass(frozen=True)
class Span:
    """A stretch of text found by a detector or a term list: character offsets in a text."""

    start: int
    end: int
    label: str
    score: float = 1.0
    why: str = ""  # recognizer / pattern / "term" / "propagated from ..." (never the text itself)
    term: int | None = None  # a term match: the index of its term in the list searched
    # In memory only, for the editor's screen (never logged, saved or printed; not in repr):
    # the term (or the form of a found name) a term match or a propagated span matched, ...
    term_text: str = field(default="", repr=False, compare=False)
    # ... where a propagated span's term was found: (text index, start, end) in the texts
    # analysed together (a letter's pages), None for the editor's own terms ...
    origin: tuple[int, int, int] | None = field(default=None, repr=False, compare=False)
    # ... and the other spans merged into this one (union.py), each with its own reason.
    more: tuple[Span, ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class Reason:
    """One reason a finding was made, for the editor's screen. `term` may hold a letter's words:
    it is in memory only, never logged or saved (and not in repr)."""

    source: str  # a FindingSource
    label: str
    why: str  # recognizer / pattern / "term #n" / "propagated ..." (never the text itself)
    score: float = 1.0
    term: str = field(default="", repr=False)  # the term or name form matched, if any
    # the finding a propagated one repeats: (page, word indexes), None if not known
    origin: tuple[int, tuple[int, ...]] | None = None


@dataclass(frozen=True)
class Finding:
    """A span on a page, mapped to the words it covers."""

    page: int
    span: Span
    word_indexes: tuple[int, ...]
    boxes: tuple[Box, ...]
    source: str = FindingSource.DETECTOR  # a FindingSource
    term_key: str = ""  # normalised term (in memory only; the plan file stores a keyed hash)
    # A HIDDEN_TEXT finding has no `word_indexes` (its words are not words of the page): these
    # index `PageText.hidden_words` instead (for the app to show their text on screen only).
    hidden_indexes: tuple[int, ...] = ()
    # Why it was found: every reason, the finding's own first (findings merged into it keep
    # theirs here); empty: only the span's (`reasons_of`). In memory only.
    reasons: tuple[Reason, ...] = field(default=(), repr=False, compare=False)


def span_reasons(
    span: Span, source: str, origin: Callable[[Span], tuple[int, tuple[int, ...]] | None]
) -> tuple[Reason, ...]:
    """The reasons of a span and of the spans merged into it; `origin` places a propagated
    span's origin (None: not known)."""
    return tuple(
        Reason(source, s.label, s.why, s.score, s.term_text, origin(s)) for s in (span, *span.more)
    )


def reasons_of(finding: Finding) -> tuple[Reason, ...]:
    """A finding's reasons: those it carries, else its span's (origins unknown)."""
    return finding.reasons or span_reasons(finding.span, finding.source, lambda _s: None)


def merge_reasons(*groups: Iterable[Reason]) -> tuple[Reason, ...]:
    """The reasons of several findings, in order, each once."""
    out: list[Reason] = []
    for group in groups:
        for r in group:
            if r not in out:
                out.append(r)
    return tuple(out)


@dataclass(frozen=True)
class Document:
    """An opened input: where it came from and its pages' words."""

    path: str
    kind: str  # "pdf", "image", "text"
    pages: tuple[PageText, ...] = field(default_factory=tuple)

    @property
    def page_count(self) -> int:
        return len(self.pages)
