"""Staff sign-in: lock-out after repeated failures, idle expiry, browser-close sessions."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from tests.clinic.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple"


def sign_in(client, username, password, address="10.1.1.1"):
    return client.post(
        reverse("clinic:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def clinician():
    user = make_user("dr-lock", clinician=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(client, clinician, settings):
    statuses = [
        sign_in(client, "dr-lock", "wrong").status_code for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert (
        statuses[0] == 200
        and "not right" in sign_in(Client(), "x", "y", address="10.4.4.4").content.decode()
    )
    response = sign_in(Client(), "dr-lock", PASSWORD, address="10.9.9.9")
    assert response.status_code == 429
    assert "Sign-in is locked for now" in response.content.decode()


def test_five_failures_from_one_address_lock_that_address(client, clinician, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{n}", "wrong", address="10.2.2.2")
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.2.2.2").status_code == 429
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.3.3.3").status_code == 302


def test_a_good_sign_in_lasts_only_until_the_browser_closes(client, clinician):
    response = sign_in(client, "dr-lock", PASSWORD)
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()
    assert not response.cookies["sessionid"]["expires"]


def test_idle_staff_are_signed_out(client, clinician, settings, monkeypatch):
    sign_in(client, "dr-lock", PASSWORD)
    assert client.get(reverse("clinic:queue")).status_code == 200
    later = time.time() + settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60 + 5
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.get(reverse("clinic:queue"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("clinic:login"))
    monkeypatch.undo()
    assert client.get(reverse("clinic:queue")).status_code == 302


def test_activity_keeps_staff_signed_in(client, clinician, settings, monkeypatch):
    sign_in(client, "dr-lock", PASSWORD)
    start = time.time()
    for minutes in (10, 20, 30):
        monkeypatch.setattr(time, "time", lambda m=minutes: start + m * 60)
        assert client.get(reverse("clinic:queue")).status_code == 200
