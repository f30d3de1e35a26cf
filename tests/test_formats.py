"""Dates as the US writes them ("March 27, 2026"), never "27 March 2026"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import formats

pytestmark = pytest.mark.django_db

TWO_FIVE_PM = datetime.datetime(2026, 3, 27, 14, 5, tzinfo=datetime.UTC)


def test_the_named_formats_are_the_us_ones():
    assert formats.date_format(TWO_FIVE_PM.date()) == "March 27, 2026"
    assert formats.date_format(TWO_FIVE_PM, "SHORT_DATETIME_FORMAT") == "Mar 27, 2026, 2:05 PM"


def test_a_topic_says_when_it_was_last_reviewed_as_the_us_writes_it(client, topics):
    topic = topics.first()
    html = client.get(reverse("education:topic-detail", args=[topic.slug])).content.decode()
    assert f">{formats.date_format(topic.last_reviewed)}</time>" in html
    assert f"{topic.last_reviewed:%B} {topic.last_reviewed.day}, {topic.last_reviewed.year}" in html
