"""Project middleware: a friendly page, not a traceback, when the database is down."""

import logging

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
