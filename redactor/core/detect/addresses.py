"""Postal addresses as one span with their numbers.

An address is a chain of parts written next to each other, separated by a comma, a space or
one line break: a street with its name ("ул. Абая", "Абай көшесі", "Green Street", "мкр.
Самал-2") and its number ("пр. Абая 150/230", "улица Ленина 5-17"), a house ("д. 12", "12-үй",
"корп. 2"), a flat or office ("кв. 5", "5-пәтер", "apt 5", "Flat 3"), a post-office box ("а/я 15",
"P.O. Box 12"), a postcode ("050000"), a settlement ("г. Алматы", "Қарасай ауданы") and, after a
comma, a town written without its kind ("12 Abai Ave, Almaty"). A chain is an ADDRESS when it
has a street, a house, a flat or a box, or a postcode next to a settlement ("050000, г.
Алматы"); a settlement alone is a place, left to the place rules.
"""

from __future__ import annotations

import regex

from redactor.core.detect.recognizers import SpanFinderRecognizer

_F = regex.VERSION0 | regex.MULTILINE

_CAP = r"\p{Lu}[\p{L}\-’']*(?:-\d+[\p{L}]?)?"
# words of a street's name: capitalised words, initials, numbers ("8 Марта", "1-я"), and the
# lowercase Kazakh honorifics of a person a street is named after ("Төле би")
_NAME_PART = (
    rf"(?:{_CAP}|\p{{Lu}}\.|\d{{1,3}}(?:-?[\p{{Ll}}]{{1,3}})?(?=\s+\p{{Lu}})"
    r"|би|батыр[\p{Ll}]*|жырау|ақын|хан)"
)
_NAME = rf"{_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,2}}"
# a house number written right after the street: "Абая 150/230", "Ленина 5-17", "12а", "д. 12"
_NUM = r"\d{1,4}(?:[ \t]?[\p{Ll}](?![\p{L}]))?(?:[ \t]?[/\-][ \t]?\d{1,4}[\p{Ll}]?)?(?![\d\p{L}])"
_INLINE = rf"(?:,?[ \t]*(?:д\.|дом|№|No\.?|house|building)?[ \t]*{_NUM})?"

_RU_STREET_KIND = (
    r"(?:ул\.|ул(?=[ \t])|улиц[\p{Ll}]*|пр\.|пр-т|просп\.|проспект[\p{Ll}]*|пер\.|"
    r"переул[\p{Ll}]*|бульв\.|бульвар[\p{Ll}]*|б-р|шоссе|ш\.|пл\.|площад[\p{Ll}]*|наб\.|"
    r"набережн[\p{Ll}]*|тупик[\p{Ll}]*|проезд[\p{Ll}]*|мкр\.?|мкрн\.?|микрорайон[\p{Ll}]*|"
    r"кв-л|квартал[\p{Ll}]*|жилмассив[\p{Ll}]*|ж/м|трасс[\p{Ll}]*|тракт[\p{Ll}]*)"
)
# Kazakh street kinds with their possessive and case suffixes; plural only with the possessive
# ("Абай және Қонаев көшелері", not "көшелер", streets in general)
_KK_CASE = r"(?:нда|нде|на|не|нан|нен|ның|нің|н|ндағы|ндегі)?"
_KK_BARE = r"(?:ға|ге|қа|ке|да|де|та|те|дан|ден|тан|тен|дағы|дегі|тағы|тегі)"
_KK_STREET_KIND = (
    rf"(?:көше(?:сі{_KK_CASE}|лері{_KK_CASE}|{_KK_BARE})?|"
    rf"даңғыл(?:ы{_KK_CASE}|дары{_KK_CASE}|{_KK_BARE})?|"
    rf"(?:шағын|ықшам|мөлтек)[ \t]*аудан(?:ы{_KK_CASE}|{_KK_BARE})?|"
    rf"тұйы(?:қ|ғы{_KK_CASE})|алаң(?:ы{_KK_CASE})?|тас[ \t]*жол(?:ы{_KK_CASE})?)(?![\p{{L}}])"
)
_EN_STREET_KIND = (
    r"(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Lane|Boulevard|Blvd\.?|Prospect|Prospekt|"
    r"Drive|Highway|Hwy\.?|Microdistrict|Parkway|Crescent)"
)
# kinds that are also other words ("Court", "Place", "Square"): a street only after a number
_EN_WEAK_KIND = r"(?:Court|Ct\.|Place|Pl\.|Square|Sq\.|Way|Close|Terrace|Row|Gardens|Mews|Walk)"

