"""Word (.docx) and OpenDocument text (.odt) letters: every piece of text in the file, the body
and each place a name can hide (headers, footers, footnotes, comments, tracked insertions and
deletions, hidden text, field codes, document properties), as sections for `DocumentSource`.

Parsed with the standard library only: the zip through `safezip` (bounded), the XML through
`safexml` (no DTD, no entities, bounded depth). No office suite is run."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..errors import InputError
from .document import Section
from .safexml import parse_xml
from .safezip import SafeZip

# Why a section is shown as a notice (the editor decides on it): never the text itself.
HOW_HEADER = "a page header or footer of the document"
HOW_COMMENT = "a comment in the document"
HOW_DELETED = "text deleted with tracked changes (not shown in the document)"
HOW_HIDDEN = "text formatted as hidden"
HOW_FIELDS = "field codes (links and fields behind the text)"
HOW_PROPERTIES = "the document's properties"
HOW_ALT = "pictures' descriptions (alternative text)"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PARTS = 200  # headers, footers and other parts read from one document


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Paragraphs:
    """Paragraph text collected into buckets: what shows, deleted, hidden, field codes."""

    KEYS = ("", "del", "hide", "field", "alt")

    def __init__(self) -> None:
        self.out: dict[str, list[str]] = {k: [] for k in self.KEYS}
        self.stack: list[dict[str, list[str]]] = []
        self.authors: list[str] = []

    def push(self) -> None:
        self.stack.append({k: [] for k in self.KEYS})

    def pop(self) -> None:
        buf = self.stack.pop()
        for key in self.KEYS:
            text = "".join(buf[key]).strip()
            if text:
                self.out[key].append(text)

    def add(self, mode: str, text: str) -> None:
        if not self.stack:
            self.push()
            self.stack[-1][mode].append(text)
            self.pop()
        else:
            self.stack[-1][mode].append(text)

    def author(self, name: str | None) -> None:
        if name and name not in self.authors:
            self.authors.append(name)


def _on(el: ET.Element | None) -> bool:
    """A Word on/off property that is present and not switched off."""
    if el is None:
        return False
    return el.get(W + "val", "true").lower() not in ("0", "false", "off")


def _docx_walk(el: ET.Element, acc: _Paragraphs, mode: str = "") -> None:
    tag = el.tag
    if tag == W + "p":
        acc.push()
        for child in el:
            _docx_walk(child, acc, mode)
        acc.pop()
        return
    if tag in (W + "del", W + "moveFrom"):
        acc.author(el.get(W + "author"))
        for child in el:
            _docx_walk(child, acc, "del" if mode in ("", "hide") else mode)
        acc.add("del", " ")
        return
    if tag in (W + "ins", W + "moveTo", W + "rPrChange", W + "pPrChange"):
        acc.author(el.get(W + "author"))
    if tag == W + "r" and mode == "":
        rpr = el.find(W + "rPr")
        if rpr is not None and (_on(rpr.find(W + "vanish")) or _on(rpr.find(W + "specVanish"))):
            mode = "hide"
    if tag in (W + "t", W + "delText"):
        acc.add(mode, el.text or "")
    elif tag in (W + "instrText", W + "delInstrText"):
        acc.add("field", (el.text or "") + " ")
    elif tag == W + "tab" or tag == W + "ptab":
        acc.add(mode, " ")
    elif tag in (W + "br", W + "cr"):
        acc.add(mode, "\n")
    elif tag == W + "noBreakHyphen":
        acc.add(mode, "-")
    elif tag == W + "fldSimple":
        acc.add("field", (el.get(W + "instr") or "") + " ")
    elif tag == W + "hyperlink" and el.get(W + "tooltip"):
        acc.add("field", (el.get(W + "tooltip") or "") + " ")
    elif local(tag) in ("docPr", "cNvPr"):  # a picture's name, title and description
        for key in ("title", "descr"):
            if (el.get(key) or "").strip():
                acc.add("alt", (el.get(key) or "").strip() + " ")
    for child in el:
        _docx_walk(child, acc, mode)


def _docx_part(root: ET.Element) -> _Paragraphs:
    acc = _Paragraphs()
    _docx_walk(root, acc)
    return acc


def _changes(acc: _Paragraphs) -> list[Section]:
    """Sections for a part's deleted, hidden text and field codes."""
    out = []
    if acc.out["del"]:
        out.append(Section("Deleted text (tracked changes)", tuple(acc.out["del"]), HOW_DELETED))
    if acc.out["hide"]:
        out.append(Section("Hidden text", tuple(acc.out["hide"]), HOW_HIDDEN))
    if acc.out["field"]:
        out.append(Section("Field codes", tuple(acc.out["field"]), HOW_FIELDS))
    if acc.out["alt"]:
        out.append(Section("Pictures' descriptions", tuple(acc.out["alt"]), HOW_ALT))
    return out


