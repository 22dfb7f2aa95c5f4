from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "samordna.search"
    verbose_name = "Sökning"

    def ready(self):
        from . import signals  # noqa: F401  (keeps the index in step with protocols)
