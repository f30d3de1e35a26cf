"""The result page: when the clinic will be in touch, the reference, and printing."""

import time

import pytest

from screening.views import RESULTS_SESSION_KEY
from tests.clinic.factories import answers_for, make_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def result_of(client):
    """result_of(outcome, **fields) -> the result page's HTML for a fresh submission."""

    def show(outcome, **fields):
        submission = make_submission(answers=answers_for(outcome), **fields)
        session = client.session
        session[RESULTS_SESSION_KEY] = {submission.reference: int(time.time())}
        session.save()
        response = client.get(submission.get_absolute_url())
        assert response.status_code == 200
        return submission, response.content.decode()

    return show


@pytest.mark.parametrize("outcome", ["likely_candidate", "needs_review"])
def test_result_says_when_the_clinic_will_be_in_touch(result_of, settings, outcome):
    settings.CLINIC_RESPONSE_TIME_TEXT = "within 3 business days"
    _submission, html = result_of(outcome, contact_method="email")
    assert "We will contact you by email within 3 business days." in html


def test_unlikely_result_says_the_clinic_still_looks_and_may_call(result_of, settings):
    _submission, html = result_of("unlikely_candidate")
    assert "They will still look at yours" in html
    assert f"they will contact you {settings.CLINIC_RESPONSE_TIME_TEXT} if they think" in html


def test_reference_is_kept_whole_and_spelled_out_for_screen_readers(result_of):
    submission, html = result_of("likely_candidate", reference="K7F3-9QXM-2AB0")
    assert '<strong class="reference">K7F3-9QXM-2AB0</strong>' in html
    assert '<span class="visually-hidden">, spelled out: K 7 F 3, 9 Q X M, 2 A B 0</span>' in html


def test_reference_box_gives_the_clinic_phone_for_print(result_of, settings):
    _submission, html = result_of("urgent")
    box = html[html.index('class="reference-box"') :]
    box = box[: box.index("</div>")]
    assert settings.CLINIC_PHONE in box
