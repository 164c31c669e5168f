from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def detector():
    """The real detector, loaded once for the whole test session."""
    from redactor.core.detect.engine import Detector

    return Detector()
