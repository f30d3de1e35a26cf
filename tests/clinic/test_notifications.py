"""The clinic's emails: queued with the submission, sent by a worker, kept when they fail."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from clinic.models import OutboxMessage
from clinic.notifications import Delivery, message_deliver
from screening.services import submission_create
from tests.clinic.factories import CONTACT, answers_for
from tests.clinic.helpers import run_tasks
from tests.screening.journey import complete, patient_steps
from tests.screening.journey import submit as send_answers

pytestmark = pytest.mark.django_db
FAILING = "tests.clinic.backends.FailingEmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
DELIVER = "clinic.tasks.deliver_notification"


@pytest.fixture(autouse=True)
def inbox(settings):
    settings.CLINIC_NOTIFY_EMAIL = "triage@example-clinic.org"
    settings.SITE_URL = "https://kypho.example-clinic.org"
    settings.EMAIL_BACKEND = LOCMEM


def submit(outcome):
    submission, _created = submission_create(
        answers=answers_for(outcome),
        contact={**CONTACT, "location": None},
        idempotency_key=uuid.uuid4(),
        consent_version="test",
    )
    return submission


def delivery_tasks():
    return DBTaskResult.objects.filter(task_path=DELIVER)


@pytest.mark.parametrize(
    ("outcome", "queued"),
    [("urgent", 1), ("likely_candidate", 1), ("needs_review", 0), ("unlikely_candidate", 0)],
)
def test_urgent_and_likely_submissions_queue_one_message(outcome, queued):
    submit(outcome)
    assert OutboxMessage.objects.count() == queued


def test_no_inbox_no_message(settings, django_capture_on_commit_callbacks):
    settings.CLINIC_NOTIFY_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        submit("urgent")
    assert not OutboxMessage.objects.exists()
    assert not delivery_tasks().exists()


def test_message_carries_reference_and_link_but_no_health_data_or_name():
    submission = submit("urgent")
    message = OutboxMessage.objects.get()
    text = message.subject + message.body
    assert submission.reference in message.subject
    link = f"https://kypho.example-clinic.org/clinic/submissions/{submission.reference}/"
    assert link in message.body
    for private in ("Margaret", "Example", "fever", "Fever", "urgent", "Urgent", "555"):
        assert private not in text
    assert message.recipients == ["triage@example-clinic.org"]
    assert message.submission == submission


def test_the_patients_request_never_waits_on_mail(client, django_capture_on_commit_callbacks):
    complete(client, patient_steps())
    with django_capture_on_commit_callbacks(execute=True):
        response = send_answers(client)
    assert response.status_code == 302
    assert mail.outbox == []  # nothing was handed to a mail server in the request
    message = OutboxMessage.objects.get()
    assert message.status == "pending" and message.attempts == 0
    task = delivery_tasks().get()
    assert task.status == "READY" and task.args_kwargs == {"args": [message.pk], "kwargs": {}}

    run_tasks()  # a worker, later and elsewhere
    assert len(mail.outbox) == 1
    assert "/clinic/submissions/" in mail.outbox[0].body
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 1 and message.sent_at


def test_task_rows_hold_no_personal_data(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit("urgent")
    stored = str(delivery_tasks().values_list("args_kwargs", flat=True).get())
    for private in ("Margaret", "margaret@", "555", submission.reference):
        assert private not in stored


def test_rolled_back_submission_leaves_no_message_and_no_task(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        submit("urgent")
        raise RuntimeError("the request failed later")
    assert not OutboxMessage.objects.exists()
    assert not delivery_tasks().exists()


def test_a_failed_send_stays_queued_and_the_task_retries_itself(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        submit("urgent")
    run_tasks()
    message = OutboxMessage.objects.get()
    assert message.status == "pending" and message.attempts == 1
    assert message.last_error.startswith("SMTPConnectError")
    assert message.next_attempt_at > timezone.now() + timedelta(seconds=90)  # backing off
    retry = delivery_tasks().get(status="READY")
    assert retry.run_after == message.next_attempt_at

    run_tasks()  # not due yet: nothing happens
    assert OutboxMessage.objects.get().attempts == 1

    settings.EMAIL_BACKEND = LOCMEM
    now = timezone.now()
    OutboxMessage.objects.update(next_attempt_at=now)
    delivery_tasks().filter(status="READY").update(run_after=now)
    run_tasks()
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2 and message.last_error == ""
    assert len(mail.outbox) == 1
    assert not delivery_tasks().filter(status="READY").exists()


def test_a_second_task_for_a_sent_message_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit("urgent")
    message = OutboxMessage.objects.get()
    assert message_deliver(message_id=message.pk) == Delivery.SENT
    run_tasks()  # the original task, arriving late
    assert message_deliver(message_id=message.pk) == Delivery.NOTHING
    assert len(mail.outbox) == 1


def test_the_message_id_is_the_same_on_every_try(settings):
    settings.DEFAULT_FROM_EMAIL = "Kypho Spine Clinic <kypho@example-clinic.org>"
    settings.EMAIL_BACKEND = FAILING
    submit("urgent")
    message = OutboxMessage.objects.get()
    message_deliver(message_id=message.pk)
    settings.EMAIL_BACKEND = LOCMEM
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    message_deliver(message_id=message.pk)
    message_id = mail.outbox[0].extra_headers["Message-ID"]
    stamp = f"{message.created_at:%Y%m%d%H%M%S%f}"
    assert message_id == f"<outbox-{message.pk}.{stamp}@example-clinic.org>"


def test_the_one_shot_command_sends_what_is_due(settings, capsys):
    settings.EMAIL_BACKEND = FAILING
    submit("urgent")
    call_command("send_notifications")
    assert "Sent 0, failed 1" in capsys.readouterr().out
    call_command("send_notifications")  # backing off: not due
    assert OutboxMessage.objects.get().attempts == 1

    settings.EMAIL_BACKEND = LOCMEM
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    call_command("send_notifications")
    assert "Sent 1, failed 0" in capsys.readouterr().out
    assert OutboxMessage.objects.get().status == "sent" and len(mail.outbox) == 1


def test_the_home_made_loop_is_gone_with_a_pointer_to_the_worker():
    with pytest.raises(CommandError, match="db_worker"):
        call_command("send_notifications", "--loop")
