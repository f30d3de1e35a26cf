"""Parallel patients each get their own row; parallel repeats of one send get one row."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from screening.models import Submission
from tests.screening.journey import complete, patient_steps, post_step, submit

pytestmark = pytest.mark.django_db(transaction=True)


def in_thread(fn):
    """Run fn in a worker thread with its own database connection, closed afterwards."""

    def wrapper(*args):
        try:
            return fn(*args)
        finally:
            connection.close()

    return wrapper


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.SUBMISSION_RATE_LIMIT = 10_000
    settings.QUESTIONNAIRE_START_LIMIT = 10_000
    settings.QUESTIONNAIRE_RATE_LIMIT = 10_000


def test_fifty_parallel_patients_store_fifty_rows_with_distinct_references():
    @in_thread
    def patient(n):
        client = Client()
        complete(client, patient_steps(full_name=f"Patient {n}"))
        return submit(client).status_code

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(patient, range(50)))
    assert statuses == [302] * 50
    assert Submission.objects.count() == 50
    assert Submission.objects.values("reference").distinct().count() == 50
    assert {row.full_name for row in Submission.objects.all()} == {
        f"Patient {n}" for n in range(50)
    }


def test_twenty_parallel_sends_from_one_session_store_one_row():
    client = Client()
    complete(client, patient_steps())
    barrier = threading.Barrier(20)

    @in_thread
    def send(_):
        twin = Client()
        twin.cookies = client.cookies
        barrier.wait()
        response = post_step(twin, reverse("screening:check"))
        return response.status_code, response.get("Location")

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(send, range(20)))
    assert Submission.objects.count() == 1
    reference = Submission.objects.get().reference
    assert {status for status, _ in results} == {302}
    assert {location for _, location in results} == {f"/screening/result/{reference}/"}
