"""The submission rate limit holds across server processes (two gunicorn instances).

Each process is a separate gunicorn on its own port, as two hosts behind a balancer would
be, in production mode. A per-process memory cache would let each of them accept the
limit again; the shared cache (the database cache, or Redis with REDIS_URL) must not.
"""

import shutil
import socket
import subprocess
import time
import uuid

import pytest

from ops.client import Browser
from ops.server import free_port, manage, production_env, serve
from tests.screening.journey import patient_steps

LIMIT = 3


def redis_url():
    """A Redis to test against: the machine's on 6379, or one started for the test."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return "redis://127.0.0.1:6379/15", None
    except OSError:
        pass
    server = shutil.which("redis-server")
    assert server, "Redis is needed for this test: install redis-server or run one on 6379"
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return f"redis://127.0.0.1:{port}/0", process


@pytest.fixture(params=["database", "redis"])
def two_servers(request, tmp_path):
    env = production_env(
        f"sqlite:///{tmp_path / 'two.sqlite3'}",
        DJANGO_STATIC_MANIFEST="false",
        SUBMISSION_RATE_LIMIT=str(LIMIT),
    )
    extra = None
    if request.param == "redis":
        env["REDIS_URL"], extra = redis_url()
        # Its own key prefix: other runs sharing this Redis keep their counters apart.
        env["CACHE_KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    manage(env, "migrate", "--noinput", "-v0")
    ports = [free_port(), free_port()]
    servers = [serve(env, port, workers=1) for port in ports]
    try:
        yield ports
    finally:
        for process in [*servers, extra]:
            if process:
                process.terminate()
                process.wait(timeout=10)


def patient_sends(port):
    """One browser (own cookies) answering every step on `port`; the final send's status."""
    browser = Browser(f"http://127.0.0.1:{port}")
    browser.get("/screening/")
    assert browser.post("/screening/", {}) == 302
    for slug, data in patient_steps().items():
        assert browser.submit(f"/screening/step/{slug}/", data) == 302, slug
    return browser.submit("/screening/check/", {})


def test_rate_limit_holds_across_two_server_processes(two_servers):
    first, second = two_servers
    statuses = [patient_sends(port) for port in (first, second, first, second)]
    assert statuses == [302, 302, 302, 429]
