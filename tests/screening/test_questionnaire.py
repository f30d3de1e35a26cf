"""The questionnaire as a patient walks it, through the Django test client."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from screening.demo import STEP_SLUGS
from screening.eligibility import QUESTIONS_BY_KEY, evaluate
from screening.models import Submission, stored_finding
from tests.screening.factories import make_answers
from tests.screening.journey import (
    answer_until,
    begin,
    complete,
    patient_steps,
    post_step,
    step_url,
    submit,
)

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


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_blood_thinner_patients_are_told_not_to_stop(client, answer):
    html, row = finish(client, blood_thinners=answer)
    assert row.blood_thinners == answer
    assert "Do not stop it on your own" in html


def test_patients_on_no_blood_thinner_are_not_told_about_one(client):
    html, row = finish(client)
    assert row.blood_thinners == "no"
    assert "Keep taking your blood thinner" not in html


def test_stored_row_matches_the_engine_for_its_answers(client):
    _html, row = finish(
        client, pain_score="4", imaging_result="unsure", other_spine_diagnoses=["arthritis"]
    )
    result = evaluate(row.to_answers(), row.as_of)
    assert row.outcome == result.outcome
    assert row.findings == [stored_finding(f) for f in result.findings]
    assert [f.to_dict() for f in result.findings] == [
        {k: v for k, v in f.items() if k != "patient_words"} for f in row.findings
    ]
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
    reference = Submission.objects.get().reference
    check = client.get(reverse("screening:check"))
    assert "You have already sent these answers" in check.content.decode()
    assert reference in check.content.decode()


def test_result_page_is_only_for_the_submitting_session(client):
    _html, row = finish(client)
    stranger = Client()
    assert stranger.get(row.get_absolute_url()).status_code == 404


def test_the_red_flag_questions_come_first_and_date_of_birth_before_pregnancy():
    assert STEP_SLUGS[:4] == ("leg-symptoms", "bladder-bowel", "fever", "pain-start")
    assert STEP_SLUGS.index("date-of-birth") + 1 == STEP_SLUGS.index("pregnancy")


def test_skipped_steps_keep_the_count_honest(client):
    begin(client)
    with_everything = client.get(step_url(STEP_SLUGS[0])).content.decode()
    assert "Step 1 of 28" in with_everything
    answer_until(client, patient_steps(), "scans")
    response = post_step(client, step_url("scans"), {"imaging": ["none"]})
    assert response["Location"] == step_url("treatments")
    page = client.get(step_url("treatments")).content.decode()
    assert "Step 10 of 27" in page
    assert client.get(step_url("scan-result"))["Location"] == step_url("treatments")


def test_no_treatment_skips_the_treatment_weeks_page(client):
    answer_until(client, patient_steps(), "treatments")
    response = post_step(client, step_url("treatments"), {"treatments_tried": ["none"]})
    assert response["Location"] == step_url("osteoporosis")
    assert client.get(step_url("treatment-length"))["Location"] == step_url("osteoporosis")


def born_years_ago(years, days_later=0):
    """A date of birth `years` ago today, moved `days_later` days on (a day on: one year
    younger, the birthday is tomorrow)."""
    today = timezone.localdate()
    try:
        birthday = today.replace(year=today.year - years)
    except ValueError:  # 29 February today: the birthday of 28 February has passed too
        birthday = today.replace(year=today.year - years, day=28)
    return birthday + timedelta(days=days_later)


@pytest.mark.parametrize(("days_later", "asked"), [(1, True), (0, False)], ids=["59", "60"])
def test_pregnancy_is_asked_only_below_sixty(client, days_later, asked):
    steps = patient_steps(date_of_birth=born_years_ago(60, days_later))
    assert ("pregnancy" in steps) is asked
    answer_until(client, steps, "date-of-birth")
    response = post_step(client, step_url("date-of-birth"), steps["date-of-birth"])
    after_pregnancy = STEP_SLUGS[STEP_SLUGS.index("pregnancy") + 1]
    following = step_url("pregnancy") if asked else step_url(after_pregnancy)
    assert response["Location"] == following


def test_a_patient_of_sixty_is_stored_as_not_asked_about_pregnancy(client):
    _html, row = finish(client, date_of_birth=born_years_ago(60))
    assert row.pregnant == "not_asked"
    assert not any(f["id"] == "pregnancy" for f in row.findings)


def test_a_patient_of_fifty_nine_answers_the_pregnancy_question(client):
    _html, row = finish(client, date_of_birth=born_years_ago(60, 1), pregnant="unsure")
    assert row.pregnant == "unsure"
    assert next(f for f in row.findings if f["id"] == "pregnancy")["effect"] == "review"


def test_the_pregnancy_age_follows_the_setting(client, settings):
    settings.PREGNANCY_QUESTION_MAX_AGE = 50
    assert "pregnancy" not in patient_steps(date_of_birth=born_years_ago(55))
    assert "pregnancy" in patient_steps(date_of_birth=born_years_ago(49))


def test_not_sure_is_offered_on_the_medical_yes_no_questions(client):
    answer_until(client, patient_steps(), "cancer")
    html = client.get(step_url("cancer")).content.decode()
    assert 'value="unsure"' in html and "I&#x27;m not sure" in html
    html = client.get(step_url("cancer")).content.decode()
    assert 'value="not_asked"' not in html


def test_no_scan_and_no_treatment_are_stored_as_the_contract_says(client):
    _html, row = finish(client, imaging=["none"], treatments_tried=["none"])
    assert row.imaging == [] and row.imaging_result == "not_done"
    assert row.treatments_tried == [] and row.treatment_weeks == 0


def test_progress_bar_is_announced(client):
    begin(client)
    html = client.get(step_url(STEP_SLUGS[0])).content.decode()
    assert (
        '<progress class="progress-block__bar" max="28" value="1" aria-labelledby="progress-label">'
        in html
    )


def test_validation_error_keeps_everything_typed(client):
    answer_until(client, patient_steps(), "pain-start")
    data = patient_steps()["pain-start"] | {"pain_onset_date_year": "20x6"}
    html = post_step(client, step_url("pain-start"), data).content.decode()
    assert "There is a problem with one answer" in html
    assert 'href="#id_pain_onset_date_0">Date your back pain started must be a real date' in html
    assert 'value="20x6"' in html
    assert f'value="{data["pain_onset_date_day"]}"' in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"pain_onset_date_year": "2999"}, "Date your back pain started must be in the past"),
        ({"pain_onset_date_year": ""}, "Date your back pain started must include a year"),
        (
            {"pain_onset_date_day": "", "pain_onset_date_month": ""},
            "Date your back pain started must include a month and a day",
        ),
        ({"pain_onset_date_year": "1850"}, "Date your back pain started must be after"),
        (
            {"pain_onset_date_day": "", "pain_onset_date_month": "", "pain_onset_date_year": ""},
            "Enter the date your back pain started, or select",
        ),
    ],
)
def test_date_errors_say_what_is_wrong_with_which_date(client, typed, message):
    answer_until(client, patient_steps(), "pain-start")
    data = patient_steps()["pain-start"] | typed
    html = post_step(client, step_url("pain-start"), data).content.decode()
    assert message in html
    assert "Enter a complete value" not in html


def test_unknown_onset_date_is_allowed_and_stored_as_null(client):
    _html, row = finish(client, pain_onset_date=None)
    assert row.pain_onset_date is None
    assert any(f["id"] == "fracture_age" and f["effect"] == "review" for f in row.findings)


def test_back_link_and_change_link_keep_answers(client):
    complete(client, patient_steps(full_name="Arthur Example"))
    html = client.get(step_url("contact-details", change=True)).content.decode()
    assert 'value="Arthur Example"' in html
    assert f'href="{reverse("screening:check")}"' in html  # back goes to the check page
    pain = client.get(step_url("pain-score")).content.decode()
    assert 'id="id_pain_score_7" required checked' in pain


def test_change_link_returns_to_check_page_and_new_step_appears(client):
    complete(client, patient_steps(imaging=["none"]))
    check = client.get(reverse("screening:check")).content.decode()
    assert f"{step_url('scans')}?change=1" in check
    response = post_step(client, step_url("scans", change=True), {"imaging": ["ct"]})
    assert response["Location"] == step_url("scan-result", change=True)
    response = post_step(
        client, step_url("scan-result", change=True), {"imaging_result": "fracture"}
    )
    assert response["Location"] == reverse("screening:check")
    check = client.get(reverse("screening:check")).content.decode()
    assert "CT scan" in check and "Margaret Example" in check


def test_red_flag_interrupts_with_the_urgent_message_and_lets_the_patient_go_on(client, settings):
    settings.CLINIC_EMERGENCY_MESSAGE = "Call 911 right now."
    steps = patient_steps(neuro_symptoms="new_or_worsening")
    answer_until(client, steps, "leg-symptoms")
    response = post_step(client, step_url("leg-symptoms"), steps["leg-symptoms"])
    # the same address as without a flag: the next page
    assert response["Location"] == step_url("bladder-bowel")
    html = client.get(response["Location"]).content.decode()
    main = html[html.index('id="main"') :]
    assert "Please get medical help now" in main
    assert "Go to the nearest emergency department now, or call 911." in main
    assert "Call 911 right now." in main
    # it names the answer that raised it, and Back goes to that question
    assert "Do you have numbness, tingling or weakness in your legs?" in main
    assert "You said: Yes, and it is new or getting worse" in main
    row = evaluate(make_answers(neuro_symptoms="new_or_worsening"), timezone.localdate())
    neuro = next(f for f in row.findings if f.id == "neuro_red_flag")
    assert escape(neuro.patient_text) in main  # the page says what the finding says
    assert f'class="back-link" href="{step_url("leg-symptoms")}"' in main
    assert f'href="{step_url("bladder-bowel")}"' in main
    after = client.get(step_url("bladder-bowel")).content.decode()
    assert "Please get medical help now" not in after and "bladder or bowels" in after
    # a second red flag raises the advice again; an answer that adds none does not
    post_step(client, step_url("bladder-bowel"), {"bladder_bowel_changes": "no"})
    assert "Please get medical help now" not in client.get(step_url("fever")).content.decode()
    post_step(client, step_url("fever"), {"fever": "yes"})
    fever = client.get(step_url("pain-start")).content.decode()
    assert "Get medical care today: go to an emergency department or an urgent care" in fever
    assert "You said: Yes" in fever and "fever" in fever


def test_a_serious_accident_without_a_scan_interrupts_after_the_scans_page(client):
    steps = patient_steps(onset_event="major_trauma", imaging=["none"])
    answer_until(client, steps, "pain-trend")
    assert "Please get medical help now" not in client.get(step_url("pain-trend")).content.decode()
    answer_until(client, steps, "scans")
    response = post_step(client, step_url("scans"), steps["scans"])
    html = client.get(response["Location"]).content.decode()
    assert "Get checked today at an emergency department or an urgent care center" in html
    assert "You said: A serious accident, such as a car crash or a fall from a height" in html


def test_a_red_flag_changed_from_the_check_page_interrupts_there(client):
    complete(client, patient_steps())
    data = patient_steps(bladder_bowel_changes="yes")["bladder-bowel"]
    response = post_step(client, step_url("bladder-bowel", change=True), data)
    assert response["Location"] == reverse("screening:check")
    assert "Please get medical help now" in client.get(reverse("screening:check")).content.decode()
    assert "Check your answers" in client.get(reverse("screening:check")).content.decode()


def journey_urls(client, steps):
    """Every address a patient's browser opens, from Start to the result page."""
    urls = [client.post(reverse("screening:start"))["Location"]]
    for slug, data in steps.items():
        location = post_step(client, step_url(slug), data)["Location"]
        urls += [step_url(slug), location]
        client.get(location)
    urls.append(submit(client)["Location"])
    return urls


