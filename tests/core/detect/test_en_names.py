"""English person and place names through the real Detector (spaCy small model + en_names):
lower-case names in informal text, names in an older letter's style, all-capital names, a title
and a surname, a place after "in"/"from", and words that are not names."""

from __future__ import annotations

import pytest

from redactor.core.detect.en_names import _gaz, _named_by_cue, find_names

NAMES = ("PERSON", "LOCATION")


def covered(detector, text: str, labels=NAMES) -> set[int]:
    out: set[int] = set()
    for sp in detector.analyze(text, "en"):
        if sp.label in labels:
            out.update(range(sp.start, sp.end))
    return out


def assert_found(detector, text: str, *names: str) -> None:
    cov = covered(detector, text, labels=("PERSON", "LOCATION", "FACILITY", "ADDRESS"))
    for name in names:
        s = text.index(name)
        missing = [text[i] for i in range(s, s + len(name)) if text[i].isalnum() and i not in cov]
        assert not missing, f"{name!r} not fully found in {text!r}"


def assert_not_flagged(detector, text: str, *words: str) -> None:
    cov = covered(detector, text)
    for w in words:
        s = text.index(w)
        assert not any(i in cov for i in range(s, s + len(w))), f"{w!r} flagged in {text!r}"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("lol emma and ryan were sooo funny last nite i cant even", ("emma", "ryan")),
        ("omg paul walker is my fav actor ever", ("paul walker",)),
        ("hey jessica u coming 2 the show w/ marcus tmrw??", ("jessica", "marcus")),
        ("lol we met siobhan o'brien at the pub", ("siobhan o'brien",)),
    ],
)
def test_lower_case_names_in_informal_text(detector, text, names):
    assert_found(detector, text, *names)


def test_lower_case_common_words_in_informal_text_are_not_names(detector):
    text = "lol i will mark it down and grace the party, hope u can bill me later"
    assert_not_flagged(detector, text, "will", "mark", "grace", "hope", "bill")


def test_names_in_an_older_letter(detector):
    text = (
        "Dearest Liesl,\n"
        "Your letter of the 14th reached me only yesterday. Onkel Siegfried and Tante Gretl "
        "send their love; Hedwig Brandeis was taken away with her mother on Tuesday, and "
        "nobody knows where. The Rosenzweigs' flat now belongs to a Herr Kuhlmann. "
        "I still have the photograph of Anna and Jakob Weiss.\n"
        "Ever your\nFranziska"
    )
    assert_found(
        detector,
        text,
        "Liesl",
        "Siegfried",
        "Gretl",
        "Hedwig Brandeis",
        "Kuhlmann",
        "Anna",
        "Jakob Weiss",
        "Franziska",
    )


def test_all_capital_names(detector):
    text = (
        "STATEMENT OF WITNESS\nSIGNED: MARGARET HOLLOWAY, NURSE\nCOUNTERSIGNED BY DOUGLAS FERGUSON"
    )
    assert_found(detector, text, "MARGARET HOLLOWAY", "DOUGLAS FERGUSON")
    assert_not_flagged(detector, text, "STATEMENT", "WITNESS")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Yesterday Officer Kowalczyk took my letters away.", "Kowalczyk"),
        ("I complained to Warden Blackwood twice.", "Blackwood"),
        ("Sgt. Oduya searched the cell.", "Oduya"),
        ("We were received by Mrs. SCHWARZKOPF in the hall.", "SCHWARZKOPF"),
    ],
)
def test_title_and_surname(detector, text, name):
    assert_found(detector, text, name)
    nlp = detector.analyzer.nlp_engine.nlp["en"]
    found = find_names(text, nlp(text))
    spans = [(s, e) for lab, s, e, _, why in found if why == "title and name"]
    assert any(text[s:e].endswith(name) for s, e in spans)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("My brother was sent from Brno to a camp in the east.", "Brno"),
        ("She lives in Tilburg now, with her aunt.", "Tilburg"),
        ("we moved here from kaunas when i was six lol", "kaunas"),
        ("we used to live in NJ before the divorce", "NJ"),
    ],
)
def test_place_after_in_or_from(detector, text, place):
    assert_found(detector, text, place)


