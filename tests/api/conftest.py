"""The API tests' shared world: built once per module (see api_world.py)."""
import pytest
from api_world import ApiWorld
from django.db import transaction


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction rolled back at the end; each test nests its own savepoint in it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield ApiWorld()
            transaction.set_rollback(True)
