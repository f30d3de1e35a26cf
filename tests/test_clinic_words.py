"""The clinic's emergency message and answer time, in the language of the page."""

import os

import pytest
from django.utils import translation

from kypho.checks import check_compiled_translations, check_spanish_twins
from kypho.clinic_words import DEFAULTS, twin_default

pytestmark = pytest.mark.django_db
SHIPPED = DEFAULTS["CLINIC_EMERGENCY_MESSAGE"]


@pytest.fixture(autouse=True)
def english_between_tests(settings):
    """Start in English and leave no language behind (a request under /es/ activates
    Spanish for the rest of the thread)."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def test_a_spanish_page_shows_the_spanish_emergency_message(client, settings):
    settings.CLINIC_EMERGENCY_MESSAGE = "Call 911 right now."
    settings.CLINIC_EMERGENCY_MESSAGE_ES = "Llame al 911 ahora mismo."
    html = footer(client.get("/es/learn/").content.decode())
    assert "<p>Llame al 911 ahora mismo.</p>" in html
    assert "Call 911 right now." not in html


def test_an_english_page_shows_the_english_emergency_message(client, settings):
    settings.CLINIC_EMERGENCY_MESSAGE = "Call 911 right now."
    settings.CLINIC_EMERGENCY_MESSAGE_ES = "Llame al 911 ahora mismo."
    client.get("/es/learn/")  # a Spanish page just before, on the same thread
    html = footer(client.get("/learn/").content.decode())
    assert "<p>Call 911 right now.</p>" in html
    assert "Llame al 911" not in html


def test_the_shipped_spanish_says_the_shipped_english(client):
    html = footer(client.get("/es/learn/").content.decode())
    assert f"<p>{SHIPPED['es']}</p>" in html
    assert "911 en Estados Unidos" in html and "sala de emergencias más cercana" in html


def test_an_unset_twin_follows_the_clinic_english_once_rewritten():
    assert twin_default("CLINIC_EMERGENCY_MESSAGE", "es", SHIPPED["en"]) == SHIPPED["es"]
    assert twin_default("CLINIC_RESPONSE_TIME_TEXT", "es", "within 5 days") == "within 5 days"


def test_rewritten_english_without_spanish_warns(settings):
    settings.CLINIC_RESPONSE_TIME_TEXT = "within 5 business days"
    settings.CLINIC_RESPONSE_TIME_TEXT_ES = "within 5 business days"
    warnings = check_spanish_twins()
    assert [warning.id for warning in warnings] == ["kypho.W001"]
    assert "CLINIC_RESPONSE_TIME_TEXT_ES is not set" in warnings[0].msg
    assert "would show it in English" in warnings[0].msg


def test_rewritten_english_with_its_spanish_passes(settings):
    settings.CLINIC_RESPONSE_TIME_TEXT = "within 5 business days"
    settings.CLINIC_RESPONSE_TIME_TEXT_ES = "en un plazo de 5 días hábiles"
    settings.CLINIC_EMERGENCY_MESSAGE = "Call 911 right now."
    settings.CLINIC_EMERGENCY_MESSAGE_ES = "Llame al 911 ahora mismo."
    assert check_spanish_twins() == []


def test_the_shipped_defaults_pass(settings):
    for setting, shipped in DEFAULTS.items():
        setattr(settings, setting, shipped["en"])
        setattr(settings, f"{setting}_ES", shipped["es"])
    assert check_spanish_twins() == []


def test_the_answer_time_is_offered_in_the_page_language(rf, settings):
    from kypho.context_processors import clinic

    settings.CLINIC_RESPONSE_TIME_TEXT = "within 3 business days"
    settings.CLINIC_RESPONSE_TIME_TEXT_ES = "en un plazo de 3 días hábiles"
    with translation.override("es"):
        assert (
            clinic(rf.get("/es/"))["clinic_response_time_text"]
            == settings.CLINIC_RESPONSE_TIME_TEXT_ES
        )
    assert clinic(rf.get("/"))["clinic_response_time_text"] == "within 3 business days"


def catalogue(folder, *, compiled, older=False):
    """A locale folder with a Spanish .po, and a .mo beside it when `compiled`."""
    target = folder / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    source = target / "django.po"
    source.write_text('msgid ""\nmsgstr ""\n')
    if compiled:
        mo = target / "django.mo"
        mo.write_bytes(b"")
        if older:
            os.utime(mo, (source.stat().st_mtime - 60,) * 2)
    return folder


def test_a_catalogue_never_compiled_or_edited_since_warns(tmp_path, settings):
    settings.LOCALE_PATHS = [
        catalogue(tmp_path / "a", compiled=False),
        catalogue(tmp_path / "b", compiled=True, older=True),
        catalogue(tmp_path / "c", compiled=True),
    ]
    warnings = check_compiled_translations()
    assert [warning.id for warning in warnings] == ["kypho.W002", "kypho.W002"]
    assert [warning.obj for warning in warnings] == [
        str(tmp_path / "a/es/LC_MESSAGES/django.po"),
        str(tmp_path / "b/es/LC_MESSAGES/django.po"),
    ]
    assert "compilemessages" in warnings[0].hint


def test_the_project_catalogue_is_compiled_as_make_leaves_it():
    assert check_compiled_translations() == []
