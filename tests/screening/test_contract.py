"""docs/screening-contract.md against the code: neither may change without the other.

The contract's tables are read as data: the answer keys with their types and allowed
values, the findings with their effects, the outcome order and the thresholds. Each is
compared with what the engine, its parser, the vocabulary and the settings hold, and,
where a table states behaviour, with what the engine does.
"""

import itertools
import json
import os
import re
import subprocess
import sys
from dataclasses import fields, replace
from datetime import date, timedelta

import pytest
from django.conf import settings

from screening.eligibility import (
    ANSWER_KEYS,
    CORE_CRITERIA_IDS,
    FLAG_IDS,
    QUESTIONS,
    RULESET_VERSION,
    AnswerError,
    Answers,
    Finding,
    Thresholds,
    evaluate,
    outcome_of,
    parse_record,
    vocabulary,
)
from screening.eligibility.answers import THRESHOLD_DEFAULTS
from screening.eligibility.words import say
from screening.management.commands.screen import EXIT_BAD_INPUT
from tests.screening.factories import AS_OF, BASELINE, make_record

CONTRACT = (settings.BASE_DIR / "docs" / "screening-contract.md").read_text(encoding="utf-8")
TYPES = {
    "bool": bool,
    "tri-state": str,
    "integer": int,
    "choice": str,
    "list": tuple[str, ...],
    "date": date,
    "date or null": date | None,
}


def table(*columns):
    """The rows (dicts by column) of the contract's table whose header is `columns`."""
    lines = CONTRACT.splitlines()
    header = "| " + " | ".join(columns) + " |"
    start = lines.index(header) + 2
    rows = []
    for line in itertools.takewhile(lambda text: text.startswith("|"), lines[start:]):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.append(dict(zip(columns, cells, strict=True)))
    return rows


def ticked(cell):
    """The values written in backticks in a cell, in order."""
    return re.findall(r"`([^`]+)`", cell)


def only(cell):
    """The one value written in backticks in a cell."""
    (value,) = ticked(cell)
    return value


ANSWERS = table("key", "type", "allowed values", "what it records")
FINDINGS = table("id", "kind", "effects", "when")
OUTCOMES = table("precedence", "a finding with effect", "outcome", "queue priority")
THRESHOLDS = table("setting", "default", "allowed", "what it decides")
URGENT_ADVICE = table("id", "what the patient is told")


def test_the_contract_is_for_the_ruleset_the_engine_stamps():
    (heading,) = re.findall(r"^# Screening contract: ruleset `([^`]+)`$", CONTRACT, re.M)
    assert heading == RULESET_VERSION
    assert f'"ruleset": "{RULESET_VERSION}"' in CONTRACT


def test_answer_keys_are_the_engines_in_order():
    keys = [only(row["key"]) for row in ANSWERS]

    assert keys == list(ANSWER_KEYS)
    assert keys == [field.name for field in fields(Answers)]


def test_answer_types_are_the_engines():
    documented = {only(row["key"]): TYPES[row["type"]] for row in ANSWERS}

    assert documented == {field.name: field.type for field in fields(Answers)}


def test_allowed_values_are_the_vocabularys():
    listed = {
        only(row["key"]): tuple(ticked(row["allowed values"]))
        for row in ANSWERS
        if row["type"] in ("choice", "list", "tri-state")
    }

    assert listed == {q.key: q.values for q in QUESTIONS if q.choices}


def test_tri_state_answers_are_the_registrys_yes_no_not_sure_questions():
    documented = {only(row["key"]) for row in ANSWERS if row["type"] == "tri-state"}

    assert documented == {q.key for q in QUESTIONS if q.choices == vocabulary.TRI_STATE} - {
        "osteoporosis"  # the same three answers, documented as a plain choice
    }


def accepts(key, value):
    """True when the parser takes `value` for `key` in an otherwise valid record."""
    record = make_record(**{key: value})
    if key == "imaging":
        record["imaging_result"] = "fracture" if value else "not_done"
    if key == "imaging_result":
        record["imaging"] = [] if value == "not_done" else ["xray"]
    try:
        parse_record(record)
    except AnswerError:
        return False
    return True


def allowed_and_outside(row):
    """(values the row allows, values just outside it), in JSON form."""
    allowed, kind = ticked(row["allowed values"]), row["type"]
    if kind == "bool":
        return [json.loads(value) for value in allowed], [1, "yes", "true", None]
    if kind == "tri-state":
        return allowed, [True, False, "maybe", "Yes", None]
    if kind == "integer":
        low, high = (int(value) for value in allowed)
        return [low, high], [low - 1, high + 1, str(low), float(high)]
    if kind == "choice":
        return allowed, ["not-a-value", None]
    if kind == "list":
        return [[], *([value] for value in allowed), allowed], [["not-a-value"], allowed[0]]
    if kind == "date or null":
        return [AS_OF.isoformat(), None], ["15/03/1950", "2026-02-30"]
    return ["1950-03-15"], [None, "15/03/1950", "1950-02-30"]


@pytest.mark.parametrize("row", ANSWERS, ids=lambda row: only(row["key"]))
def test_the_parser_takes_exactly_the_allowed_values(row):
    key = only(row["key"])
    allowed, outside = allowed_and_outside(row)

    assert [value for value in allowed if not accepts(key, value)] == []
    assert [value for value in outside if accepts(key, value)] == []


def test_finding_ids_are_the_engines_in_order():
    core = [only(row["id"]) for row in FINDINGS if row["kind"] == "core"]
    flags = [only(row["id"]) for row in FINDINGS if row["kind"] == "flag"]

    assert core == list(CORE_CRITERIA_IDS)
    assert flags == list(FLAG_IDS)
    assert len(core) + len(flags) == len(FINDINGS)