def test_an_urgent_journey_passes_through_the_same_urls_as_any_other(client):
    plain = journey_urls(Client(), patient_steps())
    urgent = journey_urls(client, patient_steps(fever="yes", bladder_bowel_changes="yes"))
    assert Submission.objects.get(outcome="urgent")
    strip_reference = [url.rsplit("/result/", 1)[0] for url in urgent]
    assert strip_reference == [url.rsplit("/result/", 1)[0] for url in plain]
    assert not any(word in url for url in urgent for word in ("help", "urgent", "flag"))


def test_consent_is_required_and_unticked(client):
    steps = patient_steps()
    begin(client)
    for slug, data in list(steps.items())[:-1]:
        post_step(client, step_url(slug), data)
    page = client.get(step_url("consent")).content.decode()
    assert "checked" not in page
    html = post_step(client, step_url("consent"), {}).content.decode()
    assert "Select the box to agree" in html
    assert client.get(reverse("screening:check"))["Location"] == step_url("consent")
    assert not Submission.objects.exists()


def test_steps_cannot_be_skipped_by_url(client):
    begin(client)
    response = client.get(step_url("contact-details"))
    assert response["Location"] == step_url(STEP_SLUGS[0])


def test_step_without_a_questionnaire_says_the_answers_were_deleted(client):
    assert client.get(step_url("pain-start"))["Location"] == reverse("screening:session-expired")


