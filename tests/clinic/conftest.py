"""Fixtures of the clinician tests: accounts, signed-in clients and submissions by outcome."""

import pytest

from tests.clinic.factories import answers_for, make_submission, make_user


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
