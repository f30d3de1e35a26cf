"""A relative or carer filling the questionnaire in, and the patient's note to the clinic,
as the pages show them and the stored submission keeps them."""

import logging
from html import escape

import pytest
from django.urls import reverse

from screening.forms import CONSENT_VERSION, HELPER_CONSENT_VERSION
from screening.models import Submission
from tests.screening.journey import (
    answer_until,
    complete,
    patient_steps,
    post_step,
    step_url,
    submit,
)

pytestmark = pytest.mark.django_db

NOTE = 'I use a walker.\r\nMy son drives me <b>"on Tuesdays"</b> & can help.'
HELPER = patient_steps(for_someone_else="yes", anything_else=NOTE)


def send(client, steps):
    complete(client, steps)
    assert submit(client).status_code == 302
    return Submission.objects.get()


def page(client, slug, data=None):
    """A step's HTML: GET it, or POST `data` to it (a refused page answers 200)."""
    response = post_step(client, step_url(slug), data) if data else client.get(step_url(slug))
    assert response.status_code == 200
    return response.content.decode()


def test_a_helper_is_stored_with_the_patient_and_the_note(client):
    row = send(client, HELPER)
    assert (row.helper_name, row.helper_relationship, row.helper_phone) == (
        "Susan Example",
        "Daughter",
        "555 010 0142",
    )
    assert row.full_name == "Margaret Example" and row.phone == "555 010 0199"
    assert row.anything_else == NOTE.replace("\r\n", "\n")
    assert row.consent_version == HELPER_CONSENT_VERSION and row.filled_in_by_helper


def test_a_patient_filling_it_in_skips_the_helper_page_and_stores_no_helper(client):
    steps = patient_steps()
    assert "helper" not in steps and "someone-else" in steps and "anything-else" in steps
    answer_until(client, steps, "contact-details")
    assert client.get(step_url("helper"))["Location"] == step_url("contact-details")
    row = send(client, steps)
    assert (row.helper_name, row.helper_relationship, row.helper_phone) == ("", "", "")
    assert row.anything_else == "" and row.consent_version == CONSENT_VERSION
    assert not row.filled_in_by_helper


def test_the_helper_page_says_to_answer_as_the_patient_would(client):
    answer_until(client, HELPER, "helper")
    html = page(client, "helper")
    assert "About you, the person helping" in html
    assert "Every question in this form is about the person you are helping" in html
    assert "answer as they would" in html


def test_saying_no_after_typing_helper_details_stores_none_of_them(client):
    answer_until(client, HELPER, "contact-details")
    post_step(client, step_url("someone-else", change=True), {"for_someone_else": "no"})
    for slug in list(HELPER)[list(HELPER).index("contact-details") :]:
        post_step(client, step_url(slug), HELPER[slug])
    submit(client)
    row = Submission.objects.get()
    assert row.helper_name == "" and row.consent_version == CONSENT_VERSION


def test_someone_else_unanswered_names_the_question(client):
    answer_until(client, HELPER, "someone-else")
    html = page(client, "someone-else", {"for_someone_else": ""})
    assert 'href="#id_for_someone_else_0">Select yes if you are filling this in for' in html


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("helper_name", "", "Enter your full name"),
        (
            "helper_relationship",
            "  ",
            "Enter your relationship to the person you are helping, like daughter or carer",
        ),
        ("helper_phone", "", "Enter a phone number we can call you on"),
        ("helper_phone", "555-CALL-SUE", "Enter a phone number using only numbers, spaces and +"),
        ("helper_phone", "555 01", "Phone number must have at least 7 numbers, like 555 010 0100"),
    ],
)
def test_each_helper_error_names_the_answer_and_keeps_what_was_typed(client, field, typed, message):
    answer_until(client, HELPER, "helper")
    html = page(client, "helper", {**HELPER["helper"], field: typed})
    assert f'href="#id_{field}">{message}</a>' in html
    assert f'id="id_{field}_error" class="error-message"' in html
    kept = {**HELPER["helper"], field: typed}
    for name, value in kept.items():
        if value.strip():
            assert f'name="{name}" value="{escape(value)}"' in html
    assert "helper" not in client.session["screening"]["steps"]


