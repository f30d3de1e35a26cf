"""A stored questionnaire submission: the patient's answers and the screen's result.

Answers live in typed columns named as in SCREENING.md (list answers as JSON lists), so
the clinician queue can filter and sort on them; the engine's findings are kept exactly as
they were at submission, with the ruleset version that produced them. `priority` is stored
(not computed per query) so the review queue is one indexed ORDER BY.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from screening import vocabulary
from screening.eligibility import Answers
from screening.querysets import SubmissionQuerySet

# The queue shows urgent first, then likely, needs review, unlikely.
PRIORITY = {"urgent": 0, "likely_candidate": 1, "needs_review": 2, "unlikely_candidate": 3}

# Crockford's base32 without look-alike letters: easy to read out over the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference():
    """An unguessable public reference such as `K7F3-9QXM-2ABD` (60 random bits)."""
    raw = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(12))
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


class Submission(models.Model):
    """One completed questionnaire, with its screen result and its review state."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        DECIDED = "decided", "Decided"
        CLOSED = "closed", "Closed"

    class ContactMethod(models.TextChoices):
        PHONE = "phone", "Phone call"
        EMAIL = "email", "Email"

    reference = models.CharField(max_length=14, unique=True, default=new_reference, editable=False)
    idempotency_key = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    as_of = models.DateField(help_text="The date the rules were evaluated for.")

    # Answers (SCREENING.md section 1).
    pain_onset_date = models.DateField(null=True, blank=True)
    onset_event = models.CharField(max_length=20, choices=vocabulary.ONSET_EVENTS)
    pain_score = models.PositiveSmallIntegerField()
    pain_trend = models.CharField(max_length=20, choices=vocabulary.PAIN_TRENDS)
    hospitalised_or_unable_to_walk = models.BooleanField()
    imaging = models.JSONField(default=list, blank=True)
    imaging_result = models.CharField(max_length=20, choices=vocabulary.IMAGING_RESULTS)
    treatments_tried = models.JSONField(default=list, blank=True)
    treatment_weeks = models.PositiveSmallIntegerField()
    osteoporosis = models.CharField(max_length=10, choices=vocabulary.OSTEOPOROSIS)
    cancer_history = models.BooleanField()
    long_term_steroids = models.BooleanField()
    other_spine_diagnoses = models.JSONField(default=list, blank=True)
    neuro_symptoms = models.CharField(max_length=20, choices=vocabulary.NEURO_SYMPTOMS)
    bladder_bowel_changes = models.BooleanField()
    fever = models.BooleanField()
    active_infection = models.BooleanField()
    blood_thinners = models.BooleanField()
    bleeding_disorder = models.BooleanField()
    cement_or_contrast_allergy = models.BooleanField()
    pregnant = models.BooleanField()
    date_of_birth = models.DateField()

    # Contact details (not inputs of the rules).
    full_name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40)
    location = models.ForeignKey(
        "education.Location", null=True, blank=True, on_delete=models.SET_NULL
    )
    contact_method = models.CharField(max_length=10, choices=ContactMethod.choices)
    consent_version = models.CharField(max_length=20)
    consented_at = models.DateTimeField()

    # The screen's result, as evaluated at submission.
    ruleset = models.CharField(max_length=20)
    outcome = models.CharField(max_length=20, choices=vocabulary.OUTCOMES)
    findings = models.JSONField(default=list)
    priority = models.PositiveSmallIntegerField(help_text="0 urgent ... 3 unlikely.")

    # Review workflow.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )
    first_reviewed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(
        null=True, blank=True, help_text="When retention removed the contact details."
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "created_at"]
        indexes = [
            models.Index(fields=["priority", "created_at"], name="submission_queue_idx"),
            models.Index(fields=["status", "priority", "created_at"], name="submission_status_idx"),
            models.Index(fields=["outcome", "created_at"], name="submission_outcome_idx"),
            models.Index(
                fields=["location", "priority", "created_at"], name="submission_location_idx"
            ),
        ]
        permissions = [("review_submission", "Can review screening submissions")]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("screening:result", kwargs={"reference": self.reference})

    def to_answers(self):
        """The stored answers as the engine's `Answers`, to re-evaluate or export them."""
        values = {name: getattr(self, name) for name in Answers.__dataclass_fields__}
        for name in ("imaging", "treatments_tried", "other_spine_diagnoses"):
            values[name] = tuple(values[name])
        return Answers(**values)

    @property
    def finding_effects(self):
        return {finding["effect"] for finding in self.findings}