_PARTS: list[tuple[str, str]] = [
    # Russian: "ул. Абая 12", "пр. Абая 150/230", "мкр. Самал-2", "улица Ленина 5-17"
    ("street", rf"(?<![\p{{L}}]){_RU_STREET_KIND}[ \t]*(?:им\.[ \t]*)?{_NAME}{_INLINE}"),
    # "Абая улица", "Ленина пр., 5"
    (
        "street",
        rf"(?<![\p{{L}}]){_NAME}[ \t]+(?:улица|ул\.|проспект|пр\.|переулок|бульвар|мкр\.?|"
        rf"микрорайон)(?![\p{{L}}]){_INLINE}",
    ),
    # Kazakh: "Абай көшесі, 12", "Самал-2 шағын ауданы", "5 шағын аудан"
    ("street", rf"(?<![\p{{L}}])(?:{_NAME}|\d{{1,3}})[ \t]+{_KK_STREET_KIND}{_INLINE}"),
    # English: "12 Abai Ave", "Green Street 5", "14 Green Street"
    (
        "street",
        rf"(?<![\p{{L}}\d])(?:{_NUM},?[ \t]+)?(?:{_CAP}[ \t]+){{1,3}}{_EN_STREET_KIND}"
        rf"(?![\p{{L}}]){_INLINE}",
    ),
    (
        "street",
        rf"(?<![\p{{L}}\d]){_NUM},?[ \t]+(?:{_CAP}[ \t]+){{1,3}}{_EN_WEAK_KIND}(?![\p{{L}}])",
    ),
    ("street", rf"(?<![\p{{L}}])(?:[Mm]icrodistrict|[Mm]kr\.?)[ \t]+(?:{_CAP}|\d{{1,3}})"),
    # houses and flats
    (
        "house",
        r"(?<![\p{L}])(?:д\.|дом[\p{Ll}]{0,2}|корп\.|корпус[\p{Ll}]*|к\.|стр\.|строение|"
        rf"лит\.|уч\.|участок)[ \t]*(?:№[ \t]*)?{_NUM}",
    ),
    ("house", rf"(?<![\p{{L}}\d/]){_NUM}[ \t]*-?[ \t]*үй[\p{{Ll}}]*"),
    ("house", rf"(?<![\p{{L}}])үй[ \t]*(?:№[ \t]*)?{_NUM}"),
    (
        "house",
        rf"(?<![\p{{L}}])(?i:house|building|bldg\.?|block)[ \t]+(?:No\.?[ \t]*|#[ \t]*)?{_NUM}",
    ),
    (
        "flat",
        r"(?<![\p{L}])(?:кв\.|кв(?=[ \t]*\d)|квартир[\p{Ll}]*|комн\.|комнат[\p{Ll}]*|оф\.|"
        rf"офис[\p{{Ll}}]*|пом\.|помещени[\p{{Ll}}]*)[ \t]*(?:№[ \t]*)?{_NUM}",
    ),
    ("flat", rf"(?<![\p{{L}}\d/]){_NUM}[ \t]*-?[ \t]*пәтер[\p{{Ll}}]*"),
    ("flat", rf"(?<![\p{{L}}])пәтер[\p{{Ll}}]*[ \t]*(?:№[ \t]*)?{_NUM}"),
    (
        "flat",
        rf"(?<![\p{{L}}])(?i:flat|apt\.?|apartment|unit|suite|room)[ \t]*(?:No\.?[ \t]*|#[ \t]*)?"
        rf"{_NUM}",
    ),
    # post-office boxes
    (
        "box",
        r"(?<![\p{L}])(?:а/я|а\\я|п/я|абонентск[\p{Ll}]*[ \t]+ящик[\p{Ll}]*|почтов[\p{Ll}]*[ \t]+"
        r"ящик[\p{Ll}]*|(?i:p\.?[ \t]?o\.?[ \t]?box)|пошта[ \t]+жәшігі)[ \t]*(?:№[ \t]*)?\d{1,6}",
    ),
    # postcodes: Kazakh/Russian six digits, UK, US ZIP after a state
    ("postcode", r"(?<![\d\-/.,])\d{6}(?![\d\-/])"),
    ("zip", r"(?<![\p{L}\d])[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}(?![\p{L}\d])"),
    ("zip", r"(?<![\p{L}])[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?(?![\d])"),
    (
        "zip",
        r"(?i:индекс|index|postcode|post[ \t]code|zip(?:[ \t]code)?|пошта[ \t]индексі)\W{0,3}"
        r"\d{5,6}(?!\d)",
    ),
    # settlements and regions
    (
        "place",
        r"(?<![\p{L}])(?:г\.|гор\.|город[\p{Ll}]*|пос\.|п\.|пгт|с\.|село|дер\.|деревня|аул|"
        r"посёлок|поселок|станица|ст-ца|р-н|район|обл\.|область|край)[ \t]*"
        rf"{_CAP}(?:[ \t]{_CAP})?",
    ),
    (
        "place",
        rf"(?<![\p{{L}}]){_CAP}(?:[ \t]{_CAP})?[ \t]+(?:ауылы|кенті|қаласы|қ\.|селосы|ауданы|"
        r"облысы|ауд\.|обл\.|область|района?|р-н|край|[Rr]egion|[Oo]blast|[Dd]istrict)"
        r"(?![\p{L}])",
    ),
    (
        "place",
        r"(?<![\p{L}])(?:Республика[ \t]+Казахстан|Казахстан|Қазақстан[ \t]+Республикасы|"
        r"Қазақстан|Kazakhstan|Республика[ \t]+Казахстан|Россия|Российская[ \t]+Федерация|"
        r"Russia|Russian[ \t]+Federation|RK|РК|РФ)(?![\p{L}])",
    ),
    # a town after a comma ("12 Abai Ave, Almaty"): joins a chain, never starts one alone
    ("town", rf"(?<![\p{{L}}]){_CAP}(?:[ \t]{_CAP})?(?![\p{{L}}\d])"),
]
_COMPILED = [(kind, regex.compile(p, _F)) for kind, p in _PARTS]
_STRONG = frozenset({"street", "house", "flat", "box"})
_PRIORITY = {
    "street": 0,
    "box": 0,
    "house": 1,
    "flat": 1,
    "postcode": 2,
    "zip": 2,
    "place": 2,
    "town": 3,
}
_GAP_RE = regex.compile(r"[ \t]*[,;]?[ \t]*(?:\n[ \t]*)?")
_MAX_TOWNS = 2


