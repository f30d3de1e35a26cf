"""What clinicians add to a submission, the audit log, and the notification outbox.

The screen's own result (`Submission.outcome`, `findings`) is never rewritten: a
clinician's different view is an `OutcomeOverride` beside it, and only the stored
`priority` follows the effective outcome so the queue stays one indexed ORDER BY.
`AuditEntry` is append-only in the model itself, not only in the admin. `OutboxMessage`
holds each notification from the submission's own transaction until it is sent.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from screening.eligibility import vocabulary


class Decision(models.Model):
    """A clinician's decision on a submission; the latest one is the current decision."""

    class Choice(models.TextChoices):
        SCHEDULE_CONSULTATION = "schedule_consultation", _("Schedule a consultation")
        REQUEST_IMAGING = "request_imaging", _("Request imaging")
        REFER_ELSEWHERE = "refer_elsewhere", _("Refer elsewhere")
        NOT_A_CANDIDATE = "not_a_candidate", _("Not a candidate")
        URGENT_CARE_ADVISED = "urgent_care_advised", _("Urgent care advised")

    submission = models.ForeignKey(
        "screening.Submission", on_delete=models.CASCADE, related_name="decisions"
    )
    decision = models.CharField(max_length=30, choices=Choice.choices)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.get_decision_display()


class Note(models.Model):
    """A free-text note a clinician adds to a submission."""

    submission = models.ForeignKey(
        "screening.Submission", on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Note {self.pk}"


class OutcomeOverride(models.Model):
    """A clinician's outcome in place of the screen's, with the reason; the latest wins."""

    submission = models.ForeignKey(
        "screening.Submission", on_delete=models.CASCADE, related_name="overrides"
    )
    previous_outcome = models.CharField(max_length=20, choices=vocabulary.OUTCOMES)
    outcome = models.CharField(max_length=20, choices=vocabulary.OUTCOMES)
    reason = models.TextField()
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.previous_outcome} -> {self.outcome}"


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("The audit log is append-only.")

    def delete(self):
        raise PermissionDenied("The audit log is append-only.")

    def for_reference(self, reference):
        """Entries about one submission, newest first, with who made them."""
        return self.filter(reference=reference).select_related("actor").order_by("-created_at")


class AuditEntry(models.Model):
    """Who viewed, changed, exported or decided what, when and from where (no health data)."""

    class Action(models.TextChoices):
        VIEW_QUEUE = "view_queue", _("Viewed the queue")
        VIEW = "view", _("Viewed a submission")
        PRINT = "print", _("Printed a submission")
        ASSIGN = "assign", _("Assigned")
        STATUS = "status", _("Changed status")
        DECIDE = "decide", _("Recorded a decision")
        NOTE = "note", _("Added a note")
        OVERRIDE = "override", _("Overrode the outcome")
        EXPORT_CSV = "export_csv", _("Exported CSV")
        EXPORT_FHIR = "export_fhir", _("Exported FHIR")
        PURGE = "purge", _("Purged old submissions")
        TWO_FACTOR_ADD = "two_factor_add", _("Added an authenticator app")
        TWO_FACTOR_REMOVE = "two_factor_remove", _("Removed an authenticator app")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_username = models.CharField(max_length=150, help_text="Kept if the account goes.")
    action = models.CharField(max_length=20, choices=Action.choices)
    reference = models.CharField(max_length=14, blank=True, help_text="The submission, if one.")
    detail = models.JSONField(default=dict, blank=True, help_text="Ids and field names only.")
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["reference", "created_at"], name="audit_reference_idx")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Audit entries cannot be deleted.")


class OutboxMessage(models.Model):
    """An email waiting to go out; kept with its attempts and last error until sent.

    `submission` is the one it is about, so retention removes the message with it; it is
    empty for a notice about the account itself (an authenticator app added or removed).
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"

    created_at = models.DateTimeField(auto_now_add=True)
    submission = models.ForeignKey(
        "screening.Submission",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outbox_messages",
    )
    recipients = models.JSONField(default=list)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(help_text="Not tried again before this.")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
        ]

    def __str__(self):
        return f"{self.subject} ({self.status})"
