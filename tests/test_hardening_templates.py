"""The Content-Security-Policy allows scripts only from our own files (issue 9 item 6); these scans keep every
template and every piece of HTML built in Python free of inline script, on*= handlers and javascript: URLs."""
import re
import sys
from pathlib import Path

import pytest

# The URL matrix's world lives next to its test in tests/accounts.
sys.path.insert(0, str(Path(__file__).resolve().parent / "accounts"))

SRC = Path(__file__).resolve().parent.parent / "src" / "samordna"
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"javascript:", re.I)


def _templates():
    return sorted(p for p in SRC.rglob("templates/**/*") if p.is_file() and p.suffix in {".html", ".svg", ".xml", ".txt"})


def problems(text):
    found = []
    for name, pattern in (("inline <script>", INLINE_SCRIPT), ("on*= handler", HANDLER), ("javascript: URL", JS_URL)):
        found += [f"{name}: {m.group(0)[:60]}" for m in pattern.finditer(text)]
    return found


def test_the_scan_finds_what_it_looks_for():
    assert problems('<script>alert(1)</script>') and problems('<button onclick="x()">') and problems('<a href="javascript:x">')
    assert not problems('<script src="/static/samordna/import.js" defer></script><p>Knappen "on" = på</p>')


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(SRC)))
def test_template_has_no_inline_script(path):
    assert not problems(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The URL matrix's world: one object of every kind, so every page renders with content (charts included)."""
    from django.db import transaction
    from url_matrix_data import World

    with django_db_blocker.unblock():
        with transaction.atomic():
            built = World()
            yield built
            transaction.set_rollback(True)


@pytest.mark.django_db
def test_every_page_an_administrator_reads_is_free_of_inline_script(world):
    """Rendered HTML, including what Python builds (pygal charts, QR codes, formatted snippets), for every GET URL."""
    from django.test import Client
    from django.urls import reverse
    from django_otp import DEVICE_ID_SESSION_KEY
    from url_matrix_data import TABLE

    client = Client()
    client.force_login(world.users["admin"])
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = world.devices["admin"].persistent_id
    session.save()
    offenders, seen = {}, 0
    for name, entry in sorted(TABLE.items()):
        response = client.get(reverse(name, kwargs=entry.kwargs(world)) + (f"?{entry.query}" if entry.query else ""))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        seen += 1
        found = problems(response.content.decode())
        if found:
            offenders[name] = found
    assert seen > 60 and not offenders
