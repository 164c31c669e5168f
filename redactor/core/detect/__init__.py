"""Detection: recognizers, NER, terms and propagation.

spaCy imports `requests`, whose `urllib3` probes for IPv6 at import time by creating a socket
and binding it to ::1. The tool must not open sockets at all, so urllib3 is imported here first
with the probe switched off (its answer is irrelevant: nothing here uses the network)."""

from __future__ import annotations

import socket as _socket
import sys as _sys

if "urllib3" not in _sys.modules:
    _had_ipv6 = _socket.has_ipv6
    _socket.has_ipv6 = False
    try:
        import urllib3.util.connection  # noqa: F401
    except ImportError:  # pragma: no cover - urllib3 is not always installed
        pass
    finally:
        _socket.has_ipv6 = _had_ipv6
