"""Cache the rendered education pages until the content next changes.

Education pages are the same for every visitor and change only when staff edit a topic
or a location, so each is rendered once and kept in this process's memory, tagged with the
content version it was rendered for. The version lives in the shared cache: editing
anything bumps it, which retires every cached page at once, in every process and on every
host. A process re-reads the version at most once per VERSION_TTL seconds, so a page is
served without any round trip, and another process sees an edit within that second.
"""

import hashlib
import secrets
import time
from functools import cache as once
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

VERSION_KEY = "education:content-version"
VERSION_TTL = 1.0

_pages = {}  # path -> (version, content, content type), in this process only
_version = {"value": None, "read_at": 0.0}


@once
def deployment_fingerprint():
    """What else a cached page depends on: the clinic's settings and the static files' names.

    A new deployment (other hashed CSS names, another clinic phone) never serves a page
    cached by the previous one.
    """
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    parts = [settings.CLINIC_NAME, settings.CLINIC_PHONE, settings.CLINIC_EMERGENCY_MESSAGE]
    if manifest.exists():
        parts.append(manifest.read_text())
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def content_version_bump():
    """Retire every cached education page (called when a topic or location changes)."""
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)
    forget_version()


def forget_version():
    """Make the next request re-read the shared version."""
    _version["value"] = None


def clear_local_pages():
    """Drop this process's copies (tests call it when they empty the shared cache)."""
    _pages.clear()
    forget_version()


def content_version():
    """The shared content version, re-read at most once per VERSION_TTL seconds."""
    now = time.monotonic()
    if _version["value"] is None or now - _version["read_at"] > VERSION_TTL:
        # A cache that lost the key (flushed, restarted) gets a new random version, so
        # pages rendered before the loss are never taken for current.
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        _version["value"] = (cache.get(VERSION_KEY), deployment_fingerprint())
        _version["read_at"] = now
    return _version["value"]


def cached_page(view):
    """Serve a GET view's 200 response from the cache while the content is unchanged."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        version = content_version()
        entry = _pages.get(request.path)
        if entry and entry[0] == version:
            return HttpResponse(entry[1], content_type=entry[2])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            _pages[request.path] = (version, response.content, response["Content-Type"])
        return response

    return wrapper
