"""Indicator questionnaires: the structure of the national indicator surveys (issue 6, item 5),
one questionnaire per audience, with fixed wording that cannot be edited once published.

The audiences follow the national structure. The statements are samordna's own wording; an
association taking part in the national comparison replaces them with the national wording
before the first publication (a draft can still be edited), after which they are locked.
"""
AGREE = ("Instämmer inte alls", "Instämmer helt")

AUDIENCES = {
    "deltagare_under": ("Deltagare under insatsen", [
        ("paverka", "Jag får vara med och bestämma hur mitt stöd läggs upp."),
        ("stod", "Jag får det stöd jag behöver."),
        ("samordnat", "De som hjälper mig samarbetar med varandra."),
    ]),
    "deltagare_avslut": ("Deltagare vid avslut", [
        ("paverka", "Jag fick vara med och bestämma hur mitt stöd lades upp."),
        ("nasta_steg", "Jag vet vad som händer nu när insatsen är slut."),
        ("samordnat", "De som hjälpte mig samarbetade med varandra."),
        ("battre_rustad", "Jag är bättre rustad för arbete eller studier nu."),
    ]),
    "personal": ("Personal i insatser", [
        ("samverkan", "Samverkan mellan myndigheterna fungerar bra i insatsen."),
        ("kunskap", "Jag känner till de andra myndigheternas uppdrag och regler."),
        ("samordnat_stod", "Deltagarna får ett samordnat stöd genom insatsen."),
    ]),
    "styrelse": ("Styrelseledamöter", [
        ("nytta", "Förbundets insatser gör samverkan mellan medlemmarna bättre."),
        ("underlag", "Styrelsen får det underlag som behövs för att styra förbundet."),
        ("forankring", "Förbundets arbete är känt och förankrat i min organisation."),
    ]),
    "chefer": ("Chefer hos medlemmarna", [
        ("nytta", "Förbundets insatser är till nytta för min verksamhet."),
        ("larande", "Min verksamhet tar tillvara det vi lär oss i insatserna."),
    ]),
    "remittenter": ("Remittenter", [
        ("enkelt", "Det är enkelt att hänvisa en person till insatsen."),
        ("passar", "Insatsen passar de personer jag möter i mitt arbete."),
        ("aterkoppling", "Jag får den återkoppling från insatsen som jag behöver."),
    ]),
}


def indicator_questions(audience: str) -> list[dict]:
    _title, statements = AUDIENCES[audience]
    return [{"order": n * 10, "key": key, "kind": "scale", "text": text, "low_label": AGREE[0],
             "high_label": AGREE[1], "choices": [], "background": False}
            for n, (key, text) in enumerate(statements, start=1)]
