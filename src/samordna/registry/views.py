"""The case register's pages: list, register, case page with documents and paragraphs, agenda, settings."""
from datetime import date
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from samordna.accounts.access import acting_association
from samordna.board.views_common import apply_errors

from . import selectors, services, uploads
from .services_followup import save_delegation_point
from .forms import AgendaForm, CaseForm, DelegationPointForm, DocumentForm, RecipientForm, SettingsForm, StatusForm
from .models import Case, DelegationPoint, Document


def form_page(request, template_context, form, save, success, redirect_to):
    """The shared shape of a form page: validate, call the service, show its Swedish errors next to the fields."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, success(saved) if callable(success) else success)
            return redirect(*redirect_to(saved)) if callable(redirect_to) else redirect(*redirect_to)
    context = {**template_context, "form": form}
    if "back" in context:
        name, args, label = context.pop("back")
        context["back_url"], context["back_label"] = reverse(name, args=args), label
    return render(request, "registry/form_page.html", context)


def _case(request, slug, case_id, edit=False):
    association = acting_association(request, slug, edit=edit)
    return get_object_or_404(Case.objects.select_related("handling_officer", "association"), pk=case_id, association=association)


@login_required
def cases(request, slug):
    association = acting_association(request, slug)
    status = request.GET.get("status", "")
    status = status if status in Case.Status.values else ""
    year = request.GET.get("ar", "")
    year = int(year) if year.isdigit() else None
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "association": association, "cases": selectors.cases(association, status=status, year=year, query=query),
        "statuses": Case.Status.choices, "status": status, "years": selectors.case_years(association), "year": year,
        "query": query, "unreported": selectors.unreported_delegated_decisions(association).count(),
        "overdue": selectors.overdue_assignments(association).count(),
    }
    return render(request, "registry/cases.html", context)


@login_required
def case_create(request, slug):
    association = acting_association(request, slug, edit=True)
    today = date.today()
    initial = {"number": services.suggest_number(association, today.year), "received_on": today}
    form = CaseForm(request.POST or None, initial=initial, association=association)

    def save(form):
        case = form.save(commit=False)
        case.association = association
        return services.save_case(case)

    context = {"title": "Registrera ärende", "lead": "Ett nytt ärende i diariet. Numret föreslås enligt förbundets format.",
               "button": "Registrera ärendet", "back": ("cases", [slug], "Diarium")}
    return form_page(request, context, form, save, lambda c: f"Ärendet Dnr {c.number} är registrerat.",
                     lambda c: ("case_detail", slug, c.pk))


@login_required
def case_edit(request, slug, case_id):
    case = _case(request, slug, case_id, edit=True)
    form = CaseForm(request.POST or None, instance=case, association=case.association)
    context = {"title": f"Ändra ärende Dnr {case.number}", "button": "Spara ärendet",
               "back": ("case_detail", [slug, case.pk], f"Dnr {case.number}")}
    return form_page(request, context, form, lambda f: services.save_case(f.save(commit=False)), "Ärendet är sparat.",
                     ("case_detail", slug, case.pk))


@login_required
def case_detail(request, slug, case_id, **kwargs):
    case = _case(request, slug, case_id)
    status_form = StatusForm(request.POST if request.method == "POST" else None, initial={"status": case.status})
    if request.method == "POST":
        _case(request, slug, case_id, edit=True)
        if status_form.is_valid():
            services.set_status(case, status_form.cleaned_data["status"])
            messages.success(request, f"Ärendets status är nu ”{case.get_status_display().lower()}”.")
            return redirect("case_detail", slug=slug, case_id=case.pk)
    context = {
        "association": case.association, "case": case, "documents": selectors.documents(case, request.user),
        "paragraphs": selectors.paragraphs(case), "agenda_items": selectors.agenda_items(case), "status_form": status_form,
        "assignments": selectors.assignments(case.association, status="").filter(case_number=case.number),
        "sees_confidential": selectors.sees_confidential(request.user, case.association), "today": date.today(),
        "recipients": case.recipients.all(), "recipient_form": kwargs.get("recipient_form") or RecipientForm(),
        "dispatches": case.extract_dispatches.select_related("meeting__body").prefetch_related("paragraphs"),
    }
    return render(request, "registry/case_detail.html", context, status=kwargs.get("status", 200))


@login_required
def document_upload(request, slug, case_id):
    case = _case(request, slug, case_id, edit=True)
    form = DocumentForm(request.POST or None, request.FILES or None)

    def save(form):
        upload = form.cleaned_data["file"]
        if upload.size > uploads.MAX_SIZE:
            # Refuse before reading a huge file into memory; the service says the same for smaller limits.
            raise ValidationError({"file": _too_big(upload)})
        return services.add_document(case, filename=upload.name, data=upload.read(), kind=form.cleaned_data["kind"],
                                     title=form.cleaned_data["title"], confidential=form.cleaned_data["confidential"], user=request.user)

    context = {"title": "Lägg till handling", "lead": f"Dnr {case.number} {case.title}", "button": "Ladda upp handlingen",
               "back": ("case_detail", [slug, case.pk], f"Dnr {case.number}"), "multipart": True}
    return form_page(request, context, form, save, lambda d: f"Handlingen ”{d.title}” är tillagd.", ("case_detail", slug, case.pk))


def _too_big(upload):
    size = f"{upload.size / (1024 * 1024):.1f}".replace(".", ",")
    return f"Filen {upload.name} är {size} MB. Största tillåtna storlek är 20,0 MB."


@login_required
def document_download(request, slug, case_id, document_id):
    case = _case(request, slug, case_id)
    document = selectors.document(case, document_id, request.user)
    if document is None:
        raise Http404("Handlingen finns inte.")
    response = HttpResponse(bytes(document.content), content_type=document.content_type)
    disposition = "inline" if document.filename.lower().endswith((".pdf", ".txt")) else "attachment"
    ascii_name = document.filename.encode("ascii", "ignore").decode() or "handling"
    response["Content-Disposition"] = f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(document.filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def document_delete(request, slug, case_id, document_id):
    case = _case(request, slug, case_id, edit=True)
    document = get_object_or_404(Document, pk=document_id, case=case, association=case.association)
    try:
        services.delete_document(document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Handlingen ”{document.title}” är borttagen.")
    return redirect("case_detail", slug=slug, case_id=case.pk)


@login_required
def case_agenda(request, slug, case_id):
    case = _case(request, slug, case_id, edit=True)
    form = AgendaForm(request.POST or None, association=case.association, initial={"title": case.title, "kind": "decision"})

    def save(form):
        data = form.cleaned_data
        return services.put_on_agenda(case, data["meeting"], kind=data["kind"], title=data["title"], proposal=data["proposal"])

    context = {"title": "Sätt upp på föredragningslista", "lead": f"Dnr {case.number} {case.title}. Ärendets handlingar visas "
               "med ärendet på föredragningslistan.", "button": "Sätt upp ärendet",
               "back": ("case_detail", [slug, case.pk], f"Dnr {case.number}")}
    return form_page(request, context, form, save, lambda i: f"Ärendet står nu på föredragningslistan för {i.meeting}.",
                     lambda i: ("agenda", slug, i.meeting_id))


@login_required
def registry_settings(request, slug):
    association = acting_association(request, slug)
    which = request.POST.get("save")
    settings_form = SettingsForm(request.POST if which == "format" else None, instance=services.settings_for(association), prefix="format")
    point_form = DelegationPointForm(request.POST if which == "point" else None, prefix="point")
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if request.POST.get("toggle"):
            point = get_object_or_404(DelegationPoint, pk=request.POST["toggle"], association=association)
            point.active = not point.active
            point.save(update_fields=["active"])
            messages.success(request, f"Punkt {point.code} {'gäller nu' if point.active else 'gäller inte längre'}.")
            return redirect("registry_settings", slug=slug)
        form = settings_form if which == "format" else point_form
        if form.is_valid():
            try:
                if which == "format":
                    services.save_settings(association, case_number_format=form.cleaned_data["case_number_format"])
                else:
                    point = form.save(commit=False)
                    point.association = association
                    save_delegation_point(point)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Ändringarna är sparade.")
                return redirect("registry_settings", slug=slug)
    example = services.suggest_number(association, date.today().year)
    context = {"association": association, "settings_form": settings_form, "point_form": point_form, "example": example,
               "points": DelegationPoint.objects.filter(association=association)}
    return render(request, "registry/settings.html", context)
