"""Demo interventions for the four demo associations, with contracts, goals, budgets and a year of monthly counts.

Names of interventions and figures follow the seed documents (Skaraborg's green-care interventions with 12 places
per group and a one-year extension option, Insjöriket's queue to Balder, Göteborg's Move On exit reasons,
Sjuhärad's participants and funds per municipality); every text is written for the demo. Counts are invented
but consistent: each month follows from the previous one and every breakdown adds up.
"""
from datetime import date, timedelta

from samordna.associations.models import Member
from samordna.board.models import Paragraph
from samordna.rules.followup import AGE_BANDS, GENDERS, SUPPORT_SOURCES, breakdown_field

from . import services
from .models import BudgetLine, Contract, ExitReason, Goal, GroupStart, Intervention, Orientation


def _spread(total, weights):
    """Split `total` by `weights` with largest remainders, so the parts always sum to the total."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    parts = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _months(today, count=12):
    month = today.replace(day=1)
    result = []
    for _ in range(count):
        month = (month - timedelta(days=1)).replace(day=1)
        result.append(month)
    return list(reversed(result))


def _values(association, end, started, ended, *, women, exits, queue=0, wait=None, referrals=None, goals=None):
    values = {"participants_end": end, "started": started, "ended": ended, "queue_end": queue, "median_wait_days": wait}
    for measure, total in (("participants_end", end), ("started", started), ("ended", ended)):
        for dim, cats, weights in (("gender", GENDERS, [women, 100 - women - 2, 2]), ("age", AGE_BANDS, [4, 22, 26, 22, 18, 8]),
                                   ("support", SUPPORT_SOURCES, [38, 12, 4, 22, 10, 10, 4])):
            for (key, _), n in zip(cats, _spread(total, weights)):
                values[breakdown_field(measure, dim, key)] = n
    reasons = list(ExitReason.objects.filter(association=association))
    for reason, n in zip(reasons, _spread(ended, [exits.get(r.name, 0) for r in reasons] if ended else [1] * len(reasons))):
        values[f"exit__{reason.pk}"] = n
    for member, n in (referrals or {}).items():
        values[f"referral__{member.pk}"] = n
    for goal, (reached, asked) in (goals or {}).items():
        values[f"goal__{goal.pk}__reached"], values[f"goal__{goal.pk}__asked"] = reached, asked
    return values


def _intervention(association, name, orientation, owners, municipalities, **fields):
    orientation = Orientation.objects.get(association=association, name=orientation)
    return services.save_intervention(Intervention(association=association, name=name, kind=orientation.kind,
                                                   orientation=orientation, **fields),
                                      owners=owners, municipalities=municipalities)


def _year_of_reports(intervention, today, flow, **kwargs):
    """`flow` gives (started, ended) per month; the end count runs on from the first month's starting group."""
    association = intervention.association
    end = kwargs.get("initial", 0)
    goal = intervention.goals.first()
    for i, month in enumerate(_months(today)):
        started, ended = flow(i)
        ended = min(ended, end + started)
        end = end + started - ended
        goals = {goal: (ended - (1 if i % 3 == 0 else 0), ended)} if goal and ended else None
        queue = kwargs.get("queue", lambda i: 0)(i)
        values = _values(association, end, started, ended, women=kwargs.get("women", 65), exits=kwargs["exits"],
                         queue=queue, wait=kwargs.get("wait", lambda i: None)(i),
                         referrals={m: n for m, n in zip(kwargs.get("referrers", []), _spread(started, [3, 2, 1]))} if started else None,
                         goals=goals)
        services.import_report(intervention, month, values, saved_by=None, today=today)


GREEN_EXITS = {"Arbete": 2, "Studier": 1, "Arbetssökande": 1, "Annan insats/arbetsträning hos Af, FK eller arbetsgivare": 1,
               "Fortsatt medicinsk behandling": 3, "Avbrott": 1, "Övrigt": 1}


