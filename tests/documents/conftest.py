"""Fixtures for the renderer tests; the data lives in render_data.py (a unique module name)."""
import copy

import pytest

from render_data import PROTOCOL, SEED_FILES, load  # noqa: F401


@pytest.fixture
def protocol():
    return copy.deepcopy(PROTOCOL)


def protocol_params():
    """The fixture protocol and, when ../shared is there, every seed's expected document."""
    return [pytest.param(None, id="norrforsen")] + [pytest.param(p, id=p.stem[:3]) for p in SEED_FILES]


@pytest.fixture(params=protocol_params())
def any_protocol(request):
    return copy.deepcopy(PROTOCOL) if request.param is None else load(request.param)
