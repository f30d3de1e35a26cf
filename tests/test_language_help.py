"""The notice of free language help: its page, its footer link, its start-up check."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from django.utils import translation

from kypho.checks import check_language_help_languages
from kypho.language_help import DEFAULT_LANGUAGES, TAGLINES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_between_tests(settings):
    """Start in English and leave no language behind (a request under /es/ activates
    Spanish for the rest of the thread, including the test's own `reverse`)."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


LINE = re.compile(r'<li id="lang-[^"]+" lang="([^"]+)" dir="(ltr|rtl)">(.*?)</li>', re.S)


def spanish_url(name):
    with translation.override("es"):
        return reverse(name)


def lines_of(html):
    """[(lang, dir, inner HTML)] of the page's list of languages, in order."""
    return LINE.findall(html)


def test_the_page_lists_the_configured_languages_in_order(client, settings):
    settings.LANGUAGE_HELP_LANGUAGES = ["vi", "es", "ar", "ko"]
    html = client.get(reverse("education:language-help")).content.decode()
    assert "<h1>Free language help</h1>" in html
    assert [(lang, direction) for lang, direction, _ in lines_of(html)] == [
        ("vi", "ltr"),
        ("es", "ltr"),
        ("ar", "rtl"),
        ("ko", "ltr"),
    ]
    assert "Hay ayuda gratis con el idioma. Llame al" in html
    assert "May libreng tulong" not in html  # Tagalog was not configured


def test_the_default_is_a_top_15_with_spanish_first(client):
    html = client.get(reverse("education:language-help")).content.decode()
    assert [lang for lang, _, _ in lines_of(html)] == list(DEFAULT_LANGUAGES)
    assert DEFAULT_LANGUAGES[0] == "es" and len(DEFAULT_LANGUAGES) == 15


def test_each_line_calls_the_clinic_with_the_number_kept_left_to_right(client, settings):
    settings.CLINIC_PHONE = "+1 (555) 010-0199"
    settings.LANGUAGE_HELP_LANGUAGES = ["fa", "ur", "zh-Hant"]
    html = client.get(reverse("education:language-help")).content.decode()
    number = '<bdi dir="ltr"><a href="tel:+15550100199">+1 (555) 010-0199</a></bdi>'
    lines = lines_of(html)
    assert [direction for _, direction, _ in lines] == ["rtl", "rtl", "ltr"]
    assert all(number in inner for _, _, inner in lines)
    assert lines[0][2].startswith("کمک زبانی رایگان")


def test_the_spanish_page_is_titled_in_spanish_and_leads_with_the_spanish_line(client):
    html = client.get(spanish_url("education:language-help")).content.decode()
    assert '<html lang="es">' in html
    assert "<h1>Ayuda gratis con el idioma</h1>" in html
    assert '<p class="lead">Hay ayuda gratis con el idioma. Llame al <a href="tel:' in html
    assert "es" not in [lang for lang, _, _ in lines_of(html)]  # not said twice
    assert "Free language help" not in html


def test_every_shipped_line_names_the_phone_once_and_rtl_scripts_are_rtl():
    assert len(TAGLINES) >= 25
    for line in TAGLINES.values():
        assert line.text.count("{phone}") == 1, line.code
    assert {code for code, line in TAGLINES.items() if line.direction == "rtl"} >= {
        "ar",
        "fa",
        "ur",
        "yi",
        "he",
    }


FOOTER = re.compile(r'<p class="site-footer__language-help">(.*?)</p>', re.S)


def footer_of(html):
    return FOOTER.search(html).group(1)


def test_the_footer_of_a_patient_page_links_to_the_notice(client):
    footer = footer_of(client.get(reverse("education:topic-list")).content.decode())
    assert '<a href="/language-help/">Free language help</a>' in footer
    assert '<a href="/language-help/#lang-es" lang="es" dir="ltr">Español</a>' in footer
    assert '<a href="/language-help/#lang-zh-Hant" lang="zh-Hant" dir="ltr">繁體中文</a>' in footer


def test_the_footer_of_a_spanish_page_is_in_spanish(client):
    footer = footer_of(client.get(spanish_url("education:topic-list")).content.decode())
    assert '<a href="/es/language-help/">Ayuda gratis con el idioma</a>' in footer
    assert 'lang="es"' not in footer  # the page already is in Spanish
    assert 'lang="vi" dir="ltr">Tiếng Việt</a>' in footer


def test_the_footer_names_a_right_to_left_language_right_to_left(client, settings):
    settings.LANGUAGE_HELP_LANGUAGES = ["ar", "es"]
    footer = footer_of(client.get(reverse("education:home")).content.decode())
    assert 'lang="ar" dir="rtl">العربية</a>' in footer


def test_the_footer_of_a_clinician_page_links_to_the_notice(client):
    from tests.clinic.factories import make_user

    client.force_login(make_user("dr-footer", clinician=True))
    html = client.get(reverse("clinic:queue")).content.decode()
    assert '<a href="/language-help/">Free language help</a>' in footer_of(html)


def test_an_unknown_language_code_stops_the_app_with_its_name(settings):
    settings.LANGUAGE_HELP_LANGUAGES = ["es", "klingon"]
    errors = check_language_help_languages()
    assert [error.id for error in errors] == ["kypho.E002"]
    assert "'klingon'" in errors[0].msg and "zh-Hant" in errors[0].hint
    with pytest.raises(SystemCheckError, match="klingon"):
        call_command("check")


def test_the_known_codes_pass_the_check(settings):
    settings.LANGUAGE_HELP_LANGUAGES = list(TAGLINES)
    assert check_language_help_languages() == []
