"""The start page, Start again with its confirmation, and the page for a lost session."""

import pytest
from django.test import Client
from django.urls import reverse

from screening.demo import STEP_SLUGS
from screening.wizard import KEY_FIELD, SESSION_KEY
from tests.screening.journey import begin, complete, patient_steps, post_step, step_url, submit

pytestmark = pytest.mark.django_db

START = reverse("screening:start")
START_AGAIN = reverse("screening:start-again")
EXPIRED = reverse("screening:session-expired")
FIRST, SECOND, THIRD = STEP_SLUGS[:3]


def answer_first_two_steps(client):
    steps = patient_steps()
    begin(client)
    for slug in (FIRST, SECOND):
        post_step(client, step_url(slug), steps[slug])


def test_new_patient_sees_start_now_only(client):
    html = client.get(START).content.decode()
    assert "Start now" in html
    assert "Continue where you left off" not in html and "Start again" not in html


def test_patient_with_answers_continues_at_the_first_unanswered_page(client):
    answer_first_two_steps(client)
    html = client.get(START).content.decode()
    assert html.index("Continue where you left off") < html.index("Start again")
    assert f'class="btn btn-primary btn-lg" href="{step_url(THIRD)}"' in html
    assert "Start now" not in html


def test_start_again_asks_first_and_keeps_the_answers(client):
    answer_first_two_steps(client)
    html = client.get(START).content.decode()
    assert f'href="{START_AGAIN}">Start again<' in html
    page = client.get(START_AGAIN).content.decode()
    assert "Are you sure you want to start again?" in page
    assert "Your answers so far will be deleted" in page
    assert "Yes, start again" in page and f'href="{step_url(THIRD)}">No, go back' in page
    assert set(client.session[SESSION_KEY]["steps"]) == {FIRST, SECOND}


def test_yes_start_again_deletes_the_answers(client):
    answer_first_two_steps(client)
    old_key = client.session[SESSION_KEY]["key"]
    assert client.post(START)["Location"] == step_url(FIRST)
    assert client.session[SESSION_KEY]["steps"] == {}
    assert client.session[SESSION_KEY]["key"] != old_key


def test_start_again_with_nothing_to_delete_goes_to_start(client):
    assert client.get(START_AGAIN)["Location"] == START


def test_sent_questionnaire_offers_a_new_start(client):
    complete(client, patient_steps())
    submit(client)
    html = client.get(START).content.decode()
    assert "Start now" in html and "Continue where you left off" not in html


def test_opening_a_step_after_the_session_ended_says_the_answers_were_deleted(client, settings):
    settings.SESSION_COOKIE_AGE = 6 * 3600
    response = client.get(step_url("fever"), follow=True)
    html = response.content.decode()
    assert response.redirect_chain == [(EXPIRED, 302)]
    assert "Your answers were deleted because you did not do anything for 6 hours" in html
    assert "We do this to keep your information safe" in html
    assert "Start again" in html and settings.CLINIC_PHONE in html


def test_posting_a_step_after_the_session_ended_says_so(client, settings):
    settings.SESSION_COOKIE_AGE = 1800
    data = patient_steps()["pain-start"] | {KEY_FIELD: "a7d5c1d8-98a6-4a4e-9a43-2d2b1f0f6f11"}
    response = client.post(step_url("pain-start"), data, follow=True)
    assert response.redirect_chain == [(EXPIRED, 302)]
    assert "did not do anything for 30 minutes" in response.content.decode()


def test_sending_the_check_page_after_the_session_ended_says_so(client):
    response = client.post(reverse("screening:check"), {KEY_FIELD: "gone"})
    assert response["Location"] == EXPIRED


def test_lost_session_shown_the_same_from_a_new_browser():
    response = Client().get(reverse("screening:check"))
    assert response["Location"] == EXPIRED


def test_a_post_that_never_belonged_to_a_questionnaire_goes_to_start(client):
    assert client.post(step_url("pain-start"), {})["Location"] == START


def test_expired_page_with_a_questionnaire_in_progress_goes_to_start(client):
    begin(client)
    assert client.get(EXPIRED)["Location"] == START
