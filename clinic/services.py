"""Writes of the review workflow: each one atomic, each one writing its audit entry.

Keyword-only, named `<noun>_<verb>`. Every function locks the submission's row first, so
two clinicians acting at once are applied one after the other, and writes the change and
its audit entry in one transaction: there is no change without its entry, nor the reverse.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.audit import Action, audit_record
from clinic.models import Decision, Note, OutcomeOverride
from clinic.workflow import allowed_statuses, effective_outcome
from screening.eligibility.vocabulary import PRIORITY
from screening.models import Submission


class WorkflowError(Exception):
    """A change the workflow does not allow (the message says why, for the clinician)."""


def _lock(submission):
    return Submission.objects.select_for_update().get(pk=submission.pk)


def _save_status(submission, status):
    """Set and save the status, stamping the first review the first time it moves."""
    submission.status = status
    fields = ["status"]
    if submission.first_reviewed_at is None:
        submission.first_reviewed_at = timezone.now()
        fields.append("first_reviewed_at")
    submission.save(update_fields=fields)


def submission_assign(*, submission, assignee, actor, ip_address):
    """Give the submission to `assignee` (None to unassign)."""
    with transaction.atomic():
        submission = _lock(submission)
        previous = submission.assigned_to_id
        submission.assigned_to = assignee
        submission.save(update_fields=["assigned_to"])
        detail = {
            "from_user_id": previous,
            "to_user_id": assignee.pk if assignee else None,
            "to_username": assignee.get_username() if assignee else "",
        }
        audit_record(
            actor=actor,
            action=Action.ASSIGN,
            ip_address=ip_address,
            reference=submission.reference,
            detail=detail,
        )
    return submission


def submission_set_status(*, submission, status, actor, ip_address):
    """Move the submission to `status` if the workflow allows it from where it is."""
    with transaction.atomic():
        submission = _lock(submission)
        previous = submission.status
        if status not in allowed_statuses(previous):
            labels = dict(Submission.Status.choices)
            raise WorkflowError(
                _("A submission that is %(now)s cannot become %(next)s.")
                % {
                    "now": str(labels[previous]).lower(),
                    "next": str(labels.get(status, status)).lower(),
                }
            )
        _save_status(submission, status)
        audit_record(
            actor=actor,
            action=Action.STATUS,
            ip_address=ip_address,
            reference=submission.reference,
            detail={"field": "status", "from": previous, "to": status},
        )
    return submission


def submission_record_decision(*, submission, decision, note, actor, ip_address):
    """Record a decision with its note; the submission becomes `decided`."""
    with transaction.atomic():
        submission = _lock(submission)
        if submission.status == Submission.Status.CLOSED:
            raise WorkflowError(_("This submission is closed. Reopen it before deciding."))
        row = Decision.objects.create(
            submission=submission, decision=decision, note=note, decided_by=actor
        )
        _save_status(submission, Submission.Status.DECIDED)
        audit_record(
            actor=actor,
            action=Action.DECIDE,
            ip_address=ip_address,
            reference=submission.reference,
            detail={"decision_id": row.pk, "fields": ["decision", "note", "status"]},
        )
    return row


def submission_add_note(*, submission, text, actor, ip_address):
    """Add a clinician's note to the submission."""
    with transaction.atomic():
        submission = _lock(submission)
        note = Note.objects.create(submission=submission, text=text, author=actor)
        audit_record(
            actor=actor,
            action=Action.NOTE,
            ip_address=ip_address,
            reference=submission.reference,
            detail={"note_id": note.pk},
        )
    return note


def submission_override_outcome(*, submission, outcome, reason, actor, ip_address):
    """Replace the effective outcome (never the screen's own), with a reason; re-prioritize."""
    with transaction.atomic():
        submission = _lock(submission)
        previous = effective_outcome(submission)
        if outcome == previous:
            raise WorkflowError(_("That is already the outcome. Choose a different one."))
        row = OutcomeOverride.objects.create(
            submission=submission,
            previous_outcome=previous,
            outcome=outcome,
            reason=reason,
            overridden_by=actor,
        )
        submission.priority = PRIORITY[outcome]
        submission.save(update_fields=["priority"])
        audit_record(
            actor=actor,
            action=Action.OVERRIDE,
            ip_address=ip_address,
            reference=submission.reference,
            detail={"override_id": row.pk, "fields": ["outcome", "reason", "priority"]},
        )
    return row
