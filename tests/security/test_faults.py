"""Pages and sends when a dependency fails: the cache, or the database under a session."""

import pytest
from django.test import Client
from django.urls import reverse

from screening.models import Submission
from tests.clinic.factories import make_user
from tests.factories import TopicFactory
from tests.screening.journey import complete, patient_steps, submit

pytestmark = pytest.mark.django_db


def test_home_and_topic_pages_work_without_the_cache(client, cache_down, caplog):
    topic = TopicFactory(title="Pages without a cache")
    for url in (reverse("education:home"), topic.get_absolute_url(), topic.get_absolute_url()):
        assert client.get(url).status_code == 200
    assert "Education pages: the shared cache failed (ConnectionError)" in caplog.text


def test_topic_edits_show_at_once_without_the_cache(client, cache_down):
    topic = TopicFactory(title="Old title")
    assert "Old title" in client.get(topic.get_absolute_url()).content.decode()
    topic.title = "New title"
    topic.save()
    assert "New title" in client.get(topic.get_absolute_url()).content.decode()


def test_a_patient_can_send_without_the_cache(client, cache_down, caplog):
    complete(client, patient_steps(full_name="Cache Outage"))
    response = submit(client)
    assert response.status_code == 302
    assert Submission.objects.get().full_name == "Cache Outage"
    assert "Rate limit: the shared cache failed (ConnectionError)" in caplog.text
    assert "Cache Outage" not in caplog.text


def test_the_rate_limit_holds_in_each_process_without_the_cache(client, cache_down, settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    complete(client, patient_steps())
    assert submit(client).status_code == 302
    complete(client, patient_steps())
    assert submit(client).status_code == 429
    assert Submission.objects.count() == 1


def test_a_patient_mid_questionnaire_gets_the_friendly_503(client, database_down_later):
    complete(client, patient_steps())
    database_down_later()
    response = Client(raise_request_exception=False, HTTP_COOKIE=cookies(client))
    for url in (reverse("screening:check"), reverse("education:home")):
        page = response.get(url)
        assert page.status_code == 503, url
        assert "not available right now" in page.content.decode()


def test_a_signed_in_clinician_gets_the_friendly_503(client, database_down_later, caplog):
    user = make_user("dr-outage", clinician=True)
    client.force_login(user)
    database_down_later()
    browser = Client(raise_request_exception=False, HTTP_COOKIE=cookies(client))
    page = browser.get(reverse("clinic:queue"))
    assert page.status_code == 503
    assert "not available right now" in page.content.decode()
    assert page["Retry-After"] == "120"
    assert "Database unavailable: OperationalError" in caplog.text
    assert "could not connect" not in caplog.text


def cookies(client):
    """The Cookie header of `client`'s browser, for a fresh client without its shortcuts."""
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
