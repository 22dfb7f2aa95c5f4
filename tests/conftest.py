"""Shared fixtures."""
import pytest

from factories import Lake


@pytest.fixture
def lake(db):
    return Lake()