def _props(root: ET.Element, skip: Iterable[str] = ()) -> list[str]:
    """'Name: value' for every leaf element with text (properties, metadata)."""
    lines = []
    skipped = set(skip)
    for el in root.iter():
        if len(el) or not (el.text or "").strip() or local(el.tag) in skipped:
            continue
        name = el.get("{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}name")
        lines.append(f"{name or _label(local(el.tag))}: {(el.text or '').strip()}")
    return lines


def _label(name: str) -> str:
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("-", " ").replace("_", " ")
    return {"creator": "Author", "initial creator": "First author"}.get(
        words.lower(), words[:1].upper() + words[1:]
    )


def _custom_props(root: ET.Element) -> list[str]:
    out = []
    for prop in root:
        value = " ".join((v.text or "").strip() for v in prop.iter() if v is not prop)
        out.append(f"{prop.get('name') or 'Property'}: {value}".strip())
    return out


_APP_STATS = {
    "Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs", "TotalTime",
    "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc", "HyperlinksChanged", "AppVersion",
    "Application",
}  # fmt: skip


# Parts that hold no text of the letter (layout, styles, fonts, relations): not shown.
_DOCX_SKIP = re.compile(
    r"(^\[Content_Types\]\.xml$|\.rels$|^word/(theme/|styles|fontTable|settings|webSettings|"
    r"numbering|stylesWithEffects|document\.xml$|header\d*\.xml$|footer\d*\.xml$|"
    r"footnotes\.xml$|endnotes\.xml$|comments\.xml$|people\.xml$)|^docProps/(core|app|custom)"
    r"\.xml$)"
)
_ODT_SKIP = re.compile(r"^(content|styles|meta|settings|manifest)\.xml$|^META-INF/")
HOW_OTHER = "text in other parts of the file (charts, diagrams, data)"


def _other_parts(z: SafeZip, skip: re.Pattern[str], what: str) -> list[Section]:
    """Every other XML part's text (charts, diagrams, comments' extensions, custom XML data):
    a name there is in the file even if no page shows it."""
    out = []
    for name in sorted(z.names())[:MAX_PARTS]:
        if not name.lower().endswith(".xml") or skip.search(name):
            continue
        root = parse_xml(z.read(name), what)
        bits = [t.strip() for el in root.iter() for t in (el.text, el.tail) if t and t.strip()]
        bits += [
            v.strip()
            for el in root.iter()
            for k, v in el.attrib.items()
            if local(k) in ("author", "name", "title", "descr") and len(v.strip()) > 1
        ]
        if bits:
            out.append(
                Section(f"Other text in the file ({name[-60:]})", (" ".join(bits),), HOW_OTHER)
            )
    return out


