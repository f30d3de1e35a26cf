"""The clinic's emails: queued with the submission, sent after commit, kept when they fail."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from clinic.models import OutboxMessage
from clinic.notifications import claim, outbox_deliver
from screening.services import submission_create
from tests.clinic.conftest import answers_for
from tests.clinic.factories import CONTACT
from tests.screening.journey import complete, patient_steps
from tests.screening.journey import submit as send_answers

pytestmark = pytest.mark.django_db
FAILING = "tests.clinic.backends.FailingEmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


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


@pytest.mark.parametrize(
    ("outcome", "queued"),
    [("urgent", 1), ("likely_candidate", 1), ("needs_review", 0), ("unlikely_candidate", 0)],
)
def test_urgent_and_likely_submissions_queue_one_message(outcome, queued):
    submit(outcome)
    assert OutboxMessage.objects.count() == queued


def test_no_inbox_no_message(settings):
    settings.CLINIC_NOTIFY_EMAIL = ""
    submit("urgent")
    assert not OutboxMessage.objects.exists()


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


def test_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit("likely_candidate")
    assert len(mail.outbox) == 1
    assert submission.reference in mail.outbox[0].subject
    message = OutboxMessage.objects.get()
    assert message.status == "sent" and message.attempts == 1 and message.sent_at


def test_rolled_back_submission_leaves_no_message():
    with pytest.raises(RuntimeError), transaction.atomic():
        submit("urgent")
        raise RuntimeError("the request failed later")
    assert not OutboxMessage.objects.exists()


def test_failed_send_stays_queued_and_the_command_retries(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit("urgent")
    message = OutboxMessage.objects.get()
    assert message.status == "pending" and message.attempts == 1
    assert message.last_error.startswith("SMTPConnectError")
    assert "Margaret" not in message.last_error
    assert submission.reference  # the patient's submission is stored all the same

    call_command("send_notifications")  # not due yet: backing off
    assert OutboxMessage.objects.get().attempts == 1

    settings.EMAIL_BACKEND = LOCMEM
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    call_command("send_notifications")
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2 and message.last_error == ""
    assert len(mail.outbox) == 1


def test_two_senders_never_claim_the_same_message():
    submit("urgent")
    submit("likely_candidate")
    first = claim(worker="host-a", limit=10)
    second = claim(worker="host-b", limit=10)
    assert len(first) == 2 and second == []


def test_an_expired_claim_is_taken_over():
    submit("urgent")
    claim(worker="crashed-host", limit=10)
    OutboxMessage.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert outbox_deliver() == (1, 0)
    assert len(mail.outbox) == 1
    assert outbox_deliver() == (0, 0)


def test_worker_loop_runs_until_stopped(monkeypatch):
    submit("urgent")
    rounds = []

    def sleep(seconds):
        rounds.append(seconds)
        if len(rounds) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("time.sleep", sleep)
    call_command("send_notifications", "--loop", "--interval", "5")
    assert rounds == [5.0, 5.0]
    assert OutboxMessage.objects.get().status == "sent"


def test_a_patient_finishing_the_questionnaire_notifies_the_clinic(
    client, django_capture_on_commit_callbacks
):
    complete(client, patient_steps())
    with django_capture_on_commit_callbacks(execute=True):
        response = send_answers(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/clinic/submissions/" in mail.outbox[0].body
