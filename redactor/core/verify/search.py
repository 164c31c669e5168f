"""Searching for hidden items: in text (forms, hyphenation, case), in bytes and streams."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import regex

from ..lookalike import fold_text, skeleton
from ..model import Box
from .common import Location, _Bytes, log

# --- term search -------------------------------------------------------------------------------

# A word: letters and digits, with any format characters (zero-width space, soft hyphen) inside.
_WORD_RE = regex.compile(r"[^\W_](?:[^\W_]|\p{Cf})*")


def _fold(text: str) -> str:
    """Text as a reader sees it, one character at a time: format characters dropped, case
    folded, ё->е, look-alike letters of other scripts mapped to their prototype (UTS #39)."""
    return fold_text(text.replace("ё", "е").replace("Ё", "Е"))


def _key(word: str) -> str:
    """A word's comparison key: its confusable skeleton, ё read as е."""
    return skeleton(word.replace("ё", "е").replace("Ё", "Е"))


def _fallback_find(text: str, terms: Sequence[str], slack: int = 3) -> set[int]:
    """Case-, whitespace-, hyphenation-, letter-spacing- and look-alike-insensitive search: the
    term's letters (by skeleton) must start at a word start in the text and end within `slack`
    letters of a word end (case endings)."""
    keys = [_key(m.group()) for m in _WORD_RE.finditer(text)]
    compact = "".join(keys)
    starts: set[int] = set()
    ends: set[int] = set()
    pos = 0
    for k in keys:
        starts.add(pos)
        pos += len(k)
        ends.add(pos)
    found: set[int] = set()
    for n, term in enumerate(terms):
        t = "".join(_key(w) for w in _WORD_RE.findall(term))
        if not t:
            continue
        i = compact.find(t)
        while i >= 0:
            end = i + len(t)
            if i in starts and any(end + k in ends for k in range(slack + 1)):
                found.add(n)
                break
            i = compact.find(t, i + 1)
    return found


# A term with fewer letters and digits than this ("№ 6", "Li") is matched exactly, symbols
# included, and only as a whole (a lone "6" would match every page number).
SHORT_TERM = 3


def _alnum_count(term: str) -> int:
    return sum(1 for c in term if c.isalnum())


def _short_find(text: str, terms: Sequence[tuple[int, str]]) -> set[int]:
    folded = _fold(text)
    found: set[int] = set()
    for n, term in terms:
        chars = [c for c in _fold(term) if not c.isspace()]
        if not chars:
            continue
        body = r"\s*".join(re.escape(c) for c in chars)
        if re.search(rf"(?<![^\W_]){body}(?![^\W_])", folded):
            found.add(n)
    return found


def find_term_numbers(text: str, terms: Sequence[str], streams: bool = False) -> set[int]:
    """Indexes (0-based) of the terms found in text, in any case, across line breaks and
    hyphenation and, when the term matcher is available, in their grammatical forms. Terms of
    one or two letters or digits are matched exactly; `streams` (text that is not prose: PDF
    operators, numbers, hex codes) leaves them out."""
    if not text or not terms:
        return set()
    short = [(n, t) for n, t in enumerate(terms) if 0 < _alnum_count(t) < SHORT_TERM]
    long_idx = [n for n, t in enumerate(terms) if _alnum_count(t) >= SHORT_TERM]
    found = set() if streams else _short_find(text, short)
    if not long_idx:
        return found
    long_terms = [terms[n] for n in long_idx]
    try:
        from redactor.core.detect.terms import find_terms
    except ImportError:  # the detector package is optional for verification
        return found | {long_idx[k] for k in _fallback_find(text, long_terms, slack=3)}
    # the term matcher knows the case forms; the fallback adds words split at any break
    found |= {long_idx[k] for k in _fallback_find(text, long_terms, slack=0)}
    for span in find_terms(text, long_terms):
        if span.term is not None:
            found.add(long_idx[span.term])
    return found


def _byte_variants(term: str) -> set[bytes]:
    out: set[bytes] = set()
    for form in {term, term.lower(), term.upper(), term.title()}:
        for enc in ("utf-8", "utf-16-be", "utf-16-le", "cp1251", "latin-1"):
            try:
                b = form.encode(enc)
            except UnicodeEncodeError:
                continue
            if len(b) >= 3:
                out.add(b)
    return out


def _scan_bytes(data: _Bytes, terms: Sequence[str], pdf: bool = False) -> set[int]:
    """Terms whose bytes (in UTF-8, UTF-16, cp1251 or Latin-1; any ASCII case) are in data.
    `pdf`: a term of digits alone found among the file's numbers (not in a string) is syntax."""
    owner: dict[bytes, int] = {}
    for n, t in enumerate(terms):
        for v in _byte_variants(t):
            owner.setdefault(v.lower(), n)
    if not owner:
        return set()
    pattern = re.compile(
        b"|".join(re.escape(v) for v in sorted(owner, key=len, reverse=True)), re.IGNORECASE
    )
    found: set[int] = set()
    ids = _file_ids(data) if pdf else []
    for m in pattern.finditer(data):
        n = owner[m.group().lower()]
        if n in found or _in_pdf_syntax(data, m.start(), m.end()):
            continue
        if pdf and _number_in_syntax(data, m.start(), m.end()):
            continue
        if any(a <= m.start() and m.end() <= b for a, b, _ in ids):
            continue  # the hex spelling of a file /ID: its bytes are searched below
        found.add(n)
    for _, _, raw in ids:
        found |= _scan_bytes(raw, terms)
    return found


# A file identifier: `/ID [<hex> <hex>]` in a trailer or cross-reference stream's dictionary.
_FILE_ID_RE = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f\s]{0,256})>\s*<([0-9A-Fa-f\s]{0,256})>\s*\]")


