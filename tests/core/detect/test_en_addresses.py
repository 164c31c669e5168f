"""Addresses in Latin letters (en_addresses.py): the street's number, the unit, the town and
postcode lines of an address block, foreign street kinds, military post; and text with numbers
that is no address."""

from __future__ import annotations

import pytest

from redactor.core.detect.en_addresses import find_en_addresses


def covered(text: str) -> set[int]:
    return {i for s, e in find_en_addresses(text) for i in range(s, e)}


def assert_whole(text: str, part: str) -> None:
    cov = covered(text)
    s = text.index(part)
    missing = [text[i] for i in range(s, s + len(part)) if text[i].isalnum() and i not in cov]
    assert not missing, f"{part!r} not fully found in {text!r}: {missing}"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # an address block: number, street and number, unit, town, country and postcode
        (
            "Please write to me at:\n\n4417 Tammelankatu 12\n Apt. 31\n TAMPERE\n\n Finland 33100",
            "4417 Tammelankatu 12\n Apt. 31\n TAMPERE\n\n Finland 33100",
        ),
        # inline, ending before the sentence goes on
        (
            "Can you send it to 2210 Orvieto Lane 7 Suite 210, Dunmore, Ireland 70311? Thanks",
            "2210 Orvieto Lane 7 Suite 210, Dunmore, Ireland 70311",
        ),
        # foreign street kinds and endings
        ("My aunt lives on Via Carducci 41 street.", "Via Carducci 41"),
        ("Send the parcel to Lindenstrasse 8, please.", "Lindenstrasse 8"),
        ("She moved to ul. Zielona 15 last year.", "ul. Zielona 15"),
        # military post
        (
            "His unit address is PSC 4471, Box 2210\nAPO AE 09012",
            "PSC 4471, Box 2210\nAPO AE 09012",
        ),
        # two streets named as a crossing
        (
            "Meet me at the corner of Kalevankatu 12 and Albert Road.",
            "Kalevankatu 12 and Albert Road",
        ),
        # a postcode named as one
        ("my zip code is 4410", "4410"),
        # a letter written without capitals
        ("write to me at 1208 birchmount road suite 4 toronto", "1208 birchmount road suite 4"),
    ],
)
def test_address_found_whole(text, address):
    assert_whole(text, address)


@pytest.mark.parametrize(
    "text",
    [
        "He was released on 29 April 1832, and in 1833 Windows 3 was not yet invented.",
        "I read pages 12 to 40 of Chapter 5 in 2019 and slept.",
        "There were 70 Jews from the Burgenland on board, 51 of them children.",
        "In Spring 43, Erwin and Lizzi came to the camp.",
        "We sat in the corner of the room and the door was shut.",
    ],
)
def test_numbers_in_running_text_are_no_address(text):
    assert find_en_addresses(text) == []


def test_address_block_through_the_detector(detector):
    text = "Dear Sara,\nmy new address is\n\n7730 Kvarnvägen 14\n Apt. 2\n KARLSTAD\n Sweden 65224"
    cov = {
        i
        for sp in detector.analyze(text, "en")
        if sp.label in ("ADDRESS", "LOCATION")
        for i in range(sp.start, sp.end)
    }
    for part in ("7730", "Kvarnvägen", "14", "Apt", "2", "KARLSTAD", "Sweden", "65224"):
        s = text.index(part, text.index("7730"))
        assert all(i in cov for i in range(s, s + len(part))), part
