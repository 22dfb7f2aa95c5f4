from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from samordna.accounts import views as accounts_views
from samordna.board import views_public

urlpatterns = [
    path("", views_public.home, name="home"),
    path("logga-in/", accounts_views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/", include("samordna.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("samordna.api.urls")),
    path("e/", include("samordna.survey.public_urls")),
    path("f/<slug:slug>/", include("samordna.associations.urls")),
    path("f/<slug:slug>/", include("samordna.accounts.association_urls")),
    path("f/<slug:slug>/", include("samordna.board.urls")),
    path("f/<slug:slug>/", include("samordna.notices.urls")),
    path("f/<slug:slug>/", include("samordna.registry.urls")),
    path("f/<slug:slug>/", include("samordna.interventions.urls")),
    path("f/<slug:slug>/", include("samordna.economy.urls")),
    path("f/<slug:slug>/", include("samordna.control.urls")),
    path("f/<slug:slug>/", include("samordna.survey.urls")),
    path("f/<slug:slug>/", include("samordna.search.urls")),
]
