"""The clinician's second factor: set up an authenticator app, then a code at each sign-in."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from clinic.models import AuditEntry, OutboxMessage
from tests.clinic.helpers import run_tasks

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


# Adding and removing apps: only past the second factor, audited, and emailed.

DEVICES = reverse_lazy("clinic:two-factor-devices")


def verify_session(client, device):
    """Mark the client's session as having passed `device`'s code (as otp_login does)."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def remove_url(device):
    return reverse("clinic:two-factor-remove", kwargs={"pk": device.pk})


def notices():
    """The owners' notices waiting in the outbox: (recipients, body)."""
    return list(OutboxMessage.objects.values_list("recipients", "body"))


def audit_actions(user):
    return list(AuditEntry.objects.filter(actor=user).values_list("action", flat=True))


def test_a_password_alone_cannot_add_an_app_over_an_existing_one(
    clinician_client, clinician, settings
):
    settings.CLINIC_REQUIRE_2FA = True
    confirmed_device(clinician)
    response = clinician_client.get(SETUP)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fclinic%2Ftwo-factor%2Fsetup%2F"
    # The attack: enrol the attacker's own app, then use the workspace.
    attacker = TOTPDevice.objects.create(user=clinician, name="attacker", confirmed=False)
    clinician_client.post(SETUP, {"token": code_for(attacker), "next": QUEUE})
    attacker.refresh_from_db()
    assert not attacker.confirmed
    assert clinician_client.get(QUEUE)["Location"].startswith(VERIFY)
    assert clinician_client.get(reverse("clinic:queue-export")).status_code == 302
    assert audit_actions(clinician) == []


def test_first_app_is_added_after_the_password_audited_and_emailed(
    clinician_client, clinician, settings
):
    settings.CLINIC_REQUIRE_2FA = True
    clinician.email = "ada@clinic.example"
    clinician.save()
    clinician_client.get(SETUP)
    device = TOTPDevice.objects.get(user=clinician, confirmed=False)
    clinician_client.post(SETUP, {"token": code_for(device), "next": QUEUE})
    assert audit_actions(clinician) == [AuditEntry.Action.TWO_FACTOR_ADD]
    assert AuditEntry.objects.get(actor=clinician).detail == {"device": device.pk}
    [(recipients, body)] = notices()
    assert recipients == ["ada@clinic.example"]
    assert "authenticator app was added" in body
    assert "tell the clinic's administrator" in body


def test_a_verified_clinician_may_add_a_second_app(clinician_client, clinician):
    clinician.email = "ada@clinic.example"
    clinician.save()
    verify_session(clinician_client, confirmed_device(clinician))
    assert clinician_client.get(SETUP).status_code == 200
    new = TOTPDevice.objects.get(user=clinician, confirmed=False)
    response = clinician_client.post(SETUP, {"token": code_for(new), "next": str(DEVICES)})
    assert response["Location"] == DEVICES
    assert TOTPDevice.objects.filter(user=clinician, confirmed=True).count() == 2
    assert len(notices()) == 1


def test_removing_an_app_needs_the_second_factor(clinician_client, clinician):
    device = confirmed_device(clinician)
    response = clinician_client.post(remove_url(device))
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert clinician_client.get(DEVICES)["Location"].startswith(VERIFY)


def test_a_verified_clinician_removes_an_app_audited_and_emailed(clinician_client, clinician):
    clinician.email = "ada@clinic.example"
    clinician.save()
    keep, old = confirmed_device(clinician), confirmed_device(clinician)
    verify_session(clinician_client, keep)
    page = clinician_client.get(DEVICES).content.decode()
    assert remove_url(old) in page
    response = clinician_client.post(remove_url(old), follow=True)
    assert "The app was removed" in response.content.decode()
    assert list(TOTPDevice.objects.filter(user=clinician)) == [keep]
    assert audit_actions(clinician) == [AuditEntry.Action.TWO_FACTOR_REMOVE]
    assert "authenticator app was removed" in notices()[0][1]


