"""Dates in English, Russian and Kazakh, absolute and relative, as one small grammar.

The text is cut into tokens and each token gets a one-letter word class from the lexicon in
resources/recognizers/dates.toml (M month, W weekday, U time unit, X "last"/"прошлой"/"өткен",
n a day number, Y a year, ...). The grammar is a set of regular expressions over the string of
classes: first the date cores (a day and a month, a year with its year word, a weekday, a
holiday, "last week", "соңғы 2 жылда"), then extensions that grow a core by the words around it
("в конце января", "the week before Easter", "Наурыздан бері") and join cores that follow each
other ("Sunday, October 21, 2007", "27 наурыз бен 4 сәуір аралығында"). Every resulting phrase is
one DATE finding.

What counts as a date follows the corpora where they annotate one (KazNERD marks durations,
ages, seasons and times of day as dates in Kazakh; the English corpus does not mark "today"),
and otherwise what can place an event in time once the letter's own date is known: weekdays,
"last week", "yesterday", holidays, a birthday. "Today"/"сегодня" and bare durations in
English and Russian ("2 раза", "five years") are not dates.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from .recognizers import resources_dir, result

LANGS = ("en", "ru", "kk")
SCORE = 0.9  # above the NER labels (0.85): a month word is a date, not a name
WHY = "date_grammar"

# Class priority when two classes list the same word (first wins).
_ORDER = "BRHnmMwWJhaVUesSkPXbQyLCgopZN"

_KK_VOWELS = "аоұыәөүіеиуюяэ"
_KK_FRONT = set("әөүіеиэ")
_KK_VOICELESS = set("кқпстшфхцчщ")


def _kk_class(word: str) -> str:
    """How a Kazakh word ends, for choosing the form of a suffix: v vowel, r р/й/у,
    l л, n м/н/ң, z з/ж/other voiced, k voiceless."""
    c = word[-1]
    if c in _KK_VOWELS and c not in "у":
        return "v"
    if c in "рйу":
        return "r"
    if c == "л":
        return "l"
    if c in "мнң":
        return "n"
    if c in _KK_VOICELESS:
        return "k"
    return "z"


def _front(word: str) -> bool:
    for c in reversed(word):
        if c in "аоұы":
            return False
        if c in _KK_FRONT:
            return True
    return False


def _join(stem: str, suffix: str) -> str:
    """Stem + suffix with the voicing of a final к/қ/п before a vowel (қыркүйек + і)."""
    if suffix and suffix[0] in _KK_VOWELS and stem[-1] in "кқп":
        stem = stem[:-1] + {"к": "г", "қ": "ғ", "п": "б"}[stem[-1]]
    return stem + suffix


def _pick(word: str, table: dict[str, str]) -> str:
    """The suffix for this word: table maps ending classes ("vr", "lnz", "k") to
    "back/front" pairs."""
    cls = _kk_class(word)
    for keys, pair in table.items():
        if cls in keys:
            back, front = pair.split("/")
            return front if _front(word) else back
    raise KeyError(cls)


_PL = {"vr": "лар/лер", "lnz": "дар/дер", "k": "тар/тер"}
_CASES = [
    {"vn": "ның/нің", "rlz": "дың/дің", "k": "тың/тің"},  # genitive
    {"vrlnz": "ға/ге", "k": "қа/ке"},  # dative
    {"v": "ны/ні", "rlnz": "ды/ді", "k": "ты/ті"},  # accusative
    {"vrlnz": "да/де", "k": "та/те"},  # locative
    {"vrlz": "дан/ден", "n": "нан/нен", "k": "тан/тен"},  # ablative
    {"vrl": "мен/мен", "nz": "бен/бен", "k": "пен/пен"},  # instrumental
    {"vrlnz": "ғы/гі", "k": "қы/кі"},  # adjective (жазғы, қысқы)
    {"vrlnz": "дағы/дегі", "k": "тағы/тегі"},  # locative adjective
    {"vr": "лық/лік", "lnz": "дық/дік", "k": "тық/тік"},  # -лық (жылдық)
    {"vrlnz": "дай/дей", "k": "тай/тей"},  # similative (айдай)
]
_POSS = {"v": "сы/сі", "rlnzk": "ы/і"}
_AFTER_POSS = ["ның/нің", "на/не", "н/н", "нда/нде", "нан/нен", "мен/мен", "ндағы/ндегі"]


def kk_forms(stem: str) -> set[str]:
    """Every plural, possessive (3rd person) and case form of a Kazakh noun stem, with vowel
    harmony and the ending of the stem choosing each suffix."""
    out: set[str] = set()
    for base in (stem, _join(stem, _pick(stem, _PL))):
        out.add(base)
        for table in _CASES:
            out.add(_join(base, _pick(base, table)))
        poss = _join(base, _pick(base, _POSS))
        out.add(poss)
        for pair in _AFTER_POSS:
            back, front = pair.split("/")
            out.add(poss + (front if _front(poss) else back))
    return out


def _entry(frag: str) -> str:
    if frag.startswith("~"):
        forms = sorted(kk_forms(frag[1:]), key=len, reverse=True)
        return "(?:" + "|".join(regex.escape(f) for f in forms) + ")"
    return frag


# a number and the ending a language writes after it (3rd, 3-го, 3-і, 2020-сыншы)
_NUM = {
    "en": r"\d+(?:[.,]\d+)?(?:st|nd|rd|th|s)?",
    "ru": r"\d+(?:[.,]\d+)?(?:-?(?:го|ого|му|ому|м|ом|й|ый|ой|е|ое|я|ая|х|ых|ми))?",
    "kk": r"\d+(?:[.,]\d+)?(?:-?[\p{L}]+)?",
}
_DATE_NUM = (
    r"(?:[0-3]?\d(?P<sep>[./])[01]?\d(?P=sep)(?:1[89]\d\d|20\d\d|\d\d)|(?:1[89]\d\d|20\d\d)-[01]\d-[0-3]\d)"
    r"(?:[ T](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?(?:-?[\p{Ll}]{1,6})?"
)
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?"
    r"|(?:1[0-2]|0?[1-9])\s?(?:a\.m\.|p\.m\.|am|pm))(?:-[\p{Ll}]+)?"
)
_ERA = (
    r"(?:['’]\d0s|(?:1[0-9]|20)\d0(?:s|-?(?:е|х|ые|ых|ми))|[2-9]0(?:s|-?(?:х|ых|ми))"
    r"|[4-9]0-?(?:е|ые))"
)
_END = r"(?:(?<=-)|(?![\p{L}\d]))"


class _Lexicon:
    """One language's tokenizer: lexicon words (with their class) first, then numbers, words
    and punctuation."""

    def __init__(self, table: dict[str, list[str]], lang: str) -> None:
        self.lang = lang
        groups = []
        self.classes: list[str] = []
        for cls in _ORDER:
            frags = table.get(cls)
            if not frags:
                continue
            self.classes.append(cls)
            body = "|".join(_entry(f) for f in frags)
            groups.append(f"(?P<x{len(self.classes) - 1}>(?:{body}){_END})")
        lex = "|".join(groups)
        self.token = regex.compile(
            rf"(?<![\p{{L}}\d])(?:(?P<date>{_DATE_NUM})(?![\d\p{{L}}])"
            rf"|(?P<clock>{_CLOCK})(?![\d\p{{L}}])|(?P<era>{_ERA})(?![\d\p{{L}}])"
            rf"|{lex}"
            rf"|(?P<roman>(?-i:[IVXLC]{{1,7}}))(?![\p{{L}}\d])"
            rf"|(?P<num>{_NUM[lang]}))"
            r"|(?P<word>[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}]+)*)"
            r"|(?P<dash>[-–—/])|(?P<comma>,)|(?P<other>[^\s\w])",
            regex.IGNORECASE | regex.VERSION0,
        )
        self.whole = regex.compile(rf"(?:{lex})\Z", regex.IGNORECASE | regex.VERSION0)

    def word_class(self, word: str) -> str | None:
        m = self.whole.match(word)
        if not m or m.lastgroup is None:
            return None
        return self.classes[int(m.lastgroup[1:])]

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        pos = 0
        while True:
            m = self.token.search(text, pos)
            if m is None:
                return out
            kind = m.lastgroup or "other"
            s, e = m.span()
            if kind == "num":
                tok = m.group()
                dash = tok.find("-")
                if dash > 0 and self.word_class(tok[dash + 1 :]) is not None:
                    e = s + dash  # "3-қаңтар": the number, then the month
                out.append((s, e, _num_class(text[s:e])))
                pos = e + 1 if e < m.end() else e
                continue
            if kind.startswith("x"):
                cls = self.classes[int(kind[1:])]
                if cls == "m" and self.lang == "kk" and text[s].islower():
                    cls = "q"  # "қазан" written small: the month, not Kazan
                elif cls == "H" and self.lang == "en" and text[s].islower():
                    cls = "_"  # "easter egg"
            else:
                cls = {
                    "date": "D",
                    "clock": "T",
                    "era": "E",
                    "roman": "r",
                    "word": "_",
                    "dash": "C",
                    "comma": ",",
                }.get(kind, "·")
            out.append((s, e, cls))
            pos = e


def _num_class(tok: str) -> str:
    digits = regex.match(r"\d+", tok)
    if digits is None:
        return "N"
    d = digits.group()
    rest = tok[len(d) :]
    if rest[:1] in (".", ","):
        return "N"
    v = int(d)
    if len(d) == 4 and 1000 <= v <= 2099:
        return "G" if rest.startswith("-") else "Y"  # 2017-де, 2019-го
    if 1 <= v <= 31:
        return "n"
    return "N"


# ---------------------------------------------------------------- the grammar
_NUMS = "[nNY]"
_CORE_COMMON = [
    "D",
    "T",
    "EU?",
    "n[og]?[Mm](?:,?YU?)?",  # 3 January 2019, 3 января 2019 г., 3rd of March
    "[Mm],?n(?:,?YU?)?",  # January 3, 2019; қаңтардың 3-і
    "M",
    "[Mm],?YU?",  # March 2019, января 2019 года
    "YU",  # 2019 года, 2019 жылы
    "(?<=[pLgo])Y(?!Z)",  # in 1943, в 2019
    "Y(?=B)",  # 1987 года рождения
    "rV",  # XX век
    "g?[nNY]V",  # the 20th century, 20-сыншы ғасыр
    "W",
    "X+w",
    "(?<=p)w",  # в среду
    "H",
    "R",
    # на прошлой неделе, соңғы 2 жылда, прошлой зимой (English: only _EN_RELATIVE)
    f"X+{_NUMS}*[UaVSP]",
    f"X+{_NUMS}+h",
    "X+M",
    "S,?YU?",  # summer 2019, летом 2019 года
    f"{_NUMS}+(?:C{_NUMS}+)?[UaJhVw]Q",  # two days ago, 5 лет назад
    "[Ua]Q",  # год назад
]
_CORE_KK = [
    "G",  # 2017-де
    f"J{_NUMS}",  # жасы 29-да
    "k[bQy]",  # таңнан бері
    "s[aUmbQ]",  # жаз айларында, қыс маусымы, қыс бойы
    f"{_NUMS}+(?:C{_NUMS}+)?[UaVJhw]",  # 2 жыл, 3 жасар, 18 бен 30 жас
    "YU?[Mq]",  # 2019 жылы қаңтарда (not "2019 жылы Қазан қаласында")
    "YU?S",  # 2019 жылдың жазында
    "[Mm]a",  # қазан айында
    "S",
    "P",
    f"Ph?{_NUMS}",  # кешкі 9-да, таңғы сағат 8-ден
    f"h{_NUMS}",  # сағат 9-да
    "[Uah][by]",  # жыл сайын, жыл басынан
    "wU",  # жұма күні
]
_GROW_COMMON = [
    "@[,C]?@",  # Sunday, October 21, 2007; 2010-2015
    "g@",  # the 1980s
    "@CY",  # between 1990 and 1995
    "[nY]C@",  # с 3 по 5 января
    "@L@",  # the last Sunday before Labor Day
    "g?bo?@",  # the end of January, в конце января
    "X+@",  # last Christmas
    f"g?{_NUMS}*[UaWw]L@",  # the week before Easter, за два дня до Нового года
    "@P",  # Monday morning, вчера вечером
    "@Q",
]
# English "last"/"next" make a date of a week, a season or a night, not of "last month" or
# "the past two days" (the English corpus does not call those dates).
_EN_RELATIVE = "X+[eSP]"
# Russian: the preposition of "в конце января", "на прошлой неделе" goes with the date.
_GROW_RU = ["[pC]@"]
_GROW_KK = [
    f"@(?:{_NUMS}*[Uah])?[bQy]+",  # Наурыздан бері, жылдың басынан, Жаңа жылдан 2 күн бұрын
    "@[Uak]",  # дүйсенбі күні, шілде айында, бүгінгі таңда
    f"@{_NUMS}b",  # осы жылдың 1-інші жартысында
    f"@C{_NUMS}+[bQy]",  # наурыздың 5-і мен 14-і аралығында
    "@q",  # өткен жылдың қазанында
    "@[,C]q",  # қаңтар, наурыз, маусым және тамыз айларында
    "q[,C]@",
]
# "the" joins a decade ("the 1980s") and a period before a date ("the week before Easter");
# "the 20th century" has its own rule; never "the 28th Feb." (the corpora leave "the" out).
_THE_BEFORE = set("EUea")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return tomllib.loads((resources_dir() / "dates.toml").read_text(encoding="utf-8"))


@cache
def _lexicon(lang: str) -> _Lexicon:
    return _Lexicon(_data()[lang], lang)


@cache
def _rules(lang: str) -> tuple[list[Any], list[Any]]:
    core = _CORE_COMMON + (_CORE_KK if lang == "kk" else [])
    if lang == "en":
        core = [r for r in core if "UaVSP" not in r] + [_EN_RELATIVE]
    grow = _GROW_COMMON + {"kk": _GROW_KK, "ru": _GROW_RU}.get(lang, [])
    return (
        [regex.compile(_expand(r)) for r in core],
        [regex.compile(_expand(r)) for r in grow],
    )


# a year with an ending is a year; small "қазан" is a month; an English week is a unit
_SAME = {"Y": "YG", "m": "mq", "U": "Ue"}


def _expand(rule: str) -> str:
    """Rule text with Y also matching G and m also matching q."""
    out = []
    in_class = False
    for c in rule:
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        if c in _SAME:
            out.append(_SAME[c] if in_class else f"[{_SAME[c]}]")
        else:
            out.append(c)
    return "".join(out)


def _mark(cls: str, marked: list[bool], pattern: Any) -> bool:
    changed = False
    for m in pattern.finditer(cls, overlapped=True):
        for i in range(m.start(), m.end()):
            if not marked[i]:
                marked[i] = changed = True
    return changed


def find_dates(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every date phrase in text (one language)."""
    if lang not in LANGS:
        return []
    toks = _lexicon(lang).tokens(text)
    if not toks:
        return []
    cls = "".join(t[2] for t in toks)
    core, grow = _rules(lang)
    marked = [False] * len(toks)
    for pattern in core:
        _mark(cls, marked, pattern)
    for _ in range(6):
        view = "".join("@" if mk else c for c, mk in zip(cls, marked, strict=True))
        changed = False
        for pattern in grow:
            for m in pattern.finditer(view, overlapped=True):
                s = m.start()
                nxt = cls[s + 1] if s + 1 < len(cls) else ""
                if view[s] == "g" and nxt not in _THE_BEFORE:
                    s += 1
                elif view[s] in "pC" and (nxt not in "bX" or m.end() - s != 2):
                    continue
                for i in range(s, m.end()):
                    if not marked[i]:
                        marked[i] = changed = True
        if not changed:
            break
    return _runs(text, toks, marked)


def _runs(
    text: str, toks: list[tuple[int, int, str]], marked: Iterable[bool]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for (s, e, _c), mk in zip(toks, marked, strict=True):
        if mk and cur is not None and "\n\n" not in text[cur[1] : s]:
            cur[1] = e
            continue
        if cur is not None:
            out.append((cur[0], cur[1]))
            cur = None
        if mk:
            cur = [s, e]
    if cur is not None:
        out.append((cur[0], cur[1]))
    # a phrase never starts or ends on a connector or a comma
    clean = []
    for s, e in out:
        while e > s and text[e - 1] in " ,-–—/":
            e -= 1
        if e > s:
            clean.append((s, e))
    return clean


class DateGrammarRecognizer(EntityRecognizer):
    """The date grammar as a presidio recognizer for one language (label DATE)."""

    def __init__(self, language: str) -> None:
        super().__init__(
            supported_entities=["DATE"], name=f"dates_{language}", supported_language=language
        )

    def load(self) -> None:
        _lexicon(self.supported_language)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if entities and "DATE" not in entities:
            return []
        return [
            result("DATE", s, e, SCORE, WHY) for s, e in find_dates(text, self.supported_language)
        ]
