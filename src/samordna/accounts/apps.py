from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samordna.accounts"
    verbose_name = "Konton och roller"

    def ready(self):
        from . import audit, signals  # noqa: F401

        audit.connect()
        audit.note_command_line()
