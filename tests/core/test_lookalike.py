"""Look-alike letters: the fold, the term matcher and the verifier's search with it, the
MIXED_SCRIPT finding and the deny-list warnings (unit level; the command line end to end is in
tests/review/test_findings_lookalikes.py)."""

from __future__ import annotations

import time

import pytest

from redactor.core.detect.deny import deny_forms, deny_report, mixed_terms
from redactor.core.detect.terms import find_terms, fold
from redactor.core.lookalike import (
    drop_format,
    is_mixed_script,
    is_suspect_mix,
    mixed_script_spans,
    reader_view,
    skeleton,
    to_main_script,
)
from redactor.core.model import Box, Document, PageText, Word
from redactor.core.verify import find_term_numbers

CYR_A = "\u0430"  # Cyrillic а
CYR_O = "\u041e"  # Cyrillic О
GREEK_A = "\u03b1"  # Greek α
KK_I = "\u0406"  # Kazakh/Ukrainian І (Cyrillic)
ZWSP, SHY, ZWJ, WJ, BOM = "\u200b", "\u00ad", "\u200d", "\u2060", "\ufeff"

# (how the letter spells it, the plain name it reads as)
LOOKALIKES = [
    (f"Osp{CYR_A}nov", "Ospanov"),
    (f"{CYR_O}spanov", "Ospanov"),
    (f"Osp{GREEK_A}nov", "Ospanov"),
    (f"{KK_I}lyasov", "Ilyasov"),
    (f"Osp{ZWSP}anov", "Ospanov"),
    (f"Ospa{SHY}nov", "Ospanov"),
    (f"Osp{ZWJ}anov", "Ospanov"),
    (f"Osp{WJ}anov", "Ospanov"),
    (f"{BOM}Ospanov", "Ospanov"),
    ("\u041e\u0405\u0420\u0410NOV", "OSPANOV"),  # five of seven letters Cyrillic
    ("Оспaнов", "Оспанов"),  # a Latin a inside a Cyrillic name
    ("OSPАNOV", "ospanov"),  # capitals, Cyrillic А
]


@pytest.mark.parametrize(("seen", "plain"), LOOKALIKES)
def test_skeleton_is_the_plain_names(seen: str, plain: str) -> None:
    assert skeleton(seen) == skeleton(plain)
    assert seen != plain


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ospanov", "Ospenov"),  # a different letter is a different word
        ("Оспанов", "Ospanov"),  # another script is transliteration, not a look-alike
        ("Ilyas", "Ilyos"),
        ("155", "156"),
    ],
)
def test_skeleton_keeps_different_words_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(
    ("word", "main"),
    [
        (f"Osp{CYR_A}nov", "Ospanov"),
        (f"{CYR_O}spanov", "Ospanov"),
        (f"Osp{GREEK_A}nov", "Ospanov"),
        (f"{KK_I}lyasov", "Ilyasov"),
        ("Оспaнов", "Оспанов"),
        ("Ospanov", "Ospanov"),
        ("Қасымова", "Қасымова"),
    ],
)
def test_to_main_script_keeps_length_and_case(word: str, main: str) -> None:
    assert to_main_script(word) == main
    assert len(to_main_script(word)) == len(word)


@pytest.mark.parametrize(
    ("word", "mixed"),
    [
        (f"Osp{CYR_A}nov", True),
        (f"Osp{GREEK_A}nov", True),
        (f"{KK_I}lyasov", True),
        ("Оспaнов", True),
        ("Ospanov", False),
        ("Оспанов", False),
        ("Әлия", False),  # Kazakh letters are Cyrillic
        ("Жұмабаевқа", False),
        ("Іңкәр", False),
        ("ЛА-155/18", False),  # digits and punctuation are no script
        ("COVID-19", False),
        ("Ospanov-Оспанов", True),  # one word here; a finding splits at the hyphen
    ],
)
def test_mixed_script(word: str, mixed: bool) -> None:
    assert is_mixed_script(word) is mixed


