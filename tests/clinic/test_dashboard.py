"""The dashboard: counts, weekly submissions, median time to first review, as SVG and tables."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.dashboard import median_hours, outcome_counts, status_counts, weekly

pytestmark = pytest.mark.django_db


def test_counts_by_outcome_and_status(submission_of):
    submission_of("urgent")
    submission_of("urgent", status="in_review")
    submission_of("needs_review", status="closed")
    assert outcome_counts() == [
        ("Urgent", 2),
        ("Likely candidate", 0),
        ("Needs review", 1),
        ("Unlikely candidate", 0),
    ]
    assert status_counts() == [("New", 1), ("In review", 1), ("Decided", 0), ("Closed", 1)]


def test_weekly_counts_and_median_review_time(submission_of):
    now = timezone.now()
    submitted = now - timedelta(hours=30)
    submission_of("urgent", created_at=submitted, first_reviewed_at=submitted + timedelta(hours=2))
    submission_of("urgent", created_at=submitted, first_reviewed_at=submitted + timedelta(hours=6))
    submission_of("urgent", created_at=submitted)
    submission_of("urgent", created_at=now - timedelta(weeks=20))
    weeks = weekly()
    assert len(weeks) == 12
    assert sum(count for _monday, count, _median in weeks) == 3
    assert [m for _d, c, m in weeks if c] == [4.0]


def test_median_hours():
    assert median_hours([None]) is None
    assert median_hours([timedelta(hours=1), timedelta(hours=3), None]) == 2.0


def test_page_draws_svg_without_styles_or_scripts_and_gives_tables(clinician_client, submission_of):
    submission_of("urgent")
    html = clinician_client.get(reverse("clinic:dashboard")).content.decode()
    assert html.count("<svg") == 3
    assert 'role="img"' in html
    assert "style=" not in html
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/js/session-timeout.js" defer>'
    ]
    assert '<th scope="col">Outcome</th>' in html
    assert re.search(r'<th scope="row">Urgent</th><td>1</td>', html)
    assert "no submission reviewed yet" in html
