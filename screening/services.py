"""Writes that touch several rows: storing a submission with its screen result.

Keyword-only and atomic. The idempotency key (one per questionnaire in a session) is
unique in the database, so a double click, a refresh or parallel posts of the final step
store exactly one row, and each of them gets that row back.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.notifications import notification_enqueue
from screening.eligibility import evaluate
from screening.models import PRIORITY, Submission


def submission_create(*, answers, contact, idempotency_key, consent_version, as_of=None):
    """Evaluate `answers` and store them with the result; return (submission, created)."""
    as_of = as_of or timezone.localdate()
    existing = Submission.objects.filter(idempotency_key=idempotency_key).first()
    if existing:
        return existing, False
    result = evaluate(answers, as_of)
    fields = {name: getattr(answers, name) for name in answers.__dataclass_fields__}
    for name in ("imaging", "treatments_tried", "other_spine_diagnoses"):
        fields[name] = list(fields[name])
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                idempotency_key=idempotency_key,
                as_of=as_of,
                **fields,
                **contact,
                consent_version=consent_version,
                consented_at=timezone.now(),
                ruleset=result.ruleset,
                outcome=result.outcome,
                findings=[finding.to_dict() for finding in result.findings],
                priority=PRIORITY[result.outcome],
            )
            notification_enqueue(submission=submission)
    except IntegrityError:
        return Submission.objects.get(idempotency_key=idempotency_key), False
    return submission, True
