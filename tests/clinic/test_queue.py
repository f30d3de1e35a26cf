"""The review queue: order, filters, search, pagination, bad input, and its query cost."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic import services
from screening.models import Submission
from tests.clinic.factories import answers_for, build_submission, make_submission, make_user
from tests.clinic.helpers import search_queue
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
    found = set(references(search_queue(clinician_client, params)))
    assert found == {rows[key].reference for key in expected}


def test_search_by_reference(clinician_client, submission_of):
    wanted, _other = submission_of("urgent"), submission_of("urgent")
    response = search_queue(clinician_client, {"q": wanted.reference.lower()})
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


def language_cells(response):
    """The Language column's cells, in row order, as the page shows them."""
    html = response.content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        re.sub(r"<[^>]+>", "", row.rsplit("<td>", 1)[-1]).removesuffix("</td>").strip()
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_language_column_marks_a_patient_who_read_spanish(clinician_client, submission_of):
    now = timezone.now()
    submission_of("urgent", created_at=now - timedelta(days=2))
    spanish = submission_of("urgent", language="es", created_at=now - timedelta(days=1))
    response = clinician_client.get(QUEUE)
    html = response.content.decode()
    assert '<th scope="col">Language</th>' in html
    assert language_cells(response) == ["English", "Spanish"]
    assert '<strong class="language-mark">Spanish</strong>' in html
    assert references(response)[1] == spanish.reference


def test_the_queue_filters_by_language(clinician_client, submission_of):
    spanish = submission_of("urgent", language="es")
    english = submission_of("urgent")
    found = search_queue(clinician_client, {"language": "es"})
    assert references(found) == [spanish.reference]
    assert 'value="es" selected' in found.content.decode()
    assert "language=es" in found.context["query"]  # the page and CSV links keep it
    assert references(clinician_client.get(QUEUE, {"language": "en"})) == [english.reference]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"submitted_from": "21/11/2026"}, "Enter the date as year-month-day"),
        ({"submitted_from": "2026-02-30"}, "Enter the date as year-month-day"),
        ({"submitted_from": "2026-11-20", "submitted_to": "2026-11-01"}, "on or after"),
        ({"location": "abc"}, "Choose a location from the list."),
        ({"outcome": "eligible"}, "Select a valid choice"),
        ({"language": "fr"}, "Select a valid choice"),
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
            language="es" if n % 4 == 1 else "en",
        )
        for n in range(rows)
    )
    # 10: session, user, permissions, second-factor device check, count, page, audit...
    with django_assert_max_num_queries(10):
        response = clinician_client.get(QUEUE)
    assert len(response.context["rows"]) == 10 if rows == 10 else 25
    with django_assert_max_num_queries(10):
        clinician_client.get(QUEUE, {"q": "Example", "location": locations[0].pk, "page": 2})
    with django_assert_max_num_queries(10):
        clinician_client.get(QUEUE, {"language": "es", "outcome": "likely_candidate"})


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


def test_a_search_puts_no_name_or_phone_in_any_url(clinician_client, submission_of):
    named = submission_of("likely_candidate", full_name="Quirky Person", phone="555 777 1234")
    submission_of("urgent")
    response = clinician_client.post(
        reverse("clinic:queue-search"), {"q": "Quirky", "status": "new", "outcome": ""}
    )
    location = response["Location"]
    assert "Quirky" not in location and "status=new" in location and "search=" in location
    page = clinician_client.get(location)
    assert references(page) == [named.reference]
    html = page.content.decode()
    assert 'value="Quirky"' in html  # the box still shows what was typed
    links = [link for link in re.findall(r'href="([^"]*)"', html) if "queue" in link]
    csv_link = next(link for link in links if "queue.csv" in link)
    assert all("Quirky" not in link for link in links)
    export = clinician_client.get(csv_link.replace("&amp;", "&"))
    assert "Quirky Person" in b"".join(export.streaming_content).decode()
    phone = clinician_client.post(reverse("clinic:queue-search"), {"q": "777 1234"})
    assert "777" not in phone["Location"]


def test_a_name_in_the_query_string_searches_nothing(clinician_client, submission_of):
    submission_of("likely_candidate", full_name="Quirky Person")
    other = submission_of("urgent")
    assert other.reference in references(clinician_client.get(QUEUE, {"q": "Quirky"}))


def test_another_sessions_search_id_is_refused_plainly(client, clinician, submission):
    client.force_login(clinician)
    response = client.get(QUEUE, {"search": "not-one-of-mine"})
    assert response.status_code == 200
    assert "That search has ended" in response.content.decode()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "2100-01-01"])
@pytest.mark.parametrize("name", ["queue", "queue-export"])
def test_a_date_out_of_range_is_explained_not_a_server_error(
    clinician_client, submission, day, name
):
    response = clinician_client.get(reverse(f"clinic:{name}"), {"submitted_to": day})
    assert response.status_code == 200
    if name == "queue":
        assert "Enter a date from 2000-01-01 to 2099-12-31." in response.content.decode()
        assert references(response) == [submission.reference]
