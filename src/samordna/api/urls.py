"""/api/: the JSON API (routes in routes_*.py, described at openapi.json) and the pages for one's own API tokens."""
from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("nycklar/", views.tokens, name="api_tokens"),
    path("nycklar/<int:token_id>/aterkalla/", views.token_revoke, name="api_token_revoke"),
    *api.url_patterns(),
]
