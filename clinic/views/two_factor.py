"""The second factor: add an authenticator app, enter its code, list and remove apps.

Adding an app after the password alone is allowed only for an account with none yet;
otherwise the session must first pass a code from an app it already has. Removing needs
a verified session too. Both are audited and emailed to the account's owner
(`clinic.devices`).
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic import devices
from clinic.access import (
    account_guard,
    enrolment_step,
    redirect_to_step,
    verified_account_required,
)
from clinic.forms import TokenForm
from kypho.net import client_ip

WRONG_CODE = gettext_lazy("That code is not right. Enter the code your app shows now.")


def code_error(wait):
    """Why a code did not pass: wrong, or refused while throttling runs after wrong codes."""
    if not wait:
        return WRONG_CODE
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second, then enter the code your app shows.",
        "Too many wrong codes. Wait %(seconds)d seconds, then enter the code your app shows.",
        wait,
    ) % {"seconds": wait}


def next_url(request):
    """Where to go once verified: a safe `next`, or the queue."""
    target = request.POST.get("next") or request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe else reverse("clinic:queue")


def qr_svg(device):
    """The device's otpauth:// address as an inline SVG QR code (no third-party request)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def device_secret(device):
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@account_guard
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Show a new secret as a QR code; a correct code from the app turns it on."""
    step = enrolment_step(request)
    if step:
        return redirect_to_step(step, request.get_full_path())
    device = devices.setup_device_for(request.session, user=request.user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        wait = devices.throttle_wait([device])
        if device.verify_token(form.cleaned_data["token"]):
            devices.totp_device_confirm(
                device=device, actor=request.user, ip_address=client_ip(request)
            )
            request.session.pop(devices.SETUP_SESSION_KEY, None)
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", code_error(wait))
    context = {"form": form, "qr_svg": qr_svg(device), "secret": device_secret(device)}
    context["next"] = next_url(request)
    return render(
        request, "clinic/two_factor_setup.html", context, status=400 if form.errors else 200
    )


@account_guard
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """Ask for the six-digit code of one of the account's authenticator apps."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        wait = devices.throttle_wait(TOTPDevice.objects.devices_for_user(request.user))
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", code_error(wait))
    context = {"form": form, "next": next_url(request)}
    return render(
        request, "clinic/two_factor_verify.html", context, status=400 if form.errors else 200
    )


@verified_account_required
@require_GET
def two_factor_devices(request):
    """The account's authenticator apps, each with a button to remove it."""
    confirmed = TOTPDevice.objects.devices_for_user(request.user, confirmed=True)
    context = {"devices": confirmed.order_by("created_at"), "required": settings.CLINIC_REQUIRE_2FA}
    return render(request, "clinic/two_factor_devices.html", context)


@verified_account_required
@require_POST
def two_factor_remove(request, pk):
    """Remove one of the account's apps; the clinic's last one stays while 2FA is required."""
    device = get_object_or_404(TOTPDevice, pk=pk, user=request.user, confirmed=True)
    others = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).exclude(pk=pk)
    if settings.CLINIC_REQUIRE_2FA and not others.exists():
        messages.error(
            request, _("Add another app before you remove this one: the clinic needs one.")
        )
    else:
        devices.totp_device_remove(device=device, actor=request.user, ip_address=client_ip(request))
        messages.success(request, _("The app was removed. Its codes no longer work."))
    return redirect("clinic:two-factor-devices")
