"""Reads for the case register and follow-up; every query is scoped to one association."""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from samordna.accounts.access import roles_in
from samordna.accounts.models import AssociationRole
from samordna.board.models import AgendaItem, Body, Decision, Meeting, Paragraph
from samordna.rules import case_numbers

from .models import Assignment, Case, DelegatedDecision, Document, Notification

# Who may see documents marked confidential (sekretess).
CONFIDENTIAL_ROLES = {AssociationRole.Role.ADMIN, AssociationRole.Role.SECRETARY, AssociationRole.Role.AUDITOR}


def sees_confidential(user, association):
    return bool(roles_in(user, association) & CONFIDENTIAL_ROLES)


def cases(association, *, status="", year=None, query=""):
    found = Case.objects.filter(association=association).select_related("handling_officer")
    if status:
        found = found.filter(status=status)
    if year:
        found = found.filter(received_on__year=year)
    if query:
        found = found.filter(Q(number__icontains=query) | Q(title__icontains=query))
    return found


def case_years(association):
    return sorted({d.year for d in Case.objects.filter(association=association).dates("received_on", "year")}, reverse=True)


def documents(case, user):
    found = Document.objects.filter(case=case, association=case.association).defer("content", "text").order_by("uploaded_at", "id")
    if not sees_confidential(user, case.association):
        found = found.filter(confidential=False)
    return found


def document(case, document_id, user):
    """One document, or None when it is not the case's or the user may not see it."""
    return documents(case, user).defer(None).filter(pk=document_id).first()


def _matches(number, case_number):
    return case_numbers.key(number) == case_numbers.key(case_number)


def paragraphs(case):
    """Every paragraph of the association's protocols that handled the case, oldest first."""
    candidates = Paragraph.objects.filter(
        meeting__body__association=case.association, case_number__icontains=case.number.split()[-1]
    ).select_related("meeting__body").prefetch_related("decisions").order_by("meeting__date", "number", "sub")
    return [p for p in candidates if _matches(p.case_number, case.number)]


def agenda_items(case):
    """Agenda items naming the case that have not become a paragraph yet."""
    candidates = AgendaItem.objects.filter(
        meeting__body__association=case.association, case_number__icontains=case.number.split()[-1], paragraphs__isnull=True
    ).select_related("meeting__body").order_by("meeting__date")
    return [i for i in candidates if _matches(i.case_number, case.number)]


def open_meetings(association, today=None):
    """Meetings a case can still be put on: not adjusted, from today on."""
    today = today or date.today()
    return Meeting.objects.filter(body__association=association, date__gte=today).exclude(
        protocol_status=Meeting.ProtocolStatus.ADJUSTED
    ).select_related("body").order_by("date", "start")


def decision_choices(association):
    return Decision.objects.filter(paragraph__meeting__body__association=association).select_related(
        "paragraph__meeting__body"
    ).order_by("-paragraph__meeting__date", "paragraph__number", "paragraph__sub", "position")


def paragraph_choices(association):
    return Paragraph.objects.filter(meeting__body__association=association).select_related("meeting__body").order_by(
        "-meeting__date", "number", "sub"
    )


# Assignments ---------------------------------------------------------------


def assignments(association, *, owner=None, status=Assignment.Status.OPEN):
    found = Assignment.objects.filter(association=association).select_related(
        "owner", "owner_body", "report_to__body", "paragraph__meeting__body", "agenda_item"
    )
    if status:
        found = found.filter(status=status)
    if isinstance(owner, Body):
        found = found.filter(owner_body=owner)
    elif owner is not None:
        found = found.filter(owner=owner)
    return found


def overdue_assignments(association, today=None):
    """Open assignments past their due date: for the overview page's warning."""
    today = today or date.today()
    return assignments(association).filter(due_on__lt=today)


def owners(association):
    """Everyone who holds an assignment: (value for the filter, name)."""
    found = Assignment.objects.filter(association=association).select_related("owner", "owner_body")
    people = {(f"person-{a.owner_id}", a.owner.name) for a in found if a.owner_id}
    bodies = {(f"organ-{a.owner_body_id}", a.owner_body.name) for a in found if a.owner_body_id}
    return sorted(bodies) + sorted(people, key=lambda p: p[1])


