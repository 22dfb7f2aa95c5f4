"""Samordningsförbundet Skaraborg: four voting seats, thirteen co-opted municipalities, numbering per protocol.

In the seed year the voting members come from Arbetsförmedlingen, Försäkringskassan, Västra Götalandsregionen
and the municipality holding the vice chair (Gullspång); the other thirteen municipalities attend as
co-opted (adjungerade) and never count for the quorum. Grästorp is not a Member (it is not in the seed's
attendance list). Protocols are labelled "Protokoll N" and their paragraphs have lettered sub-items.
People are invented and every text is written for the demo.
"""
from .common import AF, FK, INFORMATION, MUNICIPALITY, REGION, Body, Builder, Role, date, dec, info, plan, upcoming

SLUG = "skaraborg"
PLACE = "Förbundets kansli, S:t Sigfrids gata 8, Skövde"

# Population at 2022-12-31, rounded: approximately SCB's figures.
MUNICIPALITIES = [
    ("Essunga kommun", "1445", 5_600), ("Falköpings kommun", "1499", 33_800), ("Gullspångs kommun", "1447", 5_200),
    ("Götene kommun", "1471", 13_300), ("Hjo kommun", "1497", 9_200), ("Karlsborgs kommun", "1446", 6_900),
    ("Lidköpings kommun", "1494", 40_100), ("Mariestads kommun", "1493", 24_600), ("Skara kommun", "1495", 18_900),
    ("Skövde kommun", "1496", 57_200), ("Tibro kommun", "1472", 11_300), ("Tidaholms kommun", "1498", 12_900),
    ("Töreboda kommun", "1473", 9_300), ("Vara kommun", "1470", 16_100),
]
VOTING_MUNICIPALITY = "Gullspångs kommun"
CO_OPTED_SEAT = "Övriga kommuner (adjungerade)"

# (name, Member, role, function)
BOARD = [
    ("Maria Ljungqvist", "Arbetsförmedlingen", Role.MEMBER, "chair"),
    ("Tove Sand", "Arbetsförmedlingen", Role.SUBSTITUTE, ""),
    ("Elin Rydberg", "Försäkringskassan", Role.MEMBER, ""),
    ("Patrik Lind", "Försäkringskassan", Role.SUBSTITUTE, ""),
    ("Göran Axelsson", "Västra Götalandsregionen", Role.MEMBER, ""),
    ("Simon Ekberg", "Västra Götalandsregionen", Role.SUBSTITUTE, ""),
    ("Bengt Rosander", "Gullspångs kommun", Role.MEMBER, "vice_chair"),
    ("Jessica Hult", "Gullspångs kommun", Role.SUBSTITUTE, ""),
]
# Each co-opted municipality: (Member, co-opted representative, substitute, substitute present on 2023-11-21)
CO_OPTED = [
    ("Essunga kommun", "Kjell Andreasson", "Berit Olausson", False),
    ("Götene kommun", "Annelie Dahlgren", "Carina Månsson", False),
    ("Hjo kommun", "Katarina Wiik", "Mona Eliasson", False),
    ("Karlsborgs kommun", "Monika Stenberg", "Erik Sjöholm", False),
    ("Lidköpings kommun", "Thomas Lindh", "Charlotte Åström", True),
    ("Mariestads kommun", "Rickard Palm", "Linnéa Broberg", True),
    ("Skara kommun", "Mikael Granath", "Marianne Nilsén", False),
    ("Skövde kommun", "Helena Borg", "Kenny Kullberg", True),
    ("Töreboda kommun", "Linda Brolin", "Anders Kihlström", False),
    ("Vara kommun", "Emma Hjelm", "Fredrik Stål", False),
    ("Tibro kommun", "Marija Petrović", "Inger Wahlberg", False),
    ("Falköpings kommun", "Ingmar Bergsten", "Camilla Sundin", False),
    ("Tidaholms kommun", "Inga Backlund", "Roland Åkesson", False),
]
CHIEF, ADMIN = "Therese Lundin", "Sara Wennberg"
EXTEND = "förlänga avtalet till och med 2024"


def _extension(letter, name, municipality, note):
    return dec(f"Förlängning av avtal – {name}", f"{name} är upphandlad av {municipality} och avtalet medger ett "
               f"års förlängning; därefter krävs ny ansökan och upphandling. Styrgruppen, beredningsgruppen och "
               f"styrelseberedningen vill att insatsen fortsätter 2024. {note}", EXTEND, sub=letter)


