"""Writes that touch several rows: storing a submission with its screen result.

Keyword-only and atomic. The idempotency key (one per questionnaire in a session) is
unique in the database, so a double click, a refresh or parallel posts of the final step
store exactly one row, and each of them gets that row back. A new row is announced with
the `submission_stored` signal in the same transaction; whoever listens (the clinic's
outbox) is not known here.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from screening.eligibility import evaluate
from screening.models import ENGLISH, Submission
from screening.signals import submission_stored


def submission_create(
    *, answers, contact, idempotency_key, consent_version, language=ENGLISH, as_of=None
):
    """Evaluate `answers` and store them with the result and the `language` the patient
    read them in; return (submission, created)."""
    as_of = as_of or timezone.localdate()
    existing = Submission.objects.filter(idempotency_key=idempotency_key).first()
    if existing:
        return existing, False
    result = evaluate(answers, as_of)
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                idempotency_key=idempotency_key,
                as_of=as_of,
                **Submission.fields_from(answers, result),
                **contact,
                consent_version=consent_version,
                language=language,
                consented_at=timezone.now(),
            )
            submission_stored.send(sender=Submission, submission=submission)
    except IntegrityError:
        return Submission.objects.get(idempotency_key=idempotency_key), False
    return submission, True
