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


@pytest.fixture(autouse=True)
def _second_factor_optional(settings):
    """Staff in most tests log in with force_login or the plain form; tests/accounts switch the 2FA requirement on."""
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = False
