from django import template

from samordna.rules.privacy import display

register = template.Library()


@register.filter
def published(value, threshold=5):
    """A suppressed count as "<5", otherwise with a space between thousands."""
    return display(value, int(threshold))


@register.filter
def decimal_sv(value, places=1):
    if value is None:
        return "–"
    return f"{value:.{int(places)}f}".replace(".", ",")
