"""The sidecar project file: the editor's review of one letter, saved as it happens.

A review is the redaction plan (boxes, labels, states, opaque group ids: never the redacted
text), the pages the editor has looked at, and when it was saved. Reviews live in a folder of
their own (never next to the original, which is never written), one file per letter, named by
the letter's keyed fingerprint (fingerprint.py: HMAC-SHA256 of its bytes under the
installation's key), so a renamed or moved letter still finds its review while the folder says
nothing about which letters were handled. A review holds no file name and no plain hash.

Reviews saved by older versions (`<sha256>.review.json`, with the letter's file name inside) are
migrated when their letter is opened again: rewritten under the fingerprint without the name, and
the old file removed.

Writes are atomic: a temp file in the same folder, fsync, rename. A crash mid-write leaves the
previous review intact.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import plan as plan_ops
from .errors import InputError
from .fileio import atomic_write_text
from .fingerprint import data_home, is_hex_digest, key_id
from .model import Document, FindingSource, ReviewState

log = logging.getLogger(__name__)

REVIEW_FORMAT = "redactor-review/2"
LEGACY_REVIEW_FORMAT = "redactor-review/1"  # held the file name and the plain SHA-256
REVIEW_SUFFIX = ".rev.json"
LEGACY_SUFFIX = ".review.json"


@dataclass(frozen=True)
class Review:
    fingerprint: str  # the letter's keyed fingerprint (fingerprint.py)
    plan: plan_ops.RedactionPlan
    viewed_pages: tuple[int, ...] = ()
    saved_at: float = field(default=0.0)
    clean_exit: bool = False  # False while the app has the letter open
    exported: bool = False

    def has_decisions(self) -> bool:
        """Whether anything in the review came from the editor (worth offering to restore)."""
        return (
            bool(self.viewed_pages)
            or any(
                r.state != ReviewState.PROPOSED or r.source == FindingSource.MANUAL
                for r in self.plan.redactions
            )
            or any(p.eyes_confirmed for p in self.plan.pages)
        )


def default_dir() -> Path:
    """$REDACTOR_REVIEW_DIR, else $XDG_DATA_HOME/redactor/reviews (~/.local/share/...)."""
    env = os.environ.get("REDACTOR_REVIEW_DIR")
    if env:
        return Path(env)
    return data_home() / "reviews"


def to_json(review: Review) -> str:
    data = {
        "format": REVIEW_FORMAT,
        "fingerprint": review.fingerprint,
        "viewed_pages": sorted(set(review.viewed_pages)),
        "saved_at": review.saved_at,
        "clean_exit": review.clean_exit,
        "exported": review.exported,
        "plan": json.loads(plan_ops.to_json(review.plan)),
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def from_json(text: str, fingerprint: str = "") -> Review:
    """A review from its JSON. An old review (redactor-review/1) is read only when its new
    `fingerprint` is given (migration); its file name and plain hash are dropped."""
    try:
        data = json.loads(text)
        fmt = data.get("format")
        legacy = fmt == LEGACY_REVIEW_FORMAT and bool(fingerprint)
        if fmt != REVIEW_FORMAT and not legacy:
            raise ValueError("not a review file")
        plan = plan_ops.from_json(json.dumps(data["plan"]), allow_legacy=legacy)
        if legacy:  # found by the plain hash of the very letter being opened: it fits
            plan = replace(plan, fingerprint=fingerprint, key_id=key_id())
        return Review(
            fingerprint=fingerprint if legacy else str(data["fingerprint"]),
            plan=plan,
            viewed_pages=tuple(int(i) for i in data.get("viewed_pages", ())),
            saved_at=float(data.get("saved_at", 0.0)),
            clean_exit=bool(data.get("clean_exit", False)),
            exported=bool(data.get("exported", False)),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"the review file is damaged ({exc})") from None


class ReviewStore:
    """The folder of saved reviews."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_dir()

    def path_for(self, fingerprint: str) -> Path:
        if not is_hex_digest(fingerprint):
            raise ValueError("not a fingerprint (64 hex digits)")
        return self.directory / f"{fingerprint}{REVIEW_SUFFIX}"

    def has_legacy(self) -> bool:
        """Whether reviews saved by an older version (named by plain SHA-256) remain."""
        try:
            return any(self.directory.glob(f"*{LEGACY_SUFFIX}"))
        except OSError:
            return False

    def save(self, review: Review) -> None:
        """Write atomically (temp file in the same folder, fsync, rename)."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.path_for(review.fingerprint)
        if not review.saved_at:
            review = replace(review, saved_at=time.time())
        atomic_write_text(target, to_json(review), prefix=".review-")

    def load(self, fingerprint: str, legacy_sha256: str = "") -> Review | None:
        """The saved review of a letter, or None. A damaged file is logged and ignored.
        `legacy_sha256` (the letter's plain SHA-256) finds a review saved by an older version,
        which is then rewritten under the fingerprint and its old file removed."""
        review = self._read(self.path_for(fingerprint), "")
        if review is None and legacy_sha256 and is_hex_digest(legacy_sha256):
            old = self.directory / f"{legacy_sha256}{LEGACY_SUFFIX}"
            review = self._read(old, fingerprint)
            if review is not None:
                try:
                    self.save(review)
                    old.unlink(missing_ok=True)
                except OSError as exc:
                    log.warning("could not migrate a saved review: %s", exc.strerror)
        return review

    def _read(self, path: Path, fingerprint: str) -> Review | None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("cannot read a saved review: %s", type(exc).__name__)
            return None
        try:
            return from_json(text, fingerprint)
        except InputError as exc:
            log.warning("ignoring a damaged saved review: %s", exc)
            return None

    def discard(self, fingerprint: str) -> None:
        self.path_for(fingerprint).unlink(missing_ok=True)


def redacted_texts(
    document: Document,
    plan: plan_ops.RedactionPlan,
    states: Iterable[str] = (ReviewState.ACCEPTED,),
) -> list[str]:
    """In memory only: the words under the plan's redactions in `states` (the verifier's search
    list). Findings use their word indexes; manual boxes the words whose centre they cover."""
    wanted = set(states)
    out: dict[str, None] = {}
    for r in plan.redactions:
        if r.state not in wanted or r.page >= len(document.pages):
            continue
        page = document.pages[r.page]
        if r.word_indexes:
            idx = [i for i in r.word_indexes if i < len(page.words)]
        else:
            idx = [i for i, w in enumerate(page.words) if r.box.contains_center_of(w.box)]
        text = " ".join(page.words[i].text for i in idx).strip(" ,.;:!?()[]«»\"'")
        if len(text) >= 3:
            out[text] = None
    return list(out)


def write_redaction_log(
    plan: plan_ops.RedactionPlan, path: str | os.PathLike[str], reviewer: str = ""
) -> None:
    """The private redaction log (never part of a safe copy): one row per accepted box with
    page, box, label, source and reviewer; never the hidden text. CSV, or JSON when `path`
    ends in .json. Written atomically."""
    import csv
    import io

    rows = [
        {
            "page": r.page + 1,
            "x0": round(r.box.x0, 1),
            "y0": round(r.box.y0, 1),
            "x1": round(r.box.x1, 1),
            "y1": round(r.box.y1, 1),
            "label": r.label,
            "source": r.source,
            "reviewer": reviewer,
        }
        for r in sorted(plan.redactions, key=lambda r: (r.page, r.box.y0, r.box.x0))
        if r.state == ReviewState.ACCEPTED
    ]
    target = Path(path)
    if target.suffix.lower() == ".json":
        text = json.dumps({"fingerprint": plan.fingerprint, "redactions": rows}, indent=1)
    else:
        buf = io.StringIO()
        fields = ["page", "x0", "y0", "x1", "y1", "label", "source", "reviewer"]
        writer = csv.DictWriter(buf, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
        text = buf.getvalue()
    atomic_write_text(target, text, prefix=".log-")
