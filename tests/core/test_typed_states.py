"""Review states, finding sources and job stages are StrEnums: plans keep their JSON (the plain
values), a loaded plan holds enum members, and an unknown value is refused."""

from __future__ import annotations

import json

import pytest

from redactor.core import plan as plan_ops
from redactor.core.errors import InputError
from redactor.core.model import Box, FindingSource, ReviewState, Stage


def _plan() -> plan_ops.RedactionPlan:
    plan = plan_ops.RedactionPlan("x.pdf", (plan_ops.PagePlan(0, 100, 100, 200),))
    plan, rid = plan_ops.add_box(plan, 0, Box(1.0, 2.0, 30.0, 40.0))
    plan, _ = plan_ops.add_box(plan, 0, Box(5.0, 5.0, 9.0, 9.0), state="proposed")
    return plan_ops.reject(plan, [rid])


def test_plan_json_holds_the_plain_values_and_loads_enums():
    plan = _plan()
    data = json.loads(plan_ops.to_json(plan))
    assert [(r["state"], r["source"]) for r in data["redactions"]] == [
        ("rejected", "manual"),
        ("proposed", "manual"),
    ]
    back = plan_ops.from_json(plan_ops.to_json(plan))
    assert [type(r.state) for r in back.redactions] == [ReviewState, ReviewState]
    assert all(type(r.source) is FindingSource for r in back.redactions)
    assert back.redactions == plan.redactions
    assert plan_ops.to_json(back) == plan_ops.to_json(plan)


@pytest.mark.parametrize("field,value", [("state", "maybe"), ("source", "oracle")])
def test_unknown_values_are_refused(field, value):
    data = json.loads(plan_ops.to_json(_plan()))
    data["redactions"][0][field] = value
    with pytest.raises(InputError, match="not a valid redaction plan"):
        plan_ops.from_json(json.dumps(data))
    with pytest.raises(ValueError):
        plan_ops.set_state(_plan(), ["r1"], "maybe")


def test_values_compare_as_their_strings():
    assert ReviewState.ACCEPTED == "accepted" and Stage.READ == "read"
    assert f"{FindingSource.TERM}" == "term"


def test_labels_are_one_enum():
    from redactor.core.model import ALL_LABELS, LABEL_PLACEHOLDER, NOTICE_LABELS, Label

    contract = "PERSON LOCATION ADDRESS FACILITY DATE ID PHONE EMAIL ORGANIZATION PUBLIC OTHER"
    assert [str(lab) for lab in ALL_LABELS] == contract.split()
    assert all(isinstance(lab, Label) for lab in (*ALL_LABELS, *NOTICE_LABELS))
    assert set(LABEL_PLACEHOLDER) == set(Label)
