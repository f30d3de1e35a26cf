"""Settings come from the environment and refuse an insecure production start."""

import socket
import subprocess
import sys

from tests.checkout import BASE_DIR, bare_environment, project_copy

STRONG_KEY = "x7" * 30


def start_django(cwd=BASE_DIR, show="DEBUG", **env_overrides):
    """Import the settings in a fresh interpreter with the given environment; print `show`."""
    env = bare_environment(**env_overrides)
    code = (
        f"import django; django.setup(); from django.conf import settings; print(settings.{show})"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**env, "DJANGO_SETTINGS_MODULE": "kypho.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_without_a_secret_key_refuses_to_start():
    result = start_django(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_with_a_weak_secret_key_refuses_to_start():
    result = start_django(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="short")
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_production_with_a_real_key_starts():
    result = start_django(DJANGO_DEBUG="false", DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_development_starts_without_configuration():
    result = start_django(DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_bad_number_in_environment_is_a_clear_error():
    result = start_django(DJANGO_DEBUG="true", MIN_PAIN_SCORE="five")
    assert result.returncode != 0
    assert "MIN_PAIN_SCORE must be a whole number" in result.stderr


def test_a_make_written_env_file_never_turns_production_into_debug(tmp_path):
    # A clinic following the production steps sets no DJANGO_DEBUG; a development .env
    # that make once wrote may still sit beside manage.py.
    checkout = project_copy(tmp_path)
    result = start_django(cwd=checkout, DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_make_written_env_file_does_not_excuse_a_missing_secret_key(tmp_path):
    checkout = project_copy(tmp_path)
    result = start_django(cwd=checkout)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "export DJANGO_DEBUG=true" in result.stderr


def test_the_env_file_still_fills_in_other_settings(tmp_path):
    checkout = project_copy(tmp_path, env_file=f"DJANGO_SECRET_KEY={STRONG_KEY}\n")
    result = start_django(cwd=checkout)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_debug_set_in_the_environment_works_beside_the_env_file(tmp_path):
    # How a developer runs manage.py by hand: `export DJANGO_DEBUG=true` in the shell.
    checkout = project_copy(tmp_path)
    result = start_django(cwd=checkout, DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_the_old_forwarded_for_switch_names_its_replacement():
    result = start_django(DJANGO_DEBUG="true", DJANGO_TRUST_X_FORWARDED_FOR="true")
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr


def test_trusted_proxies_are_read_as_networks():
    result = start_django(
        show="TRUSTED_PROXIES",
        DJANGO_DEBUG="true",
        DJANGO_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8",
    )
    assert result.returncode == 0, result.stderr
    assert "IPv4Network('127.0.0.1/32'), IPv4Network('10.0.0.0/8')" in result.stdout
    bad = start_django(DJANGO_DEBUG="true", DJANGO_TRUSTED_PROXIES="proxy.local")
    assert bad.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES must list IP addresses or networks" in bad.stderr


def test_a_database_that_never_answers_is_given_up_on(tmp_path):
    """A server that accepts the connection and then says nothing: the app stops waiting."""
    silent = socket.create_server(("127.0.0.1", 0))
    port = silent.getsockname()[1]
    try:
        env = bare_environment(
            DJANGO_DEBUG="true",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/kypho",
            DATABASE_CONNECT_TIMEOUT_SECONDS="2",
            DJANGO_SETTINGS_MODULE="kypho.settings",
        )
        code = "import django; django.setup(); from django.db import connection; "
        code += "connection.ensure_connection()"
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        silent.close()
    assert result.returncode != 0
    assert "OperationalError" in result.stderr
    assert "timeout expired" in result.stderr


def test_postgres_statements_have_a_time_limit():
    result = start_django(
        show="DATABASES['default']['OPTIONS']",
        DJANGO_DEBUG="true",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/kypho",
        DATABASE_STATEMENT_TIMEOUT_SECONDS="12",
    )
    assert result.returncode == 0, result.stderr
    assert "'options': '-c statement_timeout=12s'" in result.stdout
