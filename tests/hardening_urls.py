"""The project's URLs plus one view that fails, to see the 500 page with DEBUG off."""
from django.urls import path

from samordna.urls import urlpatterns as project


def boom(request):
    raise ZeroDivisionError("hemlig-detalj")


urlpatterns = [path("boom/", boom), *project]