@pytest.mark.parametrize(
    ("word", "suspect"),
    [
        ("мемлекеттiк", False),  # a Latin i for the Kazakh і: a keyboard habit, not a trick
        ("Петрiв", False),
        ("cемейліктерге", True),  # a Latin c: a look-alike
        (f"Osp{CYR_A}nov", True),
        (f"{KK_I}lyasov", True),
    ],
)
def test_latin_i_in_a_cyrillic_word_is_no_notice(word: str, suspect: bool) -> None:
    assert is_mixed_script(word)  # still folded and matched as a mixed word ...
    assert is_suspect_mix(word) is suspect  # ... but a finding only when it is a look-alike
    assert bool(mixed_script_spans(f"from {word} here")) is suspect


def test_drop_format() -> None:
    assert drop_format(f"{BOM}Osp{ZWSP}a{SHY}n{ZWJ}o{WJ}v") == "Ospanov"
    assert drop_format("Оспанов, ИК-6") == "Оспанов, ИК-6"


def test_reader_view_maps_back_to_the_original() -> None:
    text = f"from Osp{CYR_A}nov, O s p a n o v and Osp{ZWSP}anov; D a u l e t O s p a n o v."
    view = reader_view(text)
    assert view is not None
    assert view.text == "from Ospanov, Ospanov and Ospanov; Daulet Ospanov."
    for word in ("Ospanov", "Daulet"):
        start = 0
        while (i := view.text.find(word, start)) >= 0:
            s, e = view.span_back(i, i + len(word))
            assert skeleton(text[s:e].replace(" ", "")) == skeleton(word)
            start = i + 1
    assert reader_view("Plain text, Оспанов.") is None


@pytest.mark.parametrize(("seen", "plain"), LOOKALIKES)
def test_term_fold_and_find_terms(seen: str, plain: str) -> None:
    text = f"Greetings from {seen} and his friends."
    spans = find_terms(text, [plain])
    assert [drop_format(text[s.start : s.end]) for s in spans] == [drop_format(seen)]
    # ... and the other way round: a term typed with look-alikes finds the plain name
    text = f"Greetings from {plain} and his friends."
    spans = find_terms(text, [seen])
    assert [text[s.start : s.end] for s in spans] == [plain]


@pytest.mark.parametrize(
    "text",
    [
        "Greetings from O s p a n o v and his friends.",
        "Greetings from D a u l e t O s p a n o v and his friends.",
        "Greetings from O S P A N O V and his friends.",
        "Greetings from Osp\u0430nova and his friends.",  # a case ending after a look-alike
    ],
)
def test_find_terms_reads_letter_spacing_and_endings(text: str) -> None:
    assert find_terms(text, ["Ospanov"])


def test_fold_keeps_kazakh_and_case_endings() -> None:
    assert fold("Жұмабаевқа") == fold("Жумабаевка")
    assert fold("Оспанов") == "оспанов"  # a Cyrillic word stays Cyrillic for its endings
    assert find_terms("Оспановым был", ["Оспанов"])


