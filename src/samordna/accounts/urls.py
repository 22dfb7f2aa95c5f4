"""The user's own pages, login steps and password reset; included at the site root under konto/."""
from django.urls import path

from . import views

urlpatterns = [
    path("", views.account, name="account"),
    path("losenord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("tvastegs/", views.two_factor_verify, name="two_factor_verify"),
    path("tvastegs/registrera/", views.two_factor_enrol, name="two_factor_enrol"),
    path("tvastegs/reservkoder/", views.recovery_codes, name="recovery_codes"),
    path("tvastegs/stang-av/", views.two_factor_disable, name="two_factor_disable"),
    path("aterstall/", views.password_reset, name="password_reset"),
    path("aterstall/skickad/", views.password_reset_done, name="password_reset_done"),
    path("aterstall/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("aterstall/klar/", views.password_reset_complete, name="password_reset_complete"),
    path("inbjudan/<str:token>/", views.invitation, name="invitation"),
]