def test_the_note_is_optional(client):
    answer_until(client, HELPER, "anything-else")
    response = post_step(client, step_url("anything-else"), {"anything_else": ""})
    assert response["Location"] == step_url("consent")


def test_a_note_of_1000_characters_is_taken_line_breaks_counted_once(client):
    answer_until(client, HELPER, "anything-else")
    text = ("x" * 99 + "\r\n") * 10  # 1,000 characters as typed, 1,010 as sent
    response = post_step(client, step_url("anything-else"), {"anything_else": text})
    assert response["Location"] == step_url("consent")
    row = send(client, {**HELPER, "anything-else": {"anything_else": text}})
    assert len(row.anything_else) == 999  # the last line break is trimmed


def test_an_over_long_note_is_refused_plainly_and_kept(client):
    answer_until(client, HELPER, "anything-else")
    text = "Pain at night. " + "x" * 990
    html = page(client, "anything-else", {"anything_else": text})
    message = "What you want the clinic to know must be 1,000 characters or fewer. It has 1,005 now"
    assert f'href="#id_anything_else">{message}</a>' in html
    assert f">\n{text}</textarea>" in html
    assert "anything-else" not in client.session["screening"]["steps"]


def test_the_check_page_shows_the_helper_and_the_note_escaped_with_change_links(client):
    complete(client, HELPER)
    html = client.get(reverse("screening:check")).content.decode()
    for label, answer in [
        ("Are you filling this in for someone else?", "Yes"),
        ("Helper&#x27;s full name", "Susan Example"),
        ("Helper&#x27;s relationship to the patient", "Daughter"),
        ("Helper&#x27;s phone number", "555 010 0142"),
    ]:
        assert f"<dt>{label}</dt>\n      <dd>{answer}</dd>" in html
    note = escape(NOTE.replace("\r\n", "\n"))
    assert f"<dd>{note}</dd>" in html and "<b>" not in html
    for slug in ("someone-else", "helper", "anything-else"):
        assert f'href="{step_url(slug)}?change=1"' in html


def test_consent_is_worded_for_the_patient_or_for_the_helper(client):
    answer_until(client, patient_steps(), "consent")
    own = page(client, "consent", {"consent": ""})
    assert "I agree that the clinic may store my answers" in own
    assert "Select the box to agree, so the clinic can review your answers" in own
    assert "your answers, and your name and contact details" in own
    answer_until(client, HELPER, "consent")
    helped = page(client, "consent", {"consent": ""})
    assert "The person I am helping agreed that I can share these answers" in helped
    assert "I agree that the clinic may contact me about it." in helped
    assert "Select the box to confirm, so the clinic can review the answers" in helped
    assert "your name, relationship to them and phone number" in helped
    assert "I agree that the clinic may store my answers" not in helped
    assert 'class="privacy-notice"' in own and 'class="privacy-notice"' in helped


def test_changing_who_fills_it_in_asks_for_consent_again_in_the_new_words(client):
    complete(client, patient_steps())
    changed = post_step(client, step_url("someone-else", change=True), {"for_someone_else": "yes"})
    assert changed["Location"] == step_url("helper", change=True)
    after_helper = post_step(client, step_url("helper", change=True), HELPER["helper"])
    assert after_helper["Location"] == step_url("consent", change=True)
    assert "The person I am helping agreed" in page(client, "consent")
    post_step(client, step_url("consent", change=True), {"consent": "on"})
    submit(client)
    assert Submission.objects.get().consent_version == HELPER_CONSENT_VERSION


def test_the_helper_and_the_note_reach_no_log_and_no_address(client, caplog):
    caplog.set_level(logging.DEBUG)
    complete(client, HELPER)
    response = submit(client)
    assert "Susan" not in response["Location"] and "walker" not in response["Location"]
    assert "Susan" not in caplog.text and "walker" not in caplog.text
