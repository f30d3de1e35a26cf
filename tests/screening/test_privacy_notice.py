"""The privacy notice shown at the consent step, and the plain words it uses for time."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from screening.wording import plain_hours, plain_period


def notice_html():
    return render_to_string(
        "screening/includes/_privacy_notice.html", request=RequestFactory().get("/")
    )


def test_notice_says_what_is_kept_who_sees_it_and_how_to_ask(settings):
    html = notice_html()
    assert "your answers, and your name and contact details" in html
    assert f"only the care team at {settings.CLINIC_NAME}" in html
    assert settings.CLINIC_PHONE in html


@pytest.mark.parametrize(
    ("days", "words"), [(730, "2 years"), (365, "1 year"), (548, "18 months"), (90, "3 months")]
)
def test_notice_says_how_long_from_the_retention_setting(settings, days, words):
    settings.SUBMISSION_RETENTION_DAYS = days
    assert f"<strong>How long we keep it:</strong> {words}." in notice_html()


@pytest.mark.parametrize(
    ("days", "words"), [(30, "1 month"), (10, "10 days"), (1, "1 day"), (1095, "3 years")]
)
def test_retention_period_in_plain_words(days, words):
    assert plain_period(days) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(21600, "6 hours"), (3600, "1 hour"), (1800, "30 minutes"), (5400, "90 minutes")],
)
def test_idle_limit_in_plain_words(seconds, words):
    assert plain_hours(seconds) == words
