"""Emails to the clinic's inbox about new urgent and likely submissions, through an outbox.

The message is written in the submission's own transaction (`notification_enqueue`), so
a stored submission always has its message and a rolled-back one never does; a delivery
attempt runs after commit, and `manage.py send_notifications` retries whatever is left,
so nothing is lost while the mail server is down.
A message carries only the reference and a link: no name, no answer, no outcome.
Several senders never send one message twice: each first claims messages for a lease,
with SELECT ... FOR UPDATE SKIP LOCKED where the database has it (PostgreSQL), else with
a conditional UPDATE that only one of them can win (SQLite).
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from clinic.models import OutboxMessage

logger = logging.getLogger(__name__)

NOTIFY_OUTCOMES = {"urgent", "likely_candidate"}
LEASE = timedelta(minutes=5)
MAX_BACKOFF = timedelta(hours=1)


def notification_enqueue(*, submission):
    """Queue the clinic's email for an urgent or likely submission (call in its transaction)."""
    inbox = settings.CLINIC_NOTIFY_EMAIL
    if not inbox or submission.outcome not in NOTIFY_OUTCOMES:
        return None
    link = settings.SITE_URL.rstrip("/") + reverse(
        "clinic:submission-detail", kwargs={"reference": submission.reference}
    )
    message = OutboxMessage.objects.create(
        recipients=[address.strip() for address in inbox.split(",") if address.strip()],
        subject=f"New submission to review: {submission.reference}",
        body=(
            f"A new questionnaire submission ({submission.reference}) is waiting in the "
            f"review queue.\n\nOpen it after signing in:\n{link}\n"
        ),
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: outbox_deliver(message_ids=[message.pk]))
    return message


def due_messages(now):
    """Messages that are waiting, due, and not claimed by a live sender."""
    return OutboxMessage.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        status=OutboxMessage.Status.PENDING,
        next_attempt_at__lte=now,
    ).order_by("next_attempt_at", "pk")


def claim(*, worker, limit, message_ids=None):
    """Claim up to `limit` due messages for `worker`; return their ids."""
    now = timezone.now()
    due = due_messages(now)
    if message_ids is not None:
        due = due.filter(pk__in=message_ids)
    lease = {"claimed_by": worker, "claimed_until": now + LEASE}
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
            OutboxMessage.objects.filter(pk__in=ids).update(**lease)
        return ids
    candidates = list(due.values_list("pk", flat=True)[:limit])
    return [pk for pk in candidates if due_messages(now).filter(pk=pk).update(**lease) == 1]


def send_one(message, worker):
    """Send one claimed message; record success, or the failure and when to try again."""
    mine = OutboxMessage.objects.filter(pk=message.pk, claimed_by=worker)
    try:
        EmailMessage(message.subject, message.body, to=message.recipients).send()
    except Exception as exc:  # any backend failure leaves the message queued
        attempts = message.attempts + 1
        delay = min(timedelta(minutes=2**attempts), MAX_BACKOFF)
        mine.update(
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:300],
            next_attempt_at=timezone.now() + delay,
            claimed_until=None,
            claimed_by="",
        )
        logger.warning("Outbox message %s not sent (attempt %s).", message.pk, attempts)
        return False
    mine.update(
        status=OutboxMessage.Status.SENT,
        attempts=message.attempts + 1,
        sent_at=timezone.now(),
        last_error="",
        claimed_until=None,
    )
    return True


def outbox_deliver(*, message_ids=None, limit=100):
    """Claim and send due messages (only `message_ids` if given); return (sent, failed)."""
    worker = uuid.uuid4().hex
    sent = failed = 0
    try:
        ids = claim(worker=worker, limit=limit, message_ids=message_ids)
        for message in OutboxMessage.objects.filter(pk__in=ids, claimed_by=worker):
            if send_one(message, worker):
                sent += 1
            else:
                failed += 1
    except Exception:  # a failed attempt must never break the request that triggered it
        logger.exception("Outbox delivery stopped; the messages stay queued.")
    return sent, failed
