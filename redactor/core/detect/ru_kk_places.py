"""Places in Russian and Kazakh text that natasha (a Russian news NER) misses.

- A gazetteer of countries, world regions, cities and physical geography in Cyrillic
  (``places_world.txt``, generated from CLDR and GeoNames by scripts/build_place_gazetteer.py,
  and ``places_ru_kk.txt``, written for this project), matched in any case form: Russian
  endings ("Караганде", "Южной Кореи", through pymorphy3's normal forms and a crude stem) and
  Kazakh case, possessive and plural suffixes ("Қытайдан", "Қазақстандағы", "АҚШ-тың",
  "Америка Құрама Штаттарының").
- Kind words: capitalised words before a Kazakh kind word are a place ("Аралбай аулында",
  "Шаған өзеніне", "Ақтөбе облысы"; a region's kind word belongs to its name); a Russian kind
  word before a capitalised word makes one place with it ("реки Славянки", "штата Аризона").

Only capitalised words are matched; a name never starts with a common sentence-opening word
("Бұл ауданда", "Осы қалада").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.names import _morph, looks_like_name, sentence_initial
from redactor.core.detect.recognizers import read_list, result

# Kazakh suffixes after a name, written for this project from Kazakh grammar: plural,
# possessive, then case (the locative-attributive -дағы counts as a case), at most one of each.
_KK_PLURAL = frozenset("лар лер дар дер тар тер".split())
_KK_POSS = frozenset("ым ім м ың ің ң ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ы і сы сі".split())
_KK_CASE = frozenset(
    (
        "ның нің дың дің тың тің ға ге қа ке на не а е ны ні ды ді ты ті н "
        "да де та те нда нде дан ден тан тен нан нен мен бен пен менен бенен пенен "
        "ша ше дағы дегі тағы тегі ндағы ндегі"
    ).split()
)
# Kazakh stems whose last consonant voices before a vowel (Жайық -> Жайығы).
_VOICED = {"г": "к", "ғ": "қ", "б": "п"}

_TOKEN_RE = regex.compile(r"[\p{L}][\p{L}’'\-]*\p{L}|[\p{L}]")
# A Kazakh kind word after a name takes the 3rd-person possessive, then maybe a case:
# "Алматы облысы", "Шаған өзеніне", "Аралбай аулында", "Бөкей ордасы аудандарына".
_KK_KIND_RE = regex.compile(
    r"(?:облысы|облыстары|ауданы|аудандары|ауылы|аулы|ауылдары|қаласы|қалалары|кенті|өзені|"
    r"өзендері|көлі|көлдері|тауы|таулары|шыңы|теңізі|шығанағы|түбегі|аралы|округі|қорығы|"
    r"ықшамауданы|шағынауданы|мөлтекауданы|селосы|поселкесі|жотасы|шатқалы|республикасы|"
    r"провинциясы|штаты|өңірі|мекені|мекендері)"
    r"(?:ның|нің|на|не|н|нда|нде|нан|нен|мен|ндағы|ндегі)?"
)
# a plural kind word names every place of a list before it: "Теңдік, Мироновка және
# Кантемировское ауылдарына", "Қиғаш және Жайық өзендерінің"
_KK_PLURAL_KIND_RE = regex.compile(r"(?:дар|дер|лар|лер|тар|тер)[ыі]")
_KK_CONJ = frozenset({"және", "мен", "пен", "бен", "да", "де"})
_KK_STATE_RE = regex.compile(
    r"(?:республика|конфедерация|федерация|корольдігі|әмірлігі)(?:сы|сының|сына|сында|сынан|"
    r"сымен|ның|ға|да|дан|мен)?|республикасы\p{Ll}*"
)
_KK_STATE_BARE = frozenset(
    "республика конфедерация федерация корольдігі әмірлігі республикада республикадан "
    "республикаға республиканың".split()
)
_KK_KIND_KEEP = ("облыс", "республика")  # the kind word is part of a region's name
# A Russian kind word before a name: "реки Славянки", "штата Аризона", "городе Грозном".
_RU_KIND_RE = regex.compile(
    r"(?:город|городок|река|озеро|остров|штат|провинция|республика|район|область|край|округ|"
    r"полуостров|залив|пролив|хребет|порт|посёлок|поселок|село|деревня|станица|аул|памятник)"
    r"|(?:город|городк|остров|штат|район|округ|полуостров|залив|пролив|хребт|порт|посёлк|"
    r"поселк|аул|памятник)(?:а|у|е|ом)"
    r"|(?:рек|озер|провинци|республик|област|кра|сел|деревн|станиц)(?:и|е|у|ой|ю|я|ем|ею|ью|а)"
)
# Relational adjectives before a kind word belong to the place: "голландском городке
# Вейк-ан-Зее", "автономной республики Крым", "тихоокеанский порт Козьмино".
_ADJ_END = r"(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)"
_RU_PLACE_ADJ_RE = regex.compile(
    r"(?:\p{Ll}+(?:ск|цк)|(?:северо|юго)?-?(?:западн|восточн|северн|южн|центральн|автономн))"
    + _ADJ_END
)
# A place's adjective before a word for its capital or autonomy names the place: "в афганской
# столице" (Kabul), "крымской автономии", "в казахстанской столице".
_RU_ADJ_CAPITAL_RE = regex.compile(
    r"(?<![\p{L}\-])\p{Ll}{3,}(?:ск|цк)" + _ADJ_END + r"[ \t]+"
    r"(?:столиц|автономи)(?:а|ы|е|у|ей|ой|я|и|ю)(?![\p{L}\-])"
)
# A direction before a place belongs to it: "западной Европы", "в южном Казахстане".
_RU_DIRECTION_RE = regex.compile(
    r"(?<![\p{L}\-])(?:северо|юго)?-?(?:западн|восточн|северн|южн)" + _ADJ_END + r"[ \t]+$"
)
# Capitalised words that open sentences and are never the first word of a place name
# (Kazakh and Russian pronouns, determiners, conjunctions, sentence adverbs), written for this
# project.
_NOT_PLACE_START = frozenset(
    (
        "бұл осы сол ол олар біз сіз сен мен менің біздің сіздің оның олардың әр әрбір барлық "
        "мына мынау анау кейбір көптеген басқа бірақ және енді ал егер онда сонда қазір биыл "
        "бүгін кеше ертең жыл жылы жылдың себебі өйткені яғни сондай сондықтан жалпы "
        "сондай-ақ дегенмен алайда мұнда сонда тіпті бүкіл негізгі жеке ескі жаңа бізге "
        "сізге оған бұған соған бізбен сізбен мәселен мысалы әсіресе сонымен сосын кейін "
        "алдымен ендеше ия иә жоқ әрине шынында расында қысқасы демек тек әлі әлде немесе "
        "осында сонда қайда неге қалай кім не қандай "
        "это этот эта эти тот та те в во на из по под над за из-за все весь наш ваш мой его "
        "ее их но и а или если когда где там здесь тут"
    ).split()
)
_MAX_WORDS = 4


@lru_cache(maxsize=65536)
def parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word (cached: a page repeats its names)."""
    return tuple(_morph().parse(word))


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """First three letters of every gazetteer key: a word that starts otherwise is no place,
    and is not parsed."""
    single, multi = _gazetteer()
    return frozenset(k[:3] for k in (*single, *multi))


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=65536)
def _kk_chain(rest: str) -> bool:
    """True if rest is a Kazakh suffix chain: plural? possessive? case?, not empty."""
    if not rest:
        return False
    for slots in ((_KK_PLURAL, _KK_POSS, _KK_CASE), (_KK_POSS, _KK_CASE), (_KK_CASE,)):
        if _chain(rest, slots):
            return True
    return False


