"""Education pages come from the cache until staff change the content."""

import pytest
from django.urls import reverse

from tests.factories import LocationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_second_view_of_a_topic_costs_no_query(client, django_assert_num_queries):
    topic = TopicFactory(title="Cached page")
    client.get(topic.get_absolute_url())
    with django_assert_num_queries(0):
        html = client.get(topic.get_absolute_url()).content.decode()
    assert "Cached page" in html


def test_editing_a_topic_shows_at_once_on_every_page(client):
    topic = TopicFactory(title="Old title")
    assert "Old title" in client.get(reverse("education:topic-list")).content.decode()
    assert "Old title" in client.get(topic.get_absolute_url()).content.decode()
    topic.title = "New title"
    topic.save()
    assert "New title" in client.get(reverse("education:topic-list")).content.decode()
    assert "New title" in client.get(topic.get_absolute_url()).content.decode()


def test_deleting_a_topic_retires_its_cached_page(client):
    topic = TopicFactory()
    url = topic.get_absolute_url()
    assert client.get(url).status_code == 200
    topic.delete()
    assert client.get(url).status_code == 404


def test_new_location_shows_on_the_cached_contact_page(client):
    client.get(reverse("education:contact"))
    LocationFactory(name="East Clinic")
    assert "East Clinic" in client.get(reverse("education:contact")).content.decode()


def test_not_found_pages_are_not_cached(client):
    url = reverse("education:topic-detail", kwargs={"slug": "later"})
    assert client.get(url).status_code == 404
    TopicFactory(slug="later")
    assert client.get(url).status_code == 200
