"""Look-alike letters: one fold for every place that compares text.

"Ospаnov" with one Cyrillic "а", "Ospαnov" with a Greek alpha, "Іlyas" with a Kazakh "І", and
"Osp\\u200banov" with a zero-width space all read as the plain name, and are the classic way to
slip past a search. Text is compared here as a reader sees it:

- format characters (Unicode category Cf: zero-width spaces and joiners, soft hyphens, the
  byte-order mark, direction marks) are dropped;
- letters are compared by their confusable skeleton (Unicode TR39, UTS #39), from `disarm`'s
  tables: case-folded, each letter mapped to its prototype ("а", "α" -> "a"; "і" -> "i").

`skeleton` is the comparison key of a word. `to_main_script` rewrites only the letters of a
mixed-script word that belong to its minority script, one character for one, so a detector can
read "Ospаnov" as "Ospanov" and its offsets still point into the original text. `reader_view`
does that for a whole text, and also joins letter-spaced words ("O s p a n o v").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import disarm
import regex

from .model import Label, Span

# Letter-spaced words: three or more single letters in a row, one space or tab apart.
_SPACED_RE = re.compile(r"(?<![^\W_])[^\W\d_](?:[ \t][^\W\d_]){2,}(?![^\W_])")


def drop_format(text: str) -> str:
    """The text without format characters (zero-width spaces, soft hyphens, BOM, ...)."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@lru_cache(maxsize=8192)
