"""Monthly count reports, the follow-up of a period, and the association's lists (orientations, exit reasons, locks)."""
from datetime import date

from django.contrib import messages
from django.db.models import ProtectedError
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from samordna.accounts.access import acting_association
from samordna.associations.models import Member
from samordna.board.views_common import apply_errors
from samordna.rules import followup
from samordna.rules.privacy import suppression_note

from . import selectors, services
from .dashboard import dashboard
from .dashboard_budget import dashboard_budget
from .forms import ExitReasonForm, OrientationForm, PeriodLockForm, ReportForm, ThresholdForm, report_initial
from .models import ExitReason, Orientation, PeriodLock, Report
from .views import get_intervention


def _month(year, month):
    try:
        return date(year, month, 1)
    except ValueError:
        raise Http404("Månaden finns inte.")


@login_required
def report(request, slug, pk, year, month):
    intervention = get_intervention(request, slug, pk)
    month_start = _month(year, month)
    allowed = services.can_report(request.user, intervention)
    if not allowed:  # before the form: a reader's post is refused for who they are, not for what they typed
        raise PermissionDenied("Du är inte rapportör för den här insatsen.")
    existing = Report.objects.filter(intervention=intervention, month=month_start).prefetch_related(
        "counts", "exits", "goal_outcomes", "referrals").first()
    form = ReportForm(request.POST or None, intervention=intervention,
                      initial=report_initial(existing) if existing else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.save_report(intervention, month_start, form.cleaned_data, user=request.user, today=date.today())
        except ValidationError as error:
            apply_errors(form, error)
            status = 400
        else:
            messages.success(request, f"Månadsrapporten för {followup.MONTH_NAMES[month - 1]} {year} är sparad.")
            return redirect("intervention", slug=slug, pk=pk)
    elif request.method == "POST":
        status = 400
    context = {"association": intervention.association, "intervention": intervention, "form": form,
               "month": month_start, "month_label": f"{followup.MONTH_NAMES[month - 1]} {year}",
               "existing": existing, "previous_end": services.previous_end(intervention, month_start),
               "locked": month_start in selectors.locked_months(intervention.association)}
    return render(request, "interventions/report.html", context, status=status)


@login_required
def report_pick(request, slug, pk):
    """The month picker on the intervention page posts here without JavaScript; it redirects to that month's form."""
    intervention = get_intervention(request, slug, pk)
    try:
        year, month = (int(part) for part in request.GET.get("manad", "").split("-"))
        _month(year, month)
    except (ValueError, Http404):
        messages.error(request, "Månad: ange månaden som ÅÅÅÅ-MM, t.ex. 2024-03.")
        return redirect("intervention", slug=slug, pk=pk)
    return redirect("intervention_report", slug=slug, pk=intervention.pk, year=year, month=month)


def _period_from(request):
    today = date.today()
    kind = request.GET.get("typ", "tertial")
    kind = kind if kind in dict(followup.PERIOD_KINDS) else "tertial"
    default = followup.period_containing(kind, today)
    try:
        year = int(request.GET.get("ar", default.year))
        number = int(request.GET.get("nr", default.number))
        return followup.make_period(kind, year, number), None
    except (TypeError, ValueError) as error:
        message = str(error) if "finns inte" in str(error) else "Ange år och periodnummer med siffror."
        return default, message


@login_required
def follow_up(request, slug, pk):
    intervention = get_intervention(request, slug, pk)
    period, problem = _period_from(request)
    staff = selectors.is_staff(request.user, intervention.association)
    threshold = selectors.threshold_for(intervention.association)
    result = selectors.follow_up(intervention, period, staff=staff, threshold=threshold)
    numbers = range(1, 12 // len(period.months) + 1)
    context = {"association": intervention.association, "intervention": intervention, "result": result,
               "period": period, "problem": problem, "kinds": followup.PERIOD_KINDS, "numbers": numbers,
               "suppression_note": suppression_note(threshold), "threshold": threshold, "staff": staff}
    return render(request, "interventions/follow_up.html", context)


@login_required
def period_overview(request, slug):
    association = acting_association(request, slug)
    period, problem = _period_from(request)
    members = list(Member.objects.filter(association=association))
    member = next((m for m in members if str(m.pk) == request.GET.get("medlem")), None)
    staff = selectors.is_staff(request.user, association)
    threshold = selectors.threshold_for(association)
    rows, totals = selectors.period_overview(association, period, staff=staff, member=member, threshold=threshold)
    context = {"association": association, "rows": rows, "totals": totals, "period": period, "problem": problem,
               "kinds": followup.PERIOD_KINDS, "members": members, "member": member, "staff": staff,
               "suppression_note": suppression_note(threshold), "threshold": threshold}
    return render(request, "interventions/overview.html", context)


@login_required
def settings_page(request, slug):
    association = acting_association(request, slug)
    services.ensure_defaults(association)
    which = request.POST.get("save")
    forms = {"orientation": OrientationForm(request.POST if which == "orientation" else None, prefix="orientation"),
             "exit": ExitReasonForm(request.POST if which == "exit" else None, prefix="exit"),
             "lock": PeriodLockForm(request.POST if which in ("lock", "unlock") else None, prefix="lock"),
             "threshold": ThresholdForm(request.POST if which == "threshold" else None, prefix="threshold",
                                        initial={"threshold": selectors.threshold_for(association)})}
    if request.method == "POST":
        acting_association(request, slug, edit=True)
        if request.POST.get("delete_orientation"):
            orientation = get_object_or_404(Orientation, pk=request.POST["delete_orientation"], association=association)
            if association.interventions.filter(orientation=orientation).exists():
                messages.error(request, f"”{orientation.name}” används av en insats och kan inte tas bort.")
            else:
                orientation.delete()
            return redirect("intervention_settings", slug=slug)
        if request.POST.get("delete_exit"):
            reason = get_object_or_404(ExitReason, pk=request.POST["delete_exit"], association=association)
            _delete_exit(request, reason)
            return redirect("intervention_settings", slug=slug)
        form = forms["lock"] if which in ("lock", "unlock") else forms.get(which)
        if form is not None and form.is_valid():
            try:
                if which in ("lock", "unlock"):
                    services.set_period_lock(association, form.cleaned_data["month"], which == "lock")
                elif which == "threshold":
                    services.set_threshold(association, form.cleaned_data["threshold"])
                else:
                    obj = form.save(commit=False)
                    obj.association = association
                    (services.save_orientation if which == "orientation" else services.save_exit_reason)(obj)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Ändringarna är sparade.")
                return redirect("intervention_settings", slug=slug)
    context = {"association": association, "forms": forms,
               "orientations": Orientation.objects.filter(association=association),
               "exit_reasons": ExitReason.objects.filter(association=association),
               "locks": PeriodLock.objects.filter(association=association),
               "threshold": selectors.threshold_for(association)}
    return render(request, "interventions/settings.html", context)


def _delete_exit(request, reason):
    try:
        reason.delete()
    except ProtectedError:
        messages.error(request, f"”{reason.name}” används i rapporter och kan inte tas bort.")


@login_required
def dashboard_page(request, slug):
    association = acting_association(request, slug)
    staff = selectors.is_staff(request.user, association)
    threshold = selectors.threshold_for(association)
    context = {"association": association, "staff": staff, "suppression_note": suppression_note(threshold),
               "threshold": threshold, "today": date.today(), "budget": dashboard_budget(association, date.today().year)
               } | dashboard(association, date.today(), staff=staff, threshold=threshold)
    return render(request, "interventions/dashboard.html", context)
