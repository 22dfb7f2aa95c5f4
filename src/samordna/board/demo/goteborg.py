"""Samordningsförbundet Göteborg: four Members with two seats each, § numbers restarting every year.

The board's meeting on 2023-03-24 mirrors the public protocol's structure (§§ 34–53, a substitute serving
for an absent member of Försäkringskassan, a member taking part at a distance, presenters under single
paragraphs, the annual report adjusted at once); people are invented and every text is written for the demo.
"""
from .common import AF, FK, INFORMATION, MUNICIPALITY, REGION, Body, Builder, Role, date, dec, during, info, plan, upcoming

SLUG = "goteborg"
PLACE = "Rådhuset, Gustaf Adolfs torg 4A, Sjöfartssalen"
OFFICE = "Förbundets kansli, Första Långgatan 19"

# Göteborg's population at 2022-12-31, rounded (approximately SCB's figure).
MEMBERS = [
    ("Göteborgs stad", MUNICIPALITY, "", "1480", 588_000),
    ("Försäkringskassan", FK, "FK", "", None),
    ("Arbetsförmedlingen", AF, "AF", "", None),
    ("Västra Götalandsregionen", REGION, "VGR", "", None),
]

BOARD = [
    ("Lina Bergström", "V", "Göteborgs stad", Role.MEMBER, "chair", 1),
    ("Tobias Hellman", "M", "Göteborgs stad", Role.MEMBER, "", 1),
    ("Rasmus Öberg", "S", "Göteborgs stad", Role.SUBSTITUTE, "", 1),
    ("Malin Kvist", "MP", "Göteborgs stad", Role.SUBSTITUTE, "", 2),
    ("Jenny Sandqvist", "", "Försäkringskassan", Role.MEMBER, "", 1),
    ("Oskar Lundell", "", "Försäkringskassan", Role.MEMBER, "", 1),
    ("Therese Alm", "", "Försäkringskassan", Role.SUBSTITUTE, "", 1),
    ("Fredrik Nordin", "", "Försäkringskassan", Role.SUBSTITUTE, "", 2),
    ("Camilla Berg", "", "Arbetsförmedlingen", Role.MEMBER, "", 1),
    ("Sofie Wallin", "", "Arbetsförmedlingen", Role.MEMBER, "", 1),
    ("Emil Sundqvist", "", "Arbetsförmedlingen", Role.SUBSTITUTE, "", 1),
    ("Linnea Ahlgren", "", "Arbetsförmedlingen", Role.SUBSTITUTE, "", 2),
    ("Fatima Ali", "C", "Västra Götalandsregionen", Role.MEMBER, "vice_chair", 1),
    ("Kristina Larsdotter", "V", "Västra Götalandsregionen", Role.MEMBER, "", 1),
    ("Peter Engström", "S", "Västra Götalandsregionen", Role.SUBSTITUTE, "", 1),
    ("Nils Hagström", "KD", "Västra Götalandsregionen", Role.SUBSTITUTE, "", 2),
]
CHIEF, DEPUTY, DEVELOPMENT, SECRETARY = "Ulrika Lindahl", "Daniel Rosén", "Jessica Norén", "Hanna Sjögren"

NOTED = "notera informationen i protokollet"
CLOSING = [
    info("Anmälan av delegationsbeslut", "Det finns inga delegationsbeslut att anmäla den här gången.",
         "anteckna att inga delegationsbeslut anmäls"),
    info("Anmälningsärenden", "Inga anmälningar har kommit in.", NOTED),
    info("Övrigt", "Inget övrigt tas upp.", NOTED),
    info("Sammanträdet avslutas", "Ordföranden tackar för mötet och avslutar sammanträdet."),
]

JANUARY = [
    info("Information från förbundschefen", "Förbundschefen berättar om den statliga tilldelningen för 2023, "
         "läget i de finansierade insatserna och planeringen av medlemssamrådet i april.", NOTED),
    dec("Verksamhetsplan och budget 2023 – slutlig fördelning", "Sedan medlemmarnas bidrag är beslutade kan "
        "budgeten fördelas på insatserna.", "fastställa fördelningen av budgeten för 2023 enligt tjänsteutlåtandet",
        case="2/23"),
    info("Införandet av Uppföljning Finsam", "Det nya nationella uppföljningssystemet tas i bruk under våren. "
         "Kansliet redovisar vad som krävs av medlemmarna för att kunna registrera.", NOTED, case="16/23"),
    dec("Rekrytering av ny förbundschef", "Förbundschefen går i pension under året. Arbetsutskottet föreslås leda "
        "rekryteringen tillsammans med en extern rekryterare.",
        ["ge arbetsutskottet i uppdrag att leda rekryteringen av ny förbundschef",
         "anlita extern rekryterare inom ramen för kansliets budget"], case="5/23"),
    info("ESF-projektet Move On – finansiering 2023", "Projektets ESF-finansiering upphör. Kansliet beskriver hur "
         "verksamheten kan fortsätta under 2023.", NOTED, case="04/20"),
    dec("Plan för intern kontroll 2023", "Planen tar upp tre risker: personalomsättning i insatserna, brister i "
        "uppföljningen och beroendet av projektmedel.", "anta internkontrollplanen för 2023", case="7/23"),
    dec("Attestordning och delegationsordning 2023", "", "fastställa attestordningen och delegationsordningen för 2023",
        case="8/23"),
    info("Mötesplan 2023", "Styrelsen sammanträder 27 januari, 24 februari, 24 mars, 26 maj, 22 september och "
         "24 november.", NOTED),
    *CLOSING,
]

