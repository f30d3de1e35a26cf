"""Project-wide views: the health check, the language-help notice, the friendly error pages.

An error page speaks the language of the address it answers (`/es/...` in Spanish), even
when it is rendered before LocaleMiddleware has run (a refused request, a database
outage), so it never takes the language of the last request this thread served.
"""

import logging
import sys
import traceback

from django.conf import settings
from django.db import DatabaseError, InterfaceError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kypho import health, language_help

logger = logging.getLogger(__name__)
CACHE_MODULES = "django.core.cache."


@require_GET
@never_cache
def healthz(request):
    """Each dependency's state; 503 when the database is down (see kypho/health.py)."""
    status, states = health.report()
    return JsonResponse(states, status=status)


@require_GET
def language_help_page(request):
    """The notice of free language help: the page's language first, then each configured one."""
    reading = translation.get_language().split("-")[0]
    lead = language_help.TAGLINES.get(reading, language_help.TAGLINES["en"])
    others = [
        line
        for line in language_help.taglines(settings.LANGUAGE_HELP_LANGUAGES)
        if line.code != lead.code
    ]
    return render(request, "kypho/language_help_page.html", {"lead": lead, "taglines": others})


def render_error(request, template, status, context=None):
    """Render an error page in the language of the request's address."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, template, context, status=status)


def bad_request(request, exception):
    """A 400 page (too large or malformed request) that says what to do next."""
    return render_error(request, "400.html", 400)


def csrf_failure(request, reason=""):
    """A 403 for a form whose CSRF check failed: go back, refresh, try again (no reason
    shown, since it is for developers)."""
    return render_error(request, "403_csrf.html", 403)


def page_not_found(request, exception):
    """A 404 page that offers a way back instead of a dead end."""
    return render_error(request, "404.html", 404)


def server_error(request):
    """A 500 page that gives the clinic's phone; it renders without a database.

    A database failure outside any view (loading a session or a signed-in user in a
    middleware) lands here rather than in DatabaseUnavailableMiddleware: it gets the 503.
    """
    exception = sys.exception()
    if isinstance(exception, DatabaseError | InterfaceError):
        return service_unavailable(request, exception)
    return render_error(request, "500.html", 500)


def service_unavailable(request, exception):
    """The friendly 503 with the clinic's phone, for a failed database; the cause logged."""
    logger.error(outage_cause(exception), type(exception).__name__)
    response = render_error(request, "503.html", 503)
    response["Retry-After"] = "120"
    response["Cache-Control"] = "no-store"
    return response


def outage_cause(exception):
    """A log line (with a %s for the error's kind) that names what failed.

    Only the kind: the error's text can carry query parameters, such as answers.
    """
    frames = traceback.walk_tb(exception.__traceback__)
    if any(frame.f_globals.get("__name__", "").startswith(CACHE_MODULES) for frame, _ in frames):
        return (
            "The database cache failed (%s): is its table missing? `manage.py migrate` creates it."
        )
    return "Database unavailable: %s"
