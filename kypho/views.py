"""Project-wide views: the health check and the friendly error pages."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
@never_cache
def healthz(request):
    """Answer 200 when the database answers a trivial query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database did not answer.")
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


def bad_request(request, exception):
    """A 400 page (too large or malformed request) that says what to do next."""
    return render(request, "400.html", status=400)


def page_not_found(request, exception):
    """A 404 page that offers a way back instead of a dead end."""
    return render(request, "404.html", status=404)


def server_error(request):
    """A 500 page that gives the clinic's phone; it renders without a database."""
    return render(request, "500.html", status=500)
