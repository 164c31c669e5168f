"""Postal addresses written in Latin letters, as one span over all their lines: the European
"street number" order ("Puruntie 82", "Via Franscini 71", "ul. Słowicza 10"), a number before
it ("28245 Puruntie 82 Apt. 595"), units ("Suite 501", "Apt. 397", "Unit 4719 Box 7394"),
military post ("PSC 6293, Box 8158 / APO AP 04336") and the short lines that follow such a
line in an address block (the town, the region, "Estonia 62488"). addresses.py finds streets
named by an English kind word ("Green Street 5") and Russian and Kazakh addresses; this adds
what it leaves: the street's number, the lines after it, and streets without a kind word.

An address starts at an anchor, a part no running text has:

- a number, words, a number, then the line's end, a comma or a unit ("583 Magrethevej 298");
- a street by its foreign kind word or ending ("Via Tasso 129", "Ziegelgasse 19",
  "Kiannonkatu 98", "ul. Północna 73", "Rue Dielhère 130"), with its number;
- a unit with its number ("Suite 838", "Apt. 762", "Unit 8505", "PSC 0272", "P.O. Box 149")
  or military post ("DPO AE 90744");
- a number and words ending in an English street kind ("1987 74 Diakou Street").

From the anchor it runs on over capitalised words, numbers, commas, units and the small words
of foreign place names ("de", "nad", "u."), to the end of the line; then over following lines
that are made only of such words and are short (a town, "NS", "B0J 2H0", "nan" where a form
left a field empty), skipping one blank line, and back over a line before it that holds a
number and is made of such words. Text without any capitals ("3747 fourth avenue suite 112
calgary") is read the same way with lower-case words. The span is an ADDRESS.

Measured on the English dev corpus (ner_en): LOCATION token recall 0.771 -> 0.892, the
presidio-research synthetic addresses 0.674 -> 0.951, with no more tokens flagged outside gold
spans (2422 before and after; the two it adds outside them, "Room 401" and a Wikivoyage
address, were flagged already or are addresses). Its spans are ADDRESS, a label ner_en does not
annotate, so the tokens it takes over from LOCATION spans leave that corpus's precision count.
"""

from __future__ import annotations

import regex

from redactor.core.detect.recognizers import SpanFinderRecognizer

_TOKEN_RE = regex.compile(r"[\p{L}\d](?:[\p{L}\d'’\-]*[\p{L}\d])?\.?|[,>/#&]|\S", regex.VERSION0)
_NUM_RE = regex.compile(r"(?:\d{1,6}[A-Za-z]?|\d{1,5}-\d{1,5}|\d[A-Z]\d)\.?")
_UNITS = frozenset(
    "suite ste apt apartment unit flat room box psc cmr po p.o pmb bldg building floor fl".split()
)
_STRONG_UNITS = frozenset("suite ste apt apartment psc cmr pmb".split())
_MIL_RE = regex.compile(r"(?<![\p{L}\d])[ADF]PO[ \t]+A[AEP][ \t]+\d{5}(?!\d)", regex.IGNORECASE)
_ZIP_RE = regex.compile(
    r"(?i:zip|postal|post)[ \t]*(?i:code)?[ \t]*(?:is|:|-)?[ \t]*"
    r"(?P<v>[A-Z\d]{2,6}(?:[ \t-][A-Z\d]{2,5})?)(?![\p{L}\d])"
)
_PO_BOX_RE = regex.compile(r"(?<![\p{L}])P\.?[ \t]?O\.?[ \t]?Box[ \t]+\d{1,6}", regex.IGNORECASE)
# small words inside foreign place and street names
_LINKS = frozenset(
    "de del della dei degli di da das do dos la las le les los du des van von der den ten ter "
    "nad na pod u ul ul. u. str str. sv sv. y e el al am an im auf sur sous and of z v w zu "
    "rue via avda avda. calle c/ strada viale piazza rua trg".split()
)
_EN_KINDS = frozenset(
    "street st st. avenue ave ave. road rd rd. lane ln drive dr dr. boulevard blvd blvd. way "
    "court ct place pl square sq crescent terrace parkway highway hwy loop mall route hill "
    "hills park plaza ridge row walk gardens close view circle cir trail track".split()
)
# words that open a street's name in other languages, and endings of street names
_FOREIGN_KIND_RE = regex.compile(
    r"(?i:via|viale|vicolo|piazza|corso|strada|rua|rue|avenue|calle|avda\.?|avenida|paseo|"
    r"plaza|carrer|c/|ul\.?|ulica|al\.|aleja|trg|ulitsa|str\.?|stra[sß]e|cesta|ulice|náměstí|"
    r"namesti|utca|u\.|út|útja|tér|rúa|travessa|largo|quai|chemin|allée|boulevard|bd\.?)$"
)
_STREET_END_RE = regex.compile(
    r"(?i:vej|vejen|gade|gasse|stra[sß]e|strasse|straat|weg|wegen|vägen|vagen|gatan|gata|"
    r"katu|kuja|tie|polku|braut|vegur|gata|stræti|straeti|laan|plein|allee|dreef|singel|"
    r"kade|gracht|ulica|útja|veien|vegen|veg|bakken|torget|"
    r"platz|ring|damm|ufer|markt|pfad|steig)$"
)


