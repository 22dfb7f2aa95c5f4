"""Demo data for the case register of Samordningsförbundet Skaraborg (all text written for the demo).

Cases numbered "NN/23" for the autumn 2023 decisions, each with small generated text documents; assignments that
the November decisions gave (one reported back at the next board meeting, one overdue); a delegation order with
decisions to report; and a Lex Heller notification.
"""
from datetime import date, timedelta

from samordna.board.models import Body, Meeting, Paragraph, Person

from . import services, services_dispatch, services_followup
from .models import Assignment, Case, DelegatedDecision, DelegationPoint, Notification

# (number, title, received, status, paragraph title in the protocol of 2023-11-21 or "", documents)
CASES = [
    ("38/23", "Budgetplan 2024–2026", date(2023, 9, 12), Case.Status.DECIDED, "Budgetplan 2024–2026",
     [("statement", "Tjänsteutlåtande budgetplan", "Förbundschefen föreslår att styrelsen godkänner budgetplanen. "
       "Prognosen för 2023 visar ett underskott och det egna kapitalet minskar."),
      ("attachment", "Budgetplan 2024–2026", "Budget per år: insatser, drift och samverkansdag. Resultat per år.")]),
    ("41/23", "Uppföljning av förbundets insatser utan personuppgifter", date(2023, 9, 28), Case.Status.DECIDED,
     "Uppföljning av förbundets insatser utan personuppgifter",
     [("statement", "Tjänsteutlåtande uppföljning", "Kansliet föreslår nya frågor i rapportmallarna och en anonym avslutsenkät."),
      ("attachment", "Mall för helårsrapport", "Frågor om måluppfyllelse, samverkan och antal deltagare per kön.")]),
    ("44/23", "Förlängning av avtal – Elings ark", date(2023, 10, 16), Case.Status.DECIDED, "Förlängning av avtal – Elings ark",
     [("incoming", "Skrivelse från Vara kommun", "Kommunen önskar förlänga avtalet om Elings ark ett år."),
      ("statement", "Tjänsteutlåtande Elings ark", "Beredningsgruppen tillstyrker förlängning till och med 2024.")]),
    ("45/23", "Ny ansökan – Stoppa våldet", date(2023, 10, 20), Case.Status.DECIDED, "Ny ansökan – Stoppa våldet",
     [("incoming", "Ansökan Stoppa våldet 2024", "Försäkringskassan och Arbetsförmedlingen söker fortsatt finansiering.")]),
    ("47/23", "Höjd serviceavgift till det nationella nätverket", date(2023, 10, 30), Case.Status.DECIDED,
     "Höjd serviceavgift till det nationella nätverket",
     [("incoming", "Förslag från nätverket", "Avgiften föreslås höjas från 2 till 3,5 promille av tilldelningen.")]),
    ("16/23", "Samverkansdag i Skaraborg 2024", date(2023, 3, 2), Case.Status.CLOSED, "",
     [("outgoing", "Inbjudan till samverkansdagen", "Välkommen till en dag om samverkan för alla parters medarbetare.")]),
]


def _document(case, kind, title, text, confidential=False):
    filename = title.lower().replace(" ", "-").replace("–", "") + ".txt"
    services.add_document(case, filename=filename, data=(title + "\n\n" + text + "\n").encode("utf-8"), kind=kind, title=title,
                          confidential=confidential)


def _person(association, name):
    return Person.objects.filter(association=association, name=name).first() or Person.objects.create(association=association, name=name)


