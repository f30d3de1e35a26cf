"""Fixtures shared by every test module."""

import pytest

from education.loader import load_topics


@pytest.fixture
def topics(db):
    """The education content exactly as shipped, loaded the way `make run` loads it."""
    load_topics()
    from education.models import Topic

    return Topic.objects.all()


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache (rate-limit counters live there)."""
    from django.core.cache import cache

    from education.cache import clear_local_pages

    cache.clear()
    clear_local_pages()
    yield
    cache.clear()
    clear_local_pages()


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as if the database server were unreachable."""
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