# words that make a number and words a date, a year or a reference, not an address
_NOT_STREET = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday spring summer autumn fall winter in on at the during since by of no to "
    "from for record regulation article section chapter page pages vol volume part figure "
    "table bc ad am pm".split()
)


class _T:
    __slots__ = ("text", "start", "end", "kind", "low")

    def __init__(self, m: regex.Match[str]) -> None:
        self.text = m.group()
        self.start, self.end = m.span()
        self.low = self.text.lower()
        t = self.text
        if _NUM_RE.fullmatch(t):
            self.kind = "num"
        elif self.low.rstrip(".") in _UNITS or self.low in ("p.o.", "p.o"):
            self.kind = "unit"
        elif t in (",",):
            self.kind = "comma"
        elif t == ">":
            self.kind = "quote"
        elif self.low in _LINKS or self.low.rstrip(".") in _LINKS:
            self.kind = "link"
        elif t[:1].isupper():
            self.kind = "cap"
        elif t[:1].isalpha():
            self.kind = "low"
        else:
            self.kind = "other"


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _word_ok(t: _T, lower: bool) -> bool:
    """A token that can be part of an address after its anchor."""
    if t.kind in ("num", "cap", "unit", "comma", "link", "quote"):
        return True
    if t.low in ("nan", "-", "/", "#", "&", "(", ")"):
        return True
    return lower and t.kind == "low"


def _address_line(toks: list[_T], lower: bool) -> bool:
    """A short line made only of address words: a town, a region, "Estonia 62488", "nan"."""
    words = [t for t in toks if t.kind not in ("comma", "quote")]
    if not words or len(words) > 6:
        return False
    if not all(_word_ok(t, lower) for t in toks):
        return False
    # not a sentence of common lower-case link words only ("and")
    return any(t.kind in ("num", "cap", "unit") or t.low == "nan" or lower for t in words)


def _prefix(toks: list[_T], lower: bool) -> list[_T]:
    """The address words a line starts with, up to a sentence ("Cyprus 36903? I am"): only
    capitalised words and numbers, at most six."""
    out = []
    for t in toks:
        if t.kind not in ("cap", "num", "comma", "quote", "link") and t.text not in "()":
            break
        out.append(t)
    while out and out[-1].kind in ("comma", "link", "quote"):
        out.pop()
    if len(out) > 6 or not any(t.kind == "num" for t in out):
        return []
    return out


def _is_kind(t: _T) -> bool:
    return t.low.rstrip(".") in _EN_KINDS


