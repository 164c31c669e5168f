"""The index of a matched term is a field of the span (`Span.term`), set by the term matcher and
read by those who need it (labels of deny terms, the deny report, the verifier's search): no
one parses it back out of the human-readable `why`."""

from __future__ import annotations

from dataclasses import replace

from redactor.core import pipeline
from redactor.core.detect import terms as terms_mod
from redactor.core.detect.deny import deny_report
from redactor.core.model import Box, Document, PageText, Word
from redactor.core.verify import find_term_numbers

TEXT = "Letters from Ospanov and Karimova reached the office in March."


def test_matches_carry_their_term_index():
    spans = terms_mod.find_terms(TEXT, ["Karimova", "nobody", "Ospanov"])
    assert [(TEXT[s.start : s.end], s.term) for s in spans] == [("Ospanov", 2), ("Karimova", 0)]


def _page(text: str) -> PageText:
    words, x = [], 0.0
    for w in text.split():
        words.append(Word(w, Box(x, 10, x + 10 * len(w), 30)))
        x += 10 * len(w) + 10
    return PageText(0, 2000, 100, 200, words=tuple(words))


def test_readers_use_the_field_not_the_text(monkeypatch):
    # A matcher whose `why` says nothing of the index: everything downstream still works.
    real = terms_mod.find_terms

    def quiet(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        return [replace(s, why="term") for s in real(*args, **kwargs)]

    monkeypatch.setattr(terms_mod, "find_terms", quiet)
    import redactor.core.detect.deny as deny_mod

    monkeypatch.setattr(deny_mod, "find_terms", quiet)
    assert find_term_numbers(TEXT, ["unrelated", "Karimova", "Ospanov"]) == {1, 2}
    report = deny_report([TEXT], ["Ospanov", "Sidorov"])
    assert report.unmatched == (1,)
    doc = Document(path="", kind="text", pages=(_page(TEXT),))
    found = pipeline._term_findings(
        doc,
        [p.text_and_offsets() for p in doc.pages],
        ["Karimova", "Ospanov"],
        ["PERSON", "ID"],
        "en",
    )
    by_word = {doc.pages[0].words[f.word_indexes[0]].text: f.span.label for f in found}
    assert by_word == {"Ospanov": "ID", "Karimova": "PERSON"}
