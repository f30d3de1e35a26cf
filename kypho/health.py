"""The state of each service Kypho depends on, for `/healthz` and the operators.

One small function per dependency, each answering "up" or "down" (or None when this
deployment does not use it) and logging the cause, never the error's text (it can carry
query parameters). Only the database is vital: without it nothing works, so `/healthz`
answers 503. Without the cache or the task queue, pages and sends go on (slower, with the
rate limit counted per worker, with mail waiting), so `/healthz` answers 200 "degraded"
and a load balancer keeps the host in service.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Case, F, Min, When
from django.utils import timezone

logger = logging.getLogger(__name__)
UP, DOWN, STALLED = "up", "down", "stalled"
# A due task waiting longer than this means no worker is running.
MAX_QUEUE_WAIT = timedelta(minutes=5)
PROBE_KEY = "healthz:probe"


def database_state():
    """Whether the database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.error("Health check: the database did not answer (%s).", type(exc).__name__)
        return DOWN
    return UP


def cache_state():
    """Whether the shared cache stores and returns a value."""
    token = uuid.uuid4().hex
    try:
        cache.set(PROBE_KEY, token, timeout=10)
        answered = cache.get(PROBE_KEY) == token
    except Exception as exc:  # any failure of the cache server or its client
        logger.error("Health check: the cache failed (%s)%s.", type(exc).__name__, cache_hint())
        return DOWN
    return UP if answered else DOWN


def cache_hint():
    """What to do when the database cache fails: its table may never have been made."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("DatabaseCache"):
        table = settings.CACHES["default"]["LOCATION"]
        return f"; is the cache table {table!r} missing? `manage.py migrate` creates it"
    return ""


def task_queue_state():
    """Whether the task store answers and a worker takes due tasks; None without tasks."""
    if not getattr(settings, "TASKS", None):
        return None
    try:
        from django_tasks import task_backends
        from django_tasks.exceptions import TaskResultDoesNotExist
    except ImportError:
        return None
    try:
        task_backends["default"].get_result(str(uuid.uuid4()))
    except (TaskResultDoesNotExist, NotImplementedError):
        pass  # the store answered that no such task exists (or keeps no results)
    except Exception as exc:  # any failure of the queue's store
        logger.error("Health check: the task queue failed (%s).", type(exc).__name__)
        return DOWN
    return worker_state()


def worker_state():
    """UP while due tasks are being taken; STALLED when one has waited too long."""
    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return UP
    if queue_health()["ok"]:
        return UP
    logger.error(
        "Health check: a due task has waited over %s; is a worker running?", MAX_QUEUE_WAIT
    )
    return STALLED


def queue_health(*, now=None):
    """How the task queue is doing: tasks due, and how long the oldest has waited.

    `ok` is false when a due task has waited past `MAX_QUEUE_WAIT`: no worker is running.
    """
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    due_since = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default="run_after")
    due = DBTaskResult.objects.ready()
    oldest = due.aggregate(oldest=Min(due_since))["oldest"]
    waited = max(now - oldest, timedelta(0)) if oldest else timedelta(0)
    return {
        "ok": waited <= MAX_QUEUE_WAIT,
        "due": due.count(),
        "oldest_wait_seconds": int(waited.total_seconds()),
    }


CHECKS = {"database": database_state, "cache": cache_state, "tasks": task_queue_state}
VITAL = {"database"}


def report():
    """(HTTP status, {"status": ..., dependency: state}) for `/healthz`."""
    states = {name: check() for name, check in CHECKS.items()}
    states = {name: state for name, state in states.items() if state is not None}
    if any(states[name] == DOWN for name in VITAL):
        return 503, {"status": "unavailable", **states}
    overall = "ok" if all(state == UP for state in states.values()) else "degraded"
    return 200, {"status": overall, **states}