def _chain(rest: str, slots: tuple[frozenset[str], ...]) -> bool:
    if not rest:
        return True
    if not slots:
        return False
    for n in range(1, min(6, len(rest)) + 1):
        if rest[:n] in slots[0] and _chain(rest[n:], slots[1:]):
            return True
    return _chain(rest, slots[1:]) if len(slots) > 1 else False


@lru_cache(maxsize=65536)
def _kk_stems(word: str) -> tuple[str, ...]:
    """The folded word without each Kazakh suffix chain it may end with."""
    out = []
    if "-" in word:
        head, _, tail = word.rpartition("-")
        if head and _kk_chain(tail):
            out.append(head)
    for k in range(len(word) - 1, 2, -1):
        if _kk_chain(word[k:]):
            stem = word[:k]
            out.append(stem)
            if stem[-1] in _VOICED:
                out.append(stem[:-1] + _VOICED[stem[-1]])
    return tuple(out)


@lru_cache(maxsize=65536)
def _keys(word: str, last: bool = True, lang: str = "ru") -> frozenset[str]:
    """Keys a text word can match a gazetteer word by: the folded word and, in Russian, its
    pymorphy3 normal forms; in Kazakh (the last word of a name) the word without a suffix
    chain. An abbreviation ("АҚШ-тың") keeps its capitals."""
    f = _fold(word)
    head = word.rpartition("-")[0]
    if (word.isupper() and len(word) > 1) or (head.isupper() and len(head) > 1):
        keys = {"=" + f}
        if last:
            keys |= {"=" + s for s in _kk_stems(f) if len(s) >= 2}
        return frozenset(keys)
    keys = {f}
    if lang == "kk":
        if last:
            keys |= set(_kk_stems(f))
    elif any("а" <= c <= "я" for c in f) and f[:3] in _prefixes():
        keys |= {_fold(p.normal_form) for p in parse(word)[:3]}
    return frozenset(k for k in keys if len(k) >= 3)


