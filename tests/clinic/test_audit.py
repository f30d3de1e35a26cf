"""The audit log: what is recorded, from where, without health data, and never changed."""

import json
from ipaddress import ip_network

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from clinic.models import AuditEntry
from tests.clinic.helpers import search_queue

pytestmark = pytest.mark.django_db


def url(name, submission):
    return reverse(f"clinic:{name}", kwargs={"reference": submission.reference})


def test_viewing_a_submission_writes_one_entry(clinician_client, clinician, submission):
    clinician_client.get(url("submission-detail", submission), REMOTE_ADDR="10.1.2.3")
    entry = AuditEntry.objects.get(action="view")
    assert entry.actor == clinician and entry.actor_username == "dr-ada"
    assert entry.reference == submission.reference
    assert entry.ip_address == "10.1.2.3"


def test_a_decision_is_audited_without_health_data(clinician_client, submission):
    clinician_client.post(
        url("submission-decision", submission),
        {"decision": "not_a_candidate", "note": "Osteoporosis untreated; refer to GP."},
    )
    entry = AuditEntry.objects.get(action="decide")
    stored = json.dumps(entry.detail)
    assert entry.reference == submission.reference
    for health_data in ("Osteoporosis", "not_a_candidate", "likely", submission.full_name):
        assert health_data not in stored


def test_search_text_is_not_audited(clinician_client):
    search_queue(clinician_client, {"q": "Margaret"})
    entry = AuditEntry.objects.get(action="view_queue")
    assert "Margaret" not in json.dumps(entry.detail)
    assert entry.detail["filters"] == ["q"]


def test_override_and_note_are_audited(clinician_client, submission):
    clinician_client.post(url("submission-note", submission), {"text": "Called back"})
    clinician_client.post(
        url("submission-override", submission), {"outcome": "urgent", "reason": "New weakness"}
    )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"note", "override"} <= actions
    assert "New weakness" not in json.dumps(list(AuditEntry.objects.values_list("detail")))


def test_entries_cannot_be_changed_or_deleted(clinician, submission):
    entry = AuditEntry.objects.create(actor=clinician, actor_username="dr-ada", action="view")
    entry.action = "decide"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.update(action="decide")
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def test_admin_reads_but_cannot_add_change_or_delete(admin_client):
    AuditEntry.objects.create(actor_username="dr-ada", action="view", reference="ABCD-EFGH-JKMN")
    model_admin = site._registry[AuditEntry]
    request = RequestFactory().get("/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    listing = admin_client.get(reverse("admin:clinic_auditentry_changelist"))
    assert listing.status_code == 200
    assert "ABCD-EFGH-JKMN" in listing.content.decode()


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("submission-override", {"outcome": "urgent", "reason": ""}),
        ("submission-status", {"status": "bogus"}),
        ("submission-assign", {"assignee": "999999"}),
        ("submission-decision", {"decision": ""}),
        ("submission-note", {"text": ""}),
    ],
)
def test_a_refused_action_shows_the_record_and_audits_the_view(
    clinician_client, clinician, submission, action, data
):
    response = clinician_client.post(url(action, submission), data, REMOTE_ADDR="10.1.2.4")
    assert response.status_code == 400
    assert submission.full_name in response.content.decode()
    entry = AuditEntry.objects.get(action="view")
    assert entry.actor == clinician and entry.reference == submission.reference
    assert entry.ip_address == "10.1.2.4"


def test_a_client_cannot_forge_its_address_in_the_audit_log(clinician_client, submission, settings):
    # Behind a proxy at 127.0.0.1; this client reaches the server directly and forges it.
    settings.TRUSTED_PROXIES = [ip_network("127.0.0.1")]
    settings.TRUST_X_FORWARDED_FOR = True  # the older switch, so the test holds against it
    clinician_client.get(
        url("submission-detail", submission),
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert AuditEntry.objects.get(action="view").ip_address == "203.0.113.7"
