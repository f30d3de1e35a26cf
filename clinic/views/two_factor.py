"""The clinician's second factor: set up an authenticator app, and enter its code."""

import qrcode
import qrcode.image.svg
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.access import permission_guard
from clinic.forms import TokenForm


def next_url(request):
    """Where to go once verified: a safe `next`, or the queue."""
    target = request.POST.get("next") or request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe else reverse("clinic:queue")


def qr_svg(device):
    """The device's otpauth:// address as an inline SVG QR code (no third-party request)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


@permission_guard
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Show a new secret as a QR code; a correct code from the app confirms the device."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", "That code is not right. Enter the code your app shows now.")
    context = {"form": form, "qr_svg": qr_svg(device), "secret": device_secret(device)}
    context["next"] = next_url(request)
    return render(
        request, "clinic/two_factor_setup.html", context, status=400 if form.errors else 200
    )


@permission_guard
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """Ask for the six-digit code of the clinician's confirmed authenticator app."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", "That code is not right. Enter the code your app shows now.")
    context = {"form": form, "next": next_url(request)}
    return render(
        request, "clinic/two_factor_verify.html", context, status=400 if form.errors else 200
    )


def device_secret(device):
    """The secret in base32, in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
