"""Every page carries the security headers; pages with answers are never cached."""

import subprocess
import sys

import pytest
from django.urls import reverse

from tests.checkout import bare_environment, project_copy
from tests.screening.journey import begin, complete, patient_steps, step_url, submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/learn/", "/contact/", "/screening/", "/no-such-page/"])
def test_security_headers_on_public_pages(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "http" not in csp  # no third-party source
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_pages_with_answers_are_never_cached(client):
    begin(client)
    assert "no-store" in client.get(step_url("pain-start"))["Cache-Control"]
    complete(client, patient_steps())
    assert "no-store" in client.get(reverse("screening:check"))["Cache-Control"]
    result = client.get(submit(client)["Location"])
    assert "no-store" in result["Cache-Control"]


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path):
    # The path a clinic follows: no DJANGO_DEBUG in the environment, and a development
    # .env (as make once wrote it) beside manage.py.
    checkout = project_copy(tmp_path / "kypho")
    env = bare_environment(
        DJANGO_SECRET_KEY="k" + "7Hq2mZ9xVb4Lp8Rw3Nt6Yc1Jd5Gf0Ks" * 2,
        DJANGO_ALLOWED_HOSTS="kypho.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
