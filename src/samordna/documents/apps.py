from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "samordna.documents"
    verbose_name = "Dokument"
