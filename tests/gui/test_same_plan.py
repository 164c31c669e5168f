"""The command line and the app chain the same core jobs (core/jobs.py): the same letter with the
same deny terms gives the same plan (labels, pages, boxes) from `redactor redact --save-plan`
and from the app's load job. Real detector (in-process for the command line, in the detect lane
for the app), real reading; the letter is written by the test."""

from __future__ import annotations

import json

import pytest

from redactor.core.project import ReviewStore
from redactor.gui.controller import ReviewController
from redactor.gui.loading import LoadOptions
from tests.support.cli import run_cli, terms_file

pytestmark = pytest.mark.slow

LETTER = (
    "Здравствуйте!\n\n"
    "Пишу вам из колонии. Вчера приходил Гвоздь, принёс посылку. Передайте привет Гвоздю и "
    "Шайбе. Отряд Шайбы большой.\n\n"
    "С уважением, Иван Петров\n"
)
# "Гвоздя": a form of a name the detector finds on its own (with the deny list, as a term);
# "посылка": a word only the deny list finds (in another form: "посылку").
DENY = ["Гвоздя", "посылка"]


def _key(page: int, label: str, box: list[float] | tuple[float, ...]) -> tuple:
    return (page, str(label), tuple(round(float(v), 1) for v in box))


def test_the_command_line_and_the_app_make_the_same_plan(qtbot, tmp_path):  # noqa: ANN001
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    deny = terms_file(tmp_path, DENY)
    plan_path = tmp_path / "plan.json"
    res = run_cli(
        "redact", letter, "-o", tmp_path / "out.txt", "--deny", deny, "--save-plan", plan_path, "-q"
    )
    assert res.returncode == 0, res.stderr
    cli = json.loads(plan_path.read_text(encoding="utf-8"))
    cli_keys = sorted(_key(r["page"], r["label"], r["box"]) for r in cli["redactions"])

    ctl = ReviewController(
        store=ReviewStore(tmp_path / "reviews"), options=LoadOptions(deny=tuple(DENY))
    )
    try:
        ctl.open_paths([str(letter)])
        qtbot.waitUntil(
            lambda: ctl.letter is not None and ctl.letter.status == "ready", timeout=120_000
        )
        plan = ctl.letter.plan
        app_keys = sorted(_key(r.page, r.label, r.box.as_list()) for r in plan.redactions)
        doc = ctl.letter.document
        texts = {
            (r.label, " ".join(doc.pages[r.page].words[i].text for i in r.word_indexes))
            for r in plan.redactions
        }
    finally:
        ctl.shutdown()

    # The test can fail: the deny-only word and the detector's name are both in the plan.
    assert ("TERM", "посылку.") in texts, texts
    assert any(label == "PERSON" and "Петров" in text for label, text in texts), texts
    assert app_keys == cli_keys
