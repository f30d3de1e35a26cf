"""The question pages as a patient meets them: the question is the page's heading, said
once; an unanswered question is named in its error; alternatives to answering come last.

Every registry question is walked here, so a new question is held to the same pattern.
"""

import re
from datetime import date

import pytest
from django.urls import reverse

from screening.eligibility import QUESTIONS, QUESTIONS_BY_KEY, Question
from screening.forms import page_form, unknown_name
from screening.models import Submission
from tests.factories import LocationFactory
from tests.screening.journey import answer_until, complete, patient_steps, post_step, step_url

pytestmark = pytest.mark.django_db

# What the fields said before every message named its question; none may come back.
GENERIC = {
    "Select yes or no",
    "Select the answer that fits best",
    'Select all that apply, or select "None of these"',
    "Select at least one",
    "This field is required.",
    "Enter a whole number from 0 to 520",
    "Choose a number from 0 (no pain) to 10 (the worst pain you can imagine)",
}
ASKED_EVERYTHING = date(1990, 5, 1)
HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


def main_of(html):
    return html[html.index('id="main"') :]


def page_for(client, slug, data=None):
    """The page of `slug` for the demo patient, shown (GET) or sent with `data`.

    She is young enough to be asked every question, pregnancy included."""
    answer_until(client, patient_steps(date_of_birth=ASKED_EVERYTHING), slug)
    if data is None:
        return client.get(step_url(slug)).content.decode()
    return post_step(client, step_url(slug), data).content.decode()


def errors_of(html):
    """(summary messages, messages shown at the fields), as the patient reads them."""
    summary = re.findall(r'<li><a href="#[^"]+">(.*?)</a></li>', html)
    at_fields = re.findall(r'<span class="visually-hidden">Error:</span> (.*?)</p>', html)
    return summary, at_fields


def test_every_question_says_what_to_do_in_its_own_words():
    messages = [question.unanswered for question in QUESTIONS]

    assert len(set(messages)) == len(messages), "two questions share an error message"
    assert not GENERIC & set(messages)


def test_a_question_that_cannot_say_what_to_do_when_unanswered_is_refused():
    with pytest.raises(ValueError, match="walking_aid: say what to do when it is unanswered"):
        Question("walking_aid", "bool", "Do you use a walking aid?", "walking-aid")


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_a_question_sent_unanswered_is_named_in_the_summary_and_above_its_options(client, question):
    html = main_of(page_for(client, question.step, {}))
    summary, at_fields = errors_of(html)

    assert len(summary) == 1 and summary == at_fields
    message = summary[0].replace("&quot;", '"')
    assert message.startswith(question.unanswered)
    assert message not in GENERIC
    anchor = re.search(r'<a href="#([^"]+)">', html).group(1)
    heading = HEADING.search(html)
    assert heading.start() < html.index("Error:</span> ") < html.index(f'id="{anchor}"')


@pytest.mark.parametrize(
    ("slug", "messages"),
    [
        (
            "contact-details",
            [
                "Enter your full name",
                "Enter a phone number we can call you on",
                "Select how you would like us to contact you",
            ],
        ),
        ("consent", ["Select the box to agree, so the clinic can review your answers"]),
    ],
)
def test_the_contact_and_consent_pages_name_what_is_missing(client, slug, messages):
    summary, at_fields = errors_of(page_for(client, slug, {}))

    assert summary == at_fields == messages


def test_ticking_none_with_a_scan_names_the_question():
    form = page_form("scans")(data={"imaging": ["none", "mri"]})

    assert form.errors["imaging"] == [
        'Select the scans of your back you have had for this pain, or select "None of these", '
        "not both"
    ]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_the_question_is_the_page_heading_and_is_said_once(client, question):
    html = main_of(page_for(client, question.step))

    (heading,) = HEADING.findall(html)
    assert re.sub(r"<[^>]+>", "", heading) == question.text
    assert html.count(question.text) == 1  # no hidden copy, no legend repeating the h1
    before = html[: HEADING.search(html).start()]
    if question.kind in ("date", "bool", "choice", "multi") or question.ends:
        assert before.endswith('<legend class="question__legend question__legend--heading">')
    else:
        assert f'<label for="id_{question.key}" class="question__label">' in heading
    assert 'id="progress-label">Step ' in before  # the progress is a caption above it


def test_a_page_of_several_fields_keeps_its_own_heading_and_labels(client):
    html = main_of(page_for(client, "contact-details"))

    assert HEADING.findall(html) == ["Your contact details"]
    assert '<legend class="form-label question__legend">How would you like us' in html
    assert '<label for="id_full_name" class="form-label question__label">Full name</label>' in html


def test_the_consent_page_keeps_its_heading_above_the_box(client):
    html = main_of(page_for(client, "consent"))

    assert HEADING.findall(html) == ["Your consent"]


def test_i_dont_know_comes_after_the_date_behind_an_or(client):
    html = main_of(page_for(client, "pain-start"))
    box = unknown_name(QUESTIONS_BY_KEY["pain_onset_date"])

    divider = html.index('<p class="question__or">or</p>')
    assert html.index("</fieldset>") < divider < html.index(f'id="id_{box}"')
    assert 'data-clears="pain_onset_date"' in html  # questionnaire.js empties the date


def test_i_dont_know_alone_is_an_answer_without_javascript(client):
    data = patient_steps(pain_onset_date=None)["pain-start"]
    answer_until(client, patient_steps(), "pain-start")

    assert post_step(client, step_url("pain-start"), data).status_code == 302


def test_the_hint_is_under_the_question_not_under_the_inputs(client):
    html = main_of(page_for(client, "scans"))

    heading_end = html.index("</h1>")
    hint = html.index('id="id_imaging_helptext"')
    assert heading_end < hint < html.index('id="id_imaging_0"')
    assert "asteriskField" not in html and "*</" not in html


def test_the_location_page_offers_no_preference_last(client):
    near, far = LocationFactory(name="Northside"), LocationFactory(name="Southside")
    steps = patient_steps(location="")
    answer_until(client, steps, "location")
    html = main_of(client.get(step_url("location")).content.decode())

    assert HEADING.findall(html) == ["Which clinic would you prefer?"]
    labels = re.findall(r'class="form-check-label">(.*?)</label>', html)
    assert labels == [near.name, far.name, "No preference"]
    assert html.index('<p class="question__or">or</p>') < html.index("No preference")


def test_no_preference_is_stored_as_no_location_and_shown_in_the_patients_words(client):
    LocationFactory(name="Northside")
    complete(client, patient_steps(location=""))

    check = client.get(reverse("screening:check")).content.decode()
    assert "<dt>Which clinic would you prefer?</dt>\n      <dd>No preference</dd>" in check
    post_step(client, reverse("screening:check"))
    assert Submission.objects.get().location is None


def test_a_radio_answer_stored_as_none_gets_no_or_divider(client):
    html = main_of(page_for(client, "leg-symptoms"))  # "No" is stored as "none" here

    assert 'value="none"' in html and "question__or" not in html
