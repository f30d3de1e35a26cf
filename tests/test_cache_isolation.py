"""Running the tests against a shared Redis touches only the test run's own keys."""

import subprocess
import sys
import uuid

import pytest
import redis

from tests.checkout import BASE_DIR, bare_environment

REDIS_URL = "redis://127.0.0.1:6379/12"


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    client.ping()
    return client


def test_a_test_run_leaves_other_deployments_keys_alone(shared_redis):
    # A key of the site (or another test run) that shares this Redis.
    other = f"someone-else-{uuid.uuid4().hex}:1:ratelimit"
    shared_redis.set(other, "7", ex=300)
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "tests/test_healthz.py",
            ],
            cwd=BASE_DIR,
            env=bare_environment(DJANGO_DEBUG="true", REDIS_URL=REDIS_URL),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stdout[-3000:]
        assert shared_redis.get(other) == b"7"
        # ...while the run's own keys (the health probe's, for one) are gone.
        assert not list(shared_redis.scan_iter(match="*-test-*:healthz:probe"))
    finally:
        shared_redis.delete(other)
