"""Emails to the clinic's inbox about new urgent and likely submissions, through an outbox.

The message is written in the submission's own transaction (`notification_enqueue`), so
a stored submission always has its message and a rolled-back one never does. Nothing is
sent in a request: a task (`clinic.tasks`) sends it after commit, on a worker.
A message carries only the reference and a link: no name, no answer, no outcome.

Exactly one sender at a time holds a message while it sends it, and the hold dies with the
sender: on PostgreSQL a row lock (SELECT ... FOR UPDATE SKIP LOCKED) kept in the
transaction that sends and marks it sent, so senders on any number of hosts work side by
side; on SQLite, whose file has one writer on one host anyway, an operating-system lock
on a file beside the database, so senders take turns. No lease can run out under a slow
relay, and a crashed sender's message is free again at once. A sender that finds a
message held reports it busy and tries again later.

A graceful stop (SIGTERM from systemd, Ctrl+C, SIGQUIT), however often it comes, waits
until the message is sent and recorded: cut off between the relay taking the message and
the row saying so, the sender would leave it to be sent again. The one window left, a
sender killed outright (SIGKILL, power loss) there, is narrowed by a stable Message-ID that
lets mail systems drop the copy.
"""

import enum
import fcntl
import logging
import signal
import threading
from contextlib import contextmanager
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from clinic.models import OutboxMessage

logger = logging.getLogger(__name__)

NOTIFY_OUTCOMES = {"urgent", "likely_candidate"}
MAX_BACKOFF = timedelta(hours=1)
GRACEFUL_STOPS = (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)


class Delivery(enum.StrEnum):
    """What one attempt at one message came to."""

    SENT = "sent"
    FAILED = "failed"  # the relay refused; kept, with the time of the next try
    BUSY = "busy"  # another sender holds it (or, on SQLite, holds the sending lock)
    NOTHING = "nothing"  # already sent, or not due yet


def notification_enqueue(*, submission):
    """Queue the clinic's email for an urgent or likely submission (call in its transaction)."""
    inbox = settings.CLINIC_NOTIFY_EMAIL
    if not inbox or submission.outcome not in NOTIFY_OUTCOMES:
        return None
    link = settings.SITE_URL.rstrip("/") + reverse(
        "clinic:submission-detail", kwargs={"reference": submission.reference}
    )
    return OutboxMessage.objects.create(
        submission=submission,
        recipients=[address.strip() for address in inbox.split(",") if address.strip()],
        subject=f"New submission to review: {submission.reference}",
        body=(
            f"A new questionnaire submission ({submission.reference}) is waiting in the "
            f"review queue.\n\nOpen it after signing in:\n{link}\n"
        ),
        next_attempt_at=timezone.now(),
    )


def due_messages(now=None):
    """Messages waiting to be sent whose next try is due, oldest first."""
    return OutboxMessage.objects.filter(
        status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now or timezone.now()
    ).order_by("next_attempt_at", "pk")


def sqlite_lock_path():
    """The file whose lock lets one SQLite sender at a time send."""
    return Path(f"{connection.settings_dict['NAME']}.outbox.lock")


@contextmanager
def sqlite_sending_lock():
    """Hold the SQLite senders' lock, or yield False at once if another sender has it."""
    with open(sqlite_lock_path(), "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def stops_deferred():
    """Hold back graceful stops until the block ends, then deliver the first one (once).

    Yields the list of stops received so far. Only the main thread can handle signals; in
    any other the block runs as it is.
    """
    received = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = {
        signum: signal.signal(signum, lambda signum, frame: received.append(signum))
        for signum in GRACEFUL_STOPS
    }
    try:
        yield received
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if received:
            signal.raise_signal(received[0])


def message_deliver(*, message_id):
    """Send one message if it is due and no other sender holds it; return a `Delivery`.

    A graceful stop waits until the message is sent and recorded (`stops_deferred`).
    """
    with stops_deferred():
        return held_message_deliver(message_id=message_id)


def held_message_deliver(*, message_id):
    """Hold the message (row lock or SQLite file lock), then send it if it is due."""
    rows = OutboxMessage.objects.filter(pk=message_id)
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            message = rows.select_for_update(skip_locked=True).first()
            if message is None:
                return Delivery.BUSY if rows.exists() else Delivery.NOTHING
            return send(message) if is_due(message) else Delivery.NOTHING
    with sqlite_sending_lock() as held:
        if not held:
            return Delivery.BUSY
        message = rows.first()
        return send(message) if message and is_due(message) else Delivery.NOTHING


def is_due(message):
    """Whether a message still waits to be sent and its next try has come."""
    pending = message.status == OutboxMessage.Status.PENDING
    return pending and message.next_attempt_at <= timezone.now()


def send(message):
    """Hand one held message to the relay; record it sent, or the failure and the next try."""
    rows = OutboxMessage.objects.filter(pk=message.pk)
    attempts = message.attempts + 1
    try:
        email_for(message).send()
    except Exception as exc:  # any backend failure leaves the message queued
        delay = min(timedelta(minutes=2**attempts), MAX_BACKOFF)
        rows.update(
            attempts=attempts,
            last_error=f"{type(exc).__name__}: {exc}"[:300],
            next_attempt_at=timezone.now() + delay,
        )
        logger.warning("Outbox message %s not sent (attempt %s).", message.pk, attempts)
        return Delivery.FAILED
    rows.update(
        status=OutboxMessage.Status.SENT, attempts=attempts, sent_at=timezone.now(), last_error=""
    )
    return Delivery.SENT


def email_for(message):
    """The email of an outbox message, with a Message-ID that stays the same on every try."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    stamp = f"{message.created_at:%Y%m%d%H%M%S%f}"
    return EmailMessage(
        message.subject,
        message.body,
        to=message.recipients,
        headers={"Message-ID": f"<outbox-{message.pk}.{stamp}@{domain}>"},
    )


def outbox_deliver(*, limit=100):
    """Send the due messages no other sender holds, one at a time; return (sent, failed).

    A graceful stop ends the run after the message in hand; the rest wait for the next run.
    """
    results = []
    with stops_deferred() as stops:
        for pk in due_messages().values_list("pk", flat=True)[:limit]:
            if stops:
                break
            results.append(message_deliver(message_id=pk))
    return results.count(Delivery.SENT), results.count(Delivery.FAILED)
