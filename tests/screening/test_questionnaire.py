"""The questionnaire as a patient walks it, through the Django test client."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from screening.eligibility import evaluate
from screening.models import Submission
from tests.screening.journey import begin, complete, patient_steps, step_url, submit

pytestmark = pytest.mark.django_db


def finish(client, **overrides):
    """Answer every step, send, and return (result page HTML, stored submission)."""
    complete(client, patient_steps(**overrides))
    response = submit(client)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page.content.decode(), Submission.objects.get()


def test_likely_candidate_journey(client):
    html, row = finish(client)
    assert row.outcome == "likely_candidate"
    assert "The clinic will contact you" in html
    assert row.reference in html
    assert "reports of any X-ray, MRI or CT scan" in html
    assert "eligible" not in html.lower()


def test_needs_review_journey_explains_what_the_team_will_look_at(client):
    html, row = finish(client, cancer_history="yes")
    assert row.outcome == "needs_review"
    assert "What the team will look at" in html
    cancer = next(f for f in row.findings if f["id"] == "cancer")
    assert cancer["patient_text"] in html


def test_unlikely_candidate_journey_gives_reasons_and_own_doctor(client):
    html, row = finish(client, pain_trend="much_better")
    assert row.outcome == "unlikely_candidate"
    excluded = next(f for f in row.findings if f["effect"] == "excludes")
    assert excluded["patient_text"] in html
    assert "Talk to your own doctor" in html
    assert "eligible" not in html.lower()


def test_urgent_journey_shows_seek_care_now_first(client, settings):
    settings.CLINIC_EMERGENCY_MESSAGE = "Call 911 right now."
    html, row = finish(client, fever="yes")
    assert row.outcome == "urgent"
    main = html[html.index('id="main"') :]
    assert main.index("Please get medical help now") < main.index(row.reference)
    assert main.index("Call 911 right now.") < main.index(row.reference)


def test_blood_thinner_patients_are_told_not_to_stop(client):
    html, row = finish(client, blood_thinners="yes")
    assert row.blood_thinners is True
    assert "Do not stop it on your own" in html


def test_stored_row_matches_the_engine_for_its_answers(client):
    _html, row = finish(
        client, pain_score="4", imaging_result="unsure", other_spine_diagnoses=["arthritis"]
    )
    result = evaluate(row.to_answers(), row.as_of)
    assert row.outcome == result.outcome
    assert row.findings == [f.to_dict() for f in result.findings]
    assert row.ruleset == result.ruleset
    assert row.pain_score == 4 and row.other_spine_diagnoses == ["arthritis"]
    assert row.status == "new" and row.consent_version
    assert row.full_name == "Margaret Example" and row.contact_method == "phone"


def test_reference_is_not_sequential_or_guessable(client):
    _html, first = finish(client)
    second_client = Client()
    complete(second_client, patient_steps())
    submit(second_client)
    second = Submission.objects.exclude(pk=first.pk).get()
    assert first.reference != second.reference
    assert re.fullmatch(
        r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", first.reference
    )


def test_double_submit_and_refresh_store_one_row(client):
    complete(client, patient_steps())
    first = submit(client)
    second = submit(client)
    assert Submission.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert client.get(reverse("screening:check"))["Location"] == first["Location"]


def test_result_page_is_only_for_the_submitting_session(client):
    _html, row = finish(client)
    stranger = Client()
    assert stranger.get(row.get_absolute_url()).status_code == 404


def test_skipped_steps_keep_the_count_honest(client):
    begin(client)
    with_everything = client.get(step_url("pain")).content.decode()
    assert "Step 1 of 11" in with_everything
    client.post(step_url("pain"), patient_steps()["pain"])
    response = client.post(step_url("scans"), {"had_scan": "no"})
    assert response["Location"] == step_url("treatments")
    page = client.get(step_url("treatments")).content.decode()
    assert "Step 3 of 10" in page
    assert client.get(step_url("scan-details"))["Location"] == step_url("treatments")


def test_no_scan_and_no_treatment_are_stored_as_the_contract_says(client):
    _html, row = finish(client, had_scan="no", treatments_tried=["none"])
    assert row.imaging == [] and row.imaging_result == "not_done"
    assert row.treatments_tried == [] and row.treatment_weeks == 0


def test_progress_bar_is_announced(client):
    begin(client)
    html = client.get(step_url("pain")).content.decode()
    assert (
        '<progress class="progress-block__bar" max="11" value="1" aria-labelledby="progress-label">'
        in html
    )


def test_validation_error_keeps_everything_typed(client):
    begin(client)
    data = patient_steps()["pain"] | {"pain_onset_date_year": "20x6", "pain_score": ""}
    html = client.post(step_url("pain"), data).content.decode()
    assert "There is a problem with 2 answers" in html
    assert 'href="#id_pain_onset_date_0"' in html
    assert 'href="#id_pain_score_0"' in html
    assert 'value="20x6"' in html
    assert f'value="{data["pain_onset_date_day"]}"' in html
    assert 'id="id_onset_event_0" required checked' in html
    assert "Use numbers only" in html


def test_future_onset_date_is_refused_with_a_fix(client):
    begin(client)
    data = patient_steps()["pain"] | {"pain_onset_date_year": "2999"}
    html = client.post(step_url("pain"), data).content.decode()
    assert "cannot be in the future" in html


def test_unknown_onset_date_is_allowed_and_stored_as_null(client):
    _html, row = finish(client, pain_onset_date=None)
    assert row.pain_onset_date is None
    assert any(f["id"] == "fracture_age" and f["effect"] == "review" for f in row.findings)


def test_back_link_and_change_link_keep_answers(client):
    complete(client, patient_steps(full_name="Arthur Example"))
    html = client.get(step_url("about-you", change=True)).content.decode()
    assert 'value="Arthur Example"' in html
    assert f'href="{reverse("screening:check")}"' in html  # back goes to the check page
    pain = client.get(step_url("pain")).content.decode()
    assert 'id="id_pain_score_7" required checked' in pain


def test_change_link_returns_to_check_page_and_new_step_appears(client):
    complete(client, patient_steps(had_scan="no"))
    check = client.get(reverse("screening:check")).content.decode()
    assert f"{step_url('scans')}?change=1" in check
    response = client.post(step_url("scans", change=True), {"had_scan": "yes"})
    assert response["Location"] == step_url("scan-details", change=True)
    response = client.post(
        step_url("scan-details", change=True), {"imaging": ["ct"], "imaging_result": "fracture"}
    )
    assert response["Location"] == reverse("screening:check")
    check = client.get(reverse("screening:check")).content.decode()
    assert "CT scan" in check and "Margaret Example" in check


def test_red_flag_interrupts_with_the_urgent_message_and_lets_the_patient_go_on(client, settings):
    settings.CLINIC_EMERGENCY_MESSAGE = "Call 911 right now."
    steps = patient_steps(neuro_symptoms="new_or_worsening")
    begin(client)
    for slug in ("pain", "scans", "scan-details", "treatments", "treatment-length"):
        client.post(step_url(slug), steps[slug])
    response = client.post(step_url("warning-signs"), steps["warning-signs"])
    assert response["Location"] == reverse("screening:urgent-advice")
    html = client.get(response["Location"]).content.decode()
    main = html[html.index('id="main"') :]
    assert "Please get medical help now" in main
    assert "Call 911 right now." in main
    assert f'href="{step_url("health")}"' in main


def test_consent_is_required_and_unticked(client):
    steps = patient_steps()
    begin(client)
    for slug, data in list(steps.items())[:-1]:
        client.post(step_url(slug), data)
    page = client.get(step_url("consent")).content.decode()
    assert "checked" not in page
    html = client.post(step_url("consent"), {}).content.decode()
    assert "Tick the box to agree" in html
    assert client.get(reverse("screening:check"))["Location"] == step_url("consent")
    assert not Submission.objects.exists()


def test_steps_cannot_be_skipped_by_url(client):
    begin(client)
    response = client.get(step_url("about-you"))
    assert response["Location"] == step_url("pain")


def test_step_without_a_questionnaire_goes_to_start(client):
    assert client.get(step_url("pain"))["Location"] == reverse("screening:start")


def test_ticking_none_with_a_treatment_is_explained(client):
    steps = patient_steps()
    begin(client)
    for slug in ("pain", "scans", "scan-details"):
        client.post(step_url(slug), steps[slug])
    html = client.post(
        step_url("treatments"), {"treatments_tried": ["none", "rest"]}
    ).content.decode()
    assert "Untick one of them" in html


def test_email_needed_when_chosen_as_contact(client):
    steps = patient_steps()
    begin(client)
    for slug, data in list(steps.items())[:-2]:
        client.post(step_url(slug), data)
    data = steps["about-you"] | {"contact_method": "email", "email": ""}
    html = client.post(step_url("about-you"), data).content.decode()
    assert "Enter your email address, or choose a phone call instead." in html
    assert 'value="Margaret Example"' in html


def test_education_pages_lead_to_the_questionnaire(client, topics):
    html = client.get(topics.first().get_absolute_url()).content.decode()
    assert reverse("screening:start") in html


@pytest.mark.parametrize("day", ["2200000000", "99999999999999999999", "0", "32"])
def test_impossible_day_is_explained_not_a_server_error(client, day):
    begin(client)
    data = patient_steps()["pain"] | {"pain_onset_date_day": day}
    response = client.post(step_url("pain"), data)
    assert response.status_code == 200
    assert "That date does not exist" in response.content.decode()
