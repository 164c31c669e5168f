"""The leak battery's fixture: each vector's dirty input and copy built once per module.

Its tools (the raw PDF writer, the independent readers, the command line, the checks and vector
tables) live in tests/support/.
"""

from __future__ import annotations

import pytest

from tests.support.battery import Battery
from tests.support.readers import need_tools


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory) -> Battery:
    need_tools()
    return Battery(tmp_path_factory.mktemp("leak"))