def _parts(text: str) -> list[tuple[int, int, str]]:
    """Address parts in text order; overlapping parts merged."""
    found = []
    for kind, pat in _COMPILED:
        for m in pat.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " \t,;":
                e -= 1
            if kind in ("street", "place", "town"):
                s = _skip_not_names(text, s, e)
            if e > s:
                found.append((s, e, kind))
    found.sort(key=lambda p: (p[0], _PRIORITY[p[2]], -(p[1] - p[0])))
    out: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if out and s < out[-1][1]:
            # overlapping parts are one part ("Абай көшесі, 12" and "12-үй"), of the stronger kind
            ps, pe, pk = out[-1]
            best = kind if _PRIORITY[kind] < _PRIORITY[pk] else pk
            out[-1] = (ps, max(pe, e), best)
            continue
        out.append((s, e, kind))
    return out


_FIRST_WORD_RE = regex.compile(r"([\p{L}]+)[ \t]+")


def _skip_not_names(text: str, s: int, e: int) -> int:
    """Past leading words that are never names ("Біз Абай көшесі": the street is "Абай
    көшесі")."""
    from redactor.core.detect.names import is_not_name

    while True:
        m = _FIRST_WORD_RE.match(text, s, e)
        if not m or not m.group(1)[0].isupper() or not is_not_name(m.group(1)):
            return s
        s = m.end()


def _joins(text: str, a_end: int, b_start: int, b_kind: str, a_kind: str) -> bool:
    gap = text[a_end:b_start]
    m = _GAP_RE.fullmatch(gap)
    if not m:
        return False
    if "town" in (a_kind, b_kind) and not {"postcode", "zip"} & {a_kind, b_kind}:
        return "," in gap  # a bare town joins after or before a comma ("Almaty 050000" too)
    return True


def _emit(chain: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    # towns at the ends: at most one before the first real part, two after the last
    while chain and chain[0][2] == "town" and (len(chain) < 2 or chain[1][2] == "town"):
        chain = chain[1:]
    n_tail = 0
    for _, _, k in reversed(chain):
        if k != "town":
            break
        n_tail += 1
    if n_tail > _MAX_TOWNS:
        chain = chain[: len(chain) - (n_tail - _MAX_TOWNS)]
    kinds = [k for _, _, k in chain]
    strong = any(k in _STRONG for k in kinds)
    # "050000, г. Алматы"; "Springfield, IL 62704" (a bare six-digit number is often no postcode)
    post_place = ("postcode" in kinds or "zip" in kinds) and "place" in kinds
    post_place = post_place or ("zip" in kinds and "town" in kinds)
    if not (strong or post_place):
        return None
    if kinds == ["house"] or kinds == ["flat"]:
        return None  # a lone "д. 12" or "room 5" is left to the unit patterns
    return chain[0][0], chain[-1][1]


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"«“'(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;…"


def _weak_street(text: str, part: tuple[int, int, str]) -> bool:
    """A street of one capitalised word and no number opening a sentence ("Құрылыс алаңына"):
    the first word of the sentence, more likely a common noun than a name."""
    from redactor.core.detect.names import looks_like_name

    s, e, kind = part
    body = text[s:e]
    return (
        kind == "street"
        and body[:1].isupper()
        and not any(c.isdigit() for c in body)
        and len(body.split()) <= 2
        and _sentence_initial(text, s)
        and not looks_like_name(body.split()[0])  # "Абай көшесі" opening a sentence is a street
    )


def find_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of whole addresses."""
    out: list[tuple[int, int]] = []
    chain: list[tuple[int, int, str]] = []
    for part in _parts(text):
        if _weak_street(text, part):
            part = (part[0], part[1], "town")
        if chain and _joins(text, chain[-1][1], part[0], part[2], chain[-1][2]):
            chain.append(part)
            continue
        if chain:
            span = _emit(chain)
            if span:
                out.append(span)
        chain = [part]
    if chain:
        span = _emit(chain)
        if span:
            out.append(span)
    return out


class AddressRecognizer(SpanFinderRecognizer):
    """Whole postal addresses (street, house, flat, box, postcode, town) as ADDRESS."""

    def __init__(self, language: str) -> None:
        super().__init__(
            "ADDRESS", f"addresses_{language}", language, find_addresses, 0.8, "address"
        )
