"""Search and redact, in two steps: the hits of a searched term in a letter, then the ones the
editor chose added to the plan.

`find_hits(document, plan, terms)` changes nothing: each `Hit` says where a term was found (page,
words, boxes), the form that matched as the page spells it, a few words around it (for the
screen only: never logged or saved) and how it stands against the plan: `NEW`, `HIDDEN` (every
word already under an accepted box) or `REJECTED` (it touches a finding the editor rejected: the
app leaves it unchosen and says so). `apply_hits(plan, document, hits)` hides the chosen hits as
accepted term findings. The terms are searched in every form: their other base forms and
spellings (`expand_terms`), and in the page text case endings, hyphenation, look-alike letters
and one OCR error (`pipeline.find_in_document`, the command line's deny-list matcher).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from . import pipeline
from .model import Box, Document, Finding, FindingSource, Label, PageText, Reason, ReviewState
from .plan import Redaction, RedactionPlan

CONTEXT_WORDS = 4  # words shown before and after a hit


class HitStatus(StrEnum):
    NEW = "new"  # not hidden yet (it may be under a finding still undecided)
    HIDDEN = "hidden"  # every word is under an accepted box already
    REJECTED = "rejected"  # it touches a finding the editor rejected


@dataclass(frozen=True)
class Hit:
    """One place a searched term was found (in memory only: `form` and the context are a
    letter's words)."""

    page: int
    word_indexes: tuple[int, ...]
    boxes: tuple[Box, ...]  # one per line the hit is on
    form: str  # the matched words as the page spells them
    before: str  # a few words before, for the screen only
    after: str
    status: HitStatus
    finding: Finding  # what `apply_hits` turns into redactions

    @property
    def key(self) -> tuple[int, tuple[int, ...]]:
        return (self.page, self.word_indexes)

    @property
    def box(self) -> Box:
        out = self.boxes[0]
        for b in self.boxes[1:]:
            out = out.union(b)
        return out


def expand_terms(terms: Sequence[str]) -> list[str]:
    """The terms with their other base forms and Latin/Cyrillic spellings."""
    try:
        from .detect.propagate import expand_term
    except ImportError:  # the detection stack is optional for this
        return list(terms)
    return list(dict.fromkeys(f for t in terms for f in expand_term(t)))


def term_findings(document: Document, terms: Sequence[str]) -> list[Finding]:
    """Every occurrence of the terms (already expanded) in the document: the matcher and the
    propagation the command line's deny list uses, the term matches only."""
    found = pipeline.find_in_document(document, deny=list(terms))
    # the term's matches only: not the notices or dark boxes a reading also yields
    return [f for f in found if f.source == FindingSource.TERM and f.word_indexes]


def _covering(plan: RedactionPlan, page: PageText, index: int) -> list[Redaction]:
    """The plan's redactions over word `index` of the page: by its words, or (a box drawn by
    hand has none) by a box holding the word's centre."""
    word = page.words[index]
    return [
        r
        for r in plan.redactions
        if r.page == page.index
        and (index in r.word_indexes or (not r.word_indexes and r.box.contains_center_of(word.box)))
    ]


def hit_status(
    plan: RedactionPlan, document: Document, page: int, words: Sequence[int]
) -> HitStatus:
    """How the words stand against the plan (see HitStatus)."""
    text = document.pages[page]
    covers = [_covering(plan, text, i) for i in words]
    if covers and all(any(r.state == ReviewState.ACCEPTED for r in c) for c in covers):
        return HitStatus.HIDDEN
    if any(r.state == ReviewState.REJECTED for c in covers for r in c):
        return HitStatus.REJECTED
    return HitStatus.NEW


def _context(page: PageText, words: tuple[int, ...], n: int = CONTEXT_WORDS) -> tuple[str, str]:
    first, last = min(words), max(words)
    before = [w.text for w in page.words[max(0, first - n) : first]]
    after = [w.text for w in page.words[last + 1 : last + 1 + n]]
    return " ".join(before), " ".join(after)


def find_hits(
    document: Document,
    plan: RedactionPlan,
    terms: Sequence[str],
    expand: bool = True,
    cancel: Callable[[], None] | None = None,
) -> list[Hit]:
    """Every place the terms (in all their forms when `expand`) are found in the document, in
    reading order, each with its status against `plan`. Nothing is changed. `cancel` is called
    between steps (it raises to stop)."""
    wanted = [" ".join(t.split()) for t in terms if t.strip()]
    if not wanted:
        return []
    forms = expand_terms(wanted) if expand else wanted
    if cancel:
        cancel()
    hits: list[Hit] = []
    texts: dict[int, str] = {}
    for f in term_findings(document, forms):
        page = document.pages[f.page]
        if f.page not in texts:
            texts[f.page] = page.text
        form = " ".join(texts[f.page][f.span.start : f.span.end].split())
        form = form or " ".join(page.words[i].text for i in f.word_indexes)
        before, after = _context(page, f.word_indexes)
        hits.append(
            Hit(
                page=f.page,
                word_indexes=f.word_indexes,
                boxes=f.boxes,
                form=form,
                before=before,
                after=after,
                status=hit_status(plan, document, f.page, f.word_indexes),
                # the reason the editor reads in the details (screen only, never saved)
                finding=replace(
                    f,
                    reasons=(
                        Reason(
                            FindingSource.TERM,
                            Label.TERM,
                            "search term",
                            term=wanted[0] if len(wanted) == 1 else form,
                        ),
                    ),
                ),
            )
        )
    hits.sort(key=lambda h: (h.page, h.word_indexes))
    return hits


Packed = tuple[bytes, tuple[bytes, ...], bytes]


def pack(document: Document, plan: RedactionPlan) -> Packed:
    """A document and its plan pickled a page at a time, to send to a worker process: pickling
    a long letter in one call would hold the interpreter lock for tens of milliseconds (a
    stall of the window); bytes are sent at the cost of a copy."""
    head = pickle.dumps(replace(document, pages=()))
    pages = tuple(pickle.dumps(p) for p in document.pages)
    return head, pages, pickle.dumps(plan)


def find_hits_packed(packed: Packed, terms: Sequence[str]) -> list[Hit]:
    """`find_hits` on a `pack`ed document and plan (in a worker process)."""
    head, pages, plan = packed
    document = replace(pickle.loads(head), pages=tuple(pickle.loads(p) for p in pages))
    return find_hits(document, pickle.loads(plan), terms)


def distinct_forms(hits: Sequence[Hit]) -> list[str]:
    """The forms the hits matched, each once (letter case aside), in the order first found."""
    seen: dict[str, str] = {}
    for h in hits:
        seen.setdefault(h.form.strip(".,;:!?()[]{}«»\"'“”‘’").casefold(), h.form)
    return [f.strip(".,;:!?()[]{}«»\"'“”‘’") or f for f in seen.values()]


def with_statuses(plan: RedactionPlan, document: Document, hits: Sequence[Hit]) -> list[Hit]:
    """The hits with their status against `plan` as it is now (the editor may have decided
    findings since the search)."""
    return [replace(h, status=hit_status(plan, document, h.page, h.word_indexes)) for h in hits]


def apply_hits(
    plan: RedactionPlan, document: Document, hits: Sequence[Hit]
) -> tuple[RedactionPlan, int]:
    """`plan` with the given hits hidden, and how many hits that took. A hit over exactly the
    words of findings already in the plan accepts those (no second box over the same words);
    any other becomes an accepted term finding (the hits of one search share a new group). A
    hit whose words are all under accepted boxes already changes nothing. The caller chooses:
    a hit over a rejected finding is hidden only if it is given here."""
    todo: list[Hit] = []
    accept_ids: set[str] = set()
    for h in dict((h.key, h) for h in hits).values():
        if hit_status(plan, document, h.page, h.word_indexes) == HitStatus.HIDDEN:
            continue
        same = [r for r in plan.redactions if r.page == h.page and r.word_indexes == h.word_indexes]
        if same:
            accept_ids.update(r.id for r in same if r.state != ReviewState.ACCEPTED)
        else:
            todo.append(h)
    count = len(todo) + len(
        {(r.page, r.word_indexes) for r in plan.redactions if r.id in accept_ids}
    )
    if accept_ids:
        plan = replace(
            plan,
            redactions=tuple(
                replace(r, state=ReviewState.ACCEPTED) if r.id in accept_ids else r
                for r in plan.redactions
            ),
        )
    if not todo:
        return plan, count
    # the letter was hashed when it was read: the extra plan is merged, never saved alone
    extra = pipeline.make_plan(
        document,
        [h.finding for h in todo],
        state=ReviewState.ACCEPTED,
        fingerprint=plan.fingerprint,
    )
    used = {r.group for r in plan.redactions}
    gmap: dict[str, str] = {}
    added: list[Redaction] = []
    ids = {r.id for r in plan.redactions}
    for r in extra.redactions:
        if r.group == "drawn":  # the source's dark boxes are in the plan already
            continue
        if r.group not in gmap:
            n = len(used) + 1
            while f"g{n}" in used:
                n += 1
            gmap[r.group] = f"g{n}"
            used.add(f"g{n}")
        n = len(ids) + 1
        while f"r{n}" in ids:
            n += 1
        ids.add(f"r{n}")
        added.append(replace(r, id=f"r{n}", group=gmap[r.group]))
    return replace(plan, redactions=plan.redactions + tuple(added)), count
