"""Education pages as a patient meets them."""

import pytest
from django.urls import reverse

from education.models import Topic
from tests.factories import LocationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_home_introduces_the_clinic_and_both_paths(client, topics):
    response = client.get(reverse("education:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "kyphoplasty" in html
    assert reverse("education:topic-list") in html
    assert "Could kyphoplasty help you?" in html


def test_topic_list_shows_every_topic_in_order(client, topics):
    response = client.get(reverse("education:topic-list"))
    html = response.content.decode()
    positions = [html.index(t.title) for t in Topic.objects.filter(language="en").published()]
    assert positions == sorted(positions)
    assert len(positions) >= 10


def test_every_shipped_topic_page_shows_summary_body_review_and_next_step(client, topics):
    for topic in topics.filter(language="en"):
        response = client.get(topic.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200, topic.slug
        assert f"<h1>{topic.title}</h1>" in html
        assert topic.summary in html
        assert topic.reviewed_by in html
        assert topic.last_reviewed.strftime("%Y-%m-%d") in html
        assert html.index(topic.summary) < html.index("Last reviewed")
        assert "Could kyphoplasty help you?" in html


def test_topic_body_is_rendered_as_html_headings(client):
    topic = TopicFactory(body="## Why it hurts\n\nThe bone has broken.")
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "<h2>Why it hurts</h2>" in html
    assert "<p>The bone has broken.</p>" in html


def test_unknown_topic_gives_a_friendly_404(client, settings):
    settings.DEBUG = False
    response = client.get(reverse("education:topic-detail", kwargs={"slug": "no-such-page"}))
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert reverse("education:home") in html


def test_urgent_help_text_comes_from_one_topic_and_appears_on_other_pages(client, topics):
    urgent = Topic.objects.get(slug="get-help-urgently", language="en")
    urgent.body = "Call right away if your legs feel weak."
    urgent.save()
    other = topics.filter(language="en").exclude(pk=urgent.pk).first()
    for url in (reverse("education:home"), other.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Call right away if your legs feel weak." in html
        assert "emergency" in html


def test_contact_page_lists_locations_with_hours_and_phone(client):
    LocationFactory(name="North Clinic", phone="+1 555 010 0300")
    html = client.get(reverse("education:contact")).content.decode()
    assert "North Clinic" in html
    assert 'href="tel:+15550100300"' in html
    assert "Saturday: 9am to 12pm" in html


def test_contact_page_without_locations_still_gives_the_phone(client, settings):
    settings.CLINIC_PHONE = "+1 555 999 0000"
    html = client.get(reverse("education:contact")).content.decode()
    assert 'href="tel:+15559990000"' in html
    assert "Please call us" in html


def test_base_layout_has_landmarks_skip_link_and_disclaimer(client, settings):
    settings.CLINIC_NAME = "Harbor Spine Center"
    html = client.get(reverse("education:home")).content.decode()
    assert '<html lang="en-us">' in html
    assert 'href="#main"' in html and 'id="main"' in html
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    assert "Harbor Spine Center" in html
    assert "not medical advice" in html


def test_pages_refuse_post(client):
    assert client.post(reverse("education:home")).status_code == 405
