"""Every clinician page, walked from the URLconf, under three kinds of visitor.

A new route in clinic/urls.py is checked here without anyone listing it, so a page
cannot be added without the review-permission guard.
"""

import pytest
from django.conf import settings
from django.urls import get_resolver, reverse

from clinic.urls import ACCOUNT_ROUTES, PUBLIC_ROUTES

pytestmark = pytest.mark.django_db


def clinic_routes():
    """(name, converter names) of every guarded route under the mounted `clinic` namespace."""
    _prefix, resolver = get_resolver().namespace_dict["clinic"]
    routes = []
    for pattern in resolver.url_patterns:
        if pattern.name not in PUBLIC_ROUTES:
            routes.append((pattern.name, tuple(pattern.pattern.converters)))
    return routes


ROUTES = clinic_routes()
PATIENT_ROUTES = [(name, params) for name, params in ROUTES if name not in ACCOUNT_ROUTES]
# An authenticator app's id in a URL: nobody's here, so only its owner's guard is tested.
NO_DEVICE = 999999


def url_of(name, params, submission):
    kwargs = {}
    for param in params:
        assert param in {"reference", "pk"}, f"teach this test how to fill <{param}> of {name}"
        kwargs[param] = submission.reference if param == "reference" else NO_DEVICE
    return reverse(f"clinic:{name}", kwargs=kwargs)


def test_the_walk_finds_the_workspace():
    names = {name for name, _params in ROUTES}
    assert {"queue", "submission-detail", "submission-decision", "queue-export"} <= names
    assert len(ROUTES) >= 12


@pytest.mark.parametrize(("name", "params"), ROUTES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_sign_in(client, submission, name, params, method):
    url = url_of(name, params, submission)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(("name", "params"), PATIENT_ROUTES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_without_the_permission_is_refused(
    client, staff_user, submission, name, params, method
):
    client.force_login(staff_user)
    response = getattr(client, method)(url_of(name, params, submission))
    assert response.status_code == 403
    assert submission.full_name not in response.content.decode()


@pytest.mark.parametrize("name", sorted(ACCOUNT_ROUTES))
def test_staff_reach_their_own_second_factor_pages_only(client, staff_user, submission, name):
    """The admin asks staff for the same second factor, so they may manage their own."""
    params = dict(ROUTES)[name]
    client.force_login(staff_user)
    response = client.get(url_of(name, params, submission))
    assert response.status_code in {200, 405}
    assert submission.full_name not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_plain_account_is_refused_the_second_factor_pages(client, submission):
    from tests.clinic.factories import make_user

    client.force_login(make_user("someone"))
    for name in ACCOUNT_ROUTES:
        assert client.get(url_of(name, dict(ROUTES)[name], submission)).status_code == 403


@pytest.mark.parametrize(("name", "params"), ROUTES)
def test_clinician_may_open_each_page(clinician_client, submission, name, params):
    response = clinician_client.get(url_of(name, params, submission))
    page = reverse("clinic:submission-detail", kwargs={"reference": submission.reference})
    if response.status_code == 302:  # a POST-only action shows its submission instead
        assert response["Location"] == page, name
    else:
        assert response.status_code in {200, 405}, name
    assert "no-store" in response["Cache-Control"]


def test_clinician_posts_are_accepted_only_where_allowed(clinician_client, submission):
    for name, params in ROUTES:
        response = clinician_client.post(url_of(name, params, submission))
        # Removing an app that is not the clinician's own finds nothing.
        expected = {404} if name == "two-factor-remove" else {302, 400, 405}
        expected = {200} if name == "session-extend" else expected
        assert response.status_code in expected, name


def test_sign_in_page_is_public_and_styled_like_the_site(client):
    response = client.get(reverse("clinic:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="skip-link"' in html
    assert 'for="id_username"' in html and 'for="id_password"' in html


def test_signing_in_leads_to_the_queue(client, clinician):
    response = client.post(
        reverse("clinic:login"), {"username": "dr-ada", "password": "not-a-real-password-1"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("clinic:queue")


def test_wrong_password_says_so(client, clinician):
    response = client.post(reverse("clinic:login"), {"username": "dr-ada", "password": "nope"})
    assert response.status_code == 200
    assert "The username or password is not right" in response.content.decode()


def test_superuser_is_a_clinician(client, submission):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", password="x-long-password-1")
    client.force_login(admin)
    assert client.get(reverse("clinic:queue")).status_code == 200


def test_csrf_is_enforced_on_workflow_posts(clinician, submission):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clinician)
    url = reverse("clinic:submission-note", kwargs={"reference": submission.reference})
    assert strict.post(url, {"text": "A note"}).status_code == 403
