"""The redaction plan: boxes per page with label, source and review state, and pure
operations on it. Saved as JSON (`--plan FILE`, the app's hand-over to the exporter).

The plan never stores the redacted text: findings of the same term share an opaque group id
("g3"), which says which boxes belong together and nothing about what they hide. Nor does a
saved plan name its letter: no file name and no plain hash, only the letter's keyed
fingerprint and the id of the installation's key (fingerprint.py), so a plan found on a seized
machine says neither whom the letter was about nor, without the key, which file it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from .errors import InputError
from .fileio import atomic_write_text
from .model import (
    NOTICE_LABELS,
    Box,
    Finding,
    FindingSource,
    Label,
    Reason,
    ReviewState,
    merge_reasons,
    reasons_of,
)

PLAN_FORMAT = "redactor-plan/2"
LEGACY_PLAN_FORMAT = "redactor-plan/1"  # named the letter by file name and plain SHA-256
STATES = tuple(ReviewState)
SOURCES = tuple(FindingSource)


@dataclass(frozen=True)
class Redaction:
    """One box to hide (or a proposal to hide it) on one page."""

    id: str
    page: int
    box: Box
    label: str
    source: FindingSource = FindingSource.DETECTOR
    state: ReviewState = ReviewState.PROPOSED
    group: str = ""  # opaque id shared by the findings of one term
    score: float = 1.0
    why: str = ""  # every reason's why, "; " between (never the text itself)
    word_indexes: tuple[int, ...] = ()
    # Why it was found, for the editor's screen: in memory only (a reason may hold the term it
    # matched), never written to a plan file; a plan read back has none (`why` stays).
    reasons: tuple[Reason, ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class PagePlan:
    """Geometry of a page the plan's boxes refer to."""

    index: int
    width_px: int
    height_px: int
    dpi: int
    needs_eyes: bool = False
    eyes_confirmed: bool = False


@dataclass(frozen=True)
class RedactionPlan:
    document: str  # file name of the input, in memory only: never written to a plan file
    pages: tuple[PagePlan, ...]
    redactions: tuple[Redaction, ...] = ()
    # The input's keyed fingerprint (HMAC-SHA256 under the installation key) and that key's id:
    # a plan is only ever applied to the file it was made for, on the installation that made it.
    fingerprint: str = ""
    key_id: str = ""

    # --- queries -------------------------------------------------------------------------
    def on_page(
        self, page: int, states: Iterable[str] = (ReviewState.ACCEPTED,)
    ) -> list[Redaction]:
        wanted = set(states)
        return [r for r in self.redactions if r.page == page and r.state in wanted]

    def undecided(self) -> list[Redaction]:
        return [r for r in self.redactions if r.state == ReviewState.PROPOSED]

    def pages_needing_eyes(self) -> list[int]:
        return [p.index for p in self.pages if p.needs_eyes and not p.eyes_confirmed]

    def get(self, redaction_id: str) -> Redaction:
        for r in self.redactions:
            if r.id == redaction_id:
                return r
        raise KeyError(redaction_id)

    def next_id(self) -> str:
        used = {r.id for r in self.redactions}
        n = len(used) + 1
        while f"r{n}" in used:
            n += 1
        return f"r{n}"


# --- pure operations: each returns a new plan ----------------------------------------------


def set_state(plan: RedactionPlan, ids: Iterable[str], state: ReviewState | str) -> RedactionPlan:
    """`state` may be given by its value ("accepted"): an unknown one is a ValueError."""
    new = ReviewState(state)
    chosen = set(ids)
    return replace(
        plan,
        redactions=tuple(replace(r, state=new) if r.id in chosen else r for r in plan.redactions),
    )


def accept(plan: RedactionPlan, ids: Iterable[str]) -> RedactionPlan:
    return set_state(plan, ids, ReviewState.ACCEPTED)


def reject(plan: RedactionPlan, ids: Iterable[str]) -> RedactionPlan:
    return set_state(plan, ids, ReviewState.REJECTED)


def accept_all_proposed(plan: RedactionPlan) -> RedactionPlan:
    return accept(plan, [r.id for r in plan.undecided()])


def group_ids(plan: RedactionPlan, group: str) -> list[str]:
    return [r.id for r in plan.redactions if group and r.group == group]


def add_box(
    plan: RedactionPlan,
    page: int,
    box: Box,
    label: str = Label.MANUAL,
    state: ReviewState | str = ReviewState.ACCEPTED,
) -> tuple[RedactionPlan, str]:
    rid = plan.next_id()
    red = Redaction(
        id=rid,
        page=page,
        box=box,
        label=label,
        source=FindingSource.MANUAL,
        state=ReviewState(state),
    )
    return replace(plan, redactions=plan.redactions + (red,)), rid


