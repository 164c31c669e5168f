"""The language of a paragraph (en, ru or kk) from its letters and common words."""

from __future__ import annotations

import re

_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KK_WORDS = frozenset(
    "және мен бұл деп үшін оның менің сол осы бар жоқ еді болды емес бір екі ол олар біз сіз "
    "қаласы жылы туралы кейін дейін бойынша арқылы".split()
)
_RU_WORDS = frozenset(
    "и в не что на с по я он она они мы вы как это был была было меня мне его её их из за у к "
    "от до для о об но а же бы ли уже года году город".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """en, ru or kk for a paragraph; None when it has too few letters to tell."""
    latin = cyr = 0
    for c in text:
        if "a" <= c.lower() <= "z":
            latin += 1
        elif "\u0400" <= c <= "\u04ff":
            cyr += 1
    if latin + cyr < 12:
        return None
    if latin > cyr:
        return "en"
    kk = ru = 0
    for w in _WORD_RE.findall(text.lower()):
        if w in _RU_WORDS:
            ru += 1
        elif w in _KK_WORDS or any(c in _KK_LETTERS for c in w):
            kk += 1
    return "kk" if kk > ru else "ru"