def docx_sections(data: bytes, what: str) -> list[Section]:
    z = SafeZip(data, what)
    if not z.has("word/document.xml"):
        raise InputError(f"{what}: not a Word document (no word/document.xml)")
    names = z.names()
    body = _docx_part(parse_xml(z.read("word/document.xml"), what))
    sections = [Section("", tuple(body.out[""]))]
    authors = list(body.authors)
    changes = _changes(body)
    parts = [n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml", n)]
    for name in sorted(parts, key=lambda n: ("footer" in n, n))[:MAX_PARTS]:  # headers first
        acc = _docx_part(parse_xml(z.read(name), what))
        kind = "Header" if "/header" in name else "Footer"
        sections.append(Section(kind, tuple(acc.out[""]), HOW_HEADER))
        changes += _changes(acc)
        authors += acc.authors
    for name, heading in (("word/footnotes.xml", "Footnotes"), ("word/endnotes.xml", "Endnotes")):
        if z.has(name):
            root = parse_xml(z.read(name), what)
            paras: list[str] = []
            for note in root:
                if note.get(W + "type") in ("separator", "continuationSeparator"):
                    continue
                acc = _docx_part(note)
                paras += acc.out[""]
                changes += _changes(acc)
                authors += acc.authors
            sections.append(Section(heading, tuple(paras)))
    if z.has("word/comments.xml"):
        for comment in parse_xml(z.read("word/comments.xml"), what):
            acc = _docx_part(comment)
            who = comment.get(W + "author") or "unknown"
            initials = comment.get(W + "initials")
            heading = f"Comment by {who}" + (f" ({initials})" if initials else "")
            paras = [t for key in _Paragraphs.KEYS for t in acc.out[key]]
            sections.append(Section(heading, tuple(paras or ["(empty)"]), HOW_COMMENT))
    sections += changes
    props: list[str] = []
    if z.has("docProps/core.xml"):
        props += _props(parse_xml(z.read("docProps/core.xml"), what))
    if z.has("docProps/app.xml"):
        props += _props(parse_xml(z.read("docProps/app.xml"), what), _APP_STATS)
    if z.has("docProps/custom.xml"):
        props += _custom_props(parse_xml(z.read("docProps/custom.xml"), what))
    if z.has("word/people.xml"):
        for el in parse_xml(z.read("word/people.xml"), what).iter():
            for key, value in el.attrib.items():
                if local(key) in ("author", "userId") and value.strip():
                    props.append(f"Person: {value.strip()}")
    for who in dict.fromkeys(a for a in authors if a.strip()):
        props.append(f"Tracked change by: {who}")
    sections.append(Section("Document properties", tuple(props), HOW_PROPERTIES))
    return sections + _other_parts(z, _DOCX_SKIP, what)


# --- OpenDocument ------------------------------------------------------------------------------

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
ODT_MIMETYPES = (b"application/vnd.oasis.opendocument.text",)


class _OdtAcc:
    def __init__(self) -> None:
        self.comments: list[tuple[str, list[str]]] = []
        self.notes: list[str] = []
        self.deleted: list[str] = []
        self.authors: list[str] = []


def _odt_text(el: ET.Element, acc: _Paragraphs, odt: _OdtAcc) -> None:
    """Walk an OpenDocument element: paragraphs into `acc`, comments, notes and tracked
    changes diverted into `odt`."""
    tag = el.tag
    if tag == OFFICE + "annotation":
        who = " ".join((c.text or "") for c in el.iter(DC + "creator")).strip() or "unknown"
        inner = _Paragraphs()
        for child in el:
            if child.tag not in (DC + "creator", DC + "date"):
                _odt_text(child, inner, odt)
        odt.comments.append((who, inner.out[""] or ["(empty)"]))
        return
    if tag == OFFICE + "annotation-end":
        return
    if tag == TEXT + "note":
        inner = _Paragraphs()
        for child in el:
            if child.tag == TEXT + "note-body":
                _odt_text(child, inner, odt)
        odt.notes += inner.out[""]
        return
    if tag == TEXT + "tracked-changes":
        for region in el:
            for change in region:
                for creator in change.iter(DC + "creator"):
                    if (creator.text or "").strip():
                        odt.authors.append((creator.text or "").strip())
                if change.tag == TEXT + "deletion":
                    inner = _Paragraphs()
                    for child in change:
                        if child.tag != OFFICE + "change-info":
                            _odt_text(child, inner, odt)
                    odt.deleted += inner.out[""]
        return
    if tag in (TEXT + "p", TEXT + "h"):
        acc.push()
        if el.text:
            acc.add("", el.text)
        for child in el:
            _odt_text(child, acc, odt)
            if child.tail:
                acc.add("", child.tail)
        acc.pop()
        return
    if tag == TEXT + "s":
        try:
            count = int(el.get(TEXT + "c", "1"))
        except ValueError:
            count = 1
        acc.add("", " " * max(1, min(count, 100)))
    elif tag == TEXT + "tab":
        acc.add("", " ")
    elif tag == TEXT + "line-break":
        acc.add("", "\n")
    elif el.text and acc.stack:
        acc.add("", el.text)
    for child in el:
        _odt_text(child, acc, odt)
        if child.tail and acc.stack:
            acc.add("", child.tail)


def odt_sections(data: bytes, what: str) -> list[Section]:
    z = SafeZip(data, what)
    if not z.has("content.xml"):
        raise InputError(f"{what}: not an OpenDocument text (no content.xml)")
    odt = _OdtAcc()
    body = _Paragraphs()
    content = parse_xml(z.read("content.xml"), what)
    for part in content.iter(OFFICE + "body"):
        _odt_text(part, body, odt)
    sections = [Section("", tuple(body.out[""]))]
    if z.has("styles.xml"):
        styles = parse_xml(z.read("styles.xml"), what)
        for el in styles.iter():
            name = local(el.tag)
            if el.tag.startswith(STYLE) and name.startswith(("header", "footer")):
                if name.endswith("-style"):
                    continue
                acc = _Paragraphs()
                _odt_text(el, acc, odt)
                kind = "Header" if name.startswith("header") else "Footer"
                sections.append(Section(kind, tuple(acc.out[""]), HOW_HEADER))
    if odt.notes:
        sections.append(Section("Footnotes", tuple(odt.notes)))
    for who, paras in odt.comments:
        sections.append(Section(f"Comment by {who}", tuple(paras), HOW_COMMENT))
    if odt.deleted:
        sections.append(Section("Deleted text (tracked changes)", tuple(odt.deleted), HOW_DELETED))
    props: list[str] = []
    if z.has("meta.xml"):
        meta = parse_xml(z.read("meta.xml"), what)
        props += _props(meta, ("generator", "editing-duration", "editing-cycles"))
    for who in dict.fromkeys(odt.authors):
        props.append(f"Tracked change by: {who}")
    sections.append(Section("Document properties", tuple(props), HOW_PROPERTIES))
    return sections + _other_parts(z, _ODT_SKIP, what)


def zip_kind(data: bytes, what: str) -> str:
    """'docx' or 'odt' for a zip container, from its parts (never its name)."""
    z = SafeZip(data, what)
    if z.has("word/document.xml"):
        return "docx"
    if z.has("mimetype") and z.read("mimetype").strip() in ODT_MIMETYPES:
        return "odt"
    if z.has("content.xml") and z.has("META-INF/manifest.xml"):
        return "odt"
    raise InputError(f"{what}: a zip file that is neither a Word nor an OpenDocument text")