def test_nobody_removes_a_colleagues_app(clinician_client, clinician, colleague):
    verify_session(clinician_client, confirmed_device(clinician))
    theirs = confirmed_device(colleague)
    assert clinician_client.post(remove_url(theirs)).status_code == 404
    assert TOTPDevice.objects.filter(pk=theirs.pk).exists()


def test_the_last_app_stays_while_the_clinic_requires_one(clinician_client, clinician, settings):
    settings.CLINIC_REQUIRE_2FA = True
    device = confirmed_device(clinician)
    verify_session(clinician_client, device)
    response = clinician_client.post(remove_url(device), follow=True)
    assert "Add another app before you remove this one" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


# The admin asks for the same second factor and never shows a key.

ADMIN = reverse("admin:index")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", password="x-long-password-1")


def test_the_admin_needs_the_second_factor(client, superuser):
    device = confirmed_device(superuser)
    client.force_login(superuser)
    response = client.get(ADMIN, follow=True)
    assert "Site administration" not in response.content.decode()
    assert response.redirect_chain[-1][0] == f"{VERIFY}?next=%2Fadmin%2F"
    done = client.post(VERIFY, {"token": code_for(device), "next": ADMIN})
    assert done["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_the_admin_needs_a_second_factor_set_up_when_required(client, superuser, settings):
    settings.CLINIC_REQUIRE_2FA = True
    client.force_login(superuser)
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0] == f"{SETUP}?next=%2Fadmin%2F"


def test_admin_staff_without_the_review_permission_can_pass_the_code(client, staff_user):
    device = confirmed_device(staff_user)
    client.force_login(staff_user)
    assert client.get(ADMIN, follow=True).redirect_chain[-1][0].startswith(VERIFY)
    client.post(VERIFY, {"token": code_for(device), "next": ADMIN})
    assert client.get(ADMIN).status_code == 200
    assert client.get(QUEUE).status_code == 403


def test_no_admin_page_shows_an_apps_key(client, superuser):
    device = confirmed_device(superuser)
    client.force_login(superuser)
    verify_session(client, device)
    change = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert device.key not in page.content.decode()
    listing = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert "qrcode" not in listing
    for extra in ("config", "qrcode"):
        page = client.get(f"{change}{extra}/", follow=True).content.decode()
        assert device.key not in page


# A set-up belongs to the session that started it, and lives a short while.


def setup_secret(client):
    """The key the set-up page shows this client."""
    page = client.get(SETUP).content.decode()
    return page.split('class="qr-code__secret">')[1].split("<")[0]


def session_device(client):
    return TOTPDevice.objects.get(pk=client.session["clinic_two_factor_setup_device"])


def test_two_sessions_of_one_user_never_share_a_setup_secret(client, clinician, settings):
    settings.CLINIC_REQUIRE_2FA = True
    thief, owner = client.__class__(), client.__class__()
    thief.force_login(clinician)
    owner.force_login(clinician)
    thief_secret = setup_secret(thief)
    thief_device = TOTPDevice.objects.get(user=clinician, confirmed=False)
    assert setup_secret(owner) != thief_secret
    owner_device = session_device(owner)
    owner.post(SETUP, {"token": code_for(owner_device), "next": QUEUE})
    assert list(TOTPDevice.objects.filter(user=clinician)) == [owner_device]
    # The thief's code from the secret they saw turns nothing on and opens nothing.
    thief.post(SETUP, {"token": code_for(thief_device), "next": QUEUE})
    thief.post(VERIFY, {"token": code_for(thief_device), "next": QUEUE})
    assert thief.get(QUEUE)["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=clinician, confirmed=True).count() == 1


def test_a_setup_secret_expires_after_fifteen_minutes(clinician_client, clinician):
    first = setup_secret(clinician_client)
    TOTPDevice.objects.filter(user=clinician).update(
        created_at=timezone.now() - timedelta(minutes=16)
    )
    assert setup_secret(clinician_client) != first
    assert TOTPDevice.objects.filter(user=clinician).count() == 1


# Throttling after wrong codes stays, and says so instead of calling a right code wrong.


def test_a_right_code_refused_while_throttled_says_to_wait(clinician_client, clinician):
    device = confirmed_device(clinician)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=4, throttling_failure_timestamp=timezone.now()
    )
    response = clinician_client.post(VERIFY, {"token": code_for(device), "next": QUEUE})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Too many wrong codes. Wait 8 seconds, then enter the code your app shows." in page
    assert "That code is not right" not in page
    assert clinician_client.get(QUEUE)["Location"].startswith(VERIFY)


