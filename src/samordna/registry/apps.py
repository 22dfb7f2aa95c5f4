from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "samordna.registry"
    verbose_name = "Diarium"
