"""Rows for the clinician tests: answers by outcome, submissions scored by the real engine,
and accounts."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from screening.eligibility import evaluate
from screening.models import Submission
from tests.screening.factories import make_answers

CONTACT = {
    "full_name": "Margaret Example",
    "email": "margaret@example.org",
    "phone": "555 010 0199",
    "contact_method": "phone",
}
# A daughter who filled it in for her mother, and a note with a line break and markup.
HELPED = {
    "helper_name": "Susan Example",
    "helper_relationship": "Daughter",
    "helper_phone": "555 010 0142",
    "anything_else": "I use a walker.\nMy son drives me <b>on Tuesdays</b> & can help.",
}


def answers_for(outcome, as_of=None):
    """Answers the engine scores as `outcome` on `as_of` (default today)."""
    as_of = as_of or timezone.localdate()
    onset = as_of - timedelta(days=30)
    changes = {
        "likely_candidate": {},
        "needs_review": {"cancer_history": "yes"},
        "unlikely_candidate": {"pain_trend": "much_better"},
        "urgent": {"fever": True},
    }[outcome]
    return make_answers(pain_onset_date=onset, **changes)


def build_submission(*, answers=None, as_of=None, location=None, **fields):
    """An unsaved submission of `answers` (a likely candidate by default), as the engine
    scores them on `as_of` (default today); `fields` override any column."""
    as_of = as_of or timezone.localdate()
    answers = answers or make_answers(pain_onset_date=as_of - timedelta(days=30))
    row = {
        **Submission.fields_from(answers, evaluate(answers, as_of)),
        **CONTACT,
        "idempotency_key": uuid.uuid4(),
        "as_of": as_of,
        "location": location,
        "consent_version": "test",
        "consented_at": timezone.now(),
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


TEST_PASSWORD = "not-a-real-password-1"  # noqa: S105 (test accounts only)


def make_user(username, *, clinician=False, password=TEST_PASSWORD, **fields):
    user = get_user_model().objects.create_user(username, password=password, **fields)
    if clinician:
        user.groups.add(Group.objects.get(name="Clinicians"))
    return user
