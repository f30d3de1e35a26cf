"""The start-up check: a screening threshold outside the contract's range stops the app."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from screening.checks import check_thresholds
from screening.eligibility import Thresholds


def test_the_default_thresholds_pass():
    assert check_thresholds() == []
    assert Thresholds().problems() == []


@pytest.mark.parametrize(
    ("setting", "good", "bad"),
    [
        ("FRACTURE_RECENT_WEEKS", 1, 0),
        ("FRACTURE_RECENT_WEEKS", 12, 13),  # not past FRACTURE_MAX_WEEKS (12)
        ("FRACTURE_MAX_WEEKS", 52, 53),
        ("FRACTURE_MAX_WEEKS", 8, 7),  # not before FRACTURE_RECENT_WEEKS (8)
        ("MIN_CONSERVATIVE_CARE_WEEKS", 0, -1),
        ("MIN_CONSERVATIVE_CARE_WEEKS", 52, 53),
        ("MIN_PAIN_SCORE", 1, 0),
        ("MIN_PAIN_SCORE", 8, 9),  # not past SEVERE_PAIN_SCORE (8)
        ("SEVERE_PAIN_SCORE", 10, 11),
        ("SEVERE_PAIN_SCORE", 5, 4),  # not below MIN_PAIN_SCORE (5)
        ("ADULT_AGE", 1, 0),
        ("ADULT_AGE", 21, 22),
        ("PREGNANCY_QUESTION_MAX_AGE", 0, -1),
        ("PREGNANCY_QUESTION_MAX_AGE", 120, 121),
    ],
)
def test_each_range_boundary_both_sides(settings, setting, good, bad):
    setattr(settings, setting, good)
    assert check_thresholds() == []

    setattr(settings, setting, bad)
    errors = check_thresholds()
    assert setting in {error.obj for error in errors}
    assert all(error.id == "screening.E001" for error in errors)
    assert any(f"The screening threshold {setting} must be from" in e.msg for e in errors)


def test_the_message_names_the_setting_its_bounds_and_its_value(settings):
    settings.FRACTURE_RECENT_WEEKS = 14

    messages = [error.msg for error in check_thresholds()]

    assert messages == [
        "The screening threshold FRACTURE_RECENT_WEEKS must be from 1 to "
        "FRACTURE_MAX_WEEKS (12), not 14.",
        "The screening threshold FRACTURE_MAX_WEEKS must be from FRACTURE_RECENT_WEEKS (14) "
        "to 52, not 12.",
    ]


def test_a_threshold_that_is_not_a_whole_number_is_named(settings):
    settings.MIN_PAIN_SCORE = "5"
    (error,) = check_thresholds()
    assert error.msg == "The screening threshold MIN_PAIN_SCORE must be a whole number, not '5'."


def test_the_app_refuses_to_start_with_a_threshold_out_of_range():
    env = {**os.environ, "DJANGO_DEBUG": "true", "SEVERE_PAIN_SCORE": "11"}
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "screening.E001" in done.stderr
    assert "SEVERE_PAIN_SCORE must be from MIN_PAIN_SCORE (5) to 10, not 11" in done.stderr