def test_ticking_none_with_a_treatment_is_explained(client):
    answer_until(client, patient_steps(), "treatments")
    html = post_step(
        client, step_url("treatments"), {"treatments_tried": ["none", "rest"]}
    ).content.decode()
    assert (
        "Select the treatments you have tried for this pain, "
        "or select &quot;None of these&quot;, not both" in html
    )


def test_email_needed_when_chosen_as_contact(client):
    steps = patient_steps()
    answer_until(client, steps, "contact-details")
    data = steps["contact-details"] | {"contact_method": "email", "email": ""}
    html = post_step(client, step_url("contact-details"), data).content.decode()
    assert "Enter your email address, or choose a phone call instead" in html
    assert 'value="Margaret Example"' in html


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("555 O1O 0199", "Enter a phone number using only numbers, spaces and +"),
        ("555 01", "Phone number must have at least 7 numbers"),
    ],
)
def test_a_wrong_phone_number_is_explained(client, phone, message):
    steps = patient_steps()
    answer_until(client, steps, "contact-details")
    data = steps["contact-details"] | {"phone": phone}
    html = post_step(client, step_url("contact-details"), data).content.decode()
    assert message in html and f'value="{phone}"' in html


def test_education_pages_lead_to_the_questionnaire(client, topics):
    html = client.get(topics.first().get_absolute_url()).content.decode()
    assert reverse("screening:start") in html