def test_setup_refused_while_throttled_says_to_wait(clinician_client, clinician):
    clinician_client.get(SETUP)
    device = session_device(clinician_client)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=1, throttling_failure_timestamp=timezone.now()
    )
    response = clinician_client.post(SETUP, {"token": code_for(device)})
    assert "Too many wrong codes. Wait 1 second, then" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_a_first_wrong_code_is_called_wrong_not_throttled(clinician_client, clinician):
    confirmed_device(clinician)
    page = clinician_client.post(VERIFY, {"token": "000000"}).content.decode()
    assert "That code is not right" in page
    assert "Too many wrong codes" not in page


# In the admin, authenticator apps are listed and deleted, never planted.


@pytest.fixture
def admin_client_verified(client, superuser):
    client.force_login(superuser)
    verify_session(client, confirmed_device(superuser))
    return client


def test_the_admin_cannot_plant_an_authenticator_app(admin_client_verified, clinician):
    add = reverse("admin:otp_totp_totpdevice_add")
    assert admin_client_verified.get(add).status_code == 403
    planted = {"user": clinician.pk, "name": "x", "key": "00" * 20, "confirmed": "on"}
    assert admin_client_verified.post(add, planted).status_code == 403
    assert not TOTPDevice.objects.filter(user=clinician).exists()


def test_the_admin_shows_an_app_without_its_key_and_cannot_change_it(
    admin_client_verified, clinician
):
    device = confirmed_device(clinician)
    change = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    page = admin_client_verified.get(change).content.decode()
    assert device.key not in page
    admin_client_verified.post(change, {"user": clinician.pk, "name": "x", "confirmed": "on"})
    device.refresh_from_db()
    assert device.name == "phone"


def test_deleting_an_app_in_the_admin_is_audited_and_emailed(
    admin_client_verified, superuser, clinician
):
    clinician.email = "ada@clinic.example"
    clinician.save()
    device = confirmed_device(clinician)
    delete = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    assert admin_client_verified.post(delete, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    entry = AuditEntry.objects.get(actor=superuser)
    assert (entry.action, entry.detail) == (
        AuditEntry.Action.TWO_FACTOR_REMOVE,
        {"device": device.pk},
    )
    [(recipients, body)] = notices()
    assert recipients == ["ada@clinic.example"]
    assert "authenticator app was removed" in body


# The owner's notice goes through the outbox: a broken mail server neither stalls nor loses it.


def test_a_notice_waits_in_the_outbox_while_mail_is_down_then_goes(
    clinician_client, clinician, settings, django_capture_on_commit_callbacks, mailoutbox
):
    settings.EMAIL_BACKEND = "tests.clinic.backends.FailingEmailBackend"
    clinician.email = "ada@clinic.example"
    clinician.save()
    clinician_client.get(SETUP)
    device = TOTPDevice.objects.get(user=clinician, confirmed=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = clinician_client.post(SETUP, {"token": code_for(device), "next": QUEUE})
    assert response["Location"] == QUEUE
    message = OutboxMessage.objects.get()
    assert (message.status, message.recipients) == ("pending", ["ada@clinic.example"])
    assert message.submission is None
    assert DBTaskResult.objects.filter(task_path="clinic.tasks.deliver_notification").count() == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_tasks()
    assert [sent.to for sent in mailoutbox] == [["ada@clinic.example"]]
    assert "authenticator app was added" in mailoutbox[0].body
