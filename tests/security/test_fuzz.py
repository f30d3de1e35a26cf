"""Fuzz every public form endpoint: never a server error, never a row from bad input."""

import os

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screening.eligibility import evaluate
from screening.models import Submission
from screening.wizard import STEPS
from tests.screening.journey import begin, patient_steps, post_step, step_url

pytestmark = pytest.mark.django_db(transaction=False)
# Cases per test; raise KYPHO_FUZZ_EXAMPLES for a longer hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("KYPHO_FUZZ_EXAMPLES", "40")),
    deadline=None,
    # Large inputs are the point (5,000-character answers), so their size is no fault.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
# 413: a fuzzed body over DJANGO_MAX_REQUEST_BYTES, refused before it is read.
OK_STATUSES = {200, 302, 400, 404, 405, 410, 413, 429}

odd_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        ["", " ", "-1", "99999999999999999999", "1e9", "NaN", "0x1F", "\u202e7", "٣", "<script>"]
    ),
    st.text(min_size=2000, max_size=5000),
)
field_value = st.one_of(odd_text, st.lists(odd_text, max_size=4))
STEP_FIELDS = sorted(
    {name for steps in [patient_steps()] for data in steps.values() for name in data}
)
fuzzed_form = st.dictionaries(
    st.one_of(st.sampled_from(STEP_FIELDS), st.text(max_size=15)), field_value, max_size=25
)


def assert_stored_rows_are_valid():
    for row in Submission.objects.all():
        assert 0 <= row.pain_score <= 10
        assert row.full_name.strip() and row.consent_version
        assert row.outcome == evaluate(row.to_answers(), row.as_of).outcome


@pytest.mark.parametrize("slug", [step.slug for step in STEPS])
def test_fuzzed_step_posts_never_fail(slug):
    @FUZZ
    @given(data=fuzzed_form)
    def run(data):
        cache.clear()  # each example is a new visitor, well within the write limit
        client = Client()
        begin(client)
        for earlier, valid in patient_steps().items():
            if earlier == slug:
                break
            post_step(client, step_url(earlier), valid)
        response = post_step(client, step_url(slug), data)
        assert response.status_code in OK_STATUSES
        if response.status_code == 200:
            assert "There is a problem" in response.content.decode()

    run()
    assert not Submission.objects.exists()


@FUZZ
@given(data=fuzzed_form, mutate=st.sampled_from([s.slug for s in STEPS]))
def test_fuzzed_journey_stores_only_valid_rows(data, mutate):
    """One step gets fuzzed fields; refused, the patient fixes it. Every journey is stored."""
    cache.clear()  # every example reaches storage, never the rate limit
    stored_before = Submission.objects.count()
    client = Client()
    begin(client)
    for slug, valid in patient_steps().items():
        payload = {**valid, **data} if slug == mutate else valid
        response = post_step(client, step_url(slug), payload)
        assert response.status_code in OK_STATUSES
        if response.status_code != 302:
            assert post_step(client, step_url(slug), valid).status_code == 302
    response = post_step(client, reverse("screening:check"), data)
    if response.status_code != 302:  # the honeypot filled, or too large: send it plainly
        assert response.status_code in {400, 413}
        assert Submission.objects.count() == stored_before
        response = post_step(client, reverse("screening:check"))
    assert response.status_code == 302 and "/result/" in response["Location"]
    assert Submission.objects.count() == stored_before + 1
    assert_stored_rows_are_valid()


@FUZZ
@given(data=fuzzed_form)
def test_fuzzed_start_and_check_posts_never_fail(data):
    client = Client()
    assert client.post(reverse("screening:start"), data).status_code in OK_STATUSES
    assert post_step(client, reverse("screening:check"), data).status_code in OK_STATUSES
    assert not Submission.objects.exists()
