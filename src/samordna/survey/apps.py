from django.apps import AppConfig


class SurveyConfig(AppConfig):
    name = "samordna.survey"
    verbose_name = "Avslutsenkät"
