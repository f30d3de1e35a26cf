"""`manage.py purge_submissions`: apply the retention period (run it daily from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from clinic.retention import ANONYMISE, DELETE, submissions_purge


class Command(BaseCommand):
    help = "Anonymize (or with --delete, delete) submissions older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            dest="days",
            default=settings.SUBMISSION_RETENTION_DAYS,
            help="age in days (default: SUBMISSION_RETENTION_DAYS)",
        )
        parser.add_argument("--delete", action="store_true", help="delete instead of anonymize")
        parser.add_argument("--dry-run", action="store_true", help="count only; change nothing")

    def handle(self, *args, days, delete, dry_run, **options):
        """Purge and say how many submissions it touched."""
        if days < 1:
            raise CommandError("--older-than must be at least 1 day.")
        mode = DELETE if delete else ANONYMISE
        count = submissions_purge(older_than_days=days, mode=mode, dry_run=dry_run)
        verb = {ANONYMISE: "anonymize", DELETE: "delete"}[mode]
        if dry_run:
            self.stdout.write(f"Would {verb} {count} submissions older than {days} days.")
        else:
            self.stdout.write(f"{verb.capitalize()}d {count} submissions older than {days} days.")