FEBRUARY = [
    info("Information från förbundschefen", "Förbundschefen rapporterar om rekryteringen och om kansliets arbete "
         "med verksamhetsberättelsen.", NOTED),
    info("Bokslut 2022 – preliminärt resultat", "Det preliminära resultatet är negativt, som budgeterat, och "
         "finansieras med eget kapital.", NOTED),
    dec("ESF-projektet Gränsgångare – medfinansiering", "Förbundet har beviljats projektet tillsammans med staden "
        "och regionen. Kansliet föreslår att förbundet bidrar med personal från kansliet.",
        "medfinansiera Gränsgångare med arbetstid från kansliet under projekttiden", case="11/23"),
    info("Information från Försäkringskassan", "Försäkringskassan berättar om förändringar i sjukförsäkringens "
         "handläggning under 2023.", NOTED),
    info("Information från Arbetsförmedlingen", "Arbetsförmedlingen redogör för myndighetens uppdrag och "
         "anslag för 2023.", NOTED),
    info("Samverkan kring unga med aktivitetsersättning", "Parterna beskriver hur de arbetar tillsammans kring "
         "unga med aktivitetsersättning.", NOTED),
    dec("Förlängning av insatsen Steg framåt", "Styrgruppen bedömer att insatsen fungerar väl och föreslår ett "
        "års förlängning.", "förlänga insatsen Steg framåt till och med 2024-03-31", case="13/23"),
    dec("Arvoden för styrelsens ledamöter och ersättare 2023", "",
        "fastställa arvodena för 2023 i enlighet med stadens arvodesregler", case="14/23"),
    info("Utbildning för styrelsen", "Kansliet föreslår en introduktion om Finsam för nya ledamöter i april.", NOTED),
    *CLOSING,
]

