"""The README's production steps, followed on a fresh copy, give a working site.

A copy of the project with the development .env that make wrote, an environment with no
DJANGO_DEBUG and no REDIS_URL (the database cache), a fresh database; then the steps
exactly as documented (ops/server.py runs them) and gunicorn as gunicorn.conf.py sets it.
"""

import json
import socket
import subprocess
import sys
import urllib.request

import pytest

from ops.server import PRODUCTION_STEPS, free_port, manage, production_env, serve
from tests.checkout import project_copy

SLOW_CLIENTS = 6


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The base URL of a production server made by the documented steps."""
    folder = tmp_path_factory.mktemp("production")
    checkout = project_copy(folder / "kypho")
    env = production_env(f"sqlite:///{folder / 'fresh.sqlite3'}")
    del env["DJANGO_DEBUG"]  # as the README says: leave it unset
    for args in PRODUCTION_STEPS:
        manage(env, *args, cwd=checkout)
    port = free_port()
    server = serve(env, port, cwd=checkout)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode()


def test_the_home_page_answers_after_the_documented_steps(site):
    status, html = get(f"{site}/")
    assert status == 200
    assert "kyphoplasty" in html.lower()
    assert "Traceback" not in html  # not a debug page


def test_the_database_cache_works_after_the_documented_steps(site):
    status, body = get(f"{site}/healthz")
    assert status == 200
    assert json.loads(body)["cache"] == "up"
    assert json.loads(body)["status"] == "ok"


def test_slow_clients_do_not_starve_the_server(site):
    # Several clients that send half a request and then wait, as a slowloris attack does.
    port = int(site.rsplit(":", 1)[1])
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            slow.append(sock)
        status, body = get(f"{site}/healthz", timeout=10)
        assert status == 200
        assert json.loads(body)["database"] == "up"
    finally:
        for sock in slow:
            sock.close()


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    checkout = project_copy(tmp_path / "kypho")
    env = production_env(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    del env["DJANGO_DEBUG"], env["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
