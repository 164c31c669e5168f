"""Letters in the formats Redactor opens as documents (Word, OpenDocument, e-mail, HEIC), made by
the tests themselves with a name in every place a name can hide, and hostile versions of them."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# One surname per place, so a test can tell which place was missed.
PLACES = {
    "body": "Zhaksylykova",
    "header": "Baimukhanov",
    "footer": "Tokhtarova",
    "comment": "Kenzhebekov",
    "comment_author": "Abdrakhmanova",
    "deleted": "Seitkaliyev",
    "change_author": "Nurgaliyeva",
    "property": "Ospanbayev",
    "footnote": "Yerzhanova",
}

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def docx_bytes(places: dict[str, str] = PLACES) -> bytes:
    p = places
    body, header, footer = p["body"], p["header"], p["footer"]
    comment, footnote = p["comment"], p["footnote"]
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
        f"<w:p>{_run('Dear editor,')}</w:p>"
        f"<w:p>{_run(f'I write about my cousin {body} who is held in the camp.')}"
        '<w:commentRangeStart w:id="0"/>'
        f"{_run(' She asks for books.')}"
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
        f"<w:p>{_run('The guards were ')}"
        f'<w:del w:id="1" w:author="{p["change_author"]}" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">told by {p["deleted"]} to be </w:delText></w:r>'
        "</w:del>"
        f'<w:ins w:id="2" w:author="{p["change_author"]}"><w:r><w:t>kind.</w:t></w:r></w:ins>'
        '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        f"<w:p>{_run('With respect, a friend')}</w:p>"
        "</w:body></w:document>"
    )
    header = f"<w:hdr {_W}><w:p>{_run(f'Case of {header}')}</w:p></w:hdr>"
    footer = f"<w:ftr {_W}><w:p>{_run(f'Typed by {footer}')}</w:p></w:ftr>"
    comments = (
        f'<w:comments {_W}><w:comment w:id="0" w:author="{p["comment_author"]}" w:initials="AA">'
        f"<w:p>{_run(f'Check this with {comment} first')}</w:p></w:comment></w:comments>"
    )
    footnotes = (
        f'<w:footnotes {_W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
        f'<w:footnote w:id="1"><w:p>{_run(f"Told to me by {footnote}.")}</w:p>'
        "</w:footnote></w:footnotes>"
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{p['property']}</dc:creator><dc:title>Letter</dc:title>"
        "</cp:coreProperties>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document)
        z.writestr("word/header1.xml", header)
        z.writestr("word/footer1.xml", footer)
        z.writestr("word/comments.xml", comments)
        z.writestr("word/footnotes.xml", footnotes)
        z.writestr("docProps/core.xml", core)
    return buf.getvalue()


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt_bytes(places: dict[str, str] = PLACES) -> bytes:
    p = places
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
        "<office:body><office:text>"
        "<text:tracked-changes>"
        '<text:changed-region text:id="ct1"><text:deletion><office:change-info>'
        f"<dc:creator>{p['change_author']}</dc:creator><dc:date>2024-01-01T00:00:00</dc:date>"
        f"</office:change-info><text:p>told by {p['deleted']} to be</text:p></text:deletion>"
        "</text:changed-region></text:tracked-changes>"
        "<text:p>Dear editor,</text:p>"
        f"<text:p>I write about my cousin <text:span>{p['body']}</text:span> who is held."
        f"<office:annotation><dc:creator>{p['comment_author']}</dc:creator>"
        f"<dc:date>2024-01-01T00:00:00</dc:date><text:p>Check this with {p['comment']} first"
        "</text:p></office:annotation> She asks for books."
        '<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1'
        f"</text:note-citation><text:note-body><text:p>Told to me by {p['footnote']}."
        "</text:p></text:note-body></text:note></text:p>"
        '<text:p>The guards were <text:change text:change-id="ct1"/>kind.</text:p>'
        "<text:p>With<text:s/>respect, a friend</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODT_NS}>'
        '<office:master-styles><style:master-page style:name="Standard">'
        f"<style:header><text:p>Case of {p['header']}</text:p></style:header>"
        f"<style:footer><text:p>Typed by {p['footer']}</text:p></style:footer>"
        "</style:master-page></office:master-styles></office:document-styles>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODT_NS}><office:meta>'
        f"<meta:initial-creator>{p['property']}</meta:initial-creator><dc:title>Letter</dc:title>"
        "</office:meta></office:document-meta>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text"
        )  # stored, first
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
        z.writestr("meta.xml", meta)
        z.writestr("META-INF/manifest.xml", "<manifest/>")
    return buf.getvalue()


def page_image(lines: list[str], size: tuple[int, int] = (1654, 2339)) -> Image.Image:
    """An A4 page at 200 dpi with the lines typed on it."""
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 44)
    for n, line in enumerate(lines):
        draw.text((160, 220 + n * 90), line, fill="black", font=font)
    return img


def pdf_bytes(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    page_image(lines).save(buf, "PDF", resolution=200)
    return buf.getvalue()


MAIL_PLACES = {"from": "Zhaksylykova", "body": "Baimukhanov", "attachment": "Kenzhebekov"}


def eml_bytes(places: dict[str, str] = MAIL_PLACES) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Aigerim {places['from']} <aigerim@example.org>"
    msg["To"] = "editor@example.org"
    msg["Subject"] = "A letter from the camp"
    msg.set_content(
        f"Dear editor,\n\nMy brother {places['body']} wrote the letter attached.\n\nRegards\n"
    )
    msg.add_attachment(
        pdf_bytes(["A letter from the camp", f"My name is Daniyar {places['attachment']}."]),
        maintype="application",
        subtype="pdf",
        filename="letter.pdf",
    )
    return msg.as_bytes()


def heic_file(path: Path, lines: list[str]) -> None:
    """A photo of a page stored sideways with EXIF orientation 6 (the viewer turns it)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    sideways = page_image(lines).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways.save(path, format="HEIF", exif=exif.tobytes(), quality=92)


