"""The ready-made exit questionnaire (issue 6): outcome questions, then background questions asked
only in bands wide enough for the target-group analysis without identifying anyone."""

AGREE = ("Stämmer inte alls", "Stämmer helt")
SCALE_EN = "1 = not at all, 5 = completely"

# (key, kind, svenska, lättläst, english, choices, background)
DEFAULT_QUESTIONS = [
    ("halsa", "scale", "Min hälsa har blivit bättre under tiden i insatsen.",
     "Jag mår bättre nu än när jag började.", "My health has improved during the programme.", [], False),
    ("aktivitetsformaga", "scale", "Jag klarar mer av det jag behöver göra i vardagen nu än när jag började.",
     "Jag orkar göra mer nu än förut.", "I can manage more of my daily activities now than when I started.", [], False),
    ("narmare_arbete", "scale", "Jag är närmare arbete eller studier nu än när jag började.",
     "Jag är närmare ett jobb eller en utbildning nu.", "I am closer to work or studies now than when I started.",
     [], False),
    ("respekt", "scale", "Jag har blivit bemött med respekt.", "Personalen var snäll och lyssnade på mig.",
     "I have been treated with respect.", [], False),
    ("rekommendera", "yes_no", "Skulle du rekommendera insatsen till någon i en liknande situation?",
     "Skulle du tipsa en vän om det här?", "Would you recommend the programme to someone in a similar situation?",
     [], False),
    ("kon", "single", "Kön", "Kön", "Gender", [
        ["kvinna", "Kvinna", "Kvinna", "Woman"],
        ["man", "Man", "Man", "Man"],
        ["annat", "Annat eller vill inte svara", "Annat eller vill inte säga", "Other or prefer not to say"],
    ], True),
    ("alder", "single", "Ålder", "Hur gammal är du?", "Age", [
        ["16-19", "16–19 år", "16–19 år", "16–19"], ["20-29", "20–29 år", "20–29 år", "20–29"],
        ["30-39", "30–39 år", "30–39 år", "30–39"], ["40-49", "40–49 år", "40–49 år", "40–49"],
        ["50-59", "50–59 år", "50–59 år", "50–59"], ["60-66", "60–66 år", "60–66 år", "60–66"],
    ], True),
    ("forsorjning", "single", "Vad hade du främst för försörjning när du började?",
     "Vilka pengar levde du mest på när du började?", "What was your main source of income when you started?", [
         ["sjukpenning", "Sjukpenning", "Sjukpenning", "Sickness benefit"],
         ["aktivitetsersattning", "Aktivitetsersättning", "Aktivitetsersättning", "Activity compensation"],
         ["sjukersattning", "Sjukersättning", "Sjukersättning", "Sickness compensation"],
         ["forsorjningsstod", "Försörjningsstöd", "Försörjningsstöd (socialbidrag)", "Financial assistance"],
         ["a-kassa", "A-kassa eller aktivitetsstöd", "A-kassa eller aktivitetsstöd",
          "Unemployment or activity support"],
         ["ingen", "Ingen ersättning", "Inga pengar från myndigheter", "No benefit"],
         ["annan", "Annan eller vill inte svara", "Annat eller vill inte säga", "Other or prefer not to say"],
     ], True),
    ("tid", "single", "Hur länge har du varit med i insatsen?", "Hur länge har du varit med?",
     "How long have you taken part?", [
         ["0-3", "Kortare än 3 månader", "Mindre än 3 månader", "Less than 3 months"],
         ["3-6", "3–6 månader", "3–6 månader", "3–6 months"],
         ["6-12", "6–12 månader", "6–12 månader", "6–12 months"],
         ["12-", "Längre än 12 månader", "Mer än ett år", "More than 12 months"],
     ], True),
    ("kommentar", "text", "Vill du säga något mer? Skriv inte namn eller personnummer.",
     "Vill du säga något mer? Skriv inga namn.", "Anything else? Please do not write names.", [], False),
]


def default_questions():
    """Dicts ready for `Question(**q)`; the scale ends get the agree/disagree labels."""
    result = []
    for order, (key, kind, text, easy, en, choices, background) in enumerate(DEFAULT_QUESTIONS, start=1):
        low, high = AGREE if kind == "scale" else ("", "")
        result.append({"order": order * 10, "key": key, "kind": kind, "text": text, "text_easy": easy,
                       "text_en": en, "low_label": low, "high_label": high, "choices": choices,
                       "background": background})
    return result