NOVEMBER = [
    info("Rapporter", "Rapporter från förbundschefen och beredningsgruppen."),
    info("Året som gått", "Förbundschefen ger en kort tillbakablick på 2023.", sub="a"),
    info("Rapport från beredningsgruppens senaste möte", "Gruppen har yttrat sig över ansökan om Stoppa våldet och "
         "om förlängning av fyra insatser, diskuterat förbundets organisering och samverkansdagen, och fått höra "
         "om resultaten i projektet AKT-SAM.", sub="b"),
    info("Cresco+", "Projektet arbetar nu särskilt med samverkan, med tron på individen som förhållningssätt och med "
         "att förbereda implementeringen tillsammans med styrgruppen.", sub="c"),
    info("Internkontrollplan 2023 – uppföljning", "Förbundschefen redovisar årets kontroller:\n"
         "• Innovation: inslag på heldagar och i beredningsgruppen har funnits men behöver fortsatt arbete.\n"
         "• Redovisning av kvalitativa resultat: frågan tas upp vid varje styrelsemöte; planen följs.\n"
         "• Uppföljning av projekt: tjänsten som processtödjare är vakant och uppföljningen har inte kunnat drivas "
         "fullt ut.\n• Personal som slutar: omsättningen har varit hög i Cresco+ men låg i övriga insatser.\n"
         "• Lagstöd för kvalitativ uppföljning: styrelsen driver frågan nationellt. Styrelsen vill få en kopia av "
         "skrivelsen till socialförsäkringsutskottet.", sub="d"),
    info("Organisering: projekt eller varaktiga insatser", "Kansliet och beredningsgruppen har räknat på att fördela "
         "medel efter kommunstorlek. Både beredningsgruppen och styrelseberedningen avråder och vill fortsätta "
         "arbeta behovsstyrt, med längre projekt och färdiga koncept som medlemmarna kan ansluta sig till. "
         "Styrelsen ställer sig bakom det.", sub="e"),
    info("Beslutsärenden", "Ärenden för beslut."),
    dec("Budgetplan 2024–2026", "Prognosen för 2023 är ett underskott på 4,2 miljoner, så 12,8 miljoner förs över "
        "som eget kapital till 2024. Budgeten 2024 avsätter 27,5 miljoner till insatser, varav 18 miljoner till "
        "Cresco+, och 3,7 miljoner till drift; resultatet beräknas till −7,1 miljoner.",
        "godkänna budgetplanen för 2024–2026", sub="a"),
    dec("Uppföljning av förbundets insatser utan personuppgifter", "Kansliet föreslår tre delar: nya frågor i "
        "mallarna för delårs- och helårsrapporter, en frivillig och anonym avslutsenkät, och månadsuppföljningar "
        "för kännedom. Inga uppgifter ska gå att knyta till en enskild.",
        ["godkänna de uppdaterade mallarna för delårs- och helårsrapporter",
         "låta kansliet upphandla en jurist som granskar att avslutsenkäten är anonym",
         "ge kansliet i uppdrag att utreda vad det skulle kosta att knyta en forskare till insatserna"], sub="b"),
    dec("Verksamhetsplan 2024", "Planen är en uppdatering av 2023 års plan. Efter beslutet om mallarna kan alla "
        "delmål följas upp.", "godkänna verksamhetsplanen för 2024", sub="c"),
    dec("Ny ansökan – Stoppa våldet", "Försäkringskassan och Arbetsförmedlingen söker fortsättning på "
        "strukturprojektet. Under 2023 har 72 procent av deltagarna i berörda insatser fått frågor om våld.",
        "bevilja fortsatt finansiering av Stoppa våldet under 2024", sub="d"),
    _extension("e", "Elings ark", "Vara kommun", "Grupperna har svårt att fyllas, men deltagarna rapporterar "
               "bättre hälsa."),
    _extension("f", "Friskvågen", "Götene kommun", "Nästan sex av tio avslutas positivt."),
    _extension("g", "GreveGarden", "Lidköpings kommun", "Deltagarna har nästan alla sjukpenning."),
    _extension("h", "Hantverksstegen", "Tibro kommun", "Deltagarna har haft ett svårare utgångsläge i år."),
    dec("Sakkunnigt revisorsbiträde – uppsägning av avtalet", "Det upphandlade biträdet har inte hållit kontakt trots "
        "påminnelser. Den statligt upphandlade revisorn kan ta över uppgiften.",
        "säga upp avtalet med det nuvarande revisorsbiträdet", sub="i"),
    dec("Höjd serviceavgift till det nationella nätverket", "Nätverket föreslår att avgiften höjs från 2 till 3,5 "
        "promille av tilldelningen, från 34 till 60 tkr om året.",
        ["godkänna höjningen under förutsättning att alla andra förbund också godkänner den",
         "ge ordföranden fullmakt att rösta för höjningen vid nätverkets årsmöte den 24 november"], sub="j"),
    dec("Ny förbundsordning – hur processen går vidare", "Alla medlemskommuner och Arbetsförmedlingen har godkänt den nya "
        "förbundsordningen; svar väntas från Försäkringskassan och regionen.",
        "sammankalla styrelsen till ett extra möte den 30 januari kl. 9–11 ifall regionen eller Försäkringskassan "
        "avslår förslaget",
        sub="k"),
    info("Informationsärenden", "Ärenden för kännedom."),
    info("Delrapport om rotationsordningen", "Översynen har pausats tills det är klart om förbundsordningen "
         "godkänns.", sub="a"),
    info("Styrelseberedningens sammansättning 2024", "Nästa år ingår AF, FK, regionen, Götene, Gullspång, Skövde och Vara. "
         "Vice ordförande 2024 kommer från Götene kommun.", sub="b"),
    info("Samverkansdagen den 2 februari", "Anmälan är öppen. Dagen har en inledande föreläsning, fem seminarier "
         "att välja mellan och en avslutande föreställning.", sub="c"),
    info("Nationella nätverkets årsmöte", "Ordföranden representerar förbundet den 24 november.", sub="d"),
    info("En vecka fri från våld", "Under vecka 47 samarbetar flera aktörer i Skaraborg kring föreläsningar och "
         "samtalsmaterial.", sub="e"),
    info("Reflektion över årets styrelsearbete", "Ledamöterna lyfter fram väl förberedda underlag och goda "
         "diskussioner trots den stora gruppen. Flera vill ha tydligare besked om vad de ska ta med sig hem.",
         sub="f"),
    info("Diskussionsärenden"),
    info("Övrigt"),
    info("Avslutning", "Nästa sammanträde hålls den 20 februari kl. 9–12.", on_agenda=False),
]

