"""The audit log and the outbox in the admin: readable by administrators, never editable.

Nobody adds, changes or deletes an audit entry here (the model refuses it as well).
"""

from django.contrib import admin

from clinic.models import AuditEntry, OutboxMessage


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor_username", "action", "reference", "ip_address"]
    list_filter = ["action"]
    search_fields = ["reference", "actor_username"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEntry._meta.fields]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "subject", "status", "attempts", "last_error", "sent_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]
