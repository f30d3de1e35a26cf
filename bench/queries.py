"""In-process checks on the benchmark's database: row counts and queries per page."""

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from screening.models import Submission  # noqa: E402


def row_count():
    return Submission.objects.count()


def oldest_reference():
    return Submission.objects.order_by("created_at").values_list("reference", flat=True).first()


def page_query_counts(reference):
    """Database queries for the queue and one submission page, as the clinician sees them."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="bench-clinician"))
    counts = {}
    for name, path in (
        ("queue", "/clinic/"),
        ("submission page", f"/clinic/submissions/{reference}/"),
    ):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        counts[name] = len(captured)
    return counts
