"""Public survey pages: no login, no cookies."""
from django.urls import path  # noqa: F401

urlpatterns = []
