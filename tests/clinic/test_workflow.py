"""The review workflow through the submission page: assign, status, decide, note, override."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from clinic import services
from clinic.models import Decision, Note, OutcomeOverride
from screening.eligibility import QUESTIONS, QUESTIONS_BY_KEY
from screening.eligibility.vocabulary import PRIORITY
from screening.models import Submission
from tests.clinic.factories import HELPED, make_submission
from tests.screening.factories import make_answers

pytestmark = pytest.mark.django_db


def url(name, submission):
    return reverse(f"clinic:{name}", kwargs={"reference": submission.reference})


def test_page_shows_answers_contact_findings_and_red_flags_first(clinician_client, submission_of):
    urgent = submission_of("urgent")
    html = clinician_client.get(url("submission-detail", urgent)).content.decode()
    fever = escape(next(f for f in urgent.findings if f["id"] == "fever")["clinician_text"])
    assert html.index("Red flags: assess urgently") < html.index(fever) < html.index("Contact")
    for finding in urgent.findings:
        assert escape(finding["clinician_text"]) in html
    assert "Margaret Example" in html and "555 010 0199" in html
    assert "Which scans of your back have you had for this pain?" in html
    assert escape(QUESTIONS_BY_KEY["fever"].text) in html
    assert "4 weeks at screening" in html
    assert "Submitted the questionnaire" in html


@pytest.mark.parametrize("name", ["submission-detail", "submission-print"])
def test_page_says_who_filled_it_in_and_shows_the_note_escaped(clinician_client, name):
    helped = make_submission(**HELPED)
    html = clinician_client.get(url(name, helped)).content.decode()
    filled_in_by = (
        "<dt>Filled in by</dt><dd>Susan Example (Daughter), phone "
        '<a href="tel:5550100142">555 010 0142</a></dd>'
    )
    assert filled_in_by in html
    assert (
        '<p class="free-text">I use a walker.<br>My son drives me '
        "&lt;b&gt;on Tuesdays&lt;/b&gt; &amp; can help.</p>"
    ) in html


@pytest.mark.parametrize("name", ["submission-detail", "submission-print"])
def test_page_says_to_call_a_spanish_reader_with_an_interpreter(clinician_client, name):
    spanish = make_submission(language="es")
    html = clinician_client.get(url(name, spanish)).content.decode()
    line = '<p class="interpreter-note">Prefers Spanish: use an interpreter</p>'
    assert line in html
    contact = html.index("<h3>Contact details</h3>")
    assert contact < html.index(line) < html.index("Margaret Example") < html.index("555 010 0199")


@pytest.mark.parametrize("name", ["submission-detail", "submission-print"])
def test_page_of_an_english_reader_says_nothing_of_language(clinician_client, name, submission):
    html = clinician_client.get(url(name, submission)).content.decode()
    assert "interpreter" not in html and "Prefers English" not in html


def test_page_of_a_patient_who_filled_it_in_names_no_helper(clinician_client, submission):
    html = clinician_client.get(url("submission-detail", submission)).content.decode()
    assert "Filled in by" not in html and "Nothing written." in html


def test_answers_are_one_row_per_question_asked_in_registry_order(clinician_client):
    no_scan = make_answers(imaging=(), imaging_result="not_done", pain_onset_date=None)
    submission = make_submission(answers=no_scan)
    html = clinician_client.get(url("submission-detail", submission)).content.decode()
    start = html.index('id="answers-title"')
    answers = html[start : html.index("</section>", start)]

    rows = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", answers))
    skipped = ("imaging_result", "pregnant")  # no scan; 60 or older
    asked = [escape(q.text) for q in QUESTIONS if q.key not in skipped]
    assert list(rows) == asked  # what was not asked is not listed
    assert rows[escape(QUESTIONS_BY_KEY["pain_onset_date"].text)] == escape("I don't know")
    assert rows[escape(QUESTIONS_BY_KEY["imaging"].text)] == "None of these"
    assert "<h3" not in answers  # no page headings between the rows


def test_page_without_a_red_flag_has_no_red_flag_box(clinician_client, submission):
    html = clinician_client.get(url("submission-detail", submission)).content.decode()
    assert "Red flags" not in html


def test_assign_to_me_then_to_a_colleague(clinician_client, clinician, colleague, submission):
    response = clinician_client.post(
        url("submission-assign", submission), {"assignee": clinician.pk}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.assigned_to == clinician
    clinician_client.post(url("submission-assign", submission), {"assignee": colleague.pk})
    submission.refresh_from_db()
    assert submission.assigned_to == colleague
    page = clinician_client.get(url("submission-detail", submission)).content.decode()
    assert "Assigned to dr-sam" in page


def test_cannot_assign_to_someone_who_is_not_a_clinician(clinician_client, staff_user, submission):
    response = clinician_client.post(
        url("submission-assign", submission), {"assignee": staff_user.pk}
    )
    assert response.status_code == 400
    assert "Choose a clinician from the list." in response.content.decode()
    submission.refresh_from_db()
    assert submission.assigned_to is None


def test_moving_out_of_new_sets_first_reviewed_once(clinician_client, submission):
    clinician_client.post(url("submission-status", submission), {"status": "in_review"})
    submission.refresh_from_db()
    first = submission.first_reviewed_at
    assert submission.status == "in_review" and first is not None
    clinician_client.post(url("submission-status", submission), {"status": "closed"})
    clinician_client.post(url("submission-status", submission), {"status": "in_review"})
    submission.refresh_from_db()
    assert submission.first_reviewed_at == first


def test_status_cannot_skip_to_decided(clinician_client, submission):
    response = clinician_client.post(url("submission-status", submission), {"status": "decided"})
    assert response.status_code == 400
    assert "Choose one of the statuses offered." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "new" and submission.first_reviewed_at is None


def test_record_decision(clinician_client, clinician, submission):
    response = clinician_client.post(
        url("submission-decision", submission),
        {"decision": "schedule_consultation", "note": "Book with Dr Ada next week."},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "decided" and submission.first_reviewed_at is not None
    decision = Decision.objects.get(submission=submission)
    assert (decision.decision, decision.decided_by) == ("schedule_consultation", clinician)
    page = clinician_client.get(url("submission-detail", submission)).content.decode()
    assert "Decision: Schedule a consultation" in page and "Book with Dr Ada next week." in page


def test_invalid_decision_keeps_what_was_typed(clinician_client, submission):
    response = clinician_client.post(
        url("submission-decision", submission), {"decision": "", "note": "Typed carefully"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The decision was not recorded" in html and "Choose a decision." in html
    assert "Typed carefully</textarea>" in html
    assert not Decision.objects.exists()


def test_closed_submission_must_be_reopened_before_deciding(clinician_client, submission):
    clinician_client.post(url("submission-status", submission), {"status": "closed"})
    response = clinician_client.post(
        url("submission-decision", submission), {"decision": "not_a_candidate"}
    )
    assert response.status_code == 400
    assert "Reopen it before deciding" in response.content.decode()


def test_add_note(clinician_client, submission):
    clinician_client.post(url("submission-note", submission), {"text": "Left a voicemail."})
    assert Note.objects.get(submission=submission).text == "Left a voicemail."
    empty = clinician_client.post(url("submission-note", submission), {"text": ""})
    assert empty.status_code == 400
    assert "Write the note before adding it." in empty.content.decode()


def test_override_keeps_the_screen_result_and_reprioritises(clinician_client, submission_of):
    unlikely = submission_of("unlikely_candidate")
    findings = list(unlikely.findings)
    response = clinician_client.post(
        url("submission-override", unlikely),
        {"outcome": "needs_review", "reason": "Trend answer contradicts the referral letter."},
    )
    assert response.status_code == 302
    unlikely.refresh_from_db()
    assert unlikely.outcome == "unlikely_candidate" and unlikely.findings == findings
    assert unlikely.priority == PRIORITY["needs_review"]
    override = OutcomeOverride.objects.get(submission=unlikely)
    assert (override.previous_outcome, override.outcome) == ("unlikely_candidate", "needs_review")
    page = clinician_client.get(url("submission-detail", unlikely)).content.decode()
    assert "overridden; screen: Unlikely candidate" in page
    assert "Trend answer contradicts the referral letter." in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "urgent", "reason": ""}, "Give the reason for overriding"),
        ({"outcome": "likely_candidate", "reason": "Same as before"}, "already the outcome"),
        ({"outcome": "", "reason": "No outcome chosen"}, "Choose the outcome to use."),
    ],
)
def test_override_needs_a_reason_and_a_change(clinician_client, submission, data, message):
    response = clinician_client.post(url("submission-override", submission), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert data["reason"] in response.content.decode()
    assert not OutcomeOverride.objects.exists()
    assert Submission.objects.get(pk=submission.pk).priority == PRIORITY["likely_candidate"]


def test_services_are_atomic(clinician, submission, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        services.submission_record_decision(
            submission=submission,
            decision="request_imaging",
            note="",
            actor=clinician,
            ip_address=None,
        )
    submission.refresh_from_db()
    assert submission.status == "new" and not Decision.objects.exists()


def test_actions_are_post_only_and_a_get_shows_the_submission(clinician_client, submission):
    response = clinician_client.get(url("submission-note", submission))
    assert response.status_code == 302
    assert response["Location"] == url("submission-detail", submission)
    assert clinician_client.put(url("submission-note", submission)).status_code == 405
    assert not Note.objects.exists()


def test_the_page_says_which_ruleset_scored_the_submission(clinician_client, submission):
    html = clinician_client.get(url("submission-detail", submission)).content.decode()
    assert "Scored by ruleset 2027.01, the current one." in html


def test_a_submission_of_an_earlier_ruleset_says_what_differed(clinician_client, submission):
    Submission.objects.filter(pk=submission.pk).update(ruleset="2026.11")
    html = clinician_client.get(url("submission-detail", submission)).content.decode()
    assert "Scored by ruleset 2026.11; the current one is 2027.01." in html
    assert "the weeks of all treatments added up" in html
