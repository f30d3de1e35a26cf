"""Retention: old submissions lose what identifies the patient, audited, never the log."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from clinic.models import AuditEntry, Decision, Note
from screening.models import Submission
from tests.clinic.factories import make_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_and_new():
    old = make_submission(
        created_at=timezone.now() - timedelta(days=800),
        full_name="Olive Oldrow",
        email="olive@example.org",
        phone="555 010 0777",
        date_of_birth=date(1944, 7, 19),
    )
    Note.objects.create(submission=old, text="Olive's daughter called.")
    Decision.objects.create(submission=old, decision="not_a_candidate", note="Spoke to Olive.")
    new = make_submission(created_at=timezone.now() - timedelta(days=10), full_name="Nina Newrow")
    return old, new


def test_anonymise_strips_identity_keeps_answers_and_audits(old_and_new, capsys):
    old, new = old_and_new
    call_command("purge_submissions", "--older-than", "730")
    old.refresh_from_db()
    assert (old.full_name, old.email, old.phone) == ("", "", "")
    assert old.date_of_birth == date(1944, 1, 1)
    assert old.anonymised_at is not None
    assert old.pain_score is not None and old.outcome
    assert "Olive" not in Note.objects.get(submission=old).text
    assert Decision.objects.get(submission=old).note == ""
    assert Submission.objects.get(pk=new.pk).full_name == "Nina Newrow"
    entry = AuditEntry.objects.get(action="purge")
    assert entry.detail == {"mode": "anonymise", "count": 1, "older_than_days": 730}
    assert "Anonymised 1 submissions" in capsys.readouterr().out


def test_dry_run_changes_nothing(old_and_new, capsys):
    call_command("purge_submissions", "--older-than", "730", "--dry-run")
    assert Submission.objects.filter(full_name="Olive Oldrow").exists()
    assert not AuditEntry.objects.filter(action="purge").exists()
    assert "Would anonymise 1 submissions" in capsys.readouterr().out


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
