"""Writes for the business plan: create, edit texts and goals, adopt (and freeze). One transaction each; bad input
raises ValidationError with a Swedish message and changes nothing."""
from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.audit import record_created
from samordna.board.models import Body, Paragraph

from . import business_plan
from . import document as d
from .models import BusinessPlan, PlanGoal
from .selectors import settings_for
from .templatetags.economy_tags import format_amount

TEXT_KEYS = {key for key, _, _ in BusinessPlan.SECTIONS}
MAX_TEXT = 20_000


def frozen_error(plan):
    return ValidationError(f"Verksamhetsplanen för {plan.year} är antagen ({plan.adopted_by}) och kan inte ändras. "
                           "Gör en ny plan för nästa år i stället.")


def _locked(plan):
    """Re-read under a row lock, so that an adoption in another request cannot slip between check and write."""
    fresh = BusinessPlan.objects.select_for_update().get(pk=plan.pk)
    if fresh.adopted:
        raise frozen_error(fresh)
    return fresh


def create_plan(association, year):
    """A new plan for the year, with the texts and goals of the latest earlier plan as a start; the charter's
    minimum equity as a sub-goal when there is no earlier plan."""
    if not 2004 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2004 och 2100."})
    with transaction.atomic():
        if BusinessPlan.objects.filter(association=association, year=year).exists():
            raise ValidationError({"year": f"Det finns redan en verksamhetsplan för {year}."})
        earlier = BusinessPlan.objects.filter(association=association, year__lt=year).order_by("-year").first()
        plan = BusinessPlan.objects.create(association=association, year=year,
                                           texts=dict(earlier.texts) if earlier else {})
        if earlier is not None:
            record_created(PlanGoal.objects.bulk_create(
                PlanGoal(plan=plan, level=g.level, text=g.text, indicators=g.indicators, position=g.position)
                for g in earlier.goals.all()))
        else:
            minimum = settings_for(association).minimum_equity
            if minimum is not None:
                PlanGoal.objects.create(plan=plan, level=PlanGoal.Level.SUBGOAL, position=90,
                                        text=f"Förbundet ska ha minst {format_amount(minimum)} tkr eget kapital.",
                                        indicators="Ekonomisk redovisning tertialvis")
    return plan


def save_texts(plan, texts: dict):
    unknown = set(texts) - TEXT_KEYS
    if unknown:
        raise ValidationError(f"Okänd del av planen: {', '.join(sorted(unknown))}.")
    too_long = [key for key, value in texts.items() if len(value or "") > MAX_TEXT]
    if too_long:
        raise ValidationError({key: f"Texten är för lång (högst {MAX_TEXT} tecken)." for key in too_long})
    with transaction.atomic():
        fresh = _locked(plan)
        fresh.texts = {key: (value or "").strip() for key, value in texts.items() if (value or "").strip()}
        fresh.save(update_fields=["texts"])
    plan.texts = fresh.texts
    return plan


def save_goal(goal: PlanGoal):
    if not goal.text.strip():
        raise ValidationError({"text": "Skriv målet."})
    with transaction.atomic():
        _locked(goal.plan)
        goal.full_clean()
        goal.save()
    return goal


def delete_goal(goal: PlanGoal):
    with transaction.atomic():
        _locked(goal.plan)
        goal.delete()


def paragraph_label(paragraph: Paragraph) -> str:
    meeting = paragraph.meeting
    sub = f" {paragraph.sub}" if paragraph.sub else ""
    return f"{meeting.body.name} {meeting.date.isoformat()} § {paragraph.number}{sub} {paragraph.title}"


def adoptable_paragraphs(association):
    """The board's decision paragraphs, newest first: what a business plan can be adopted by."""
    return (Paragraph.objects.filter(meeting__body__association=association, meeting__body__kind=Body.Kind.BOARD,
                                     kind="decision", tabled=False)
            .select_related("meeting__body").order_by("-meeting__date", "-number"))


def adopt(plan, paragraph):
    """Adopt by a paragraph of the board's protocol; the generated document is frozen with its SHA-256."""
    if paragraph is None:
        raise ValidationError({"paragraph": "Välj paragrafen i styrelsens protokoll där planen antogs."})
    if paragraph.meeting.body.association_id != plan.association_id:
        raise ValidationError({"paragraph": "Paragrafen hör inte till förbundets protokoll."})
    if paragraph.meeting.body.kind != Body.Kind.BOARD:
        raise ValidationError({"paragraph": "Verksamhetsplanen antas av styrelsen; välj en paragraf ur styrelsens protokoll."})
    if paragraph.tabled:
        raise ValidationError({"paragraph": "Ärendet bordlades i den paragrafen; planen kan inte ha antagits där."})
    with transaction.atomic():
        fresh = BusinessPlan.objects.select_for_update().get(pk=plan.pk)
        if fresh.adopted:
            raise ValidationError(f"Verksamhetsplanen för {fresh.year} är redan antagen ({fresh.adopted_by}). "
                                  "En antagen plan kan inte antas igen.")
        label = paragraph_label(paragraph)
        content = business_plan.build(fresh)
        content["subtitle"] = f"{content['subtitle']} Antagen av {label}."
        content["footer"] = f"Antagen {paragraph.meeting.date.isoformat()}, {label}"
        fresh.content, fresh.content_hash = content, d.content_hash(content)
        fresh.paragraph, fresh.adopted_by, fresh.adopted_on = paragraph, label, paragraph.meeting.date
        fresh.save(update_fields=["content", "content_hash", "paragraph", "adopted_by", "adopted_on"])
    return fresh


def verify(plan) -> bool:
    """Whether the stored copy still has the hash it was adopted with."""
    return bool(plan.content) and d.content_hash(plan.content) == plan.content_hash
