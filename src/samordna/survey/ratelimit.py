"""Abuse control for the public survey without storing addresses (issue 6).

Per process and in memory only: the client address is replaced by an HMAC under a random key
that is drawn when the day changes and never written anywhere, so yesterday's counters cannot
be tied to an address even by someone who reads the process memory today. The same memory
holds the one-time form tokens that stop a form from being sent twice.
"""
import hashlib
import hmac
import secrets
import threading
from collections import defaultdict
from datetime import date

LIMIT_PER_DAY = 30  # submissions per address and day: a whole group at one shared tablet still fits

_lock = threading.Lock()
_state = {"day": None, "key": b"", "counts": defaultdict(int), "used_forms": set()}


def _rotate(today: date):
    if _state["day"] != today:
        _state.update(day=today, key=secrets.token_bytes(32), counts=defaultdict(int), used_forms=set())


def client_key(address: str, today: date) -> str:
    with _lock:
        _rotate(today)
        return hmac.new(_state["key"], (address or "").encode(), hashlib.sha256).hexdigest()


def allow(address: str, today: date) -> bool:
    """Count one submission; False once the address has used up today's quota."""
    key = client_key(address, today)
    with _lock:
        if _state["counts"][key] >= LIMIT_PER_DAY:
            return False
        _state["counts"][key] += 1
        return True


def new_form_token() -> str:
    return secrets.token_urlsafe(16)


def spend_form_token(token: str, today: date) -> bool:
    """False when this form was already sent (the same page submitted twice)."""
    with _lock:
        _rotate(today)
        if not token or token in _state["used_forms"]:
            return False
        _state["used_forms"].add(token)
        return True


def forget_form_token(token: str):
    """Give the token back when the answer was refused, so the corrected form can be sent."""
    with _lock:
        _state["used_forms"].discard(token)


def reset():
    """For tests."""
    with _lock:
        _state.update(day=None, key=b"", counts=defaultdict(int), used_forms=set())
