"""Keep the detector's third-party libraries off the network.

presidio's e-mail recognizer validates domains with ``tldextract.extract``, whose module-level
extractor fetches the public suffix list over HTTP on first use (and caches it under the home
directory). ``make_offline`` replaces that extractor with one that has no URLs and no cache, so
tldextract falls back to the suffix-list snapshot bundled in its wheel.
"""

from __future__ import annotations

import os

_done = False


def make_offline() -> None:
    """Configure tldextract (and spaCy/hub environment switches) for offline use. Idempotent."""
    global _done
    if _done:
        return
    # Libraries that honour these never try a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import tldextract
    import tldextract.tldextract as tx

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    # tldextract.extract() looks the module global up at call time.
    tx.TLD_EXTRACTOR = offline
    _done = True
