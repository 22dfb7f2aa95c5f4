"""Per-association user administration and the audit log; included under f/<slug:slug>/."""
from django.urls import path

from . import views_audit, views_users

urlpatterns = [
    path("anvandare/", views_users.users, name="users"),
    path("anvandare/bjud-in/", views_users.invite, name="invite"),
    path("anvandare/roll/<int:role_id>/", views_users.change_role, name="user_role"),
    path("anvandare/inbjudan/<int:invitation_id>/aterkalla/", views_users.revoke, name="invitation_revoke"),
    path("granskningslogg/", views_audit.audit_log, name="audit_log"),
    path("granskningslogg/export.<str:fmt>", views_audit.audit_export, name="audit_export"),
]
