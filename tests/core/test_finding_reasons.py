"""Why each finding was made is kept to the plan (in memory only), and findings over the same
words become one redaction that covers them all and keeps every reason."""

from __future__ import annotations

from redactor.core import jobs, pipeline
from redactor.core import plan as plan_ops
from redactor.core.detect.union import merge_spans
from redactor.core.model import (
    Box,
    Document,
    Finding,
    FindingSource,
    PageText,
    Reason,
    Span,
    Word,
    reasons_of,
)
from tests.support.data import LETTERS, needs_data


def _page() -> PageText:
    # "Dear Ivan Petrov Ivanovich , hello" on one line, then "Petrov wrote" on the next
    texts = ["Dear", "Ivan", "Petrov", "Ivanovich", "hello", "Petrov", "wrote"]
    words = []
    for i, t in enumerate(texts):
        line = 0 if i < 5 else 1
        x = 10 + 60 * (i if line == 0 else i - 5)
        words.append(Word(t, Box(x, 10 + 30 * line, x + 50, 30 + 30 * line), line=line))
    return PageText(0, 600, 200, 100, words=tuple(words))


def _finding(page: PageText, idx: tuple[int, ...], span: Span, source: str) -> Finding:
    lines: dict[int, Box] = {}
    for i in idx:
        w = page.words[i]
        lines[w.line] = w.box if w.line not in lines else lines[w.line].union(w.box)
    return Finding(0, span, idx, tuple(lines.values()), source, term_key=str(idx))


def test_overlapping_findings_become_one_redaction_covering_both() -> None:
    page = _page()
    person = _finding(page, (1, 2), Span(5, 16, "PERSON", 0.85, "spacy"), FindingSource.DETECTOR)
    term = _finding(
        page,
        (2, 3),
        Span(12, 26, "TERM", 1.0, "term #0", term=0, term_text="Petrov Ivanovich"),
        FindingSource.TERM,
    )
    apart = _finding(page, (5,), Span(0, 0, "PERSON", 0.7, "surname shape"), "detector")
    plan = plan_ops.from_findings("x", [plan_ops.PagePlan(0, 600, 200, 100)], [person, term, apart])
    merged = [r for r in plan.redactions if 2 in r.word_indexes]
    assert len(merged) == 1  # one redaction (one box on its line), not two
    red = merged[0]
    assert red.word_indexes == (1, 2, 3)
    assert red.label == "PERSON"  # a kind of detail says more than a bare term match
    for box in person.boxes + term.boxes:  # nothing is lost: the merged box covers both
        assert any(
            b.x0 <= box.x0 and b.y0 <= box.y0 and box.x1 <= b.x1 and box.y1 <= b.y1
            for b in (r.box for r in merged)
        )
    whys = [x.why for x in red.reasons]
    assert whys == ["spacy", "term #0"]
    assert red.reasons[1].term == "Petrov Ivanovich"
    assert red.why == "spacy; term #0"
    # the finding on the other line stays apart
    assert [r.word_indexes for r in plan.redactions if r is not red] == [(5,)]
    # the plan file keeps the reasons' whys, never the term
    text = plan_ops.to_json(plan)
    assert "Ivanovich" not in text and "spacy; term #0" in text
    assert all(not r.reasons for r in plan_ops.from_json(text).redactions)


def test_merge_boxes_covers_every_box() -> None:
    boxes = [Box(0, 0, 10, 10), Box(8, 2, 20, 9), Box(30, 0, 40, 10), Box(19, 5, 31, 6)]
    out = plan_ops.merge_boxes(boxes)
    assert out == [Box(0, 0, 40, 10)]
    assert plan_ops.merge_boxes([Box(0, 0, 1, 1), Box(2, 2, 3, 3)]) == [
        Box(0, 0, 1, 1),
        Box(2, 2, 3, 3),
    ]


def test_union_of_the_detector_parts_keeps_each_part_reason() -> None:
    spans = [
        Span(0, 11, "PERSON", 0.85, "spacy"),
        Span(5, 11, "PERSON", 0.6, "surname shape"),
        Span(5, 20, "TERM", 0.6, "propagated from term #0", term_text="Petrov I"),
    ]
    (one,) = merge_spans(spans)
    assert (one.start, one.end, one.label) == (0, 20, "TERM")
    parts = [one, *one.more]
    assert sorted(s.why for s in parts) == ["propagated from term #0", "spacy", "surname shape"]
    assert "Petrov" not in repr(one)  # the term is never in a repr (a log line)


