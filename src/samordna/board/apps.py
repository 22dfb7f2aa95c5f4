from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "samordna.board"
    verbose_name = "Styrelsearbete"
