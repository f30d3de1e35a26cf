"""`makemessages` with the project's defaults, so every run writes the same catalogue.

The catalogue holds the strings of the code that ships (not the tests, benchmarks or the
installed packages), without source line numbers (a moved line is not a changed string)
and without entries nobody uses any more. `make messages` and the catalogue test call it.
"""

from django.core.management.commands import makemessages

NOT_SHIPPED = ["venv/*", ".venv/*", "node_modules/*", "staticfiles/*", "tests/*", "bench/*"]
NOT_SHIPPED += ["audit/*", "ops/*", "docs/*", "deploy/*"]


class Command(makemessages.Command):
    # The rules engine marks patient sentences with `say` and `say_plural` (it cannot
    # import Django's gettext); see screening/eligibility/words.py.
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=say",
        "--keyword=say_plural:1,2",
    ]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *NOT_SHIPPED]
        options["no_location"] = True
        options["no_obsolete"] = True
        return super().handle(*args, **options)