def move_box(plan: RedactionPlan, redaction_id: str, box: Box) -> RedactionPlan:
    return replace(
        plan,
        redactions=tuple(
            replace(r, box=box) if r.id == redaction_id else r for r in plan.redactions
        ),
    )


def remove(plan: RedactionPlan, ids: Iterable[str]) -> RedactionPlan:
    gone = set(ids)
    return replace(plan, redactions=tuple(r for r in plan.redactions if r.id not in gone))


def relabel(plan: RedactionPlan, ids: Iterable[str], label: str) -> RedactionPlan:
    """The redactions `ids` with the label `label` (their state, boxes and group kept)."""
    chosen = set(ids)
    return replace(
        plan,
        redactions=tuple(
            replace(r, label=str(label)) if r.id in chosen else r for r in plan.redactions
        ),
    )


def decide_page(
    plan: RedactionPlan, page: int, state: ReviewState | str, confirm: bool = False
) -> RedactionPlan:
    """Every undecided finding of `page` set to `state`; with `confirm`, the page confirmed
    looked at as well (a page that needs eyes). Decided findings are left as they are."""
    ids = [r.id for r in plan.redactions if r.page == page and r.state == ReviewState.PROPOSED]
    new = set_state(plan, ids, state)
    if confirm and any(p.index == page and p.needs_eyes for p in plan.pages):
        new = confirm_eyes(new, page)
    return new


def confirm_eyes(plan: RedactionPlan, page: int, confirmed: bool = True) -> RedactionPlan:
    return replace(
        plan,
        pages=tuple(
            replace(p, eyes_confirmed=confirmed) if p.index == page else p for p in plan.pages
        ),
    )


def pad(plan: RedactionPlan, px: float) -> RedactionPlan:
    sizes = {p.index: (p.width_px, p.height_px) for p in plan.pages}
    return replace(
        plan,
        redactions=tuple(replace(r, box=r.box.padded(px, *sizes[r.page])) for r in plan.redactions),
    )


def merge_boxes(boxes: Iterable[Box]) -> list[Box]:
    """Boxes that overlap joined into their union, until none overlap: every box given is
    inside one of those returned. Top to bottom, left to right."""
    out = list(boxes)
    i = 0
    while i < len(out):
        j = next((k for k in range(i + 1, len(out)) if out[i].intersects(out[k])), None)
        if j is None:
            i += 1
            continue
        out[i] = out[i].union(out.pop(j))
        i = 0  # the grown box may now overlap one already passed
    return sorted(out, key=lambda b: (b.y0, b.x0))


def _merge_rank(f: Finding) -> tuple[bool, int, float]:
    # the label that says most: a kind of detail before a bare term match, the longer finding,
    # the surer one
    return (f.span.label == Label.TERM, -len(f.word_indexes), -f.span.score)


