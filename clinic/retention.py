"""Retention: anonymise or delete submissions older than the clinic keeps them.

Anonymising removes what identifies the patient (name, email, phone, day and month of
birth, and every free-text note, decision note and override reason, which may name
them) and keeps the answers and the screen's result for the clinic's statistics.
Deleting removes the rows and everything hanging off them. Either way one audit entry
records how many rows, never which patients; the audit log itself is never purged.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from clinic.audit import audit_record
from clinic.models import AuditEntry, Decision, Note, OutcomeOverride
from screening.models import Submission

ANONYMISE, DELETE = "anonymise", "delete"


def purgeable(*, older_than_days, mode, now=None):
    """Submissions older than `older_than_days` that `mode` would still change."""
    cutoff = (now or timezone.now()) - timedelta(days=older_than_days)
    rows = Submission.objects.filter(created_at__lt=cutoff)
    return rows.filter(anonymised_at__isnull=True) if mode == ANONYMISE else rows


@transaction.atomic
def submissions_purge(*, older_than_days, mode, dry_run=False, now=None):
    """Anonymise or delete the old submissions; return how many were (or would be)."""
    rows = purgeable(older_than_days=older_than_days, mode=mode, now=now)
    count = rows.count()
    if dry_run or not count:
        return count
    if mode == DELETE:
        rows.delete()
    else:
        anonymise(rows, now or timezone.now())
    audit_record(
        actor=None,
        action=AuditEntry.Action.PURGE,
        ip_address=None,
        detail={"mode": mode, "count": count, "older_than_days": older_than_days},
    )
    return count


def anonymise(rows, now):
    """Strip identifying details from `rows` in place, with set-based updates."""
    submissions = list(rows.only("pk", "date_of_birth"))
    ids = [submission.pk for submission in submissions]
    for submission in submissions:
        submission.date_of_birth = submission.date_of_birth.replace(month=1, day=1)
    Submission.objects.bulk_update(submissions, ["date_of_birth"], batch_size=1000)
    Submission.objects.filter(pk__in=ids).update(
        full_name="", email="", phone="", anonymised_at=now
    )
    Note.objects.filter(submission_id__in=ids).update(text="[removed by retention]")
    Decision.objects.filter(submission_id__in=ids).update(note="")
    OutcomeOverride.objects.filter(submission_id__in=ids).update(reason="[removed by retention]")
