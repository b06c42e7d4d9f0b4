"""The live tests run real server processes on databases of their own: marked `live`, so the
PostgreSQL pass of CI (`make test-postgres`) does not run them a second time."""

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/live/" in str(item.path):
            item.add_marker(pytest.mark.live)
