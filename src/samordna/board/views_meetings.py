"""Meeting plan, agenda and attendance pages."""
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samordna.registry import selectors as registry_selectors  # registry: suggestions on the agenda page

from . import calendar, selectors, services, summons
from .adjustment import ensure_editable
from .forms import AgendaItemForm, AttendanceForm, GuestForm, MeetingForm, OfficersForm, PresenceFormSet
from .models import AgendaItem, Attendance, Body, Mandate, Paragraph, Person, Role
from .views_common import apply_errors, get_body, get_meeting


@login_required
def meeting_plan(request, slug, body_slug):
    body = get_body(request, slug, body_slug)
    years = sorted({d.year for d in body.meetings.dates("date", "year")} | {date.today().year})
    year = int(request.GET.get("ar", date.today().year)) if str(request.GET.get("ar", "")).isdigit() else date.today().year
    form = MeetingForm(request.POST or None, initial={"place": _last_place(body), "start": "13:00"})
    if request.method == "POST":
        get_body(request, slug, body_slug, edit=True)
        if form.is_valid():
            meeting = form.save(commit=False)
            meeting.body = body
            try:
                services.save_meeting(meeting)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Sammanträdet {meeting.date:%Y-%m-%d} är inlagt i mötesplanen.")
                return redirect(reverse("meeting_plan", args=[slug, body.slug]) + f"?ar={meeting.date.year}")
    meetings = body.meetings.filter(date__year=year).order_by("date", "start")
    feed = request.build_absolute_uri(f"/f/{slug}/organ/{body.slug}/kalender/{body.calendar_token}.ics")
    return render(request, "board/meeting_plan.html", {"body": body, "meetings": meetings, "form": form, "year": year, "years": years, "feed_url": feed})


def _last_place(body):
    last = body.meetings.order_by("-date").first()
    return last.place if last else ""


@login_required
def meeting_calendar(request, slug, body_slug):
    body = get_body(request, slug, body_slug)
    return _ics_response(body, attachment=True)


def meeting_feed(request, slug, body_slug, token):
    """The subscription URL calendar programs poll: no login, the secret token is the key."""
    body = get_object_or_404(Body, association__slug=slug, slug=body_slug, calendar_token=token)
    return _ics_response(body, attachment=False)


def _ics_response(body, attachment):
    response = HttpResponse(calendar.meeting_plan_ics(body), content_type="text/calendar; charset=utf-8")
    if attachment:
        response["Content-Disposition"] = f'attachment; filename="{body.association.slug}-{body.slug}.ics"'
    return response


