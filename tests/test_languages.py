"""Which language a patient reads: the browser's on a first visit, then the one they pick."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

COOKIE = settings.LANGUAGE_COOKIE_NAME
SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9,en;q=0.5"}

pytestmark = pytest.mark.django_db


def in_spanish(name, **kwargs):
    with translation.override("es"):
        return reverse(name, kwargs=kwargs or None)


def test_english_addresses_stay_as_they_were(client, topics):
    assert reverse("education:topic-list") == "/learn/"
    assert in_spanish("education:topic-list") == "/es/learn/"
    assert in_spanish("screening:start") == "/es/screening/"
    page = client.get("/learn/")
    assert page.status_code == 200
    assert '<html lang="en-us">' in page.content.decode()


def test_a_first_visit_follows_the_browser_language(client, topics):
    response = client.get("/learn/?from=leaflet", **SPANISH_BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/es/learn/?from=leaflet"
    assert "Accept-Language" in response["Vary"]
    page = client.get(response["Location"], **SPANISH_BROWSER)
    assert '<html lang="es">' in page.content.decode()
    assert page.cookies[COOKIE].value == "es"


def test_a_browser_asking_for_english_or_an_unknown_language_stays_in_english(client, topics):
    for header in ("en-US,en;q=0.9", "de-DE,de;q=0.9", "", "*"):
        response = client.get("/learn/", HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 200, header
        client.cookies.clear()


def test_the_chosen_language_wins_over_the_browser_for_the_rest_of_the_visit(client, topics):
    client.get("/es/learn/", **SPANISH_BROWSER)
    page = client.get("/learn/", **SPANISH_BROWSER)  # the "English" link
    assert page.status_code == 200
    assert page.cookies[COOKIE].value == "en"
    assert client.get("/", **SPANISH_BROWSER).status_code == 200  # no longer sent to /es/


def test_the_cookie_lasts_for_the_visit_only():
    assert settings.LANGUAGE_COOKIE_AGE is None
    assert settings.LANGUAGE_COOKIE_HTTPONLY
    assert settings.LANGUAGE_COOKIE_SAMESITE == "Lax"


def test_a_form_post_is_never_redirected_by_the_browser_language(client):
    response = client.post(reverse("screening:start"), **SPANISH_BROWSER)
    assert response["Location"].startswith("/screening/")  # the English questionnaire


def test_every_patient_page_links_to_its_other_language(client, topics):
    english = client.get("/learn/what-is-kyphoplasty/").content.decode()
    assert re.search(
        r'<a href="/es/learn/what-is-kyphoplasty/" lang="es" hreflang="es">Español</a>', english
    )
    spanish = client.get("/es/learn/what-is-kyphoplasty/").content.decode()
    assert re.search(
        r'<a href="/learn/what-is-kyphoplasty/" lang="en" hreflang="en">English</a>', spanish
    )
    for page in (english, spanish):
        assert 'hreflang="en" href="http://testserver/learn/what-is-kyphoplasty/"' in page
        assert 'hreflang="es" href="http://testserver/es/learn/what-is-kyphoplasty/"' in page


def test_clinician_pages_stay_in_english_with_no_language_link(client):
    page = client.get(reverse("clinic:login"), **SPANISH_BROWSER)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="en-us">' in html
    assert "Español" not in html.split("<footer")[0]
    assert COOKIE not in page.cookies
    assert client.get("/es/clinic/").status_code == 404


def test_spanish_dates_put_the_day_first():
    day = date(2027, 3, 9)
    with translation.override("es"):
        assert date_format(day) == "9 de marzo de 2027"
        assert date_format(day, "SHORT_DATE_FORMAT") == "09/03/2027"
    with translation.override("en-us"):
        assert date_format(day) == "March 9, 2027"
