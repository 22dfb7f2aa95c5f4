from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "samordna.notices"
    verbose_name = "Anslagstavla"
