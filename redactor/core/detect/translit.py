"""Cyrillic <-> Latin spellings of names (Russian and Kazakh), for matching a name written in
either script: Оспанов / Ospanov, Жұмабаев / Zhumabayev, Есенов / Yessenov."""

from __future__ import annotations

from functools import lru_cache

import iuliia

# Kazakh letters folded to the Russian letter whose Latin spelling they usually get.
_KK_TO_RU = str.maketrans(
    {
        "ә": "а",
        "Ә": "А",
        "ғ": "г",
        "Ғ": "Г",
        "қ": "к",
        "Қ": "К",
        "ң": "н",
        "Ң": "Н",
        "ө": "о",
        "Ө": "О",
        "ұ": "у",
        "Ұ": "У",
        "ү": "у",
        "Ү": "У",
        "һ": "х",
        "Һ": "Х",
        "і": "и",
        "І": "И",
    }
)
# Kazakh official Latin (2021) spellings of the Kazakh-specific letters.
_KK_LATIN = str.maketrans(
    {
        "ә": "ä",
        "Ә": "Ä",
        "ғ": "ğ",
        "Ғ": "Ğ",
        "қ": "q",
        "Қ": "Q",
        "ң": "ñ",
        "Ң": "Ñ",
        "ө": "ö",
        "Ө": "Ö",
        "ұ": "ū",
        "Ұ": "Ū",
        "ү": "ü",
        "Ү": "Ü",
        "һ": "h",
        "Һ": "H",
        "і": "ı",
        "І": "I",
    }
)
_SCHEMAS = ("WIKIPEDIA", "ICAO_DOC_9303", "GOST_7034")

# Latin -> Cyrillic, longest first.
_LAT2CYR = [
    ("shch", "щ"),
    ("sch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("yo", "ё"),
    ("iy", "ий"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("w", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "ы"),
    ("j", "дж"),
    ("k", "к"),
    ("q", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "к"),
    ("x", "кс"),
]


def is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


@lru_cache(maxsize=4096)
def latin_variants(name: str) -> tuple[str, ...]:
    """Latin spellings of a Cyrillic name (several schemes); empty for a Latin name."""
    if not is_cyrillic(name):
        return ()
    folded = name.translate(_KK_TO_RU)
    out: list[str] = []
    for schema in _SCHEMAS:
        out.append(getattr(iuliia, schema).translate(folded))
    out.append(iuliia.WIKIPEDIA.translate(name.translate(_KK_LATIN)))
    # Doubled s between vowels is a common Kazakh spelling (Есенов / Yessenov).
    out += [v.replace("es", "ess") for v in out[:1] if "es" in v.lower()]
    seen: list[str] = []
    for v in out:
        if v and v != name and v not in seen and not is_cyrillic(v):
            seen.append(v)
    return tuple(seen)


@lru_cache(maxsize=4096)
def cyrillic_variant(name: str) -> str:
    """A Russian-Cyrillic spelling of a Latin name ("" when the name is not Latin)."""
    if is_cyrillic(name) or not any(c.isalpha() for c in name):
        return ""
    low = name.lower().replace("ss", "s")
    out = []
    i = 0
    while i < len(low):
        for lat, cyr in _LAT2CYR:
            if low.startswith(lat, i):
                # "ye" at the start of a word is е ("Yerlan" -> "Ерлан")
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(low[i])
            i += 1
    cyr = "".join(out)
    # Capitalise like the input.
    res = []
    j = 0
    for word in cyr.split(" "):
        res.append(word[:1].upper() + word[1:] if word else word)
        j += 1
    return " ".join(res)


def variants(name: str) -> tuple[str, ...]:
    """The name in the other script(s)."""
    if is_cyrillic(name):
        return latin_variants(name)
    c = cyrillic_variant(name)
    return (c,) if c else ()