def merge_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings that share a word of a page merged into one: its words and boxes cover all of
    theirs, its label and group are those of the finding that says most (`_merge_rank`), and it
    keeps every reason. Notices (a mixed-script word, hidden text, unread ink) stay apart: they
    are about the file, and the editor decides on them on their own."""
    items = list(findings)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[int, int], int] = {}
    for n, f in enumerate(items):
        if f.span.label in NOTICE_LABELS:
            continue
        for w in f.word_indexes:
            other = owner.setdefault((f.page, w), n)
            if other != n:
                parent[root(n)] = root(other)
    members: dict[int, list[Finding]] = {}
    for n, f in enumerate(items):
        members.setdefault(root(n), []).append(f)
    out: list[Finding] = []
    for group in members.values():  # in the order of each group's first finding
        if len(group) == 1:
            out.append(group[0])
            continue
        best = min(group, key=_merge_rank)
        rest = [f for f in group if f is not best]
        out.append(
            replace(
                best,
                word_indexes=tuple(sorted({w for f in group for w in f.word_indexes})),
                boxes=tuple(merge_boxes(b for f in group for b in f.boxes)),
                reasons=merge_reasons(reasons_of(best), *(reasons_of(f) for f in rest)),
            )
        )
    return out


def from_findings(
    document: str,
    pages: Sequence[PagePlan],
    findings: Iterable[Finding],
    state: ReviewState | str = ReviewState.PROPOSED,
) -> RedactionPlan:
    """One redaction per box of each finding, findings over the same words merged first
    (`merge_findings`); findings of the same term share a group."""
    state = ReviewState(state)
    groups: dict[str, str] = {}
    reds: list[Redaction] = []
    for f in merge_findings(findings):
        key = f.term_key or f"{f.page}:{f.span.start}:{f.span.end}"
        group = groups.setdefault(key, f"g{len(groups) + 1}")
        reasons = reasons_of(f)
        why = "; ".join(dict.fromkeys(r.why for r in reasons if r.why)) or f.span.why
        for box in f.boxes:
            reds.append(
                Redaction(
                    id=f"r{len(reds) + 1}",
                    page=f.page,
                    box=box,
                    label=f.span.label,
                    source=FindingSource(f.source),
                    state=state,
                    group=group,
                    score=f.span.score,
                    why=why,
                    word_indexes=f.word_indexes,
                    reasons=reasons,
                )
            )
    return RedactionPlan(document=document, pages=tuple(pages), redactions=tuple(reds))


def carry_reasons(plan: RedactionPlan, source: RedactionPlan) -> RedactionPlan:
    """`plan` (read back from a file, which keeps no reasons) with the reasons of `source`'s
    redactions over the same words (or, for a box over no words, the same box). In memory
    only, for the editor's screen."""
    by_words = {(r.page, r.word_indexes): r.reasons for r in source.redactions if r.word_indexes}
    by_box = {(r.page, r.box): r.reasons for r in source.redactions if not r.word_indexes}

    def found(r: Redaction) -> tuple[Reason, ...]:
        if r.word_indexes:
            return by_words.get((r.page, r.word_indexes), ())
        return by_box.get((r.page, r.box), ())

    return replace(
        plan,
        redactions=tuple(r if r.reasons else replace(r, reasons=found(r)) for r in plan.redactions),
    )


# --- JSON ------------------------------------------------------------------------------------


def _red_json(r: Redaction) -> dict[str, object]:
    data = {f.name: getattr(r, f.name) for f in fields(r) if f.name != "reasons"}  # screen only
    return {**data, "box": r.box.as_list(), "word_indexes": list(r.word_indexes)}


def to_json(plan: RedactionPlan) -> str:
    data = {
        "format": PLAN_FORMAT,
        "fingerprint": plan.fingerprint,
        "key_id": plan.key_id,
        "pages": [asdict(p) for p in plan.pages],
        "redactions": [_red_json(r) for r in plan.redactions],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


OLD_PLAN_MESSAGE = (
    "the plan file was saved by an older Redactor, which wrote the letter's file name and plain "
    "SHA-256 into it; this version refuses such plans. Make the plan again, and delete the old "
    "plan file"
)


def from_json(text: str, allow_legacy: bool = False) -> RedactionPlan:
    """A plan from its JSON. An old plan (redactor-plan/1) is refused unless `allow_legacy`
    (a saved review being migrated): its file name and plain hash are then dropped."""
    try:
        data = json.loads(text)
        fmt = data.get("format")
        if fmt == LEGACY_PLAN_FORMAT and not allow_legacy:
            raise InputError(OLD_PLAN_MESSAGE)
        if fmt not in (PLAN_FORMAT, LEGACY_PLAN_FORMAT):
            raise ValueError("not a redaction plan")
        legacy = fmt == LEGACY_PLAN_FORMAT
        pages = tuple(PagePlan(**p) for p in data["pages"])
        reds = []
        for r in data["redactions"]:
            box = Box(*map(float, r.pop("box")))
            r["word_indexes"] = tuple(r.get("word_indexes", ()))
            # an unknown state or source is a ValueError (not a valid plan)
            r["state"] = ReviewState(r.get("state", ReviewState.PROPOSED))
            r["source"] = FindingSource(r.get("source", FindingSource.DETECTOR))
            reds.append(Redaction(box=box, **r))
        return RedactionPlan(
            document="",
            pages=pages,
            redactions=tuple(reds),
            fingerprint="" if legacy else str(data.get("fingerprint", "")),
            key_id="" if legacy else str(data.get("key_id", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"the plan file is not a valid redaction plan ({exc})") from None


def load(path: str | os.PathLike[str]) -> RedactionPlan:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read plan {path}: {exc}") from None
    return from_json(text)


def save(plan: RedactionPlan, path: str | os.PathLike[str]) -> None:
    """Write atomically (temp file in the same folder, fsync, rename)."""
    atomic_write_text(path, to_json(plan), prefix=".plan-")
