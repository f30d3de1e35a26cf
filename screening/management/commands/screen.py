"""`manage.py screen FILE`: screen answer records from a JSON file, without a database.

docs/screening-contract.md section 4 fixes the shape: one object in gives one result object out, an
array gives an array. Every record is validated before anything is printed, so a bad
record leaves standard output empty: a script never receives half a batch. Bad input is
one line on standard error naming the record and the key, and exit status 2.
"""

import json
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from screening.eligibility import AnswerError, evaluate, parse_record
from screening.eligibility.parsing import read_json

EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Input the command refuses, with the one-line message to show."""


class Command(BaseCommand):
    help = (
        "Screen answer records (a JSON object or an array of objects, see "
        "docs/screening-contract.md) "
        "and print the results as JSON. FILE may be '-' for standard input."
    )
    # A pure evaluation: no migrations, no database; of the system checks only the
    # thresholds' ranges, since the rules read them.
    requires_system_checks = ["screening"]
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        """Declare the one positional argument, the file to read."""
        parser.add_argument("file", metavar="FILE", help="JSON answer file, or - for stdin")

    def handle(self, *args, **options):
        """Read, validate every record, then print every result; exit 2 on bad input."""
        try:
            data = _load(options["file"], options.get("stdin") or sys.stdin)
            results = _screen(data, today=timezone.localdate())
        except BadInput as exc:
            self.stderr.write(str(exc))
            sys.exit(EXIT_BAD_INPUT)
        self.stdout.write(json.dumps(results, indent=2))


def _load(path, stdin):
    """Parse the JSON in `path` ('-' reads `stdin`)."""
    source = "standard input" if path == "-" else path
    try:
        if path == "-":
            text = stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {source}: {exc}") from None
    try:
        return read_json(text)
    except json.JSONDecodeError as exc:
        raise BadInput(
            f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None


def _screen(data, *, today):
    """Validate every record, then evaluate them: a result object, or a list of them."""
    if isinstance(data, list):
        parsed = [_parse(record, index, today) for index, record in enumerate(data)]
        return [evaluate(answers, as_of).to_dict() for answers, as_of in parsed]
    if isinstance(data, dict):
        answers, as_of = _parse(data, 0, today)
        return evaluate(answers, as_of).to_dict()
    raise BadInput("the input must be a JSON object or an array of objects")


def _parse(record, index, today):
    """Parse one record, turning a refusal into the command's one-line message."""
    try:
        return parse_record(record, index=index, today=today)
    except AnswerError as exc:
        raise BadInput(str(exc)) from None
