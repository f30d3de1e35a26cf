"""The clinician's second factor: set up an authenticator app, then a code at each sign-in."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
QUEUE = reverse("clinic:queue")
SETUP = reverse("clinic:two-factor-setup")
VERIFY = reverse("clinic:two-factor-verify")


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_without_a_device_and_not_required_the_queue_opens(clinician_client):
    assert clinician_client.get(QUEUE).status_code == 200


def test_required_second_factor_sends_a_clinician_to_set_it_up(clinician_client, settings):
    settings.CLINIC_REQUIRE_2FA = True
    response = clinician_client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fclinic%2F"


def test_setup_shows_a_qr_code_and_a_right_code_turns_it_on(clinician_client, clinician, settings):
    settings.CLINIC_REQUIRE_2FA = True
    page = clinician_client.get(SETUP).content.decode()
    assert "<svg" in page and "Key:" in page
    device = TOTPDevice.objects.get(user=clinician, confirmed=False)
    response = clinician_client.post(SETUP, {"token": code_for(device), "next": QUEUE})
    assert response["Location"] == QUEUE
    device.refresh_from_db()
    assert device.confirmed
    assert clinician_client.get(QUEUE).status_code == 200


def test_a_wrong_code_is_explained_and_turns_nothing_on(clinician_client, clinician):
    clinician_client.get(SETUP)
    response = clinician_client.post(SETUP, {"token": "000000"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=clinician, confirmed=True).exists()


def test_a_clinician_with_a_device_must_enter_its_code(clinician_client, clinician):
    device = confirmed_device(clinician)
    response = clinician_client.get(QUEUE)
    assert response["Location"] == f"{VERIFY}?next=%2Fclinic%2F"
    bad = clinician_client.post(VERIFY, {"token": "12ab"})
    assert bad.status_code == 400
    assert "six digits" in bad.content.decode()
    good = clinician_client.post(VERIFY, {"token": code_for(device), "next": QUEUE})
    assert good["Location"] == QUEUE
    assert clinician_client.get(QUEUE).status_code == 200


def test_next_cannot_lead_off_the_site(clinician_client, clinician):
    device = confirmed_device(clinician)
    response = clinician_client.post(
        VERIFY, {"token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == QUEUE