def _entry_keys(word: str, multi: bool) -> frozenset[str]:
    """Keys of a gazetteer word: the folded word (an abbreviation marked as such) and, in a
    name of several words, its first pymorphy3 normal form ("Южная" -> "южный")."""
    f = _fold(word)
    if word.isupper() and len(word) > 1:
        return frozenset({"=" + f})
    if not multi or not any("а" <= c <= "я" for c in f):
        return frozenset({f})
    return frozenset({f, _fold(parse(word)[0].normal_form)})


_Multi = dict[str, list[tuple[bool, tuple[frozenset[str], ...]]]]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, bool], _Multi]:
    """Single-word keys, and multi-word names (keys per word) by their first word's keys;
    each with True for a small town (taken only inside a sentence)."""
    single: dict[str, bool] = {}
    multi: _Multi = {}
    lists = [
        (False, read_list("places_world.txt")),
        (False, read_list("places_ru_kk.txt")),
        (False, read_list("places.txt")),
        (True, read_list("places_small.txt")),
    ]
    for small, names in lists:
        for name in names:
            words = _TOKEN_RE.findall(name)
            if not words or len(words) > _MAX_WORDS or not regex.match(r"\p{Cyrillic}", words[0]):
                continue
            if len(words) == 1:
                for k in _entry_keys(words[0], False):
                    if len(k) >= 3:
                        single[k] = single.get(k, small) and small
                continue
            keys = tuple(_entry_keys(w, True) for w in words)
            for k in keys[0]:
                multi.setdefault(k, []).append((small, keys))
    return single, multi


def _common_ru(word: str) -> bool:
    """True if pymorphy3's likeliest reading of the word is a known word other than a place
    ("Орёл" the bird, "Мирный" peaceful): not taken at the start of a sentence."""
    p = parse(word)[0]
    return bool(p.is_known and "Geox" not in p.tag.grammemes)


def _sentence_opener(word: str) -> bool:
    return _fold(word) in _NOT_PLACE_START


def find_places(text: str, lang: str = "ru") -> list[tuple[int, int, float, str]]:
    """(start, end, score, why) of the places in a Russian or Kazakh text."""
    single, multi = _gazetteer()
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
    out: list[tuple[int, int, float, str]] = []
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if not w[0].isupper() or _sentence_opener(w):
            i += 1
            continue
        initial = sentence_initial(text, s)
        hit = 0
        # multi-word names, longest first (only the last word takes a Kazakh suffix)
        cands = [
            t
            for k in _keys(w, False, lang)
            for small, t in multi.get(k, ())
            if not (small and initial)
        ]
        for n in sorted({len(t) for t in cands}, reverse=True):
            if i + n > len(toks) or not all(
                text[toks[j][1] : toks[j + 1][0]] in (" ", "-") for j in range(i, i + n - 1)
            ):
                continue
            for t in cands:
                if len(t) == n and all(
                    t[k] & _keys(toks[i + k][2], k == n - 1, lang) for k in range(1, n)
                ):
                    hit = n
                    break
            if hit:
                break
        if (
            not hit
            and any(k in single and not (single[k] and initial) for k in _keys(w, True, lang))
            and not (initial and lang == "ru" and _common_ru(w))
        ):
            hit = 1
        if hit:
            d = _RU_DIRECTION_RE.search(text, max(0, s - 24), s) if lang == "ru" else None
            if d:
                s = d.start()  # "западной Европы"
            out.append((s, toks[i + hit - 1][1], 0.7, "place gazetteer"))
            i += hit
        else:
            i += 1
    out.extend(_kind_places(text, toks))
    if lang == "ru":
        for m in _RU_ADJ_CAPITAL_RE.finditer(text):
            out.append((m.start(), m.end(), 0.6, "place adjective before capital"))
    return out