OCTOBER = [
    info("Rapporter"),
    info("Delårsrapport per den 31 augusti", "Förbundschefen redovisar utfallet för årets första åtta månader.",
         sub="a"),
    info("Rapport från beredningsgruppen", "Gruppen har börjat förbereda verksamhetsplanen för 2024.", sub="b"),
    info("Beslutsärenden"),
    dec("Samverkansdag i Skaraborg den 2 februari 2024", "Kansliet föreslår en gemensam dag för alla som arbetar "
        "med samverkan hos parterna.", "arrangera en samverkansdag den 2 februari 2024 inom befintlig budget",
        sub="a"),
    dec("Utökad ram för Cresco+", "Fler kommuner vill ansluta sig till projektet.",
        "utöka förbundets medfinansiering av Cresco+ enligt kansliets förslag", sub="b"),
    info("Informationsärenden"),
    info("Ny förbundsordning – läget", "Förslaget behandlas i medlemmarnas fullmäktige och styrelser under hösten.",
         sub="a"),
    info("Avslutning", on_agenda=False),
]


def build(today):
    b = Builder(slug=SLUG, name="Samordningsförbundet Skaraborg", address="S:t Sigfrids gata 8, Skövde",
                numbering="per_meeting")
    b.member("Arbetsförmedlingen", AF, short="AF")
    b.member("Försäkringskassan", FK, short="FK")
    b.member("Västra Götalandsregionen", REGION, short="VGR")
    for name, code, population in MUNICIPALITIES:
        b.member(name, MUNICIPALITY, code=code, population={date(2022, 12, 31): population})
    b.standard_items([
        ("Sammanträdet öppnas", INFORMATION, "Ordföranden {ordforande} hälsar välkommen och öppnar mötet.", ""),
        ("Val av justerare", "decision", "", "välja {justerare} att justera protokollet"),
        ("Föregående mötes protokoll", "decision", "", "lägga protokollet till handlingarna"),
        ("Föredragningslistan", "decision", "", "godkänna föredragningslistan"),
    ])
    board = b.body("Styrelsen", "styrelsen")
    others = [name for name, _, _ in MUNICIPALITIES if name != VOTING_MUNICIPALITY]
    b.seat_group(board, CO_OPTED_SEAT, others, seats=0)
    b.order_seats(board, ["Arbetsförmedlingen", "Försäkringskassan", "Västra Götalandsregionen", VOTING_MUNICIPALITY,
                          CO_OPTED_SEAT])
    # 2023 follows the seed; the later years are illustrative.
    b.presidium(board, {2023: ("Arbetsförmedlingen", "Gullspångs kommun"), 2024: ("Arbetsförmedlingen", "Götene kommun"),
                        2025: ("Götene kommun", "Försäkringskassan")})
    for name, member, role, function in BOARD:
        b.mandate(board, name, member, role, function=function, start=date(2023, 1, 1))
    for member, co_opted, substitute, _ in CO_OPTED:
        b.mandate(board, co_opted, member, Role.CO_OPTED, start=date(2023, 1, 1))
        b.mandate(board, substitute, member, Role.SUBSTITUTE, start=date(2023, 1, 1))
    b.staff(board, CHIEF, "förbundschef")
    b.staff(board, ADMIN, "administratör", function="secretary")

    october = b.meeting(board, date(2023, 10, 3), "09:00", "12:00", PLACE, label="Protokoll 5")
    b.agenda(october, OCTOBER)
    b.everyone(october, except_={s for _, _, s, _ in CO_OPTED} | {"Tove Sand", "Patrik Lind", "Simon Ekberg",
                                                                  "Jessica Hult"})
    b.officers(october, "Maria Ljungqvist", ADMIN, ["Thomas Lindh"])
    b.protocol(october, OCTOBER)

    november = b.meeting(board, date(2023, 11, 21), "09:00", "12:00", PLACE, label="Protokoll 6")
    b.agenda(november, NOVEMBER)
    for name in ("Maria Ljungqvist", "Elin Rydberg", "Göran Axelsson", "Tove Sand", "Patrik Lind", CHIEF, ADMIN):
        b.present(november, name)
    b.absent(november, "Bengt Rosander")
    b.absent(november, "Simon Ekberg")
    b.present(november, "Jessica Hult", replaces="Bengt Rosander")
    for _, co_opted, substitute, substitute_present in CO_OPTED:
        b.present(november, co_opted)
        (b.present if substitute_present else b.absent)(november, substitute)
    b.officers(november, "Maria Ljungqvist", ADMIN, ["Helena Borg"])
    b.protocol(november, NOVEMBER)

    b.meeting(board, date(2024, 2, 20), "09:00", "12:00", PLACE, label="Protokoll 1")
    dates = [upcoming(today, w, 1) for w in (2, 11, 19)]
    for day in dates:
        number = board.meetings.filter(date__year=day.year).count() + 1
        meeting = b.meeting(board, day, "09:00", "12:00", PLACE, label=f"Protokoll {number}")
        if day == dates[0]:
            b.agenda(meeting, [info("Rapporter"), dec("Verksamhetsplan för nästa år", proposal="att godkänna planen")])

    _preparatory_group(b, today)
    return b.association


