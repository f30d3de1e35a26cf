"""Who may open a clinician page: a signed-in account with `screening.review_submission`,
past its second factor when it has one (or when the clinic requires one).

Never `is_staff`: an administrator who edits education content does not thereby read
patients' answers. Anonymous visitors are sent to sign in; signed-in accounts without the
permission get 403. Every clinician response is `no-store`, since it holds health data.

The second-factor pages themselves concern only the signed-in account, so admin staff
may use them too (the admin asks for the same second factor). Adding or removing an
authenticator app needs a session already verified by an app the account has: only an
account with no app yet may add its first one after the password alone (OWASP's MFA cheat
sheet: changing a factor needs the factors already set up; django-otp's `is_verified()`).
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django_otp import user_has_device

from clinic.queries import PERMISSION


def permission_guard(view):
    """Sign-in redirect when anonymous, 403 without the permission, never cached."""
    guarded = login_required(permission_required(PERMISSION, raise_exception=True)(view))
    return wraps(view)(never_cache(guarded))


def account_guard(view):
    """Sign-in redirect when anonymous, 403 unless a clinician or admin staff; never cached."""

    @wraps(view)
    def check_account(request, *args, **kwargs):
        if not (request.user.is_staff or request.user.has_perm(PERMISSION)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wraps(view)(never_cache(login_required(check_account)))


def second_factor_step(request):
    """The second-factor page this request must pass first, or None."""
    if request.user.is_verified():
        return None
    if user_has_device(request.user):
        return "clinic:two-factor-verify"
    if settings.CLINIC_REQUIRE_2FA:
        return "clinic:two-factor-setup"
    return None


def enrolment_step(request):
    """The page to pass before adding an authenticator app, or None.

    Only a verified session, or an account with no confirmed app at all, may add one.
    """
    if request.user.is_verified() or not user_has_device(request.user):
        return None
    return "clinic:two-factor-verify"


def redirect_to_step(step, next_url):
    """Send the visitor to a second-factor page, coming back to `next_url` after it."""
    return redirect(f"{reverse(step)}?{urlencode({'next': next_url})}")


def second_factor_required(view):
    """Send a session that still owes its second factor to the page that asks for it."""

    @wraps(view)
    def check_second_factor(request, *args, **kwargs):
        step = second_factor_step(request)
        if step:
            return redirect_to_step(step, request.get_full_path())
        return view(request, *args, **kwargs)

    return check_second_factor


def clinician_required(view):
    """Guard a view: permission first, then the second factor where one applies."""
    return permission_guard(second_factor_required(view))


def verified_account_required(view):
    """Guard a page about one's own sign-in that needs the second factor already passed."""
    return account_guard(second_factor_required(view))