# Delegated decisions --------------------------------------------------------


def unreported_delegated_decisions(association):
    """Not yet on an agenda, and not confirmed as reported."""
    return DelegatedDecision.objects.filter(association=association, paragraph__isnull=True, agenda_item__isnull=True).select_related(
        "point", "decided_by"
    )


def delegated_decisions(association, *, state=""):
    found = DelegatedDecision.objects.filter(association=association).select_related(
        "point", "decided_by", "paragraph__meeting__body", "agenda_item__meeting__body"
    ).prefetch_related("agenda_item__paragraphs__meeting__body")
    if state == "unreported":
        found = found.filter(paragraph__isnull=True).exclude(agenda_item__paragraphs__isnull=False)
    elif state == "reported":
        found = found.filter(Q(paragraph__isnull=False) | Q(agenda_item__paragraphs__isnull=False)).distinct()
    return found.order_by("-decided_on", "-id")


def unhandled_notifications(association):
    """Not yet on an agenda, and not marked as handled at a paragraph."""
    return Notification.objects.filter(association=association, paragraph__isnull=True, agenda_item__isnull=True).order_by("received_on", "id")


def notifications(association, *, category=""):
    found = Notification.objects.filter(association=association).select_related(
        "paragraph__meeting__body", "agenda_item__meeting"
    ).prefetch_related("agenda_item__paragraphs__meeting__body")
    if category:
        found = found.filter(category=category)
    return found


def notification_categories(association):
    return sorted(set(Notification.objects.filter(association=association).values_list("category", flat=True)))


# The agenda page's suggestions ---------------------------------------------


@dataclass
class AgendaSuggestions:
    report_backs: list = field(default_factory=list)
    delegated: list = field(default_factory=list)
    delegation_item: AgendaItem | None = None
    ready_cases: list = field(default_factory=list)
    notifications: list = field(default_factory=list)  # (category, [notifications], agenda item or None)
    documents: list = field(default_factory=list)  # (agenda item, case, [documents])

    def __bool__(self):
        return bool(self.report_backs or self.delegated or self.ready_cases or self.notifications or self.documents)


def agenda_suggestions(meeting, user):
    """What the registry proposes for a meeting's agenda, and the case documents that go with its items."""
    association = meeting.association
    result = AgendaSuggestions()
    items = list(meeting.agenda_items.all())
    result.documents = _agenda_documents(association, items, user)
    if meeting.frozen:
        return result
    result.report_backs = list(
        assignments(association).filter(report_to=meeting).filter(Q(agenda_item__isnull=True) | ~Q(agenda_item__meeting=meeting))
    )
    if meeting.body.kind == Body.Kind.BOARD:
        result.delegated = list(unreported_delegated_decisions(association).filter(decided_on__lte=meeting.date))
        result.delegation_item = next((i for i in items if i.title == "Anmälan av delegationsbeslut"), None)
        by_category = {}
        for notification in unhandled_notifications(association).filter(received_on__lte=meeting.date):
            by_category.setdefault(notification.category, []).append(notification)
        titles = {i.title: i for i in items}
        result.notifications = [(c, rows, titles.get(f"{c} – anmälningar")) for c, rows in sorted(by_category.items())]
    on_agenda = {case_numbers.key(i.case_number) for i in items if i.case_number}
    ready = cases(association, status=Case.Status.OPEN).filter(documents__kind=Document.Kind.STATEMENT).distinct()
    result.ready_cases = [c for c in ready if c.number_key not in on_agenda]
    return result


def _agenda_documents(association, items, user):
    numbered = {case_numbers.key(i.case_number): i for i in items if i.case_number}
    if not numbered:
        return []
    found = Case.objects.filter(association=association, number_key__in=list(numbered))
    confidential = sees_confidential(user, association)
    rows = []
    for case in found:
        docs = [d for d in case.documents.defer("content", "text").order_by("uploaded_at") if confidential or not d.confidential]
        rows.append((numbered[case.number_key], case, docs))
    rows.sort(key=lambda row: (row[0].position, row[0].pk))
    return rows
