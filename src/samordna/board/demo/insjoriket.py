"""Samordningsförbundet Insjöriket: eight Members with one seat each, § numbers running on across the years.

The structure of the board's meeting on 2021-11-25 follows the public protocol (who held which seat,
who was there when, which paragraphs were tabled because the board was no longer quorate); the
people are invented and every text is written for the demo.
"""
from .common import (AF, FK, INFORMATION, MUNICIPALITY, REGION, Body, Builder, Role, clock, date, dec, during, info, plan,
                     standard_count, upcoming)

SLUG = "insjoriket"
PLACE = "Förbundets kansli, Brogatan 16, Mölndal"
DIGITAL = "Digitalt möte"

# Population at 2021-12-31, rounded: approximately SCB's figures, good enough for a demo.
MEMBERS = [
    ("Försäkringskassan", FK, "FK", "", None),
    ("Arbetsförmedlingen", AF, "AF", "", None),
    ("Västra Götalandsregionen", REGION, "VGR", "", None),
    ("Mölndals stad", MUNICIPALITY, "", "1481", 69_500),
    ("Härryda kommun", MUNICIPALITY, "", "1401", 38_600),
    ("Partille kommun", MUNICIPALITY, "", "1402", 39_400),
    ("Lerums kommun", MUNICIPALITY, "", "1441", 43_300),
    ("Alingsås kommun", MUNICIPALITY, "", "1489", 42_000),
]

# (name, party, Member, role, function)
BOARD = [
    ("Birgitta Lindqvist", "L", "Mölndals stad", Role.MEMBER, "chair"),
    ("Håkan Nyberg", "S", "Mölndals stad", Role.SUBSTITUTE, ""),
    ("Karin Holmström", "", "Försäkringskassan", Role.MEMBER, "vice_chair"),
    ("Lena Åberg", "", "Försäkringskassan", Role.SUBSTITUTE, ""),
    ("Per Edvinsson", "M", "Västra Götalandsregionen", Role.MEMBER, ""),
    ("Margareta Sjöberg", "S", "Västra Götalandsregionen", Role.SUBSTITUTE, ""),
    ("Helena Wikström", "", "Arbetsförmedlingen", Role.MEMBER, ""),
    ("Johan Ekdahl", "", "Arbetsförmedlingen", Role.SUBSTITUTE, ""),
    ("Ulf Bergkvist", "M", "Partille kommun", Role.MEMBER, ""),
    ("Annika Dahl", "C", "Partille kommun", Role.SUBSTITUTE, ""),
    ("Mats Gunnarsson", "M", "Härryda kommun", Role.MEMBER, ""),
    ("Sara Lindgren Holm", "C", "Härryda kommun", Role.SUBSTITUTE, ""),
    ("Christer Blom", "M", "Lerums kommun", Role.MEMBER, ""),
    ("Eva Nordin", "S", "Lerums kommun", Role.SUBSTITUTE, ""),
    ("Ingrid Falk", "KD", "Alingsås kommun", Role.MEMBER, ""),
    ("Jonas Hedlund", "M", "Alingsås kommun", Role.SUBSTITUTE, ""),
]
CHIEF, DEPUTY = "Cecilia Falkenberg", "Amira Haddad"

ROUTINE_CHIEF = info(
    "Informationspunkt förbundschef",
    "Förbundschefen redogör för aktuella frågor från kansliet och de finansierade insatserna.",
    "notera informationen och lägga den till handlingarna",
)
OTHER = info("Övriga frågor", "Inga övriga frågor anmäls.")
CLOSE = info("Sammanträdet avslutas", "Ordföranden tackar för dagens möte och avslutar sammanträdet.")

