from django.urls import path

from . import views

urlpatterns = [
    path("", views.overview, name="association"),
    path("medlemmar/", views.members, name="members"),
    path("medlemmar/<int:member_id>/", views.member, name="member"),
    path("forbundsordning/", views.charter, name="charter"),
]
