"""The review state of a letter (core/review.py): every change through its methods and told to
its listeners, a plain undo history that spans letters, a saved review offered and taken back,
and the search that adds a term's occurrences. No Qt."""

from __future__ import annotations

import pytest

from redactor.core import pipeline
from redactor.core import plan as P
from redactor.core.model import Box, Document, Finding, PageText, ReviewState, Span, Word
from redactor.core.project import ReviewStore
from redactor.core.review import Change, History, LetterReview, PlanEdit, with_terms


def _plan() -> P.RedactionPlan:
    pages = [P.PagePlan(0, 1000, 1400, 200), P.PagePlan(1, 1000, 1400, 200, needs_eyes=True)]
    findings = [
        Finding(0, Span(0, 7, "PERSON", 0.9, "ner"), (0,), (Box(10, 10, 80, 30),)),
        Finding(1, Span(20, 30, "DATE", 0.6, "date"), (3,), (Box(100, 50, 200, 70),)),
    ]
    return P.from_findings("letter.pdf", pages, findings)


def _review() -> tuple[LetterReview, list[tuple[Change, P.RedactionPlan | None]]]:
    review = LetterReview()
    told: list[tuple[Change, P.RedactionPlan | None]] = []
    review.subscribe(lambda change, old: told.append((change, old)))
    review.rebuild(_plan())
    return review, told


def test_edits_are_told_with_the_plan_they_replaced_and_undo_in_order() -> None:
    review, told = _review()
    first = review.plan
    assert first is not None and told == [(Change.REBUILT, None)]
    history = History()
    history.push(PlanEdit(review, P.accept(first, ["r1"]), "Accept"))
    after_accept = review.plan
    assert after_accept is not None and after_accept.get("r1").state == ReviewState.ACCEPTED
    assert told[-1] == (Change.EDITED, first)
    history.push(PlanEdit(review, P.reject(after_accept, ["r2"]), "Reject"))
    assert history.undo_text() == "Reject"
    history.undo()
    assert review.plan == after_accept and history.redo_text() == "Reject"
    history.undo()
    assert review.plan == first and not history.can_undo()
    history.undo()  # nothing left: no change
    assert review.plan == first
    history.redo()
    assert review.plan == after_accept
    # a new edit drops what was undone
    history.push(PlanEdit(review, P.confirm_eyes(after_accept, 1), "Confirm page"))
    assert not history.can_redo()
    assert [c for c, _ in told].count(Change.EDITED) == 6


def test_a_macro_spans_letters_and_is_undone_in_one_step() -> None:
    a, _ = _review()
    b, _ = _review()
    start_a, start_b = a.plan, b.plan
    assert start_a is not None and start_b is not None
    history = History()
    history.begin_macro("Search and redact")
    history.push(PlanEdit(a, P.accept(start_a, ["r1", "r2"]), "x"))
    history.push(PlanEdit(b, P.reject(start_b, ["r1"]), "x"))
    assert not history.can_undo()  # inside the macro
    history.end_macro()
    history.begin_macro("nothing")  # an empty macro leaves no step
    history.end_macro()
    assert history.undo_text() == "Search and redact"
    history.undo()
    assert (a.plan, b.plan) == (start_a, start_b)
    history.redo()
    assert a.plan is not None and not a.plan.undecided()
    assert b.plan is not None and b.plan.get("r1").state == ReviewState.REJECTED


