"""Public survey pages: no login, no cookies. Included at "e/" so the short link stays short."""
from django.urls import path

from . import views_public

urlpatterns = [
    path("<slug:token>/", views_public.answer, name="survey_answer"),
    path("<slug:token>/tack/", views_public.thanks, name="survey_thanks"),
]
