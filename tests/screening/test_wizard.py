"""The questionnaire's state in the session: closed once sent, one questionnaire per tab's
form, and only the fields a step defines (the limits per address: tests/security)."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from screening.models import Submission
from screening.wizard import KEY_FIELD, MAX_VALUE_CHARS, SESSION_KEY
from tests.screening.journey import (
    answer_until,
    begin,
    complete,
    patient_steps,
    post_step,
    questionnaire_key,
    step_url,
    submit,
)

pytestmark = pytest.mark.django_db


def test_a_change_after_sending_is_refused_plainly_and_stores_nothing(client, settings):
    settings.CLINIC_PHONE = "+1 555 010 0123"
    complete(client, patient_steps())
    result = submit(client)["Location"]
    row = Submission.objects.get()
    changed = patient_steps(bladder_bowel_changes="yes")["bladder-bowel"]
    response = post_step(client, step_url("bladder-bowel", change=True), changed)
    assert response.status_code == 409
    html = response.content.decode()
    assert "You have already sent these answers" in html and row.reference in html
    assert "+1 555 010 0123" in html and "Start a new questionnaire" in html
    assert client.session[SESSION_KEY]["steps"] == {}
    page = client.get(step_url("bladder-bowel"))
    assert (
        page.status_code == 200 and "You have already sent these answers" in page.content.decode()
    )
    assert submit(client)["Location"] == result  # a second send is the same row, unchanged
    row.refresh_from_db()
    assert row.bladder_bowel_changes is False and Submission.objects.count() == 1


def test_a_change_after_sending_goes_in_a_new_questionnaire_the_clinic_sees(client):
    complete(client, patient_steps())
    submit(client)
    complete(client, patient_steps(bladder_bowel_changes="yes"))
    submit(client)
    first, second = Submission.objects.order_by("created_at")
    assert first.idempotency_key != second.idempotency_key
    assert second.bladder_bowel_changes is True and second.outcome == "urgent"


def test_two_tabs_never_mix_two_people(client):
    mum = patient_steps(full_name="Mum Example", pain_score="9")
    dad = patient_steps(full_name="Dad Example", pain_score="6", fever="yes")
    before_contact = list(mum)[: list(mum).index("contact-details")]
    begin(client)  # tab 1, for Mum
    for slug in before_contact:
        post_step(client, step_url(slug), mum[slug])
    mums_key = questionnaire_key(client)
    begin(client)  # tab 2, for Dad: Start again
    for slug in before_contact:
        post_step(client, step_url(slug), dad[slug])
    stale = client.post(
        step_url("contact-details"), {**mum["contact-details"], KEY_FIELD: mums_key}
    )
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "This form was replaced by a newer one" in html
    assert "Nothing from this page was saved" in html
    assert f'href="{step_url("contact-details")}"' in html  # carry on with the newest one
    assert "contact-details" not in client.session[SESSION_KEY]["steps"]
    assert client.post(reverse("screening:check"), {KEY_FIELD: mums_key}).status_code == 409
    for slug in list(dad)[len(before_contact) :]:
        post_step(client, step_url(slug), dad[slug])
    submit(client)
    row = Submission.objects.get()
    assert (row.full_name, row.pain_score, row.fever) == ("Dad Example", 6, True)


def test_a_post_without_the_questionnaire_key_stores_nothing(client):
    begin(client)
    response = client.post(step_url("pain-start"), patient_steps()["pain-start"])
    assert response.status_code == 409
    assert client.session[SESSION_KEY]["steps"] == {}


def test_only_the_fields_a_step_defines_are_stored(client):
    answer_until(client, patient_steps(), "pain-start")
    extra = {f"extra_{n}": "x" * 300 for n in range(150)}
    post_step(client, step_url("pain-start"), {**patient_steps()["pain-start"], **extra})
    stored = client.session[SESSION_KEY]["steps"]["pain-start"]
    assert set(stored) == {
        "pain_onset_date_day",
        "pain_onset_date_month",
        "pain_onset_date_year",
        "pain_onset_date_unknown",
    }


def test_the_session_stays_small_whatever_is_posted(client):
    begin(client)
    padding = {f"pad_{n}": "y" * 300 for n in range(100)}
    for slug, data in patient_steps().items():
        assert post_step(client, step_url(slug), {**data, **padding}).status_code == 302
    state = client.session[SESSION_KEY]
    assert len(json.dumps(state)) < 4000
    values = [v for step in state["steps"].values() for vs in step.values() for v in vs]
    assert max(len(value) for value in values) <= MAX_VALUE_CHARS


# The language the patient read, kept for the clinic (an interpreter for Spanish).


def test_a_questionnaire_sent_in_spanish_is_stored_as_spanish(client):
    with translation.override("es"):
        complete(client, patient_steps())
        result = submit(client)["Location"]
    assert result.startswith("/es/screening/")
    assert Submission.objects.get().language == "es"


def test_a_questionnaire_sent_in_english_is_stored_as_english(client):
    complete(client, patient_steps())
    result = submit(client)["Location"]
    assert not result.startswith("/es/")
    assert Submission.objects.get().language == "en"


def test_the_language_of_the_page_that_sends_it_is_the_one_kept(client):
    """A patient who switches to Spanish before the last page is stored as Spanish."""
    complete(client, patient_steps())
    with translation.override("es"):
        submit(client)
    assert Submission.objects.get().language == "es"