def test_a_replaced_plan_takes_its_letters_steps_along_and_no_other() -> None:
    a, _ = _review()
    b, _ = _review()
    history = History()
    assert a.plan is not None and b.plan is not None
    history.push(PlanEdit(b, P.accept(b.plan, ["r1"]), "b1"))
    history.push(PlanEdit(a, P.accept(a.plan, ["r1"]), "a1"))
    history.begin_macro("both")
    history.push(PlanEdit(a, P.reject(a.plan, ["r2"]), "a2"))
    history.push(PlanEdit(b, P.reject(b.plan, ["r2"]), "b2"))
    history.end_macro()
    a.rebuild(_plan())  # a new analysis of letter a
    history.forget(a)
    fresh = a.plan
    history.undo()  # the macro, without its step on a
    assert b.plan is not None and b.plan.get("r2").state == ReviewState.PROPOSED
    assert b.plan.get("r1").state == ReviewState.ACCEPTED
    history.undo()  # a1 is gone: b1 is next
    assert b.plan.get("r1").state == ReviewState.PROPOSED
    assert not history.can_undo() and a.plan is fresh


def test_an_edit_needs_a_plan() -> None:
    with pytest.raises(ValueError):
        PlanEdit(LetterReview(), _plan(), "x")


def test_pages_seen_once_and_only_with_a_plan() -> None:
    empty = LetterReview()
    assert not empty.mark_viewed(0) and empty.viewed == set()
    review, told = _review()
    assert review.mark_viewed(1) and not review.mark_viewed(1)
    assert review.viewed == {1} and [c for c, _ in told].count(Change.VIEWED) == 1


def test_a_review_saved_before_a_crash_is_offered_and_restored(tmp_path) -> None:  # noqa: ANN001
    review, told = _review()
    assert review.to_saved("") is None  # no fingerprint yet: nothing to save
    plan = review.plan
    assert plan is not None
    review.set_plan(P.reject(plan, ["r1"]))
    review.mark_viewed(0)
    review.mark_exported()
    store = ReviewStore(tmp_path)
    saved = review.to_saved("ab" * 32)
    assert saved is not None and not saved.clean_exit
    store.save(saved)

    # the app was killed; the letter is opened again and analysed afresh
    again = LetterReview()
    changes: list[Change] = []
    again.subscribe(lambda change, old: changes.append(change))
    loaded = store.load("ab" * 32)
    assert loaded is not None and loaded.has_decisions()
    again.offer(loaded)
    again.rebuild(_plan())
    assert again.plan is not None and again.plan.get("r1").state == ReviewState.PROPOSED
    assert again.restore()
    assert again.offered is None and not again.restore()  # taken once
    assert again.plan.get("r1").state == ReviewState.REJECTED
    assert again.viewed == {0} and again.exported
    assert changes == [Change.REBUILT, Change.RESTORED]
    closing = again.to_saved("ab" * 32, clean_exit=True)
    assert closing is not None and closing.clean_exit and closing.viewed_pages == (0,)

    declined = LetterReview()
    declined.subscribe(lambda change, old: changes.append(change))
    declined.offer(loaded)
    declined.drop_offer()
    assert declined.offered is None and changes[-1] == Change.OFFER_DROPPED


def _doc(*lines: str) -> Document:
    words = []
    for n, line in enumerate(lines):
        x = 10.0
        for text in line.split():
            w = 12.0 * len(text)
            words.append(Word(text, Box(x, 20 + 30 * n, x + w, 40 + 30 * n), line=n))
            x += w + 10
    return Document("letter.txt", "text", (PageText(0, 1000, 1400, 200, tuple(words)),))


def test_a_searched_term_is_added_where_the_plan_lacks_it() -> None:
    doc = _doc("Dear Zhanbolat Ospanov", "Zhanbolat wrote again", "nothing here")
    plan = pipeline.make_plan(doc, [])
    assert plan.redactions == ()
    once, n = with_terms(plan, doc, ["Zhanbolat"])
    assert n == 2 and len(once.redactions) == 2
    assert {r.state for r in once.redactions} == {ReviewState.ACCEPTED}
    assert len({r.group for r in once.redactions}) == 1
    boxes = [r.box for r in once.redactions]
    assert boxes[0].y0 < 40 < boxes[1].y0  # one box on each line the name is on
    twice, m = with_terms(once, doc, ["Zhanbolat"])  # already there: nothing new
    assert m == 0 and twice == once
