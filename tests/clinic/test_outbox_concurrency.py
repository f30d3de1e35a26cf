"""Several senders at once, a relay slower than any lease, a sender that dies mid-send and a
worker stopped mid-send: every message is sent, and none twice (a worker killed outright
may send it again, with the same Message-ID). Run on SQLite and on PostgreSQL (DATABASE_URL)."""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from clinic import tasks as clinic_tasks
from clinic.models import OutboxMessage
from clinic.notifications import email_for, outbox_deliver
from clinic.tasks import deliver_due_notifications, deliver_notification
from tests.clinic.backends import SlowRecordingEmailBackend

pytestmark = pytest.mark.django_db(transaction=True)
WORKERS, MESSAGES = 5, 25
# Each message the relay takes moves the clock on by more than any lease a sender could hold.
RELAY_MINUTES = 6


def queue(count):
    now = timezone.now()
    return [
        OutboxMessage.objects.create(
            recipients=["triage@example-clinic.org"],
            subject=f"New submission to review: REF{number:04d}",
            body="A new questionnaire submission is waiting in the review queue.",
            next_attempt_at=now,
        )
        for number in range(count)
    ]


@pytest.fixture
def slow_relay(settings, monkeypatch):
    """The slow relay, and a clock that runs RELAY_MINUTES ahead per message it took."""
    settings.EMAIL_BACKEND = "tests.clinic.backends.SlowRecordingEmailBackend"
    monkeypatch.setattr(SlowRecordingEmailBackend, "accepted", [])
    real_now = timezone.now

    def now():
        taken = len(SlowRecordingEmailBackend.accepted)
        return real_now() + timedelta(minutes=RELAY_MINUTES * taken)

    monkeypatch.setattr(timezone, "now", now)
    return SlowRecordingEmailBackend


def sender(errors):
    """One worker: send until nothing is left (or 30 s have gone), as the sweep task would."""
    try:
        deadline = time.monotonic() + 30
        pending = OutboxMessage.objects.filter(status="pending")
        while pending.exists() and time.monotonic() < deadline:
            outbox_deliver()
            time.sleep(0.005)
    except Exception as exc:  # reported to the test's thread below
        errors.append(exc)
    finally:
        connection.close()


def run_side_by_side(target):
    """Run `target(number, errors)` in WORKERS threads at once; fail on any error raised."""
    errors = []
    threads = [threading.Thread(target=target, args=(n, errors)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    assert errors == []


def assert_each_message_sent_once(relay):
    """The relay took every queued message exactly once, and each was sent at first try."""
    accepted = relay.accepted
    assert len(accepted) - len(set(accepted)) == 0  # no duplicates
    assert len(set(accepted)) == MESSAGES
    assert OutboxMessage.objects.filter(status="sent", attempts=1).count() == MESSAGES


def test_concurrent_senders_with_a_slow_relay_send_each_message_once(slow_relay):
    queue(MESSAGES)
    run_side_by_side(lambda number, errors: sender(errors))
    assert_each_message_sent_once(slow_relay)


def db_worker(number, errors):
    """One `manage.py db_worker --batch`, in a thread: runs due tasks until none is left."""
    try:
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=500,
            worker_id=f"worker-{number}",
            excluded_queue_names=[],
        ).run()
    except Exception as exc:  # reported to the test's thread below
        errors.append(exc)
    finally:
        connection.close()


def test_task_workers_running_every_task_and_sweep_send_each_message_once(slow_relay, monkeypatch):
    # Batch workers stop when nothing is due; a message found busy is retried "shortly"
    # (BUSY_RETRY), which a long-running worker would reach. Here it is due at once, so
    # the run ends only when every message is sent, whichever worker held the lock.
    monkeypatch.setattr(clinic_tasks, "BUSY_RETRY", timedelta(0))
    for message in queue(MESSAGES):
        deliver_notification.enqueue(message.pk)
    for _ in range(WORKERS):
        deliver_due_notifications.enqueue()
    run_side_by_side(db_worker)
    assert_each_message_sent_once(slow_relay)


def database_url():
    """The test database as a DATABASE_URL, for a sender in another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_hanging_sender(marker):
    """Another process that takes the outbox's message to a relay that never answers."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kypho.settings",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "tests.clinic.backends.HangingEmailBackend",
        "HANG_MARKER": str(marker),
    }
    code = (
        "import django; django.setup(); from clinic.notifications import outbox_deliver as d; d()"
    )
    process = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=django_settings.BASE_DIR)
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert process.poll() is None, "the sender process stopped early"
        assert time.monotonic() < deadline, "the sender process never reached the relay"
        time.sleep(0.05)
    return process


def test_a_crashed_senders_message_is_sent_later_and_only_once(settings, monkeypatch, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    (message,) = queue(1)
    process = start_hanging_sender(tmp_path / "relay-reached")
    try:
        hour_later = timezone.now() + timedelta(hours=1)
        monkeypatch.setattr(timezone, "now", lambda: hour_later)
        # Still sending, however long it takes: nobody else may send it meanwhile.
        assert outbox_deliver() == (0, 0)
        assert mail.outbox == []
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while outbox_deliver() != (1, 0):  # the dead sender's hold goes with its process
        assert time.monotonic() < deadline, "the crashed sender's message was never sent"
        time.sleep(0.1)
    message.refresh_from_db()
    assert message.status == "sent" and len(mail.outbox) == 1
    assert outbox_deliver() == (0, 0)


def start_db_worker(relay_log):
    """A real `manage.py db_worker`, as systemd runs it, sending to a relay slow to confirm."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "tests.clinic.backends.SlowToConfirmEmailBackend",
        "RELAY_LOG": str(relay_log),
        "RELAY_SECONDS": "2",
    }
    command = ["manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval=0.1"]
    return subprocess.Popen([sys.executable, *command], env=env, cwd=django_settings.BASE_DIR)


def stop_db_worker_mid_send(relay_log, *, stops):
    """Start a worker, SIGTERM it `stops` times while the relay confirms its first email."""
    process = start_db_worker(relay_log)
    try:
        deadline = time.monotonic() + 30
        while not relay_log.exists():  # the relay has the message and is slow to confirm
            assert process.poll() is None, "the worker stopped early"
            assert time.monotonic() < deadline, "the worker never reached the relay"
            time.sleep(0.05)
        for _ in range(stops):  # systemctl stop (and, say, a restart right after)
            process.send_signal(signal.SIGTERM)
            time.sleep(0.2)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


@pytest.mark.parametrize("stops", [1, 2], ids=["one-sigterm", "sigterm-twice"])
def test_a_worker_stopped_mid_send_sends_the_message_once(settings, tmp_path, stops):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    (message,) = queue(1)
    deliver_notification.enqueue(message.pk)
    relay_log = tmp_path / "relay.log"
    stop_db_worker_mid_send(relay_log, stops=stops)
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 1
    assert outbox_deliver() == (0, 0) and mail.outbox == []  # the sweep finds nothing to resend
    assert relay_log.read_text().splitlines() == [email_for(message).extra_headers["Message-ID"]]


def test_a_worker_stopped_mid_sweep_stops_after_the_message_in_hand(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    first, *rest = queue(3)
    deliver_due_notifications.enqueue()
    relay_log = tmp_path / "relay.log"
    stop_db_worker_mid_send(relay_log, stops=1)  # stopped within systemd's grace period
    assert relay_log.read_text().splitlines() == [email_for(first).extra_headers["Message-ID"]]
    assert outbox_deliver() == (2, 0)  # the rest wait for the next worker, sent once
    assert sorted(email.subject for email in mail.outbox) == [m.subject for m in rest]