MARCH = [
    info("Information från förbundschefen", "Förbundschefen tar upp sju punkter:\n"
         "a) Riksdagen debatterade samordningsförbunden och uppföljningen den 7 mars.\n"
         "b) Nationella nätverket har rapporterat om uppdraget att upptäcka våld; rapporten finns i handlingarna.\n"
         "c) Insatskatalogen byter namn till Välfärdsguiden och lägger större vikt vid individen.\n"
         "d) Kansliet visar ett utkast till en översikt med styrelsens nyckeltal; det skickas ut efter mötet.\n"
         "e) Efter stadens upphandling har förbundet Nordea som andra bank.\n"
         "f) Deltagare med sjukpenning omfattas nu av försäkringen även vid färre än tio timmar i veckan.\n"
         "g) Regionfullmäktige har valt en ny revisor från regionen för 2023–2026.", NOTED),
    info("Uppföljning Finsam 2023 – återrapport", "Systemet är nästan klart och kommer att visa volymer och kö. "
         "Förbunden i regionen har valt olika sätt att samla in annat underlag. Varje kommun och regionen behöver "
         "en överenskommelse med Försäkringskassan och egna beställare; till dess sköter kansliet registreringen.",
         "notera informationen", case="16/23"),
    info("Information från Göteborgs stad", "Staden presenterar sina mål för arbetslivsinriktad rehabilitering. "
         "Under vecka 40 fick 8 436 personer försörjningsstöd, och i februari 2023 var 21 687 göteborgare "
         "arbetslösa, sju procent av dem mellan 16 och 64 år. Målet är att alla ska arbeta eller studera efter "
         "sin förmåga.", "notera informationen"),
    info("Social kompass 2022 för Göteborgs stad", "Rapporten visar hur förutsättningarna skiljer sig mellan "
         "stadens områden och mellan kvinnor och män, och vad det betyder för förbundets deltagare.",
         "notera informationen", case="84/22"),
    info("Utvärdering av ESF-projektet LANDA", "FoU i Väst har utvärderat hur samverkan mellan projektets fem "
         "parter utvecklades mellan 2021 och 2022. Kontakterna blev fler, men om innehållet förändrades går inte "
         "att avgöra med enkäten.", "notera informationen", case="03/20"),
    info("Slutrapport från ESF-projektet Move On", "Av deltagarna gick 32 procent vidare mot arbete eller studier "
         "och 38 procent till arbetsträning. Kommunstyrelsen beviljade den 22 mars 1 150 tkr i utökat bidrag. "
         "Från 2024 förväntas parterna bära hela kostnaden.", "notera informationen", case="04/20"),
    info("Stadens arbetsinriktade rehabilitering", "Ett utvecklingsarbete pågår till juni 2023 för att klargöra "
         "ansvar och arbetssätt i staden, bland annat med gemensamma begrepp.", "notera informationen",
         case="74/21"),
    dec("Årsredovisning 2022", "Intäkterna uppgick till 69 mkr och kostnaderna till 76 mkr, ett resultat på "
        "−6,9 mkr som finansieras med eget kapital. 5 206 personer har tagit del av förbundets medel.",
        ["godkänna årsredovisningen för 2022 och beakta revisionens granskning",
         "förklara paragrafen omedelbart justerad"], case="06/22", immediately=True),
    dec("Handlingsplan för digitalisering 2023", "Planen följer stadens definition av digitalisering och har en "
        "extern och en intern del.", "godkänna handlingsplanen för digitalisering 2023", case="38/23"),
    dec("Tillsvidareanställning av utbildningsledare på kansliet", "Den nuvarande utbildaren är utlånad från en "
        "part som inte kan förlänga tjänstledigheten. Behovet är långsiktigt.",
        ["överlåta till arbetsutskottet att besluta i ärendet och se till att det hanteras korrekt enligt arbetsrätten",
         "arbetsutskottet redovisar hanteringen för styrelsen i maj"], case="41/23"),
    dec("Regional samverkansdag den 9 juni", "Regionen bjuder in samordningsförbunden och deras medlemmar. "
        "Styrelsen vill att varje part är företrädd.",
        "ledamöter och ersättare deltar i samverkansdagen med heldagsarvode", case="43/23"),
    dec("Delegation till arbetsutskottet: anställning av ny förbundschef", "25 personer har sökt tjänsten. "
        "Slutintervjuer hålls den 27 mars med arbetsutskottet.",
        "ge arbetsutskottet delegation att anställa ny förbundschef"),
    *CLOSING,
]


def build(today):
    b = Builder(slug=SLUG, name="Samordningsförbundet Göteborg", address="Första Långgatan 19, Göteborg",
                numbering="per_year")
    for name, kind, short, code, population in MEMBERS:
        figures = {date(2021, 12, 31): 587_500, date(2022, 12, 31): population} if population else None
        b.member(name, kind, short=short, code=code, population=figures)
    b.standard_items([
        ("Sammanträdet öppnas", INFORMATION, "Ordföranden {ordforande} hälsar alla välkomna.", ""),
        ("Upprop", INFORMATION, "Ordföranden förrättar upprop.", ""),
        ("Val av justerare", "decision", "", "utse {justerare} att jämte ordföranden justera protokollet"),
        ("Ärenden som tillkommer eller utgår", INFORMATION, "Inga ärenden tillkommer eller utgår.", ""),
    ])
    board = b.body("Styrelsen", "styrelsen")
    board.seat_groups.update(seats=2)
    b.presidium(board, {year: ("Göteborgs stad", "Västra Götalandsregionen") for year in (2022, 2023, 2024)})
    for name, party, member, role, function, order in BOARD:
        b.mandate(board, name, member, role, party=party, function=function, order=order, start=date(2023, 1, 1))
    b.staff(board, CHIEF, "förbundschef")
    b.staff(board, DEPUTY, "biträdande förbundschef")
    b.staff(board, DEVELOPMENT, "utvecklingschef")
    b.staff(board, SECRETARY, "nämndsekreterare", function="secretary")

    not_attending = {"Malin Kvist", "Fredrik Nordin", "Linnea Ahlgren", "Nils Hagström"}
    for day, paras, adjuster, absent in [
        (date(2023, 1, 27), JANUARY, "Jenny Sandqvist", {"Tobias Hellman"}),
        (date(2023, 2, 24), FEBRUARY, "Kristina Larsdotter", {"Sofie Wallin"}),
    ]:
        meeting = b.meeting(board, day, "13:00", "16:00", PLACE, remote=True)
        b.agenda(meeting, paras)
        b.everyone(meeting, except_=not_attending, absent=absent, remote={"Fatima Ali"})
        b.officers(meeting, "Lina Bergström", SECRETARY, [adjuster])
        b.protocol(meeting, paras)

    _march(b, board)
    may = b.meeting(board, date(2023, 5, 26), "13:00", "16:00", PLACE, remote=True)
    b.agenda(may, [
        info("Presentation av den nya förbundschefen"),
        info("Arbetsutskottets redovisning av anställningen av utbildningsledare", case="41/23"),
        dec("Verksamhetsplan och budget 2024 – inriktning", proposal="att ge kansliet i uppdrag att ta fram förslag"),
    ])
    plan(b, board, [date(2023, 9, 22), date(2023, 11, 24)], "13:00", "16:00", PLACE, remote=True)
    first, *_ = plan(b, board, [upcoming(today, w, 4) for w in (2, 9, 17)], "13:00", "16:00", PLACE, remote=True)
    b.agenda(first, [info("Information från förbundschefen"),
                     dec("Mötesplan för nästa år", proposal="att fastställa mötesplanen")])
    _committee(b, today)
    return b.association


