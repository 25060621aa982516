"""The packages declare their public API (httpx style) and every name in it exists."""

import importlib

import pytest


@pytest.mark.parametrize("package", ["extractors", "flows"])
def test_all_names_exist(package):
    mod = importlib.import_module(package)
    assert mod.__all__
    for name in mod.__all__:
        assert hasattr(mod, name) or importlib.import_module(f"{package}.{name}")
