"""Rows for the clinician tests: submissions scored by the real engine, and accounts."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from screening.eligibility import evaluate
from screening.models import PRIORITY, Submission
from tests.screening.conftest import make_answers

CONTACT = {
    "full_name": "Margaret Example",
    "email": "margaret@example.org",
    "phone": "555 010 0199",
    "contact_method": "phone",
}


def build_submission(*, answers=None, as_of=None, location=None, **fields):
    """An unsaved submission of `answers` (a likely candidate by default), as the engine
    scores them on `as_of` (default today); `fields` override any column."""
    as_of = as_of or timezone.localdate()
    answers = answers or make_answers(pain_onset_date=as_of - timedelta(days=30))
    result = evaluate(answers, as_of)
    values = {name: getattr(answers, name) for name in answers.__dataclass_fields__}
    for name in ("imaging", "treatments_tried", "other_spine_diagnoses"):
        values[name] = list(values[name])
    row = {
        **values,
        **CONTACT,
        "idempotency_key": uuid.uuid4(),
        "as_of": as_of,
        "location": location,
        "consent_version": "test",
        "consented_at": timezone.now(),
        "ruleset": result.ruleset,
        "outcome": result.outcome,
        "findings": [finding.to_dict() for finding in result.findings],
        "priority": PRIORITY[result.outcome],
    }
    row.update(fields)
    return Submission(**row)


def make_submission(*, created_at=None, **kwargs):
    """A saved submission; `created_at` (default now) is set after the insert."""
    submission = build_submission(**kwargs)
    submission.save()
    if created_at is not None:
        Submission.objects.filter(pk=submission.pk).update(created_at=created_at)
        submission.refresh_from_db()
    return submission


def make_user(username, *, clinician=False, **fields):
    user = get_user_model().objects.create_user(
        username, password="not-a-real-password-1", **fields
    )
    if clinician:
        user.groups.add(Group.objects.get(name="Clinicians"))
    return user
