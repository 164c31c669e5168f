"""A detection of a text with an e-mail and a URL makes no network attempt: run in a fresh
interpreter with an empty HOME and every socket entry point patched to fail loudly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import json, socket, sys
attempts = []
def refuse(name):
    def f(*a, **k):
        attempts.append(name)
        raise OSError("network attempt: " + name)
    return f
class RefusingSocket(socket.socket):
    def __init__(self, *a, **k):
        # urllib3 (imported by tldextract) creates and binds an IPv6 socket to ::1 once at import
        # to learn whether the host has IPv6; it never connects. It is refused like any socket
        # but not counted as a network attempt.
        if sys._getframe(1).f_code.co_name != "_has_ipv6":
            attempts.append("socket.socket")
        raise OSError("network attempt: socket.socket")
socket.socket = RefusingSocket
socket.getaddrinfo = refuse("getaddrinfo")
socket.create_connection = refuse("create_connection")
socket.gethostbyname = refuse("gethostbyname")
sys.path.insert(0, sys.argv[1])
from redactor.core.detect.engine import Detector
det = Detector()
text = ("Write to b.yessenov@inbox.kz or see https://example.org/help?id=3 "
        "and www.vk.com/id123.\n\n"
        "Пишите на saule.kasenova@mail.kz.")
spans = det.analyze(text)
print(json.dumps({"attempts": attempts,
                  "emails": [text[s.start:s.end] for s in spans if s.label == "EMAIL"]}))
"""


def test_detection_makes_no_network_attempt(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert "b.yessenov@inbox.kz" in result["emails"]
    assert "saule.kasenova@mail.kz" in result["emails"]
    assert list(home.iterdir()) == []  # nothing cached under HOME either
