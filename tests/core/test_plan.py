"""The redaction plan: pure operations and its JSON file, which never holds redacted text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from redactor.core import plan as P
from redactor.core.errors import InputError
from redactor.core.model import Box, Finding, Span


def _plan() -> P.RedactionPlan:
    pages = [P.PagePlan(0, 1000, 1400, 200), P.PagePlan(1, 1000, 1400, 200, needs_eyes=True)]
    findings = [
        Finding(
            0, Span(0, 7, "PERSON", 0.9, "ner"), (0,), (Box(10, 10, 80, 30),), "detector", "ospanov"
        ),
        Finding(
            1,
            Span(5, 12, "PERSON", 0.9, "ner"),
            (1,),
            (Box(10, 50, 80, 70),),
            "detector",
            "ospanov",
        ),
        Finding(1, Span(20, 30, "DATE", 0.6, "date"), (3,), (Box(100, 50, 200, 70),)),
    ]
    return P.from_findings("letter.pdf", pages, findings)


def test_findings_of_one_term_share_a_group():
    plan = _plan()
    a, b, c = plan.redactions
    assert a.group == b.group != c.group
    assert all(r.state == "proposed" for r in plan.redactions)


def test_accept_reject_and_groups_are_pure():
    plan = _plan()
    accepted = P.accept(plan, P.group_ids(plan, plan.redactions[0].group))
    assert [r.state for r in accepted.redactions] == ["accepted", "accepted", "proposed"]
    assert [r.state for r in plan.redactions] == ["proposed"] * 3
    rejected = P.reject(accepted, ["r3"])
    assert rejected.undecided() == []


def test_manual_boxes_move_remove_and_eyes():
    plan, rid = P.add_box(_plan(), 1, Box(1, 2, 3, 4))
    assert plan.get(rid).source == "manual" and plan.get(rid).state == "accepted"
    plan = P.move_box(plan, rid, Box(5, 6, 7, 8))
    assert plan.get(rid).box == Box(5, 6, 7, 8)
    assert plan.pages_needing_eyes() == [1]
    assert P.confirm_eyes(plan, 1).pages_needing_eyes() == []
    assert rid not in {r.id for r in P.remove(plan, [rid]).redactions}


def test_pad_stays_on_the_page():
    plan = P.pad(_plan(), 20)
    assert plan.redactions[0].box == Box(0, 0, 100, 50)


def test_json_round_trip_without_text(tmp_path):
    plan = P.accept_all_proposed(_plan())
    path = tmp_path / "plan.json"
    P.save(plan, path)
    raw = path.read_text(encoding="utf-8")
    assert "ospanov" not in raw.lower()
    assert P.load(path) == replace(plan, document="")  # the file name is never saved


@pytest.mark.parametrize("text", ["", "{}", "[1,2]", '{"format": "redactor-plan/1"}', "not json"])
def test_bad_plan_files(text):
    with pytest.raises(InputError):
        P.from_json(text)


def test_relabel_and_decide_page_are_pure():
    plan = _plan()
    relabelled = P.relabel(plan, ["r1"], "LOCATION")
    assert relabelled.get("r1").label == "LOCATION" and plan.get("r1").label == "PERSON"
    assert relabelled.get("r1").group == plan.get("r1").group
    assert relabelled.get("r2").label == "PERSON"  # the other occurrence is not touched
    # page 1: r2 rejected already, r3 undecided, the page needs eyes
    before = P.reject(plan, ["r2"])
    done = P.decide_page(before, 1, "accepted", confirm=True)
    assert done.get("r2").state == "rejected"  # a decision is kept
    assert done.get("r3").state == "accepted"
    assert done.get("r1").state == "proposed"  # another page
    assert done.pages_needing_eyes() == []
    assert P.decide_page(before, 1, "rejected").pages_needing_eyes() == [1]
