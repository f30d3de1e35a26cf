"""The submission rate limit holds across server processes (two gunicorn instances).

Each process is a separate gunicorn on its own port, as two hosts behind a balancer would
be, in production mode. A per-process memory cache would let each of them accept the
limit again; the shared cache (the database cache, or Redis with REDIS_URL) must not.
"""

import http.cookiejar
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.screening.journey import patient_steps

BASE_DIR = Path(__file__).resolve().parents[2]
LIMIT = 3


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"server on port {port} did not start")


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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="t" + "Qx8vLm2Zr5Nw9Pk3Hj7Cd4Fb6Gs1Ty0" * 2,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_STATIC_MANIFEST="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'two.sqlite3'}",
        SUBMISSION_RATE_LIMIT=str(LIMIT),
    )
    extra = []
    if request.param == "redis":
        url, process = redis_url()
        env["REDIS_URL"] = url
        extra.append(process)
        subprocess.run(
            ["redis-cli", "-u", url, "FLUSHDB"], check=False, capture_output=True, timeout=10
        )
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["createcachetable"]):
        subprocess.run(manage + command, cwd=BASE_DIR, env=env, check=True, capture_output=True)
    ports = [free_port(), free_port()]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    servers = [
        subprocess.Popen(
            [
                gunicorn,
                "kypho.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=env,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(port)
        yield ports
    finally:
        for process in servers + [p for p in extra if p]:
            process.terminate()
            process.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def patient_sends(port):
    """One browser (own cookies) answering every step on `port`; the final send's status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    base = f"http://127.0.0.1:{port}"

    def post(path, data):
        token = next(c.value for c in jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        try:
            with opener.open(f"{base}{path}", body.encode(), timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    opener.open(f"{base}/screening/", timeout=10).read()
    assert post("/screening/", {}) == 302
    for slug, data in patient_steps().items():
        assert post(f"/screening/step/{slug}/", data) == 302, slug
    return post("/screening/check/", {})


def test_rate_limit_holds_across_two_server_processes(two_servers):
    first, second = two_servers
    statuses = [patient_sends(port) for port in (first, second, first, second)]
    assert statuses == [302, 302, 302, 429]
