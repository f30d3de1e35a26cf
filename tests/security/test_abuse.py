"""The public questionnaire resists abuse and keeps patients' data out of sight."""

import logging

import pytest
from django.urls import reverse

from screening.models import Submission
from tests.screening.journey import begin, complete, patient_steps, post_step, step_url, submit

pytestmark = pytest.mark.django_db


def test_rate_limit_gives_a_friendly_429_and_keeps_the_answers(client, settings):
    settings.SUBMISSION_RATE_LIMIT = 2
    for _ in range(2):
        complete(client, patient_steps())
        assert submit(client).status_code == 302
    complete(client, patient_steps(full_name="Third Try"))
    response = submit(client)
    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()
    assert Submission.objects.count() == 2
    check = client.get(reverse("screening:check")).content.decode()
    assert "Third Try" in check


def test_rate_limit_is_per_address(client, settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    complete(client, patient_steps())
    assert submit(client).status_code == 302
    complete(client, patient_steps())
    assert post_step(client, reverse("screening:check"), REMOTE_ADDR="10.0.0.9").status_code == 302
    assert Submission.objects.count() == 2


def test_honeypot_filled_in_stores_nothing(client):
    complete(client, patient_steps())
    response = post_step(client, reverse("screening:check"), {"kp_extra_details": "http://spam"})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_honeypot_is_hidden_from_screen_readers_and_the_tab_key(client):
    complete(client, patient_steps())
    html = client.get(reverse("screening:check")).content.decode()
    assert '<div class="hp-field" aria-hidden="true">' in html
    assert 'name="kp_extra_details" id="id_kp_extra_details" tabindex="-1"' in html


def test_oversized_request_is_refused_with_a_friendly_page(client, settings):
    settings.DEBUG = False
    begin(client)
    data = patient_steps()["pain-start"] | {
        "padding": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    }
    response = post_step(client, step_url("pain-start"), data)
    assert response.status_code == 413
    assert "We could not read what was sent" in response.content.decode()


def test_post_without_csrf_token_is_refused(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("screening:start")).status_code == 403


def test_result_page_expires(client, settings, monkeypatch):
    complete(client, patient_steps())
    url = submit(client)["Location"]
    assert client.get(url).status_code == 200
    import time

    later = time.time() + settings.RESULT_PAGE_TTL_MINUTES * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.get(url)
    assert response.status_code == 410
    assert "This page has expired" in response.content.decode()


def test_database_down_gives_a_friendly_503(client, database_down):
    response = client.get(reverse("education:home"))
    assert response.status_code == 503
    html = response.content.decode()
    assert "not available right now" in html
    assert "Traceback" not in html and "could not connect" not in html


def test_no_personal_data_in_logs_urls_or_titles(client, caplog):
    caplog.set_level(logging.DEBUG)
    steps = patient_steps(
        full_name="Zelda Unique-Name", email="zelda@example.org", phone="555 777 1234"
    )
    begin(client)
    urls = []
    for slug, data in steps.items():
        urls.append(post_step(client, step_url(slug), data)["Location"])
    urls.append(submit(client)["Location"])
    page = client.get(urls[-1]).content.decode()
    title = page[page.index("<title>") : page.index("</title>")]
    for secret in ("Zelda", "zelda@example.org", "555 777 1234"):
        assert secret not in caplog.text
        assert all(secret not in url for url in urls)
        assert secret not in title
