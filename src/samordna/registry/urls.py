from django.urls import path

from . import views
from . import views_dispatch as dispatch
from . import views_followup as followup

urlpatterns = [
    path("diarium/", views.cases, name="cases"),
    path("diarium/nytt/", views.case_create, name="case_create"),
    path("diarium/installningar/", views.registry_settings, name="registry_settings"),
    path("diarium/<int:case_id>/", views.case_detail, name="case_detail"),
    path("diarium/<int:case_id>/andra/", views.case_edit, name="case_edit"),
    path("diarium/<int:case_id>/dagordning/", views.case_agenda, name="case_agenda"),
    path("diarium/<int:case_id>/handlingar/ny/", views.document_upload, name="document_upload"),
    path("diarium/<int:case_id>/handlingar/<int:document_id>/", views.document_download, name="document_download"),
    path("diarium/<int:case_id>/handlingar/<int:document_id>/ta-bort/", views.document_delete, name="document_delete"),
    path("diarium/<int:case_id>/mottagare/", dispatch.recipient_add, name="case_recipient_add"),
    path("diarium/<int:case_id>/mottagare/<int:recipient_id>/ta-bort/", dispatch.recipient_delete, name="case_recipient_delete"),
    path("uppdrag/", followup.assignments, name="assignments"),
    path("uppdrag/nytt/", followup.assignment_create, name="assignment_create"),
    path("uppdrag/<int:assignment_id>/", followup.assignment_edit, name="assignment_edit"),
    path("delegationsbeslut/", followup.delegated_decisions, name="delegated_decisions"),
    path("delegationsbeslut/nytt/", followup.delegated_create, name="delegated_create"),
    path("delegationsbeslut/<int:decision_id>/", followup.delegated_edit, name="delegated_edit"),
    path("anmalningar/", followup.notifications, name="notifications"),
    path("anmalningar/ny/", followup.notification_create, name="notification_create"),
    path("anmalningar/<int:notification_id>/", followup.notification_edit, name="notification_edit"),
    path("moten/<int:meeting_id>/dagordning/diarium/<slug:action>/", followup.agenda_action, name="agenda_registry_action"),
]