def _coordinated(
    text: str, toks: list[tuple[int, int, str]], j: int
) -> list[tuple[int, int, float, str]]:
    """The capitalised words listed before toks[j] ("A, B және C ауылдары"): each a place."""
    out = []
    while j > 1:
        gap = text[toks[j - 1][1] : toks[j][0]]
        if toks[j - 1][2] in _KK_CONJ and text[toks[j - 2][1] : toks[j - 1][0]] == " ":
            j -= 1
            gap = text[toks[j - 1][1] : toks[j][0]]
            if gap != " ":
                break
        elif gap != ", ":
            break
        if not toks[j - 1][2][0].isupper() or _sentence_opener(toks[j - 1][2]):
            break
        j -= 1
        out.append((toks[j][0], toks[j][1], 0.65, "place in a list before kind word"))
    return out


def _cases(word: str) -> set[str]:
    """The cases pymorphy3's dictionary gives a word (none for a word it only guesses)."""
    out = set()
    for p in parse(word)[:4]:
        if not p.is_known:
            continue
        c = p.tag.case
        if c:
            out.add({"gen2": "gent", "loc2": "loct", "acc2": "accs"}.get(c, c))
    return out


def _kind_places(text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, float, str]]:
    out: list[tuple[int, int, float, str]] = []
    for i, (_s, e, w) in enumerate(toks):
        # "Қазақстан Республикасы", "Қырғыз Республикасының", "Швейцария конфедерациясы"
        if (
            i > 0
            and _KK_STATE_RE.fullmatch(w.lower())
            and (w[0].isupper() or w.lower() not in _KK_STATE_BARE)
            and toks[i - 1][2][0].isupper()
            and not _sentence_opener(toks[i - 1][2])
        ):
            if text[toks[i - 1][1] : toks[i][0]] == " ":
                out.append((toks[i - 1][0], e, 0.7, "place before kind word"))
            continue
        if w[0].isupper():
            continue
        # Kazakh: 1-3 capitalised words (or a name with a number) before the kind word
        if i > 0 and _KK_KIND_RE.fullmatch(w):
            k = i - 1 if w.startswith("мекен") and toks[i - 1][2] == "елді" else i
            j = k
            while (
                j > 0
                and k - j < 3
                and toks[j - 1][2][0].isupper()
                and text[toks[j - 1][1] : toks[j][0]].strip(' -0123456789«»"') == ""
                and "\n" not in text[toks[j - 1][1] : toks[j][0]]
                # a person before the place is not part of it ("Дәурен Қасенов Орал қаласы")
                and not (j < k and looks_like_name(toks[j - 1][2]))
            ):
                j -= 1
            while j < k and _sentence_opener(toks[j][2]):
                j += 1
            if j < k:
                end = e if w.startswith(_KK_KIND_KEEP) else toks[k - 1][1]
                out.append((toks[j][0], end, 0.7, "place before kind word"))
                if _KK_PLURAL_KIND_RE.search(w):
                    out.extend(_coordinated(text, toks, j))
        # Russian: the kind word and the capitalised name after it, when the name is in
        # apposition ("реки Славянки", "штата Аризона"), not a genitive of another place
        # ("городах России", "район Дюссельдорфа")
        if i + 1 < len(toks) and _RU_KIND_RE.fullmatch(w):
            gap = text[e : toks[i + 1][0]]
            name = toks[i + 1][2]
            if gap.strip(' «"') != "" or "\n" in gap or not name[0].isupper():
                continue
            name_cases = _cases(name)
            if "gent" in name_cases and not (name_cases & _cases(w)):
                continue
            k = i + 1
            while (
                k + 1 < len(toks)
                and k - i < 3
                and toks[k + 1][2][0].isupper()
                and text[toks[k][1] : toks[k + 1][0]] == " "
            ):
                k += 1
            j = i
            while (
                j > 0
                and i - j < 2
                and _RU_PLACE_ADJ_RE.fullmatch(toks[j - 1][2])
                and text[toks[j - 1][1] : toks[j][0]] == " "
            ):
                j -= 1
            out.append((toks[j][0], toks[k][1], 0.7, "place after kind word"))
    return out


class RuKkPlaceRecognizer(EntityRecognizer):
    """The place gazetteer and kind-word rules for Russian and Kazakh paragraphs."""

    def __init__(self, language: str) -> None:
        super().__init__(
            supported_entities=["LOCATION"],
            name=f"ru_kk_places_{language}",
            supported_language=language,
        )

    def load(self) -> None:
        _gazetteer()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        return [
            result("LOCATION", s, e, sc, why)
            for s, e, sc, why in find_places(text, self.supported_language)
        ]
