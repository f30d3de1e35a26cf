"""createclinician, load_demo and send_notifications from the command line."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from clinic.models import Decision, OutcomeOverride
from education.models import Location
from screening.eligibility import RULESET_VERSION, answers_to_dict, evaluate, parse_record
from screening.eligibility.vocabulary import PRIORITY
from screening.models import Submission

pytestmark = pytest.mark.django_db


def test_createclinician_makes_a_reviewer(monkeypatch):
    monkeypatch.setenv("CLINICIAN_PASSWORD", "a-long-enough-secret-2026")
    call_command("createclinician", "nurse-joy", "--email", "joy@example.org", "--no-input")
    user = get_user_model().objects.get(username="nurse-joy")
    assert user.has_perm("screening.review_submission")
    assert not user.is_staff
    assert user.check_password("a-long-enough-secret-2026")


def test_createclinician_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("CLINICIAN_PASSWORD", "12345")
    with pytest.raises(CommandError, match="too short"):
        call_command("createclinician", "nurse-joy", "--no-input")
    assert not get_user_model().objects.filter(username="nurse-joy").exists()


def test_createclinician_asks_twice(monkeypatch):
    answers = iter(["a-long-enough-secret-2026", "a-different-secret-2026"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match="differ"):
        call_command("createclinician", "nurse-joy")


def test_createclinician_promotes_an_existing_account():
    user = get_user_model().objects.create_user("editor", password="x-long-password-1")
    call_command("createclinician", "editor")
    user = get_user_model().objects.get(pk=user.pk)
    assert user.has_perm("screening.review_submission")
    assert user.check_password("x-long-password-1")


def test_load_demo_covers_every_outcome_status_and_location(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    submissions = Submission.objects.all()
    assert submissions.count() == 60
    assert {s.outcome for s in submissions} == set(PRIORITY)
    assert {s.status for s in submissions} == {"new", "in_review", "decided", "closed"}
    assert Location.objects.count() == 3
    assert {s.location_id for s in submissions} == {
        None,
        *Location.objects.values_list("pk", flat=True),
    }
    for submission in submissions:  # the engine decided every outcome, on valid answers
        assert evaluate(submission.to_answers(), submission.as_of).outcome == submission.outcome
        record = answers_to_dict(submission.to_answers()) | {"as_of": str(submission.as_of)}
        assert parse_record(record) == (submission.to_answers(), submission.as_of)
    found = {finding["id"] for s in submissions for finding in s.findings}
    assert {"trauma_unimaged", "major_trauma", "cancer", "bleeding_risk"} <= found
    assert {s.ruleset for s in submissions} == {RULESET_VERSION}
    assert submissions.filter(language="es").count() == 15  # one patient in four
    assert OutcomeOverride.objects.exists() and Decision.objects.exists()
    clinician = get_user_model().objects.get(username="demo-clinician")
    assert clinician.has_perm("screening.review_submission")
    call_command("load_demo", stdout=io.StringIO())
    assert Submission.objects.count() == 60


def test_load_demo_refuses_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG only"):
        call_command("load_demo")