FEBRUARY = [
    dec("Årsredovisning 2020", "Kansliet har upprättat årsredovisningen för 2020. Resultatet är i nivå med prognosen "
        "från hösten och det egna kapitalet ligger inom de nationella riktlinjerna.",
        ["godkänna årsredovisningen för 2020", "överlämna årsredovisningen till medlemmarna och revisorerna"], case="3/21"),
    info("Ekonomisk uppföljning efter januari", "Utfallet för januari redovisas. Inga avvikelser att rapportera.",
         "notera informationen och lägga den till handlingarna"),
    info("Verksamhetsberättelse för de finansierade insatserna 2020",
         "Insatserna har under pandemiåret ställt om till digitala och utomhusbaserade träffar. "
         "Deltagarantalet sjönk under våren men återhämtade sig under hösten."),
    dec("Attestordning 2021", "Förslaget motsvarar fjolårets attestordning med nya namn på attestanterna.",
        "fastställa attestordningen för 2021", case="5/21"),
    info("Lägesrapport om ESF-projektet Respondere",
         "Projektledningen berättar om rekrytering av deltagare och om planerna för projektets sista år."),
    info("Medlemsrådets synpunkter på förbundets organisering",
         "Presidiet återger diskussionen från medlemsrådet i januari om hur insatserna är organiserade."),
    ROUTINE_CHIEF, OTHER, CLOSE,
]

MAY = [
    info("Tertialrapport januari–april 2021", "Kansliet går igenom tertialrapporten. Kostnaderna följer budget.",
         "lägga tertialrapporten till handlingarna"),
    dec("Fortsatt finansiering av insatsen Balder 2022",
        "Insatsen har haft ett stabilt inflöde av remisser och styrgruppen önskar att den fortsätter.",
        "finansiera Balder även under 2022 inom ramen för kommande budget", case="12/21"),
    info("Revisorernas granskning av år 2020",
         "Revisorerna har lämnat sin berättelse. De tillstyrker ansvarsfrihet och har inga väsentliga anmärkningar."),
    dec("Riktlinjer för behandling av personuppgifter",
        "Kansliet har tagit fram riktlinjer för hur förbundet hanterar personuppgifter i sitt eget arbete.",
        "anta riktlinjerna för behandling av personuppgifter", case="14/21"),
    info("Förberedelser inför medlemsrådet i juni", "Presidiet föreslår teman och upplägg för medlemsrådet."),
    ROUTINE_CHIEF, OTHER, CLOSE,
]

SEPTEMBER = [
    dec("Delårsrapport per den 31 augusti 2021", "Delårsrapporten visar ett mindre överskott än budgeterat.",
        ["godkänna delårsrapporten", "skicka delårsrapporten till medlemmarna"], case="21/21"),
    info("Två medlemmar har beslutat att lämna förbundet",
         "Kommunfullmäktige i Härryda och i Alingsås har fattat beslut om utträde. Förbundschefen redovisar vad "
         "beslutet betyder för ekonomin, för de gemensamma insatserna och för kansliet, och vilka tidpunkter som "
         "gäller."),
    info("Inriktning för verksamhetsplanen 2022", "Beredningsgruppens förslag till inriktning presenteras och diskuteras."),
    info("Budgetramar 2022", "Medlemmarnas preliminära tilldelning för 2022 redovisas."),
    info("Rekrytering till insatsen Balder", "Tre medarbetare slutar vid årsskiftet och rekryteringen har påbörjats."),
    dec("Avsiktsförklaring om fortsatt samverkan",
        "Presidiet har formulerat en avsiktsförklaring om hur medlemmarna vill utveckla samverkan i förbundet.",
        ["ställa sig bakom avsiktsförklaringen", "skicka avsiktsförklaringen till medlemskommunernas kommunstyrelser"],
        case="24/21"),
    ROUTINE_CHIEF, OTHER, CLOSE,
]