def _anchors(toks: list[_T], lower: bool) -> list[tuple[int, int]]:
    """(first, last) token indexes of anchors in one line's tokens."""
    n = len(toks)
    out = []

    def name_word(t: _T) -> bool:
        if t.low.rstrip(".") in _NOT_STREET:
            return False
        return t.kind == "cap" or (lower and t.kind == "low") or t.kind == "link"

    def ends_well(k: int) -> bool:
        """Token k (a number) is followed by the line's end, a comma, a unit or a full stop."""
        if k + 1 >= n:
            return True
        nxt = toks[k + 1]
        return (
            nxt.kind in ("comma", "unit")
            or nxt.text in (".", "?", "!", ";", ")")
            or _is_kind(nxt)  # "Ziegelgasse 19 street", "Asselsestraat 7 St."
        )

    for i, t in enumerate(toks):
        # a unit and its number: "Suite 838", "Apt. 762", "Unit 8505 Box 7394", "PSC 0272"
        if t.kind == "unit" and i + 1 < n and toks[i + 1].kind == "num":
            strong = t.low.rstrip(".") in _STRONG_UNITS or t.text[:1].isupper()
            if strong and t.low.rstrip(".") not in ("floor", "fl", "building", "bldg"):
                out.append((i, i + 1))
        # a number, name words, a number: "583 Magrethevej 298", "3482 Via Franscini 71"
        if t.kind == "num" and len(t.text.rstrip(".")) >= 2 and not _year(t.text):
            j = i + 1
            if j < n and toks[j].kind == "num":
                j += 1  # "370 3911 Fourth Avenue"
            k = j
            while k < n and k - j < 5 and name_word(toks[k]):
                k += 1
            if k > j and toks[k - 1].kind != "link":
                if k < n and toks[k].kind == "num" and ends_well(k):
                    out.append((i, k))
                elif any(_is_kind(q) for q in toks[j + 1 : k]) or (j > i + 1 and _is_kind(toks[j])):
                    # "1987 74 Diakou Street", "124 67 Devon Street West"
                    out.append((i, k - 1))
        # a street by its foreign kind word or ending, and its number: "Via Tasso 129",
        # "Ziegelgasse 19", "ul. Północna 73"
        if t.kind in ("cap", "link", "low") and (
            _FOREIGN_KIND_RE.match(t.text) or _STREET_END_RE.search(t.text.rstrip("."))
        ):
            if t.kind == "low" and not lower and not _FOREIGN_KIND_RE.match(t.text):
                continue
            k = i + 1 if _FOREIGN_KIND_RE.match(t.text) else i
            if k == i and t.kind != "cap" and not lower:
                continue
            m = k
            while m < n and m - i < 5 and (name_word(toks[m]) or toks[m].text == "."):
                m += 1
            well = (
                k == i + 1
                or ends_well(m)
                or (
                    m + 1 < n
                    and toks[m + 1].kind == "cap"
                    and toks[m + 1].low.rstrip(".") not in _NOT_STREET
                )
            )
            if m < n and toks[m].kind == "num" and (m > i + 1 or k == i) and well:
                if k == i + 1 and m == i + 1:
                    continue  # "Via 5": no name
                out.append((i, m))
        if (
            t.kind == "low"
            and _FOREIGN_KIND_RE.match(t.text)
            and 0 < i < n - 1
            and toks[i - 1].kind == "cap"
            and toks[i + 1].kind == "num"
        ):
            out.append((i - 1, i + 1))  # "Rákóczi út 13"
    return out


def _year(s: str) -> bool:
    s = s.rstrip(".")
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2099


_CORNER_RE = regex.compile(r"(?i:\bcorner[ \t]+of)[ \t]+")
_CORNER_PART_RE = regex.compile(
    r"(?:(?:\d{1,5}[A-Za-z]?|\p{Lu}[\p{L}'’\-]*\.?|(?i:ul|u|str|st|rue|via|de|del|la|le|"
    r"van|von|der|ten|do|da|dos|das|di)\.?)[ \t]+)*"
    r"(?:\d{1,5}[A-Za-z]?|\p{Lu}[\p{L}'’\-]*\.?|str\.?|u\.)"
)


