"""A form refused by the CSRF check gets a page that says what to do, never Django's."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_refused_form_explains_what_to_do_in_the_site_layout(settings):
    response = Client(enforce_csrf_checks=True).post(reverse("screening:start"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Something went wrong with your form" in html
    assert "This can happen if the page was open for a long time" in html
    assert "Go back, refresh the page and try again" in html
    assert settings.CLINIC_PHONE in html and f'href="{reverse("screening:start")}"' in html
    assert 'class="site-header"' in html


def test_refused_form_shows_no_technical_reason(settings):
    settings.DEBUG = True
    html = Client(enforce_csrf_checks=True).post(reverse("screening:start")).content.decode()
    assert "Something went wrong with your form" in html
    assert "CSRF" not in html and "Reason given" not in html
