"""Adding and removing a clinician's authenticator apps (django-otp TOTP devices).

Each change is one transaction with its audit entry (device id only, never its key), and
the account's owner is emailed a notice, so a change they did not make is seen. The notice
is written to the outbox in the same transaction and sent by a task after commit (as the
clinic's other emails), so a slow or broken mail server neither holds up the page nor
loses it. The notice holds no health data and no secret: what changed, when, whom to tell.
"""

import math
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.audit import Action, audit_record
from clinic.models import OutboxMessage
from clinic.tasks import deliver_notification

NOTICE_SUBJECTS = {
    Action.TWO_FACTOR_ADD: "An authenticator app was added to your account",
    Action.TWO_FACTOR_REMOVE: "An authenticator app was removed from your account",
}


# A secret shown on the set-up page lives this long, and only in the session that asked.
SETUP_LIFETIME = timedelta(minutes=15)
SETUP_SESSION_KEY = "clinic_two_factor_setup_device"


def setup_device_for(session, *, user):
    """The unconfirmed device this session started, or a fresh one kept in the session.

    A device started by another session (a thief's with the password alone, say) is never
    shown here, and a new one deletes the user's other unconfirmed devices.
    """
    fresh = timezone.now() - SETUP_LIFETIME
    device = TOTPDevice.objects.filter(
        pk=session.get(SETUP_SESSION_KEY), user=user, confirmed=False, created_at__gte=fresh
    ).first()
    if device is None:
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        session[SETUP_SESSION_KEY] = device.pk
    return device


def throttle_wait(devices):
    """Seconds until django-otp's throttling lets these devices check a code again (0: now).

    Each wrong code doubles the wait; while it runs, even the right code is refused.
    """
    now, wait = timezone.now(), 0
    for device in devices:
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            wait = max(wait, math.ceil((data["locked_until"] - now).total_seconds()))
    return wait


def totp_device_confirm(*, device, actor, ip_address):
    """Turn on a device whose first code was right; audit it and tell the owner.

    Every other unconfirmed device of the user goes, so no other set-up can finish.
    """
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        audit_record(
            actor=actor,
            action=Action.TWO_FACTOR_ADD,
            ip_address=ip_address,
            detail={"device": device.pk},
        )
        device_change_notify(user=device.user, action=Action.TWO_FACTOR_ADD)


def totp_device_remove(*, device, actor, ip_address):
    """Delete a device; audit it and tell the owner."""
    user, device_id = device.user, device.pk
    with transaction.atomic():
        device.delete()
        audit_record(
            actor=actor,
            action=Action.TWO_FACTOR_REMOVE,
            ip_address=ip_address,
            detail={"device": device_id},
        )
        device_change_notify(user=user, action=Action.TWO_FACTOR_REMOVE)


def device_change_notify(*, user, action):
    """Queue the owner's notice of an added or removed app (call in the change's transaction)."""
    if not user.email:
        return None
    now = timezone.localtime()
    when = f"{formats.date_format(now, 'DATETIME_FORMAT')} {now:%Z}"
    message = OutboxMessage.objects.create(
        recipients=[user.email],
        subject=f"{settings.CLINIC_NAME}: {NOTICE_SUBJECTS[action].lower()}",
        body=(
            f"{NOTICE_SUBJECTS[action]} at {settings.CLINIC_NAME} on {when}.\n\n"
            "If you did this, you need do nothing.\n"
            "If you did not, someone may know your password: tell the clinic's "
            "administrator now and change your password.\n"
        ),
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(deliver_notification.enqueue, message.pk), robust=True)
    return message
