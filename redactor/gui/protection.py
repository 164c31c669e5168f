"""One line for the editor: how the letters' readers are confined (core/sandbox.py), as a
worker reports it. Shown in Help > About."""

from __future__ import annotations

from redactor.core import lanes

from .i18n import tr, trf


def protection_line(timeout: float = 10.0) -> str:
    """ "Letters are opened in a sandbox: network blocked (seccomp); ..." in the interface's
    language (the mechanisms and reasons stay as the system names them)."""
    try:
        p = lanes.protection(timeout=timeout)
    except Exception:  # a worker that does not answer: said, never a crash in a dialog
        return tr("Sandbox: unknown (the readers did not answer); run redactor --check")
    if not p.confined:
        return tr("Sandbox: none, letters are read in the app's own process (REDACTOR_LANES)")
    parts = []
    for guard, on, off in (
        (p.network, tr("network blocked"), tr("network not blocked")),
        (p.programs, tr("programs blocked"), tr("programs not blocked")),
        (p.files, tr("files limited to the letter"), tr("files not limited")),
    ):
        detail = guard.via if guard.on else guard.why
        parts.append(
            f"{on if guard.on else off} ({detail})" if detail else (on if guard.on else off)
        )
    if p.memory_mb:
        parts.append(trf("memory capped at %1 MB", p.memory_mb))
    return trf("Sandbox: %1.", "; ".join(parts))
