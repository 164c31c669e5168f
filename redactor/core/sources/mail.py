"""E-mails (.eml): the body, then each attachment, as the pages of one letter. The headers
(From, To, Subject, ...) and the attachments' file names are a section of their own, shown to
the editor as a notice. Parsed with the standard library's email package (policy.default),
with bounds on size, parts and nesting checked before and while parsing."""

from __future__ import annotations

import email
import email.message
import html
import io
import re
from collections.abc import Callable
from email import policy
from html.parser import HTMLParser

from ..errors import InputError, PasswordRequired, RedactorError
from .base import Source
from .document import DocumentSource, Section

HOW_MAIL_HEADERS = "the e-mail's headers and attachments' names"
MAX_MAIL_BYTES = 50_000_000
MAX_PARTS = 500
MAX_DEPTH = 8  # multipart and attached e-mails inside each other
MAX_ATTACHMENTS = 50
MAX_HEADER_CHARS = 200_000

# What an attachment's bytes turn into: (bytes, a name for messages, depth) -> sources.
Opener = Callable[[bytes, str, int], list[Source]]


class _HtmlText(HTMLParser):
    """The text of an HTML body (scripts and styles left out), blocks as lines."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        for key, value in attrs:  # link targets and pictures' texts may hold names
            if key in ("href", "alt", "title") and value and not value.startswith("cid:"):
                self.parts.append(f" [{value}] ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title") and self._skip:
            self._skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _HtmlText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # a parser that gives up: the markup's text, tags dropped crudely
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
    return "".join(parser.parts)


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip())


# Headers that say only how the e-mail is encoded (their values are tokens and boundaries, never
# a reader's text): left out, as nothing left out of the pages can reach a copy.
_TECHNICAL = {"mime-version", "content-type", "content-transfer-encoding"}


def _header_lines(msg: email.message.Message) -> list[str]:
    lines = []
    for name, value in msg.items():
        if name.lower() in _TECHNICAL:
            continue
        try:
            text = str(value)
        except Exception:  # a header the parser cannot decode: as it is
            text = repr(value)
        lines.append(f"{name}: {' '.join(text.split())}"[:MAX_HEADER_CHARS])
    return lines


def _precheck(data: bytes, what: str) -> None:
    if len(data) > MAX_MAIL_BYTES:
        raise InputError(f"{what}: the e-mail is too large")
    # Counted before parsing: a MIME bomb (thousands of parts inside each other) is refused
    # before the parser spends time or stack on it.
    declared = len(re.findall(rb"(?im)^content-type\s*:", data))
    if declared > MAX_PARTS:
        raise InputError(f"{what}: the e-mail has more than {MAX_PARTS} parts (a MIME bomb?)")


def mail_sources(data: bytes, what: str, open_bytes: Opener, depth: int = 0) -> list[Source]:
    """The e-mail's text pages (headers, body, text parts) and its attachments' pages."""
    if depth > MAX_DEPTH:
        raise InputError(f"{what}: e-mails attached inside each other too deeply")
    _precheck(data, what)
    try:
        msg = email.message_from_bytes(data, policy=policy.default)
    except RecursionError:
        raise InputError(f"{what}: the e-mail's parts are nested too deeply") from None
    except Exception as exc:
        raise InputError(f"{what}: not a readable e-mail ({type(exc).__name__})") from None
    body: list[Section] = []
    headers = _header_lines(msg)
    attachments: list[Source] = []
    count = 0
    seen_text: set[str] = set()

    def walk(part: email.message.Message, level: int) -> None:
        nonlocal count
        count += 1
        if count > MAX_PARTS:
            raise InputError(f"{what}: the e-mail has more than {MAX_PARTS} parts (a MIME bomb?)")
        if level > MAX_DEPTH:
            raise InputError(f"{what}: the e-mail's parts are nested too deeply (a MIME bomb?)")
        ctype = part.get_content_type()
        if part.is_multipart() and ctype != "message/rfc822":
            for sub in part.get_payload() or []:
                if isinstance(sub, email.message.Message):
                    walk(sub, level + 1)
            return
        name = part.get_filename() or ""
        if name:
            headers.append(f"Attachment: {' '.join(name.split())}")
        if ctype == "message/rfc822":
            inner = part.get_payload()
            raw = b""
            if isinstance(inner, list) and inner and isinstance(inner[0], email.message.Message):
                raw = inner[0].as_bytes(policy=policy.default)
            elif isinstance(inner, (bytes, str)):
                raw = inner.encode("utf-8", "replace") if isinstance(inner, str) else inner
            if raw:
                _attach(mail_sources(raw, f"{what} (attached e-mail)", open_bytes, depth + 1))
            return
        disposition = part.get_content_disposition()
        try:
            payload = part.get_payload(decode=True)
        except Exception:
            payload = None
        if not isinstance(payload, bytes):
            payload = b""
        if ctype.startswith("text/") and disposition != "attachment":
            charset = part.get_content_charset() or "utf-8"
            try:
                text = payload.decode(charset, "replace")
            except LookupError:
                text = payload.decode("utf-8", "replace")
            if ctype == "text/html":
                text = html_text(text)
            key = " ".join(text.split())
            if key and key not in seen_text:  # an HTML twin of the plain body only when it differs
                heading = "" if not body else f"More text of the e-mail ({ctype})"
                body.append(Section(heading, _paragraphs(text)))
                seen_text.add(key)
            return
        if not payload:
            return
        label = f"{what} (attachment {len(attachments) + 1})"
        _attach(open_bytes(payload, label, depth + 1))

    def _attach(sources: list[Source]) -> None:
        for src in sources:
            if len(attachments) >= MAX_ATTACHMENTS:
                src.close()
                raise InputError(f"{what}: more than {MAX_ATTACHMENTS} attachments")
            attachments.append(src)

    try:
        walk(msg, 0)
    except RecursionError:
        for src in attachments:
            src.close()
        raise InputError(f"{what}: the e-mail's parts are nested too deeply") from None
    except PasswordRequired:
        for src in attachments:
            src.close()
        raise InputError(f"{what}: an attached PDF is encrypted") from None
    except BaseException as exc:
        for src in attachments:
            src.close()
        if isinstance(exc, Exception) and not isinstance(exc, (RedactorError, MemoryError)):
            raise InputError(f"{what}: not a readable e-mail ({type(exc).__name__})") from None
        raise
    sections = [*body, Section("E-mail headers", tuple(headers), HOW_MAIL_HEADERS)]
    if not body:
        sections.insert(0, Section("", ("(the e-mail has no text of its own)",)))
    return [DocumentSource(what, sections), *attachments]


def looks_like_mail(head: bytes) -> bool:
    """Whether the first bytes are an e-mail's header block (for files without .eml)."""
    text = head[:4096].decode("latin-1")
    first = text.lstrip("\r\n").split("\n", 1)[0]
    if not re.match(r"^(From |[A-Za-z][A-Za-z0-9-]{0,60}:)", first):
        return False
    names = {m.lower() for m in re.findall(r"(?m)^([A-Za-z][A-Za-z0-9-]{0,60}):", text)}
    return "from" in names and bool(names & {"mime-version", "received", "message-id", "date"})


def bytes_stream(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)