@login_required
def meeting_detail(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST":
        get_meeting(request, slug, meeting_id, edit=True)
        if form.is_valid():
            try:
                services.save_meeting(form.save(commit=False))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Sammanträdet är sparat.")
                return redirect("meeting_detail", slug=slug, meeting_id=meeting.pk)
    return render(request, "board/meeting_detail.html", {"meeting": meeting, "form": form, "tab": "meeting"})


@login_required
def agenda(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST":
        get_meeting(request, slug, meeting_id, edit=True)
        if form.is_valid():
            try:
                services.add_agenda_item(meeting, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"Ärendet ”{form.cleaned_data['title']}” är tillagt.")
                return redirect("agenda", slug=slug, meeting_id=meeting.pk)
    context = {
        "meeting": meeting,
        "items": meeting.agenda_items.select_related("tabled_from__meeting"),
        "suggestions": selectors.tabled_suggestions(meeting),
        "registry": registry_selectors.agenda_suggestions(meeting, request.user),  # registry
        "form": form,
        "tab": "agenda",
    }
    return render(request, "board/agenda.html", context)


@login_required
@require_POST
def agenda_take_up(request, slug, meeting_id, paragraph_id):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    paragraph = get_object_or_404(Paragraph, pk=paragraph_id, meeting__body=meeting.body)
    try:
        services.take_up_tabled(meeting, paragraph)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Det bordlagda ärendet ”{paragraph.title}” är tillagt på föredragningslistan.")
    return redirect("agenda", slug=slug, meeting_id=meeting.pk)


@login_required
@require_POST
def agenda_summon(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    try:
        sent = summons.send_summons(meeting, request.build_absolute_uri(reverse("agenda", args=[slug, meeting.pk])))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Kallelsen är skickad till {len(sent)} mottagare.")
    return redirect("agenda", slug=slug, meeting_id=meeting.pk)


@login_required
@require_POST
def agenda_item_action(request, slug, meeting_id, item_id):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    item = get_object_or_404(AgendaItem, pk=item_id, meeting=meeting)
    action = request.POST.get("action")
    if action == "up":
        services.move_agenda_item(item, -1)
    elif action == "down":
        services.move_agenda_item(item, 1)
    elif action == "delete":
        item.delete()
        messages.success(request, f"Ärendet ”{item.title}” är borttaget från föredragningslistan.")
    return redirect("agenda", slug=slug, meeting_id=meeting.pk)


@login_required
def attendance(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id)
    rows = _attendance_rows(meeting)
    officers = OfficersForm(request.POST or None, instance=meeting, prefix="officers")
    if request.method == "POST":
        get_meeting(request, slug, meeting_id, edit=True)
        if "officers-chair" in request.POST or request.POST.get("save") == "officers":
            if officers.is_valid():
                try:
                    services.save_officers(meeting, **{k: officers.cleaned_data[k] for k in ("chair", "secretary", "adjusters")})
                except ValidationError as error:
                    apply_errors(officers, error)
                else:
                    messages.success(request, "Ordförande, sekreterare och justerare är sparade.")
                    return redirect("attendance", slug=slug, meeting_id=meeting.pk)
        else:
            try:
                ensure_editable(meeting)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                _save_bulk_status(request, meeting, rows)
            return redirect("attendance", slug=slug, meeting_id=meeting.pk)
    verdict, serving = selectors.serving_at_start(meeting)
    context = {
        "meeting": meeting,
        "rows": rows,
        "others": meeting.attendances.filter(role__in=[Role.OFFICIAL, Role.GUEST]).select_related("person"),
        "officers": officers,
        "verdict": verdict,
        "serving": serving,
        "guest_form": GuestForm(),
        "tab": "attendance",
    }
    return render(request, "board/attendance.html", context)


def _attendance_rows(meeting):
    """One row per mandate in force, in protocol order: members, substitutes, co-opted, staff."""
    registered = {a.person_id: a for a in meeting.attendances.prefetch_related("presences").select_related("replaces")}
    order = {Role.MEMBER: 0, Role.SUBSTITUTE: 1, Role.CO_OPTED: 2, Role.OFFICIAL: 3}
    mandates = [m for m in Mandate.objects.filter(body=meeting.body).select_related("person", "member") if m.current_on(meeting.date)]
    mandates.sort(key=lambda m: (order.get(m.role, 9), m.member.name if m.member else "", m.substitute_order, m.person.name))
    return [{"mandate": m, "attendance": registered.get(m.person_id)} for m in mandates]


STATUS_CHOICES = {"present": (Attendance.Status.PRESENT, False), "remote": (Attendance.Status.PRESENT, True), "absent": (Attendance.Status.ABSENT, False)}


def _save_bulk_status(request, meeting, rows):
    changed = 0
    for row in rows:
        mandate, current = row["mandate"], row["attendance"]
        value = request.POST.get(f"status-{mandate.pk}", "")
        if value == "" and current is not None:
            services.clear_attendance(meeting, mandate.person)
            changed += 1
        elif value in STATUS_CHOICES:
            status, remote = STATUS_CHOICES[value]
            if current and current.status == status and current.remote == remote:
                continue
            keep = [_interval(p) for p in current.presences.all()] if current else []
            try:
                services.set_attendance(
                    meeting, mandate.person, status=status, remote=remote, mandate=mandate, intervals=keep,
                    replaces=current.replaces if current else None, note=current.note if current else "",
                )
            except ValidationError as error:
                messages.error(request, f"{mandate.person.name}: {' '.join(error.messages)}")
                continue
            changed += 1
    messages.success(request, f"Närvaron är sparad ({changed} ändringar).")


def _interval(p):
    return {"start": p.start, "end": p.end, "from_paragraph": p.from_paragraph, "to_paragraph": p.to_paragraph}


@login_required
def attendance_person(request, slug, meeting_id, person_id):
    meeting = get_meeting(request, slug, meeting_id)
    person = get_object_or_404(Person, pk=person_id, association=meeting.association)
    current = Attendance.objects.filter(meeting=meeting, person=person).prefetch_related("presences").first()
    mandate = next((m for m in Mandate.objects.filter(body=meeting.body, person=person) if m.current_on(meeting.date)), None)
    replaceable = None
    if mandate and mandate.role == Role.SUBSTITUTE:
        replaceable = Person.objects.filter(mandates__body=meeting.body, mandates__role=Role.MEMBER).distinct()
    initial = {"status": current.status if current else Attendance.Status.PRESENT, "remote": current.remote if current else False,
               "replaces": current.replaces_id if current else None, "note": current.note if current else ""}
    form = AttendanceForm(request.POST or None, initial=initial, replaceable=replaceable)
    intervals = PresenceFormSet(request.POST or None, prefix="presence", initial=[_interval(p) for p in current.presences.all()] if current else None)
    presence_errors = []
    if request.method == "POST":
        get_meeting(request, slug, meeting_id, edit=True)
        if form.is_valid() and intervals.is_valid():
            data = form.cleaned_data
            try:
                services.set_attendance(
                    meeting, person, status=data["status"], remote=data["remote"], replaces=data.get("replaces"), note=data["note"],
                    mandate=mandate, role=current.role if current and not mandate else None,
                    intervals=[f.cleaned_data for f in intervals if f.cleaned_data and f.has_interval()],
                )
            except ValidationError as error:
                errors = dict(error.message_dict)
                presence_errors = errors.pop("presences", [])
                if errors:
                    apply_errors(form, ValidationError(errors))
            else:
                messages.success(request, f"Närvaron för {person.name} är sparad.")
                return redirect("attendance", slug=slug, meeting_id=meeting.pk)
    context = {"meeting": meeting, "person": person, "mandate": mandate, "form": form, "intervals": intervals,
               "presence_errors": presence_errors, "tab": "attendance"}
    return render(request, "board/attendance_person.html", context)


@login_required
@require_POST
def attendance_guest(request, slug, meeting_id):
    meeting = get_meeting(request, slug, meeting_id, edit=True)
    form = GuestForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        person, _ = Person.objects.get_or_create(
            association=meeting.association, name=data["name"], employer=data["employer"], defaults={"title": data["title"]}
        )
        services.set_attendance(meeting, person, status=Attendance.Status.PRESENT, role=data["role"], note=data["note"])
        messages.success(request, f"{person.name} är tillagd bland övriga närvarande.")
    else:
        messages.error(request, "Ange namnet på den som ska läggas till.")
    return redirect("attendance", slug=slug, meeting_id=meeting.pk)

