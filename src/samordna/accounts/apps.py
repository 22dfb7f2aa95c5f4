from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samordna.accounts"
    verbose_name = "Konton och roller"

    def ready(self):
        from . import signals  # noqa: F401
