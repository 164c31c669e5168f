"""Traces on the workstation: saved plans and reviews name a letter by a keyed fingerprint, never
by its file name or plain SHA-256; the installation key; plans of other files or installations
are refused."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from redactor.core import fingerprint as fp
from redactor.core import pipeline
from redactor.core import plan as plan_ops
from redactor.core.errors import InputError
from redactor.core.model import Box
from redactor.core.project import Review, ReviewStore
from tests.support.cli import one_line_error, run_cli, terms_file
from tests.support.traces import NAME, name_and_hash_traces, named_letter


def test_saved_plan_holds_no_name_nor_plain_hash(tmp_path: Path) -> None:
    letter = named_letter(tmp_path / NAME)
    plan_path = tmp_path / "plan.json"
    res = run_cli(
        "redact",
        letter,
        "-o",
        tmp_path / "copy.pdf",
        "--no-detect",
        "--deny",
        terms_file(tmp_path, ["Kairat Bekov"]),
        "--save-plan",
        plan_path,
        "-q",
    )
    assert res.returncode == 0, res.stderr
    data = plan_path.read_bytes()
    assert name_and_hash_traces(data, letter) == []
    saved = json.loads(data)
    key = fp.load_key()
    assert saved["fingerprint"] == fp.fingerprint_file(letter, key)
    assert saved["key_id"] == fp.key_id(key)
    assert "document" not in saved and "sha256" not in saved


def test_review_file_holds_no_name_nor_plain_hash(tmp_path: Path) -> None:
    letter = named_letter(tmp_path / NAME)
    opened = pipeline.read_document(letter)
    try:
        doc = opened.document
        plan = pipeline.make_plan(doc, pipeline.find_in_document(doc, deny=["Kairat Bekov"]))
    finally:
        opened.close()
    assert plan.redactions and plan.document == NAME  # in memory only
    store = ReviewStore(tmp_path / "reviews")
    store.save(Review(plan.fingerprint, plan_ops.accept_all_proposed(plan), viewed_pages=(0,)))
    files = list((tmp_path / "reviews").iterdir())
    assert len(files) == 1
    assert name_and_hash_traces(files[0].name.encode(), letter) == []
    assert name_and_hash_traces(files[0].read_bytes(), letter) == []
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    back = store.load(fp.fingerprint_file(letter))
    assert back is not None and back.plan.redactions


def test_fingerprint_depends_on_the_key(tmp_path: Path) -> None:
    letter = named_letter(tmp_path / NAME)
    k1, k2 = fp.load_key(tmp_path / "one.key"), fp.load_key(tmp_path / "two.key")
    assert k1 != k2 and len(k1) == len(k2) == 32
    f1, f2 = fp.fingerprint_file(letter, k1), fp.fingerprint_file(letter, k2)
    assert f1 != f2 and fp.is_hex_digest(f1) and fp.is_hex_digest(f2)
    assert f1 != hashlib.sha256(letter.read_bytes()).hexdigest()
    assert fp.fingerprint_file(letter, k1) == f1  # stable under one key
    assert fp.key_id(k1) != fp.key_id(k2)
    # the key is kept: a second load reads the same bytes
    assert fp.load_key(tmp_path / "one.key") == k1


def test_key_file_is_private_and_made_once(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "install.key"
    keys: list[bytes] = []
    threads = [threading.Thread(target=lambda: keys.append(fp.load_key(path))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(keys)) == 1  # racing first uses agree on one key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() == keys[0]
    assert [p.name for p in path.parent.iterdir()] == ["install.key"]  # no temp file left
    os.chmod(path, 0o644)  # a key others can read is closed again on use
    assert fp.load_key(path) == keys[0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_bytes(b"short")
    with pytest.raises(InputError, match="damaged"):
        fp.load_key(path)


def test_key_location_follows_the_environment(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv(fp.ENV_KEY_FILE, str(tmp_path / "k"))
    assert fp.key_path() == tmp_path / "k"
    monkeypatch.delenv(fp.ENV_KEY_FILE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert fp.key_path() == tmp_path / "data" / "redactor" / "install.key"


def test_plan_is_refused_for_another_file_and_another_installation(tmp_path: Path) -> None:
    a = named_letter(tmp_path / NAME)
    b = named_letter(tmp_path / "b.pdf", "Dear editor, Kairat Bekov writes from cell 15.")
    plan_path = tmp_path / "a.plan.json"
    terms = terms_file(tmp_path, ["Kairat Bekov"])
    res = run_cli(
        "redact", a, "-o", tmp_path / "a-copy.pdf", "--no-detect", "--deny", terms,
        "--save-plan", plan_path, "-q",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    res = run_cli("redact", b, "-o", tmp_path / "b-copy.pdf", "--plan", plan_path, "-q")
    assert res.returncode == 2 and one_line_error(res.stderr), res.stderr
    assert "another file" in res.stderr and not (tmp_path / "b-copy.pdf").exists()
    # the same file on another installation (another key)
    env_key = os.environ[fp.ENV_KEY_FILE]
    os.environ[fp.ENV_KEY_FILE] = str(tmp_path / "other.key")
    try:
        res = run_cli("redact", a, "-o", tmp_path / "a2.pdf", "--plan", plan_path, "-q")
    finally:
        os.environ[fp.ENV_KEY_FILE] = env_key
    assert res.returncode == 2 and one_line_error(res.stderr), res.stderr
    assert "another installation" in res.stderr and not (tmp_path / "a2.pdf").exists()
    # and on this one it applies
    res = run_cli("redact", a, "-o", tmp_path / "a3.pdf", "--plan", plan_path, "-q")
    assert res.returncode == 0, res.stderr


def _legacy_plan(plan: plan_ops.RedactionPlan, sha: str) -> dict:
    data = json.loads(plan_ops.to_json(plan))
    data.update(format="redactor-plan/1", document=NAME, sha256=sha)
    del data["fingerprint"], data["key_id"]
    return data


def test_old_plan_file_is_refused_clearly(tmp_path: Path) -> None:
    pages = (plan_ops.PagePlan(0, 100, 100, 72),)
    old = tmp_path / "old.plan.json"
    old.write_text(json.dumps(_legacy_plan(plan_ops.RedactionPlan("", pages), "a" * 64)))
    with pytest.raises(InputError, match="older Redactor"):
        plan_ops.load(old)


def test_old_review_is_migrated_without_its_name(tmp_path: Path) -> None:
    letter = named_letter(tmp_path / NAME)
    sha = hashlib.sha256(letter.read_bytes()).hexdigest()
    opened = pipeline.read_document(letter)
    opened.close()
    doc = opened.document
    pages = tuple(plan_ops.PagePlan(p.index, p.width_px, p.height_px, p.dpi) for p in doc.pages)
    plan, _ = plan_ops.add_box(plan_ops.RedactionPlan("", pages), 0, Box(1, 2, 30, 40))
    store = ReviewStore(tmp_path / "reviews")
    store.directory.mkdir()
    old = store.directory / f"{sha}.review.json"
    legacy = {
        "format": "redactor-review/1",
        "sha256": sha,
        "name": NAME,
        "viewed_pages": [0],
        "saved_at": 5.0,
        "clean_exit": False,
        "exported": False,
        "plan": _legacy_plan(plan, sha),
    }
    old.write_text(json.dumps(legacy), encoding="utf-8")
    assert store.has_legacy()
    finger = fp.fingerprint_file(letter)
    assert store.load(finger) is None  # without the plain hash, the old file is not found
    review = store.load(finger, legacy_sha256=sha)
    assert review is not None and review.viewed_pages == (0,) and review.saved_at == 5.0
    assert review.plan.redactions[0].box == Box(1, 2, 30, 40)
    assert not old.exists() and not store.has_legacy()
    files = list(store.directory.iterdir())
    assert [f.name for f in files] == [f"{finger}.rev.json"]
    assert name_and_hash_traces(files[0].read_bytes(), letter) == []
    pipeline.check_plan_fits(doc, review.plan)  # the migrated plan fits its letter
