"""The database cache's table: made by every `migrate`, checked by `check --deploy`.

Without REDIS_URL, production keeps its shared cache (rate limits, the education pages'
version) in a database table. `createcachetable` is easy to forget and, run in debug
(where the cache is in memory), creates nothing; so `migrate` creates the table itself
whenever the configured cache needs one, and `manage.py check --deploy --database
default` names a missing table plainly. Nothing happens with Redis or in debug.
"""

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.core.management import call_command
from django.db import connections
from django.db.models.signals import post_migrate


def database_cache_tables():
    """[(cache alias, table)] for every cache kept in the database."""
    return [
        (alias, options["LOCATION"])
        for alias, options in settings.CACHES.items()
        if options["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]


def create_cache_tables(sender, *, using, verbosity=1, **kwargs):
    """After `migrate`, create any missing database cache table (no-op otherwise)."""
    if database_cache_tables():
        call_command("createcachetable", database=using, verbosity=verbosity)


def check_cache_tables(app_configs=None, databases=None, **kwargs):
    """An error for each database cache table missing from the database checked."""
    errors = []
    for alias in databases or []:
        existing = set(connections[alias].introspection.table_names())
        errors += [
            checks.Error(
                f"The cache table {table!r} (cache {cache!r}) does not exist: rate limits "
                "count per process and every use of the cache logs an error.",
                hint="Run `manage.py migrate`, which creates it (or set REDIS_URL).",
                id="kypho.E001",
            )
            for cache, table in database_cache_tables()
            if table not in existing
        ]
    return errors


class KyphoConfig(AppConfig):
    """The project itself, as an app: its startup hooks."""

    name = "kypho"
    verbose_name = "Kypho"

    def ready(self):
        from kypho import checks as clinic_checks  # noqa: F401 (registers the start-up checks)

        post_migrate.connect(create_cache_tables, sender=self)
        checks.register(check_cache_tables, checks.Tags.caches, checks.Tags.database, deploy=True)
