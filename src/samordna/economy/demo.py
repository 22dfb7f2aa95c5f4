"""Demo money for the seed associations, written for the demo (figures from the seed documents).

- Sjuhärad: the financing plan 2024–2026 (18 022 tkr in 2024, 20 000 tkr the following years) and the budget 2024
  in the layout of its "ekonomisk sammanställning", with actuals for the first two tertials. The population figures
  at 2023-06-30 and 2024-06-30 are chosen close to SCB's so that the split reproduces the adopted plan exactly.
- Skaraborg: the budget plan 2024 (27,5 mnkr to interventions, 3,7 mnkr to administration, result −7,1 mnkr,
  12,8 mnkr equity carried over) and the NNS service fee raised from 2 ‰ to 3,5 ‰ of the allocation.
- Göteborg: the budget 2023 with the outcome of 2022 beside it (income 69 mnkr, costs 75,9 mnkr, result
  −6,9 mnkr, equity down from 19,5 to 12,6 mnkr as in the annual report); the 2023 amounts are invented.
- Sjuhärad also gets its business plan 2024 (texts and goals in our own words), adopted by the board's paragraph
  of 2023-11-29 and so frozen with its SHA-256.
- Insjöriket: Härryda's notice of withdrawal (2020-06-15), revoked in the autumn of 2022 (the date of the
  revocation is invented), and its yearly member fee of 590 tkr.
`load(association, today)` is meant for a freshly built demo association; it adds nothing twice.
"""
from datetime import date
from decimal import Decimal as D

from samordna.associations.models import Member
from samordna.associations.services import set_population

from samordna.board.models import Paragraph
from samordna.interventions.models import Intervention

from . import services, services_plan
from .models import Budget, BudgetLine, BusinessPlan, EconomySettings, Fee, FinancingPlan, PlanGoal, Withdrawal

INDIVIDUAL, STRUCTURAL = BudgetLine.Section.INDIVIDUAL, BudgetLine.Section.STRUCTURAL
OVERHEAD, INCOME = BudgetLine.Section.OVERHEAD, BudgetLine.Section.INCOME
C = BudgetLine.Category

SJUHARAD_POPULATION = {  # (2023-06-30, 2024-06-30)
    "Borås Stad": (114_517, 114_970), "Marks kommun": (35_243, 35_574), "Ulricehamns kommun": (25_140, 25_206),
    "Vårgårda kommun": (12_316, 12_349), "Tranemo kommun": (11_909, 12_073), "Svenljunga kommun": (10_775, 10_921),
    "Bollebygds kommun": (9_712, 9_769), "Herrljunga kommun": (9_488, 9_539),
}
ACTIVE_STRENGTH = "Aktiv kraft med Pulsstöd"
# (label, Member, intervention, participants, tkr, account)
SJUHARAD_INDIVIDUAL = [
    ("Individinriktat, Bollebygd", "Bollebygds kommun", ACTIVE_STRENGTH, 27, 610, "4011"),
    ("Individinriktat, Borås (Aktiv kraft, Studiesteget, Gröna vägen framåt)", "Borås Stad",
     f"{ACTIVE_STRENGTH}; Gröna vägen framåt", 342, 8175, "4012"),
    ("Individinriktat, Herrljunga", "Herrljunga kommun", ACTIVE_STRENGTH, 27, 610, "4013"),
    ("Individinriktat, Mark", "Marks kommun", ACTIVE_STRENGTH, 98, 2225, "4014"),
    ("Individinriktat, Svenljunga", "Svenljunga kommun", ACTIVE_STRENGTH, 31, 705, "4015"),
    ("Individinriktat, Tranemo", "Tranemo kommun", ACTIVE_STRENGTH, 33, 750, "4016"),
    ("Individinriktat, Ulricehamn", "Ulricehamns kommun", ACTIVE_STRENGTH, 68, 1550, "4017"),
    ("Individinriktat, Vårgårda", "Vårgårda kommun", ACTIVE_STRENGTH, 33, 750, "4018"),
]
# (label, category, tkr, previous year's outcome, account range)
SJUHARAD_OVERHEAD = [
    ("Styrelsearvoden och övriga omkostnader", C.BOARD_FEES, 280, 262, "7010-7099"),
    ("Kanslipersonal, lokaler, IT och material", C.OFFICE_STAFF, 1780, 1712, "5000-6399"),
    ("Projektledningspersonal", C.PROJECT_MANAGEMENT, 1675, 1540, "7200-7299"),
    ("Ekonomiservice och revision", C.FINANCE_AUDIT, 195, 188, "6400-6499"),
]
SKARABORG_LINES = [
    (INCOME, "", "Bidrag från medlemmarna", 17_143, "3000-3099"),
    (INCOME, "", "ESF-medel till Cresco+", 6_957, "3100-3199"),
    (INDIVIDUAL, "", "Förberedande insatser", 5_500, "4010-4019"),
    (INDIVIDUAL, "", "Cresco+ (ESF-projekt)", 18_000, "4020-4029"),
    (INDIVIDUAL, "", "Övriga individinriktade insatser", 1_200, "4030-4039"),
    (STRUCTURAL, "", "Kompetensutveckling och samverkan", 2_800, "4500-4599"),
    (OVERHEAD, C.BOARD_FEES, "Styrelsearvoden", 700, "7010-7099"),
    (OVERHEAD, C.OFFICE_STAFF, "Kanslipersonal", 2_100, "7200-7299"),
    (OVERHEAD, C.PREMISES, "Lokaler", 300, "5000-5099"),
    (OVERHEAD, C.IT, "IT och material", 150, "5400-5499"),
    (OVERHEAD, C.FINANCE_AUDIT, "Ekonomiservice och revision", 450, "6400-6499"),
]


