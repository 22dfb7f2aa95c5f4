"""Report values for the interventions tests (imported by plain name)."""


def month_values(intervention, *, end, started, ended, women=None, exits=None, **extra):
    """A consistent flat report: breakdowns put everyone in one category unless told otherwise."""
    from samordna.interventions.models import ExitReason
    from samordna.rules.followup import breakdown_field

    values = {"participants_end": end, "started": started, "ended": ended, "queue_end": 0}
    for measure, total in (("participants_end", end), ("started", started), ("ended", ended)):
        w = (women or {}).get(measure, total)
        values[breakdown_field(measure, "gender", "woman")] = w
        values[breakdown_field(measure, "gender", "man")] = total - w
        values[breakdown_field(measure, "age", "30-39")] = total
        values[breakdown_field(measure, "support", "sickness_benefit")] = total
    reasons = list(ExitReason.objects.filter(association=intervention.association))
    exits = exits or {reasons[0].name: ended}
    for reason in reasons:
        values[f"exit__{reason.pk}"] = exits.get(reason.name, 0)
    values.update(extra)
    return values
