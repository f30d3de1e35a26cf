"""`manage.py load_demo`: demo locations, clinicians and synthetic submissions.

Refuses to run with DEBUG off unless given --force, since the demo accounts have a
published password.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from clinic.demo import CLINICIANS, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load demo clinicians, locations and about 60 synthetic submissions."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=60)
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")

    def handle(self, *args, count, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("The demo accounts have a published password: DEBUG only.")
        created = load_demo(count=count)
        self.stdout.write(f"Created {created} demo submissions.")
        for username, _first, _last in CLINICIANS:
            self.stdout.write(f"Sign in at /clinic/ as {username} / {DEMO_PASSWORD}")