@pytest.mark.parametrize(
    "text",
    [
        "Greetings from Osp\u0430nov.",
        "Greetings from O s p a n o v.",
        "Greetings from Osp\u200banov.",
        "Greetings from \u041e\u0405\u0420\u0410NOV.",
        "Greetings from O s p \u0430 n o v.",
    ],
)
@pytest.mark.parametrize("detector_package", [True, False])
def test_verify_search_folds_lookalikes(
    text: str, detector_package: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not detector_package:  # the verifier's own search, without the term matcher
        import sys

        monkeypatch.setitem(sys.modules, "redactor.core.detect.terms", None)
    assert find_term_numbers(text, ["Ospanov"]) == {0}
    assert find_term_numbers("Greetings from Ospenko.", ["Ospanov"]) == set()


@pytest.fixture(scope="module")
def detector():
    """The real detector (spaCy, natasha, the rules), loaded once for this module."""
    from redactor.core.detect.engine import Detector

    return Detector()


def _page(text: str) -> PageText:
    words = []
    x = 10.0
    for line_no, line in enumerate(text.split("\n")):
        x = 10.0
        for w in line.split():
            words.append(Word(w, Box(x, 20.0 * line_no, x + 8 * len(w), 20.0 * line_no + 15)))
            x += 8 * len(w) + 6
    return PageText(0, 1000, 1000, 200, tuple(words))


def test_mixed_script_spans_name_the_scripts_never_the_text() -> None:
    text = f"from Osp{CYR_A}nov and Osp{GREEK_A}nov, Әлия, COVID-19 and Ospanov-Петров."
    spans = mixed_script_spans(text)
    assert [text[s.start : s.end] for s in spans] == [f"Osp{CYR_A}nov", f"Osp{GREEK_A}nov"]
    assert [s.label for s in spans] == ["MIXED_SCRIPT", "MIXED_SCRIPT"]
    assert "Latin and Cyrillic" in spans[0].why and "Latin and Greek" in spans[1].why
    assert all("Osp" not in s.why for s in spans)


def test_mixed_script_word_is_a_finding_beside_the_detectors(detector) -> None:
    from redactor.core.pipeline import find_in_document

    text = f"Dear editor,\nmy brother Daulet Osp{CYR_A}nov was moved.\nOspanov is ill."
    page = _page(text)
    doc = Document("letter.txt", "text", (page,))
    findings = find_in_document(doc, detector=detector)
    by_label: dict[str, list[str]] = {}
    for f in findings:
        by_label.setdefault(f.span.label, []).append(
            " ".join(page.words[i].text for i in f.word_indexes)
        )
    mixed_word = f"Osp{CYR_A}nov"
    assert any(mixed_word in t for t in by_label.get("PERSON", [])), by_label
    assert mixed_word in by_label["MIXED_SCRIPT"], by_label
    notice = next(f for f in findings if f.span.label == "MIXED_SCRIPT")
    assert "mixing Latin and Cyrillic" in notice.span.why
    # the clean copy of the name elsewhere is hidden too
    assert any("Ospanov" in t for ts in by_label.values() for t in ts), by_label


def test_a_term_search_alone_adds_no_notices() -> None:
    """Without the detector (--no-detect, the app's search and redact) only the terms are
    found: the look-alike spelling of the term, not every mixed-script word."""
    from redactor.core.pipeline import find_in_document

    page = _page(f"Greetings from Osp{CYR_A}nov and Ivan{CYR_O}v.\nOspanov again.")
    findings = find_in_document(Document("l.txt", "text", (page,)), deny=["Ospanov"])
    words = {page.words[i].text for f in findings for i in f.word_indexes}
    assert words == {f"Osp{CYR_A}nov", "Ospanov"}
    assert {f.span.label for f in findings} == {"TERM"}


def test_deny_forms_cross_scripts() -> None:
    assert "Ospanov" in deny_forms("Оспанов")
    assert "Оспанов" in deny_forms("Ospanov")
    assert "Ospanov" in deny_forms(f"{CYR_O}spanov")


def test_deny_report_numbers_mixed_and_unmatched_terms() -> None:
    deny = ["Ospanov", f"{CYR_O}spanov", "Zhumabayev", "Оспанов", "Ли"]
    texts = ["Greetings from Ospanov.", "Page two, nothing."]
    report = deny_report(texts, deny)
    assert report.mixed == (1,) == mixed_terms(deny)
    assert report.unmatched == (2, 4)
    warnings = report.warnings(deny)
    assert any("deny term #2 mixes Latin and Cyrillic letters" in w for w in warnings), warnings
    assert "deny term #3 matched nothing in this letter" in warnings
    assert "deny term #5 matched nothing in this letter" in warnings
    assert not any("Ospanov" in w or "Оспанов" in w or "Zhumabayev" in w for w in warnings)


def test_a_page_against_fifty_terms_stays_fast() -> None:
    words = []
    for i in range(400):
        w = f"Слово{i}ов" if i % 3 else f"Word{i}s"
        if i % 17 == 0:
            w = f"Osp{CYR_A}nov{i}"
        if i % 29 == 0:
            w = " ".join(f"W{i}")
        words.append(w)
    page = " ".join(words)
    terms = [f"Фамилия{i}ов" for i in range(45)] + ["Ospanov", "Оспанов", "ЛА-155/18"]
    terms += [f"{CYR_O}spanov", "Ерлан Муканов"]
    t0 = time.perf_counter()
    find_terms(page, terms)  # cold: every word folded for the first time
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(5):
        find_terms(page, terms)
        find_term_numbers(page, terms)
    warm = (time.perf_counter() - t0) / 5
    assert cold < 0.5, cold
    assert warm < 0.1, warm  # both searches; about 20 ms on an idle machine
