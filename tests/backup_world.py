"""Two associations with something in most corners, built through the services, for the backup tests
(imported by plain name). Names and texts are our own."""
import io
from datetime import date, time
from decimal import Decimal as D

import docx
import openpyxl
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django_otp.plugins.otp_totp.models import TOTPDevice

from factories import Lake, write_paragraph
from samordna.accounts import audit
from samordna.accounts import services as account_services
from samordna.accounts.models import AssociationRole
from samordna.associations import services as association_services
from samordna.board import importing
from samordna.board import services as board_services
from samordna.board.models import Body, Meeting, Person
from samordna.control import services as control_services
from samordna.economy import services as economy_services
from samordna.economy.models import Budget, BudgetLine, FinancingPlan
from samordna.interventions import services as intervention_services
from samordna.interventions.models import Goal, Intervention, Orientation
from samordna.registry import services as registry_services
from samordna.registry.models import Case
from samordna.survey import services as survey_services

PASSWORD = "ett-långt-lösenord-för-test"
PROTOCOL_TEXT = """Protokoll fört vid styrelsemöte
Datum: 2021-09-30
Plats: Kansliet

§ 1 Mötets öppnande
Ordföranden öppnade mötet.
"""


def word_file(text):
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel_file(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _user(username, **extra):
    return User.objects.create_user(username, email=f"{username}@exempel.invalid", password=PASSWORD, **extra)


def build():
    """Returns a dict of what the tests look at: 'lake' (Sjölandet) and 'fell' (Fjället), users by role."""
    lake = Lake()
    home = lake.association

    # People with logins: a secretary with two-factor, a chief shared with the other association, a reporter.
    secretary = _user("sekreteraren", first_name="Åsa", last_name="Ek")
    shared = _user("gemensamma-chefen")
    reporter = _user("rapportoren")
    for user, role in ((secretary, "secretary"), (shared, "admin"), (reporter, "reporter")):
        AssociationRole.objects.create(user=user, association=home, role=role)
    TOTPDevice.objects.create(user=secretary, name="Telefonen", confirmed=True)
    account_services.new_recovery_codes(secretary)
    office = Group.objects.create(name="Kansliets läsare")
    office.permissions.add(Permission.objects.get(codename="view_case"))
    secretary.groups.add(office)
    secretary.user_permissions.add(Permission.objects.get(codename="change_meeting"))
    account_services.invite(home, "ny.ledamot@exempel.invalid", "board_member", secretary)
    Person.objects.filter(pk=lake.people["Ledamot Mölndals"].pk).update(user=secretary)

    # A meeting with attendance, paragraphs and decisions.
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    plan_paragraph = write_paragraph(meeting, "Verksamhetsplan för 2022", start=time(13, 40),
                                     decisions="fastställa verksamhetsplanen\nuppdra åt kansliet att följa upp")
    write_paragraph(meeting, "Insats för unga vuxna i Partille", start=time(14, 10),
                    decisions="bevilja 1 150 tkr för 2022", case_number="12/21")

    # The register: a case with files of three kinds, one confidential.
    case = registry_services.save_case(Case(association=home, number="12/21", title="Ansökan om medel för unga vuxna",
                                            received_on=date(2021, 10, 4), description="Partille söker medel för språkstöd."))
    registry_services.add_document(case, filename="ansökan.docx", kind="incoming", title="Ansökan från Partille",
                                   data=word_file("Ansökan om medel\nVi söker 1 150 tkr för språkstöd åt unga vuxna."),
                                   user=secretary)
    registry_services.add_document(case, filename="budget för insatsen.xlsx", kind="attachment", title="Budget",
                                   data=excel_file([["Post", "Belopp"], ["Personal", 950], ["Lokaler", 200]]))
    registry_services.add_document(case, filename="uppgifter.txt", kind="attachment", title="Känsliga uppgifter",
                                   data="Underlag med sekretess: råd, åtgärder och övrigt.\n".encode(), confidential=True,
                                   user=secretary)

    # An imported protocol, kept as the uploaded bytes.
    importing.upload(home, [("protokoll 2021-09-30.txt", PROTOCOL_TEXT.encode()),
                            ("protokoll 2021-10-28.docx", word_file(PROTOCOL_TEXT.replace("09-30", "10-28")))], user=secretary)

    # Follow-up: an intervention with a goal, a group start and a reporter.
    intervention_services.ensure_defaults(home)
    orientation = Orientation.objects.filter(association=home, kind="individual").first()
    intervention = intervention_services.save_intervention(
        Intervention(association=home, name="Steget vidare", kind="individual", orientation=orientation,
                     start=date(2022, 1, 1), end=date(2023, 12, 31)),
        owners=[lake.members["Partille kommun"], lake.members["Försäkringskassan"]],
        municipalities=[lake.members["Partille kommun"]])
    intervention_services.save_goal(Goal(intervention=intervention, indicator="andel som börjar arbeta eller studera",
                                         target=D("35.5")))
    intervention_services.assign_reporter(intervention, reporter)

    # Money, internal control and the survey.
    economy_services.save_plan(FinancingPlan(association=home, year=2022, requested_total=D(20_000)))
    budget = economy_services.save_budget(Budget(association=home, year=2022, opening_equity=D("5000.5")))
    economy_services.save_line(BudgetLine(association=home, budget=budget, section=BudgetLine.Section.INCOME,
                                          label="Bidrag från medlemmarna", amount=D(20_000), accounts="3000-3099"))
    control_plan = control_services.save_plan(home, year=2022, adopted_at=plan_paragraph)
    risk = control_services.save_risk(control_plan, title="Resultat kan inte redovisas", process="Uppföljning",
                                      probability=2, consequence=4, responsible=lake.people["Ledamot Lerums"])
    control_services.add_follow_up(risk, date=date(2022, 6, 1), assessment="Två rapporter saknades.", status="deviation")
    questionnaire = survey_services.create_questionnaire(home, "Avslutsenkät", publish_on=date(2022, 1, 1))
    distribution = survey_services.create_distribution(home, questionnaire, intervention=intervention, requires_code=True)
    survey_services.generate_codes(distribution, 3)

    LogEntry.objects.create(user=secretary, content_type=ContentType.objects.get_for_model(Case), object_id=str(case.pk),
                            object_repr=case.title, action_flag=ADDITION, change_message="[]")

    # The other association, with its own people, case and file, and a user of its own.
    fell = association_services.create_association(slug="fjallet", name="Samordningsförbundet Fjället")
    fell_board = association_services.save_body(Body(association=fell, name="Styrelsen", slug="styrelsen",
                                                     kind=Body.Kind.BOARD))
    outsider = _user("fjallets-sekreterare")
    AssociationRole.objects.create(user=outsider, association=fell, role="secretary")
    AssociationRole.objects.create(user=shared, association=fell, role="board_member")
    TOTPDevice.objects.create(user=outsider, name="Fjällets telefon", confirmed=True)
    Person.objects.create(association=fell, name="Ordförande i Fjället", user=outsider)
    fell_meeting = board_services.save_meeting(Meeting(body=fell_board, date=date(2021, 12, 2), start=time(9, 0),
                                                       place="Fjällstugan"))
    write_paragraph(fell_meeting, "Fjällets budget", start=time(9, 5), kind="information", text="Budgeten redovisas.")
    fell_case = registry_services.save_case(Case(association=fell, number="3/21", title="Fjällets remiss",
                                                 received_on=date(2021, 11, 1)))
    registry_services.add_document(fell_case, filename="remiss.txt", kind="incoming", title="Fjällets remisstext",
                                   data="Fjällets egen handling.\n".encode(), user=outsider)
    # Fjället's secretary tried a page of Sjölandet: the refusal is in Sjölandet's audit log, with the user's name.
    audit.record_denied(user=outsider, association=home, action="GET /f/sjolandet/diarium/", reason="Ingen roll.")
    return {"lake": home, "fell": fell, "secretary": secretary, "shared": shared, "outsider": outsider}
