"""Tenancy isolation and roles, URL by URL (issue 9, item 3).

Every URL pattern of the project has an entry in url_matrix_data.TABLE saying which status each actor gets: the
anonymous visitor, the association's admin, secretary, board member, reporter and auditor, and an admin of another
association. The first test fails when a URL has no entry, so nobody adds a URL without deciding its access.
One shared world is built per module; every request runs inside the test's own transaction, rolled back afterwards,
so a POST that changes something never leaks into the next test.
"""
import pytest
from django.conf import settings
from django.contrib.admin import site as admin_site
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from url_matrix_data import ACTORS, KNOWN_DEFECTS, LOGIN, TABLE, World

from samordna.survey import ratelimit


def project_url_names():
    """Every named URL pattern, walking includes recursively; Django's admin and static files are not ours to decide."""
    names, unnamed = set(), []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if pattern.app_name == admin_site.name or route.startswith(settings.STATIC_URL.lstrip("/")):
                    continue
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                if route.startswith(settings.STATIC_URL.lstrip("/")):
                    continue
                if pattern.name:
                    names.add(pattern.name)
                else:
                    unnamed.append(route)

    walk(get_resolver().url_patterns, "")
    return names, unnamed


def test_every_url_pattern_has_an_entry_in_the_matrix():
    names, unnamed = project_url_names()
    assert not unnamed, f"URL-mönster utan namn kan inte stå i matrisen: {unnamed}"
    missing = sorted(names - TABLE.keys())
    assert not missing, f"Lägg till dessa URL-namn i url_matrix_data.TABLE och bestäm vem som får nå dem: {missing}"
    stale = sorted(TABLE.keys() - names)
    assert not stale, f"TABLE har poster för URL-namn som inte finns längre: {stale}"
    assert len(names) > 100  # the walk really went through every include


def test_the_matrix_covers_every_actor_and_method():
    for name, entry in TABLE.items():
        assert entry.get is not None, f"{name}: GET saknas"
        for profile in filter(None, (entry.get, entry.post)):
            assert set(profile) == set(ACTORS), f"{name}: alla roller måste ha ett förväntat svar"


def test_known_defects_point_at_real_cells():
    for (name, method, actor) in KNOWN_DEFECTS:
        assert name in TABLE and actor in ACTORS and method in ("GET", "POST")
        assert getattr(TABLE[name], method.lower()) is not None


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end; tests nest savepoints in it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = World()
            yield built
            transaction.set_rollback(True)


def cells():
    for name in sorted(TABLE):
        entry = TABLE[name]
        for method in ("GET", "POST"):
            if getattr(entry, method.lower()) is None:
                continue
            for actor in ACTORS:
                marks = []
                reason = KNOWN_DEFECTS.get((name, method, actor))
                if reason:
                    marks.append(pytest.mark.xfail(strict=True, reason=reason))
                yield pytest.param(name, method, actor, marks=marks, id=f"{name}-{method}-{actor}")


def client_for(world, actor):
    client = Client()
    if actor != "anonymous":
        client.force_login(world.users[actor])
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = world.devices[actor].persistent_id  # the second factor is proven
        session.save()
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("name,method,actor", list(cells()))
def test_status(world, name, method, actor):
    entry = TABLE[name]
    expected = getattr(entry, method.lower())[actor]
    url = reverse(name, kwargs=entry.kwargs(world))
    client = client_for(world, actor)
    if name.startswith("survey_"):
        ratelimit.reset()
    if method == "GET":
        response = client.get(url + (f"?{entry.query}" if entry.query else ""))
    else:
        response = client.post(url, entry.post_data)
    if expected == LOGIN:
        assert response.status_code == 302, f"{method} {url} som {actor}: väntade 302 till inloggningen, fick {response.status_code}"
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL)), response["Location"]
    else:
        assert response.status_code in expected, (
            f"{method} {url} som {actor}: väntade {sorted(expected)}, fick {response.status_code}")


@pytest.mark.django_db
def test_another_tenant_sees_nothing_of_the_association(world):
    """The outsider's 404 pages name nothing of the association they guessed their way into."""
    client = client_for(world, "outsider")
    html = client.get(reverse("case_detail", kwargs={"slug": world.slug, "case_id": world.case_id})).content.decode()
    assert "Lokalfrågan" not in html and "Sjölandet" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("name,kwargs,method", [
    ("intervention", {}, "GET"),
    ("intervention_follow_up", {}, "GET"),
    ("intervention_report_pick", {}, "GET"),
    ("intervention_report", {"year": 2024, "month": 1}, "GET"),
    ("intervention_report", {"year": 2024, "month": 1}, "POST"),
])
def test_a_reporter_cannot_reach_an_intervention_not_assigned_to_them(world, name, kwargs, method):
    url = reverse(name, kwargs={"slug": world.slug, "pk": world.other_pk, **kwargs})
    assert getattr(client_for(world, "reporter"), method.lower())(url).status_code == 404
    assert client_for(world, "secretary").get(url).status_code in {200, 302}
    listing = client_for(world, "reporter").get(reverse("interventions", kwargs={"slug": world.slug})).content.decode()
    assert "Trädgården" in listing and "Verkstaden" not in listing


OBJECT_KEYS = {"member_id", "person_id", "meeting_id", "item_id", "paragraph_id", "import_id", "batch", "case_id",
               "document_id", "assignment_id", "decision_id", "notification_id", "pk", "contract_id", "line_id",
               "withdrawal_id", "risk_id", "role_id", "invitation_id", "token"}


class _Keys:
    """Stands in for the world to learn which kwargs an entry builds."""
    slug = "x"

    def __getattr__(self, name):
        return 1


def foreign_object_cells():
    for name in sorted(TABLE):
        keys = set(TABLE[name].kwargs(_Keys()))
        if "slug" in keys and keys & OBJECT_KEYS:
            for method in ("GET", "POST"):
                if getattr(TABLE[name], method.lower()) is not None:
                    yield pytest.param(name, method, id=f"{name}-{method}")


@pytest.mark.django_db
@pytest.mark.parametrize("name,method", list(foreign_object_cells()))
def test_own_slug_with_another_tenants_ids_is_404(world, name, method):
    """The other association's admin puts the lake's ids under their own slug: every lookup must filter by tenant."""
    entry = TABLE[name]
    kwargs = {**entry.kwargs(world), "slug": world.other_slug}
    url = reverse(name, kwargs=kwargs)
    client = client_for(world, "outsider")
    response = client.get(url) if method == "GET" else client.post(url, entry.post_data)
    allowed = {405} if method == "GET" and entry.get["outsider"] == frozenset({405}) else {404}
    assert response.status_code in allowed, f"{method} {url}: väntade {sorted(allowed)}, fick {response.status_code}"