def load(association, today=None):
    builders = {"sjuharad": _sjuharad, "skaraborg": _skaraborg, "insjoriket": _insjoriket, "goteborg": _goteborg}
    builder = builders.get(association.slug)
    if builder is not None and not EconomySettings.objects.filter(association=association).exists():
        builder(association)
    return association


def _member(association, name):
    return Member.objects.get(association=association, name=name)


def _line(budget, position, section, label, amount, accounts, **extra):
    return services.save_line(BudgetLine(association=budget.association, budget=budget, position=position, section=section,
                                         label=label, amount=D(amount), accounts=accounts, **extra))


def _sjuharad(association):
    services.save_settings(EconomySettings(association=association, unit=D("0.1"), minimum_equity=D(2000)))
    for name, (in_2023, in_2024) in SJUHARAD_POPULATION.items():
        member = _member(association, name)
        set_population(member, date(2023, 6, 30), in_2023)
        set_population(member, date(2024, 6, 30), in_2024)
    decision = "Förbundsstyrelsen 2023-11-29 § 56 (verksamhetsplan 2024)"
    services.save_plan(FinancingPlan(association=association, year=2024, requested_total=D(20_000),
                                     state_allocation=D(9011), decision=decision))
    services.save_plan(FinancingPlan(association=association, year=2025, requested_total=D(20_000), unit=D(1),
                                     population_date=date(2023, 6, 30), decision=decision,
                                     note="Befintlig nivå för äskandet och nuvarande folkmängd."))
    services.save_plan(FinancingPlan(association=association, year=2026, requested_total=D(20_000), unit=D(1),
                                     population_date=date(2024, 6, 30), decision=decision))
    budget = services.save_budget(Budget(association=association, year=2024, opening_equity=D(4_200), decision=decision))
    _line(budget, 1, INCOME, "Bidrag från medlemmarna", 18_022, "3000-3099", previous_outcome=D(18_400))
    position = 10
    # The interventions demo (loaded before this one) registers "Aktiv kraft"; the municipalities' lines point at it.
    active = Intervention.objects.filter(association=association, name="Aktiv kraft").first()
    for label, member, intervention, participants, amount, account in SJUHARAD_INDIVIDUAL:
        position += 1
        # Last year's outcome is invented for the demo: a little under this year's budget.
        _line(budget, position, INDIVIDUAL, label, amount, account, member=_member(association, member),
              intervention=active if intervention == ACTIVE_STRENGTH else None,  # Borås's line covers three
              intervention_label=intervention, participants=participants,
              previous_outcome=D(round(amount * 0.96)))
    _line(budget, 30, STRUCTURAL, "Strukturövergripande, Sjuhärad (möten, utbildning, metod)", 380, "4500-4599",
          intervention_label="Utbildning och utveckling", participants=400, previous_outcome=D(352))
    for n, (label, category, amount, previous, accounts) in enumerate(SJUHARAD_OVERHEAD, start=40):
        _line(budget, n, OVERHEAD, label, amount, accounts, category=category, previous_outcome=D(previous))
    services.import_actuals(budget, _sjuharad_bookings().encode(), "huvudbok-2024-t1-t2.csv")
    _sjuharad_business_plan(association)


