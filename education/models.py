"""Education content the clinic edits in the admin: topics and clinic locations.

A topic has a row per language (its `slug` is shared, its `language` tells them apart),
so the clinic edits the Spanish of a page beside the English, and a page with no Spanish
yet is shown to Spanish readers in English, with a notice, never as a blank page. A
location has Spanish fields beside the English ones; a blank one shows the English.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from education.rendering import render_markdown
from kypho.languages import active_language

URGENT_TOPIC_SLUG = "get-help-urgently"
ENGLISH = "en"


class TopicQuerySet(models.QuerySet):
    def published(self):
        """Topics in reading order, as patients see them in the menu."""
        return self.order_by("order", "title")

    def for_language(self, language):
        """The topics a reader of `language` sees, in reading order: the rows in that
        language, and the English row of each page that has none in it yet."""
        rows = list(self.filter(language__in={language, ENGLISH}).published())
        own = {topic.slug for topic in rows if topic.language == language}
        return [t for t in rows if t.language == language or t.slug not in own]

    def page(self, slug, language):
        """The row of page `slug` a reader of `language` sees (its English while it has no
        row in `language`), or None when there is no such page."""
        rows = {t.language: t for t in self.filter(slug=slug, language__in={language, ENGLISH})}
        return rows.get(language) or rows.get(ENGLISH)


class Topic(models.Model):
    """A page of patient education in one language; `body` is Markdown, `body_html` its
    sanitized HTML."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, help_text="Shared by the page's languages.")
    language = models.CharField(
        max_length=8,
        choices=[(code, name) for code, name in settings.LANGUAGES],
        default=ENGLISH,
        help_text="The language of this version of the page.",
    )
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
        constraints = [
            models.UniqueConstraint(fields=["slug", "language"], name="one_topic_per_language")
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The page's address in the language it is read in (a fallback English row
        shown to a Spanish reader keeps the Spanish address)."""
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
    """A place where the clinic sees patients, shown on the contact page.

    The name and the hours have Spanish twins (`name_es`, `opening_hours_es`);
    `shown_name` and `shown_opening_hours_lines` give the active language's, or the
    English where the Spanish is blank. The address and phone are the same in both.
    """

    name = models.CharField(max_length=200)
    name_es = models.CharField(
        "name (Spanish)", max_length=200, blank=True, help_text="Leave blank to show the English."
    )
    address = models.TextField()
    phone = models.CharField(max_length=40)
    opening_hours = models.TextField(blank=True, help_text="One line per day or range of days.")
    opening_hours_es = models.TextField(
        "hours (Spanish)",
        blank=True,
        help_text="One line per day or range of days. Leave blank to show the English.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.shown_name

    def _shown(self, field):
        """`field` in the active language: its Spanish twin on Spanish pages, when set."""
        if active_language() == "es":
            return getattr(self, f"{field}_es") or getattr(self, field)
        return getattr(self, field)

    @property
    def shown_name(self):
        return self._shown("name")

    @property
    def shown_opening_hours_lines(self):
        hours = self._shown("opening_hours")
        return [line.strip() for line in hours.splitlines() if line.strip()]

    @property
    def phone_tel(self):
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]
