from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = "Clinician review"

    def ready(self):
        from django.contrib import admin

        from clinic import signals  # noqa: F401  (sign-ins; stored submissions' emails)
        from clinic.admin import bound_every_changelist

        bound_every_changelist(admin.site)  # clinic is the last app: all are registered
