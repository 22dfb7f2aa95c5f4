from django import template

register = template.Library()


@register.filter
def clause(text):
    """Print a decision as the protocols do: "att …" for a clause, a full sentence as written ("Ärendet bordläggs.")."""
    return f"att {text}" if text[:1].islower() else text
