"""Who may open a clinician page: a signed-in account with `screening.review_submission`,
past its second factor when it has one (or when the clinic requires one).

Never `is_staff`: an administrator who edits education content does not thereby read
patients' answers. Anonymous visitors are sent to sign in; signed-in accounts without the
permission get 403. Every clinician response is `no-store`, since it holds health data.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
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


def second_factor_step(request):
    """The second-factor page this request must pass first, or None."""
    if request.user.is_verified():
        return None
    if user_has_device(request.user):
        return "clinic:two-factor-verify"
    if settings.CLINIC_REQUIRE_2FA:
        return "clinic:two-factor-setup"
    return None


def clinician_required(view):
    """Guard a view: permission first, then the second factor where one applies."""

    @wraps(view)
    def check_second_factor(request, *args, **kwargs):
        step = second_factor_step(request)
        if step:
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return permission_guard(check_second_factor)