# 2021-11-25: numbered §§ 1121–1136. The clock times decide who is in the room: Arbetsförmedlingen's member
# leaves at 14:00 and Härryda's substitute at 13:57, so five seats serve from 14:00; Alingsås' substitute
# leaves at 15:00 and from then on only four of eight seats serve: §§ 1128, 1131 and 1132 are tabled.
NOT_QUORATE = "Styrelsen är inte beslutsför när ärendet ska behandlas eftersom bara fyra av åtta platser är besatta."
NOVEMBER = [
    info("Revisionen på besök", "Förbundets revisorer ställer frågor till styrelsen:\n"
         "• Vilka är de största riskerna för förbundet på kort och lång sikt?\n"
         "• Vad innebär det att två medlemskommuner har beslutat att lämna förbundet, och vad görs åt det?\n\n"
         "Styrelsen svarar att utträdena är den största risken. Presidiet arbetar med en handlingsplan för de "
         "anpassningar av ekonomi, insatser och kansli som behövs i tid, och för dialog med alla medlemmar om hur "
         "insatserna organiseras. En annan risk är köer till insatserna när flera medarbetare slutar samtidigt som "
         "remisserna ökar; ersättare rekryteras så snart som möjligt. Fler deltagare kommer nu från vården och "
         "behovet av förberedande insatser med låg tröskel har ökat.",
         at="14:00", until="14:30"),
    info("Presidiet 2022", "Enligt turordningen valdes presidiet för två år vid sammanträdet i november 2020. "
         "Ordföranden från Mölndals stad och vice ordföranden från Försäkringskassan sitter alltså kvar under 2022. "
         "Presidiet ser över turordningslistan så att den som blir ordförande först har varit vice ordförande.",
         "notera informationen och lägga den till handlingarna", at="14:30"),
    dec("Verksamhetsplan 2022", "Verksamhetsplanen för 2022 bygger på den treåriga planen för 2021–2023. "
        "Styrelsen stryker ett stycke om arbetsgivarinriktat arbete eftersom samarbetet med ett annat förbund "
        "om mentorskapsutbildningar upphör vid årsskiftet.",
        "fastställa verksamhetsplanen för 2022 med den ändring som gjordes vid sammanträdet", case="27/21", at="14:35"),
    dec("Budget 2022 (öppen för allmänheten)", "Förslaget till budget för 2022 föredras. Ärendet behandlas med "
        "öppna dörrar.", "fastställa budgeten för 2022 enligt förslaget", case="28/21", at="14:45"),
    dec("Internkontrollplan 2022", NOT_QUORATE, "bordlägga ärendet till nästa sammanträde", case="29/21",
        at="15:00", tabled=True, proposal="att anta internkontrollplanen för 2022"),
    info("Rapport från de finansierade insatserna och ekonomisk uppföljning",
         "Insatserna går enligt plan, men det har uppstått kö till Balder. Styrelsen behöver under våren diskutera "
         "vad som ska göras när kö uppstår och vilken kötid som är rimlig.\n"
         "ESF-projektet Respondere har hållit sin spridningskonferens. Drygt sex av tio deltagare har gått till "
         "arbete eller studier eller kommit närmare egen försörjning.", at="15:05"),
    info("Fortsatt deltagande i indikatorarbetet",
         "Deltagandet kostar 20 000 kronor om året, och under pandemin har underlaget varit för tunt för jämförelser. "
         "Ärendet var anmält som beslutsärende men behandlas som information; frågan kommer tillbaka.", at="15:15"),
    dec("Handlingsplan för jämställdhet", NOT_QUORATE, "bordlägga ärendet till nästa sammanträde", case="30/21",
        at="15:25", tabled=True, proposal="att anta handlingsplanen för jämställdhet"),
    dec("Policy mot kränkande särbehandling", NOT_QUORATE, "bordlägga ärendet till nästa sammanträde", case="31/21",
        at="15:30", tabled=True, proposal="att anta policyn mot kränkande särbehandling"),
    info("Informationspunkt förbundschef",
         "• Lerums kommun och Försäkringskassan har beviljat styrelsen ansvarsfrihet för 2020.\n"
         "• Kommunstyrelsen i Lerum har ställt sig bakom avsiktsförklaringen i § 1117. Förbundschefen vill att "
         "frågan tas upp i alla medlemskommuners kommunstyrelser.\n"
         "• Hyresavtalet för plan 2 är uppsagt och upphör senast den 30 juni 2023.",
         "notera informationen och lägga den till handlingarna", at="15:35"),
    info("Övriga frågor", "• Sammanträden 2022: 4 februari, 18 mars (heldag på plats), 10 juni, 23 september och "
         "18 november.\n• Medlemsmöte den 13 maj kl. 13–15.\n"
         "• Presidiet föreslår att varje sammanträde avslutas med en halvtimmes fri diskussion utan tjänstepersoner. "
         "Styrelsen instämmer.\n• Finsamkonferensen i Halmstad 5–6 april 2022: beslut om deltagande när inbjudan kommit.",
         at="15:40"),
    info("Så organiserar Sjuhärads samordningsförbund sina insatser",
         "Förbundschefen och biträdande förbundschefen i Sjuhärad berättar hur de finansierade insatserna är "
         "organiserade där. Dragningen spelas in.", at="15:45"),
    info("Sammanträdet avslutas", "Ordföranden avslutar sammanträdet.", at="16:20"),
]