# --- hostile files ---------------------------------------------------------------------------


def zip_bomb(size: int = 30_000_000) -> bytes:
    """A Word file whose document part unpacks about a thousand times its packed size."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<a" + b" " * size + b"/>")
    return buf.getvalue()


def docx_with(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def deep_xml(depth: int = 100_000) -> bytes:
    return b"<a>" * depth + b"</a>" * depth


def billion_laughs() -> bytes:
    ents = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = f"&lol{i - 1 if i > 1 else ''};" * 10
        ents.append(f'<!ENTITY lol{i} "{prev}">')
    return (
        '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(ents) + "]>"
        f"<w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def mime_bomb(depth: int = 3000) -> bytes:
    head = "From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
    parts = []
    for i in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n')
    tail = "".join(f"\r\n--b{i}--\r\n" for i in reversed(range(depth)))
    return (head + "".join(parts) + "Content-Type: text/plain\r\n\r\nhello" + tail).encode()


def docx_with_extras(picture_name: str, alt_name: str, chart_name: str) -> bytes:
    """A Word file with a picture showing a name, a picture whose description holds one, and a
    chart part with one."""
    buf = io.BytesIO(docx_bytes())
    png = io.BytesIO()
    page_image(["Photo caption", f"Signed {picture_name}"], (1200, 500)).save(png, "PNG")
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/image1.png", png.getvalue())
        z.writestr(
            "word/charts/chart1.xml",
            '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f"<c:tx><c:v>Visits by {chart_name}</c:v></c:tx></c:chartSpace>",
        )
    data = buf.getvalue()
    # the picture's description, in the body
    drawing = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        f'drawingprocessingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" '
        f'descr="Photo of {alt_name}"/></wp:inline></w:drawing></w:r></w:p>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/document.xml":
                blob = blob.replace(b"</w:body>", drawing.encode() + b"</w:body>")
            dst.writestr(info.filename, blob, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def eml_with_nested(docx: bytes, inner_name: str) -> bytes:
    """An e-mail with a Word file and a forwarded e-mail (with the name in its body) attached."""
    inner = EmailMessage()
    inner["From"] = "someone@example.org"
    inner["Subject"] = "forwarded"
    inner.set_content(f"Forwarded note about {inner_name}.\n")
    msg = EmailMessage()
    msg["From"] = "editor@example.org"
    msg["Subject"] = "Two letters"
    msg.set_content("Dear editor, two letters attached.\n")
    msg.add_attachment(
        docx,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="letter.docx",
    )
    msg.add_attachment(inner)
    return msg.as_bytes()
