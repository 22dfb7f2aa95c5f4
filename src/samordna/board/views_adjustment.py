"""Sending the protocol to adjustment, approving or returning it, and the sealed result."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from samordna.accounts import auth as accounts_auth
from samordna.rules.deadlines import latest_posting, notice_dates

from . import adjustment
from .models import Person
from .views_common import apply_errors, get_meeting


def _acting_person(request, meeting):
    return Person.objects.filter(association=meeting.association, user=request.user).first()


@login_required
def adjustment_page(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id)
    person = _acting_person(request, meeting)
    people = adjustment.signatories(meeting)
    approvals = {a.person_id: a for a in meeting.approvals.select_related("user")}
    context = {
        "meeting": meeting,
        "rows": [(p, approvals.get(p.pk)) for p in people],
        "can_sign": person in people and meeting.protocol_status == meeting.ProtocolStatus.READY and person.pk not in approvals,
        "paragraphs": meeting.paragraphs.all(),
        "comments": meeting.return_comments.select_related("person", "paragraph"),
        "verified": adjustment.verify(meeting) if meeting.frozen else None,
        "notice": notice_dates(meeting.adjusted_on, meeting.notice_posted) if meeting.frozen and meeting.notice_posted else None,
        "today": timezone.localdate(),
        "tab": "adjustment",
    }
    return render(request, "board/adjustment.html", context)


def _back(slug, meeting):
    return redirect("adjustment", slug=slug, meeting_id=meeting.pk)


@login_required
@require_POST
def adjustment_action(request, slug, meeting_id):
    action = request.POST.get("action")
    meeting = get_meeting(request, slug, meeting_id, edit=action in ("ready", "withdraw"))
    person = _acting_person(request, meeting)
    try:
        if action == "ready":
            link = request.build_absolute_uri(reverse("adjustment", args=[slug, meeting.pk]))
            adjustment.mark_ready(meeting, link)
            messages.success(request, "Protokollet är skickat till ordföranden och justerarna.")
        elif action == "withdraw":
            adjustment.withdraw(meeting)
            messages.success(request, "Protokollet är återtaget till utkast.")
        elif action == "approve":
            authenticated_at = accounts_auth.authenticated_at(request)  # None while a second factor is owed
            if not adjustment.fresh_login(authenticated_at):
                messages.info(request, "Logga in igen för att justera protokollet.")
                return redirect_to_login(reverse("adjustment", args=[slug, meeting.pk]))
            adjustment.approve(meeting, person, request.user, authenticated_at=authenticated_at)
            messages.success(request, "Protokollet är justerat och låst." if meeting.frozen else "Din justering är registrerad.")
        elif action == "return":
            paragraph = meeting.paragraphs.filter(pk=request.POST.get("paragraph") or None).first()
            adjustment.return_protocol(meeting, person, request.POST.get("comment", ""), paragraph)
            messages.success(request, "Protokollet är återremitterat till sekreteraren med din kommentar.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(slug, meeting)


class NoticePostingForm(forms.Form):
    posted = forms.DateField(label="Anslagsdag", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                             error_messages={"required": "Ange anslagsdagen som ÅÅÅÅ-MM-DD.",
                                             "invalid": "Skriv anslagsdagen som ÅÅÅÅ-MM-DD, t.ex. 2023-04-05."})


@login_required
def notice_posting(request, slug, meeting_id):
    """The secretary chooses the day the notice of the adjusted protocol goes up on the notice board."""
    meeting = get_meeting(request, slug, meeting_id, edit=request.method == "POST")
    if not meeting.frozen:
        messages.info(request, "Anslagsdagen väljs när protokollet är justerat.")
        return _back(slug, meeting)
    form = NoticePostingForm(request.POST or None, initial={"posted": meeting.notice_posted or meeting.adjusted_on})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                dates = adjustment.set_notice_posted(meeting, form.cleaned_data["posted"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Anslaget sätts upp {dates.posted:%Y-%m-%d} och får tas ned {dates.remove_after:%Y-%m-%d}. "
                                          f"Sista dag för överklagande är {dates.appeal_last_day:%Y-%m-%d}.")
                return _back(slug, meeting)
        status = 400
    current = notice_dates(meeting.adjusted_on, meeting.notice_posted) if meeting.notice_posted else None
    context = {"meeting": meeting, "form": form, "current": current, "latest": latest_posting(meeting.adjusted_on),
               "today": timezone.localdate(), "tab": "adjustment"}
    return render(request, "board/notice_posting.html", context, status=status)
