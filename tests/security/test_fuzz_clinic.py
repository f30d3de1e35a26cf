"""Fuzz every clinician URL, filter and action, and the admin's changelists: never a 500.

Routes are walked from the URLconf and the admin's registry, so a new page is fuzzed
without anyone listing it. The test client raises any exception a view lets through, so
an example that would answer 500 fails here with its traceback.
"""

from urllib.parse import quote

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import get_resolver, reverse
from hypothesis import given
from hypothesis import strategies as st

from clinic.forms import QueueFilterForm
from clinic.urls import PUBLIC_ROUTES
from tests.clinic.factories import answers_for, make_submission, make_user
from tests.security.test_fuzz import FUZZ

pytestmark = pytest.mark.django_db

odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\x00b",
            "9999-12-31",
            "0001-01-01",
            "2026-02-30",
            "-1",
            "0",
            "99999999999999999999",
            "1e400",
            "NaN",
            "me",
            "nobody",
            "urgent",
            "in_review",
            "../..",
            "%00",
            "'; DROP TABLE x; --",
            "\u202e",
            "٣",
        ]
    ),
)
FILTER_NAMES = [*QueueFilterForm.base_fields, "page", "search", "next"]
ACTION_FIELDS = ["assignee", "status", "decision", "note", "text", "outcome", "reason", "token"]
ADMIN_PARAMS = ["q", "o", "p", "e", "all", "_changelist_filters"]
LOOKUPS = ["", "__year", "__month", "__day", "__gte", "__lt", "__exact", "__isnull", "__in"]


def admin_params(model):
    """The changelist's own parameters and every lookup on every field of `model`."""
    fields = [field.name for field in model._meta.get_fields() if field.concrete]
    return ADMIN_PARAMS + [name + lookup for name in fields for lookup in LOOKUPS]


def query(names):
    return st.dictionaries(st.one_of(st.sampled_from(names), st.text(max_size=10)), odd_text)


def clinic_routes():
    """(name, takes a reference) of every guarded route in the clinic namespace."""
    _prefix, resolver = get_resolver().namespace_dict["clinic"]
    return [
        (pattern.name, "reference" in pattern.pattern.converters)
        for pattern in resolver.url_patterns
        if pattern.name not in PUBLIC_ROUTES
    ]


def other_kwargs(name):
    """Whole-number path parameters (an app's id) of a route: one nobody holds."""
    _prefix, resolver = get_resolver().namespace_dict["clinic"]
    pattern = next(p for p in resolver.url_patterns if p.name == name)
    return {key: 987654 for key in pattern.pattern.converters if key != "reference"}


ROUTES = clinic_routes()
ADMIN_CHANGELISTS = {
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist": admin_params(model)
    for model in admin.site._registry
}


def route_url(name, takes_reference, reference):
    kwargs = {"reference": "REF"} if takes_reference else {}
    kwargs.update(other_kwargs(name))
    return reverse(f"clinic:{name}", kwargs=kwargs).replace("REF", quote(reference, safe=""))


@pytest.fixture
def clinician_browser(db):
    client = Client()
    client.force_login(make_user("dr-fuzz", clinician=True))
    return client


@pytest.fixture
def known_reference(db):
    return make_submission(answers=answers_for("urgent")).reference


@pytest.mark.parametrize(("name", "takes_reference"), ROUTES)
def test_fuzzed_clinician_gets_never_fail(
    clinician_browser, known_reference, name, takes_reference
):
    @FUZZ
    @given(params=query(FILTER_NAMES), reference=st.one_of(st.just(known_reference), odd_text))
    def run(params, reference):
        url = route_url(name, takes_reference, reference or known_reference)
        response = clinician_browser.get(url, params)
        assert response.status_code < 500

    run()


@pytest.mark.parametrize(("name", "takes_reference"), ROUTES)
def test_fuzzed_clinician_posts_never_fail(
    clinician_browser, known_reference, name, takes_reference
):
    @FUZZ
    @given(body=query(ACTION_FIELDS + FILTER_NAMES), reference=st.just(known_reference) | odd_text)
    def run(body, reference):
        url = route_url(name, takes_reference, reference or known_reference)
        response = clinician_browser.post(url, body)
        assert response.status_code < 500

    run()


@pytest.mark.parametrize("changelist", ADMIN_CHANGELISTS)
def test_fuzzed_admin_changelist_filters_never_fail(admin_client, known_reference, changelist):
    @FUZZ
    @given(params=query(ADMIN_CHANGELISTS[changelist]))
    def run(params):
        response = admin_client.get(reverse(changelist), params)
        assert response.status_code < 500

    run()


def test_the_walks_cover_the_workspace_and_the_audit_log():
    names = {name for name, _takes in ROUTES}
    assert {"queue", "queue-export", "queue-search", "submission-override"} <= names
    assert "admin:clinic_auditentry_changelist" in ADMIN_CHANGELISTS


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/admin/clinic/auditentry/", {"created_at__year": "2200000000"}),
        ("/admin/clinic/auditentry/", {"created_at__year": "9999"}),
        ("/admin/otp_totp/totpdevice/", {"created_at__year": "0"}),
        ("/admin/axes/accessfailurelog/", {"ip_address": "not-an-address"}),
    ],
)
def test_impossible_admin_filters_show_the_bad_filter_list(admin_client, url, params):
    response = admin_client.get(url, params, follow=True)
    assert response.status_code == 200
    # SQLite matches no row for a bad address; the others are refused as a bad filter.
    assert response.redirect_chain in ([], [(f"{url}?e=1", 302)])
    if "ip_address" not in params:
        assert response.redirect_chain == [(f"{url}?e=1", 302)]
