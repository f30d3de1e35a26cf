"""What one address may write to the questionnaire: a patient counts as one start and one
send, whatever the number of pages, so a waiting room's tablet or a care home behind one
router serves about 60 patients an hour; every page POST counts against a cap that only
a flood reaches. Past a limit the patient gets the friendly 429 and loses nothing.
"""

import json
import re
import subprocess
import sys

import pytest
from django.test import Client

from screening.demo import STEP_SLUGS
from screening.models import Submission
from screening.wizard import SESSION_KEY
from tests.checkout import BASE_DIR, bare_environment
from tests.screening.journey import begin, complete, patient_steps, post_step, step_url, submit

pytestmark = pytest.mark.django_db

LIMITS = ("QUESTIONNAIRE_START_LIMIT", "SUBMISSION_RATE_LIMIT", "QUESTIONNAIRE_RATE_LIMIT")
PATIENTS_AN_HOUR = 60


def default_limits():
    """The limits a clinic gets when it sets none, read in a fresh interpreter."""
    env = {k: v for k, v in bare_environment(DJANGO_DEBUG="true").items() if k not in LIMITS}
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {LIMITS!r}}}))"
    )
    env |= {"DJANGO_SETTINGS_MODULE": "kypho.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_defaults_serve_sixty_patients_an_hour_from_one_address(settings):
    limits = default_limits()
    pages = len(patient_steps())  # each page once; allow each a second send after an error

    assert settings.QUESTIONNAIRE_RATE_WINDOW == settings.SUBMISSION_RATE_WINDOW == 3600
    assert limits["QUESTIONNAIRE_START_LIMIT"] >= PATIENTS_AN_HOUR
    assert limits["SUBMISSION_RATE_LIMIT"] >= PATIENTS_AN_HOUR
    assert limits["QUESTIONNAIRE_RATE_LIMIT"] >= PATIENTS_AN_HOUR * pages * 2


def test_a_patient_is_one_start_and_one_send_however_many_pages(client, settings):
    settings.QUESTIONNAIRE_START_LIMIT = 1
    settings.SUBMISSION_RATE_LIMIT = 1

    complete(client, patient_steps())
    assert submit(client).status_code == 302

    response = begin(Client())
    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()
    assert begin(Client(REMOTE_ADDR="10.0.0.9")).status_code == 302  # another address


def test_a_patient_part_way_through_carries_on_when_starts_run_out(settings):
    settings.QUESTIONNAIRE_START_LIMIT = 1
    first, second = Client(), Client()
    begin(first)
    assert begin(second).status_code == 429

    for slug, data in patient_steps().items():
        assert post_step(first, step_url(slug), data).status_code == 302
    assert submit(first).status_code == 302
    assert Submission.objects.count() == 1


def test_a_start_over_the_limit_keeps_the_questionnaire_in_progress(client, settings):
    settings.QUESTIONNAIRE_START_LIMIT = 1
    first = STEP_SLUGS[0]
    begin(client)
    post_step(client, step_url(first), patient_steps()[first])

    assert begin(client).status_code == 429
    assert first in client.session[SESSION_KEY]["steps"]  # Start wiped nothing


def test_a_flood_of_page_posts_is_capped_keeping_what_was_typed(client, settings):
    before = STEP_SLUGS[: STEP_SLUGS.index("pain-trend")]
    settings.QUESTIONNAIRE_RATE_LIMIT = len(before)
    steps = patient_steps(full_name="Rita Example")
    begin(client)  # a start is not a page
    for slug in before:
        assert post_step(client, step_url(slug), steps[slug]).status_code == 302

    response = post_step(client, step_url("pain-trend"), steps["pain-trend"])
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a little" in html
    assert re.search(r'value="same"[^>]* checked', html)  # the answer is still chosen
    assert "pain-trend" not in client.session[SESSION_KEY]["steps"]