FEBRUARY_2022 = [
    info("Ekonomisk uppföljning helår 2021"),
    dec("Kötid och åtgärder vid kö till insatserna", proposal="att fastställa riktlinjer för rimlig kötid"),
    dec("Årsredovisning 2021", decisions=["godkänna årsredovisningen för 2021"], case="2/22"),
]


def build(today):
    b = Builder(slug=SLUG, name="Samordningsförbundet Insjöriket", address="Brogatan 16, Mölndal",
                numbering="continuous", adjusters=2)
    for name, kind, short, code, population in MEMBERS:
        b.member(name, kind, short=short, code=code, population={date(2021, 12, 31): population} if population else None)
    b.standard_items([
        ("Sammanträdet öppnas", INFORMATION, "Ordföranden {ordforande} hälsar välkommen och öppnar sammanträdet.", ""),
        ("Val av justerare", "decision", "", "utse {justerare} att jämte ordföranden justera protokollet"),
        ("Fastställande av dagordning", "decision", "", "fastställa dagordningen"),
    ])

    # § 1121 is the first paragraph on 2021-11-25; the body's first number bridges the protocols kept before.
    held_before = sum(standard_count(b) + len(paras) for paras in (FEBRUARY, MAY, SEPTEMBER))
    board = b.body("Styrelsen", "styrelsen", first_number=1121 - held_before)
    b.order_seats(board, [m[0] for m in MEMBERS])
    b.presidium(board, {
        2019: ("Västra Götalandsregionen", "Mölndals stad"), 2020: ("Västra Götalandsregionen", "Mölndals stad"),
        2021: ("Mölndals stad", "Försäkringskassan"), 2022: ("Mölndals stad", "Försäkringskassan"),
        2023: ("Försäkringskassan", "Partille kommun"), 2024: ("Försäkringskassan", "Partille kommun"),
    })
    for name, party, member, role, function in BOARD:
        b.mandate(board, name, member, role, party=party, function=function, start=date(2019, 1, 1))
    b.staff(board, CHIEF, "förbundschef")
    b.staff(board, DEPUTY, "biträdande förbundschef", function="secretary")

    meetings = [
        (date(2021, 2, 12), DIGITAL, FEBRUARY, ("Ulf Bergkvist", "Per Edvinsson"), {"Christer Blom"}),
        (date(2021, 5, 7), DIGITAL, MAY, ("Ingrid Falk", "Helena Wikström"), {"Mats Gunnarsson"}),
        (date(2021, 9, 24), PLACE, SEPTEMBER, ("Christer Blom", "Karin Holmström"), {"Ingrid Falk"}),
    ]
    for day, place, paras, adjusters, away in meetings:
        meeting = b.meeting(board, day, "13:30", "16:30", place, remote=place == DIGITAL)
        b.agenda(meeting, paras)
        substitutes = {n for n, _, m, r, _ in BOARD if r == Role.SUBSTITUTE and not any(a in away for a in _members_of(m))}
        b.everyone(meeting, except_=substitutes, absent=away, remote=_everyone() if place == DIGITAL else ())
        b.officers(meeting, "Birgitta Lindqvist", DEPUTY, adjusters)
        b.protocol(meeting, paras)

    november = _november(b, board)
    _plan_2022(b, board, november)
    _upcoming(b, board, today)
    _preparatory_group(b)
    members_meeting = b.body("Medlemsmöte", "medlemsmote", Body.Kind.MEMBERS_MEETING, numbering="per_meeting")
    b.meeting(members_meeting, date(2022, 5, 13), "13:00", "15:00", PLACE)
    return b.association


def _members_of(member_name):
    return [n for n, _, m, r, _ in BOARD if m == member_name and r == Role.MEMBER]


def _everyone():
    return {n for n, *_ in BOARD} | {CHIEF, DEPUTY}


