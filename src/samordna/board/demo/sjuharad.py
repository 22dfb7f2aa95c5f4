"""Sjuhärads samordningsförbund: a four-seat board where the eight municipalities share one seat.

The charter lets the municipalities' substitutes serve by population, largest first, so the figures at
30 June decide who steps in when the municipal member is away (2023-09-13 below: Ulricehamn before
Tranemo, though the board listed them the other way round). § numbers restart every year; 2023-11-29 has
§§ 50–62 as in the public protocol. People are invented and every text is written for the demo.
"""
from .common import AF, FK, MUNICIPALITY, REGION, Body, Builder, Role, date, dec, info, plan, upcoming

SLUG = "sjuharad"
PLACE = "Kansliets konferensrum, Bryggaregatan 8, Borås"
KOMMUNERNA = "Kommunerna"

# Population at 30 June (SCB's half-year figures, rounded; approximate).
MUNICIPALITIES = [
    ("Borås Stad", "1490", 113_900, 114_500),
    ("Marks kommun", "1463", 34_900, 35_200),
    ("Ulricehamns kommun", "1491", 24_900, 25_200),
    ("Vårgårda kommun", "1442", 12_100, 12_300),
    ("Tranemo kommun", "1452", 11_900, 11_900),
    ("Svenljunga kommun", "1465", 10_800, 10_800),
    ("Bollebygds kommun", "1443", 9_600, 9_700),
    ("Herrljunga kommun", "1466", 9_500, 9_500),
]

# (name, party, Member, role, function, the board's own listing order)
BOARD = [
    ("Karin Holmström", "", "Försäkringskassan", Role.MEMBER, "chair", 1),
    ("Jonas Rask", "", "Försäkringskassan", Role.SUBSTITUTE, "", 1),
    ("Annika Granlund", "", "Arbetsförmedlingen", Role.MEMBER, "", 1),
    ("Viktor Hall", "", "Arbetsförmedlingen", Role.SUBSTITUTE, "", 1),
    ("Ola Ström", "S", "Västra Götalandsregionen", Role.MEMBER, "vice_chair", 1),
    ("Birgit Alm", "M", "Västra Götalandsregionen", Role.SUBSTITUTE, "", 1),
    ("Roger Svedberg", "S", "Bollebygds kommun", Role.MEMBER, "", 1),
    # The listing is alphabetical by municipality; the charter's population order overrides it.
    ("Marita Sundell", "S", "Borås Stad", Role.SUBSTITUTE, "", 1),
    ("Ann-Sofie Krantz", "C", "Herrljunga kommun", Role.SUBSTITUTE, "", 2),
    ("Tommy Hedin", "M", "Marks kommun", Role.SUBSTITUTE, "", 3),
    ("Niklas Bengtsson", "M", "Svenljunga kommun", Role.SUBSTITUTE, "", 4),
    ("Birgitta Ahlin", "S", "Tranemo kommun", Role.SUBSTITUTE, "", 5),
    ("Elin Grahn", "L", "Ulricehamns kommun", Role.SUBSTITUTE, "", 6),
    ("Magnus Ljung", "C", "Vårgårda kommun", Role.SUBSTITUTE, "", 7),
]
CHIEF, DEPUTY = "Anneli Strömberg", "Pia Lundmark"
NOTED = "ta del av informationen"

SEPTEMBER = [
    info("Ekonomisk uppföljning per augusti", "Kostnaderna ligger något under budget. Ett underskott väntas för "
         "helåret, som planerat.", NOTED),
    dec("Delårsrapport 2023", "Delårsrapporten per den 30 juni har granskats av revisorerna.",
        ["godkänna delårsrapporten", "skicka den till medlemmarna"]),
    info("Verksamhetsuppföljning", "Remisserna till de förberedande insatserna har ökat efter sommaren.", NOTED),
    info("Statlig tilldelning 2024", "Tilldelningen blir lägre än väntat. Medlemmarnas bidrag förväntas följa den "
         "statliga nivån.", NOTED),
    dec("Inriktning för verksamhetsplan 2024", "Beredningsgruppen föreslås pröva hur målgrupp och insatser kan "
        "behållas med samma eller lägre budget.",
        "ge beredningsgruppen i uppdrag att ta fram förslag till verksamhetsplan för 2024"),
    info("ESF-ansökan projekt Vilja", "Ansökan om kompetensutveckling för anställda i kommunerna och regionen har "
         "lämnats in.", NOTED),
    info("Revidering av förbundsordningen", "Medlemmarna diskuterar att varje kommun ska få en egen beslutande "
         "ledamot.", NOTED),
    info("Aktuellt från parterna", "Ledamöterna berättar om läget hos respektive part.", NOTED),
    info("Övriga frågor, mötet avslutas", "Inga övriga frågor. Ordföranden avslutar mötet.", on_agenda=False),
]

