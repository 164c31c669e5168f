"""The detector's spans found ahead (a page as soon as it is read) are the spans it finds at
once, and a search reuses a page's index without changing what it finds."""

from __future__ import annotations

from redactor.core.detect.terms import _LOCAL, find_terms, reuse

PAGES = [
    "Dear editors, my brother Kanat Yessenov is held in colony AP-162/3 near Pavlodar.\n\n"
    "Write to b.yessenov@inbox.kz or call +7 705 118 42 90.",
    "Канат Есенов писал из Павлодара. Его брат Болат живёт на улице Абая, 12.",
    "Yessenov was beaten on 11 January 2021; Kanat told Sergei Morozov's wife.",
]


def test_read_ahead_gives_the_same_spans(detector):
    at_once = detector.analyze_many(PAGES)
    for text in PAGES:
        detector.read_ahead(text)
    assert len(detector._ahead) == len(PAGES)
    ahead = detector.analyze_many(PAGES)
    assert ahead == at_once
    assert not detector._ahead  # used up


def test_drop_ahead_forgets(detector):
    detector.read_ahead(PAGES[0])
    detector.drop_ahead()
    assert not detector._ahead
    assert detector.analyze_many(PAGES[:1]) == detector.analyze_many(PAGES[:1])


def test_reuse_same_results_and_dropped_after():
    terms = ["Kanat Yessenov", "Есенов", "Pavlodar", "Morozov"]
    plain = [find_terms(t, terms) for t in PAGES]
    with reuse():
        with reuse():  # nested: the outer one's
            again = [find_terms(t, terms) for t in PAGES]
            twice = [find_terms(t, terms) for t in PAGES]
        assert _LOCAL.texts  # kept while the outer block runs
    assert again == plain and twice == plain
    assert _LOCAL.texts is None  # nothing of the letter kept after
