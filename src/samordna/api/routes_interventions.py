"""Interventions and their aggregated follow-up, suppressed exactly as on the pages.

Exact counts go only to the association's own staff (interventions.selectors.is_staff); every other role gets the
published figures, small counts hidden as "<5" with the complementary suppression of the follow-up views. A reporter
reaches only the interventions assigned to them."""
from datetime import date

from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from samordna.interventions import selectors
from samordna.rules import followup
from samordna.rules.privacy import suppression_note

from .access import acting, not_found
from .api import ERRORS, Mapped, Page, api
from .routes_board import MAX_ID, SlugPath
from .schemas import FollowUpOut, InterventionDetailOut, InterventionOut, OverviewOut

router = Router(tags=["Insatser och uppföljning"])
InterventionId = Path(..., ge=1, le=MAX_ID, description="Insatsens id.")


def intervention_row(i):
    return {"id": i.pk, "name": i.name, "kind": i.kind, "orientation": i.orientation.name,
            "follow_up_method": i.follow_up_method, "esf_funded": i.esf_funded, "provider": i.provider, "start": i.start,
            "end": i.end, "capacity_at_once": i.capacity_at_once, "capacity_per_year": i.capacity_per_year,
            "published": i.published, "owners": [m.name for m in i.owners.all()],
            "municipalities": [m.name for m in i.municipalities.all()]}


def _visible(request, slug):
    association, _ = acting(request, slug, reporter=True)
    return association, selectors.visible_interventions(request.auth.user, association).prefetch_related(
        "owners", "municipalities", "goals")


def _intervention(request, slug, pk):
    association, visible = _visible(request, slug)
    found = visible.filter(pk=pk).first()
    if found is None:
        not_found("Insatsen finns inte.")
    return association, found


@router.get("/f/{slug}/interventions", response={200: list[InterventionOut], **ERRORS}, url_name="api_interventions",
            operation_id="api_interventions", summary="Insatser",
            description="Alla förbundets insatser; en rapportör ser bara de insatser hen rapporterar för.")
@paginate(Page)
def interventions(request, slug: str = SlugPath):
    _, visible = _visible(request, slug)
    return Mapped(visible.order_by("name", "id"), intervention_row)


@router.get("/f/{slug}/interventions/{pk}", response={200: InterventionDetailOut, **ERRORS},
            url_name="api_intervention", operation_id="api_intervention", summary="En insats")
def intervention(request, slug: str = SlugPath, pk: int = InterventionId):
    _, found = _intervention(request, slug, pk)
    return intervention_row(found) | {
        "description": found.description, "target_group": found.target_group, "place": found.place,
        "referral": found.referral,
        "goals": [{"indicator": g.indicator, "comparison": g.comparison, "target": float(g.target), "unit": g.unit}
                  for g in found.goals.all()]}


class PeriodQuery(Schema):
    kind: str = Field("tertial", pattern="^(month|tertial|half|year)$", description="month, tertial, half eller year.")
    year: int | None = Field(None, ge=2000, le=2200, description="År; utan det gäller innevarande period.")
    number: int | None = Field(None, ge=1, le=12, description="Periodens nummer under året (månad 1–12, tertial 1–3, "
                                                             "halvår 1–2, år 1).")


def _period(query):
    if query.year is None and query.number is None:
        return followup.period_containing(query.kind, date.today())
    today = followup.period_containing(query.kind, date.today())
    try:
        return followup.make_period(query.kind, query.year or today.year, query.number or 1)
    except ValueError as error:
        raise HttpError(422, str(error))


def _figure(fig):
    return {"value": fig.value, "text": fig.text}


def _float(value):
    return None if value is None else float(value)


def period_row(period):
    return {"kind": period.kind, "year": period.year, "number": period.number, "first_month": period.months[0],
            "last_month": period.months[-1]}


def follow_up_row(result, threshold):
    return {
        "intervention_id": result.intervention.pk, "intervention": result.intervention.name,
        "period": period_row(result.period), "suppressed": not result.staff, "threshold": threshold,
        "note": "" if result.staff else suppression_note(threshold),
        "months_reported": result.months_reported,
        "figures": {key: _figure(fig) for key, fig in result.figures.items()},
        "median_wait_days": result.median_wait_days, "capacity_use": _float(result.capacity_use),
        "average_participants": _float(result.average_participants),
        "cost_per_participant": result.cost_per_participant, "budget": result.budget,
        "positive_share": _float(result.positive_share),
        "exits": [{"reason": name, "positive": positive, "figure": _figure(fig), "percent": _float(pct)}
                  for name, positive, fig, pct in result.exits],
        "goals": [{"indicator": goal.indicator, "target": float(goal.target), "unit": goal.unit, "status": verdict.status,
                   "label": verdict.label, "text": verdict.text} for goal, verdict in result.goals],
        "balance": [{"dimension": label, "rows": [{"category": category, "figures": [_figure(f) for f in figures]}
                                                  for category, figures in rows],
                     "totals": [_figure(f) for f in totals]} for label, rows, totals in result.balance],
        "referrals": [{"member": name, "figure": _figure(fig)} for name, fig in result.referrals],
    }


@router.get("/f/{slug}/interventions/{pk}/follow-up", response={200: FollowUpOut, **ERRORS},
            url_name="api_intervention_follow_up", operation_id="api_intervention_follow_up",
            summary="En insats uppföljning för en period",
            description="Som uppföljningssidan: utanför kansliet visas små tal som ”<5” och value är null.")
def intervention_follow_up(request, query: Query[PeriodQuery], slug: str = SlugPath, pk: int = InterventionId):
    association, found = _intervention(request, slug, pk)
    period = _period(query)
    staff = selectors.is_staff(request.auth.user, association)
    threshold = selectors.threshold_for(association)
    return follow_up_row(selectors.follow_up(found, period, staff=staff, threshold=threshold), threshold)


@router.get("/f/{slug}/follow-up", response={200: OverviewOut, **ERRORS}, url_name="api_follow_up",
            operation_id="api_follow_up", summary="Alla insatsers uppföljning för en period",
            description="Som periodöversikten: summor bara i kansliets vy, eftersom en summa annars kan avslöja ett "
                        "dolt tal.")
def follow_up(request, query: Query[PeriodQuery], slug: str = SlugPath):
    association, _ = acting(request, slug)
    period = _period(query)
    staff = selectors.is_staff(request.auth.user, association)
    threshold = selectors.threshold_for(association)
    rows, totals = selectors.period_overview(association, period, staff=staff, threshold=threshold)
    return {"period": period_row(period), "suppressed": not staff, "threshold": threshold,
            "note": "" if staff else suppression_note(threshold),
            "interventions": [follow_up_row(r, threshold) for r in rows], "totals": totals}


api.add_router("", router)