def test_a_term_under_a_weak_detector_finding_is_kept() -> None:
    """Merged findings are filtered by their reasons: the detector's weak PERSON is under the
    threshold, the term match over the same words is still a term match."""
    page = _page()
    doc = Document("x.txt", "text", (page,))
    weak = _finding(page, (2,), Span(10, 16, "PERSON", 0.3, "surname shape"), "detector")
    term = _finding(page, (2,), Span(10, 16, "TERM", 1.0, "term #0", term_text="Petrov"), "term")
    (both,) = pipeline.dedupe_findings([weak, term])
    assert [x.why for x in reasons_of(both)] == ["surname shape", "term #0"]
    (kept,) = jobs.filter_findings(doc, [both], jobs.AnalysisOptions(threshold=0.5))
    assert kept.span.label == "TERM" and kept.source == FindingSource.TERM
    assert kept.reasons == (Reason("term", "TERM", "term #0", 1.0, "Petrov"),)
    # the allow list drops the detector's reason, never the term's
    (kept,) = jobs.filter_findings(doc, [both], jobs.AnalysisOptions(allow=("Petrov",)))
    assert kept.span.label == "TERM"
    assert jobs.filter_findings(doc, [weak], jobs.AnalysisOptions(threshold=0.5)) == []


class _OneName:
    """A stand-in for the detector (not what is tested here): "Ospanov" on the first page."""

    def analyze_many(self, texts: list[str], lang: str = "auto") -> list[list[Span]]:
        return [[Span(5, 12, "PERSON", 0.85, "spacy")]] + [[] for _ in texts[1:]]


def test_propagated_findings_say_where_they_come_from() -> None:
    """A name found on page 1 found again on page 2: the reason names the word and the finding
    it repeats (page, words); a deny term's findings name the term."""
    first = PageText(
        0,
        600,
        200,
        100,
        words=(Word("Dear", Box(0, 0, 40, 20)), Word("Ospanov", Box(50, 0, 120, 20))),
    )
    second = PageText(
        1,
        600,
        200,
        100,
        words=(Word("Ospanov", Box(0, 0, 70, 20)), Word("Asel", Box(80, 0, 130, 20))),
    )
    doc = Document("x.txt", "text", (first, second))
    found = pipeline.find_in_document(doc, deny=["Asel"], detector=_OneName())
    plan = pipeline.make_plan(doc, found, fingerprint="")
    by_page = {(r.page, r.word_indexes): r for r in plan.redactions}
    assert [x.why for x in by_page[(0, (1,))].reasons] == ["spacy"]
    (again,) = by_page[(1, (0,))].reasons
    assert again.why == pipeline.PROPAGATED_WHY
    assert again.term == "Ospanov" and again.origin == (0, (1,)) and again.label == "PERSON"
    (term,) = by_page[(1, (1,))].reasons
    assert term.term == "Asel" and term.source == "term"
    # neither a finding's nor a redaction's repr (what a log line would show) holds a word
    assert all("Ospanov" not in repr(f) and "Asel" not in repr(f) for f in found)
    assert all("Ospanov" not in repr(r) and "Asel" not in repr(r) for r in plan.redactions)
    text = plan_ops.to_json(plan)
    assert "Ospanov" not in text and "Asel" not in text


@needs_data
def test_a_number_and_a_date_over_the_same_words_are_one_finding() -> None:
    """The Russian dev letter: the case number "№ 6." and the date after it share a word (the
    number grows over the words it is made of). One finding covers both, with both reasons."""
    from redactor.core.detect.engine import Detector

    opened = pipeline.read_document(LETTERS / "dev-ru-01.typed.pdf")
    try:
        doc = opened.document
    finally:
        opened.close()
    found = jobs.find(doc, jobs.AnalysisOptions(), Detector())
    plan = pipeline.make_plan(doc, found, fingerprint="")
    words = doc.pages[0].words
    (red,) = {
        r.group: r for r in plan.redactions if any(words[i].text == "№" for i in r.word_indexes)
    }.values()
    text = " ".join(words[i].text for i in red.word_indexes)
    assert "№" in text and "января" in text
    labels = {x.label for x in red.reasons}
    assert {"ID", "DATE"} <= labels
    seen: dict[tuple[int, int], str] = {}
    for r in plan.redactions:
        if r.label in ("MIXED_SCRIPT", "HIDDEN_TEXT", "UNREAD"):
            continue
        for w in r.word_indexes:
            assert seen.setdefault((r.page, w), r.group) == r.group  # no word in two findings


def test_a_restored_review_gets_its_reasons_back() -> None:
    """A saved review keeps no reasons (they may hold a term): taken back after a crash, its
    findings get the reasons of the letter's fresh analysis over the same words."""
    from redactor.core.project import Review
    from redactor.core.review import LetterReview

    page = _page()
    term = _finding(
        page, (2,), Span(10, 16, "TERM", 1.0, "term #0", term=0, term_text="Petrov"), "term"
    )
    fresh = plan_ops.from_findings("x", [plan_ops.PagePlan(0, 600, 200, 100)], [term])
    saved = plan_ops.from_json(plan_ops.to_json(plan_ops.reject(fresh, ["r1"])))
    assert not saved.redactions[0].reasons
    review = LetterReview()
    review.rebuild(fresh)
    review.offer(Review(fingerprint="f", plan=saved, viewed_pages=(0,), saved_at=0.0))
    assert review.restore()
    (red,) = review.plan.redactions
    assert red.state == "rejected" and red.reasons == fresh.redactions[0].reasons
    assert red.reasons[0].term == "Petrov"
