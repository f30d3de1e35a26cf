"""Cache the rendered education pages until the content next changes.

Education pages are the same for every visitor and change only when staff edit a topic
or a location, so each is rendered once and kept in this process's memory, tagged with the
content version it was rendered for. The version lives in the shared cache: editing
anything bumps it, which retires every cached page at once, in every process and on every
host. A process re-reads the version at most once per VERSION_TTL seconds, so a page is
served without any round trip, and another process sees an edit within that second.

When the shared cache fails (Redis down, say), nobody can tell whether the content
changed, so pages are rendered afresh on every request, and kept nowhere, until the
cache answers again; an error is logged. Patients see the pages all along.
"""

import hashlib
import logging
import secrets
import time
from functools import cache as once
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

logger = logging.getLogger(__name__)
VERSION_KEY = "education:content-version"
VERSION_TTL = 1.0

_pages = {}  # (language, path) -> (version, content, content type), in this process only
_version = {"value": None, "read_at": 0.0}


@once
def deployment_fingerprint():
    """What else a cached page depends on: the clinic's settings and the static files' names.

    A new deployment (other hashed CSS names, another clinic phone) never serves a page
    cached by the previous one.
    """
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    parts = [settings.CLINIC_NAME, settings.CLINIC_PHONE, settings.CLINIC_EMERGENCY_MESSAGE]
    parts += [settings.CLINIC_EMERGENCY_MESSAGE_ES, *settings.LANGUAGE_HELP_LANGUAGES]
    if manifest.exists():
        parts.append(manifest.read_text())
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def content_version_bump():
    """Retire every cached education page (called when a topic or location changes)."""
    try:
        cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)
    except Exception as exc:  # any failure of the cache server or its client
        logger.error("Education pages: the shared cache failed (%s).", type(exc).__name__)
    clear_local_pages()


def forget_version():
    """Make the next request re-read the shared version."""
    _version["value"] = None


def clear_local_pages():
    """Drop this process's copies (tests call it when they empty the shared cache)."""
    _pages.clear()
    forget_version()


def content_version():
    """The shared content version, re-read at most once per VERSION_TTL seconds.

    None while the shared cache fails: then no page may be served from, or kept in, memory.
    """
    now = time.monotonic()
    if _version["value"] is None or now - _version["read_at"] > VERSION_TTL:
        try:
            shared = read_shared_version()
        except Exception as exc:  # any failure of the cache server or its client
            logger.error("Education pages: the shared cache failed (%s).", type(exc).__name__)
            clear_local_pages()
            return None
        _version["value"] = (shared, deployment_fingerprint())
        _version["read_at"] = now
    return _version["value"]


def read_shared_version():
    """The version in the shared cache, set to a new random one if the cache lost it."""
    # A cache that lost the key (flushed, restarted) gets a new random version, so
    # pages rendered before the loss are never taken for current.
    cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
    return cache.get(VERSION_KEY)


def cached_page(view):
    """Serve a GET view's 200 response from the cache while the content is unchanged."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        version = content_version()
        if version is None:
            return view(request, *args, **kwargs)
        key = (translation.get_language(), request.path)  # never another language's copy
        entry = _pages.get(key)
        if entry and entry[0] == version:
            return HttpResponse(entry[1], content_type=entry[2])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            _pages[key] = (version, response.content, response["Content-Type"])
        return response

    return wrapper
