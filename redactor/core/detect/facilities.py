"""Buildings, works and institutions named by their kind and a proper name.

Russian (``find_named_facilities_ru``): the kind word, then the name, in quotes or capitalised
("в аэропорту «Домодедово»", "бизнес-центра «Демидов»", "в федеральной тюрьме Нью-Йорка",
"штаб-квартире Google", "станция метро Московская", "комплекса зданий Сената и Синода"); up to two
adjectives before the kind word and a kind word it depends on ("комплекса зданий") belong to it.
``org_is_facility`` tells natasha_ner.py which of natasha's organisations are buildings named
by their kind ("во Дворце молодёжи", "Центральном доме литераторов", "из Космического центра
Джонсона"): those are places too.

Kazakh: buildings, works and institutions named by a proper name before their kind:
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
    """Facilities named by their kind and a proper name (Kazakh: the name before the kind;
    Russian: the kind before the name)."""

    def __init__(self, language: str = "kk") -> None:
        super().__init__(
            "FACILITY",
            f"named_facility_{language}",
            language,
            find_named_facilities_ru if language == "ru" else find_named_facilities,
            0.6,
            "named facility",
        )


# Russian kind words of buildings and places people are in, every case form (written for this
# project). "центр" and "дом" alone are too common ("центр Москвы", "дома"): only in compounds
# here, and as the head of a natasha organisation (org_is_facility).
_RU_KIND = (
    r"аэропорт(?:а|у|е|ом|ы|ов|ах)?|вокзал(?:а|у|е|ом|ы|ов)?|"
    r"(?:супер)?магазин(?:а|у|е|ом|ы|ов|ах)?|тюрьм(?:а|ы|е|у|ой|ах)|изолятор(?:а|у|е|ом|ы)?|"
    r"(?:кино)?театр(?:а|у|е|ом|ы|ов|ах)?|двор(?:ец|ца|цу|це|цом)|станци(?:я|и|ю|ей)|"
    r"штаб-квартир(?:а|ы|е|у|ой)|здани(?:е|я|ю|ем|и|й|ях)|комплекс(?:а|у|е|ом)?|"
    r"промзон(?:а|ы|е|у|ой)|(?:бизнес|торгов\p{Ll}*|космическ\p{Ll}*)[ -]центр(?:а|у|е|ом)?|"
    r"больниц(?:а|ы|е|у|ей)|госпитал(?:ь|я|ю|е|ем)|музе(?:й|я|ю|е|ем)|стадион(?:а|у|е|ом)?|"
    r"завод(?:а|у|е|ом)?|фабрик(?:а|и|е|у|ой)|колони(?:я|и|ю|ей)|гостиниц(?:а|ы|е|у|ей)|"
    r"отел(?:ь|я|ю|е|ем)|университет(?:а|у|е|ом)?|библиотек(?:а|и|е|у|ой)|собор(?:а|у|е|ом)?|"
    r"храм(?:а|у|е|ом)?|мечет(?:ь|и|ью)|церк(?:овь|ви|овью)|ресторан(?:а|у|е|ом)?|"
    r"санатори(?:й|я|ю|и|ем)|аэродром(?:а|у|е|ом)?|кафе|рын(?:ок|ка|ку|ке|ком)"
)
_RU_ADJ = r"\p{Ll}{3,}(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ей)"
# words with an adjective's ending that are no part of a facility's name
_RU_NOT_ADJ = frozenset(
    (
        "мой моей моем моём моего моему моим моих мое моё наш нашей нашем нашего нашему нашим "
        "наших ваш вашей вашем вашего вашему вашим ваших твой твоей твоем твоём своей своем "
        "своём своего своему своим своих этой этом этого этому этим этих той том того тому тем "
        "тех той какой каком какого которой котором которого которому которым которых одной "
        "одном одного одному одним одних самой самом самого всей всем всего всех другой другом "
        "другого другим других новой новом нового новым новых старой старом"
    ).split()
)
_RU_NAME = r"(?:«[^»\n]{1,60}»|\p{Lu}[\p{L}\-]*(?:[ \t]+(?:и[ \t]+)?\p{Lu}[\p{L}\-]*){0,2})"
_RU_FACILITY_RE = regex.compile(
    r"(?<![\p{L}\-])(?P<pre>(?:" + _RU_ADJ + r"[ \t]+){0,2})"
    r"(?P<kind>(?:(?:" + _RU_KIND + r")[ \t]+)?(?:" + _RU_KIND + r"))"
    r"(?:[ \t]+метро)?[ \t]+(?P<name>" + _RU_NAME + r")",
    regex.VERSION0,
)
_ORG_HEAD_RE = regex.compile(
    r"(?:" + _RU_KIND + r"|дом(?:а|у|е|ом)?|центр(?:а|у|е|ом)?|двор(?:ец|ца|цу|це|цом))",
    regex.VERSION0 | regex.IGNORECASE,
)


# a name with an adjective's ending is a station's or a street's, not a person's ("Московская")
_ADJ_FORM_RE = regex.compile(r"(?:ая|яя|ое|ее|ий|ый|ой|ые|ие)$")


def find_named_facilities_ru(text: str) -> list[tuple[int, int]]:
    """Russian facilities: a kind word and the quoted or capitalised name after it."""
    from redactor.core.detect.names import is_not_name, looks_like_name
    from redactor.core.detect.ru_kk_names import _names, _nf

    out = []
    for m in _RU_FACILITY_RE.finditer(text):
        name = m.group("name")
        first = name.split()[0]
        # "в тюрьме Иван ...": a person after the kind word is no part of its name
        if not name.startswith("«") and (
            is_not_name(first)
            or _nf(first) in _names()
            or (looks_like_name(first) and not _ADJ_FORM_RE.search(first))
        ):
            continue  # "в колонии Морозов С. А.": a person, not the facility's name
        start = m.start("kind")
        pre = list(regex.finditer(r"\p{L}+", m.group("pre")))
        while pre and pre[0].group().lower() in _RU_NOT_ADJ:
            pre.pop(0)
        if pre:
            start = m.start("pre") + pre[0].start()
        end = m.end("name") - (1 if name.startswith("«") else 0)
        out.append((start, end))
    return out


def org_is_facility(org: str) -> bool:
    """Whether one of the first two words of an organisation's name is a building's kind
    ("Дворце молодёжи", "Центральном доме литераторов", "Космического центра Джонсона")."""
    words = org.split()[:2]
    return any(_ORG_HEAD_RE.fullmatch(w) for w in words)
