from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = "Candidacy screening"

    def ready(self):
        from screening import checks  # noqa: F401 (registers the start-up check)
