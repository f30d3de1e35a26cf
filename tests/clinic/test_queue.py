"""The review queue: order, filters, search, pagination, bad input, and its query cost."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic import services
from screening.models import Submission
from tests.clinic.conftest import answers_for
from tests.clinic.factories import build_submission, make_submission, make_user
from tests.factories import LocationFactory

pytestmark = pytest.mark.django_db
QUEUE = reverse("clinic:queue")


def references(response):
    return [row["reference"] for row in response.context["rows"]]


def test_order_is_priority_then_oldest_first(clinician_client, submission_of):
    now = timezone.now()
    old_review = submission_of("needs_review", created_at=now - timedelta(days=3))
    new_urgent = submission_of("urgent", created_at=now - timedelta(hours=1))
    unlikely = submission_of("unlikely_candidate", created_at=now - timedelta(days=9))
    old_urgent = submission_of("urgent", created_at=now - timedelta(days=2))
    likely = submission_of("likely_candidate", created_at=now - timedelta(days=1))
    expected = [old_urgent, new_urgent, likely, old_review, unlikely]
    assert references(clinician_client.get(QUEUE)) == [s.reference for s in expected]


def test_an_override_moves_the_row(clinician_client, clinician, submission_of):
    unlikely = submission_of("unlikely_candidate")
    likely = submission_of("likely_candidate")
    services.submission_override_outcome(
        submission=unlikely,
        outcome="urgent",
        reason="Saw the MRI",
        actor=clinician,
        ip_address=None,
    )
    assert references(clinician_client.get(QUEUE)) == [unlikely.reference, likely.reference]
    urgent_only = clinician_client.get(QUEUE, {"outcome": "urgent"})
    assert references(urgent_only) == [unlikely.reference]


def test_row_shows_badge_tags_fracture_age_status_and_assignee(clinician_client, clinician):
    row = make_submission(answers=answers_for("urgent"), assigned_to=clinician)
    html = clinician_client.get(QUEUE).content.decode()
    assert row.reference in html
    assert ">Urgent</span>" in html
    assert 'Fever<span class="finding-tag__effect">: Urgent' in html
    assert "4 weeks" in html
    assert "New" in html and "Ada Lovelace" in html
    assert "Fracture age<span" not in html  # a supporting finding is not a tag


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outcome": "urgent"}, {"urgent"}),
        ({"status": "in_review"}, {"reviewing"}),
        ({"q": "QUIRKY"}, {"named"}),
        ({"q": "odd@example.net"}, {"named"}),
        ({"q": "777 1234"}, {"named"}),
        ({"assignee": "nobody", "outcome": "likely_candidate"}, {"named"}),
    ],
)
def test_filters_and_search(clinician_client, clinician, submission_of, params, expected):
    rows = {
        "urgent": submission_of("urgent"),
        "reviewing": submission_of("needs_review", status="in_review", assigned_to=clinician),
        "named": submission_of(
            "likely_candidate",
            full_name="Quirky Person",
            email="odd@example.net",
            phone="555 777 1234",
        ),
    }
    found = set(references(clinician_client.get(QUEUE, params)))
    assert found == {rows[key].reference for key in expected}


def test_search_by_reference(clinician_client, submission_of):
    wanted, _other = submission_of("urgent"), submission_of("urgent")
    response = clinician_client.get(QUEUE, {"q": wanted.reference.lower()})
    assert references(response) == [wanted.reference]


def test_location_and_date_range(clinician_client, submission_of):
    north = LocationFactory(name="North")
    today = timezone.localdate()
    at_north = submission_of("urgent", location=north)
    old = submission_of("urgent", location=north, created_at=timezone.now() - timedelta(days=20))
    submission_of("urgent")
    response = clinician_client.get(QUEUE, {"location": north.pk})
    assert set(references(response)) == {at_north.reference, old.reference}
    recent = clinician_client.get(
        QUEUE,
        {
            "location": north.pk,
            "submitted_from": (today - timedelta(days=2)).isoformat(),
            "submitted_to": today.isoformat(),
        },
    )
    assert references(recent) == [at_north.reference]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"submitted_from": "21/11/2026"}, "Enter the date as year-month-day"),
        ({"submitted_from": "2026-02-30"}, "Enter the date as year-month-day"),
        ({"submitted_from": "2026-11-20", "submitted_to": "2026-11-01"}, "on or after"),
        ({"location": "abc"}, "Choose a location from the list."),
        ({"outcome": "eligible"}, "Select a valid choice"),
        ({"page": "many"}, None),
    ],
)
def test_bad_filters_say_so_and_never_fail(clinician_client, submission, params, message):
    response = clinician_client.get(QUEUE, params)
    assert response.status_code == 200
    html = response.content.decode()
    if message:
        assert message in html
        assert "Some filters could not be used" in html
    assert submission.reference in html  # the valid part of the filters still applies


def test_pagination(clinician_client, settings):
    Submission.objects.bulk_create([build_submission() for _ in range(30)])
    first = clinician_client.get(QUEUE)
    second = clinician_client.get(QUEUE, {"page": 2, "status": "new"})
    assert len(first.context["rows"]) == 25
    assert len(second.context["rows"]) == 5
    assert "Page 1 of 2" in first.content.decode()
    assert "status=new&amp;page=1" in second.content.decode()


@pytest.mark.parametrize("rows", [10, 500])
def test_a_page_costs_a_fixed_number_of_queries(
    clinician_client, django_assert_max_num_queries, rows
):
    locations = [LocationFactory(), LocationFactory()]
    staff = [make_user(f"clinician-{n}", clinician=True) for n in range(3)]
    outcomes = ["urgent", "likely_candidate", "needs_review", "unlikely_candidate"]
    Submission.objects.bulk_create(
        build_submission(
            answers=answers_for(outcomes[n % 4]),
            location=locations[n % 2],
            assigned_to=staff[n % 3],
        )
        for n in range(rows)
    )
    # 10: session, user, permissions, second-factor device check, count, page, audit...
    with django_assert_max_num_queries(10):
        response = clinician_client.get(QUEUE)
    assert len(response.context["rows"]) == 10 if rows == 10 else 25
    with django_assert_max_num_queries(10):
        clinician_client.get(QUEUE, {"q": "Example", "location": locations[0].pk, "page": 2})


def test_count_stops_at_the_cap_so_a_page_costs_the_same_at_any_size(clinician_client, monkeypatch):
    from clinic import pagination

    monkeypatch.setattr(pagination, "COUNT_CAP", 30)
    Submission.objects.bulk_create(
        build_submission(answers=answers_for("likely_candidate")) for _ in range(40)
    )
    html = clinician_client.get(QUEUE).content.decode()
    assert "30+ submissions, page 1 of 2+" in html


def test_count_below_the_cap_is_exact(clinician_client):
    Submission.objects.bulk_create(
        build_submission(answers=answers_for("needs_review")) for _ in range(26)
    )
    assert "26 submissions, page 1 of 2<" in clinician_client.get(QUEUE).content.decode()
