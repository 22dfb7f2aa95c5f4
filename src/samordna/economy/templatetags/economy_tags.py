"""Amounts as Swedish documents write them: 4 505,5 tkr (non-breaking space between thousands, decimal comma)."""
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

register = template.Library()


def format_amount(value, places=0):
    if value is None or value == "":
        return "–"
    try:
        amount = Decimal(value).quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    sign = "−" if amount < 0 else ""
    whole, _, frac = f"{abs(amount):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + "\u00a0".join(groups or ["0"]) + ("," + frac if frac else "")


@register.filter
def tkr(value, places=0):
    return format_amount(value, places)


@register.filter
def percent(value, places=1):
    if value is None:
        return "–"
    return format_amount(Decimal(value) * 100, places) + "\u00a0%"


@register.filter
def at(sequence, index):
    try:
        return sequence[int(index)]
    except (IndexError, TypeError, ValueError, KeyError):
        return None
