"""English person and place names that spaCy's small model misses or labels as something else
(an organisation, a nationality, a work of art): informal text written in lower case, all-capital
headings and signatures, names in older letters, names after a title.

Evidence comes from gazetteers (first names, surnames, places; generated from Faker and
GeoNames by scripts/make_en_gazetteers.py) checked against a list of common English words, so
that "Will", "May", "Rose" or "Reading" are not names by themselves:

- a name chain: a run of name-like words (capitalised, all capitals, or lower case in lower-case
  text) holding at least one gazetteer name that is not a common word; the run may take
  initials ("Anna K Weiss"), particles inside ("Lucia di Marco"), hyphenated parts
  ("Hale-Brandt") and other capitalised words that are not common words ("Anna Tovrenko");
- a title followed by capitalised or all-capital words ("Mrs. HALLORAN", "Rabbi Lerner");
- a place from the gazetteer (one to four words); a common word or a two-letter code only in
  capitals after "in", "from", "near"... ("in WI");
- a capitalised word inside a sentence (or before a verb at its start) that is not a common
  word, that spaCy takes for a proper noun and labels nothing or an organisation, a product or a
  work ("Pellworth", "Zabrodin"), unless it reads as a nationality, a creed or a plural;
- a spaCy organisation or facility named by a place kind ("Hudson Bridge", "Palace of ...").

Words spaCy labels a nationality, a language, a date or a number are never names here.
Measured on the English dev corpora (GUM, EHRI, WNUT-17, presidio synthetic): each rule kept
adds more names than words wrongly flagged; lower-case words that are not in the gazetteer
(WNUT "krithika") are left alone, as flagging them cost more precision than it gained.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.recognizers import read_list, result
from redactor.core.detect.translit import latin_variants

_PLACE_PREPS = frozenset(
    "in from to near at into towards via outside of born live lives lived visit visited".split()
)
_PARTICLES = frozenset(
    "van von der den de di da du del della la le bin ibn al el ter ten y".split()
)
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep "
    "sept oct nov dec".split()
)
# forms of address, nobility, clergy and scholars go with the name ("Rabbi Lerner", "Queen
# Mathilde"); a rank or job ("Captain", "Warden") does not
_HONORIFICS = frozenset(
    "mr mrs ms miss mister madam madame mme mlle monsieur herr frau fraulein fräulein dr doctor "
    "prof professor rabbi reverend rev father fr sister brother pastor imam sheikh sir dame lady "
    "lord count countess baron viscount emperor king queen prince princess aunt auntie uncle "
    "grandma grandpa cousin".split()
)
# spaCy entity types whose words are not names ("German", "English", "May", "Two")
_NOT_NAME_ENTS = frozenset(
    "NORP LANGUAGE DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split()
)


@lru_cache(maxsize=1)
def _gaz() -> dict[str, frozenset[str]]:
    low = lambda name: frozenset(w.lower() for w in read_list(name))  # noqa: E731
    words = read_list("en_common_words.txt")
    # the project's Kazakh and Russian first names and places, in Latin letters
    kz_first = {v.lower() for n in read_list("first_names.txt") for v in latin_variants(n)}
    kz_places = {v.lower() for n in read_list("places.txt") for v in latin_variants(n)}
    return {
        "rare": frozenset(w[:-2] for w in words if w.endswith(" *")),
        "first": low("en_first_names.txt") | kz_first,
        "last": low("en_surnames.txt"),
        "places": low("en_places.txt") | kz_places,
        "common": frozenset(w for w in words if not w.endswith(" *")) | _MONTHS_DAYS,
        "titles": low("en_titles.txt"),
        "kinds_cap": frozenset(read_list("en_place_kinds.txt")),
    }


def is_common_english_word(word: str) -> bool:
    """A common English word (Debian's small word list) that is no first name or place, or a
    title: "Image", "Magic", "Governor", "The" (the surname list, from many locales, holds
    such words too: a surname that is a common word counts as the word)."""
    g = _gaz()
    w = word.lower()
    if w in g["titles"]:
        return True
    return w in g["common"] and not (w in g["first"] or w in g["places"])


_PEOPLE_RE = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ians|ean|eans|can|cans|ite|ites)")
_PEOPLE = frozenset("German Germans French Dutch Greek Greeks Swiss Thai Jew Jews".split())


def is_not_a_name_en(word: str) -> bool:
    """A Latin word that is no person's name on its own: a common English word (above), or a
    people's or language's word ("Polish", "Israelite", "Korean", "German")."""
    w = word.strip(".,;:")
    if not w.isascii() or not w.isalpha():
        return False
    if w in _PEOPLE or (_PEOPLE_RE.fullmatch(w) and not w.endswith("stan")):
        return w.lower() not in _gaz()["first"]
    return is_common_english_word(w)


def _shape(t: str) -> str:
    t = t.replace("’", "'")
    if not t.replace("'", "").isalpha() or t[:1] == "'" or t[-1:] == "'":
        return "other"
    if len(t) > 1 and t.isupper():
        return "upper"
    if t[0].isupper():
        return "cap"
    if t.islower():
        return "lower"
    return "other"


class _Tok:
    """What the rules need to know of one spaCy token."""

    __slots__ = (
        "text",
        "key",
        "shape",
        "start",
        "end",
        "person",
        "common",
        "initial",
        "stop",
        "veto",
        "pos",
        "title",
    )

    def __init__(self, tok: Any, g: dict[str, frozenset[str]]) -> None:
        self.text = tok.text
        self.key = tok.text.lower().replace("’", "'")
        self.shape = _shape(tok.text)
        self.start = tok.idx
        self.end = tok.idx + len(tok.text)
        self.title = self.key.rstrip(".") in g["titles"]
        self.veto = tok.ent_type_ in _NOT_NAME_ENTS or self.title
        self.person = not self.veto and (self.key in g["first"] or self.key in g["last"])
        self.common = self.key in g["common"]
        self.initial = len(tok.text) == 1 and tok.text.isupper() and tok.text not in "IA"
        self.stop = tok.is_stop
        self.pos = tok.pos_


def _strong(t: _Tok, lower_ok: bool) -> bool:
    """A gazetteer name that is not a common word."""
    if not t.person or t.common or len(t.text) < 2:
        return False
    if t.shape == "cap":
        return True
    if t.shape == "upper":
        return len(t.text) >= 4  # "LIS", "SA": acronyms
    return lower_ok and t.shape == "lower" and len(t.text) >= 3 and not t.stop


def _joinable(text: str, a: _Tok, b: _Tok) -> bool:
    """b follows a on the same line, after spaces or a hyphen."""
    gap = text[a.end : b.start]
    return gap in ("-", "") or (gap.strip(" \t") == "" and len(gap) <= 3)


def _chain_member(t: _Tok, case: str, after_strong: bool = False) -> bool:
    if t.veto or t.stop:
        return False
    if t.initial:
        return case != "lower"
    if t.shape == "lower" and case == "lower":
        # "paul walker": a surname that is also a word, right after a first name
        return t.person and (not t.common or after_strong)
    if t.shape != case and not (case == "cap" and t.shape == "upper" and len(t.text) <= 3):
        return False
    return t.person or not t.common


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(—–-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def _lower_case_text(doc: Any) -> bool:
    """Text written without capitals (social media): most sentences start in lower case, or
    there is no capital at all. There a lower-case gazetteer name may be a name."""
    starts = []
    for sent in doc.sents:
        first = next((t for t in sent if t.is_alpha), None)
        if first is not None:
            starts.append(first.text.islower())
    if not starts:
        return False
    return sum(starts) / len(starts) >= 0.5 or not any(c.isupper() for c in doc.text)


def find_names(text: str, doc: Any) -> list[tuple[str, int, int, float, str]]:
    """(label, start, end, score, why) of the names the rules find in a spaCy Doc of text."""
    g = _gaz()
    toks = [_Tok(t, g) for t in doc]
    lower_ok = _lower_case_text(doc)
    out: list[tuple[str, int, int, float, str]] = []
    out += _chains(text, toks, lower_ok)
    out += _titles(text, toks, g)
    out += _places(text, toks, g, lower_ok)
    out += _unknown_caps(text, doc, toks, g)
    out += _place_kind_ents(doc, g)
    if not lower_ok:
        out += _lower_names_in_cased_text(text, doc, toks, g)
    out += _named_by_cue(text, g)
    return out


# "my name is Rubija", "people call me višeslav", a speaker's name before a line of dialogue
_NAME_CUE_RE = re.compile(
    r"(?i:\b(?:my|his|her|their|your)\s+name\s+is|\bname['’]s|\bcall\s+me|"
    r"\bcalls\s+(?:me|him|her)|\bi\s+am\s+called|\bthey\s+call\s+(?:me|him|her))\s+"
    r"(?P<n>[^\W\d_][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})"
)
_SPEAKER_RE = re.compile(r"(?m)^[ \t>]*(?P<n>[A-Z][^\W\d_]+)[ \t]*:[ \t]*\S")


def _named_by_cue(
    text: str, g: dict[str, frozenset[str]]
) -> list[tuple[str, int, int, float, str]]:
    """A name after "my name is" or "call me" (not a common word: "my name is important"),
    and a first name from the gazetteer as a speaker's label opening a line ("Halldór: What
    a wife.")."""
    out = []
    for m in _NAME_CUE_RE.finditer(text):
        words = m.group("n").split()
        if words and words[0].lower() not in g["common"] and words[0].lower() not in g["rare"]:
            out.append(("PERSON", m.start("n"), m.end("n"), 0.6, "name after 'my name is'"))
    for m in _SPEAKER_RE.finditer(text):
        w = m.group("n").lower()
        if w in g["first"] and w not in g["common"]:
            out.append(("PERSON", m.start("n"), m.end("n"), 0.5, "speaker's name"))
    return out


# words before a name in a comment or a letter ("hey simon", "than to diego", "notice gaby")
_NAME_CUES = frozenset(
    "hey hi hello thanks thank dear with and than to notice like love ask tell sorry congrats "
    "miss".split()
)


def _lower_names_in_cased_text(
    text: str, doc: Any, toks: list[_Tok], g: dict[str, frozenset[str]]
) -> list[tuple[str, int, int, float, str]]:
    """A gazetteer name written in lower case in text that otherwise uses capitals ("notice
    gaby gave", "Travis scott sold"), when its context says it is a name: right after a
    capitalised name, before a verb, "'s" or a comma, or after a word that goes before a name
    ("hey", "than to"). Not a common English word, not a less common one ("lotta", "vid"), at
    least four letters. Measured on WNUT-17 (mixed-case comments): about six names found for
    each word wrongly flagged; without the context rule it was about one for one."""
    out = []
    for lab, s, e, _score, _why in _chains(text, toks, True):
        w = text[s:e]
        if not w.islower() or len(w) < 4 or any(x in g["rare"] for x in w.split()):
            continue
        i = next((k for k, t in enumerate(toks) if t.start == s), None)
        j = next((k for k, t in enumerate(toks) if t.end == e), None)
        if i is None or j is None:
            continue
        if re.search(r"-[ \t]*\n[ \t]*$", text[max(0, s - 4) : s]):
            continue  # the end of a word broken over two lines ("Bel-\ngian")
        prev = toks[i - 1] if i > 0 else None
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        ok = (
            " " in w
            or (
                prev is not None
                and prev.shape == "cap"
                and prev.person
                and len(prev.text) >= 3
                and prev.key not in _PARTICLES  # "Le renard brun": French, no name
            )
            or (prev is not None and prev.key in _NAME_CUES)
            or (nxt is not None and (nxt.pos_ in ("VERB", "AUX") or nxt.text in ("'s", "’s", ",")))
        )
        if ok:
            out.append((lab, s, e, 0.45, "lower-case name in context"))
    return out


def _place_kind_ents(
    doc: Any, g: dict[str, frozenset[str]]
) -> list[tuple[str, int, int, float, str]]:
    """A spaCy organisation, facility, event or work named by a place kind ("Hudson Bridge",
    "Palace of the Nine Gates") is a place; so is a run of capitalised words that ends in a place
    kind and is not made of common words only ("Vostok Cemetery", not "White House")."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in _OTHER_ENTS:
            continue
        words = [t for t in ent if t.is_alpha]
        while words and words[0].lower_ in _DETERMINERS:
            words = words[1:]
        if len(words) < 2 or not all(t.text[:1].isupper() or t.is_stop for t in words):
            continue
        if words[-1].text in g["kinds_cap"] or (
            words[0].text in g["kinds_cap"] and len(words) > 2 and words[1].lower_ == "of"
        ):
            out.append(("LOCATION", words[0].idx, ent.end_char, 0.5, "place named by kind"))
    return out + _place_kind_runs(doc, g)


def _place_kind_runs(
    doc: Any, g: dict[str, frozenset[str]]
) -> list[tuple[str, int, int, float, str]]:
    out = []
    n = len(doc)
    i = 0
    while i < n:
        if not (doc[i].is_alpha and doc[i].text[:1].isupper()) or doc[i].is_stop:
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and doc[j + 1].is_alpha
            and doc[j + 1].text[:1].isupper()
            and doc[j].whitespace_ == " "
        ):
            j += 1
        w = doc[i : j + 1]
        if (
            j > i
            and w[-1].text in g["kinds_cap"]
            and not all(t.lower_ in g["common"] for t in w[:-1])
        ):
            end = w[-1].idx + len(w[-1].text)
            out.append(("LOCATION", w[0].idx, end, 0.5, "place named by kind"))
        i = j + 1
    return out


# nationalities, creeds and groups ("Hungarian", "Calvinist", "Hobbits")
_GROUP_ENDS = ("ian", "ean", "ese", "ish", "ist", "ists", "ans", "ians")
_NOT_PLURAL = ("ss", "us", "is", "as", "os", "ys")
_DETERMINERS = frozenset("the a an this that these those our their his her its my your".split())
_OTHER_ENTS = frozenset("ORG PRODUCT WORK_OF_ART EVENT FAC LAW".split())


def _unknown_caps(
    text: str, doc: Any, toks: list[_Tok], g: dict[str, frozenset[str]]
) -> list[tuple[str, int, int, float, str]]:
    """A capitalised word inside a sentence that is not a common English word and that spaCy
    takes for a proper noun: a name it did not recognise ("Pellworth", "Zabrodin")."""
    out = []
    for i, t in enumerate(toks):
        if t.shape != "cap" or t.common or t.veto or len(t.text) < 3 or t.pos != "PROPN":
            continue
        if t.key in g["rare"] and not t.person:
            continue  # a less common English word ("Homeopathy")
        if t.key.endswith(_GROUP_ENDS) or (t.key.endswith("s") and not t.key.endswith(_NOT_PLURAL)):
            continue  # "Hungarian", "Calvinist", "Jews", "Games" (but "Cyprus", "Texas")
        # at a sentence start only before a verb ("Pellworth said") or a comma ("Pellwick, ...")
        if _sentence_start(text, t.start) and not (
            i + 1 < len(toks)
            and (doc[i + 1].pos_ in ("VERB", "AUX") or toks[i + 1].text == ",")
            and (not doc[i].ent_type_ or doc[i].ent_type_ == "ORG")
        ):
            continue
        if any(c.isupper() for c in t.text[1:]) and not t.text.startswith(("Mc", "Mac", "O'")):
            continue  # "PlayStation", "FrameNet": product names
        if i > 0 and toks[i - 1].key in _DETERMINERS:
            continue  # "the Prefecture", "a Mets fan"
        ent = doc[i].ent_type_
        if ent and ent not in _OTHER_ENTS:
            continue  # spaCy's person, place, date... are found by spaCy itself
        label = "LOCATION" if i > 0 and toks[i - 1].key in _PLACE_PREPS else "PERSON"
        out.append((label, t.start, t.end, 0.4, "unknown capitalised word"))
    return out


def _chains(text: str, toks: list[_Tok], lower_ok: bool) -> list[tuple[str, int, int, float, str]]:
    out = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if not _strong(t, lower_ok):
            i += 1
            continue
        case = "lower" if t.shape == "lower" else t.shape
        a = b = i
        # extend left and right over chain members (particles only inside)
        while a > 0 and _joinable(text, toks[a - 1], toks[a]):
            p = toks[a - 1]
            if _chain_member(p, case):
                a -= 1
            elif p.text == "-" and a > 1 and toks[a - 2].end == p.start:
                if not _chain_member(toks[a - 2], case):
                    break
                a -= 2  # "Hale-Brandt"
            elif p.key in _PARTICLES and a > 1 and _chain_member(toks[a - 2], case):
                if _joinable(text, toks[a - 2], p):
                    a -= 2
                else:
                    break
            else:
                break
        while b + 1 < n and _joinable(text, toks[b], toks[b + 1]):
            q = toks[b + 1]
            if q.text == "." and toks[b].initial:
                b += 1
                continue
            if _chain_member(q, case, after_strong=b == i):
                b += 1
            elif (
                q.text == "-"
                and b + 2 < n
                and toks[b + 2].start == q.end
                and _chain_member(toks[b + 2], case)
            ):
                b += 2
            elif (
                q.key in _PARTICLES
                and b + 2 < n
                and _chain_member(toks[b + 2], case)
                and _joinable(text, q, toks[b + 2])
            ):
                b += 2
            else:
                break
        # a name does not start with a common word that is no name ("Dear", "Tell")
        while a < b and toks[a].initial is False and toks[a].common and not toks[a].person:
            a += 1
        end = toks[b].end
        score = 0.6 if b > a else 0.5
        out.append(("PERSON", toks[a].start, end, score, "name gazetteer"))
        i = b + 1
    return out


def _titles(
    text: str, toks: list[_Tok], g: dict[str, frozenset[str]]
) -> list[tuple[str, int, int, float, str]]:
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        if not t.title or not t.text[:1].isupper():
            continue
        j = i + 1
        if j < n and toks[j].text == "." and toks[j].start == t.end:
            j += 1
        k = j
        while k < n and (k == j or _joinable(text, toks[k - 1], toks[k])):
            q = toks[k]
            ok = q.initial or (
                q.shape in ("cap", "upper") and (q.person or not q.common) and not q.title
            )
            if not ok:
                break
            k += 1
            if k < n and toks[k].text == "." and toks[k - 1].initial:
                k += 1
        if k == j or all(q.initial for q in toks[j:k] if q.text != "."):
            continue
        end = toks[k - 1].end
        # "Mrs." goes with the name (as the engine does); a rank or role does not
        start = t.start if t.key.rstrip(".") in _HONORIFICS else toks[j].start
        out.append(("PERSON", start, end, 0.6, "title and name"))
    return out


def _places(
    text: str, toks: list[_Tok], g: dict[str, frozenset[str]], lower_ok: bool
) -> list[tuple[str, int, int, float, str]]:
    places = g["places"]
    out = []
    n = len(toks)
    i = 0
    while i < n:
        hit = 0
        t = toks[i]
        if t.shape == "other" or t.stop or (t.shape == "lower" and not lower_ok):
            i += 1
            continue
        for m in (4, 3, 2, 1):
            if i + m > n:
                continue
            seg = toks[i : i + m]
            if any(not _joinable(text, seg[k], seg[k + 1]) for k in range(m - 1)):
                continue
            key = text[seg[0].start : seg[-1].end].lower()
            if key not in places:
                continue
            if _place_ok(text, toks, i, seg, lower_ok):
                hit = m
                break
        if hit:
            s, e = toks[i].start, toks[i + hit - 1].end
            out.append(("LOCATION", s, e, 0.55, "place gazetteer"))
            i += hit
        else:
            i += 1
    return out


def _place_ok(text: str, toks: list[_Tok], i: int, seg: list[_Tok], lower_ok: bool) -> bool:
    after_prep = i > 0 and toks[i - 1].key in _PLACE_PREPS
    shapes = {t.shape for t in seg if t.shape != "other"}
    words = [t for t in seg if t.shape != "other"]
    if not words or any(t.veto for t in words) or all(t.stop for t in words):
        return False
    if len(seg) == 1 and len(seg[0].text) == 2:
        return seg[0].shape == "upper" and after_prep  # "in WI"
    uncommon = [t for t in words if not t.common]
    if shapes <= {"cap", "upper"}:
        if uncommon:
            return len(words) > 1 or len(words[0].text) > 3 or words[0].shape == "cap"
        # several capitalised words that together name a place ("United Kingdom", "Fort
        # Lee", "Sun City"), though each is a common word
        if len(words) > 1 and all(t.shape == "cap" for t in words):
            return True
        # a common word ("Reading", "Mobile") only after a place word, not at a sentence start
        return (
            after_prep
            and not _sentence_start(text, seg[0].start)
            and all(t.pos == "PROPN" for t in words)
        )
    if shapes == {"lower"} and lower_ok:
        return bool(uncommon) and all(not t.stop for t in uncommon) and len(uncommon[0].text) > 3
    return False


class EnglishNamesRecognizer(EntityRecognizer):
    """find_names as a presidio recognizer (English, on presidio's spaCy Doc)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON", "LOCATION"], name="en_names", supported_language="en"
        )

    def load(self) -> None:
        _gaz()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        return [result(*f) for f in find_names(text, nlp_artifacts.tokens)]
