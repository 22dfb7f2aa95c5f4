from django.apps import AppConfig


class EconomyConfig(AppConfig):
    name = "samordna.economy"
    verbose_name = "Ekonomi"
