"""Search and redact, the core: the hits of a term in a letter (every form, a few words of
context, how each stands against the plan) change nothing; the chosen ones are hidden."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from redactor.core import jobs
from redactor.core import plan as plan_ops
from redactor.core.model import FindingSource, ReviewState
from redactor.core.review import with_terms
from redactor.core.search import (
    HitStatus,
    apply_hits,
    distinct_forms,
    find_hits,
    with_statuses,
)

LOOKALIKE = "Гвозд" + "e" + "в"  # a Latin e among Cyrillic letters
LETTER = f"""Здравствуйте, уважаемая редакция!

Пишу вам из колонии. Начальник отряда Гвоздев снова забрал наши письма.
Вчера Гвоздева видели у ворот, и я передал Гвоздеву жалобу.
В английской газете его фамилию написали как Gvozdev.
Охранник {LOOKALIKE} бил меня по ногам.

Передайте привет моей семье.
"""


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> jobs.Analysis:
    path = Path(tmp_path_factory.mktemp("search")) / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return jobs.analyse(path, jobs.AnalysisOptions(detect=False))


def _word(analysis: jobs.Analysis, text: str) -> int:
    words = analysis.document.pages[0].words
    return next(i for i, w in enumerate(words) if w.text.strip(".,") == text)


def _finding(analysis: jobs.Analysis, index: int, rid: str, state: ReviewState, *more: int):  # noqa: ANN202
    words = analysis.document.pages[0].words
    box = words[index].box
    for i in more:
        box = box.union(words[i].box)
    return plan_ops.Redaction(
        id=rid,
        page=0,
        box=box,
        label="PERSON",
        source=FindingSource.DETECTOR,
        state=state,
        group=rid,
        word_indexes=(index, *more),
    )


def test_hits_have_every_form_with_context_and_change_nothing(analysis: jobs.Analysis) -> None:
    plan = analysis.plan
    hits = find_hits(analysis.document, plan, ["Гвоздев"])
    forms = [h.form.strip(".,") for h in hits]
    # case forms, the Latin spelling and the look-alike one, each where the letter has it
    assert forms == ["Гвоздев", "Гвоздева", "Гвоздеву", "Gvozdev", LOOKALIKE]
    assert distinct_forms(hits) == forms
    assert all(h.status == HitStatus.NEW for h in hits)
    assert all(h.page == 0 and len(h.word_indexes) == 1 and h.boxes for h in hits)
    dative = hits[2]
    assert dative.word_indexes == (_word(analysis, "Гвоздеву"),)
    assert dative.before.endswith("я передал") and dative.after.startswith("жалобу.")
    assert len(dative.before.split()) == 4 and len(dative.after.split()) == 4
    words = analysis.document.pages[0].words
    assert dative.box == words[dative.word_indexes[0]].box
    assert analysis.plan == plan  # nothing changed
    assert find_hits(analysis.document, plan, ["  "]) == []
    assert find_hits(analysis.document, plan, ["Ткаченко"]) == []


def test_a_hit_over_a_rejected_finding_says_so_and_an_accepted_one_is_not_new(
    analysis: jobs.Analysis,
) -> None:
    dative, nom = _word(analysis, "Гвоздеву"), _word(analysis, "Гвоздев")
    plan = replace(
        analysis.plan,
        redactions=(
            # the editor kept "Гвоздеву жалобу" readable, and hid "Гвоздев" already
            _finding(analysis, dative, "r1", ReviewState.REJECTED, dative + 1),
            _finding(analysis, nom, "r2", ReviewState.ACCEPTED),
        ),
    )
    hits = find_hits(analysis.document, plan, ["Гвоздев"])
    status = {h.form.strip(".,"): h.status for h in hits}
    assert status == {
        "Гвоздев": HitStatus.HIDDEN,
        "Гвоздева": HitStatus.NEW,
        "Гвоздеву": HitStatus.REJECTED,
        "Gvozdev": HitStatus.NEW,
        LOOKALIKE: HitStatus.NEW,
    }
    # the plan changes after the search: the statuses follow it
    later = plan_ops.set_state(plan, ["r1"], ReviewState.ACCEPTED)
    assert {h.status for h in with_statuses(later, analysis.document, hits)} == {
        HitStatus.HIDDEN,
        HitStatus.NEW,
    }


def test_apply_hides_exactly_the_chosen_hits(analysis: jobs.Analysis) -> None:
    dative, gen = _word(analysis, "Гвоздеву"), _word(analysis, "Гвоздева")
    plan = replace(
        analysis.plan,
        redactions=(
            _finding(analysis, dative, "r1", ReviewState.REJECTED, dative + 1),
            _finding(analysis, gen, "r2", ReviewState.PROPOSED),  # the detector's, undecided
        ),
    )
    hits = find_hits(analysis.document, plan, ["Гвоздев"])
    chosen = [h for h in hits if h.status == HitStatus.NEW and h.form != "Gvozdev"]
    new, n = apply_hits(plan, analysis.document, chosen)
    assert n == 3  # Гвоздев, Гвоздева (the proposed finding, accepted), the look-alike
    added = [r for r in new.redactions if r.id not in {"r1", "r2"}]
    assert sorted(r.word_indexes for r in added) == sorted(
        h.word_indexes for h in chosen if h.word_indexes != (gen,)
    )
    assert all(r.state == ReviewState.ACCEPTED and r.source == FindingSource.TERM for r in added)
    assert len({r.group for r in added}) == 1 and "r1" not in {r.group for r in added}
    assert new.get("r2").state == ReviewState.ACCEPTED  # no second box over the same word
    assert new.get("r1").state == ReviewState.REJECTED  # not chosen: stays rejected
    left = {
        h.form
        for h in find_hits(analysis.document, new, ["Гвоздев"])
        if h.status != HitStatus.HIDDEN
    }
    assert left == {"Гвоздеву", "Gvozdev"}
    assert len({r.id for r in new.redactions}) == len(new.redactions)

    # the editor checks the rejected place too: it is hidden, the wider finding stays rejected
    over = next(h for h in hits if h.status == HitStatus.REJECTED)
    again, m = apply_hits(new, analysis.document, [over])
    assert m == 1 and again.get("r1").state == ReviewState.REJECTED
    (box,) = [r for r in again.redactions if r.id not in {x.id for x in new.redactions}]
    assert box.word_indexes == (dative,) and box.state == ReviewState.ACCEPTED
    # hidden already: nothing to do
    assert apply_hits(again, analysis.document, [over]) == (again, 0)


def test_with_terms_hides_the_new_places_and_leaves_rejected_ones(
    analysis: jobs.Analysis,
) -> None:
    dative = _word(analysis, "Гвоздеву")
    plan = replace(
        analysis.plan,
        redactions=(_finding(analysis, dative, "r1", ReviewState.REJECTED),),
    )
    new, n = with_terms(plan, analysis.document, ["Гвоздев"])
    assert n == 4
    assert new.get("r1").state == ReviewState.REJECTED
    assert not [r for r in new.redactions if r.id != "r1" and dative in r.word_indexes]
    assert with_terms(new, analysis.document, ["Гвоздев"]) == (new, 0)


def test_packed_for_a_worker_the_hits_are_the_same(analysis: jobs.Analysis) -> None:
    from redactor.core.search import find_hits_packed, pack

    packed = pack(analysis.document, analysis.plan)
    assert len(packed[1]) == analysis.document.page_count
    assert find_hits_packed(packed, ["Гвоздев"]) == find_hits(
        analysis.document, analysis.plan, ["Гвоздев"]
    )


def test_a_hidden_hit_says_which_search_term_found_it(analysis: jobs.Analysis) -> None:
    """The details of a finding made by search and redact name the term searched (on screen
    only: the plan file keeps the reason's code, never the term)."""
    plan = analysis.plan
    hits = find_hits(analysis.document, plan, ["Гвоздев"])
    new, n = apply_hits(plan, analysis.document, hits)
    added = [r for r in new.redactions if r not in plan.redactions]
    assert n == len(hits) == len(added)
    for r in added:
        assert [(x.why, x.term) for x in r.reasons] == [("search term", "Гвоздев")]
    assert "Гвоздев" not in plan_ops.to_json(new)
