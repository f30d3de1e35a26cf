"""Who may open a clinician page: a signed-in account with `screening.review_submission`.

Never `is_staff`: an administrator who edits education content does not thereby read
patients' answers. Anonymous visitors are sent to sign in; signed-in accounts without the
permission get 403. Every clinician response is `no-store`, since it holds health data.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required, permission_required
from django.views.decorators.cache import never_cache

from clinic.queries import PERMISSION


def clinician_required(view):
    """Guard a view: sign-in redirect when anonymous, 403 without the permission."""
    guarded = login_required(permission_required(PERMISSION, raise_exception=True)(view))
    return wraps(view)(never_cache(guarded))
