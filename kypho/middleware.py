"""Project middleware: a friendly 503 when the database is down; idle staff signed out."""

import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError, InterfaceError
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from kypho.views import service_unavailable

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
        return service_unavailable(request, exception)


def keeps_typed_text(view):
    """Mark a POST view whose fields the idle sign-out keeps for after the next sign-in."""
    view.keeps_typed_text = True
    return view


def leaves_idle_clock(view):
    """Mark a view whose requests are not activity (a page asking how long it has left)."""
    view.leaves_idle_clock = True
    return view


class StaffIdleTimeoutMiddleware:
    """Sign staff out after CLINIC_IDLE_TIMEOUT_MINUTES without a request.

    Patients are never signed in, so only staff sessions carry a last-seen time.
    A POST that comes too late is not run: one to an idle session, one the page's
    timeout script sent (TIMEOUT_FIELD) when time ran out on typed text, or one from a
    page whose session another tab has just signed out (SIGNED_OUT_KEY). If its view
    `keeps_typed_text`, its fields (not the CSRF token) go into the signed-out session
    under KEPT_KEY, for the same user only and for KEPT_SECONDS, and sign-in returns to
    the page that shows them again. POSTs are judged in `process_view`, after the CSRF
    check, so no other site can sign anyone out or plant text. Every request to a view
    restarts the idle clock, except to views marked `leaves_idle_clock`.
    """

    SESSION_KEY = "staff_last_seen"
    SIGNED_OUT_KEY = "signed_out_by_idle"
    KEPT_KEY = "kept_after_sign_out"
    KEPT_SECONDS = 15 * 60
    TIMEOUT_FIELD = "signed_out_by_timeout"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.staff_idle = False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            last_seen = request.session.get(self.SESSION_KEY, int(time.time()))
            if time.time() - last_seen > settings.CLINIC_IDLE_TIMEOUT_MINUTES * 60:
                if request.method == "POST":
                    request.staff_idle = True  # judged in process_view, after the CSRF check
                else:
                    self.sign_out(request)
                    return redirect_to_login(request.get_full_path())
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method == "POST":
            response = self.stop_late_post(request, view_func)
            if response is not None:
                return response
        if request.user.is_authenticated and not getattr(view_func, "leaves_idle_clock", False):
            now = int(time.time())
            last_seen = request.session.get(self.SESSION_KEY)
            if last_seen is None or now - last_seen >= 60:
                request.session[self.SESSION_KEY] = now  # a session write at most a minute
        return None

    def stop_late_post(self, request, view_func):
        """Sign out instead of running a POST that came too late, keeping its text."""
        keeps = getattr(view_func, "keeps_typed_text", False)
        owner = self.owner_of_late_post(request, keeps)
        if owner is None:
            return None
        path = request.get_full_path()
        fields = {
            name: request.POST.getlist(name)
            for name in request.POST
            if name not in {"csrfmiddlewaretoken", self.TIMEOUT_FIELD}
        }
        if request.user.is_authenticated:
            self.sign_out(request)
        if not keeps:
            return redirect_to_login(page_of_form(request))
        kept = {"user": owner, "path": path, "fields": fields}
        request.session[self.KEPT_KEY] = {**kept, "until": int(time.time()) + self.KEPT_SECONDS}
        # The action's URL answers a GET with the page its form is on.
        return redirect_to_login(path)

    def owner_of_late_post(self, request, keeps):
        """The id of the user whose session this POST came too late for, or None."""
        if request.user.is_authenticated:
            late = request.staff_idle or request.POST.get(self.TIMEOUT_FIELD)
            return request.user.pk if late else None
        gone = request.session.get(self.SIGNED_OUT_KEY)
        if keeps and gone and gone["until"] >= time.time():
            return gone["user"]
        return None

    def sign_out(self, request):
        """Sign out, remembering for a while whose session this browser had."""
        user_id = request.user.pk
        logout(request)
        until = int(time.time()) + self.KEPT_SECONDS
        request.session[self.SIGNED_OUT_KEY] = {"user": user_id, "until": until}


def page_of_form(request):
    """The same-site page a POST's form was on (from Referer), or the sign-in default."""
    referer = request.META.get("HTTP_REFERER", "")
    if url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return resolve_url(settings.LOGIN_REDIRECT_URL)
