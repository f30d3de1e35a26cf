"""Background jobs: the periodic schedules, the busy retry, and the queue's health."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from clinic.models import AuditEntry, OutboxMessage
from clinic.notifications import Delivery
from clinic.tasks import deliver_notification
from kypho.health import queue_health
from screening.models import Submission
from tests.clinic.factories import make_submission
from tests.clinic.helpers import run_tasks

pytestmark = pytest.mark.django_db


def session(expires_in):
    store = SessionStore()
    store["answers"] = {"full_name": "Paula Patient"}
    store.set_expiry(expires_in)
    store.save()
    return store.session_key


def test_the_daily_jobs_purge_clear_sessions_and_forget_old_task_rows(capsys):
    old = make_submission(created_at=timezone.now() - timedelta(days=800), full_name="Olive")
    expired, live = session(-60), session(3600)
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="clinic.tasks.prune_finished_tasks",
        backend_name="default",
        run_after=timezone.now(),
        status="SUCCESSFUL",
        finished_at=timezone.now() - timedelta(days=30),
    )
    call_command("enqueue_tasks", "daily")
    assert "purge_old_submissions, clear_expired_sessions, prune_finished_tasks" in (
        capsys.readouterr().out
    )
    run_tasks()
    old.refresh_from_db()
    assert old.full_name == "" and old.anonymised_at is not None
    assert AuditEntry.objects.filter(action="purge").count() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert expired != live
    finished_long_ago = timezone.now() - timedelta(days=20)
    assert not DBTaskResult.objects.filter(finished_at__lt=finished_long_ago).exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 3  # today's three


def test_the_frequent_sweep_sends_a_message_whose_task_was_lost(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxMessage.objects.create(
        recipients=["triage@example-clinic.org"],
        subject="New submission to review: REF",
        body="Waiting in the queue.",
        next_attempt_at=timezone.now(),
    )
    call_command("enqueue_tasks", "frequent")
    run_tasks()
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.get().status == "sent"


def test_a_busy_message_is_tried_again_shortly(monkeypatch):
    monkeypatch.setattr("clinic.tasks.message_deliver", lambda **kwargs: Delivery.BUSY)
    deliver_notification.enqueue(41)
    run_tasks()
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs == {"args": [41], "kwargs": {}}
    assert timezone.now() < retry.run_after < timezone.now() + timedelta(seconds=30)


def test_queue_health_is_ok_when_nothing_waits():
    assert queue_health() == {"ok": True, "due": 0, "oldest_wait_seconds": 0}


def test_queue_health_fails_when_a_due_task_waits_past_five_minutes():
    deliver_notification.enqueue(1)
    deliver_notification.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(2)
    later = timezone.now() + timedelta(minutes=10)
    health = queue_health(now=later)
    assert health["ok"] is False and health["due"] == 1
    assert 600 <= health["oldest_wait_seconds"] < 660
    assert queue_health()["ok"] is True


def test_a_deferred_retry_counts_from_when_it_fell_due():
    deliver_notification.using(run_after=timezone.now() - timedelta(minutes=1)).enqueue(3)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=2))
    health = queue_health()
    assert health["ok"] is True and 60 <= health["oldest_wait_seconds"] < 120


def test_submissions_are_untouched_by_the_frequent_schedule():
    make_submission(created_at=timezone.now() - timedelta(days=800), full_name="Olive")
    call_command("enqueue_tasks", "frequent")
    run_tasks()
    assert Submission.objects.get().full_name == "Olive"
