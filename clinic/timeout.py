"""The idle timeout as the clinician's pages show it: the GOV.UK timeout-warning pattern.

Every signed-in clinician page carries the seconds left before the idle sign-out (from
the session's own last-seen time, so page and server agree) and when to warn; the
script `static/js/session-timeout.js` opens the warning dialog that long before.
"""

import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError

from kypho.middleware import StaffIdleTimeoutMiddleware

# GOV.UK warns two minutes before a timeout; never more than half of a short timeout.
WARNING_SECONDS = 120


def seconds_left(request):
    """Seconds before this session's idle sign-out."""
    timeout = settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60
    last_seen = request.session.get(StaffIdleTimeoutMiddleware.SESSION_KEY, int(time.time()))
    return max(0, timeout - (int(time.time()) - last_seen))


def session_timeout(request):
    """Template context: the timeout warning's timings, for signed-in clinicians only."""
    user = getattr(request, "user", None)
    try:
        if user is None or not user.is_authenticated:
            return {}
    except (DatabaseError, InterfaceError):  # the friendly 503 page renders without it
        return {}
    timeout = settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60
    return {
        "session_timeout": {
            "seconds_left": seconds_left(request),
            "warning_seconds": min(WARNING_SECONDS, timeout // 2),
            "timeout_field": StaffIdleTimeoutMiddleware.TIMEOUT_FIELD,
        }
    }
