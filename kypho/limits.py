"""Refuse requests no page of Kypho needs, before anything reads their body.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE counts form fields but not files, and a multipart
file is spooled to a temporary file on disk before any view runs. No page accepts files,
so every body is capped here, from its declared length, before the session, CSRF or a
form reads it:

- a NUL character in the path or query string (it has no meaning in any URL here, and
  PostgreSQL refuses it in a query): 400;
- a body without a Content-Length (`Transfer-Encoding: chunked`): 411, since its size
  is unknown until it has been read;
- a Content-Length that is not a number, or above DJANGO_MAX_REQUEST_BYTES: 400 or 413.

Each refusal is the friendly 400 page, with the status that names the reason. A
multipart body within the cap may still carry text fields (a form may be sent that way),
but any file part in it is skipped unread: nothing of it reaches memory or disk.
"""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from kypho.views import render_error

NUL = "\x00"


def has_nul(request):
    """True when the decoded path or query string holds a NUL character."""
    query = request.META.get("QUERY_STRING", "")
    return NUL in request.path or b"\x00" in unquote_to_bytes(query)


def refusal_status(request):
    """The status to refuse `request` with, or None when it may go on."""
    if has_nul(request):
        return 400
    if "HTTP_TRANSFER_ENCODING" in request.META:
        return 411
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit():
        return 400
    if int(length) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        return 413
    return None


class SkipEveryFile(FileUploadHandler):
    """An upload handler that skips every file part of a multipart body, unread."""

    def new_file(self, *args, **kwargs):
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


class RequestLimitsMiddleware:
    """Answer a request no page needs with the friendly 400 page and the right status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        status = refusal_status(request)
        if status is None:
            request.upload_handlers = [SkipEveryFile(request)]
            return self.get_response(request)
        response = render_error(request, "400.html", status)
        response["Cache-Control"] = "no-store"
        response["X-Frame-Options"] = settings.X_FRAME_OPTIONS  # its middleware comes later
        return response
