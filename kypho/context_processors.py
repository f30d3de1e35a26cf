"""Template context every page needs: who the clinic is, how to reach it, which language."""

import re

from django.conf import settings
from django.utils import translation

from kypho import clinic_words, language_help
from kypho.languages import alternates, patient_language


def clinic(request):
    """Expose the clinic's name, phone (with a dialable `tel:` form), and its emergency
    message and answer time in the page's language."""
    return {
        "clinic_name": settings.CLINIC_NAME,
        "clinic_phone": settings.CLINIC_PHONE,
        "clinic_phone_tel": re.sub(r"[^0-9+]", "", settings.CLINIC_PHONE),
        **clinic_words.words_in(settings, page_language()),
    }


def language_help_footer(request):
    """The first few languages of the language-help notice, for every page's footer."""
    return {
        "language_help_footer": language_help.footer_taglines(
            settings.LANGUAGE_HELP_LANGUAGES, page_language()
        )
    }


def page_language():
    """The active language's code without its region ("en", "es")."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def languages(request):
    """This page in the other languages, for the switch link and `hreflang`; patient pages
    only (clinician pages are in the staff language, CLINIC_LANGUAGE)."""
    current = patient_language(request)
    if current is None:
        return {}
    pages = alternates(request)
    return {
        "language_alternates": pages,
        "language_switch": [page for page in pages if page[0] != current],
    }
