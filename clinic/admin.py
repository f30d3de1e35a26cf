"""The audit log and the outbox in the admin: readable by administrators, never editable.

Nobody adds, changes or deletes an audit entry here (the model refuses it as well).
Every changelist of the site (set up in `ClinicConfig.ready`, once all apps registered
theirs) answers an impossible filter with the usual "bad filter" list, never a 500.
"""

import functools

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db import DataError, router, transaction

from clinic.models import AuditEntry, OutboxMessage


class BoundedLookups:
    """A changelist mixin: a filter Django cannot turn into a query (`?created_at__year=0`,
    a year past 9999, a number too large, text where the database wants an address) shows
    the list with ?e=1, as any other bad filter does, instead of a 500 or 503."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        # A savepoint, so a value the database refuses (DataError: `?ip_address=abc` on
        # PostgreSQL's inet) leaves the connection usable for the "bad filter" page.
        try:
            with transaction.atomic(using=router.db_for_read(self.model)):
                return super().get_results(request)
        except (OverflowError, ValueError, DataError) as error:
            raise IncorrectLookupParameters(error) from error


@functools.cache
def bounded(changelist_class):
    """`changelist_class` with `BoundedLookups` mixed in (made once per class)."""
    return type(f"Bounded{changelist_class.__name__}", (BoundedLookups, changelist_class), {})


def bound_every_changelist(site):
    """Give every ModelAdmin registered on `site` (other apps' too) bounded lookups."""
    for model_admin in site._registry.values():
        original = model_admin.get_changelist
        model_admin.get_changelist = lambda request, _get=original, **kwargs: bounded(
            _get(request, **kwargs)
        )


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
