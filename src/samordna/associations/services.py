"""Writes for associations, Members and the charter."""
from django.db import transaction

from samordna.board.models import Body, SeatGroup

from .models import Association, Charter, Member, PopulationFigure


def create_association(*, slug, name, address="", **charter):
    with transaction.atomic():
        association = Association.objects.create(slug=slug, name=name, address=address)
        Charter.objects.create(association=association, **charter)
        from samordna.board.services import ensure_standard_items

        ensure_standard_items(association)
    return association


def ensure_seat_groups(body):
    """Every Member without a seat in the body gets one seat of its own (the law's default: FinsamL 10 §)."""
    seated = set(body.seat_groups.values_list("members", flat=True))
    position = body.seat_groups.count()
    for member in body.association.members.exclude(id__in=seated):
        position += 1
        group, _ = SeatGroup.objects.get_or_create(body=body, name=member.name, defaults={"position": position})
        group.members.add(member)


def save_member(member):
    with transaction.atomic():
        member.full_clean()
        member.save()
        for body in Body.objects.filter(association=member.association, kind=Body.Kind.BOARD):
            ensure_seat_groups(body)
    return member


def set_population(member, date, population):
    figure, _ = PopulationFigure.objects.update_or_create(member=member, date=date, defaults={"population": population})
    return figure


def save_body(body):
    with transaction.atomic():
        body.full_clean()
        body.save()
        if body.kind == Body.Kind.BOARD:
            ensure_seat_groups(body)
    return body