def _skaraborg(association, today):
    m = {x.name: x for x in Member.objects.filter(association=association)}
    fk = m["Försäkringskassan"]
    year = today.year
    for name, municipality, provider, places in (("Elings ark", "Vara kommun", "Elings ark", 12),
                                                   ("Hantverksstegen", "Tibro kommun", "Tibro hantverksakademi", 10)):
        group = name == "Elings ark"
        intervention = _intervention(
            association, name, "Förberedande", [m[municipality], fk], [m[municipality]], provider=provider,
            start=date(2021, 1, 1), capacity_at_once=places, capacity_per_year=None if group else 20, group_based=group,
            places_per_group=12 if group else None, place=municipality.replace(" kommun", ""),
            description="Grön rehabilitering på en gård: odling, djur och samtal i grupp." if group else
            "Hantverk i liten grupp som väg tillbaka till aktivitet och arbete.",
            target_group="Personer som står långt från arbetsmarknaden och behöver stärka hälsa och aktivitetsförmåga.",
            contact="Insatsens samordnare via förbundets kansli, 0500-00 00 00.",
            referral="Handläggaren på Försäkringskassan eller kommunen remitterar efter samtal med den enskilde.")
        services.save_goal(Goal(intervention=intervention, indicator="andel som upplever förbättrad hälsa", target=70, unit="%"))
        services.save_budget_line(BudgetLine(intervention=intervention, year=year, amount=1_450_000 if group else 1_200_000))
        # The seed year's contract: procured, one year's extension granted by the board in November 2023.
        paragraph = Paragraph.objects.filter(meeting__body__association=association, title__icontains=name).first()
        contract = Contract(intervention=intervention, provider=provider, start=date(2022, 1, 1), end=date(2023, 12, 31),
                            extension_options="kan förlängas ett år, därefter ny ansökan och upphandling",
                            decide_by=date(2023, 11, 30))
        if paragraph:
            contract.decision_paragraph, contract.extended_until = paragraph, date(2024, 12, 31)
        services.save_contract(contract)
        services.save_contract(Contract(intervention=intervention, provider=provider, start=date(year, 1, 1),
                                        end=date(year, 12, 31), extension_options="kan förlängas ett år, därefter ny upphandling",
                                        decide_by=today + timedelta(days=45 if group else 150)))
        if group:
            for month in (1, 8):
                GroupStart.objects.get_or_create(intervention=intervention, date=date(year, month, 15), defaults={"places": 12})
            # Two groups a year: 9 of 12 places in spring, 7 in autumn (still running); a group runs about five months.
            _year_of_reports(intervention, today, lambda i: ((9, 0) if i == 0 else (7, 0) if i == 7 else (0, 9) if i == 5 else
                                                             (0, 0)), exits=GREEN_EXITS, women=80)
        else:
            _year_of_reports(intervention, today, lambda i: (2 if i % 2 == 0 else 1, 1 if i % 3 else 2),
                             exits=GREEN_EXITS, women=85, initial=7)


def _insjoriket(association, today):
    m = {x.name: x for x in Member.objects.filter(association=association)}
    municipalities = [x for x in m.values() if x.kind == Member.Kind.MUNICIPALITY]
    balder = _intervention(
        association, "Balder", "Samordnande", [m["Mölndals stad"], m["Försäkringskassan"]], municipalities,
        provider="Mölndals stad", start=date(2019, 1, 1), capacity_at_once=40, capacity_per_year=70, place="Mölndal",
        description="Samordnat stöd med coach och arbetsterapeut för att komma närmare arbete eller studier.",
        target_group="Vuxna 18–64 år med behov av samordnat stöd från minst två av förbundets medlemmar.",
        contact="Balders mottagning, 031-00 00 00, balder@example.se", referral="Remiss från FK, AF, vården eller kommunen.")
    services.save_goal(Goal(intervention=balder, indicator="andel som går vidare till arbete, studier eller arbetssökande",
                            target=40, unit="%"))
    services.save_budget_line(BudgetLine(intervention=balder, year=today.year, amount=4_200_000, planned_participants=70))
    referrers = [m["Försäkringskassan"], m["Västra Götalandsregionen"], m["Mölndals stad"]]
    # Referrals rise while three staff leave: the queue grows in the last months.
    _year_of_reports(balder, today, lambda i: (6 if i < 8 else 4, 5 if i < 8 else 4), women=60, initial=34,
                     exits={"Arbete": 3, "Studier": 2, "Arbetssökande": 2, "Fortsatt medicinsk behandling": 2, "Avbrott": 1},
                     queue=lambda i: 0 if i < 8 else 4 * (i - 7), wait=lambda i: 0 if i < 8 else 12 * (i - 7), referrers=referrers)
    services.ensure_defaults(association)


