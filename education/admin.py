"""The admin for education content: topics in each language, and the clinic's locations.

A topic's languages are separate rows sharing a slug; each change page links to the
page's other languages, so an editor who changes the English sees at once which
translation to update too. A location's Spanish fields sit beside the English ones.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join

from education.models import Location, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "order", "reviewed_by", "last_reviewed", "updated_at"]
    list_editable = ["order"]
    list_filter = ["language"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "summary", "body", "slug"]
    fields = [
        "title",
        "language",
        "slug",
        "other_languages",
        "summary",
        "body",
        "order",
        "reviewed_by",
        "last_reviewed",
    ]
    readonly_fields = ["other_languages"]

    @admin.display(description="Other languages of this page")
    def other_languages(self, topic):
        """Links to the rows of this page in its other languages, or a note that none exist."""
        twins = Topic.objects.filter(slug=topic.slug).exclude(pk=topic.pk).order_by("language")
        if not topic.pk or not twins:
            return "None yet. Add one with the same slug and another language."
        return format_html_join(
            ", ",
            '<a href="{}">{} ({})</a>',
            (
                (reverse("admin:education_topic_change", args=[twin.pk]), twin.title, twin.language)
                for twin in twins
            ),
        )


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "phone", "order"]
    list_editable = ["order"]
    fieldsets = [
        ("English", {"fields": ["name", "opening_hours"]}),
        (
            "Spanish",
            {
                "fields": ["name_es", "opening_hours_es"],
                "description": "Shown on the Spanish pages. Leave blank to show the English.",
            },
        ),
        ("Both languages", {"fields": ["address", "phone", "order"]}),
    ]
