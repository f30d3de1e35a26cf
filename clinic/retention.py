"""Retention: anonymize or delete submissions older than the clinic keeps them.

Anonymizing removes what identifies the patient (name, email, phone, day and month of
birth, the name, relationship and phone of a relative or carer who filled it in, the
patient's own note and every free-text note, decision note and override reason, which
may name them, and the outbox messages about the submission) and keeps the answers and
the screen's result for the clinic's statistics. It is complete and idempotent: every run
scrubs whatever an old submission still holds, including a note added after it was first
anonymized, and a run with nothing left to scrub changes nothing. Deleting removes the
rows and everything hanging off them. Either way expired sessions (unfinished
questionnaires) go too, and one audit entry records how many submissions, never which;
the audit log is never purged. Task rows hold ids only (see `clinic.tasks`), so they need
no scrubbing.
"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from clinic.audit import audit_record
from clinic.models import AuditEntry, Decision, Note, OutboxMessage, OutcomeOverride
from screening.models import Submission

# The modes as audit entries store them (kept as first written, so old entries still match).
ANONYMISE, DELETE = "anonymise", "delete"
REMOVED = "[removed by retention]"


def leftover_text():
    """Per kind of row hanging off a submission, the rows that still hold free text."""
    return {
        Note: ~Q(text=REMOVED),
        Decision: ~Q(note=""),
        OutcomeOverride: ~Q(reason=REMOVED),
        OutboxMessage: Q(),
    }


def sessions_clear_expired():
    """Drop expired sessions and the unfinished answers in them (as `clearsessions`)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


def old_submissions(*, older_than_days, now=None):
    """Submissions created more than `older_than_days` ago."""
    cutoff = (now or timezone.now()) - timedelta(days=older_than_days)
    return Submission.objects.filter(created_at__lt=cutoff)


def purgeable(*, older_than_days, mode, now=None):
    """Submissions older than `older_than_days` that `mode` would still change."""
    rows = old_submissions(older_than_days=older_than_days, now=now)
    if mode == DELETE:
        return rows
    unscrubbed = Q(anonymised_at__isnull=True)
    for model, holds_text in leftover_text().items():
        unscrubbed |= Exists(model.objects.filter(holds_text, submission=OuterRef("pk")))
    return rows.filter(unscrubbed)


@transaction.atomic
def submissions_purge(*, older_than_days, mode, dry_run=False, now=None):
    """Anonymize or delete the old submissions; return how many were (or would be)."""
    now = now or timezone.now()
    rows = purgeable(older_than_days=older_than_days, mode=mode, now=now)
    count = rows.count()
    if dry_run:
        return count
    sessions_clear_expired()
    if not count:
        return count
    if mode == DELETE:
        rows.delete()
    else:
        anonymise(old_submissions(older_than_days=older_than_days, now=now), now)
    audit_record(
        actor=None,
        action=AuditEntry.Action.PURGE,
        ip_address=None,
        detail={"mode": mode, "count": count, "older_than_days": older_than_days},
    )
    return count


def anonymise(old, now):
    """Strip identifying details and free text from the `old` submissions, set-based."""
    fresh = old.filter(anonymised_at__isnull=True)
    births = list(fresh.only("pk", "date_of_birth"))
    for submission in births:
        submission.date_of_birth = submission.date_of_birth.replace(month=1, day=1)
    Submission.objects.bulk_update(births, ["date_of_birth"], batch_size=1000)
    fresh.update(
        full_name="",
        email="",
        phone="",
        helper_name="",
        helper_relationship="",
        helper_phone="",
        anything_else="",
        anonymised_at=now,
    )
    Note.objects.filter(submission__in=old).exclude(text=REMOVED).update(text=REMOVED)
    Decision.objects.filter(submission__in=old).exclude(note="").update(note="")
    OutcomeOverride.objects.filter(submission__in=old).exclude(reason=REMOVED).update(
        reason=REMOVED
    )
    OutboxMessage.objects.filter(submission__in=old).delete()
