"""Kazakh buildings, works and institutions named by a proper name before their kind:
"Алматы әуежайынан", "Лувр мұражайы", "Павлодар мұнай-химия зауытынан", "Бейбітшілік және
келісім сарайында", "Есік қорық-музейі", "Қарағандыдағы түзеу колониясы".

A kind word (a noun of the list, in any case form, not plural) is a FACILITY with the one to
three capitalised words before it, allowing up to two lowercase words in between ("мұнай-химия",
"және келісім"). A capitalised word that is never a name ("Ал", "Бірақ") is not taken; nor is a
capitalised word opening a sentence before another capitalised word ("Компания Павлодар
мұнай-химия зауыты") or a lowercase word ("Қазір аурухана..."): that is the sentence's first
word, not a name (unless only relational adjectives come between: "Баянауыл ұлттық паркі").
"""

from __future__ import annotations

import regex

from redactor.core.detect.recognizers import SpanFinderRecognizer

# Kinds that are usually named (a school or a centre is named by its number: see patterns.toml)
_KINDS = (
    "әуежай әуебаза аурухана емхана госпиталь колония түрме изолятор абақты вокзал стадион "
    "музей мұражай сарай ескерткіш кесене мешіт шіркеу кітапхана архив полигон қорық саябақ "
    "парк порт(?!ал|рет) стационар қалашы[қғ] театр кинотеатр университет институт академия зауыт "
    "комбинат шахта кеніш бөгет көпір қонақүй базар су\\s+қойма электр\\s+станция "
    "кен\\s+орн ғарыш\\s+айлағ ғарыш\\s+станция"
).split()
_KIND_RE = regex.compile(
    r"(?<![\p{L}\-])(?:[\p{Ll}]+-)?(?:" + "|".join(_KINDS) + r")"
    r"(?!лар|лер|дар|дер|тар|тер)[\p{Ll}]*",
    regex.VERSION0,
)
_WORD_BEFORE_RE = regex.compile(r"([\p{L}][\p{L}\-’']*)[ \t]+$")
_STOP_LOWER = frozenset(
    (
        "мені сені оны бізді сізді оларды маған саған оған бізге сізге оларға менің сенің оның "
        "біздің сіздің олардың өз өзі өзін өзінің бір ең осы сол бұл мен біз сен ол да де "
        "және мен пен бен ғана тек әр барлық"
    ).split()
)
_LOCATIVE = ("дағы", "дегі", "тағы", "тегі")
# relational adjectives ("ұлттық", "ядролық"): "Баянауыл ұлттық паркі" opening a sentence is a name
_ADJ = ("лық", "лік", "дық", "дік", "тық", "тік")
_MAX_CAPS = 3
_MAX_LOWER = 2


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"«“'(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;…"


def find_named_facilities(text: str) -> list[tuple[int, int]]:
    from redactor.core.detect.names import is_not_name

    out = []
    for m in _KIND_RE.finditer(text):
        words: list[tuple[int, int, str]] = []  # (start, end, word) going left
        pos = m.start()
        while len(words) < _MAX_CAPS + _MAX_LOWER:
            w = _WORD_BEFORE_RE.search(text, max(0, pos - 60), pos)
            if not w:
                break
            words.append((w.start(1), w.end(1), w.group(1)))
            pos = w.start(1)
        # lowercase modifiers right before the kind ("мұнай-химия", "және келісім")
        i = 0
        while i < len(words) and i < _MAX_LOWER and words[i][2][0].islower():
            wd = words[i][2]
            if wd in _STOP_LOWER and wd != "және" or wd.endswith(_LOCATIVE):
                break
            i += 1
        if i < len(words) and words[i][2][0].islower():
            continue
        caps: list[tuple[int, int, str]] = []
        while i < len(words) and len(caps) < _MAX_CAPS and words[i][2][0].isupper():
            if is_not_name(words[i][2]):
                break
            caps.append(words[i])
            i += 1
        if not caps:
            continue
        if _sentence_initial(text, caps[-1][0]):
            if len(caps) > 1:
                caps.pop()  # "Компания Павлодар ... зауыты": the name follows the first word
            elif not all(w.endswith(_ADJ) for _, _, w in words[: words.index(caps[-1])]):
                continue  # "Қазір ... аурухана": the sentence's first word, then lowercase
        out.append((caps[-1][0], m.end()))
    return out


class NamedFacilityRecognizer(SpanFinderRecognizer):
    """Kazakh facilities named by a proper name before their kind."""

    def __init__(self, language: str = "kk") -> None:
        super().__init__(
            "FACILITY",
            f"named_facility_{language}",
            language,
            find_named_facilities,
            0.6,
            "named facility",
        )