def answer_variants():
    """Each answer changed one value at a time over its range, around the boundaries."""
    choices = {q.key: q.values for q in QUESTIONS if q.choices}
    values = {
        "pain_onset_date": [None, *(AS_OF - timedelta(days=d) for d in (-1, 0, 56, 57, 84, 85))],
        "pain_score": [0, 4, 5, 7, 8, 10],
        "treatment_weeks": [0, 3, 4, 10],
        "hospitalised_or_unable_to_walk": [False, True],
        "date_of_birth": [date(1950, 3, 15), AS_OF.replace(year=AS_OF.year - 10)],
        **{key: choices[key] for key in ("onset_event", "pain_trend", "imaging_result")},
        **{key: choices[key] for key in ("osteoporosis", "neuro_symptoms", "pregnant")},
        **{q.key: q.values for q in QUESTIONS if q.choices == vocabulary.TRI_STATE},
        **{key: [(), choices[key][:1]] for key in ("imaging", "treatments_tried")},
        "other_spine_diagnoses": [(), ("arthritis",)],
    }
    for field in fields(Answers):
        values.setdefault(field.name, [False, True])
    return [(key, value) for key, options in values.items() for value in options]


def test_every_effect_listed_is_one_the_engine_gives_and_no_other():
    variants = answer_variants()
    seen = set()
    for first, second in itertools.combinations(variants, 2):
        answers = replace(BASELINE, **dict([first, second]))
        result = evaluate(answers, AS_OF, Thresholds())
        seen.update((finding.id, finding.effect) for finding in result.findings)

    listed = {(only(row["id"]), e) for row in FINDINGS for e in ticked(row["effects"])}
    assert listed == seen


def test_effects_are_the_vocabularys():
    effects = {effect for row in FINDINGS for effect in ticked(row["effects"])}

    assert effects == set(vocabulary.values_of(vocabulary.EFFECTS))


def test_the_outcome_order_is_the_engines():
    effects = [ticked(row["a finding with effect"]) for row in OUTCOMES]
    for place, row in enumerate(OUTCOMES):
        stronger_absent = [e for found in effects[place:] for e in found] + ["supports"]
        findings = tuple(Finding("any", effect, say(""), "") for effect in stronger_absent)

        assert outcome_of(findings) == only(row["outcome"])
    assert [int(only(row["precedence"])) for row in OUTCOMES] == [1, 2, 3, 4]
    assert effects[-1] == []


def test_every_outcome_has_its_queue_priority():
    priorities = {only(row["outcome"]): int(only(row["queue priority"])) for row in OUTCOMES}

    assert priorities == vocabulary.PRIORITY
    assert set(priorities) == set(vocabulary.values_of(vocabulary.OUTCOMES))


def test_thresholds_are_the_engines():
    documented = {only(row["setting"]): int(only(row["default"])) for row in THRESHOLDS}

    assert documented == THRESHOLD_DEFAULTS
    assert list(documented) == list(THRESHOLD_DEFAULTS)
    assert Thresholds() == Thresholds(**{name.lower(): v for name, v in documented.items()})


def test_thresholds_default_in_settings_as_documented():
    names = [only(row["setting"]) for row in THRESHOLDS]
    code = "import json\nfrom django.conf import settings\n"
    code += f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    unset = dict.fromkeys(names, "")  # empty wins over a local .env and means "default"
    env = {**os.environ, **unset, "DJANGO_SETTINGS_MODULE": "kypho.settings"}

    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    defaults = {only(row["setting"]): int(only(row["default"])) for row in THRESHOLDS}
    assert json.loads(done.stdout) == defaults


def test_the_screen_commands_exit_status_and_message_are_as_written():
    (status,) = re.findall(r"exits with status `(\d+)`", CONTRACT)
    (example,) = re.findall(r"for\s+example `(record \d+: [^`]+)`", CONTRACT)

    with pytest.raises(AnswerError) as refused:
        parse_record(make_record(pain_score="7"), index=3)

    assert int(status) == EXIT_BAD_INPUT
    assert str(refused.value) == example


def bound(cell_value, values):
    """A range's end as a number: a literal, or the named setting's value."""
    return values[cell_value] if cell_value in values else int(cell_value)


@pytest.mark.parametrize("row", THRESHOLDS, ids=lambda row: only(row["setting"]))
def test_each_thresholds_allowed_range_is_the_start_up_checks(row):
    setting = only(row["setting"])
    low, high = ticked(row["allowed"])
    values = dict(THRESHOLD_DEFAULTS)

    def problems_with(value):
        changed = {name.lower(): v for name, v in {**values, setting: value}.items()}
        return [name for name, _message in Thresholds(**changed).problems()]

    assert setting not in problems_with(bound(low, values))
    assert setting not in problems_with(bound(high, values))
    assert setting in problems_with(bound(low, values) - 1)
    assert setting in problems_with(bound(high, values) + 1)


def test_the_urgent_advice_table_covers_every_urgent_flag_and_its_words():
    urgent = {
        finding.id: finding.patient_text.lower()
        for finding in evaluate(
            replace(
                BASELINE,
                neuro_symptoms="new_or_worsening",
                fever=True,
                onset_event="major_trauma",
                imaging=(),
                imaging_result="not_done",
            ),
            AS_OF,
            Thresholds(),
        ).findings
        if finding.effect == "urgent"
    }
    listed = {only(row["id"]): row["what the patient is told"] for row in URGENT_ADVICE}

    assert set(listed) == set(urgent)
    for finding_id, told in listed.items():
        where = told.split(",")[0].split(" at ")[0]  # "go to the nearest emergency department now"
        assert where in urgent[finding_id], finding_id