def _file_ids(data: _Bytes) -> list[tuple[int, int, bytes]]:
    """The hex strings of every file /ID: their place and the bytes they spell. A random /ID's
    hex digits spell a short number or a word of the letters A to F by chance ("155", "Ada"),
    which is no leak; what the bytes say is searched instead."""
    out: list[tuple[int, int, bytes]] = []
    for m in _FILE_ID_RE.finditer(data):
        for g in (1, 2):
            digits = re.sub(rb"\s", b"", m.group(g))
            raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
            out.append((m.start(g), m.end(g), raw))
    return out


# PDF keywords and the PostScript words of a CMap: syntax, not text.
_PDF_WORDS = frozenset(
    b"""obj endobj stream endstream xref trailer startxref true false null begin end def dict
    findresource defineresource pop currentdict begincmap endcmap beginbfchar endbfchar
    beginbfrange endbfrange begincodespacerange endcodespacerange usecmap CIDInit ProcSet
    beginnotdefchar endnotdefchar begincidchar endcidchar begincidrange endcidrange""".split()
)
_NAME_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-_.#")
_ALNUM = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _in_pdf_syntax(data: _Bytes, start: int, end: int) -> bool:
    """True when bytes [start, end) sit inside a PDF name (/FontName) or are part of a PDF
    keyword: the structure scan reads names as text, so the byte scan leaves them out."""
    i = start
    while i > 0 and data[i - 1] in _NAME_CHARS and start - i < 128:
        i -= 1
    if i > 0 and data[i - 1] == 0x2F:  # '/'
        return True
    a, b = start, end
    while a > 0 and data[a - 1] in _ALNUM and start - a < 32:
        a -= 1
    while b < len(data) and data[b] in _ALNUM and b - end < 32:
        b += 1
    return bytes(data[a:b]) in _PDF_WORDS


_PDF_NAME_RE = re.compile(r"/[^\s/<>\[\]()%{}]+")
_PDF_WORD_RE = re.compile(
    r"(?<![^\W_])(" + "|".join(w.decode() for w in sorted(_PDF_WORDS)) + r")(?![^\W_])"
)


def _strip_pdf_syntax(text: str) -> str:
    """A decompressed stream's text without PDF names, keywords and numbers outside strings
    (syntax, not prose)."""
    return _PDF_WORD_RE.sub(" ", _PDF_NAME_RE.sub(" ", _strip_pdf_numbers(text)))


