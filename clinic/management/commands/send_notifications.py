"""`manage.py send_notifications`: send the queued clinic emails, once or as a worker.

Run it from cron (once) or as a service (`--loop`); several copies on several hosts may
run at once, since each message is claimed before it is sent.
"""

import time

from django.core.management.base import BaseCommand

from clinic.notifications import outbox_deliver


class Command(BaseCommand):
    help = "Send queued notification emails; retry the ones that failed before."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running, as a worker")
        parser.add_argument(
            "--interval", type=float, default=30.0, help="seconds between rounds with --loop"
        )
        parser.add_argument("--limit", type=int, default=100, help="messages per round")

    def handle(self, *args, loop, interval, limit, **options):
        while True:
            sent, failed = outbox_deliver(limit=limit)
            if sent or failed or not loop:
                self.stdout.write(f"Sent {sent}, failed {failed} (kept for a retry).")
            if not loop:
                return
            try:
                time.sleep(max(interval, 0.1))
            except KeyboardInterrupt:
                return
