"""Tests of `manage.py screen`: JSON in, the same shape out, exit 2 on any bad input.

Exit statuses are checked on a real process, since only a real process has one.
"""

import io
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.screening.factories import AS_OF, make_record

BASE_DIR = Path(__file__).resolve().parents[2]


def run_screen(*args, stdin=None):
    """Run `manage.py screen` as a real process; return it once it has finished."""
    return subprocess.run(
        [sys.executable, "manage.py", "screen", *args],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_DEBUG": "true"},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def screen_in_process(data, *args):
    """Run the command through call_command on JSON fed to stdin; return the parsed output."""
    out = io.StringIO()
    call_command("screen", "-", *args, stdin=io.StringIO(json.dumps(data)), stdout=out)
    return json.loads(out.getvalue())


def write_json(tmp_path, data):
    """Write `data` as JSON to a file and return its path as a string."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_single_object_gives_one_result_object(tmp_path):
    out = io.StringIO()
    call_command("screen", write_json(tmp_path, make_record()), stdout=out)
    result = json.loads(out.getvalue())
    assert result["outcome"] == "likely_candidate"
    assert result["ruleset"] == "2027.01"
    assert [f["id"] for f in result["findings"]] == [
        "fracture_age",
        "imaging_confirmation",
        "conservative_care",
        "pain_severity",
    ]
    assert set(result["findings"][0]) == {"id", "effect", "patient_text", "clinician_text"}


def test_array_gives_an_array_in_the_same_order():
    results = screen_in_process(
        [make_record(fever=True), make_record(), make_record(pregnant="yes")]
    )
    assert [r["outcome"] for r in results] == ["urgent", "likely_candidate", "unlikely_candidate"]


def test_empty_array_gives_an_empty_array():
    assert screen_in_process([]) == []


def test_as_of_is_honoured():
    onset = AS_OF - timedelta(days=56)
    day_after = AS_OF + timedelta(days=1)
    results = screen_in_process(
        [make_record(pain_onset_date=onset), make_record(pain_onset_date=onset, as_of=day_after)]
    )
    assert [r["findings"][0]["effect"] for r in results] == ["supports", "review"]


def test_as_of_defaults_to_today():
    onset = timezone.localdate() - timedelta(days=85)
    result = screen_in_process(make_record(pain_onset_date=onset, as_of=None))
    assert result["findings"][0]["effect"] == "excludes"


def test_stdin_as_a_real_process():
    process = run_screen("-", stdin=json.dumps([make_record(cancer_history="unsure")]))
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout)[0]["outcome"] == "needs_review"
    assert process.stdout.startswith('[\n  {\n    "outcome"')


@pytest.mark.django_db
def test_touches_no_database_table(django_assert_num_queries):
    with django_assert_num_queries(0):
        screen_in_process([make_record(), make_record(fever=True)])


def test_bad_input_through_call_command_exits_2_with_nothing_on_stdout():
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as caught:
        call_command("screen", "-", stdin=io.StringIO("{"), stdout=out, stderr=err)
    assert caught.value.code == 2
    assert out.getvalue() == ""
    assert "not valid JSON" in err.getvalue()


def without(key):
    """The baseline record with `key` left out."""
    record = make_record()
    del record[key]
    return record


BAD_RECORDS = {
    "missing key": (without("fever"), "record 0: key 'fever': is missing"),
    "unknown key": ({**make_record(), "colour": "blue"}, "record 0: key 'colour': "),
    "value outside the allowed values": (
        make_record(pain_trend="fine"),
        "record 0: key 'pain_trend': must be one of",
    ),
    "pain score out of range": (
        make_record(pain_score=11),
        "record 0: key 'pain_score': must be a whole number from 0 to 10",
    ),
    "pain score as a string": (
        {**make_record(), "pain_score": "5"},
        "record 0: key 'pain_score': must be a whole number from 0 to 10",
    ),
    "1 for a boolean": ({**make_record(), "fever": 1}, "record 0: key 'fever': must be true or"),
    '"true" for a boolean': (
        {**make_record(), "fever": "true"},
        "record 0: key 'fever': must be true or false, not \"true\"",
    ),
    "a boolean for a tri-state": (
        {**make_record(), "blood_thinners": False},
        "record 0: key 'blood_thinners': must be one of 'yes', 'no', 'unsure', not false",
    ),
    "birth date on as_of": (
        make_record(date_of_birth=AS_OF),
        "record 0: key 'date_of_birth': 2026-11-21 must be before the evaluation date",
    ),
    "birth date after as_of": (
        make_record(date_of_birth=AS_OF + timedelta(days=1)),
        "record 0: key 'date_of_birth': 2026-11-22 must be before the evaluation date",
    ),
    "onset after as_of": (
        make_record(pain_onset_date=AS_OF + timedelta(days=1)),
        "record 0: key 'pain_onset_date': 2026-11-22 is after the evaluation date 2026-11-21",
    ),
    "not_done with scans": (
        make_record(imaging=("mri",), imaging_result="not_done"),
        "record 0: key 'imaging_result': is 'not_done' but 'imaging' lists mri",
    ),
    "fracture with no scans": (
        make_record(imaging=(), imaging_result="fracture"),
        "record 0: key 'imaging_result': is 'fracture' but 'imaging' lists no scan",
    ),
    "bad record at index 1": (
        [make_record(), {**make_record(), "fever": "no"}, make_record()],
        "record 1: key 'fever': must be true or false",
    ),
    "non-object record": ([make_record(), 42], "record 1: must be a JSON object"),
    "neither object nor array": ("hello", "must be a JSON object or an array of objects"),
}


@pytest.mark.parametrize(("data", "message"), BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_bad_record_exits_2_naming_record_and_key(tmp_path, data, message):
    process = run_screen(write_json(tmp_path, data))
    assert process.returncode == 2
    assert process.stdout == ""
    assert message in process.stderr
    assert len(process.stderr.strip().splitlines()) == 1


def test_a_key_written_twice_in_one_object_exits_2_naming_record_and_key(tmp_path):
    second = json.dumps(make_record())[:-1] + ', "fever": true}'
    path = tmp_path / "twice.json"
    path.write_text(f"[{json.dumps(make_record())}, {second}]", encoding="utf-8")
    process = run_screen(str(path))
    assert (process.returncode, process.stdout) == (2, "")
    assert process.stderr.strip() == (
        "record 1: key 'fever': is written more than once; give each key once"
    )


def test_malformed_json_exits_2(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"pain_score": 5,', encoding="utf-8")
    process = run_screen(str(path))
    assert (process.returncode, process.stdout) == (2, "")
    assert "is not valid JSON" in process.stderr


def test_malformed_json_on_stdin_exits_2():
    process = run_screen("-", stdin="[1, 2")
    assert (process.returncode, process.stdout) == (2, "")
    assert "standard input is not valid JSON" in process.stderr


def test_unreadable_file_exits_2(tmp_path):
    process = run_screen(str(tmp_path / "missing.json"))
    assert (process.returncode, process.stdout) == (2, "")
    assert "cannot read" in process.stderr and "missing.json" in process.stderr


def test_as_of_defaults_to_today_in_the_clinics_time_zone(settings):
    # 14 hours ahead of UTC: for most of the day its date is not the server's.
    settings.TIME_ZONE = "Pacific/Kiritimati"
    onset = timezone.localdate() - timedelta(days=85)
    result = screen_in_process(make_record(pain_onset_date=onset, as_of=None))
    assert result["findings"][0]["clinician_text"].startswith("Pain began 85 days ago")