@pytest.mark.parametrize("day", ["2200000000", "99999999999999999999", "0", "32"])
def test_impossible_day_is_explained_not_a_server_error(client, day):
    answer_until(client, patient_steps(), "pain-start")
    data = patient_steps()["pain-start"] | {"pain_onset_date_day": day}
    response = post_step(client, step_url("pain-start"), data)
    assert response.status_code == 200
    assert "Date your back pain started must be a real date" in response.content.decode()


def test_an_error_shows_under_the_question_above_its_options_as_gov_uk_does(client):
    answer_until(client, patient_steps(), "fever")
    html = post_step(client, step_url("fever"), {}).content.decode()
    legend = html.index(f"{escape(QUESTIONS_BY_KEY['fever'].text)}</h1></legend>")
    message = "Select yes if you have a fever or chills with this back pain"
    error = html.index(f'<span class="visually-hidden">Error:</span> {message}')
    assert legend < error < html.index('id="id_fever_0"')
    assert 'aria-describedby="id_fever_error"' in html
    assert f'href="#id_fever_0">{message}</a>' in html  # the summary focuses the input
    assert "is-invalid" not in html  # option labels keep their color
    assert "asteriskField" not in html and "*</" not in html


def test_a_hint_is_read_with_the_question_not_under_the_inputs(client):
    answer_until(client, patient_steps(), "date-of-birth")
    html = client.get(step_url("date-of-birth")).content.decode()
    assert 'aria-describedby="id_date_of_birth_helptext"' in html
    assert html.index('id="id_date_of_birth_helptext"') < html.index('id="id_date_of_birth_0"')


def test_date_boxes_holding_only_spaces_are_asked_for_again_not_a_server_error(client):
    answer_until(client, patient_steps(), "date-of-birth")
    response = post_step(client, step_url("date-of-birth"), {"date_of_birth_day": " "})
    assert response.status_code == 200
    assert "Enter your date of birth" in response.content.decode()


def test_a_submission_is_screened_on_the_clinics_local_date(client, settings):
    settings.TIME_ZONE = "Pacific/Kiritimati"  # 14 hours ahead of UTC
    _html, row = finish(client)
    assert row.as_of == timezone.localdate()
