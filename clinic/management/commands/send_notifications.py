"""`manage.py send_notifications`: send the due clinic emails now, once, and exit.

Workers (`manage.py db_worker`) send each email as soon as it is queued and retry the
failures; this one-shot is for a manual push or an old cron line. It is safe beside
running workers: a message another sender holds is left to it.
"""

import argparse

from django.core.management.base import BaseCommand, CommandError

from clinic.notifications import outbox_deliver


class Command(BaseCommand):
    help = "Send the due notification emails once; the ones that fail stay queued."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100, help="messages at most")
        parser.add_argument("--loop", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--interval", type=float, help=argparse.SUPPRESS)

    def handle(self, *args, limit, loop, **options):
        """Send, and say how many went and how many failed."""
        if loop:
            raise CommandError(
                "--loop is gone: run `manage.py db_worker` as the service (see the README)."
            )
        sent, failed = outbox_deliver(limit=limit)
        self.stdout.write(f"Sent {sent}, failed {failed} (kept for a retry).")
