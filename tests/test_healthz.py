"""`/healthz` tells a load balancer the state of each dependency."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_every_dependency_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "up"
    assert body["cache"] == "up"


def test_healthz_is_503_when_the_database_fails(client, database_down):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "down"


def test_healthz_reports_a_cache_outage_and_stays_in_service(client, cache_down, caplog):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "up",
        "cache": "down",
        "tasks": "up",
    }
    assert "Health check: the cache failed (ConnectionError)" in caplog.text


def test_healthz_names_a_missing_database_cache_table(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kypho_cache_never_made",
        }
    }
    response = client.get(reverse("healthz"))
    assert response.json()["cache"] == "down"
    assert "is the cache table 'kypho_cache_never_made' missing?" in caplog.text


@pytest.fixture
def tasks_settings(settings):
    """`settings`, with the task engine re-reading TASKS whenever a test changes it."""
    import django_tasks.signals  # noqa: F401  (connects that reset)

    return settings


def test_healthz_leaves_out_the_task_queue_when_there_is_none(client, tasks_settings):
    tasks_settings.TASKS = {}
    assert "tasks" not in client.get(reverse("healthz")).json()


def test_healthz_reports_the_task_queue_when_there_is_one(client, tasks_settings):
    tasks_settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert client.get(reverse("healthz")).json()["tasks"] == "up"


@pytest.mark.django_db
def test_healthz_reports_a_task_queue_no_worker_takes(client):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from clinic.tasks import deliver_notification

    deliver_notification.enqueue(1)
    assert client.get(reverse("healthz")).json()["tasks"] == "up"
    ten_minutes_ago = timezone.now() - timedelta(minutes=10)
    DBTaskResult.objects.update(enqueued_at=ten_minutes_ago, run_after=ten_minutes_ago)
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["tasks"] == "stalled"


def test_healthz_reports_a_task_queue_that_fails(client, tasks_settings):
    tasks_settings.TASKS = {"default": {"BACKEND": "tests.test_healthz.BrokenTaskBackend"}}
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["tasks"] == "down"


def broken_backend_class():
    from django_tasks.backends.dummy import DummyBackend

    class Broken(DummyBackend):
        def get_result(self, result_id):
            raise OperationalError("could not connect to server")

    return Broken


BrokenTaskBackend = broken_backend_class()
