"""One page per paragraph for its attachments (bilagor) and recording links; every form posts and works without
JavaScript, and on bad input the page comes back with what was typed and the Swedish reason, nothing saved."""
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import attachments
from .models import Paragraph
from .models_attachments import ParagraphAttachment, Recording
from .views_common import get_meeting


class DocumentChoice(forms.ModelChoiceField):
    def label_from_instance(self, document):
        return f"{document.title} ({document.get_kind_display().lower()}){' – sekretess' if document.confidential else ''}"


class LinkForm(forms.Form):
    document = DocumentChoice(label="Handling i ärendet", queryset=None, empty_label="Välj handling")


class UploadForm(forms.Form):
    file = forms.FileField(label="Fil", help_text="PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt) eller text (.txt), högst 20 MB.")
    title = forms.CharField(label="Rubrik", max_length=300, required=False, help_text="Lämna tomt för att använda filnamnet.")
    confidential = forms.BooleanField(label="Sekretess – visas inte på anslagstavlan och bara för förbundschef, sekreterare och revisorer",
                                      required=False)


class RecordingForm(forms.Form):
    url = forms.CharField(label="Adress till inspelningen", max_length=500, help_text="T.ex. https://play.example.se/styrelsen-2024-03-12")
    start = forms.CharField(label="Startar vid", max_length=12, required=False,
                            help_text="Frivilligt: var i inspelningen paragrafen börjar, tt:mm:ss, t.ex. 00:42:10.")
    label = forms.CharField(label="Beskrivning", max_length=200, required=False, help_text="Frivilligt, t.ex. ”Inspelning från sammanträdet”.")


def _paragraph(request, slug, meeting_id, paragraph_id, edit=False):
    meeting = get_meeting(request, slug, meeting_id, edit=edit)
    return meeting, get_object_or_404(Paragraph, pk=paragraph_id, meeting=meeting)


def _page_url(meeting, paragraph, anchor=""):
    url = reverse("paragraph_attachments", args=[meeting.association.slug, meeting.pk, paragraph.pk])
    return f"{url}#{anchor}" if anchor else url


def _sees_confidential(request, meeting):
    from samordna.registry.selectors import sees_confidential

    return sees_confidential(request.user, meeting.association)


def _render(request, meeting, paragraph, *, link_form=None, upload_form=None, recording_form=None, status=200):
    link_form = link_form or LinkForm(prefix="link")
    link_form.fields["document"].queryset = _candidates(request, paragraph)
    confidential = _sees_confidential(request, meeting)
    context = {
        "meeting": meeting, "paragraph": paragraph, "case": attachments.paragraph_case(paragraph),
        "attachments": [a for a in paragraph.attachments.select_related("document") if confidential or not a.is_confidential],
        "recordings": paragraph.recordings.all(),
        "editable": request.can_edit and meeting.protocol_status == meeting.ProtocolStatus.DRAFT,
        "link_form": link_form, "upload_form": upload_form or UploadForm(prefix="upload"),
        "recording_form": recording_form or RecordingForm(prefix="recording"), "tab": "protocol",
    }
    return render(request, "board/paragraph_attachments.html", context, status=status)


def _candidates(request, paragraph):
    from samordna.registry.models import Document

    return Document.objects.filter(pk__in=[d.pk for d in attachments.case_documents(paragraph, request.user)]).defer("content", "text")


def _apply(form, error):
    for field, texts in error.message_dict.items():
        for text in texts:
            form.add_error(field if field in form.fields and field != NON_FIELD_ERRORS else None, text)


@login_required
def paragraph_attachments(request, slug, meeting_id, paragraph_id):
    """The page; a POST adds a case document, an uploaded file or a recording link, as its `action` says."""
    meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id, edit=request.method == "POST")
    if request.method != "POST":
        return _render(request, meeting, paragraph)
    action = request.POST.get("action")
    if action == "document":
        form = LinkForm(request.POST, prefix="link")
        form.fields["document"].queryset = _candidates(request, paragraph)
        save = lambda d: attachments.attach_document(paragraph, d["document"], user=request.user)  # noqa: E731
        key, anchor = "link_form", "bilagor"
    elif action == "upload":
        form = UploadForm(request.POST, request.FILES, prefix="upload")
        key, anchor = "upload_form", "bilagor"

        def save(d):
            upload = d["file"]
            return attachments.upload_attachment(paragraph, filename=upload.name, data=upload.read(), title=d["title"],
                                                 confidential=d["confidential"], user=request.user)
    elif action == "recording":
        form = RecordingForm(request.POST, prefix="recording")
        save = lambda d: attachments.add_recording(paragraph, url=d["url"], start=d["start"], label=d["label"])  # noqa: E731
        key, anchor = "recording_form", "inspelning"
    else:
        messages.error(request, "Välj vad du vill lägga till.")
        return redirect(_page_url(meeting, paragraph))
    if form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            _apply(form, error)
        else:
            what = f"Bilagan ”{saved.label}”" if isinstance(saved, ParagraphAttachment) else "Länken till inspelningen"
            messages.success(request, f"{what} är tillagd vid § {paragraph.number}.")
            return redirect(_page_url(meeting, paragraph, anchor))
    return _render(request, meeting, paragraph, status=400, **{key: form})


def _remove(model, action, done, anchor):
    @login_required
    @require_POST
    def view(request, slug, meeting_id, paragraph_id, item_id):
        meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id, edit=True)
        item = get_object_or_404(model, pk=item_id, paragraph=paragraph)
        try:
            action(item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect(_page_url(meeting, paragraph, anchor))

    return view


attachment_delete = _remove(ParagraphAttachment, attachments.remove_attachment, "Bilagan är borttagen.", "bilagor")
recording_delete = _remove(Recording, attachments.remove_recording, "Länken till inspelningen är borttagen.", "inspelning")


@login_required
def attachment_download(request, slug, meeting_id, paragraph_id, item_id):
    meeting, paragraph = _paragraph(request, slug, meeting_id, paragraph_id)
    attachment = get_object_or_404(ParagraphAttachment.objects.select_related("document"), pk=item_id, paragraph=paragraph)
    if attachment.is_confidential and not _sees_confidential(request, meeting):
        raise Http404("Handlingen finns inte eller omfattas av sekretess.")
    return attachments.attachment_response(attachment)