def _november(b, board):
    meeting = b.meeting(board, date(2021, 11, 25), "13:30", "16:30", PLACE)
    b.agenda(meeting, NOVEMBER)
    for name in ("Birgitta Lindqvist", "Karin Holmström", "Per Edvinsson", "Håkan Nyberg", "Annika Dahl", CHIEF, DEPUTY):
        b.present(meeting, name)
    b.present(meeting, "Helena Wikström", clock("13:30", "14:00"))
    b.present(meeting, "Sara Lindgren Holm", clock("13:30", "13:57"))
    b.present(meeting, "Lena Åberg", clock("13:30", "15:30"))
    b.present(meeting, "Jonas Hedlund", clock("13:30", "15:00"))
    b.absent(meeting, "Johan Ekdahl")
    b.absent(meeting, "Christer Blom")
    b.guest(meeting, "Gunnar Sahlin", "förtroendevald revisor", "Revisionen", during(1124))
    b.guest(meeting, "Maud Westerlund", "sakkunnigt revisorsbiträde", "Revisionen", during(1124))
    b.guest(meeting, "Anneli Strömberg", "förbundschef", "Sjuhärads samordningsförbund", during(1135))
    b.guest(meeting, "Pia Lundmark", "biträdande förbundschef", "Sjuhärads samordningsförbund", during(1135))
    b.officers(meeting, "Birgitta Lindqvist", DEPUTY, ("Håkan Nyberg", "Annika Dahl"))
    return b.protocol(meeting, NOVEMBER)


def _plan_2022(b, board, november):
    """The 2022 plan decided in § 1134; the first meeting's agenda takes up two of the three tabled items."""
    february, *_ = plan(b, board, [date(2022, 2, 4)], "13:30", "16:30", PLACE)
    b.take_up(february, november["Internkontrollplan 2022"])
    b.take_up(february, november["Policy mot kränkande särbehandling"])
    b.agenda(february, FEBRUARY_2022)
    b.meeting(board, date(2022, 3, 18), "09:00", "16:00", PLACE, label="Heldag, alla på plats")
    plan(b, board, [date(2022, 6, 10), date(2022, 9, 23), date(2022, 11, 18)], "13:30", "16:30", PLACE)


def _upcoming(b, board, today):
    """Meetings ahead of whatever day the demo is started, so the overview and the calendar have something coming."""
    first, *_ = plan(b, board, [upcoming(today, w, 4) for w in (3, 10, 18)], "13:30", "16:30", PLACE)
    b.agenda(first, [info("Ekonomisk uppföljning"), info("Rapport från de finansierade insatserna"),
                     dec("Mötesplan för nästa år", proposal="att fastställa mötesplanen")])


def _preparatory_group(b):
    group = b.body("Beredningsgrupp", "beredningsgrupp", Body.Kind.PREPARATORY, numbering="per_meeting")
    officials = [
        ("Tove Lindblad", "Försäkringskassan"), ("Kristoffer Ahl", "Arbetsförmedlingen"),
        ("Susanne Bäck", "Västra Götalandsregionen"), ("Pernilla Wester", "Mölndals stad"),
        ("Oskar Hammar", "Härryda kommun"), ("Linda Jansson", "Partille kommun"),
        ("Mikael Roos", "Lerums kommun"), ("Hanna Ekström", "Alingsås kommun"),
    ]
    for name, member in officials:
        b.mandate(group, name, member, Role.MEMBER)
    b.staff(group, CHIEF, "förbundschef", function="secretary")
    meeting = b.meeting(group, date(2021, 11, 4), "09:00", "11:00", PLACE)
    notes = [
        info("Mötet öppnas", on_agenda=False),
        info("Förslag till verksamhetsplan 2022", "Gruppen går igenom förslaget inför styrelsens beslut och lyfter "
             "arbetsgivarstödet som ett område där förbundet kan göra nytta."),
        info("Internkontrollplan 2022", "Kansliets utkast diskuteras. Risken för kö till insatserna läggs till."),
        info("Kösituationen i Balder", "Remisserna ökar samtidigt som personal slutar. Gruppen föreslår att "
             "styrelsen tar ställning till en rimlig kötid."),
        info("Avslutning", on_agenda=False),
    ]
    b.agenda(meeting, notes)
    for name, _ in officials[:6]:
        b.present(meeting, name)
    b.absent(meeting, "Mikael Roos")
    b.present(meeting, CHIEF)
    b.officers(meeting, CHIEF, CHIEF)
    b.protocol(meeting, notes, standard=False)
    b.meeting(group, date(2022, 1, 20), "09:00", "11:00", PLACE)
