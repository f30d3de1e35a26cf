"""Helpers of the clinician tests that drive pages (not fixtures, not factories)."""

import io
import re
import signal
from datetime import date
from unittest import mock

from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.management.commands import db_worker


def search_queue(client, params):
    """Send the queue's filter form (POST) and follow the redirect; return the queue page."""
    response = client.post(reverse("clinic:queue-search"), params)
    assert response.status_code == 302
    return client.get(response["Location"])


def run_tasks():
    """Run every due task the way a worker does (`db_worker --batch`), then stop.

    The worker closes stale connections between tasks; inside a test's transaction that
    would close the test's own, so (like Django's test client) it is kept open here.
    """
    caught = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    handlers = {number: signal.getsignal(number) for number in caught}
    try:
        with mock.patch.object(db_worker, "close_old_connections", lambda: None):
            call_command(
                "db_worker",
                "--batch",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0",
                stdout=io.StringIO(),
            )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def fhir_enabled(questionnaire, response, today=None):
    """The linkIds of the top-level items a FHIR form filler enables for `response`.

    Follows the Questionnaire's `enableWhen` as FHIR defines its operators (`=`: some
    answer equals; `!=`: no answer equals; `exists`), in item order, with a disabled
    item's answers counting as no answer, as the specification asks; and the one form of
    SDC `enableWhenExpression` the export writes (a birth date after `today` less N years).
    """
    answers = {item["linkId"]: item.get("answer", []) for item in response["item"]}
    enabled = set()
    for item in questionnaire["item"]:
        results = [
            _holds(rule, answers.get(rule["question"], []) if rule["question"] in enabled else [])
            for rule in item.get("enableWhen", [])
        ] + [
            _younger(expression, answers, enabled, today or date.today())
            for expression in _expressions(item)
        ]
        combine = any if item.get("enableBehavior") == "any" else all
        if combine(results):
            enabled.add(item["linkId"])
    return enabled


def _expressions(item):
    """The FHIRPath of an item's enableWhenExpression extensions."""
    return [
        extension["valueExpression"]["expression"]
        for extension in item.get("extension", [])
        if extension["url"].endswith("sdc-questionnaire-enableWhenExpression")
    ]


def _younger(expression, answers, enabled, today):
    """`...where(linkId = 'k').answer.value > today() - N 'years'` for one response."""
    match = re.fullmatch(
        r"%resource\.repeat\(item\)\.where\(linkId = '(\w+)'\)\.answer\.value"
        r" > today\(\) - (\d+) 'years'",
        expression,
    )
    assert match, f"an expression this evaluator does not know: {expression}"
    key, years = match[1], int(match[2])
    born = (
        [date.fromisoformat(a["valueDate"]) for a in answers.get(key, [])] if key in enabled else []
    )
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year without one
        limit = today.replace(year=today.year - years, day=28)
    return bool(born) and born[0] > limit


def _holds(rule, answers):
    """One enableWhen rule against one item's answers."""
    ((name, expected),) = [(k, v) for k, v in rule.items() if k.startswith("answer")]
    if rule["operator"] == "exists":
        return bool(answers) == expected
    value_name = "value" + name.removeprefix("answer")
    values = [_comparable(answer[value_name]) for answer in answers if value_name in answer]
    equal = _comparable(expected) in values
    return {"=": equal, "!=": not equal}[rule["operator"]]


def _comparable(value):
    """A Coding compares by system and code; any other value as it is."""
    return (value["system"], value["code"]) if isinstance(value, dict) else value
