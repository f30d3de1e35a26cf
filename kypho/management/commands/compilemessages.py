"""`compilemessages` for the project's own catalogues only (not the installed packages').

Run from the project folder, Django's command compiles every `locale` folder below it,
the virtualenv's included; this one skips what the project did not write.
"""

from django.core.management.commands import compilemessages

NOT_OURS = [".venv", "venv", "node_modules", "staticfiles"]


class Command(compilemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *NOT_OURS]
        return super().handle(*args, **options)