# The business plan 2024 in our own words, with the goals and sub-goals of the association's plan.
SJUHARAD_TEXTS = {
    "introduction": "Förbundet finansierar insatser för personer i arbetsför ålder som behöver stöd från flera "
                    "myndigheter samtidigt för att närma sig arbete, och insatser som får medlemmarna att arbeta "
                    "bättre tillsammans. Insatserna kompletterar medlemmarnas eget ansvar; de ersätter det inte.",
    "vision": "Tillsammans ger vi fler möjlighet att försörja sig genom eget arbete.",
    "foundations": "Verksamheten styrs av lagen om finansiell samordning och förbundsordningen. Staten bidrar "
                   "genom Försäkringskassan med hälften av medlen och regionen och kommunerna med en fjärdedel var.\n\n"
                   "Grundutbudet ska finnas i alla åtta kommuner så att den som bor i en mindre kommun får samma "
                   "möjligheter som den som bor i Borås. Nya arbetssätt prövas helst i projekt och förs sedan över "
                   "till medlemmarnas ordinarie verksamhet.",
    "focus": "Ett likvärdigt förberedande stöd i alla kommuner\nGemensamma digitala insatser, gärna i projektform\n"
             "Kompetensutveckling för personal hos medlemmarna",
    "structure": "Varje insats följs upp enligt de nationellt överenskomna kategorierna. Utförarna redovisar "
                 "antal deltagare och progression; förbundet rapporterar till det nationella uppföljningssystemet.",
    "individual": "Insatserna riktar sig till personer mellan 16 och 66 år med sammansatta behov, som behöver "
                  "stöd från minst två av parterna. Den som remitterar behåller ansvaret under tiden i insatsen.",
    "structural": "Insatserna riktar sig till chefer, personal och förtroendevalda hos medlemmarna och ska göra "
                  "samverkan kring arbetslivsinriktad rehabilitering enklare.",
    "governance": "Styrelsen beslutar om mål och budget och följer upp dem tertialvis. Beredningsgruppen med en "
                  "representant per part förbereder verksamhetsplanen vår och höst. Kansliet leds av "
                  "förbundschefen och sköter ärenden till styrelsen, uppföljning och ekonomi.",
    "economy": "Kostnaderna för 2024 beräknas bli högre än intäkterna. Underskottet täcks av det egna kapitalet, "
               "som ändå väntas ligga över förbundets mål.",
    "follow_up": "Budgetens ekonomiska och verksamhetsmässiga mål följs upp varje tertial och sammanfattas i "
                 "årsredovisningen.",
}
SJUHARAD_GOALS = [
    (PlanGoal.Level.GOAL, "Insatserna ökar deltagarnas möjligheter att försörja sig genom arbete",
     "Medlemmarnas enkätsvar om strukturell nytta\nDeltagarnas progression mot arbete"),
    (PlanGoal.Level.SUBGOAL, "Parterna använder och följer upp de insatser som avtalats",
     "Antal deltagare enligt den nationella uppföljningen"),
    (PlanGoal.Level.SUBGOAL, "Förbundet ska ha minst 2 000 tkr eget kapital för oförutsedda händelser",
     "Ekonomisk redovisning tertialvis"),
]


