"""Education content the clinic edits in the admin: topics and clinic locations."""

import hashlib

from django.db import models
from django.urls import reverse

from education.rendering import render_markdown

URGENT_TOPIC_SLUG = "get-help-urgently"


class TopicQuerySet(models.QuerySet):
    def published(self):
        """Topics in reading order, as patients see them in the menu."""
        return self.order_by("order", "title")


class Topic(models.Model):
    """A page of patient education; `body` is Markdown, `body_html` its sanitized HTML."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.TextField(max_length=400, help_text="One or two plain sentences, shown first.")
    body = models.TextField(help_text="Markdown. Use ## for section headings.")
    body_html = models.TextField(editable=False, default="")
    order = models.PositiveSmallIntegerField(default=0)
    reviewed_by = models.CharField(max_length=200)
    last_reviewed = models.DateField()
    source_checksum = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Checksum of the content as last loaded from its file; tells admin edits apart.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("education:topic-detail", kwargs={"slug": self.slug})

    def content_checksum(self):
        """A checksum of what an editor can change, to see whether the admin changed it."""
        return content_checksum(
            title=self.title,
            summary=self.summary,
            body=self.body,
            order=self.order,
            reviewed_by=self.reviewed_by,
            last_reviewed=self.last_reviewed,
        )

    @property
    def edited_since_load(self):
        return bool(self.source_checksum) and self.source_checksum != self.content_checksum()


def content_checksum(*, title, summary, body, order, reviewed_by, last_reviewed):
    """SHA-256 of a topic's editable fields, in a fixed order."""
    parts = [title, summary, body, str(order), reviewed_by, str(last_reviewed)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class Location(models.Model):
    """A place where the clinic sees patients, shown on the contact page."""

    name = models.CharField(max_length=200)
    address = models.TextField()
    phone = models.CharField(max_length=40)
    opening_hours = models.TextField(blank=True, help_text="One line per day or range of days.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def phone_tel(self):
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]
