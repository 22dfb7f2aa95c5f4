from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from samordna.board import views_public

urlpatterns = [
    path("", views_public.home, name="home"),
    path("logga-in/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("e/", include("samordna.survey.public_urls")),
    path("f/<slug:slug>/", include("samordna.associations.urls")),
    path("f/<slug:slug>/", include("samordna.board.urls")),
    path("f/<slug:slug>/", include("samordna.notices.urls")),
    path("f/<slug:slug>/", include("samordna.registry.urls")),
    path("f/<slug:slug>/", include("samordna.interventions.urls")),
    path("f/<slug:slug>/", include("samordna.economy.urls")),
    path("f/<slug:slug>/", include("samordna.control.urls")),
    path("f/<slug:slug>/", include("samordna.survey.urls")),
]