# A PDF string or comment (kept: text lives there), or a run of numbers that a PDF operator,
# keyword or delimiter follows (operands, dictionary values, references, cross-reference
# entries: syntax). The coordinates of a content stream ("1 0 0 1 13 13 Tm") and the offsets of
# the cross-reference table spell any short run of digits by chance: a date or a phone's part
# is no leak there. Numbers in running text ("phone 7015551234 then") stay.
_DELIM = r"\s\[\]<>/(){}%"
_NUM = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"  # one way to read each number: no backtracking blow-up
_OPERATORS = (
    r"BDC|BMC|EMC|SCN|scn|BT|ET|BX|EX|BI|ID|EI|CS|cs|SC|sc|RG|rg|Tc|Tw|Tz|TL|Tf|Tr|Ts|Td|TD|Tm"
    r"|T\*|Tj|TJ|d0|d1|cm|gs|ri|re|sh|Do|MP|DP|W\*|f\*|B\*|b\*|obj|R|n|f|F|B|b|S|s|W|G|g|K|k"
    r"|J|j|M|d|i|w|m|l|c|v|y|h|q|Q|'|\""
)
_PDF_STRING_OR_NUMBER_RE = re.compile(
    r"(\((?:\\.|[^\\)])*\)|%[^\r\n]*|<[0-9A-Fa-f\s]*>)"
    rf"|(?<![^{_DELIM}]){_NUM}(?:\s+{_NUM}){{0,32}}"
    rf"(?=\s*(?:(?:{_OPERATORS})(?![^{_DELIM}])|[\[\]<>/%]|$))"
)


def _strip_pdf_numbers(text: str) -> str:
    """PDF syntax with every run of operand numbers outside strings and comments blanked."""
    return _PDF_STRING_OR_NUMBER_RE.sub(lambda m: m.group(1) or " ", text)


_SYNTAX_BOUNDARY_RE = re.compile(rb"\b(?:obj|endobj|stream|endstream|xref|trailer|startxref)\b")


def _number_in_syntax(data: _Bytes, start: int, end: int) -> bool:
    """True when bytes [start, end), made of digits and separators only, are PDF numbers
    (operands, offsets, lengths, references) rather than text in a string, a comment or a
    stream of plain text."""
    if any(c in _LETTERS for c in bytes(data[start:end])):
        return False
    lo = max(0, start - 4096)
    window = bytes(data[lo : end + 4096])
    bounds = list(_SYNTAX_BOUNDARY_RE.finditer(window, 0, start - lo))
    base = bounds[-1].end() if bounds else 0
    text = window.decode("latin-1")
    for m in _PDF_STRING_OR_NUMBER_RE.finditer(text, base):
        if m.start() > start - lo:
            break
        if m.end() >= end - lo:
            return m.group(1) is None  # a string or comment holds text; an operand run does not
    return False


_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") | frozenset(
    range(0x80, 0x100)
)


