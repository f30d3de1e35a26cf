"""factory_boy factories for rows the tests need."""

import datetime

import factory

from education.models import Location, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug", "language")

    language = "en"
    title = factory.Sequence(lambda n: f"Topic number {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    summary = "A short plain summary."
    body = "## A heading\n\nSome plain words about the spine."
    order = factory.Sequence(lambda n: n)
    reviewed_by = "Dr Ada Example"
    last_reviewed = datetime.date(2026, 11, 1)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Clinic site {n}")
    address = "12 Harbour Road\nPort Example"
    phone = "+1 555 010 0200"
    opening_hours = "Monday to Friday: 8am to 5pm\nSaturday: 9am to 12pm"
