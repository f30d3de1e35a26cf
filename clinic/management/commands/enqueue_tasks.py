"""`manage.py enqueue_tasks frequent|daily`: enqueue the periodic jobs for the workers.

A system timer runs it (cron, or the systemd timers in `deploy/systemd/`): `frequent`
every 5 minutes (the outbox sweep), `daily` once a day (retention purge, expired sessions,
old task rows). It only writes task rows; `manage.py db_worker` runs them. Running it on
several hosts, or twice, is harmless: every job is idempotent.
"""

from django.core.management.base import BaseCommand

from clinic.tasks import SCHEDULES, schedule_enqueue


class Command(BaseCommand):
    help = "Enqueue the jobs of one schedule (frequent: every 5 minutes; daily: once a day)."

    def add_arguments(self, parser):
        parser.add_argument("schedule", choices=sorted(SCHEDULES))

    def handle(self, *args, schedule, **options):
        """Enqueue and name the jobs."""
        names = schedule_enqueue(schedule=schedule)
        self.stdout.write(f"Enqueued {', '.join(names)}.")
