"""Retention: old submissions lose what identifies the patient, audited, never the log."""

from datetime import date, timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.utils import timezone

from clinic.models import AuditEntry, Decision, Note, OutboxMessage, OutcomeOverride
from clinic.retention import ANONYMISE, submissions_purge
from screening.models import Submission
from tests.clinic.factories import HELPED, make_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_and_new():
    old = make_submission(
        created_at=timezone.now() - timedelta(days=800),
        full_name="Olive Oldrow",
        email="olive@example.org",
        phone="555 010 0777",
        date_of_birth=date(1944, 7, 19),
        **HELPED,
    )
    Note.objects.create(submission=old, text="Olive's daughter called.")
    Decision.objects.create(submission=old, decision="not_a_candidate", note="Spoke to Olive.")
    new = make_submission(
        created_at=timezone.now() - timedelta(days=10), full_name="Nina Newrow", **HELPED
    )
    return old, new


def test_anonymise_strips_identity_keeps_answers_and_audits(old_and_new, capsys):
    old, new = old_and_new
    call_command("purge_submissions", "--older-than", "730")
    old.refresh_from_db()
    assert (old.full_name, old.email, old.phone) == ("", "", "")
    assert (old.helper_name, old.helper_relationship, old.helper_phone) == ("", "", "")
    assert old.anything_else == "" and not old.filled_in_by_helper
    assert old.date_of_birth == date(1944, 1, 1)
    assert old.anonymised_at is not None
    assert old.pain_score is not None and old.outcome
    assert "Olive" not in Note.objects.get(submission=old).text
    assert Decision.objects.get(submission=old).note == ""
    kept = Submission.objects.get(pk=new.pk)
    assert kept.full_name == "Nina Newrow" and kept.helper_name == "Susan Example"
    assert kept.anything_else == HELPED["anything_else"]
    entry = AuditEntry.objects.get(action="purge")
    assert entry.detail == {"mode": "anonymise", "count": 1, "older_than_days": 730}
    assert "Anonymized 1 submissions" in capsys.readouterr().out


def test_dry_run_changes_nothing(old_and_new, capsys):
    call_command("purge_submissions", "--older-than", "730", "--dry-run")
    assert Submission.objects.filter(full_name="Olive Oldrow").exists()
    assert not AuditEntry.objects.filter(action="purge").exists()
    assert "Would anonymize 1 submissions" in capsys.readouterr().out


def test_delete_removes_old_rows_and_keeps_the_audit_log(old_and_new):
    old, new = old_and_new
    AuditEntry.objects.create(actor_username="dr", action="view", reference=old.reference)
    call_command("purge_submissions", "--older-than", "730", "--delete")
    assert list(Submission.objects.values_list("pk", flat=True)) == [new.pk]
    assert not Note.objects.exists()
    assert AuditEntry.objects.filter(reference=old.reference, action="view").exists()
    assert AuditEntry.objects.get(action="purge").detail["mode"] == "delete"


def test_running_twice_anonymises_once(old_and_new):
    call_command("purge_submissions", "--older-than", "730")
    call_command("purge_submissions", "--older-than", "730")
    assert AuditEntry.objects.filter(action="purge").count() == 1


def outbox_message(submission):
    return OutboxMessage.objects.create(
        submission=submission,
        recipients=["triage@example-clinic.org"],
        subject=f"New submission to review: {submission.reference}",
        body=f"Open it after signing in: /clinic/submissions/{submission.reference}/",
        next_attempt_at=timezone.now(),
    )


def snapshot():
    """Every row retention may touch, as plain values."""
    models = (Submission, Note, Decision, OutcomeOverride, OutboxMessage, AuditEntry, Session)
    return {
        model.__name__: sorted(map(str, map(model_to_dict, model.objects.all())))
        for model in models
    }


def test_text_added_after_anonymising_is_removed_by_the_next_purge(old_and_new):
    old, _new = old_and_new
    call_command("purge_submissions", "--older-than", "730")
    Note.objects.create(submission=old, text="Olive moved to her son's, 12 Elm St.")
    Decision.objects.create(submission=old, decision="refer_elsewhere", note="Olive agreed.")
    OutcomeOverride.objects.create(
        submission=old,
        previous_outcome="likely_candidate",
        outcome="needs_review",
        reason="Olive's GP says no.",
    )
    call_command("purge_submissions", "--older-than", "730")
    assert not Note.objects.filter(text__contains="Olive").exists()
    assert not Decision.objects.filter(note__contains="Olive").exists()
    assert not OutcomeOverride.objects.filter(reason__contains="Olive").exists()
    assert AuditEntry.objects.filter(action="purge").count() == 2


def test_outbox_messages_of_purged_submissions_are_gone_and_others_kept(old_and_new):
    old, new = old_and_new
    outbox_message(old)
    kept = outbox_message(new)
    call_command("purge_submissions", "--older-than", "730")
    assert list(OutboxMessage.objects.all()) == [kept]
    assert not OutboxMessage.objects.filter(body__contains=old.reference).exists()


def test_delete_removes_the_outbox_messages_too(old_and_new):
    old, _new = old_and_new
    outbox_message(old)
    call_command("purge_submissions", "--older-than", "730", "--delete")
    assert not OutboxMessage.objects.exists()


def test_expired_sessions_go_with_the_purge(old_and_new):
    expired = SessionStore()
    expired["answers"] = {"full_name": "Paula Patient"}
    expired.set_expiry(-60)
    expired.save()
    call_command("purge_submissions", "--older-than", "730")
    assert not Session.objects.exists()


def test_a_purge_with_nothing_left_to_do_changes_nothing(old_and_new):
    old, _new = old_and_new
    outbox_message(old)
    OutcomeOverride.objects.create(
        submission=old,
        previous_outcome="likely_candidate",
        outcome="needs_review",
        reason="Olive's GP says no.",
    )
    assert submissions_purge(older_than_days=730, mode=ANONYMISE) == 1
    before = snapshot()
    assert submissions_purge(older_than_days=730, mode=ANONYMISE) == 0
    assert snapshot() == before