def _march(b, board):
    meeting = b.meeting(board, date(2023, 3, 24), "13:00", "16:10", PLACE, remote=True)
    b.agenda(meeting, MARCH)
    for name in ("Lina Bergström", "Tobias Hellman", "Jenny Sandqvist", "Camilla Berg", "Sofie Wallin",
                 "Kristina Larsdotter", "Rasmus Öberg", "Emil Sundqvist", "Linnea Ahlgren", "Peter Engström",
                 CHIEF, DEPUTY, DEVELOPMENT, SECRETARY):
        b.present(meeting, name)
    b.present(meeting, "Fatima Ali", remote=True)
    b.absent(meeting, "Oskar Lundell")
    b.present(meeting, "Therese Alm", replaces="Oskar Lundell")
    b.guest(meeting, "Martin Ek", "statistiker", "Statisticon", during(41))
    b.guest(meeting, "Ida Björk", "statistiker", "Statisticon", during(41))
    b.guest(meeting, "Sanna Lund", "analytiker", "FoU i Väst/GR", during(42))
    b.guest(meeting, "Elvira Hodžić", "projektledare", "Samordningsförbundet Göteborg", during(43))
    b.guest(meeting, "Maja Karlsson", "processledare", "Göteborgs stad", during(44))
    b.guest(meeting, "Nora Ahmadi", "administrativ koordinator", "Samordningsförbundet Göteborg", during(46))
    b.guest(meeting, "Albin Persson", "praktikant", "Samordningsförbundet Göteborg")
    b.officers(meeting, "Lina Bergström", SECRETARY, ["Camilla Berg"])
    return b.protocol(meeting, MARCH)


def _committee(b, today):
    """Arbetsutskottet: three seats, its own numbering, decides what the board delegated to it."""
    committee = b.body("Arbetsutskottet", "arbetsutskottet", Body.Kind.COMMITTEE, numbering="per_year")
    for name in ("Göteborgs stad", "Försäkringskassan", "Västra Götalandsregionen"):
        b.seat_group(committee, name, [name])
    b.mandate(committee, "Lina Bergström", "Göteborgs stad", Role.MEMBER, function="chair")
    b.mandate(committee, "Fatima Ali", "Västra Götalandsregionen", Role.MEMBER, function="vice_chair")
    b.mandate(committee, "Jenny Sandqvist", "Försäkringskassan", Role.MEMBER)
    b.staff(committee, CHIEF, "förbundschef")
    b.staff(committee, SECRETARY, "nämndsekreterare", function="secretary")
    meeting = b.meeting(committee, date(2023, 4, 14), "09:00", "10:30", OFFICE)
    paras = [
        dec("Anställning av ny förbundschef", "Efter slutintervjuerna den 27 mars föreslår rekryteraren en kandidat. "
            "Beslutet fattas med stöd av styrelsens delegation.",
            "anställa Johanna Vikström som förbundschef från och med den 1 augusti 2023", case="5/23"),
        dec("Tillsvidareanställning av utbildningsledare", "Styrelsen har överlåtit ärendet till arbetsutskottet.",
            ["erbjuda nuvarande utbildare en tillsvidareanställning", "redovisa beslutet för styrelsen den 26 maj"],
            case="41/23"),
        info("Sammanträdet avslutas", on_agenda=False),
    ]
    b.agenda(meeting, paras)
    b.everyone(meeting)
    b.officers(meeting, "Lina Bergström", SECRETARY, ["Fatima Ali"])
    b.protocol(meeting, paras)
    b.meeting(committee, upcoming(today, 1, 1), "09:00", "10:30", OFFICE)
