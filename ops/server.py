"""Serve Kypho as in production, on loopback, for the audit, the benchmark and the scan.

Debug off, a fresh secret key, hashed and compressed static files served by WhiteNoise,
the README's production steps, gunicorn as gunicorn.conf.py configures it (2 threaded
workers); only HTTPS redirects and secure cookies are off, since the tools speak plain
HTTP to 127.0.0.1.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port():
    """A port nobody listens on now, so two runs on one machine never meet."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(database_url, **extra):
    """The environment of a production server, on plain HTTP and the given database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.pop("REDIS_URL", None)
    env.update(
        {
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
        }
    )
    env.update(extra)
    return env


def manage(env, *args, cwd=BASE_DIR):
    subprocess.run([sys.executable, "manage.py", *args], cwd=cwd, env=env, check=True)


# The README's production steps, in its order (migrate also creates the cache table).
PRODUCTION_STEPS = (
    ("migrate", "--noinput", "-v0"),
    ("load_education",),
    ("compilemessages", "-v0"),
    ("collectstatic", "--noinput", "-v0"),
    ("check", "--deploy", "--database", "default"),
)


def prepare(env, cwd=BASE_DIR):
    """Run the README's production steps: migrate, load content, compile translations,
    collect static, check."""
    for args in PRODUCTION_STEPS:
        manage(env, *args, cwd=cwd)


def serve(env, port, workers=2, cwd=BASE_DIR):
    """Start gunicorn as configured for production (gunicorn.conf.py) on 127.0.0.1:port.

    Returns once /healthz answers.
    """
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "--config", "gunicorn.conf.py", "--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=cwd, env=env)
    for _ in range(150):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {process.returncode}); is {port} taken?")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on port {port}")
