"""The clinician pages give dates and times month first, as the US writes them."""

import datetime

import pytest
from django.urls import reverse

from tests.clinic.factories import make_submission
from tests.screening.factories import make_answers

pytestmark = pytest.mark.django_db

TWO_FIVE_PM = datetime.datetime(2026, 3, 27, 14, 5, tzinfo=datetime.UTC)


@pytest.fixture
def submitted(settings):
    settings.TIME_ZONE = "UTC"
    answers = make_answers(date_of_birth=datetime.date(1941, 7, 4))
    return make_submission(answers=answers, as_of=TWO_FIVE_PM.date(), created_at=TWO_FIVE_PM)


def test_a_submission_page_gives_its_dates_month_first(clinician_client, submitted):
    url = reverse("clinic:submission-detail", kwargs={"reference": submitted.reference})
    html = clinician_client.get(url).content.decode()
    assert "Mar 27, 2026, 2:05 PM" in html
    assert "July 4, 1941" in html
    assert "27 Mar 2026" not in html and "4 July 1941" not in html


def test_the_queue_gives_each_submission_time_month_first(clinician_client, submitted):
    html = clinician_client.get(reverse("clinic:queue")).content.decode()
    assert "Mar 27, 2026, 2:05 PM" in html
