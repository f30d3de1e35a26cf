"""Which language a patient reads: the browser's on a first visit, then their own choice.

Patient pages live at two addresses, English unprefixed (`/learn/`) and Spanish under
`/es/` (`/es/learn/`), so a link, a bookmark or a printed address always opens in its
language. On a first visit to an English address, a browser that asks for Spanish first
(`Accept-Language`) is sent to the Spanish address. After that, the language of the
last page read is kept in a session cookie: the "Español" / "English" link on every page
changes it, and the browser's setting no longer does.

Clinician pages are in the clinic's one staff language, `CLINIC_LANGUAGE` (English unless
the clinic sets another): a coordinator whose browser prefers Spanish, or who just read a
patient page in Spanish, still reads the same words as the rest of the staff.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers

DEFAULT = settings.LANGUAGE_CODE.split("-")[0]


def patient_language(request):
    """The language of this patient page ("en", "es"), or None for any other page."""
    if getattr(request, "resolver_match", None) is None:  # not found, or not reached
        return None
    language = translation.get_language_from_path(request.path_info)
    if language:
        return language.split("-")[0]
    return DEFAULT if is_patient_path(request.path_info) else None


def is_patient_path(path):
    """True for an address served in both languages (its twins differ).

    Call it while the path's own language is active, as it is after LocaleMiddleware.
    """
    return any(url_in(path, code) != path for code, _name in settings.LANGUAGES)


def url_in(path, code):
    """This page's address in language `code` (English's code is the unprefixed one)."""
    return translate_url(path, settings.LANGUAGE_CODE if code == DEFAULT else code)


def browser_language(request):
    """The supported language the browser puts first, from Accept-Language only."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accept_lang, _quality in translation.trans_real.parse_accept_lang_header(header):
        if accept_lang == "*":
            break
        try:
            return translation.get_supported_language_variant(accept_lang).split("-")[0]
        except LookupError:
            continue
    return DEFAULT


def alternates(request):
    """[(code, name, url)] of this page in every language, for the switch link and hreflang."""
    return [(code, name, url_in(request.path_info, code)) for code, name in settings.LANGUAGES]


class LanguageChoiceMiddleware:
    """Send a first visit to the browser's language; remember the language read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        first_visit = chosen is None
        if (
            first_visit
            and request.method in ("GET", "HEAD")
            and not translation.get_language_from_path(request.path_info)
            and browser_language(request) != DEFAULT
            and is_patient_path(request.path_info)
        ):
            wanted = browser_language(request)
            target = url_in(request.path_info, wanted)
            query = request.META.get("QUERY_STRING", "")
            response = HttpResponseRedirect(f"{target}?{query}" if query else target)
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            return response
        response = self.get_response(request)
        language = patient_language(request)
        if language is None:
            return response
        if first_visit:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if language != chosen and response.status_code < 400:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class StaffLanguageMiddleware:
    """Serve the clinician pages (the `clinic` URL namespace) in `CLINIC_LANGUAGE`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.namespace == "clinic":
            # English by its full code, so links to patient pages keep their unprefixed form.
            language = settings.CLINIC_LANGUAGE
            translation.activate(settings.LANGUAGE_CODE if language == DEFAULT else language)
            request.LANGUAGE_CODE = translation.get_language()


def active_language():
    """The active language as its code in settings.LANGUAGES ("en", "es")."""
    active = translation.get_language() or settings.LANGUAGE_CODE
    return translation.get_supported_language_variant(active).split("-")[0]
