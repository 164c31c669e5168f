"""The review sidecar: round trip, atomic writes, damaged files, and no redacted text in clear."""

from __future__ import annotations

import json

import pytest

from redactor.core import pipeline
from redactor.core import plan as plan_ops
from redactor.core.fingerprint import fingerprint_file
from redactor.core.model import Box
from redactor.core.project import (
    Review,
    ReviewStore,
    redacted_texts,
    write_redaction_log,
)
from tests.support.data import LETTERS

TYPED = LETTERS / "dev-en-01.typed.pdf"
NAMES = ["Yessenov", "Morozov", "Zhunusova"]


@pytest.fixture(scope="module")
def reviewed():
    opened = pipeline.read_document(TYPED)
    doc = opened.document
    findings = pipeline.find_in_document(doc, deny=NAMES)
    plan = pipeline.make_plan(doc, findings)
    assert len(plan.redactions) >= 4
    ids = [r.id for r in plan.redactions]
    plan = plan_ops.accept(plan, ids[:-1])
    plan = plan_ops.reject(plan, ids[-1:])
    plan, _ = plan_ops.add_box(plan, 0, Box(10.0, 10.0, 80.0, 40.0))
    return doc, plan


def test_round_trip_and_no_clear_text(tmp_path, reviewed):  # noqa: ANN001
    doc, plan = reviewed
    store = ReviewStore(tmp_path)
    sha = fingerprint_file(TYPED)
    review = Review(fingerprint=sha, plan=plan, viewed_pages=(0,), saved_at=1.0)
    store.save(review)
    files = list(tmp_path.iterdir())
    assert [f.name for f in files] == [f"{sha}.rev.json"]  # no temp file left behind
    raw = files[0].read_text(encoding="utf-8")
    for name in NAMES:
        assert name.casefold() not in raw.casefold()
    for text in redacted_texts(doc, plan):
        assert text.casefold() not in raw.casefold()
    back = store.load(sha)
    assert plan_ops.to_json(back.plan) == plan_ops.to_json(plan)  # boxes kept to 0.01 px
    assert (back.fingerprint, back.viewed_pages, back.saved_at) == (sha, (0,), 1.0)
    assert back.has_decisions()


def test_fresh_review_has_no_decisions(reviewed):  # noqa: ANN001
    doc, _ = reviewed
    fresh = pipeline.make_plan(doc, pipeline.find_in_document(doc, deny=NAMES))
    assert not Review("0" * 64, fresh).has_decisions()


def test_redacted_texts_covers_findings_and_manual_boxes(reviewed):  # noqa: ANN001
    doc, plan = reviewed
    texts = redacted_texts(doc, plan)
    assert any("Yessenov" in t for t in texts)
    page = doc.pages[0]
    word = next(w for w in page.words if w.text == "rubber")
    plan2, _ = plan_ops.add_box(plan, 0, word.box.padded(3, page.width_px, page.height_px))
    assert "rubber" in redacted_texts(doc, plan2)
    # rejected findings are not hidden, so they are not searched for
    rejected = plan.get(plan.redactions[-2].id)
    assert rejected.state == "rejected"


def test_damaged_or_missing_review_is_ignored(tmp_path):  # noqa: ANN001
    store = ReviewStore(tmp_path)
    sha = "a" * 64
    assert store.load(sha) is None
    store.path_for(sha).write_text("{not json", encoding="utf-8")
    assert store.load(sha) is None
    with pytest.raises(ValueError):
        store.path_for("../../etc/passwd")


def test_save_survives_a_failed_write(tmp_path, reviewed, monkeypatch):  # noqa: ANN001
    _, plan = reviewed
    store = ReviewStore(tmp_path)
    sha = "b" * 64
    store.save(Review(sha, plan, saved_at=1.0))

    def boom(*a, **k):  # noqa: ANN002, ANN003, ANN202
        raise OSError("disk full")

    monkeypatch.setattr("redactor.core.project.os.replace", boom)
    with pytest.raises(OSError):
        store.save(Review(sha, plan_ops.remove(plan, [plan.redactions[0].id]), saved_at=2.0))
    monkeypatch.undo()
    assert store.load(sha).saved_at == 1.0  # the previous review is intact
    assert len(list(tmp_path.iterdir())) == 1


def test_private_log_has_boxes_not_text(tmp_path, reviewed):  # noqa: ANN001
    _, plan = reviewed
    csv_path = tmp_path / "log.csv"
    json_path = tmp_path / "log.json"
    write_redaction_log(plan, csv_path, reviewer="editor")
    write_redaction_log(plan, json_path, reviewer="editor")
    rows = csv_path.read_text(encoding="utf-8").splitlines()
    accepted = [r for r in plan.redactions if r.state == "accepted"]
    assert rows[0] == "page,x0,y0,x1,y1,label,source,reviewer"
    assert len(rows) == 1 + len(accepted)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert {r["source"] for r in data["redactions"]} == {"term", "manual"}
    for name in NAMES:
        assert name not in csv_path.read_text() and name not in json_path.read_text()
