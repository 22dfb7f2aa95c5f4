"""Staff pages for the exit survey, under f/<slug>/."""
from django.urls import path

from . import views

urlpatterns = [
    path("enkater/", views.surveys, name="surveys"),
    path("enkater/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("enkater/<int:pk>/resultat/", views.survey_results, name="survey_results"),
    path("enkater/<int:pk>/resultat.csv", views.survey_results_csv, name="survey_results_csv"),
    path("enkater/utskick/<int:pk>/", views.survey_distribution, name="survey_distribution"),
    path("enkater/utskick/<int:pk>/koder/", views.survey_codes, name="survey_codes"),
    path("enkater/utskick/<int:pk>/qr.<str:fmt>", views.survey_qr, name="survey_qr"),
]
