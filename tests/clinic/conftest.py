"""Fixtures of the clinician tests: accounts, signed-in clients and answers by outcome."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.clinic.factories import make_submission, make_user
from tests.screening.conftest import make_answers


def answers_for(outcome, as_of=None):
    """Answers the engine scores as `outcome` on `as_of` (default today)."""
    as_of = as_of or timezone.localdate()
    onset = as_of - timedelta(days=30)
    changes = {
        "likely_candidate": {},
        "needs_review": {"cancer_history": True},
        "unlikely_candidate": {"pain_trend": "much_better"},
        "urgent": {"fever": True},
    }[outcome]
    return make_answers(pain_onset_date=onset, **changes)


@pytest.fixture
def clinician(db):
    return make_user("dr-ada", clinician=True, first_name="Ada", last_name="Lovelace")


@pytest.fixture
def colleague(db):
    return make_user("dr-sam", clinician=True, first_name="Sam", last_name="Colleague")


@pytest.fixture
def staff_user(db):
    """Staff, even with the admin, but without the review permission."""
    return make_user("editor", is_staff=True)


@pytest.fixture
def clinician_client(client, clinician):
    client.force_login(clinician)
    return client


@pytest.fixture
def submission(db):
    return make_submission(answers=answers_for("likely_candidate"))


@pytest.fixture
def submission_of():
    """Factory: submission_of(outcome, **fields) -> a saved submission with that outcome."""

    def make(outcome, **fields):
        return make_submission(answers=answers_for(outcome), **fields)

    return make
