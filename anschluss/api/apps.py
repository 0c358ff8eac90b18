from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "anschluss.api"
    label = "api"
    verbose_name = "API"
