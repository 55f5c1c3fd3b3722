from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "plenary.treaties"
    label = "treaties"
    verbose_name = "Treaty registry"