def _image_header(data: _Bytes) -> bytes:
    """The parts of an image file that are not pixel data (where text can hide)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        parts = []
        pos = 8
        while pos + 8 <= len(data):
            length = int.from_bytes(data[pos : pos + 4], "big")
            if data[pos + 4 : pos + 8] != b"IDAT":
                parts.append(bytes(data[pos + 8 : pos + 8 + min(length, 10_000_000)]))
            pos += 12 + length
        return b"\n".join(parts)
    if data[:2] == b"\xff\xd8":
        sos = data.find(b"\xff\xda")
        eoi = data.rfind(b"\xff\xd9")
        tail = bytes(data[eoi + 2 :]) if eoi > 0 else b""  # anything appended after the image
        return bytes(data[: sos if sos > 0 else 65536]) + b"\n" + tail
    return bytes(data[:65536])


def _outside_image_streams(data: _Bytes) -> bytes:
    """A PDF's bytes without the bodies of its image streams and of every compressed stream:
    compressed bytes look random, and a short term turns up in them by chance (a false leak).
    Compressed streams are searched after decompression instead."""
    parts: list[bytes] = []
    pos = 0
    for m in re.finditer(rb"(?<!end)stream\r?\n", data):
        if m.start() < pos:
            continue
        head = data[max(0, m.start() - 600) : m.start()]
        k = head.rfind(b"obj")
        head = head[k:] if k >= 0 else head
        if b"/Image" not in head and b"/Filter" not in head and not _is_font_program(head):
            continue
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        parts.append(bytes(data[pos : m.end()]))
        pos = end
    parts.append(bytes(data[pos:]))
    return b"".join(parts)


_FONT_PROGRAM_RE = re.compile(rb"/Length[123]\b|/Subtype\s*/(Type1C|CIDFontType0C|OpenType)\b")


def _is_font_program(stream_dict: bytes) -> bool:
    """True for the dictionary of an embedded font program (binary, never searched as text)."""
    return _FONT_PROGRAM_RE.search(stream_dict) is not None


def _text_views(data: bytes) -> str:
    return "\n".join(
        data.decode(enc, "ignore") for enc in ("utf-8", "utf-16-be", "utf-16-le", "cp1251")
    )


# A word a reader placed on a page: its text, its box in page pixels, its line (-1: unknown).
PlacedWord = tuple[str, Box, int]


def locate_term(words: Sequence[PlacedWord], term: str) -> list[Box]:
    """The boxes of the words in which `term` is found: the shortest runs of neighbouring
    words on one line (a name split in two words, a form of it, a phone in pieces)."""
    size_max = len(term.split()) + 2
    boxes: list[Box] = []
    used: set[int] = set()
    for size in range(1, size_max + 1):
        for i in range(len(words) - size + 1):
            run = range(i, i + size)
            if used.intersection(run) or len({words[j][2] for j in run}) > 1:
                continue
            if find_term_numbers(" ".join(words[j][0] for j in run), [term]):
                used.update(run)
                boxes += [words[j][1] for j in run]
    return boxes


class _Collector:
    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = list(terms)
        self.problems: list[str] = []
        self.readers: list[str] = []
        self.warnings: list[str] = []
        self.dots_are_problems = True
        self.dots_wanted = True
        self.locations: list[Location] = []
        # problems tied to a box already in the copy: (problem, 0-based page, box in page px)
        self.spots: list[tuple[str, int, Box]] = []
        # pages whose pixels outside the boxes are proven the source's, with no symbol left
        # there by the source (regions.py): no barcode decode needed on them
        self.clear_pages: list[int] = []

    def tracking_dots(self, where: str, pattern: object) -> None:
        """A printer's yellow dot pattern on a page: a problem, or a warning when the copy was
        asked to keep its colours."""
        period = getattr(pattern, "period_mm", 0.0)
        text = (
            f"tracking dots: {where} carries a yellow dot pattern (repeating about every "
            f"{period} mm), which can identify the printer and when it printed"
        )
        if self.dots_are_problems:
            self.add(text)
        elif text not in self.warnings:
            self.warnings.append(text)

    def add_item(self, n: int, reader: str, problem: str, page: int | None = None) -> None:
        """A problem about hidden item n (0-based) that a reader found at no place on a page."""
        self.add(problem)
        self.locations.append(Location(n, reader, problem, page, None))

    def add_at(self, problem: str, page: int, box: Box) -> None:
        """A problem at a box of the copy (something shows through it, or text lies under it):
        no box can help there, but the place can be shown."""
        self.add(problem)
        if (problem, page, box) not in self.spots:
            self.spots.append((problem, page, box))

    def reader(self, name: str) -> None:
        if name not in self.readers:
            self.readers.append(name)

    def add(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)
            log.info("verify: %s", problem)

    def search(
        self,
        text: str,
        reader: str,
        where: str,
        streams: bool = False,
        page: int | None = None,
        words: Sequence[PlacedWord] | Callable[[], Sequence[PlacedWord]] | None = None,
    ) -> None:
        """Search text for the terms; each hit is a problem and a location: on `page` when
        the text is a page's, at the boxes of `words` (the reader's placed words) when they
        show where."""
        if streams:
            text = _strip_pdf_syntax(text)
        hits = sorted(find_term_numbers(text, self.terms, streams))
        placed: Sequence[PlacedWord] = ()
        if hits and page is not None and words is not None:
            placed = words() if callable(words) else words
        for n in hits:
            problem = f"{reader} finds hidden item #{n + 1} in {where}"
            self.add(problem)
            boxes = locate_term(placed, self.terms[n]) if placed else []
            if not boxes:
                self.locations.append(Location(n, reader, problem, page, None))
            for box in boxes:
                self.locations.append(Location(n, reader, problem, page, box))
