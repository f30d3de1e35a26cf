"""The shared pages (errors, refusals, outages) speak the language of their address."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_between_tests(settings):
    """Start in English and leave no language behind (a request under /es/ activates
    Spanish for the rest of the thread)."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def spanish_url(name):
    with translation.override("es"):
        return reverse(name)


def test_a_missing_page_under_es_is_in_spanish(client, settings):
    response = client.get("/es/no-existe/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="es">' in html
    assert "<h1>No pudimos encontrar esa página</h1>" in html
    assert f'<a href="{spanish_url("education:home")}">Ir a la página de inicio</a>' in html
    assert f'O llámenos al <a href="tel:+15550100100">{settings.CLINIC_PHONE}</a>' in html
    assert "We could not find" not in html


def test_a_missing_page_elsewhere_stays_in_english(client):
    client.get("/es/")  # a Spanish page just before, on the same thread
    html = client.get("/no-such-page/").content.decode()
    assert '<html lang="en-us">' in html and "<h1>We could not find that page</h1>" in html


def test_the_rate_limit_page_under_es_is_in_spanish(client, settings):
    settings.QUESTIONNAIRE_START_LIMIT = 1
    start = spanish_url("screening:start")
    client.post(start)
    response = client.post(start)
    html = response.content.decode()
    assert response.status_code == 429
    assert "<h1>Espere un poco antes de volver a enviar</h1>" in html
    assert re.search(r"Vuelva a intentarlo en (unos \d+ minutos|1 minuto, más o menos)\.", html)
    assert "Sus respuestas siguen guardadas en este dispositivo." in html


def test_the_outage_page_under_es_is_in_spanish(client, database_down):
    browser = Client(raise_request_exception=False)
    response = browser.get(spanish_url("education:topic-list"))
    html = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="es">' in html
    assert "<h1>Lo sentimos, este servicio no está disponible ahora</h1>" in html
    assert "No se perdió nada de lo que ya nos envió." in html
    assert "Si es una emergencia, llame ahora" in html


def test_a_refused_request_under_es_is_in_spanish():
    response = Client().generic("POST", "/es/screening/", b"x", HTTP_TRANSFER_ENCODING="chunked")
    html = response.content.decode()
    assert response.status_code == 411
    assert "<h1>No pudimos leer lo que nos envió</h1>" in html


def test_a_refused_form_under_es_is_in_spanish(client):
    response = Client(enforce_csrf_checks=True).post(spanish_url("screening:start"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Hubo un problema con su formulario</h1>" in html
    assert "Vuelva atrás, actualice la página y vuelva a intentarlo." in html
    assert f'<a href="{spanish_url("screening:start")}">empezar las preguntas de nuevo</a>' in html