def _sjuharad_business_plan(association):
    plan = BusinessPlan.objects.create(association=association, year=2024, texts=SJUHARAD_TEXTS)
    for position, (level, text, indicators) in enumerate(SJUHARAD_GOALS, 1):
        PlanGoal.objects.create(plan=plan, level=level, text=text, indicators=indicators, position=position)
    paragraph = Paragraph.objects.filter(meeting__body__association=association, meeting__date=date(2023, 11, 29),
                                         title="Verksamhetsplan 2024").first()
    if paragraph is not None:
        services_plan.adopt(plan, paragraph)


def _sjuharad_bookings():
    """Two tertials booked evenly: contributions in two halves, interventions and overhead by the month."""
    rows = ["datum;konto;belopp"]
    rows += [f"2024-01-31;3010;-{18_022_000 // 2}", "2024-07-31;3010;-9011000"]
    monthly = {"4011": 50_800, "4012": 681_000, "4013": 50_800, "4014": 185_400, "4015": 58_750, "4016": 62_500,
               "4017": 129_200, "4018": 62_500, "4510": 25_000, "7010": 23_300, "5010": 148_300, "7210": 139_600,
               "6420": 16_250}
    for month in range(1, 9):
        for account, amount in monthly.items():
            rows.append(f"2024-{month:02d}-28;{account};{amount}")
    return "\n".join(rows)


def _skaraborg(association):
    services.save_settings(EconomySettings(association=association, unit=D(1), population_reference="12-31"))
    services.save_plan(FinancingPlan(association=association, year=2024, requested_total=D(17_143),
                                     decision="Styrelsen 2023-11-21, protokoll 6 § 6 a"))
    budget = services.save_budget(Budget(association=association, year=2024, opening_equity=D(12_800),
                                         decision="Styrelsen 2023-11-21, protokoll 6 § 6 a (budgetplan 2024–2026)"))
    for n, (section, category, label, amount, accounts) in enumerate(SKARABORG_LINES, start=1):
        _line(budget, n, section, label, amount, accounts, category=category)
    for year, rate in ((2023, "2"), (2024, "3.5")):
        services.save_fee(Fee(association=association, year=year, name="Serviceavgift till NNS", base=D(17_143),
                              per_mille=D(rate), decision="Styrelsen 2023-11-21, protokoll 6 § 6 j" if year == 2024 else ""))


GOTEBORG_LINES = [  # (section, category, label, budget 2023, outcome 2022, accounts)
    (INCOME, "", "Bidrag från medlemmarna", 66_000, 69_000, "3000-3099"),
    (INDIVIDUAL, "", "Individinriktade insatser", 52_000, 55_000, "4000-4499"),
    (STRUCTURAL, "", "Strukturövergripande insatser", 12_000, 13_000, "4500-4999"),
    (OVERHEAD, C.BOARD_FEES, "Styrelsearvoden och omkostnader", 1_300, 1_300, "7010-7099"),
    (OVERHEAD, C.OFFICE_STAFF, "Kansli", 5_800, 5_500, "7200-7299"),
    (OVERHEAD, C.FINANCE_AUDIT, "Ekonomiservice och revision", 1_100, 1_100, "6400-6499"),
]


def _goteborg(association):
    services.save_settings(EconomySettings(association=association, unit=D(1)))
    budget = services.save_budget(Budget(association=association, year=2023, opening_equity=D(12_600),
                                         decision="Förbundsstyrelsen, budget 2023"))
    for n, (section, category, label, amount, previous, accounts) in enumerate(GOTEBORG_LINES, start=1):
        _line(budget, n, section, label, amount, accounts, category=category, previous_outcome=D(previous))


def _insjoriket(association):
    services.save_settings(EconomySettings(association=association))
    harryda = _member(association, "Härryda kommun")
    withdrawal = Withdrawal(association=association, member=harryda, notice_date=date(2020, 6, 15),
                            received_on=date(2020, 6, 22), decision="Kommunfullmäktige i Härryda 2020-06-15 § 128")
    services.register_withdrawal(withdrawal)
    services.revoke_withdrawal(withdrawal, date(2022, 11, 24), "Kommunfullmäktige i Härryda hösten 2022")
    services.save_fee(Fee(association=association, year=2022, name="Medlemsbidrag", member=harryda,
                          fixed_amount=D(590), decision="Härryda kommuns budget 2022"))