def char_skeleton(ch: str) -> str:
    """The TR39 prototype of one (case-folded) character; letters only (a letter whose
    prototype is a digit or a symbol, like Cyrillic б -> 6, stays itself)."""
    if ch.isascii() or not ch.isalpha():
        return ch
    skel = disarm.skeleton_key(ch)
    return skel if skel and all(c.isalpha() for c in skel) else ch


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A word's comparison key: format characters dropped, NFC, case-folded, every letter
    mapped to its confusable prototype. Equal for "Ospanov", "Ospаnov", "ОSPANOV", "Ospαnov"."""
    w = unicodedata.normalize("NFC", drop_format(word)).casefold()
    if w.isascii():
        return w
    return "".join(char_skeleton(c) for c in w)


def fold_text(text: str) -> str:
    """A whole text folded one character at a time (for searching inside it): format
    characters dropped, NFC, case-folded, each letter replaced by its prototype when that is
    one letter ("Ospаnov" -> "ospanov")."""
    t = unicodedata.normalize("NFC", drop_format(text)).casefold()
    if t.isascii():
        return t
    out = []
    for c in t:
        sk = char_skeleton(c)
        out.append(sk if len(sk) == 1 else c)
    return "".join(out)


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """The script of a letter ('LATIN', 'CYRILLIC', 'GREEK', ...); '' for digits, marks and
    punctuation."""
    if not ch.isalpha():
        return ""
    if ch.isascii():
        return "LATIN"
    found = disarm.detect_scripts(ch)
    return str(found[0].name) if found else ""


def scripts(word: str) -> dict[str, int]:
    """How many letters of each script a word has."""
    out: dict[str, int] = {}
    for ch in word:
        s = script_of(ch)
        if s:
            out[s] = out.get(s, 0) + 1
    return out


@lru_cache(maxsize=65536)
def is_mixed_script(word: str) -> bool:
    """True when a word's letters come from more than one script (digits and punctuation
    left aside): Latin with a Cyrillic or Greek look-alike inside. A Kazakh word (ә, і, қ, ң
    are Cyrillic) is one script."""
    if word.isascii():
        return False
    return len(scripts(word)) > 1


def is_suspect_mix(word: str) -> bool:
    """is_mixed_script, less the one mix that is a writing habit, not a trick: a Cyrillic word
    whose only Latin letters are i/I, typed for the Kazakh or Ukrainian і on keyboards without
    it ("мемлекеттiк"). Such a word is still folded and matched like any mixed word."""
    if not is_mixed_script(word):
        return False
    counts = scripts(word)
    if set(counts) == {"CYRILLIC", "LATIN"}:
        latin = {c for c in word if script_of(c) == "LATIN"}
        if latin <= {"i", "I"}:
            return False
    return True


def mixed_scripts_named(word: str) -> str:
    """'Latin and Cyrillic' for a mixed word (for a finding's or a warning's `why`)."""
    names = sorted(scripts(word), key=lambda s: (-scripts(word)[s], s))
    return " and ".join(n.capitalize() for n in names)


# Letters each target script offers as look-alikes (lower case).
_TARGET_LETTERS = {
    "LATIN": "abcdefghijklmnopqrstuvwxyz",
    "CYRILLIC": "абвгдежзийклмнопрстуфхцчшщъыьэюяёіәғқңөұүһѕјѵ",
    "GREEK": "αβγδεζηθικλμνξοπρστυφχψω",
}


@lru_cache(maxsize=8)
def _reverse(target: str) -> dict[str, str]:
    """Prototype -> the first letter of the target script with that prototype."""
    out: dict[str, str] = {}
    for ch in _TARGET_LETTERS.get(target, ""):
        out.setdefault(char_skeleton(ch), ch)
    return out


def _main_script(counts: dict[str, int], word: str) -> str:
    best = max(counts.values())
    tied = [s for s, n in counts.items() if n == best]
    if len(tied) == 1:
        return tied[0]
    first = next((script_of(c) for c in word if script_of(c) in tied), tied[0])
    return first


@lru_cache(maxsize=65536)
def to_main_script(word: str) -> str:
    """A mixed-script word with its minority letters replaced by their look-alikes in the
    word's main script (most letters; a tie goes to the first letter's script), keeping case and
    length: "Ospаnov" -> "Ospanov", "Оспaнов" -> "Оспанов". Other words are returned as they
    are; a letter without a look-alike stays."""
    if not is_mixed_script(word):
        return word
    counts = scripts(word)
    main = _main_script(counts, word)
    table = _reverse(main)
    out = []
    for ch in word:
        s = script_of(ch)
        if s and s != main:
            low = ch.lower()
            sub = table.get(char_skeleton(low.casefold()))
            if sub is not None and len(low) == 1:
                ch = sub.upper() if ch != low else sub
        out.append(ch)
    res = "".join(out)
    return res if len(res) == len(word) else word


@dataclass(frozen=True)
class View:
    """A text as a reader sees it, and where each of its characters came from: `origin[i]`
    is the index in the original text of the view's character i (one past the end for
    len(text))."""

    text: str
    origin: tuple[int, ...]

    def span_back(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the view's [start, end)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


_WORDISH_RE = re.compile(r"[^\s]+")
# A word for a MIXED_SCRIPT finding: letters and digits, with format characters inside.
_FINDING_WORD_RE = regex.compile(r"[^\W_](?:[^\W_]|\p{Cf})*")


def reader_view(text: str) -> View | None:
    """The text with format characters dropped, letter-spaced words joined ("O s p a n o v" ->
    "Ospanov"; a space is kept where a capital follows a small letter: "D a u l e t O s p a n"
    -> "Daulet Ospan") and mixed-script words in their main script. None when nothing changes
    (the common case: the caller uses the text itself)."""
    spaced = list(_SPACED_RE.finditer(text))
    has_cf = not text.isascii() and any(unicodedata.category(c) == "Cf" for c in text)
    mixed = not text.isascii() and any(
        is_mixed_script(m.group()) for m in _WORDISH_RE.finditer(text)
    )
    if not (spaced or has_cf or mixed):
        return None
    drop: set[int] = set()
    for m in spaced:
        run = m.group()
        for k in range(1, len(run), 2):  # the gaps between the letters
            before, after = run[k - 1], run[k + 1]
            if not (after.isupper() and before.islower()):
                drop.add(m.start() + k)
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if i in drop or (has_cf and unicodedata.category(ch) == "Cf"):
            continue
        chars.append(ch)
        origin.append(i)
    joined = "".join(chars)
    if mixed:
        parts = []
        pos = 0
        for m in _WORDISH_RE.finditer(joined):
            parts.append(joined[pos : m.start()])
            parts.append(_to_main_in(m.group()))
            pos = m.end()
        parts.append(joined[pos:])
        joined = "".join(parts)
    origin.append(len(text))
    return View(joined, tuple(origin))


def _to_main_in(token: str) -> str:
    """to_main_script for each word of a whitespace-free token ("«Ospаnov»," keeps its quotes)."""
    return re.sub(r"[^\W_]+", lambda m: to_main_script(m.group()), token)


def mixed_script_spans(text: str) -> list[Span]:
    """A MIXED_SCRIPT span for every word whose letters come from more than one script (digits
    and punctuation left aside; a hyphen or apostrophe ends a word)."""
    out = []
    for m in _FINDING_WORD_RE.finditer(text):
        word = m.group()
        if is_suspect_mix(word):
            why = f"a word mixing {mixed_scripts_named(word)} letters (look-alike letters?)"
            out.append(Span(m.start(), m.end(), Label.MIXED_SCRIPT, 1.0, why))
    return out
