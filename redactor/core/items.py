"""What the final check looks for besides the given terms: the words that named redactions hide
(a name hidden in one place and readable in another is a leak) and the parts of items that
identify as a whole (an e-mail's local part left readable beside its box)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redactor.core.model import FindingSource, Label, PageText
from redactor.core.plan import Redaction

# Labels whose hidden words are also searched for by the verifier (besides the given terms):
# a name hidden in one place and readable in another is a leak. Addresses and facilities are
# left out: their capitalised words are often common nouns ("Колония", "Flat") whose other
# uses are no leak; their whole strings are still searched as terms.
HIDDEN_WORD_LABELS = frozenset(
    {Label.PERSON, Label.LOCATION, Label.TERM, Label.EMAIL, Label.ID, Label.PHONE, Label.URL}
)
WHOLE_ITEM_LABELS = frozenset({Label.EMAIL, Label.ID, Label.PHONE, Label.URL})
_ALNUM_RE = re.compile(r"[^\W_]")


def hidden_words(page: PageText, reds: Sequence[Redaction]) -> list[str]:
    """Texts of the words that named redactions hide, worth searching for in the copy: words of
    four letters or more starting with a capital (names, places), and whole e-mails, phones and
    ids. Manual boxes and dates are left out (a manual box over a paragraph hides common words
    that may rightly appear elsewhere)."""
    out: list[str] = []
    for red in reds:
        if red.label not in HIDDEN_WORD_LABELS or red.source == FindingSource.MANUAL:
            continue
        idxs = set(red.word_indexes)
        if not idxs:  # a box without its words: take the words under it
            idxs.update(i for i, w in enumerate(page.words) if w.box.intersects(red.box))
        for i in sorted(idxs):
            if not 0 <= i < len(page.words):
                continue
            w = page.words[i]
            text = w.text.strip(".,;:!?()[]{}«»\"'“”‘’")
            letters = _ALNUM_RE.findall(text)
            if w.conf < 50 or not letters:
                continue
            if red.label in WHOLE_ITEM_LABELS:
                if len(letters) >= 5:
                    out.append(text)
            elif len(letters) >= 4 and text[0].isupper() and all(c.isalpha() for c in letters):
                out.append(text)
        if red.label in WHOLE_ITEM_LABELS:
            words = [page.words[i] for i in sorted(idxs) if 0 <= i < len(page.words)]
            out += item_parts(red.label, [w.text for w in words if w.conf >= 30])
    return out


_PUNCT = ".,;:!?()[]{}«»\"'“”‘’<>"
# Mail services whose names identify no one (a part of their domain is no leak by itself).
_COMMON_MAIL = frozenset(
    "mail gmail yandex inbox list yahoo outlook hotmail icloud proton protonmail rambler info"
    " admin post contact office support help news editor press".split()
)


def item_parts(label: str, texts: Sequence[str]) -> list[str]:
    """The parts of an item that identifies as a whole, each worth searching for by itself in
    a copy (a piece left readable beside a box): an e-mail's local part, its pieces and its
    domain (4+ letters or digits), a phone's or an ID's digits (5+, any separators)."""
    out: list[str] = []
    if label == Label.EMAIL:
        text = "".join(texts).strip(_PUNCT)
        if "@" not in text:
            return out
        local, domain = text.split("@", 1)
        pieces = [local, domain, *re.split(r"[._+\-]", local), *domain.split(".")[:-1]]
        for piece in pieces:
            piece = piece.strip(_PUNCT)
            if len(_ALNUM_RE.findall(piece)) >= 4 and piece.casefold() not in _COMMON_MAIL:
                out.append(piece)
    elif label in (Label.PHONE, Label.ID):
        digits = "".join(c for t in texts for c in t if c.isdigit())
        if len(digits) >= 5:
            out.append(digits)
    return out