NOVEMBER = [
    info("Ekonomi", "Några kostnader har bokförts om för att uppföljningen ska bli tydligare, och en kreditering "
         "av en personalkostnad väntas. Resultatet blir negativt men bättre än i förra prognosen.", NOTED),
    info("Verksamhetsuppföljning", "Aktiv kraft med Pulsstöd och Gröna vägen framåt får fler remisser än tidigare. "
         "Studiesteget arbetar med fasta grupper och har inte kunnat ta in fler. Styrelsen diskuterar hur "
         "aktiviteterna kan bli mer kända, språkfrågor och kompetensförsörjning.", NOTED),
    info("ESF-ansökan projekt Vilja", "Kompletteringar har lämnats. Strukturfondspartnerskapet kan fatta beslut "
         "den 8 december.", NOTED),
    dec("Verksamhetsplan 2024", "Beredningsgruppen föreslår oförändrad kvalitet och målgrupp. Styrelsen vill också "
        "pröva gemensamma digitala insatser, gärna i projektform, och lägger till det i planen.",
        "anta verksamhetsplanen för 2024 med de tillägg som gjordes vid mötet"),
    dec("Uppföljning av årets internkontroller", "Kansliet har sammanställt årets kontroller.",
        "använda sammanställningen som grund för årsuppföljningen"),
    dec("Inriktning för ESF-projekt inom POA2", "Beredningsgruppen har tagit fram en idéskiss. Ansökan beräknas "
        "lämnas i mars med start i augusti.",
        "uppmuntra kansliet att tillsammans med parternas personal skriva en projektansökan utifrån idéskissen"),
    dec("Mötesplan 2024", "Presidiet har föreslagit datum; styrelsen flyttar ett av dem för att undvika krockar.",
        "sammanträda 2 februari kl. 13–16, 15 mars kl. 8.30–16 (med medlemssamråd), 29 maj kl. 8.30–11.30, "
        "20 september kl. 8.30–16, 22 november kl. 8.30–11.30 och 13 december kl. 8.30–11.30"),
    info("Aktuellt från förbundschefen", "Revideringen av förbundsordningen pågår. Myndigheten för ungdoms- och "
         "civilsamhällesfrågor planerar ett studiebesök i Sjuhärad."),
    info("Aktuellt från parterna", "Svenljunga och Tranemo avslutar sitt samarbete i arbetsmarknadsfrågor. "
         "Sjukförsäkringens styrning blir nationell från den 1 februari, men samverkan förblir en lokal fråga."),
    info("Övriga frågor, mötet avslutas", "Ordföranden avslutar mötet.", on_agenda=False),
]

PLAN_2024 = [
    (date(2024, 2, 2), "13:00", "16:00"), (date(2024, 3, 15), "08:30", "16:00"), (date(2024, 5, 29), "08:30", "11:30"),
    (date(2024, 9, 20), "08:30", "16:00"), (date(2024, 11, 22), "08:30", "11:30"), (date(2024, 12, 13), "08:30", "11:30"),
]


def build(today):
    b = Builder(slug=SLUG, name="Sjuhärads samordningsförbund", address="Bryggaregatan 8, Borås",
                numbering="per_year", substitute_order="population")
    b.member("Försäkringskassan", FK, short="FK")
    b.member("Arbetsförmedlingen", AF, short="AF")
    b.member("Västra Götalandsregionen", REGION, short="VGR")
    for name, code, in_2022, in_2023 in MUNICIPALITIES:
        b.member(name, MUNICIPALITY, code=code, population={date(2022, 6, 30): in_2022, date(2023, 6, 30): in_2023})
    b.standard_items([
        ("Mötet öppnas, godkännande av dagordning", "decision", "Ordföranden {ordforande} öppnar mötet.",
         "godkänna dagordningen"),
        ("Val av justerare", "decision", "", "utse {justerare} att justera protokollet"),
        ("Föregående protokoll", "decision", "Föregående protokoll är anslaget på förbundets webbplats.",
         "godkänna föregående protokoll och lägga det till handlingarna"),
    ])
    board = b.body("Förbundsstyrelsen", "styrelsen")
    b.seat_group(board, KOMMUNERNA, [name for name, *_ in MUNICIPALITIES], seats=1)
    b.order_seats(board, ["Försäkringskassan", "Arbetsförmedlingen", "Västra Götalandsregionen", KOMMUNERNA])
    b.presidium(board, {year: ("Försäkringskassan", "Västra Götalandsregionen") for year in (2023, 2024)})
    for name, party, member, role, function, order in BOARD:
        b.mandate(board, name, member, role, party=party, function=function, order=order, start=date(2023, 1, 1))
    b.staff(board, CHIEF, "förbundschef", function="secretary")
    b.staff(board, DEPUTY, "biträdande förbundschef")

    # The protocols before September 2023 are not in the demo: the meeting's first number bridges them.
    september = b.meeting(board, date(2023, 9, 13), "13:00", "16:00", PLACE, first_number=38)
    b.agenda(september, SEPTEMBER)
    for name in ("Karin Holmström", "Annika Granlund", "Ola Ström", "Birgitta Ahlin", "Elin Grahn", CHIEF, DEPUTY):
        b.present(september, name)
    b.absent(september, "Roger Svedberg")
    b.absent(september, "Marita Sundell")
    b.officers(september, "Karin Holmström", CHIEF, ["Annika Granlund"])
    b.protocol(september, SEPTEMBER)

    november = b.meeting(board, date(2023, 11, 29), "13:00", "16:00", PLACE)
    b.agenda(november, NOVEMBER)
    for name in ("Karin Holmström", "Annika Granlund", "Ola Ström", "Roger Svedberg", "Birgitta Ahlin", "Elin Grahn",
                 "Marita Sundell", CHIEF, DEPUTY):
        b.present(november, name)
    b.officers(november, "Karin Holmström", CHIEF, ["Ola Ström"])
    b.protocol(november, NOVEMBER)

    for day, start, end in PLAN_2024:
        b.meeting(board, day, start, end, PLACE)
    members_meeting = b.body("Medlemssamråd", "medlemssamrad", Body.Kind.MEMBERS_MEETING, numbering="per_meeting")
    b.meeting(members_meeting, date(2024, 3, 15), "13:00", "16:00", PLACE)

    first, *_ = plan(b, board, [upcoming(today, w, 2) for w in (3, 10, 19)], "08:30", "11:30", PLACE)
    b.agenda(first, [info("Ekonomi"), info("Verksamhetsuppföljning"), dec("Mötesplan för nästa år",
                                                                           proposal="att fastställa mötesplanen")])
    return b.association
