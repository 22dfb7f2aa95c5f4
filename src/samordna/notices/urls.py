from django.urls import path

from . import views

urlpatterns = [
    path("anslagstavla/", views.board, name="notice_board"),
    path("anslagstavla/anslag.json", views.board_json, name="notice_board_json"),
    path("anslagstavla/atom.xml", views.BoardFeed(), name="notice_board_feed"),
    path("anslagstavla/<int:meeting_id>/", views.notice_protocol, name="notice_protocol"),
    path("anslagstavla/<int:meeting_id>/protokoll.pdf", views.notice_protocol_pdf, name="notice_protocol_pdf"),
    path("anslagstavla/<int:meeting_id>/bilagor/<int:attachment_id>/", views.notice_attachment, name="notice_attachment"),
]
