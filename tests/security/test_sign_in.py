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
    return make_user("dr-lock", clinician=True, password=PASSWORD)


def test_five_wrong_passwords_lock_that_account_from_that_address(client, clinician, settings):
    statuses = [
        sign_in(client, "dr-lock", "wrong").status_code for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    response = sign_in(Client(), "dr-lock", PASSWORD)
    assert response.status_code == 429
    assert "Sign-in is locked for now" in response.content.decode()
    # The clinician, at the clinic, is not locked out by a guesser elsewhere.
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.9.9.9").status_code == 302


def test_signing_in_to_another_account_does_not_clear_the_guesses(client, clinician, settings):
    mallory = make_user("mallory-2")
    mallory.set_password(PASSWORD)
    mallory.save()
    statuses = []
    for _round in range(2):
        for _guess in range(settings.AXES_FAILURE_LIMIT - 1):
            statuses.append(sign_in(Client(), "dr-lock", "wrong", address="10.6.6.6").status_code)
        assert sign_in(Client(), "mallory-2", PASSWORD, address="10.6.6.6").status_code == 302
    assert 429 in statuses
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.6.6.6").status_code == 429


def test_made_up_usernames_from_the_clinics_address_do_not_lock_a_clinician(
    client, clinician, settings
):
    for n in range(settings.AXES_FAILURE_LIMIT * 2):
        assert sign_in(Client(), f"guess-{n}", "wrong", address="10.2.2.2").status_code == 200
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.2.2.2").status_code == 302


def test_the_address_wide_limit_locks_that_address(client, clinician, settings):
    settings.SIGN_IN_ADDRESS_FAILURE_LIMIT = 8
    for n in range(7):
        sign_in(Client(), f"guess-{n}", "wrong", address="10.2.2.2")
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.2.2.2").status_code == 302
    assert sign_in(Client(), "guess-7", "wrong", address="10.2.2.2").status_code == 429
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.2.2.2").status_code == 429
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.3.3.3").status_code == 302


def test_guesses_at_one_account_from_many_addresses_lock_it(client, clinician, settings):
    settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT = 6
    for n in range(6):
        sign_in(Client(), "Dr-Lock" if n % 2 else "dr-lock", "wrong", address=f"10.7.7.{n}")
    response = sign_in(Client(), "dr-lock", PASSWORD, address="10.8.8.8")
    assert response.status_code == 429
    assert sign_in(Client(), "someone-else", "wrong", address="10.8.8.8").status_code == 200


def test_the_wide_limits_end_after_the_cool_off(client, clinician, settings, monkeypatch):
    settings.SIGN_IN_ADDRESS_FAILURE_LIMIT = 3
    for n in range(3):
        sign_in(Client(), f"guess-{n}", "wrong", address="10.2.2.2")
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.2.2.2").status_code == 429
    later = time.time() + settings.AXES_COOLOFF_TIME * 3600 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert sign_in(Client(), "dr-lock", PASSWORD, address="10.2.2.2").status_code == 302


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