def test_sentence_initial_common_words_are_not_names(detector):
    text = "Will you write soon? Rose petals fell on the path. Mark the date. Grant us peace."
    assert_not_flagged(detector, text, "Will", "Rose", "Mark", "Grant")


def test_months_are_not_names(detector):
    text = "We worked in the fields from May to August, and in June the rations were halved."
    cov = covered(detector, text, labels=("PERSON", "LOCATION"))
    for w in ("May", "August", "June"):
        s = text.index(w)
        assert not any(i in cov for i in range(s, s + len(w))), w


def test_will_as_a_verb(detector):
    text = "They will not let me write. I Will Not Give Up, and my lawyer will appeal."
    assert_not_flagged(detector, text, "will not", "Will Not", "will appeal")


def test_nationalities_and_products_are_not_names(detector):
    text = "The German guards spoke English to the Hungarian doctor. He used a PlayStation."
    assert_not_flagged(detector, text, "German", "English", "Hungarian", "PlayStation")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # spaCy's small model calls these an organisation, which is not an identifying label
        ("Gertrud is my sister and she writes every week.", "Gertrud"),
        ("Marisol is my sister and she writes every week.", "Marisol"),
        # not in any list: a capitalised word inside a sentence that is not an English word
        ("After the search, Pellworth said I could call my mother.", "Pellworth"),
        ("Pellwick, I got your letter on Monday.", "Pellwick"),
        # a place named by its kind
        ("I was moved to the Karlag Transit Prison last spring.", "Karlag Transit Prison"),
    ],
)
def test_names_spacy_misses_or_calls_something_else(detector, text, name):
    assert_found(detector, text, name)


@pytest.mark.parametrize(
    "text",
    [
        "DEAR MOM, I AM STILL IN THE COLONY NEAR EKIBASTUZ. OFFICER BRANDT TOOK MY LETTERS "
        "AGAIN. TELL AUNT GULNARA AND YERLAN I MISS THEM. YOUR SON, DANIYAR",
        "dear mom i am still in the colony near ekibastuz. officer brandt took my letters "
        "again. tell aunt gulnara and yerlan i miss them. your son daniyar",
    ],
)
def test_letter_in_capitals_or_without_them(detector, text):
    """A prisoner's letter written all in capitals or all in lower case: Kazakh and European
    names and the place are found either way."""
    low = text.lower()
    cov = covered(detector, text, labels=("PERSON", "LOCATION", "FACILITY"))
    for name in ("ekibastuz", "brandt", "gulnara", "yerlan", "daniyar"):
        s = low.index(name)
        assert all(i in cov for i in range(s, s + len(name))), name
    for word in ("mom", "colony", "letters", "miss"):
        s = low.index(word)
        assert not any(i in cov for i in range(s, s + len(word))), word


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lower-case first name in a comment that otherwise uses capitals
        ("Did anyone else notice gaby gave herself more soda?", "gaby"),
        ("Great video! Say hi to marcus for me.", "marcus"),
        # a lower-case surname right after a capitalised first name
        ("I listened to Travis scott all night.", "scott"),
    ],
)
def test_lower_case_name_in_a_cased_sentence(detector, text, name):
    assert_found(detector, text, name)


def test_lower_case_common_words_in_a_cased_sentence_are_not_names(detector):
    text = "This looks like a lotta fun! I will grant you that, Mark."
    assert_not_flagged(detector, text, "lotta", "grant")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hello, my name is Ondrejka and I write from the camp.", "Ondrejka"),
        ("sometimes people call me vasilko", "vasilko"),
        ("Liesbeth: Who is at the door?\nMatthias: Only the guard.", "Liesbeth"),
    ],
)
def test_name_named_by_a_cue(detector, text, name):
    assert_found(detector, text, name)
    cued = [text[s:e] for _, s, e, _, _ in _named_by_cue(text, _gaz())]
    assert name in cued


def test_my_name_is_a_common_word_is_no_name(detector):
    text = "My name is important to me, and they call me often."
    assert_not_flagged(detector, text, "important", "often")


def test_place_of_several_common_words(detector):
    """Each word is a common English word; together they name a place in the gazetteer."""
    text = "My cousin was sent back to the United Kingdom, and then on to Sun City."
    assert_found(detector, text, "United Kingdom", "Sun City")
