"""Demo: Skaraborg's internal control plan 2023 with the follow-up reported on 2023-11-21, and a 2024 draft.

The risks follow the themes of Skaraborg's table (innovation, reporting of qualitative results, follow-up
of projects, staff turnover, legal support for follow-up); every text is written for the demo.
"""
from datetime import date

from samordna.board.models import Paragraph, Person

from . import services
from .models import FollowUp, Risk

CHIEF = "Therese Lundin"
CHAIR = "Maria Ljungqvist"

# (title, process, probability, consequence, action plan, control method, frequency, responsible,
#  follow-up status, assessment, new (probability, consequence) or None)
RISKS = [
    ("Förbundet tappar förmågan att förnya sig", "Verksamhetsutveckling", 2, 3,
     "Förbundschefen planerar in moment om nya arbetssätt på gemensamma heldagar. Styrelse och beredningsgrupp "
     "uppmuntras att pröva idéer i liten skala och att ställa nyfikna frågor.",
     "Genomgång av program och minnesanteckningar från heldagar och beredningsgrupp", Risk.Frequency.HALF_YEARLY,
     CHIEF, FollowUp.Status.ONGOING,
     "Momenten har funnits med, men inte vid varje tillfälle. Arbetet behöver fortsätta strategiskt.", None),
    ("Verksamhetens kvalitativa resultat redovisas inte", "Uppföljning", 3, 3,
     "Förbundschefen bevakar frågan i det nationella nätverket. Styrelsen har frågan som stående punkt tills en "
     "hållbar lösning för uppföljning finns på plats.",
     "Stående punkt på styrelsens dagordning", Risk.Frequency.EVERY_MEETING, CHAIR, FollowUp.Status.DONE,
     "Planen följs; frågan har tagits upp vid varje sammanträde.", (3, 2)),
    ("Projekt följs inte upp och utvärderas inte", "Uppföljning", 3, 3,
     "Processtödet deltar i alla styrgrupper och ser till att projekten själva samlar sina resultat, så att årets "
     "data finns kvar när en gemensam lösning kommer.",
     "Kontroll av styrgruppsprotokoll", Risk.Frequency.QUARTERLY, CHIEF, FollowUp.Status.DEVIATION,
     "Tjänsten som processtödjare har varit vakant. Förbundschef och utvecklingsledare har suttit i styrgrupperna, "
     "men uppföljningen har inte kunnat drivas som planerat.", (4, 3)),
    ("Projektmedarbetare slutar", "Personal", 3, 2, "",
     "Uppgifter om personalomsättning i delårs- och helårsrapporterna", Risk.Frequency.HALF_YEARLY, CHIEF,
     FollowUp.Status.DONE,
     "Omsättningen har varit hög i Cresco+ men låg i övriga insatser. Väntetider för deltagare beror snarare på "
     "kommunernas egna regler än på personalbyten.", None),
    ("Lagstöd saknas för kvalitativ uppföljning", "Uppföljning", 4, 3,
     "Frågan bevakas nationellt och tas upp vid varje styrelsemöte. Styrelsen driver den också genom en skrivelse och "
     "kontakter med riksdagens socialförsäkringsutskott.",
     "Rapport från förbundschefen", Risk.Frequency.EVERY_MEETING, CHAIR, FollowUp.Status.ONGOING,
     "Planen följs, men ingen i styrelsen har ännu varit i kontakt med utskottet. Styrelsen vill få skrivelsen "
     "som skickades till utskottets ordförande.", None),
]


def _person(association, name):
    return Person.objects.filter(association=association, name=name).first()


def load(association, today):
    """Add the plans to Skaraborg (called once, on a freshly built association)."""
    reported = Paragraph.objects.filter(meeting__body__association=association, meeting__date=date(2023, 11, 21),
                                        title__startswith="Internkontrollplan").first()
    plan = services.save_plan(association, year=2023, reported_at=reported,
                              note="Planen togs fram av kansliet och styrelseberedningen under våren 2023.")
    for (title, process, probability, consequence, action, method, frequency, responsible, status, assessment,
         new) in RISKS:
        risk = services.save_risk(plan, title=title, process=process, probability=probability, consequence=consequence,
                                  action_plan=action, control_method=method, frequency=frequency,
                                  responsible=_person(association, responsible))
        services.add_follow_up(risk, date=date(2023, 11, 21), assessment=assessment, status=status,
                               new_probability=new[0] if new else None, new_consequence=new[1] if new else None)
    # Next year's plan starts as a copy, ready to be reviewed and put before the board for adoption.
    services.copy_plan(plan, year=2024)
    return plan