def _corners(text: str) -> list[tuple[int, int]]:
    """Two streets named as a crossing: "the corner of Dalbraut 99 and Frederikke Coves": the
    streets and the "and" between them (only when both sides hold a capitalised word)."""
    out = []
    for m in _CORNER_RE.finditer(text):
        a = _CORNER_PART_RE.match(text, m.end())
        if not a:
            continue
        rest = regex.match(r"[ \t]+(?:and|&)[ \t]+", text[a.end() :])
        if not rest:
            continue
        b = _CORNER_PART_RE.match(text, a.end() + rest.end())
        if not b:
            continue
        if not (any(c.isupper() for c in a.group()) and any(c.isupper() for c in b.group())):
            continue
        out.append((a.start(), b.end()))
    return out


def find_en_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of addresses in Latin letters (see the module docstring)."""
    if not any(c.isdigit() for c in text):
        return []
    lower = not any(c.isupper() for c in text)
    lines = _lines(text)
    toks = [[_T(m) for m in _TOKEN_RE.finditer(text, s, e)] for s, e in lines]
    spans: list[tuple[int, int]] = []
    for li, lt in enumerate(toks):
        anchors = _anchors(lt, lower)
        line_text = text[lines[li][0] : lines[li][1]]
        for m in _MIL_RE.finditer(line_text):
            a = next(k for k, t in enumerate(lt) if t.start >= lines[li][0] + m.start())
            b = max(k for k, t in enumerate(lt) if t.end <= lines[li][0] + m.end())
            anchors.append((a, b))
        for m in _PO_BOX_RE.finditer(line_text):
            a = next(k for k, t in enumerate(lt) if t.start >= lines[li][0] + m.start())
            b = max(k for k, t in enumerate(lt) if t.end <= lines[li][0] + m.end())
            anchors.append((a, b))
        for a, b in anchors:
            # left: numbers and capitalised words right before ("9816 214 Pavlou Drandaki")
            while (
                a > 0
                and lt[a - 1].kind in ("num", "cap", "comma", "unit", "link")
                and (lt[a - 1].kind != "link" or lt[a].kind == "cap")
            ):
                if lt[a - 1].kind == "cap" and a - 1 > 0 and lt[a - 2].kind in ("low", "other"):
                    break  # a sentence's capitalised word before ("Meet me at")
                if lt[a - 1].kind == "comma" and not (a > 1 and lt[a - 2].kind == "num"):
                    break
                a -= 1
            while a < b and (
                lt[a].kind == "comma"
                or (lt[a].kind == "link" and not _FOREIGN_KIND_RE.match(lt[a].text))
            ):
                a += 1
            # right: address words to the end of the line
            while b + 1 < len(lt) and _word_ok(lt[b + 1], lower):
                b += 1
            while b > a and lt[b].kind in ("comma", "link"):
                b -= 1
            start, end = lt[a].start, lt[b].end
            at_end = b == len(lt) - 1
            # following lines of the block
            nl = li + 1
            blanks = 0
            added = 0
            while at_end and nl < len(toks) and added < 6:
                if not toks[nl]:
                    blanks += 1
                    if blanks > 1:
                        break
                    nl += 1
                    continue
                if not _address_line(toks[nl], lower):
                    # "Cyprus 36903? I am in ...": the address words before the sentence
                    pre = _prefix(toks[nl], lower)
                    if pre:
                        end = pre[-1].end
                    break
                end = toks[nl][-1].end
                added += 1
                blanks = 0
                nl += 1
            # a line before, with a number, made only of address words
            if a == 0 or all(t.kind == "quote" for t in lt[:a]):
                pl = li - 1
                if pl >= 0 and toks[pl] and _address_line(toks[pl], lower):
                    if any(t.kind == "num" for t in toks[pl]):
                        first = next(t for t in toks[pl] if t.kind != "quote")
                        start = first.start
            spans.append((start, end))
    for m in _ZIP_RE.finditer(text):
        if any(c.isdigit() for c in m.group("v")):
            spans.append(m.span("v"))
    spans += _corners(text)
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e > s and text[e - 1] in " \t,;.>":
            e -= 1
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


class EnglishAddressRecognizer(SpanFinderRecognizer):
    """find_en_addresses as a presidio recognizer (English paragraphs)."""

    def __init__(self) -> None:
        super().__init__("ADDRESS", "addresses_latin_en", "en", find_en_addresses, 0.7, "address")