def load(association, today):
    board = Body.objects.get(association=association, slug="styrelsen")
    november = Meeting.objects.filter(body=board, date=date(2023, 11, 21)).first()
    chief = _person(association, "Therese Lundin")
    administrator = _person(association, "Sara Wennberg")
    upcoming = Meeting.objects.filter(body=board, date__gte=today).order_by("date").first()

    cases = {}
    for number, title, received, status, paragraph_title, documents in CASES:
        case = services.save_case(Case(association=association, number=number, title=title, received_on=received, status=status,
                                       handling_officer=chief))
        for kind, doc_title, text in documents:
            _document(case, kind, doc_title, text)
        if november and paragraph_title and not november.frozen:
            # The demo's protocol is written without case numbers; the register links them here.
            Paragraph.objects.filter(meeting=november, title=paragraph_title).update(case_number=number)
        cases[number] = case
    _document(cases["45/23"], "attachment", "Uppgifter om enskild deltagare", "Underlag som omfattas av sekretess.", confidential=True)
    # Extracts of the decisions go to a Member's registry (example.se: nothing is really sent from the demo).
    member = association.members.order_by("name").first()
    if member is not None:
        for case in cases.values():
            services_dispatch.add_recipient(case, name=f"{member.name}, registraturen", email="registrator@example.se")

    year = today.year % 100
    ready = services.save_case(Case(association=association, number=f"03/{year:02d}", title="Upphandling av sakkunnigt revisorsbiträde",
                                    received_on=today - timedelta(days=20), handling_officer=chief))
    _document(ready, "statement", "Tjänsteutlåtande revisorsbiträde", "Kansliet föreslår att ett nytt biträde upphandlas "
              "tillsammans med den statligt upphandlade revisorn.")
    services.save_case(Case(association=association, number="2022VFN360", title="Remiss från Vara kommun om finansiering",
                            received_on=today - timedelta(days=60), handling_officer=administrator))

    _assignments(association, board, november, chief, upcoming, today)
    _delegation(association, chief, today)
    services_followup.save_notification(Notification(
        association=association, category="Lex Heller", received_on=today - timedelta(days=12), sender="Friskvågen (Götene kommun)",
        subject="Ny underleverantör för gruppverksamhet", case_number=f"05/{year:02d}",
        action="Anmälan tas upp vid nästa styrelsemöte."))


def _decision(november, title, starts):
    if november is None:
        return None
    paragraph = november.paragraphs.filter(title=title).first()
    if paragraph is None:
        return None
    return next((d for d in paragraph.decisions.all() if d.text.startswith(starts)), None)


def _assignments(association, board, november, chief, upcoming, today):
    preparatory = Body.objects.filter(association=association, slug="beredningsgruppen").first()
    follow_up = "Uppföljning av förbundets insatser utan personuppgifter"
    rows = [
        dict(title="Upphandla en jurist som granskar att avslutsenkäten är anonym", owner=chief, due_on=date(2024, 1, 31),
             status=Assignment.Status.DONE, completed_on=date(2024, 1, 22), decision=_decision(november, follow_up, "låta kansliet")),
        dict(title="Utreda kostnaden för att knyta en forskare till insatserna", owner=chief,
             due_on=upcoming.date if upcoming else today + timedelta(days=30), report_to=upcoming,
             decision=_decision(november, follow_up, "ge kansliet")),
        dict(title="Beredningsgruppen återkopplar om organiseringen av insatserna till styrelsen", owner_body=preparatory or board,
             due_on=today - timedelta(days=10), note="Styrelsen ville få besked innan verksamhetsplanen tas."),
    ]
    for row in rows:
        services_followup.save_assignment(Assignment(association=association, **row))


def _delegation(association, chief, today):
    points = {}
    for code, title, delegate in [
        ("1.1", "Attest av fakturor inom budget", "Förbundschef"),
        ("2.1", "Anställning av personal på kansliet", "Förbundschef"),
        ("3.1", "Yttranden i brådskande ärenden", "Ordförande"),
        ("4.1", "Förlängning av avtal med oförändrade villkor", "Förbundschef"),
    ]:
        points[code] = services_followup.save_delegation_point(
            DelegationPoint(association=association, code=code, title=title, delegate=delegate))
    chair = _person(association, "Maria Ljungqvist")
    for code, person, days, subject in [
        ("2.1", chief, 40, "Visstidsanställning av en processtödjare till och med årets slut"),
        ("4.1", chief, 25, "Förlängning av avtalet om lokalvård med ett år"),
        ("3.1", chair, 9, "Yttrande över regionens remiss om samverkan kring rehabilitering"),
    ]:
        services_followup.save_delegated_decision(DelegatedDecision(
            association=association, point=points[code], decided_by=person, decided_on=today - timedelta(days=days), subject=subject,
            announce=code == "4.1"))