def _goteborg(association, today):
    m = {x.name: x for x in Member.objects.filter(association=association)}
    owners = [x for x in m.values() if x.kind in (Member.Kind.SOCIAL_INSURANCE, Member.Kind.MUNICIPALITY)]
    move_on = _intervention(
        association, "Move On", "Arbetslivsinriktade", owners[:2], [x for x in owners if x.kind == Member.Kind.MUNICIPALITY],
        provider="Göteborgs Stad", start=date(2020, 1, 1), capacity_at_once=60, esf_funded=True, place="Göteborg",
        description="Individen i centrum: ungefär sex månaders stöd från passivitet till aktivitet, mot arbete eller studier.",
        target_group="Personer med sjukpenning eller försörjningsstöd som behöver samordnad rehabilitering.",
        referral="Intresseanmälan via handläggare på Försäkringskassan eller socialtjänsten.")
    services.save_budget_line(BudgetLine(intervention=move_on, year=today.year, amount=1_150_000))
    # Exit reasons in the proportions of the final report: 32 / 38 / 23 / 5 / 2 %.
    _year_of_reports(move_on, today, lambda i: (9, 8), women=55, initial=45, exits={
        "Arbete": 20, "Studier": 12, "Annan insats/arbetsträning hos Af, FK eller arbetsgivare": 38,
        "Fortsatt medicinsk behandling": 23, "Sjukersättning": 5, "Övrigt": 2})


# Sjuhärad's plan: participants and funds (tkr) per municipality for the basic preparatory activity.
SJUHARAD_PLAN = {"Bollebygds kommun": (27, 610), "Borås Stad": (279, 6340), "Herrljunga kommun": (27, 610),
                 "Marks kommun": (98, 2225), "Svenljunga kommun": (31, 705), "Tranemo kommun": (33, 750),
                 "Ulricehamns kommun": (68, 1550), "Vårgårda kommun": (33, 750)}


def _sjuharad(association, today):
    municipalities = list(Member.objects.filter(association=association, kind=Member.Kind.MUNICIPALITY))
    fk = Member.objects.filter(association=association, kind=Member.Kind.SOCIAL_INSURANCE).first()
    aktiv = _intervention(
        association, "Aktiv kraft", "Förberedande", [fk] if fk else municipalities[:1], municipalities, provider="Kommunerna",
        start=date(2022, 1, 1), capacity_per_year=596, place="I alla åtta kommuner",
        description="Upp till halvtid i aktivitet: samtal, grupp, hälsa och studiemotivation, 6–24 veckor.",
        target_group="Personer 16–66 år med låg aktivitetsförmåga som behöver stöd från flera parter.",
        referral="Ansök via handläggare; deltagande är möjligt oavsett vilken Sjuhäradskommun man bor i.")
    for member in municipalities:
        participants, tkr = next((v for k, v in SJUHARAD_PLAN.items() if k.split()[0] == member.name.split()[0]), (None, None))
        if tkr:
            services.save_budget_line(BudgetLine(intervention=aktiv, year=today.year, municipality=member,
                                                 amount=tkr * 1000, planned_participants=participants))
    _year_of_reports(aktiv, today, lambda i: (50, 48), women=62, initial=140, exits=GREEN_EXITS)


BUILDERS = {"skaraborg": _skaraborg, "insjoriket": _insjoriket, "goteborg": _goteborg, "sjuharad": _sjuharad}


def load(association, today):
    """Add the demo interventions to one demo association (once, on a freshly built association)."""
    services.ensure_defaults(association)
    if association.interventions.exists():
        return
    builder = BUILDERS.get(association.slug)
    if builder:
        builder(association, today)
