"""Findings shown while a letter is still being read are replaced by the final ones without
losing what the editor already decided."""

from __future__ import annotations

from redactor.core import pipeline
from redactor.core import plan as plan_ops
from redactor.core.model import Box
from redactor.gui.loading import LoadOptions, carry_decisions, provisional_plan
from tests.support.data import LETTERS


def test_decisions_survive_the_final_plan():
    doc = pipeline.read_document(LETTERS / "dev-en-01.typed.pdf").document
    deny = ["Yessenov", "Morozov"]
    final = pipeline.make_plan(doc, pipeline.find_in_document(doc, deny=deny))
    # provisional: only the first term was found so far
    early = provisional_plan(
        doc.path,
        1,
        {0: doc.pages[0]},
        pipeline.find_in_document(doc, deny=deny[:1]),
        LoadOptions(),
    )
    assert 0 < len(early.redactions) < len(final.redactions)
    first = early.redactions[0]
    early = plan_ops.reject(early, [first.id])
    early, _ = plan_ops.add_box(early, 0, Box(5.0, 5.0, 50.0, 50.0))
    merged = carry_decisions(early, final)
    same = [
        r
        for r in merged.redactions
        if r.page == first.page and r.word_indexes == first.word_indexes and r.source != "manual"
    ]
    assert same and all(r.state == "rejected" for r in same)
    assert sum(r.state == "rejected" for r in merged.redactions) == len(same)
    manual = [r for r in merged.redactions if r.source == "manual"]
    assert len(manual) == 1 and manual[0].box == Box(5.0, 5.0, 50.0, 50.0)
    assert len(merged.redactions) == len(final.redactions) + 1
    assert len({r.id for r in merged.redactions}) == len(merged.redactions)
