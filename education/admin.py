from django.contrib import admin

from education.models import Location, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "order", "reviewed_by", "last_reviewed", "updated_at"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "summary", "body"]
    fields = ["title", "slug", "summary", "body", "order", "reviewed_by", "last_reviewed"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "order"]
    list_editable = ["order"]