def _preparatory_group(b, today):
    group = b.body("Beredningsgruppen", "beredningsgruppen", Body.Kind.PREPARATORY, numbering="per_meeting")
    for name, member in [("Petra Öhman", "Försäkringskassan"), ("Joakim Rehn", "Arbetsförmedlingen"),
                         ("Lisa Enqvist", "Västra Götalandsregionen"), ("Sofia Bodin", "Skövde kommun"),
                         ("Henrik Alvén", "Lidköpings kommun"), ("Ylva Carlsson", "Vara kommun")]:
        b.mandate(group, name, member, Role.MEMBER)
    b.staff(group, CHIEF, "förbundschef", function="secretary")
    meeting = b.meeting(group, date(2023, 11, 7), "13:00", "16:00", PLACE)
    notes = [
        info("Ansökan om fortsättning för Stoppa våldet", "Gruppen tillstyrker ansökan."),
        info("Förlängning av fyra upphandlade insatser", "Gruppen ställer sig bakom förlängningarna."),
        info("Besök från projektet AKT-SAM", "Projektet berättar om sina resultat."),
    ]
    b.agenda(meeting, notes)
    b.everyone(meeting)
    b.officers(meeting, CHIEF, CHIEF)
    b.protocol(meeting, notes, standard=False)
    plan(b, group, [upcoming(today, 1, 1)], "13:00", "16:00", PLACE)
