"""The database cache's table: `migrate` makes it, `check --deploy` names it when missing."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from kypho.cachetable import check_cache_tables
from kypho.views import outage_cause

pytestmark = pytest.mark.django_db(transaction=True)
TABLE = "kypho_cache_test_table"


@pytest.fixture
def database_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": TABLE}
    }
    yield
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def test_a_missing_cache_table_is_named_by_the_deploy_check(database_cache):
    errors = check_cache_tables(databases=["default"])
    assert [error.id for error in errors] == ["kypho.E001"]
    assert repr(TABLE) in errors[0].msg
    assert "manage.py migrate" in errors[0].hint


def test_migrate_creates_the_cache_table(database_cache):
    call_command("migrate", verbosity=0)
    assert check_cache_tables(databases=["default"]) == []
    cache.set("works", "yes")
    assert cache.get("works") == "yes"


def test_the_check_needs_a_database_to_look_at(database_cache):
    assert check_cache_tables(databases=None) == []


def test_a_failing_database_cache_is_not_blamed_on_the_database(database_cache):
    try:
        cache.get("anything")
    except Exception as exc:
        cause = outage_cause(exc)
    assert "The database cache failed" in cause
    assert "manage.py migrate" in cause
