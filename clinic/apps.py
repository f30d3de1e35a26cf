from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Clinician review"

    def ready(self):
        from clinic import signals  # noqa: F401  (staff sessions end at browser close)
