"""Project middleware: a friendly 503 when the database is down; idle staff signed out."""

import logging
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError, InterfaceError
from django.shortcuts import render

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Answer 503 with the clinic's phone when a view cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError | InterfaceError):
            return None
        # The exception's text can carry query parameters; log only its kind.
        logger.error("Database unavailable: %s", type(exception).__name__)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "120"
        response["Cache-Control"] = "no-store"
        return response


class StaffIdleTimeoutMiddleware:
    """Sign staff out after CLINIC_IDLE_TIMEOUT_MINUTES without a request.

    Patients are never signed in, so only staff sessions carry a last-seen time.
    """

    SESSION_KEY = "staff_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.SESSION_KEY, now)
            if now - last_seen > settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60:
                logout(request)
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= 60 or self.SESSION_KEY not in request.session:
                request.session[self.SESSION_KEY] = now  # a session write at most a minute
        return self.get_response(request)
