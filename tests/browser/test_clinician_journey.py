"""A patient's urgent answers reach a clinician, who finds them first in the queue, opens
them, takes them on, records a decision and exports them, on a desktop browser.
"""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.models import Decision
from screening.models import Submission
from tests.browser.clinician import send_sign_in
from tests.browser.keyboard import activate, answer_step
from tests.clinic.factories import make_submission, make_user
from tests.screening.factories import make_answers
from tests.screening.journey import patient_steps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def older_submissions():
    """Earlier, less pressing submissions: likely, needs review and unlikely."""
    today = timezone.localdate()
    onset = today - timedelta(days=30)
    changes = ({}, {"cancer_history": "yes"}, {"pain_trend": "much_better"})
    for days, change in enumerate(changes, start=1):
        answers = make_answers(pain_onset_date=onset, **change)
        make_submission(answers=answers, created_at=timezone.now() - timedelta(days=days))


def patient_sends_urgent_answers(page):
    """The patient's side, by keyboard, without the page checks of the patient tests."""
    page.goto(reverse("screening:start"))
    activate(page, "Start now", tag="button")
    for slug, data in patient_steps(fever="yes").items():
        answer_step(page, data)
        if slug == "fever":
            activate(page, "Continue the questions")
    activate(page, "Send my answers", tag="button")
    return page.locator(".reference").inner_text()


def sign_in(page):
    page.goto(reverse("clinic:queue"))
    assert reverse("clinic:login") in page.url, "the queue let an anonymous visitor in"
    assert page.get_by_role("heading", level=1).inner_text() == "Clinician sign in"
    page.checker.check("sign-in")
    send_sign_in(page, "dr-ada", "wrong-password-entirely")
    assert page.get_by_role("alert").is_visible()
    page.checker.check("sign-in-error")
    send_sign_in(page, "dr-ada")
    assert page.get_by_role("heading", level=1).inner_text() == "Review queue"


def download(page, link_name):
    """Follow a download link; return the file's text."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return info.value.path().read_text(encoding="utf-8")


def test_clinician_finds_reviews_and_exports_the_submission(
    patient_page, clinician_page, clinicians_group
):
    older_submissions()
    reference = patient_sends_urgent_answers(patient_page)
    assert Submission.objects.get(reference=reference).outcome == "urgent"
    make_user("dr-ada", clinician=True, first_name="Ada", last_name="Lovelace")

    page = clinician_page
    sign_in(page)
    rows = page.locator("tbody tr")
    assert rows.count() == 4
    first = rows.first
    assert first.locator("th").inner_text() == reference
    assert first.locator(".outcome-badge").inner_text() == "Urgent"
    page.checker.check("queue", full_page=True)

    first.get_by_role("link", name=reference).click()
    assert reference in page.get_by_role("heading", level=1).inner_text()
    page.checker.check("submission")

    page.get_by_role("button", name="Assign to me").click()
    summary = page.locator("#summary-title + .facts")
    assert "Ada Lovelace" in summary.inner_text()

    decision = page.locator("#decision")
    decision.get_by_label("Urgent care advised").check()
    decision.get_by_label("Note on the decision (optional)").fill("Phoned; sent to A&E.")
    decision.get_by_role("button", name="Record decision").click()
    assert "Urgent care advised: Phoned; sent to A&E." in summary.inner_text()
    row = Submission.objects.get(reference=reference)
    assert row.status == "decided" and row.assigned_to.username == "dr-ada"
    assert Decision.objects.get(submission=row).decision == "urgent_care_advised"
    page.checker.check("submission-decided")

    fhir = json.loads(download(page, "Download FHIR record"))
    assert fhir["resourceType"] == "Bundle"
    assert reference in json.dumps(fhir["identifier"])
    resources = [entry["resource"]["resourceType"] for entry in fhir["entry"]]
    assert resources == ["Patient", "QuestionnaireResponse", "RiskAssessment"]

    page.get_by_role("link", name="Review queue").first.click()
    exported = list(csv.DictReader(io.StringIO(download(page, "Download these results as CSV"))))
    assert len(exported) == 4
    assert reference in exported[0].values()

    page.get_by_role("link", name="Dashboard").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
    page.checker.check("dashboard")
    page.checker.finish()
    patient_page.checker.finish()
