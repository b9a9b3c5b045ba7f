import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/pure/" in str(item.path):
            item.add_marker(pytest.mark.nodb)
