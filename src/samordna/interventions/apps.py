from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "samordna.interventions"
    verbose_name = "Insatser"
