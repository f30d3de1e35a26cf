"""Background jobs on django-tasks (the backport of Django 6's tasks API, database backend).

A request only writes rows: the outbox message and a task. `manage.py db_worker` runs the
tasks, as many workers on as many hosts as reach the database. The engine has neither
retries nor schedules, so: a failed email enqueues its own next try (`run_after`, with
the outbox's back-off); a message found busy is tried again shortly; and the periodic
jobs below are enqueued by `manage.py enqueue_tasks frequent|daily`, which a system timer
(cron or systemd, see the README) runs. Every job is idempotent: the outbox never sends a
message twice, and a purge or clean-up with nothing left to do changes nothing. Task
arguments are ids only, so task rows never hold personal data.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from clinic.models import OutboxMessage
from clinic.notifications import Delivery, message_deliver, outbox_deliver
from clinic.retention import ANONYMISE, sessions_clear_expired, submissions_purge

BUSY_RETRY = timedelta(seconds=15)
FINISHED_TASKS_KEPT = timedelta(days=14)
# A task due for longer than this means no worker is running.


@task()
def deliver_notification(message_id):
    """Send one outbox message; when it fails or is busy, enqueue the next try."""
    outcome = message_deliver(message_id=message_id)
    if outcome == Delivery.FAILED:
        retry_at = OutboxMessage.objects.get(pk=message_id).next_attempt_at
        deliver_notification.using(run_after=retry_at).enqueue(message_id)
    elif outcome == Delivery.BUSY:
        retry_at = timezone.now() + BUSY_RETRY
        deliver_notification.using(run_after=retry_at).enqueue(message_id)
    return str(outcome)


@task()
def deliver_due_notifications():
    """Send every due message, whatever became of its own task (a net under the retries)."""
    sent, failed = outbox_deliver()
    return {"sent": sent, "failed": failed}


@task()
def purge_old_submissions():
    """Apply the retention period (anonymize); see `clinic.retention`."""
    return submissions_purge(older_than_days=settings.SUBMISSION_RETENTION_DAYS, mode=ANONYMISE)


@task()
def clear_expired_sessions():
    """Drop expired sessions, with any unfinished answers they held (as `clearsessions`)."""
    sessions_clear_expired()


@task()
def prune_finished_tasks():
    """Forget task rows finished more than two weeks ago."""
    cutoff = timezone.now() - FINISHED_TASKS_KEPT
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


SCHEDULES = {
    "frequent": (deliver_due_notifications,),  # every 5 minutes
    "daily": (purge_old_submissions, clear_expired_sessions, prune_finished_tasks),
}


def schedule_enqueue(*, schedule):
    """Enqueue every job of one schedule; return their names."""
    return [job.enqueue().task.name for job in SCHEDULES[schedule]]
