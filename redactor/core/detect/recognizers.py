"""Pattern recognizers built from resources/recognizers/patterns.toml, and their validators.

A PatternSpec is one regular expression with a label, a score and an optional validator; a
PatternSetRecognizer runs every spec of its language as one presidio recognizer and tags each
result with the pattern's name (the finding's "why").
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from ..bundled import resource

LANGS: tuple[str, ...] = ("en", "ru", "kk")
WHY_KEY = "why"


def resources_dir() -> Path:
    """The recognizer data folder (recognizers/ of the package redactor.resources)."""
    return resource("recognizers")


def read_list(name: str) -> list[str]:
    """Lines of a word list in the data folder, without comments and blank lines."""
    out = []
    for line in (resources_dir() / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def iin_ok(value: str) -> bool:
    """Kazakh IIN/BIN check digit: weights 1..11; if the remainder is 10, weights 3..11,1,2;
    a remainder of 10 again means the number is invalid."""
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) != 12:
        return False
    w1 = list(range(1, 12))
    w2 = list(range(3, 12)) + [1, 2]
    check = sum(d * w for d, w in zip(digits[:11], w1, strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits[:11], w2, strict=True)) % 11
        if check == 10:
            return False
    return check == digits[11]


def luhn_ok(value: str) -> bool:
    """Luhn checksum of a card number (13-19 digits)."""
    digits = [int(c) for c in value if c.isdigit()]
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def digits11(value: str) -> bool:
    """A Kazakh/Russian phone number: 11 digits with the country or trunk prefix."""
    return sum(c.isdigit() for c in value) == 11


VALIDATORS = {"iin": iin_ok, "luhn": luhn_ok, "digits11": digits11}


@dataclass(frozen=True)
class PatternSpec:
    name: str
    label: str
    pattern: Any  # compiled regex.Pattern
    score: float
    group: str | None = None
    validate: str | None = None
    langs: tuple[str, ...] = LANGS

    def finditer(self, text: str) -> list[tuple[int, int]]:
        out = []
        for m in self.pattern.finditer(text):
            if self.group:
                s, e = m.span(self.group)
                if s < 0:
                    continue
            else:
                s, e = m.span()
            if e <= s:
                continue
            # Never end a finding on spaces or trailing punctuation (except "г." / "No.").
            while e > s and text[e - 1] in " \t\r\n,;:":
                e -= 1
            while s < e and text[s] in " \t\r\n,;:":
                s += 1
            if e <= s:
                continue
            if self.validate and not VALIDATORS[self.validate](text[s:e]):
                continue
            out.append((s, e))
        return out


@lru_cache(maxsize=1)
def load_patterns() -> tuple[PatternSpec, ...]:
    """Every pattern of patterns.toml, compiled."""
    data = tomllib.loads((resources_dir() / "patterns.toml").read_text(encoding="utf-8"))
    variables: dict[str, str] = data.get("vars", {})
    specs = []
    for item in data["pattern"]:
        src = item["regex"]
        for _ in range(3):  # vars may refer to vars
            for k, v in variables.items():
                src = src.replace("{" + k + "}", v)
        flags = regex.MULTILINE | regex.VERSION0
        if "i" in item.get("flags", ""):
            flags |= regex.IGNORECASE
        specs.append(
            PatternSpec(
                name=item["name"],
                label=item["label"],
                pattern=regex.compile(src, flags),
                score=float(item["score"]),
                group=item.get("group"),
                validate=item.get("validate"),
                langs=tuple(item.get("langs", LANGS)),
            )
        )
    return tuple(specs)


def result(label: str, start: int, end: int, score: float, why: str) -> RecognizerResult:
    return RecognizerResult(
        entity_type=label,
        start=start,
        end=end,
        score=score,
        recognition_metadata={WHY_KEY: why, RecognizerResult.RECOGNIZER_NAME_KEY: why},
    )


class PatternSetRecognizer(EntityRecognizer):
    """All pattern specs of one language as one presidio recognizer."""

    def __init__(self, specs: Sequence[PatternSpec], language: str) -> None:
        self.specs = [s for s in specs if language in s.langs]
        labels = sorted({s.label for s in self.specs})
        super().__init__(
            supported_entities=labels, name=f"patterns_{language}", supported_language=language
        )

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        out = []
        for spec in self.specs:
            if entities and spec.label not in entities:
                continue
            for s, e in spec.finditer(text):
                out.append(result(spec.label, s, e, spec.score, spec.name))
        return out


class SpanFinderRecognizer(EntityRecognizer):
    """A presidio recognizer around a function that finds (start, end) spans of one label
    (addresses.py, facilities.py): the function does the work, this only reports it."""

    def __init__(
        self,
        label: str,
        name: str,
        language: str,
        find: Callable[[str], Sequence[tuple[int, int]]],
        score: float,
        why: str,
    ) -> None:
        super().__init__(supported_entities=[label], name=name, supported_language=language)
        self.label, self.find, self.score, self.why = label, find, score, why

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        return [result(self.label, s, e, self.score, self.why) for s, e in self.find(text)]
