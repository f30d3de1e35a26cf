"""Cache the rendered education pages until the content next changes.

Education pages are the same for every visitor and change only when staff edit a topic
or a location, so each is rendered once and served from the shared cache. One round trip
fetches both the page and the current content version; editing anything bumps the
version, which retires every cached page at once, in every process and on every host.
"""

import hashlib
from functools import cache as once
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

VERSION_KEY = "education:content-version"
PAGE_TIMEOUT = 24 * 3600


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
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def cached_page(view):
    """Serve a GET view's 200 response from the cache while the content is unchanged."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        page_key = f"education:page:{deployment_fingerprint()}:{request.path}"
        found = cache.get_many([VERSION_KEY, page_key])
        version = found.get(VERSION_KEY, 0)
        entry = found.get(page_key)
        if entry and entry[0] == version:
            return HttpResponse(entry[1], content_type=entry[2])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(page_key, (version, response.content, response["Content-Type"]), PAGE_TIMEOUT)
        return response

    return wrapper
