from django.urls import path

from . import views_adjustment as adjustment
from . import views_documents as documents
from . import views_meetings as meetings
from . import views_people as people
from . import views_protocol as protocol
from . import views_public as public

urlpatterns = [
    path("offentligt/", public.public_page, name="public_page"),
    path("personer/", people.people, name="people"),
    path("personer/<int:person_id>/", people.person, name="person"),
    path("organ/", people.bodies, name="bodies"),
    path("organ/<slug:body_slug>/", people.body, name="body"),
    path("organ/<slug:body_slug>/moten/", meetings.meeting_plan, name="meeting_plan"),
    path("organ/<slug:body_slug>/kalender.ics", meetings.meeting_calendar, name="meeting_calendar"),
    path("organ/<slug:body_slug>/kalender/<str:token>.ics", meetings.meeting_feed, name="meeting_feed"),
    path("standardpunkter/", people.standard_items, name="standard_items"),
    path("moten/<int:meeting_id>/", meetings.meeting_detail, name="meeting_detail"),
    path("moten/<int:meeting_id>/dagordning/", meetings.agenda, name="agenda"),
    path("moten/<int:meeting_id>/dagordning/kallelse/", meetings.agenda_summon, name="agenda_summon"),
    path("moten/<int:meeting_id>/dagordning/<int:item_id>/", meetings.agenda_item_action, name="agenda_item_action"),
    path("moten/<int:meeting_id>/dagordning/bordlagt/<int:paragraph_id>/", meetings.agenda_take_up, name="agenda_take_up"),
    path("moten/<int:meeting_id>/narvaro/", meetings.attendance, name="attendance"),
    path("moten/<int:meeting_id>/narvaro/ny/", meetings.attendance_guest, name="attendance_guest"),
    path("moten/<int:meeting_id>/narvaro/<int:person_id>/", meetings.attendance_person, name="attendance_person"),
    path("moten/<int:meeting_id>/protokoll/", protocol.protocol, name="protocol"),
    path("moten/<int:meeting_id>/protokoll/standard/", protocol.protocol_standard, name="protocol_standard"),
    path("moten/<int:meeting_id>/protokoll/fran-dagordning/", protocol.protocol_from_agenda, name="protocol_from_agenda"),
    path("moten/<int:meeting_id>/justering/", adjustment.adjustment_page, name="adjustment"),
    path("moten/<int:meeting_id>/justering/atgard/", adjustment.adjustment_action, name="adjustment_action"),
    path("moten/<int:meeting_id>/protokoll.<str:fmt>", documents.protocol_document, name="protocol_document"),
    path("moten/<int:meeting_id>/utdrag/", documents.extract, name="extract"),
    path("moten/<int:meeting_id>/protokoll/las/", protocol.protocol_read, name="protocol_read"),
    path("moten/<int:meeting_id>/protokoll/<int:paragraph_id>/", protocol.paragraph_edit, name="paragraph_edit"),
]

from . import views_import as importer  # noqa: E402

urlpatterns += [
    path("importera/", importer.imports, name="protocol_imports"),
    path("importera/<str:batch>/", importer.batch, name="protocol_import_batch"),
    path("importera/fil/<int:import_id>/", importer.preview, name="protocol_import_preview"),
    path("importera/fil/<int:import_id>/tolka/", importer.parse_file, name="protocol_import_parse"),
]

from . import views_votes as vote_views  # noqa: E402

_P = "moten/<int:meeting_id>/protokoll/<int:paragraph_id>/"
urlpatterns += [
    path(_P + "votering/", vote_views.paragraph_vote, name="paragraph_vote"),
    path(_P + "votering/ta-bort/", vote_views.vote_delete, name="vote_delete"),
    path(_P + "yrkanden/", vote_views.motion_add, name="motion_add"),
    path(_P + "yrkanden/<int:item_id>/ta-bort/", vote_views.motion_delete, name="motion_delete"),
    path(_P + "reservationer/", vote_views.reservation_add, name="reservation_add"),
    path(_P + "reservationer/<int:item_id>/ta-bort/", vote_views.reservation_delete, name="reservation_delete"),
    path(_P + "jav/", vote_views.disqualification_add, name="disqualification_add"),
    path(_P + "jav/<int:item_id>/ta-bort/", vote_views.disqualification_delete, name="disqualification_delete"),
]

from . import views_attachments as attachment_views  # noqa: E402
from .views_adjustment import notice_posting  # noqa: E402
from .views_documents import extract_send  # noqa: E402
from .views_votes import vote_lot  # noqa: E402

urlpatterns += [
    path(_P + "bilagor/", attachment_views.paragraph_attachments, name="paragraph_attachments"),
    path(_P + "bilagor/<int:item_id>/", attachment_views.attachment_download, name="paragraph_attachment_download"),
    path(_P + "bilagor/<int:item_id>/ta-bort/", attachment_views.attachment_delete, name="paragraph_attachment_delete"),
    path(_P + "inspelningar/<int:item_id>/ta-bort/", attachment_views.recording_delete, name="paragraph_recording_delete"),
    path(_P + "votering/lottning/", vote_lot, name="vote_lot"),
    path("moten/<int:meeting_id>/utdrag/skicka/", extract_send, name="extract_send"),
    path("moten/<int:meeting_id>/justering/anslag/", notice_posting, name="notice_posting"),
]
