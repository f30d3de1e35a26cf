"""The clinician's session, for the timeout warning: how long is left, and "Stay signed in"."""

import time

from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_POST

from clinic.access import clinician_required
from clinic.timeout import seconds_left
from kypho.middleware import StaffIdleTimeoutMiddleware, leaves_idle_clock


@leaves_idle_clock
@clinician_required
@require_GET
def session_status(request):
    """Seconds the session has left; asking is not activity, so the clock runs on."""
    return JsonResponse({"seconds_left": seconds_left(request)})


@clinician_required
@require_POST
def session_extend(request):
    """Restart the idle clock; answer how many seconds the session now has."""
    request.session[StaffIdleTimeoutMiddleware.SESSION_KEY] = int(time.time())
    return JsonResponse({"seconds_left": seconds_left(request)})
