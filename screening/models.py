"""A stored questionnaire submission: the patient's answers and the screen's result.

Answers live in typed columns named as in the contract (list answers as JSON lists), so
the database keeps their types and exports read them as they are; the engine's findings
are kept exactly as they were at submission, with the ruleset version that produced
them. `priority` is stored (not computed per query) so the review queue is one indexed
ORDER BY.

`language` is the language the patient read the questionnaire in, so the clinic can call
with an interpreter; it is named in English (`LANGUAGE_NAMES`) for clinicians and records.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from screening.eligibility import QUESTIONS, Answers, vocabulary
from screening.eligibility.vocabulary import PRIORITY
from screening.querysets import SubmissionQuerySet
from screening.references import new_reference

__all__ = ["LANGUAGE_NAMES", "Submission", "new_reference"]  # new_reference: migration 0001

# The patient languages by code, named in English ("es": "Spanish") whatever is active.
LANGUAGE_NAMES = {code: get_language_info(code)["name"] for code, _own in settings.LANGUAGES}
ENGLISH = "en"


class Submission(models.Model):
    """One completed questionnaire, with its screen result and its review state."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("In review")
        DECIDED = "decided", _("Decided")
        CLOSED = "closed", _("Closed")

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        EMAIL = "email", _("Email")

    reference = models.CharField(max_length=14, unique=True, default=new_reference, editable=False)
    idempotency_key = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    as_of = models.DateField(help_text="The date the rules were evaluated for.")

    # Answers (docs/screening-contract.md section 1): a column per question of the registry,
    # named by its key; tests/screening/test_registry.py holds the two together.
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
    cancer_history = models.CharField(max_length=10, choices=vocabulary.TRI_STATE)
    long_term_steroids = models.CharField(max_length=10, choices=vocabulary.TRI_STATE)
    other_spine_diagnoses = models.JSONField(default=list, blank=True)
    neuro_symptoms = models.CharField(max_length=20, choices=vocabulary.NEURO_SYMPTOMS)
    bladder_bowel_changes = models.BooleanField()
    fever = models.BooleanField()
    active_infection = models.CharField(max_length=10, choices=vocabulary.TRI_STATE)
    blood_thinners = models.CharField(max_length=10, choices=vocabulary.TRI_STATE)
    bleeding_disorder = models.CharField(max_length=10, choices=vocabulary.TRI_STATE)
    cement_or_contrast_allergy = models.CharField(max_length=10, choices=vocabulary.TRI_STATE)
    date_of_birth = models.DateField()
    pregnant = models.CharField(max_length=10, choices=vocabulary.PREGNANCY)

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
    language = models.CharField(
        max_length=10,
        choices=list(LANGUAGE_NAMES.items()),
        default=ENGLISH,
        help_text="The language the patient read the questionnaire in.",
    )

    # Who filled it in for the patient (a relative or carer), empty when the patient did,
    # and the patient's own note to the clinic (free text: health data). Not rules inputs.
    helper_name = models.CharField(max_length=200, blank=True, default="")
    helper_relationship = models.CharField(max_length=200, blank=True, default="")
    helper_phone = models.CharField(max_length=40, blank=True, default="")
    anything_else = models.TextField(blank=True, default="")

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

    @property
    def filled_in_by_helper(self):
        """True when a relative or carer filled it in (their name is kept until retention)."""
        return bool(self.helper_name)

    @property
    def needs_interpreter(self):
        """True when the patient read the questionnaire in a language other than English."""
        return self.language != ENGLISH

    @staticmethod
    def fields_from(answers, result) -> dict:
        """The columns a screened questionnaire fills: every answer and the screen's result.

        The one way a submission is built from `Answers` and an evaluation `Result`:
        list answers are stored as JSON lists, and the priority follows the outcome.
        """
        values = {q.key: _stored(q, getattr(answers, q.key)) for q in QUESTIONS}
        return {
            **values,
            "ruleset": result.ruleset,
            "outcome": result.outcome,
            "findings": [stored_finding(finding) for finding in result.findings],
            "priority": PRIORITY[result.outcome],
        }

    def to_answers(self):
        """The stored answers as the engine's `Answers`, to re-evaluate or export them."""
        return Answers(**{q.key: _answer(q, getattr(self, q.key)) for q in QUESTIONS})

    def answer_values(self) -> dict:
        """The stored answers by key, in registry order (lists as stored)."""
        return {q.key: getattr(self, q.key) for q in QUESTIONS}


def stored_finding(finding) -> dict:
    """A finding as a submission keeps it: the contract's dict, plus the patient's words
    as sentences (`patient_words`), so the result page can show them in the patient's
    language. Rows stored before had only `patient_text`, in English."""
    return {**finding.to_dict(), "patient_words": finding.patient.to_list()}


def _stored(question, value):
    """An answer as its column holds it (a multi answer's tuple as a JSON list)."""
    return list(value) if question.kind == "multi" else value


def _answer(question, value):
    """A column's value as `Answers` holds it (a multi answer's JSON list as a tuple)."""
    return tuple(value) if question.kind == "multi" else value
