"""Shared fixtures."""
import pytest
from django.contrib.auth.models import User

from factories import Lake

from samordna.accounts.models import AssociationRole


@pytest.fixture
def lake(db):
    return Lake()


@pytest.fixture
def staff(client, lake):
    """A client logged in as the association's secretary."""
    user = User.objects.create_user("sekreterare", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="secretary")
    client.force_login(user)
    return client
